// Gathers the rule files in force: the built-in set compiled into the binary, then a directory
// merged over it file by file.
#pragma once

#include <map>
#include <string>

#include "jianbao/status.h"

namespace jianbao::ruleset {

struct RuleText {
  std::string content;
  std::string origin;  // "built-in" or the directory it was read from
};

// Relative path ("metrics/date.yaml") -> text, in path order.
using RuleTexts = std::map<std::string, RuleText>;

RuleTexts builtin_rule_texts();

// Reads every *.yaml below `dir` over `texts`. Fails with kIoError naming an unreadable path.
Status merge_rule_dir(const std::string& dir, RuleTexts* texts);

}  // namespace jianbao::ruleset
