#include "core/alternation_guard.h"

#include <algorithm>
#include <set>
#include <vector>

#include "core/utf8.h"

namespace jianbao::core {
namespace {

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// An open group while the pattern is read.
struct Group {
  size_t content_begin = 0;
  bool candidate = false;   // capturing, non-capturing or atomic: a group whose branches match text
  bool lookaround = false;  // it and all it holds stay as written (ICU bounds lookbehinds)
  bool plain = true;        // so far only literal characters and |
  bool branch_empty = true;
  std::set<std::string> firsts;  // first characters (UTF-8) of the branches seen so far
  int branches = 1;
};

struct Rewrite {
  size_t begin, end;  // the group's content
  std::set<std::string> firsts;
};

std::string character_class(const std::set<std::string>& chars) {
  std::string out = "[";
  for (const std::string& c : chars) {
    if (c.size() == 1 && !is_ascii_alnum(c[0])) out += '\\';
    out += c;
  }
  return out + "]";
}

// Skips the character class opening at pattern[*i] ('['), nested classes included. False when
// it does not close.
bool skip_class(std::string_view p, size_t* i) {
  int depth = 0;
  while (*i < p.size()) {
    const char c = p[*i];
    if (c == '\\') {
      *i += 1;
      if (*i < p.size()) *i += lead_length(static_cast<unsigned char>(p[*i]));
      continue;
    }
    if (c == '[') ++depth;
    if (c == ']' && --depth == 0) {
      ++*i;
      return true;
    }
    ++*i;
  }
  return false;
}

}  // namespace

std::string guard_alternations(std::string_view p) {
  const std::string unchanged(p);
  std::vector<Group> open;
  std::vector<Rewrite> rewrites;
  auto spoil = [&] {
    if (!open.empty()) open.back().plain = false;
  };
  size_t i = 0;
  while (i < p.size()) {
    const char c = p[i];
    if (c == '\\') {
      if (i + 1 < p.size() && (p[i + 1] == 'Q' || p[i + 1] == 'E')) return unchanged;
      spoil();
      i += 1;
      if (i < p.size()) i += lead_length(static_cast<unsigned char>(p[i]));
    } else if (c == '[') {
      spoil();
      if (!skip_class(p, &i)) return unchanged;
    } else if (c == '(') {
      spoil();  // a group holding a group is no list of literals
      Group g;
      if (i + 1 < p.size() && p[i + 1] == '?') {
        const char k = i + 2 < p.size() ? p[i + 2] : '\0';
        if (k == ':' || k == '>') {
          g.candidate = true;
          g.content_begin = i + 3;
        } else if (k == '<' && i + 3 < p.size() && p[i + 3] != '=' && p[i + 3] != '!') {
          const size_t close = p.find('>', i + 3);
          if (close == std::string_view::npos) return unchanged;
          g.candidate = true;
          g.content_begin = close + 1;
        } else if (k == '=' || k == '!' || k == '<') {
          g.lookaround = true;
          g.content_begin = k == '<' ? i + 4 : i + 3;
        } else {
          return unchanged;  // flags, comments: not worth reading
        }
      } else {
        g.candidate = true;
        g.content_begin = i + 1;
      }
      const bool inside_lookaround =
          std::any_of(open.begin(), open.end(), [](const Group& o) { return o.lookaround; });
      if (inside_lookaround) g.candidate = false;
      i = g.content_begin;
      open.push_back(std::move(g));
    } else if (c == ')') {
      if (open.empty()) return unchanged;
      Group g = std::move(open.back());
      open.pop_back();
      if (g.candidate && g.plain && !g.branch_empty && g.branches >= 2) {
        rewrites.push_back({g.content_begin, i, std::move(g.firsts)});
      }
      ++i;
    } else if (c == '|') {
      if (!open.empty()) {
        Group& g = open.back();
        if (g.branch_empty) g.plain = false;
        g.branch_empty = true;
        ++g.branches;
      }
      ++i;
    } else if (std::string_view(".*+?{}^$").find(c) != std::string_view::npos) {
      spoil();
      ++i;
    } else {
      const size_t n = std::min(lead_length(static_cast<unsigned char>(c)), p.size() - i);
      if (!open.empty() && open.back().branch_empty) {
        open.back().firsts.insert(std::string(p.substr(i, n)));
        open.back().branch_empty = false;
      }
      i += n;
    }
  }
  if (!open.empty()) return unchanged;
  std::sort(rewrites.begin(), rewrites.end(),
            [](const Rewrite& a, const Rewrite& b) { return a.begin < b.begin; });
  std::string out;
  size_t done = 0;
  for (const Rewrite& r : rewrites) {
    out.append(p.substr(done, r.begin - done));
    out += "(?=" + character_class(r.firsts) + ")(?:";
    out.append(p.substr(r.begin, r.end - r.begin));
    out += ")";
    done = r.end;
  }
  out.append(p.substr(done));
  return out;
}

}  // namespace jianbao::core
