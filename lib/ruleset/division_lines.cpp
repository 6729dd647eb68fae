#include "ruleset/division_lines.h"

#include <cstring>

#include "core/utf8.h"

namespace jianbao::ruleset {
namespace {

// Consumes `literal` at the front of `s`.
bool take(std::string_view* s, std::string_view literal) {
  if (s->substr(0, literal.size()) != literal) return false;
  s->remove_prefix(literal.size());
  return true;
}

// Consumes a run of bytes that `ok` accepts, up to `end`, into *out; false when the run is empty
// or `end` does not follow it.
template <typename Pred>
bool take_until(std::string_view* s, std::string_view end, Pred ok, std::string* out) {
  size_t n = 0;
  while (n < s->size() && ok(static_cast<unsigned char>((*s)[n]))) ++n;
  if (n == 0 || s->substr(n, end.size()) != end) return false;
  out->assign(s->substr(0, n));
  s->remove_prefix(n + end.size());
  return true;
}

// Function objects, not functions, so that each take_until is compiled with its test inlined
// (through a function pointer the three shared one copy and called it for every byte).
constexpr auto kDigitByte = [](unsigned char c) { return c >= '0' && c <= '9'; };
constexpr auto kLowerByte = [](unsigned char c) { return c >= 'a' && c <= 'z'; };
// A plain scalar's bytes here: no space and none of YAML's flow indicators, quotes or comment
// sign, so the text means itself.
constexpr auto kPlainByte = [](unsigned char c) {
  return c > ' ' && c != ',' && c != '{' && c != '}' && c != '[' && c != ']' && c != ':' &&
         c != '#' && c != '"' && c != '\'' && c != '\\' && c != 0x7f;
};

std::optional<Place> read_entry(std::string_view line) {
  Place p;
  if (!take(&line, "  - {name: ")) return std::nullopt;
  // A leading non-ASCII byte: no indicator (- ? & * ! | > % @ `) and no null/true/number.
  if (line.empty() || static_cast<unsigned char>(line[0]) < 0x80) return std::nullopt;
  if (!take_until(&line, ", code: \"", kPlainByte, &p.name)) return std::nullopt;
  if (core::find_invalid_utf8(p.name) != std::string_view::npos) return std::nullopt;
  if (!take_until(&line, "\", level: ", kDigitByte, &p.code)) return std::nullopt;
  if (!take_until(&line, ", province: \"", kLowerByte, &p.level)) return std::nullopt;
  if (!take_until(&line, "\"}", kDigitByte, &p.province_code)) return std::nullopt;
  if (!line.empty()) return std::nullopt;
  return p;
}

// The lines of `text`, counted with memchr (std::count read it a byte at a time: 1.6 M
// instructions for the 3,200 lines of divisions.yaml).
size_t line_count(std::string_view text) {
  size_t n = 1;
  for (const char *p = text.data(), *end = p + text.size();
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)))); ++p) {
    ++n;
  }
  return n;
}

bool is_blank_or_comment(std::string_view line) {
  const size_t first = line.find_first_not_of(' ');
  return first == std::string_view::npos || line[first] == '#';
}

}  // namespace

std::optional<std::vector<Place>> read_division_lines(std::string_view text) {
  std::vector<Place> places;
  places.reserve(line_count(text));
  bool keyed = false;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    const std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (is_blank_or_comment(line)) continue;
    if (!keyed) {
      if (line != "divisions:") return std::nullopt;
      keyed = true;
      continue;
    }
    auto place = read_entry(line);
    if (!place) return std::nullopt;
    places.push_back(std::move(*place));
  }
  if (!keyed) return std::nullopt;
  return places;
}

}  // namespace jianbao::ruleset
