#include "core/group_names.h"

#include <doctest/doctest.h>

#include "core/icu_regex.h"
#include "ruleset/rule_set.h"
#include "support/builtin_rules.h"

namespace jianbao::core {
namespace {

// ICU's own numbering, from a compiled pattern: the oracle for the scan.
void check_like_icu(const char* pattern) {
  CAPTURE(pattern);
  const auto scanned = scan_group_names(pattern);
  REQUIRE(scanned.has_value());
  const auto compiled = Regex::compile(pattern);
  REQUIRE(compiled.ok());
  CHECK(scanned->count == compiled.value().group_count());
  for (const auto& [name, number] : scanned->named) {
    CHECK(number == compiled.value().group(name.c_str()));
  }
}

TEST_CASE("group names: numbered as ICU numbers them") {
  check_like_icu("(?<value>[0-9]+)%");
  check_like_icu("(a)(?:b)(?<x>c)(?=d)(?!e)(?<=f)(?<!g)(?<y>h)");
  check_like_icu("[(](?<in>[^)]+)[)](?<after>x)");           // parentheses inside a set
  check_like_icu("\\((?<esc>a)\\)");                         // escaped parentheses
  check_like_icu("[a-z&&[^(b]](?<nested>c)");                // a nested set
  check_like_icu("(?i)(?<flag>a)(?i:b)(c)");                 // flags
  check_like_icu("\\p{Han}(?<han>\\x{4E00})[\\[(](?<z>1)");  // escapes with braces
  const auto scanned = scan_group_names("(a)(?<two>b)");
  REQUIRE(scanned.has_value());
  CHECK(scanned->count == 2);
  REQUIRE(scanned->named.size() == 1);
  CHECK(scanned->named[0].second == 2);
}

TEST_CASE("group names: forms the scan cannot read are left to ICU") {
  CHECK_FALSE(scan_group_names("\\Q(a)\\E(?<x>b)"));
  CHECK_FALSE(scan_group_names("(?x) (?<x>a) # (b)"));
  CHECK_FALSE(scan_group_names("(?#(comment)(?<x>a)"));
  CHECK_FALSE(scan_group_names("[(a"));
  // deferred() compiles those at once, so their errors are still reported at load.
  CHECK_FALSE(Regex::deferred("\\Q(a)\\E[").ok());
  CHECK(Regex::deferred("\\Q(a)\\E(?<x>b)").ok());
}

// Every built-in metric and exclusion pattern is deferred; making a matcher compiles it and
// checks the scanned group numbers against ICU's (a mismatch stops the test binary).
TEST_CASE("group names: every built-in metric pattern compiles with the scanned groups") {
  const RuleSet& rules = testing::builtin_rules();
  int compiled = 0;
  for (const jianbao::MetricRule& r : rules.metric_rules) {
    CAPTURE(r.id);
    CHECK(r.regex.new_matcher(1000) != nullptr);
    ++compiled;
  }
  for (const jianbao::PatternRule& p : rules.exclusions) {
    CHECK(p.regex.new_matcher(1000) != nullptr);
    ++compiled;
  }
  CHECK(compiled > 50);  // 64 on 3 December
}

}  // namespace
}  // namespace jianbao::core
