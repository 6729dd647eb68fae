// The rule files are also the test corpus: every metric rule's examples must yield the value
// they state (made by that rule), its counter-examples and every exclusion's examples must yield
// nothing, and every structure pattern must match its examples. Used by the test suite and by
// `jianbao rules test`, so rule authors can check a rules directory without rebuilding.
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

}  // namespace jianbao
