// The capture groups of an ICU pattern read from its text, without compiling it: what a rule set
// needs at load time (the group numbers its rules read) when the patterns themselves are
// compiled at first use.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jianbao::core {

struct GroupNames {
  int count = 0;                                   // capturing groups, named or not
  std::vector<std::pair<std::string, int>> named;  // (?<name>...) and its number
};

// The groups of `pattern`, numbered as ICU numbers them (opening parentheses from the left).
// nullopt where the text alone cannot say: quoting (\Q...\E), free-spacing or comment syntax
// (?x) (?#...), or unbalanced brackets. The caller then compiles the pattern to ask ICU.
std::optional<GroupNames> scan_group_names(std::string_view pattern);

}  // namespace jianbao::core
