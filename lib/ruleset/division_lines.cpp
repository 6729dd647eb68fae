#include "ruleset/division_lines.h"

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

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
// A plain scalar's bytes here: no space and none of YAML's flow indicators, quotes or comment
// sign, so the text means itself.
bool is_plain_byte(unsigned char c) {
  return c > ' ' && c != ',' && c != '{' && c != '}' && c != '[' && c != ']' && c != ':' &&
         c != '#' && c != '"' && c != '\'' && c != '\\' && c != 0x7f;
}

std::optional<Place> read_entry(std::string_view line) {
  Place p;
  if (!take(&line, "  - {name: ")) return std::nullopt;
  // A leading non-ASCII byte: no indicator (- ? & * ! | > % @ `) and no null/true/number.
  if (line.empty() || static_cast<unsigned char>(line[0]) < 0x80) return std::nullopt;
  if (!take_until(&line, ", code: \"", is_plain_byte, &p.name)) return std::nullopt;
  if (core::find_invalid_utf8(p.name) != std::string_view::npos) return std::nullopt;
  if (!take_until(&line, "\", level: ", is_digit, &p.code)) return std::nullopt;
  if (!take_until(&line, ", province: \"", is_lower, &p.level)) return std::nullopt;
  if (!take_until(&line, "\"}", is_digit, &p.province_code)) return std::nullopt;
  if (!line.empty()) return std::nullopt;
  return p;
}

bool is_blank_or_comment(std::string_view line) {
  const size_t first = line.find_first_not_of(' ');
  return first == std::string_view::npos || line[first] == '#';
}

}  // namespace

std::optional<std::vector<Place>> read_division_lines(std::string_view text) {
  std::vector<Place> places;
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
