#include "output_options.h"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "jianbao/emit.h"

namespace jianbao::cli {
namespace {

using Json = nlohmann::ordered_json;
constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";
constexpr int kIndent = 2;

bool is_csv(const std::string& format) { return format == "csv" || format == "csv-excel"; }

}  // namespace

void bind_output_options(CLI::App* cmd, OutputOptions* o) {
  cmd->add_flag("--bom", o->bom, "CSV: start with a UTF-8 BOM, as Excel on Windows expects");
  cmd->add_option("--fields", o->fields, "Comma-separated fields to write, in this order");
  cmd->add_flag("--compact", o->compact, "JSON: one line");
  cmd->add_flag("--pretty", o->pretty, "JSON: indented (the default for -f json)");
}

Result<std::vector<std::string>> chosen_fields(const OutputOptions& o,
                                               const std::vector<std::string>& known) {
  if (o.fields.empty()) return known;
  std::vector<std::string> out;
  std::stringstream in(o.fields);
  for (std::string f; std::getline(in, f, ',');) {
    if (std::find(known.begin(), known.end(), f) == known.end()) {
      return Status::invalid_argument(
          fmt::format("--fields: unknown field '{}' (known: {})", f, fmt::join(known, ",")));
    }
    out.push_back(f);
  }
  return out;
}

Json project(const Json& record, const std::vector<std::string>& fields) {
  Json out = Json::object();
  for (const std::string& f : fields) {
    if (record.contains(f)) out[f] = record[f];
  }
  return out;
}

RecordWriter::RecordWriter(std::string format, const OutputOptions& o,
                           std::vector<std::string> fields)
    : format_(std::move(format)), options_(o), fields_(std::move(fields)) {}

std::string RecordWriter::begin() const {
  if (!is_csv(format_)) return "";
  const bool bom = options_.bom || format_ == "csv-excel";
  return (bom ? std::string(kUtf8Bom) : std::string()) + emit::csv_header(fields_);
}

std::string RecordWriter::row(const Json& record) {
  ++rows_;
  if (is_csv(format_)) return emit::csv_row(record, fields_);
  const Json r = project(record, fields_);
  if (format_ == "yaml") {
    yaml_.push_back(r);
    return "";
  }
  if (format_ == "jsonl") return r.dump() + "\n";
  // json: the elements of one array.
  if (options_.compact) return (rows_ == 1 ? "[" : ",") + r.dump();
  std::string text = r.dump(kIndent);
  std::string out = rows_ == 1 ? "[\n  " : ",\n  ";
  for (const char c : text) {
    out.push_back(c);
    if (c == '\n') out += "  ";
  }
  return out;
}

std::string RecordWriter::end() const {
  if (format_ == "yaml") return emit::to_yaml(Json(yaml_));
  if (format_ != "json") return "";
  if (rows_ == 0) return "[]\n";
  return options_.compact ? "]\n" : "\n]\n";
}

}  // namespace jianbao::cli
