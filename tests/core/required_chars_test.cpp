#include "core/required_chars.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/icu_regex.h"
#include "jianbao/ruleset.h"
#include "ruleset/rule_set.h"
#include "support/random_patterns.h"

namespace jianbao {
namespace {

using Chars = std::vector<std::string>;

TEST_CASE("required ideographs: only what every match must hold") {
  CHECK(core::required_ideographs("(?<p>[^\\s]{1,20}?)\\s*〔(?<y>[0-9]{4})〕\\s*号") ==
        Chars{"〔", "〕", "号"});
  CHECK(core::required_ideographs("印发\\s*$") == Chars{"印", "发"});
  CHECK(core::required_ideographs("号+") == Chars{"号"});
  CHECK(core::required_ideographs("号{1,3}") == Chars{"号"});
  CHECK(core::required_ideographs("号号") == Chars{"号"});
  CHECK(core::required_ideographs("^【(?<t>.+)】$") == Chars{"【", "】"});
  // The ideographic space is no ideograph: width normalisation makes it a space.
  CHECK(core::required_ideographs("\u3000").empty());
  CHECK(core::required_ideographs("　").empty());
  // Optional, inside a group or a class, escaped, or one side of an alternation: not required.
  CHECK(core::required_ideographs("号?").empty());
  CHECK(core::required_ideographs("号*").empty());
  CHECK(core::required_ideographs("号{0,2}").empty());
  CHECK(core::required_ideographs("号{0}").empty());
  CHECK(core::required_ideographs("(号)?").empty());
  CHECK(core::required_ideographs("(?:号文)*").empty());
  CHECK(core::required_ideographs("(?!号)令") == Chars{"令"});
  CHECK(core::required_ideographs("(?<!号)令") == Chars{"令"});
  CHECK(core::required_ideographs("(?#号)令") == Chars{"令"});
  CHECK(core::required_ideographs("(?:号|令)").empty());
  CHECK(core::required_ideographs("[号令]").empty());
  CHECK(core::required_ideographs("[[号]&&[令]]").empty());
  CHECK(core::required_ideographs("\\x{53F7}").empty());
  CHECK(core::required_ideographs("号|令").empty());
  // A required group's own literals are required, lookarounds' too (the text holds them).
  CHECK(core::required_ideographs("(号)") == Chars{"号"});
  CHECK(core::required_ideographs("^(?<m>(?<n>[一二]{1,3})是)") == Chars{"是"});
  CHECK(core::required_ideographs("(?i)号") == Chars{"号"});
  CHECK(core::required_ideographs("令(?=号)") == Chars{"令", "号"});
  CHECK(core::required_ideographs("(?<=号)令") == Chars{"号", "令"});
  CHECK(core::required_ideographs("(?:第(?<n>[一二])|首先)").empty());
  CHECK(core::required_ideographs("号)").empty());  // not a pattern ICU reads
  // Free spacing (a comment may hold any text) and quoting are not read.
  CHECK(core::required_ideographs("(?x) 号 # 令").empty());
  CHECK(core::required_ideographs("\\Q号\\E").empty());
}

// A random pattern over a few atoms, groups, alternations and quantifiers.
std::string random_pattern(std::mt19937& rng) {
  static const char* const kAtoms[] = {"号", "文", "件", "a", ".", "\\s", "[号文]", "[^号]", " "};
  static const char* const kQuant[] = {"", "", "", "?", "*", "+", "{0,2}", "{1,2}", "??"};
  return testing::random_pattern(rng, kAtoms, kQuant);
}

TEST_CASE("required ideographs: a text ICU finds a match in holds every one") {
  std::mt19937 rng(11);
  static const char* kText[] = {"号", "文", "件", "a", " ", "令"};
  int matched = 0, skipped = 0, compiled = 0;
  for (int k = 0; k < 3000; ++k) {
    const std::string pattern = random_pattern(rng);
    auto re = core::Regex::compile(pattern);
    if (!re.ok()) continue;  // an unbounded look-behind, a quantified look-ahead: ICU says no
    ++compiled;
    for (int t = 0; t < 12; ++t) {
      std::string text;
      const int len = static_cast<int>(rng() % 8);
      for (int i = 0; i < len; ++i) text += kText[rng() % std::size(kText)];
      core::Match m(re.value(), text, 100000);
      const bool found = m.find();
      const bool may = re.value().may_match(text);
      INFO(pattern << " on '" << text << "'");
      if (found) CHECK(may);
      matched += found ? 1 : 0;
      skipped += may ? 0 : 1;
    }
  }
  // The test says something only if both happen often.
  CHECK(compiled > 2000);
  CHECK(matched > 5000);
  CHECK(skipped > 3000);
}

TEST_CASE("required ideographs: no built-in rule's example is skipped where it matches") {
  auto rules = load_rules({});
  REQUIRE(rules.ok());
  int checked = 0;
  auto check_rule = [&](const core::Regex& re, const std::string& text, const std::string& id) {
    core::Match m(re, text, 100000);
    if (!m.find()) return;
    INFO(id << " on '" << text << "'");
    CHECK(re.may_match(text));
    ++checked;
  };
  for (const MetricRule& r : rules.value()->metric_rules) {
    if (r.tokens && !r.has_oracle) continue;
    for (const RuleExample& e : r.examples) check_rule(r.regex, e.text, r.id);
    for (const std::string& c : r.counter_examples) check_rule(r.regex, c, r.id);
  }
  const auto& s = rules.value()->structure;
  for (const auto* list :
       {&s.sections, &s.points, &s.inline_points, &s.colophon, &rules.value()->official.forwards}) {
    for (const PatternRule& p : *list) {
      for (const std::string& e : p.examples) check_rule(p.regex, e, p.id);
    }
  }
  CHECK(checked > 100);
}

}  // namespace
}  // namespace jianbao
