// The built-in rule files as trees, made from rules/ when jianbao is built
// (cli/tools/make_rule_snapshot.cpp writes the definitions), so that loading them parses no YAML.
// A file the snapshot tool could not read (a YAML error) has no entry: the loader then parses
// its text and reports the error as it would for any rule file.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "ruleset/rule_tree.h"

namespace jianbao::ruleset {

struct RuleSnapshot {
  const char* path;  // relative to rules/
  const RuleTreeNode* nodes;
  size_t node_count;
  const char* strings;
  size_t strings_size;
};

extern const RuleSnapshot kRuleSnapshots[];
extern const size_t kRuleSnapshotCount;

// The built-in file's tree, or null when it has none.
std::unique_ptr<RuleTree> builtin_tree(std::string_view path);

}  // namespace jianbao::ruleset
