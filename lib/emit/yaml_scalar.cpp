// YAML scalars: plain where a reader gets the same string back, else double-quoted with escapes.
// Shared by to_yaml (a tree) and YamlWriter (streamed), so both write the same bytes.
#include "emit/yaml_scalar.h"

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/byte_names.h"
#include "core/utf8.h"

namespace jianbao::emit {
namespace {

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
  // string_views: most scalars differ from each word in length, which is compared first.
  static constexpr std::string_view kWords[] = {
      "true",  "false", "yes", "no",  "on",  "off",  "null", "~",    "True",
      "False", "Yes",   "No",  "On",  "Off", "Null", "NULL", "TRUE", "FALSE",
      "YES",   "NO",    "ON",  "OFF", "y",   "n",    "Y",    "N"};
  for (const std::string_view w : kWords) {
    if (s == w) return true;
  }
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  if (end != nullptr && *end == '\0') return true;
  // YAML 1.1 readers (PyYAML) also type .inf/.nan, 0x1F, 0o17, 0b101, 1_000, sexagesimal 10:30
  // and dates; any ASCII scalar that starts like a number and holds only number-ish characters
  // is quoted rather than matched against each form.
  static constexpr std::string_view kSpecial[] = {".inf",  ".Inf",  ".INF",  "-.inf",
                                                  "+.inf", ".nan",  ".NaN",  ".NAN",
                                                  "-.Inf", "+.Inf", "-.INF", "+.INF"};
  for (const std::string_view w : kSpecial) {
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
  // The ranges nearly all text is in, none of which the cases below touch: printable ASCII,
  // U+00A0..U+2027, and U+202A..U+D7FF (CJK).
  if ((c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c < 0x2028) || (c > 0x2029 && c < 0xD800)) {
    return false;
  }
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

// A quick yes for what most scalars of a bulletin are, text that starts with a non-ASCII
// character and reads back plain: plain_ok's answer for it, without the copies and the number
// parsing it goes through. False means "not known": plain_ok decides. A first code point >= 0x80
// is no indicator, number, word or date (reads_as_non_string); each code point is decoded as the
// full path decodes it, and a U+FFFD (also what a malformed byte decodes as) is left to it.
bool plain_as_it_is(const std::string& s) {
  if (s.empty() || static_cast<unsigned char>(s[0]) < 0x80) return false;
  char previous = 0;
  for (size_t pos = 0; pos < s.size();) {
    const char b = s[pos];
    if (static_cast<unsigned char>(b) < 0x80) {
      if (b < 0x20 || b == 0x7F) return false;  // controls (the tab too) and DEL
      if ((previous == ':' && b == ' ') || (previous == ' ' && b == '#')) return false;
      previous = b;
      ++pos;
      continue;
    }
    const char32_t c = core::next_code_point(s, &pos);
    if (c == 0xFFFD || c == 0xA0 || needs_escape(c)) return false;
    previous = 0;
  }
  return s.back() != ' ' && s.back() != ':';
}

}  // namespace

void append_yaml_scalar(std::string* out, const std::string& raw) {
  if (plain_as_it_is(raw)) {
    *out += raw;
    return;
  }
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

void append_yaml_real(std::string* out, double v) {
  // nlohmann's shortest round trip (null for inf/NaN), as the JSON outputs write it; YAML 1.1
  // (PyYAML) reads a float only with a '.': 1e+21 would come back a string.
  std::string text = nlohmann::ordered_json(v).dump();
  const size_t e = text.find_first_of("eE");
  if (e != std::string::npos && text.find('.') == std::string::npos) text.insert(e, ".0");
  *out += text;
}

}  // namespace jianbao::emit
