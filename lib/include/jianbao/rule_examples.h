// The rule files are also the test corpus: every metric rule's examples must yield the value
// they state (made by that rule), its counter-examples and every exclusion's examples must yield
// nothing, and every structure pattern must match its examples. Used by the test suite and by
// `jianbao rules test`, so rule authors can check a rules directory without rebuilding. A rule
// with `requires` literals must also hold one in each of its examples and in every match.
#pragma once

#include <string>
#include <vector>

namespace jianbao {

class RuleSet;

struct ExampleFailure {
  std::string rule_id;
  std::string file;
  int line = 0;
  std::string text;
  std::string problem;
};

struct ExampleReport {
  int examples = 0;  // examples and counter-examples run
  std::vector<ExampleFailure> failures;
};

ExampleReport run_rule_examples(const RuleSet& rules);

// The gate check (`requires` in rules/README.md): every match, in `text` width-normalised, of a
// metric rule or exclusion that declares `requires` must hold one of its literals, or the gate
// could hide it. Returns one failure per match that holds none; `source` names the text in them.
// Likewise the prefilter (Hyperscan, when built with it) must not rule `text` out for a rule that
// matches there. run_rule_examples applies both to every example and counter-example.
std::vector<ExampleFailure> check_rule_gates(const RuleSet& rules, const std::string& text,
                                             const std::string& source);

}  // namespace jianbao
