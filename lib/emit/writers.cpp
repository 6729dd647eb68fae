// Records as JSON, JSON Lines, YAML and CSV: JSON text straight from a Document, or from a tree.
#include <algorithm>
#include <cstdlib>
#include <string>

#include "core/byte_names.h"
#include "core/utf8.h"
#include "emit/json_writer.h"
#include "emit/record_fields.h"
#include "jianbao/emit.h"

namespace jianbao::emit {
namespace {

using Json = nlohmann::ordered_json;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// YYYY-M[M]-D[D], then the end or a T, t or space (YAML 1.1 timestamps).
bool starts_like_date(const std::string& s) {
  size_t i = 0;
  const auto digits = [&](size_t least, size_t most) {
    size_t n = 0;
    while (i < s.size() && n < most && is_digit(s[i])) ++i, ++n;
    return n >= least;
  };
  if (!digits(4, 4) || i >= s.size() || s[i++] != '-' || !digits(1, 2) || i >= s.size() ||
      s[i++] != '-' || !digits(1, 2)) {
    return false;
  }
  return i == s.size() || s[i] == 'T' || s[i] == 't' || s[i] == ' ';
}

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
  // A date (2024-05-1) and anything after it past a space or T: readers differ on how much of
  // a timestamp they accept, so every such scalar is quoted.
  if (starts_like_date(s)) return true;
  const char first = s[0];
  const bool number_start =
      (first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.';
  return number_start &&
         s.find_first_not_of("0123456789abcdefABCDEFxXoO_:.+-T ") == std::string::npos;
}

bool is_noncharacter(char32_t c) { return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE; }

// Code points a double-quoted scalar writes as an escape: controls, DEL, C1 (U+0085 is a YAML
// line break), U+2028 and U+2029 (line breaks too), the BOM, noncharacters (yaml-cpp turned them
// into U+FFFD; YAML readers differ on them raw) and anything PyYAML calls non-printable.
bool needs_escape(char32_t c) {
  if (c == '\t') return false;
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF ||
         is_noncharacter(c) || (c >= 0xD800 && c <= 0xDFFF);
}

// A plain scalar reads back as the same string: no indicator at the start, no ": " or " #",
// nothing a YAML 1.1 reader types (numbers, bools, null, dates, "=" the value key, "<<" the merge
// key), and no character that needs an escape.
bool plain_ok(const std::string& s, const std::u32string& cps) {
  if (s.empty() || reads_as_non_string(s) || s == "=" || s == "<<") return false;
  static const std::u32string kIndicators = U"-?:,[]{}#&*!|>'\"%@`= \t<";
  if (kIndicators.find(cps.front()) != std::u32string::npos) return false;
  const char32_t last = cps.back();
  if (last == ' ' || last == '\t' || last == ':') return false;
  if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos ||
      s.find(":\t") != std::string::npos || s.find("\t#") != std::string::npos) {
    return false;
  }
  for (const char32_t c : cps) {
    if (needs_escape(c) || c == '\t' || c == 0xA0 || c == 0xFFFD) return false;
  }
  return true;
}

void append_hex(std::string* out, const char* prefix, char32_t c, int digits) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  *out += prefix;
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) *out += kHex[(c >> shift) & 0xF];
}

void append_scalar(std::string* out, const std::string& raw) {
  // Text is valid UTF-8 by construction (decode); a name may not be (core/byte_names.h).
  const std::string s = core::escape_invalid_utf8(raw);
  std::u32string cps;
  for (size_t pos = 0; pos < s.size();) cps.push_back(core::next_code_point(s, &pos));
  if (plain_ok(s, cps)) {
    *out += s;
    return;
  }
  out->push_back('"');
  for (const char32_t c : cps) {
    switch (c) {
      case '"':
        *out += "\\\"";
        continue;
      case '\\':
        *out += "\\\\";
        continue;
      case '\n':
        *out += "\\n";
        continue;
      case '\r':
        *out += "\\r";
        continue;
      case '\t':
        *out += "\\t";
        continue;
      default:
        break;
    }
    if (!needs_escape(c)) {
      core::append_utf8(out, c);
    } else if (c <= 0xFF) {
      append_hex(out, "\\x", c, 2);
    } else if (c <= 0xFFFF) {
      append_hex(out, "\\u", c, 4);
    } else {
      append_hex(out, "\\U", c, 8);
    }
  }
  out->push_back('"');
}

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
      append_scalar(out, j.get_ref<const std::string&>());
      break;
    case Json::value_t::boolean:
      *out += j.get<bool>() ? "true" : "false";
      break;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
      *out += j.dump();
      break;
    case Json::value_t::number_float: {
      // YAML 1.1 (PyYAML) reads a float only with a '.': 1e+21 would come back a string.
      std::string text = j.dump();
      const size_t e = text.find_first_of("eE");
      if (e != std::string::npos && text.find('.') == std::string::npos) text.insert(e, ".0");
      *out += text;
      break;
    }
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
      append_scalar(out, k);
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
