// Stage 5 of 5: Documents to YAML, JSON, JSON Lines or CSV.
//
// One description of the record's fields (lib/emit/record_fields.h) is written either into a JSON
// tree (nlohmann::ordered_json, so fields keep the contract's order), which CSV, `check` and
// `explain` walk, or straight out as text for JSON, JSON Lines and YAML, with no tree in between:
// the same bytes as the tree's dump() or to_yaml(), at a fraction of the time and memory. Field
// names are the output contract.
//
//   std::string yaml = jianbao::emit::emit_document(doc, {}, jianbao::emit::Format::kYaml);
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "jianbao/document.h"

namespace jianbao::emit {

enum class Format { kYaml, kJson, kJsonl, kCsv };

// "yaml" | "json" | "jsonl" | "csv"; false for anything else.
bool parse_format(const std::string& name, Format* format);

struct EmitOptions {
  bool explain = false;  // add each metric's rule id
};

nlohmann::ordered_json document_json(const Document& doc, const EmitOptions& options);

// document_json(doc, options).dump(indent) (indent < 0: dump()), written without the tree.
std::string document_json_text(const Document& doc, const EmitOptions& options, int indent);

// One flat record per metric, with its file, section and item: the `extract` stream.
nlohmann::ordered_json metric_record(const Document& doc, const Section& section, const Item& item,
                                     const Metric& metric, const EmitOptions& options);
// metric_record(...).dump(), written without the tree.
std::string metric_record_text(const Document& doc, const Section& section, const Item& item,
                               const Metric& metric, const EmitOptions& options);

// YAML: one document each ("---" between); JSON: an object for one, an array for several;
// JSON Lines: one object per line. CSV is not a document format (kInvalidArgument upstream).
std::string emit_documents(const std::vector<nlohmann::ordered_json>& records, Format format);
// emit_documents({document_json(doc, options)}, format); JSON and JSON Lines build no tree.
std::string emit_document(const Document& doc, const EmitOptions& options, Format format);

// The same bytes as emit_documents, one record at a time, so a caller can write each record and
// drop it: memory stays flat however many bulletins a run holds.
//   DocumentStream s(Format::kJson, paths.size());
//   for (...) out.append(s.next(doc, options));  // or s.next(record) for a tree
//   out.append(s.finish());
class DocumentStream {
 public:
  DocumentStream(Format format, size_t count) : format_(format), count_(count) {}
  std::string next(const nlohmann::ordered_json& record);
  // next(document_json(doc, options)); JSON and JSON Lines are written with no tree.
  std::string next(const Document& doc, const EmitOptions& options);
  // The same text as next(doc, options), handed to `sink` a piece (about 64 KiB) at a time as it
  // is written: no format builds the record whole, in a tree or a string.
  void write(const Document& doc, const EmitOptions& options,
             const std::function<void(std::string_view)>& sink);
  std::string finish();

 private:
  Format format_;
  size_t count_;
  size_t done_ = 0;
  std::string buffer_;  // write()'s room for JSON text (lib/emit/text_buffer.h), grown once
};

// Records as CSV with a header row of `columns`; values that are not strings are written as JSON.
std::string emit_csv(const std::vector<nlohmann::ordered_json>& records,
                     const std::vector<std::string>& columns);
// The same, a piece at a time: the header row, then one row per record.
std::string csv_header(const std::vector<std::string>& columns);
std::string csv_row(const nlohmann::ordered_json& record, const std::vector<std::string>& columns);

// The JSON tree as YAML (block style; strings that would read as numbers are quoted).
std::string to_yaml(const nlohmann::ordered_json& tree);

}  // namespace jianbao::emit
