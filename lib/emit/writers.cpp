// Records as JSON, JSON Lines, YAML and CSV: JSON text straight from a Document, or from a tree.
#include <algorithm>
#include <cstdlib>
#include <string>

#include "core/byte_names.h"
#include "core/utf8.h"
#include "emit/json_writer.h"
#include "emit/record_fields.h"
#include "emit/text_buffer.h"
#include "emit/yaml_scalar.h"
#include "emit/yaml_writer.h"
#include "jianbao/emit.h"

namespace jianbao::emit {
namespace {

using Json = nlohmann::ordered_json;

// Short lists of numbers ([first, last]) read best inline.
bool flow_list(const Json& j) {
  return j.is_array() && j.size() <= 2 &&
         std::all_of(j.begin(), j.end(), [](const Json& e) { return e.is_number(); });
}

// Written on the line it belongs to: scalars, empty containers and flow lists.
bool is_inline(const Json& j) {
  return !(j.is_object() || j.is_array()) || j.empty() || flow_list(j);
}

void append_inline(std::string* out, const Json& j) {
  switch (j.type()) {
    case Json::value_t::object:
      *out += "{}";
      break;
    case Json::value_t::array:
      *out += "[";
      for (size_t i = 0; i < j.size(); ++i) {
        if (i) *out += ", ";
        append_inline(out, j[i]);
      }
      *out += "]";
      break;
    case Json::value_t::string:
      append_yaml_scalar(out, j.get_ref<const std::string&>());
      break;
    case Json::value_t::boolean:
      *out += j.get<bool>() ? "true" : "false";
      break;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      *out += j.dump();
      break;
    case Json::value_t::number_float:
      append_yaml_real(out, j.get<double>());
      break;
    default:
      *out += "null";
  }
}

// A non-empty container in block style, `indent` spaces in. `after_dash`: its first line goes on
// the line of the "- " that holds it.
void append_block(std::string* out, const Json& j, int indent, bool after_dash) {
  bool first = true;
  auto start_line = [&] {
    if (!(first && after_dash)) {
      out->push_back('\n');
      out->append(static_cast<size_t>(indent), ' ');
    }
    first = false;
  };
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      start_line();
      append_yaml_scalar(out, k);
      out->push_back(':');
      if (is_inline(v)) {
        out->push_back(' ');
        append_inline(out, v);
      } else {
        append_block(out, v, indent + 2, false);
      }
    }
    return;
  }
  for (const Json& v : j) {
    start_line();
    *out += "- ";
    if (is_inline(v)) {
      append_inline(out, v);
    } else {
      append_block(out, v, indent + 2, true);
    }
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

// Block-style YAML written here rather than by yaml-cpp, whose emitter wrote DEL, U+0085, U+2028
// and U+2029 raw, "=" and "<<" plain, and noncharacters as U+FFFD (issue 13).
std::string to_yaml(const Json& tree) {
  std::string out;
  if (is_inline(tree)) {
    append_inline(&out, tree);
  } else {
    append_block(&out, tree, 0, false);
    out.erase(0, 1);  // the first line's '\n'
  }
  return out + "\n";
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
  std::string out;
  write(doc, options, [&out](std::string_view s) { out.append(s); });
  return out;
}

void DocumentStream::write(const Document& doc, const EmitOptions& options,
                           const std::function<void(std::string_view)>& sink) {
  ++done_;
  if (format_ == Format::kYaml) {
    std::string out = "---\n";
    YamlWriter w(&out, sink);
    fields::document(w, doc, options);
    out.push_back('\n');
    sink(out);
    return;
  }
  TextBuffer out(&buffer_);
  out.clear();  // the room stays, grown for the first record
  // An element of the array is one level in, as Json(records).dump(2) writes it.
  const bool element = format_ == Format::kJson && count_ != 1;
  if (element) out.put(done_ == 1 ? "[\n  " : ",\n  ");
  JsonWriter w(&out, format_ == Format::kJson ? 2 : -1, element ? 1 : 0);
  w.spill_to(sink);
  fields::document(w, doc, options);
  if (!element) out.put('\n');
  sink(out.text());
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
  TextBuffer text(&out);
  JsonWriter w(&text, indent);
  fields::document(w, doc, options);
  text.trim();
  return out;
}

std::string metric_record_text(const Document& doc, const Section& section, const Item& item,
                               const Metric& metric, const EmitOptions& options) {
  std::string out;
  TextBuffer text(&out);
  JsonWriter w(&text, -1);
  fields::metric_record(w, doc, section, item, metric, options);
  text.trim();
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
