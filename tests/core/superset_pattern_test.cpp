// superset_pattern: the loosened form the prefilter compiles, and the prefilter built from the
// rules. (That it never rules out a text where a rule matches is checked over every rule example
// and every sample block: tests/metrics/rule_examples_test.cpp.)
#include "core/superset_pattern.h"

#include <doctest/doctest.h>

#include <string>

#include "metrics/block_prefilter.h"
#include "ruleset/rule_set.h"
#include "support/builtin_rules.h"

namespace jianbao::core {
namespace {

TEST_CASE("superset_pattern: assertions dropped, groups made plain, classes loosened") {
  struct Row {
    const char* pattern;
    const char* want;
  };
  const Row rows[] = {
      {"(?<![0-9])(?<value>(?>[0-9]+))%(?!=)", "((?:[0-9]+))%"},
      {"(?<!甲|乙)丙(?=(?:丁|戊))", "丙"},
      {"a*+b?+c", "a*b?c"},
      {"x{2,3}+y", "x{2,3}y"},
      {"x{2,40}y{0,100}z{3,}w{20}", "x+y*z+w+"},  // large counts loosened
      {"\\p{Han}{1,8}个", ".{1,8}个"},
      {"\\b年\\d+", "年.+"},
      {"[%％][^a-z]\\.", "[%％][^a-z]\\."},
  };
  for (const Row& r : rows) {
    CAPTURE(r.pattern);
    const auto got = superset_pattern(r.pattern);
    REQUIRE(got.has_value());
    CHECK(*got == r.want);
  }
}

TEST_CASE("superset_pattern: a long group becomes a run of its characters") {
  std::string branches;
  for (int i = 0; i < 100; ++i) branches += "ab|";
  // At least one character: no branch is empty.
  CHECK(superset_pattern("(?:" + branches + "c)%") == "(?:[abc]+)%");
  // A branch that may be empty makes the run optional.
  CHECK(superset_pattern("(?:" + branches + "c?)%") == "(?:[abc]*)%");
  // A negated set inside: any character.
  CHECK(superset_pattern("(?:" + branches + "[^c])%") == "(?:.*)%");
}

TEST_CASE("superset_pattern: syntax it cannot loosen with certainty") {
  for (const char* p : {"(?i)abc", "\\Qa|b\\E", "(?=a)?b", "[\\p{Han}]", "[[a-z]&&[^q]]",
                        "a\\u4e00", "(?:a", "[ab"}) {
    CAPTURE(p);
    CHECK_FALSE(superset_pattern(p).has_value());
  }
}

TEST_CASE("BlockPrefilter: holds the built-in rules when built with Hyperscan") {
  const RuleSet& rules = testing::builtin_rules();
  const size_t patterns = rules.metric_rules.size() + rules.exclusions.size();
  if (!metrics::BlockPrefilter::available()) {
    MESSAGE("built without Hyperscan: every block goes to every rule");
    CHECK(rules.prefilter().filtered() == 0);
    return;
  }
  // Token rules have no pattern: only the regex rules are in it (none are shipped now).
  size_t token_rules = 0;
  for (const MetricRule& r : rules.metric_rules) token_rules += r.tokens ? 1 : 0;
  for (const PatternRule& r : rules.exclusions) token_rules += r.tokens ? 1 : 0;
  CHECK(static_cast<size_t>(rules.prefilter().filtered()) == patterns - token_rules);
  // The regexes the rules replaced (their oracle_pattern), as an override's `pattern:` rules
  // would write them: every one loosens and compiles, and the filter says "no" where nothing
  // can match, in a block of plain prose.
  std::vector<std::string> oracles;
  for (const MetricRule& r : rules.metric_rules) {
    if (!r.tokens || r.has_oracle) oracles.push_back(r.regex.source());
  }
  for (const PatternRule& r : rules.exclusions) {
    if (!r.tokens || r.has_oracle) oracles.push_back(r.regex.source());
  }
  REQUIRE(oracles.size() == patterns);
  const metrics::BlockPrefilter filter(oracles);
  CHECK(static_cast<size_t>(filter.filtered()) == patterns);
  std::vector<char> maybe;
  metrics::BlockPrefilter::Scratch scratch(filter);
  filter.scan("各地认真落实工作要求。", &scratch, &maybe);
  REQUIRE(maybe.size() == patterns);
  int ruled_out = 0;
  for (const char m : maybe) ruled_out += m ? 0 : 1;
  CHECK(ruled_out > static_cast<int>(patterns) / 2);
}

}  // namespace
}  // namespace jianbao::core
