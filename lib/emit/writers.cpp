// Records as JSON, JSON Lines, YAML and CSV: JSON text straight from a Document, or from a tree.
#include <yaml-cpp/yaml.h>

#include <cstdlib>

#include "emit/json_writer.h"
#include "emit/record_fields.h"
#include "jianbao/emit.h"

namespace jianbao::emit {
namespace {

using Json = nlohmann::ordered_json;

// A plain YAML scalar that a reader would take for a number, bool or null must be quoted:
// the code "370000" stays a string.
bool reads_as_non_string(const std::string& s) {
  if (s.empty()) return true;
  static const char* const kWords[] = {"true", "false", "yes",   "no",    "on",  "off", "null",
                                       "~",    "True",  "False", "Yes",   "No",  "On",  "Off",
                                       "Null", "NULL",  "TRUE",  "FALSE", "YES", "NO",  "ON",
                                       "OFF",  "y",     "n",     "Y",     "N"};
  for (const char* w : kWords) {
    if (s == w) return true;
  }
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  if (end != nullptr && *end == '\0') return true;
  // YAML 1.1 readers (PyYAML) also type .inf/.nan, 0x1F, 0o17, 0b101, 1_000, sexagesimal 10:30
  // and dates; any ASCII scalar that starts like a number and holds only number-ish characters
  // is quoted rather than matched against each form.
  static const char* const kSpecial[] = {".inf", ".Inf", ".INF",  "-.inf", "+.inf", ".nan",
                                         ".NaN", ".NAN", "-.Inf", "+.Inf", "-.INF", "+.INF"};
  for (const char* w : kSpecial) {
    if (s == w) return true;
  }
  const char first = s[0];
  const bool number_start =
      (first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.';
  return number_start &&
         s.find_first_not_of("0123456789abcdefABCDEFxXoO_:.+-T ") == std::string::npos;
}

void emit_yaml(YAML::Emitter& out, const Json& j) {
  switch (j.type()) {
    case Json::value_t::object:
      out << YAML::BeginMap;
      for (const auto& [k, v] : j.items()) {
        out << YAML::Key << k << YAML::Value;
        emit_yaml(out, v);
      }
      out << YAML::EndMap;
      break;
    case Json::value_t::array:
      // Short lists of scalars ([first, last]) read best inline.
      if (j.size() <= 2 &&
          std::all_of(j.begin(), j.end(), [](const Json& e) { return e.is_number(); })) {
        out << YAML::Flow;
      }
      out << YAML::BeginSeq;
      for (const auto& v : j) emit_yaml(out, v);
      out << YAML::EndSeq;
      break;
    case Json::value_t::string: {
      const std::string& s = j.get_ref<const std::string&>();
      if (reads_as_non_string(s)) out << YAML::DoubleQuoted;
      out << s;
      break;
    }
    case Json::value_t::boolean:
      out << j.get<bool>();
      break;
    case Json::value_t::number_integer:
      out << j.get<long long>();
      break;
    case Json::value_t::number_unsigned:
      out << j.get<unsigned long long>();
      break;
    case Json::value_t::number_float:
      out << j.dump();
      break;
    default:
      out << YAML::Null;
  }
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

}  // namespace

std::string to_yaml(const Json& tree) {
  YAML::Emitter out;
  out.SetIndent(2);
  out << YAML::LowerNull;
  emit_yaml(out, tree);
  return std::string(out.c_str()) + "\n";
}

std::string DocumentStream::next(const Json& record) {
  ++done_;
  switch (format_) {
    case Format::kYaml:
      return "---\n" + to_yaml(record);
    case Format::kJson: {
      std::string text = record.dump(2);
      if (count_ == 1) return text + "\n";
      // An element of the array: the record's lines indented one level (strings hold no raw
      // newline, so every '\n' of the dump is a line break), as Json(records).dump(2) writes it.
      std::string out = done_ == 1 ? "[\n  " : ",\n  ";
      out.reserve(out.size() + text.size() + text.size() / 16);
      for (const char c : text) {
        out.push_back(c);
        if (c == '\n') out += "  ";
      }
      return out;
    }
    case Format::kJsonl:
    case Format::kCsv:
      return record.dump() + "\n";
  }
  return "";
}

std::string DocumentStream::next(const Document& doc, const EmitOptions& options) {
  if (format_ == Format::kYaml) return next(document_json(doc, options));
  ++done_;
  std::string out;
  if (format_ != Format::kJson) {
    JsonWriter w(&out, -1);
    fields::document(w, doc, options);
  } else if (count_ == 1) {
    JsonWriter w(&out, 2);
    fields::document(w, doc, options);
  } else {
    // An element of the array, one level in, as Json(records).dump(2) writes it.
    out = done_ == 1 ? "[\n  " : ",\n  ";
    JsonWriter w(&out, 2, 1);
    fields::document(w, doc, options);
    return out;
  }
  out.push_back('\n');
  return out;
}

std::string DocumentStream::finish() {
  if (format_ != Format::kJson || count_ == 1) return "";
  return done_ == 0 ? "[]\n" : "\n]\n";
}

std::string emit_documents(const std::vector<Json>& records, Format format) {
  DocumentStream stream(format, records.size());
  std::string out;
  for (const Json& r : records) out += stream.next(r);
  return out + stream.finish();
}

std::string emit_document(const Document& doc, const EmitOptions& options, Format format) {
  DocumentStream stream(format, 1);
  std::string out = stream.next(doc, options);
  return out + stream.finish();
}

std::string document_json_text(const Document& doc, const EmitOptions& options, int indent) {
  std::string out;
  JsonWriter w(&out, indent);
  fields::document(w, doc, options);
  return out;
}

std::string metric_record_text(const Document& doc, const Section& section, const Item& item,
                               const Metric& metric, const EmitOptions& options) {
  std::string out;
  JsonWriter w(&out, -1);
  fields::metric_record(w, doc, section, item, metric, options);
  return out;
}

std::string csv_header(const std::vector<std::string>& columns) {
  std::string out;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i) out += ",";
    out += csv_field(columns[i]);
  }
  return out + "\r\n";
}

std::string csv_row(const Json& record, const std::vector<std::string>& columns) {
  std::string out;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i) out += ",";
    if (!record.contains(columns[i]) || record[columns[i]].is_null()) continue;
    const Json& v = record[columns[i]];
    out += csv_field(v.is_string() ? v.get<std::string>() : v.dump());
  }
  return out + "\r\n";
}

std::string emit_csv(const std::vector<Json>& records, const std::vector<std::string>& columns) {
  std::string out = csv_header(columns);
  for (const Json& r : records) out += csv_row(r, columns);
  return out;
}

}  // namespace jianbao::emit
