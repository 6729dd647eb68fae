#include "core/superset_pattern.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/utf8.h"

namespace jianbao::core {
namespace {

bool is_quantifier_start(char c) { return c == '?' || c == '*' || c == '+' || c == '{'; }

// Copies the set starting at p[*i] ('[') to *out; false for syntax other than a flat set
// (a nested set, && or -- operations).
bool copy_class(std::string_view p, size_t* i, std::string* out) {
  size_t j = *i + 1;
  if (j < p.size() && p[j] == '^') ++j;
  while (j < p.size()) {
    const char c = p[j];
    if (c == '\\') {
      // Inside a set, escapes other than a quoted character are left to the exact matcher.
      if (j + 1 >= p.size() || std::isalnum(static_cast<unsigned char>(p[j + 1]))) return false;
      j += 1 + lead_length(static_cast<unsigned char>(p[j + 1]));
      continue;
    }
    if (c == '[') return false;
    if ((c == '&' || c == '-') && j + 1 < p.size() && p[j + 1] == c) return false;
    if (c == ']') {
      out->append(p.substr(*i, j + 1 - *i));
      *i = j + 1;
      return true;
    }
    j += lead_length(static_cast<unsigned char>(c));
  }
  return false;
}

// Skips the group opening at p[*i] to just past its closing parenthesis.
bool skip_group(std::string_view p, size_t* i) {
  int depth = 0;
  while (*i < p.size()) {
    const char c = p[*i];
    if (c == '\\') {
      *i += 1;
      if (*i < p.size()) *i += lead_length(static_cast<unsigned char>(p[*i]));
      continue;
    }
    if (c == '[') {
      std::string ignored;
      if (!copy_class(p, i, &ignored)) return false;
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0) {
      ++*i;
      return true;
    }
    ++*i;
  }
  return false;
}

// Adds the items of a set's body (a character, a quoted character or a range a-b) to *items.
void add_set_items(std::string_view body, std::set<std::string>* items) {
  size_t i = 0;
  while (i < body.size()) {
    size_t n = body[i] == '\\' ? 2 : lead_length(static_cast<unsigned char>(body[i]));
    if (i + n + 1 < body.size() && body[i + n] == '-') {
      n += 1 +
           (body[i + n + 1] == '\\' ? 2 : lead_length(static_cast<unsigned char>(body[i + n + 1])));
    }
    n = std::min(n, body.size() - i);
    items->insert(std::string(body.substr(i, n)));
    i += n;
  }
}

// Whether the pattern text p[*i, end) up to the next top-level '|' or ')' can match the empty
// string; leaves *i on that '|' or ')'. Unsure answers are "yes" (the looser choice).
bool sequence_may_be_empty(std::string_view p, size_t* i, size_t end);

// The same for a whole alternation: empty when any branch is.
bool alternation_may_be_empty(std::string_view p, size_t* i, size_t end) {
  bool empty = sequence_may_be_empty(p, i, end);
  while (*i < end && p[*i] == '|') {
    ++*i;
    empty = sequence_may_be_empty(p, i, end) || empty;
  }
  return empty;
}

bool sequence_may_be_empty(std::string_view p, size_t* i, size_t end) {
  bool empty = true;
  while (*i < end && p[*i] != '|' && p[*i] != ')') {
    bool atom_empty = false;
    const char c = p[*i];
    if (c == '(') {
      size_t close = *i;
      if (!skip_group(p, &close)) return true;
      const bool zero_width = p.substr(*i, 3) == "(?=" || p.substr(*i, 3) == "(?!" ||
                              p.substr(*i, 4) == "(?<=" || p.substr(*i, 4) == "(?<!";
      size_t inner = *i + 1;
      if (p.substr(*i, 2) == "(?") {
        inner = p.substr(*i, 3) == "(?<" ? p.find('>', *i) + 1 : *i + 3;
      }
      atom_empty = zero_width || alternation_may_be_empty(p, &inner, close - 1);
      *i = close;
    } else if (c == '\\') {
      const char e = *i + 1 < end ? p[*i + 1] : '\0';
      atom_empty = e == 'b' || e == 'B';
      *i += 1 + (*i + 1 < end ? lead_length(static_cast<unsigned char>(e)) : 0);
      if ((e == 'p' || e == 'P') && *i < end && p[*i] == '{') *i = p.find('}', *i) + 1;
    } else if (c == '[') {
      std::string ignored;
      if (!copy_class(p, i, &ignored)) return true;
    } else if (c == '^' || c == '$') {
      atom_empty = true;
      ++*i;
    } else {
      *i += lead_length(static_cast<unsigned char>(c));
    }
    // Its quantifier, if any.
    if (*i < end && (p[*i] == '?' || p[*i] == '*')) {
      atom_empty = true;
      ++*i;
    } else if (*i < end && p[*i] == '+') {
      ++*i;
    } else if (*i < end && p[*i] == '{') {
      atom_empty = atom_empty || (*i + 1 < end && p[*i + 1] == '0');
      const size_t close = p.find('}', *i);
      *i = close == std::string_view::npos ? end : close + 1;
    }
    while (*i < end && (p[*i] == '?' || p[*i] == '+')) ++*i;  // lazy or possessive
    empty = empty && atom_empty;
  }
  return empty;
}

// A bounded repeat {n,m} as Hyperscan gets it: as written when small, else * (n = 0) or +, which
// allow more; large counted repeats multiply Hyperscan's compile time.
std::string loose_repeat(std::string_view inside) {
  constexpr int kMaxCount = 16;
  int lo = 0;
  int hi = 0;
  size_t i = 0;
  while (i < inside.size() && std::isdigit(static_cast<unsigned char>(inside[i]))) {
    lo = std::min(lo * 10 + (inside[i++] - '0'), 1000);
  }
  hi = lo;
  if (i < inside.size() && inside[i] == ',') {
    ++i;
    hi = i < inside.size() ? 0 : kMaxCount + 1;  // {n,} has no bound
    while (i < inside.size() && std::isdigit(static_cast<unsigned char>(inside[i]))) {
      hi = std::min(hi * 10 + (inside[i++] - '0'), 1000);
    }
  }
  if (hi <= kMaxCount) return "{" + std::string(inside) + "}";
  return lo == 0 ? "*" : "+";
}

// A group longer than this becomes "any run of its characters": Hyperscan's compile time grows
// steeply with the size of a pattern (the number fragments expand to 8 KB: 27 s to compile).
constexpr size_t kMaxGroupBytes = 256;

// `[chars]*` for the characters the text p[begin, end) can match (literals and sets), or `.*`
// when it holds a negated set, `.` or a shorthand class. Any text the group matches is a run of
// those characters, so this is looser than the group.
std::string character_run(std::string_view p, size_t begin, size_t end) {
  std::set<std::string> items;  // deduplicated: the number fragments repeat the same sets
  size_t i = begin;
  while (i < end) {
    const char c = p[i];
    if (c == '\\') {
      if (i + 1 >= end || std::isalnum(static_cast<unsigned char>(p[i + 1]))) return ".*";
      items.insert(std::string(p.substr(i, 2)));
      i += 2;
    } else if (c == '[') {
      const size_t from = i;
      std::string body;
      if (!copy_class(p, &i, &body) || (from + 1 < end && p[from + 1] == '^')) return ".*";
      add_set_items(std::string_view(body).substr(1, body.size() - 2), &items);
    } else if (c == '.') {
      return ".*";
    } else if (c == '{') {
      const size_t close = p.find('}', i);
      i = close == std::string_view::npos ? end : close + 1;
    } else if (std::string_view("()|?*+^$:<>=!").find(c) != std::string_view::npos) {
      // Syntax; a group name's letters are matched as literals, which only loosens further.
      ++i;
    } else {
      const size_t n = lead_length(static_cast<unsigned char>(c));
      const bool quote = n == 1 && !std::isalnum(static_cast<unsigned char>(c));
      items.insert((quote ? "\\" : "") + std::string(p.substr(i, n)));
      i += n;
    }
  }
  if (items.empty()) return std::string();
  std::string set = "[";
  for (const std::string& item : items) set += item;
  // A group that cannot match the empty string takes at least one of its characters.
  size_t inner = begin + 1;
  if (p.substr(begin, 2) == "(?")
    inner = p.substr(begin, 3) == "(?<" ? p.find('>', begin) + 1 : begin + 3;
  return set + (alternation_may_be_empty(p, &inner, end - 1) ? "]*" : "]+");
}

}  // namespace

std::optional<std::string> superset_pattern(std::string_view p) {
  std::string out;
  size_t i = 0;
  bool after_quantifier = false;  // a following '+' makes the quantifier possessive
  while (i < p.size()) {
    const char c = p[i];
    if (c == '+' && after_quantifier) {
      ++i;  // possessive: the ordinary quantifier matches at least as much
      after_quantifier = false;
      continue;
    }
    after_quantifier = false;
    if (c == '\\') {
      if (i + 1 >= p.size()) return std::nullopt;
      const char e = p[i + 1];
      if (e == 'b' || e == 'B') {
        i += 2;  // an assertion: dropping it only widens the pattern
        continue;
      }
      if (std::string_view("QEuUNGAzZX").find(e) != std::string_view::npos) return std::nullopt;
      // Property and shorthand classes: Hyperscan's Unicode tables are not ICU's, so they
      // become any character (the caller compiles with DOTALL).
      if (std::string_view("dDwWsShHvV").find(e) != std::string_view::npos) {
        out += '.';
        i += 2;
        continue;
      }
      if (e == 'p' || e == 'P') {
        const size_t close = i + 2 < p.size() && p[i + 2] == '{' ? p.find('}', i) : i + 2;
        if (close == std::string_view::npos || close >= p.size()) return std::nullopt;
        out += '.';
        i = close + 1;
        continue;
      }
      const size_t n = 1 + lead_length(static_cast<unsigned char>(e));
      out.append(p.substr(i, n));
      i += n;
    } else if (c == '[') {
      if (!copy_class(p, &i, &out)) return std::nullopt;
    } else if (c == '(') {
      const bool extended = i + 1 < p.size() && p[i + 1] == '?';
      const char k = extended && i + 2 < p.size() ? p[i + 2] : '\0';
      const bool lookbehind = k == '<' && i + 3 < p.size() && (p[i + 3] == '=' || p[i + 3] == '!');
      if (k == '=' || k == '!' || lookbehind) {
        if (!skip_group(p, &i)) return std::nullopt;
        if (i < p.size() && is_quantifier_start(p[i])) return std::nullopt;
        continue;
      }
      size_t end = i;
      if (!skip_group(p, &end)) return std::nullopt;
      if (end - i > kMaxGroupBytes) {
        out += "(?:" + character_run(p, i, end) + ")";
        i = end;
      } else if (!extended) {
        out += '(';
        ++i;
      } else if (k == ':' || k == '>') {
        out += "(?:";
        i += 3;
      } else if (k == '<') {
        const size_t close = p.find('>', i + 3);
        if (close == std::string_view::npos) return std::nullopt;
        out += '(';
        i = close + 1;
      } else {
        return std::nullopt;  // inline flags and comments
      }
    } else if (c == '?' || c == '*' || c == '+') {
      out += c;
      ++i;
      after_quantifier = true;
    } else if (c == '{') {
      const size_t close = p.find('}', i);
      if (close == std::string_view::npos) return std::nullopt;
      out += loose_repeat(p.substr(i + 1, close - i - 1));
      i = close + 1;
      after_quantifier = true;
    } else {
      const size_t n = lead_length(static_cast<unsigned char>(c));
      out.append(p.substr(i, n));
      i += n;
    }
  }
  return out;
}

}  // namespace jianbao::core
