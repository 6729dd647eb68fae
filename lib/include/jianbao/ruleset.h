// Loading the rules: every pattern, marker, threshold and gazetteer jianbao uses comes from YAML
// files under rules/, compiled into the binary at build time. A directory given with --rules is
// merged over the built-in set file by file: a file there replaces the built-in file with the
// same relative path, and new files are added.
//
//   auto rules = jianbao::load_rules({.override_dir = "my-rules"});
//   if (!rules.ok()) { std::cerr << rules.status().to_string() << "\n"; return 2; }
//   // pass *rules.value() to the pipeline; it is immutable and safe to share between threads.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "jianbao/status.h"

namespace jianbao {

class RuleSet;  // defined in lib/ruleset/rule_set.h

struct RulesOptions {
  // Directory merged over the built-in rules; empty for the built-in rules alone.
  std::string override_dir;
};

// The validated, pre-compiled rules. On failure the Status carries FILE:LINE:COL of the offending
// YAML node (kBadRules) or the unreadable path (kIoError).
Result<std::shared_ptr<const RuleSet>> load_rules(const RulesOptions& options);

// One line of `jianbao rules list`: a rule (or a table) in force and where it came from.
struct RuleInfo {
  std::string id;
  std::string kind;    // metric kind, "layout", "structure", "exclusion", "gazetteer", ...
  std::string file;    // relative path under rules/
  std::string origin;  // "built-in" or the override directory
  int line = 0;
};
std::vector<RuleInfo> list_rules(const RuleSet& rules);

// SHA-256 over every rule file in force: identifies the rules in batch manifests.
const std::string& rules_hash(const RuleSet& rules);

}  // namespace jianbao
