// guard_alternations: the rewrite, and that it never changes what a pattern matches.
#include "core/alternation_guard.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "core/icu_regex.h"
#include "core/utf8.h"
#include "jianbao/decode.h"
#include "jianbao/layout.h"
#include "ruleset/rule_set.h"
#include "support/builtin_rules.h"
#include "support/gold.h"

namespace jianbao::core {
namespace {

TEST_CASE("guard_alternations: a lookahead of first characters before each literal list") {
  struct Row {
    const char* pattern;
    const char* want;
  };
  const Row rows[] = {
      {"(?:以上|以下|左右)", "(?:(?=[以左])(?:以上|以下|左右))"},
      {"(?<cmp>余|多)?个", "(?<cmp>(?=[余多])(?:余|多))?个"},
      {"(?>甲|乙)", "(?>(?=[乙甲])(?:甲|乙))"},
      {"(a|b-c)", "((?=[ab])(?:a|b-c))"},
      {"(?:-x|.y)", "(?:-x|.y)"},                  // '.' is no literal
      {"(?:-x|&y)", "(?:(?=[\\&\\-])(?:-x|&y))"},  // ASCII punctuation quoted in the set
      // Not rewritten: one branch, an empty branch, groups inside, metacharacters, classes,
      // escapes, lookarounds and whatever they hold.
      {"(?:以上)", "(?:以上)"},
      {"(?:以上|)", "(?:以上|)"},
      {"(?:(?:a|b)c|d)", "(?:(?:(?=[ab])(?:a|b))c|d)"},
      {"(?:a+|b)", "(?:a+|b)"},
      {"(?:[ab]|c)", "(?:[ab]|c)"},
      {"(?:\\d|x)", "(?:\\d|x)"},
      {"(?<!甲|乙)丙", "(?<!甲|乙)丙"},
      {"(?=(?:甲|乙))丙", "(?=(?:甲|乙))丙"},
      // Unreadable with certainty: left as written.
      {"(?i)(?:a|b)", "(?i)(?:a|b)"},
      {"\\Q(a|b)\\E", "\\Q(a|b)\\E"},
      {"(?:a|b", "(?:a|b"},
      {"[(]a|b)", "[(]a|b)"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.pattern);
    CHECK(guard_alternations(r.pattern) == r.want);
  }
}

TEST_CASE("guard_alternations: an invalid pattern still reports the offset of what was written") {
  const char* pattern = "(?:以上|以下)(";
  UParseError pe{};
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexPattern> direct(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, pe, status));
  REQUIRE(U_FAILURE(status));
  auto bad = Regex::compile(pattern);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("pattern offset " + std::to_string(pe.offset)) !=
        std::string::npos);
}

// Every pattern of the built-in rules finds the same matches, guarded and as written, in the
// blocks of every sample bulletin.
TEST_CASE("guard_alternations: the built-in rules match the same text with and without it") {
  const RuleSet& rules = testing::builtin_rules();
  std::vector<const PatternRule*> patterns;
  int rewritten = 0;
  std::vector<std::pair<std::string, std::unique_ptr<icu::RegexPattern>>> plain;
  auto add = [&](const std::string& id, const std::string& source) {
    if (guard_alternations(source) != source) ++rewritten;
    UErrorCode status = U_ZERO_ERROR;
    UParseError pe{};
    plain.emplace_back(
        id, icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(source), 0, pe, status));
    REQUIRE(U_SUCCESS(status));
  };
  std::vector<const Regex*> guarded;
  for (const MetricRule& r : rules.metric_rules) {
    if (r.tokens && !r.has_oracle) continue;  // no regex: a token rule without an oracle_pattern
    add(r.id, r.regex.source());
    guarded.push_back(&r.regex);
  }
  for (const PatternRule& p : rules.exclusions) {
    add(p.id, p.regex.source());
    guarded.push_back(&p.regex);
  }
  CHECK(rewritten > 10);  // count_unit, cmp_before, cmp_after, change_word… all carry one
  int blocks = 0;
  for (const std::string& path : testing::bulletin_paths(/*with_seed=*/false)) {
    auto decoded = decode::decode_bytes(testing::read_bytes(path), path, {});
    REQUIRE(decoded.ok());
    for (const auto& b : layout::clean_layout(decoded.value(), rules).blocks) {
      ++blocks;
      const MatchText text(normalize_width(b.text));
      for (size_t i = 0; i < guarded.size(); ++i) {
        CAPTURE(plain[i].first);
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::RegexMatcher> a(plain[i].second->matcher(text.u16(), status));
        std::unique_ptr<icu::RegexMatcher> g = guarded[i]->new_matcher(0);
        g->reset(text.u16());
        for (;;) {
          const bool fa = a->find(status);
          const bool fg = g->find(status);
          REQUIRE(fa == fg);
          if (!fa) break;
          CHECK(a->start(status) == g->start(status));
          CHECK(a->end(status) == g->end(status));
        }
      }
    }
  }
  CHECK(blocks > 100);
}

}  // namespace
}  // namespace jianbao::core
