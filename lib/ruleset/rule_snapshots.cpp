#include "ruleset/rule_snapshots.h"

namespace jianbao::ruleset {

std::unique_ptr<RuleTree> builtin_tree(std::string_view path) {
  for (size_t i = 0; i < kRuleSnapshotCount; ++i) {
    const RuleSnapshot& s = kRuleSnapshots[i];
    if (path == s.path) {
      return std::make_unique<RuleTree>(s.nodes, s.node_count,
                                        std::string_view(s.strings, s.strings_size));
    }
  }
  return nullptr;
}

}  // namespace jianbao::ruleset
