#include "core/required_chars.h"

#include <algorithm>

#include "core/utf8.h"

namespace jianbao::core {
namespace {

// Ideographs, and CJK punctuation but the ideographic space (、。〔〕【】《》): characters width
// normalisation leaves as they are.
bool is_ideograph(char32_t c) {
  return (c >= 0x3001 && c <= 0x303F) || (c >= 0x3400 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

// Past an escape at `i` ("\s", "\p{Han}", "\x{4E00}", "\u4E00").
size_t skip_escape(std::string_view p, size_t i) {
  size_t at = i + 1;
  if (at >= p.size()) return p.size();
  const char kind = p[at];
  next_code_point(p, &at);
  if ((kind == 'p' || kind == 'P' || kind == 'N' || kind == 'x') && at < p.size() && p[at] == '{') {
    const size_t close = p.find('}', at);
    return close == std::string_view::npos ? p.size() : close + 1;
  }
  return at;
}

// Past a character class at `i`, nested sets ("[[a-z]&&[^c]]") and escapes included.
size_t skip_class(std::string_view p, size_t i) {
  int depth = 0;
  while (i < p.size()) {
    if (p[i] == '\\') {
      i = skip_escape(p, i);
      continue;
    }
    if (p[i] == '[') ++depth;
    if (p[i] == ']' && --depth == 0) return i + 1;
    ++i;
  }
  return p.size();
}

// Whether a quantifier at `i` allows zero: ?, *, {0…}.
bool allows_zero(std::string_view p, size_t i) {
  if (i >= p.size()) return false;
  if (p[i] == '?' || p[i] == '*') return true;
  if (p[i] != '{') return false;
  size_t j = i + 1;
  while (j < p.size() && p[j] == '0') ++j;
  // "{0}", "{0,3}", "{00,}": the minimum is zero when only zeros come before ',' or '}'.
  return j > i + 1 && j < p.size() && (p[j] == ',' || p[j] == '}');
}

}  // namespace

std::vector<std::string> required_ideographs(std::string_view p) {
  if (p.find("\\Q") != std::string_view::npos || p.find("[]") != std::string_view::npos ||
      p.find("[^]") != std::string_view::npos) {
    return {};
  }
  std::vector<std::string> out;
  int depth = 0;
  size_t i = 0;
  while (i < p.size()) {
    const char c = p[i];
    if (c == '\\') {
      i = skip_escape(p, i);
      continue;
    }
    if (c == '[') {
      i = skip_class(p, i);
      continue;
    }
    if (c == '(') {
      // A flag group: "(?x)", "(?ix:" turn on free spacing, where text is not literal.
      if (i + 1 < p.size() && p[i + 1] == '?') {
        size_t j = i + 2;
        while (j < p.size() && (std::isalpha(static_cast<unsigned char>(p[j])) || p[j] == '-')) {
          if (p[j] == 'x') return {};
          ++j;
        }
      }
      ++depth;
      ++i;
      continue;
    }
    if (c == ')') {
      --depth;
      ++i;
      continue;
    }
    if (c == '|' && depth == 0) return {};
    const size_t at = i;
    const char32_t cp = next_code_point(p, &i);
    if (depth == 0 && is_ideograph(cp) && !allows_zero(p, i)) {
      std::string s(p.substr(at, i - at));
      if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace jianbao::core
