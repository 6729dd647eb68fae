// Every example and counter-example in rules/ (the corpus lives beside the rules).
#include "jianbao/rule_examples.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "jianbao/decode.h"
#include "jianbao/layout.h"
#include "jianbao/ruleset.h"
#include "ruleset/rule_set.h"
#include "support/gold.h"

namespace jianbao {
namespace {

TEST_CASE("rules: every example in rules/ gives its value, every counter-example nothing") {
  auto rules = load_rules({});
  REQUIRE(rules.ok());
  const ExampleReport report = run_rule_examples(*rules.value());
  for (const ExampleFailure& f : report.failures) {
    CAPTURE(f.file);
    CAPTURE(f.line);
    CAPTURE(f.text);
    FAIL_CHECK(f.rule_id << ": " << f.problem);
  }
  MESSAGE(report.examples << " examples, " << report.failures.size() << " failures");
  // Every metric rule has examples (the loader insists); count them so a silently empty corpus
  // fails here.
  CHECK(report.examples > 100);
}

// The gates (`requires`) against real text: every match of a gated rule in the blocks of a sample
// bulletin or the seed holds one of the rule's literals, so skipping blocks without them loses
// nothing.
TEST_CASE("rules: no match of a gated rule in the samples escapes its requires literals") {
  auto rules = load_rules({});
  REQUIRE(rules.ok());
  const std::vector<std::string> inputs = testing::bulletin_paths(/*with_seed=*/true);
  CHECK(inputs.size() >= 8);
  for (const std::string& path : inputs) {
    CAPTURE(path);
    auto decoded = decode::decode_bytes(testing::read_bytes(path), path, {});
    REQUIRE(decoded.ok());
    // The blocks the metrics stage searches.
    for (const auto& b : layout::clean_layout(decoded.value(), *rules.value()).blocks) {
      for (const ExampleFailure& f : check_rule_gates(*rules.value(), b.text, path)) {
        CAPTURE(f.text);
        FAIL_CHECK(f.rule_id << ": " << f.problem);
      }
    }
  }
}

TEST_CASE("rules: every metric kind has at least one rule") {
  auto rules = load_rules({});
  REQUIRE(rules.ok());
  for (const MetricKind kind :
       {MetricKind::kPercentage, MetricKind::kPercentagePoint, MetricKind::kCount,
        MetricKind::kAmount, MetricKind::kDate, MetricKind::kDateRange, MetricKind::kDeadline,
        MetricKind::kDuration, MetricKind::kYear, MetricKind::kYearRange, MetricKind::kNumber}) {
    CAPTURE(to_string(kind));
    bool found = false;
    for (const MetricRule& r : rules.value()->metric_rules) found = found || r.kind == kind;
    CHECK(found);
  }
}

}  // namespace
}  // namespace jianbao
