// Output options shared by extract and trend: --bom, --fields, --compact and --pretty, and the
// record writers that apply them.
#pragma once

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "jianbao/status.h"

namespace jianbao::cli {

struct OutputOptions {
  bool bom = false;      // CSV: start with a UTF-8 byte order mark (Excel on zh-CN Windows)
  std::string fields;    // comma-separated; empty: every field
  bool compact = false;  // JSON: one line
  bool pretty = false;   // JSON: indented (the default for json, never for jsonl)
};

void bind_output_options(CLI::App* cmd, OutputOptions* o);

// The columns to write: --fields when given (each must be one of `known`), else `known`.
Result<std::vector<std::string>> chosen_fields(const OutputOptions& o,
                                               const std::vector<std::string>& known);

// `record` with only `fields`, in their order (absent ones left out).
nlohmann::ordered_json project(const nlohmann::ordered_json& record,
                               const std::vector<std::string>& fields);

// Writes records as "csv", "csv-excel" (CSV with a BOM), "jsonl", "json" (an array, always, also
// of one record or none) or "yaml".
class RecordWriter {
 public:
  RecordWriter(std::string format, const OutputOptions& o, std::vector<std::string> fields);
  std::string begin() const;
  std::string row(const nlohmann::ordered_json& record);
  std::string end() const;

 private:
  std::string format_;
  OutputOptions options_;
  std::vector<std::string> fields_;
  size_t rows_ = 0;
  std::vector<nlohmann::ordered_json> yaml_;
};

}  // namespace jianbao::cli
