#include "core/group_names.h"

#include <array>

namespace jianbao::core {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The bytes the scan below acts on; a table, so that the long runs of others between them (the
// expanded rule patterns are kilobytes of alternations) are stepped over in a tight loop.
constexpr std::array<bool, 256> kGroupScanBytes = [] {
  std::array<bool, 256> t{};
  for (const unsigned char c : {'\\', '[', ']', '('}) t[c] = true;
  return t;
}();

}  // namespace

std::optional<GroupNames> scan_group_names(std::string_view p) {
  GroupNames out;
  int set_depth = 0;  // inside [...] (sets nest in ICU: [a-z&&[^b]]), parentheses are literal
  for (size_t i = 0; i < p.size(); ++i) {
    while (i < p.size() && !kGroupScanBytes[static_cast<unsigned char>(p[i])]) ++i;
    if (i == p.size()) break;
    const char c = p[i];
    if (c == '\\') {
      if (i + 1 < p.size() && (p[i + 1] == 'Q' || p[i + 1] == 'E')) return std::nullopt;
      ++i;  // the escaped character (\p{..} and \x{..} braces hold no parenthesis)
      continue;
    }
    if (c == '[') {
      ++set_depth;
      continue;
    }
    if (c == ']' && set_depth > 0) {
      --set_depth;
      continue;
    }
    if (set_depth > 0 || c != '(') continue;
    if (i + 1 >= p.size() || p[i + 1] != '?') {
      ++out.count;
      continue;
    }
    // (?...: a named group (?<name>, or one of the non-capturing forms.
    const std::string_view rest = p.substr(i + 2);
    if (rest.size() >= 2 && rest[0] == '<' && rest[1] != '=' && rest[1] != '!') {
      size_t n = 1;
      while (n < rest.size() && is_name_char(rest[n])) ++n;
      if (n == 1 || n >= rest.size() || rest[n] != '>') return std::nullopt;
      ++out.count;
      out.named.emplace_back(std::string(rest.substr(1, n - 1)), out.count);
      continue;
    }
    if (rest.empty()) return std::nullopt;
    // Flags such as (?i) or (?i:...); x changes what a '#' or a space means, # is a comment.
    if (rest[0] == '#') return std::nullopt;
    for (size_t k = 0; k < rest.size() && rest[k] != ')' && rest[k] != ':'; ++k) {
      if (rest[k] == 'x') return std::nullopt;
      if (!(rest[k] == '-' || (rest[k] >= 'a' && rest[k] <= 'z'))) break;
    }
  }
  if (set_depth != 0) return std::nullopt;
  return out;
}

}  // namespace jianbao::core
