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
size_t skip_char_class(std::string_view p, size_t i) {
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

void add_unique(std::vector<std::string>* out, const std::string& c) {
  if (std::find(out->begin(), out->end(), c) == out->end()) out->push_back(c);
}

// Reads a sequence from *i up to the ')' that closes it (left for the caller) or the end, and
// returns the characters every match of it holds: its own required literals and those of its
// required groups. A sequence with an alternation of its own requires nothing. *unreadable is
// set for what is not read plainly (free-spacing flags).
std::vector<std::string> read_sequence(std::string_view p, size_t* i, bool* unreadable) {
  std::vector<std::string> out;
  bool alternation = false;
  while (*i < p.size() && !*unreadable) {
    const char c = p[*i];
    if (c == ')') break;
    if (c == '|') {
      alternation = true;
      ++*i;
      continue;
    }
    if (c == '\\') {
      *i = skip_escape(p, *i);
      continue;
    }
    if (c == '[') {
      *i = skip_char_class(p, *i);
      continue;
    }
    if (c == '(') {
      size_t j = *i + 1;
      bool counts = true;  // a negative lookaround's text need not be there
      if (j < p.size() && p[j] == '?') {
        ++j;
        if (p.compare(j, 1, "#") == 0) {  // a comment
          const size_t close = p.find(')', j);
          *i = close == std::string_view::npos ? p.size() : close + 1;
          continue;
        }
        if (p.compare(j, 1, "!") == 0 || p.compare(j, 2, "<!") == 0) counts = false;
        if (p.compare(j, 1, "=") == 0 || p.compare(j, 1, "!") == 0 || p.compare(j, 1, ">") == 0 ||
            p.compare(j, 1, ":") == 0) {
          ++j;
        } else if (p.compare(j, 2, "<=") == 0 || p.compare(j, 2, "<!") == 0) {
          j += 2;
        } else if (p.compare(j, 1, "<") == 0) {  // a named group
          const size_t close = p.find('>', j);
          j = close == std::string_view::npos ? p.size() : close + 1;
        } else {  // flags: "(?i)", "(?i-m:"
          while (j < p.size() && (std::isalpha(static_cast<unsigned char>(p[j])) || p[j] == '-')) {
            if (p[j] == 'x') *unreadable = true;
            ++j;
          }
          if (j < p.size() && p[j] == ')') {
            *i = j + 1;
            continue;
          }
          ++j;  // ':'
        }
      }
      *i = j;
      std::vector<std::string> inner = read_sequence(p, i, unreadable);
      if (*i < p.size()) ++*i;  // ')'
      if (counts && !allows_zero(p, *i)) {
        for (const std::string& x : inner) add_unique(&out, x);
      }
      continue;
    }
    const size_t at = *i;
    const char32_t cp = next_code_point(p, i);
    if (is_ideograph(cp) && !allows_zero(p, *i))
      add_unique(&out, std::string(p.substr(at, *i - at)));
  }
  if (alternation) return {};
  return out;
}

}  // namespace

std::vector<std::string> required_ideographs(std::string_view p) {
  if (p.find("\\Q") != std::string_view::npos || p.find("[]") != std::string_view::npos ||
      p.find("[^]") != std::string_view::npos) {
    return {};
  }
  size_t i = 0;
  bool unreadable = false;
  std::vector<std::string> out = read_sequence(p, &i, &unreadable);
  // A ')' with no group to close, or free spacing: not read.
  if (unreadable || i < p.size()) return {};
  return out;
}

}  // namespace jianbao::core
