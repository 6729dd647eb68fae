#include "core/first_chars.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/icu_regex.h"
#include "core/utf8.h"
#include "jianbao/ruleset.h"
#include "ruleset/rule_set.h"
#include "support/random_patterns.h"

namespace jianbao {
namespace {

// Whether `pattern` may open a match with the first code point of `utf8`.
bool opens(const char* pattern, const char* utf8) {
  const std::string_view s(utf8);
  size_t pos = 0;
  return core::FirstChars(pattern).may_open(core::next_code_point(s, &pos));
}

TEST_CASE("first chars: the code points a match opens with") {
  // The page-number and separator patterns of rules/layout/layout.yaml.
  const char* dash = "^[—–\\-－]\\s*[0-9]{1,4}\\s*[—–\\-－]$";
  CHECK(opens(dash, "—"));
  CHECK(opens(dash, "-"));
  CHECK(opens(dash, "－"));
  CHECK_FALSE(opens(dash, "第"));
  CHECK_FALSE(opens(dash, "1"));
  const char* page = "^第\\s*[0-9]{1,4}\\s*页(?:\\s*[，,/]?\\s*共\\s*[0-9]{1,4}\\s*页)?$";
  CHECK(opens(page, "第"));
  CHECK_FALSE(opens(page, "一"));
  const char* rule = "^\\s*(?:[\\-_=*~·•‐‑‒–—―─━═＿－＝]\\s*){3,}$";
  CHECK(opens(rule, " "));
  CHECK(opens(rule, "\u3000"));  // \s holds the ideographic space
  CHECK(opens(rule, "*"));
  CHECK(opens(rule, "━"));
  CHECK_FALSE(opens(rule, "a"));
  CHECK_FALSE(opens(rule, "第"));
  // Alternations, optional items, groups, lookarounds.
  CHECK(opens("x*y", "x"));
  CHECK(opens("x*y", "y"));
  CHECK_FALSE(opens("x*y", "z"));
  CHECK(opens("x{0,2}y", "y"));
  CHECK_FALSE(opens("x{1,2}y", "y"));
  CHECK(opens("x??y", "y"));
  CHECK(opens("(?:第(?<n>[一二])|首先)", "首"));
  CHECK(opens("(?:第(?<n>[一二])|首先)", "第"));
  CHECK_FALSE(opens("(?:第(?<n>[一二])|首先)", "一"));
  CHECK(opens("a|b", "b"));
  CHECK_FALSE(opens("a|b", "c"));
  CHECK(opens("(?=a)b", "b"));
  CHECK(opens("(?<![，])b", "b"));
  CHECK_FALSE(opens("(?<![，])b", "，"));
  CHECK(opens("\\bb", "b"));
  // Classes: negation, escapes, set escapes.
  CHECK(opens("[^a]", "b"));
  CHECK_FALSE(opens("[^a]", "a"));
  CHECK(opens("[^\\s，。]x", "x"));
  CHECK_FALSE(opens("[^\\s，。]x", "，"));
  CHECK_FALSE(opens("[^\\s，。]x", "\u3000"));
  CHECK(opens("[a-c]", "b"));
  CHECK_FALSE(opens("[a-c]", "d"));
  CHECK(opens("[a-]", "-"));
  CHECK(opens("\\d", "\u0663"));  // ICU's \d is any decimal digit
  CHECK_FALSE(opens("\\d", "a"));
  CHECK(opens("\\p{L}", "号"));
  CHECK_FALSE(opens("\\p{L}", "1"));
  CHECK(opens("\\.", "."));
  CHECK_FALSE(opens("\\.", "a"));
}

TEST_CASE("first chars: what is not read, or may match nothing, allows everything") {
  for (const char* p : {"",          "^",       "^$",      "a?",     "a*",
                        "(?:a|)",    "(?=a)",   "\\b",     "(?i)a",  "(?x)a",
                        "\\x{53F7}", "\\u53F7", "\\Qa\\E", "(a)\\1", "[[a-z]&&[^c]]",
                        "[a--b]",    "[]a]",    "a)",      "(a",     "[a",
                        "a{",        "a{,2}",   "*a",      "a**",    "\\N{DIGIT ONE}",
                        "(?#c)a"}) {
    INFO(p);
    CHECK_FALSE(core::FirstChars(p).restricts());
  }
  CHECK(core::FirstChars("a").restricts());
}

// A random pattern over atoms, classes, groups, alternations and quantifiers.
std::string random_first_pattern(std::mt19937& rng) {
  static const char* const kAtoms[] = {"号",    "a",     "b", ".",      "\\s",     "\\d",
                                       "[号a]", "[^号]", " ", "[a-c]",  "^",       "$",
                                       "\\b",   "\\-",   "1", "[\\s1]", "\\p{Han}"};
  static const char* const kQuant[] = {"", "", "", "?", "*", "+", "{0,2}", "{1,2}", "??", "{2}"};
  return testing::random_pattern(rng, kAtoms, kQuant);
}

// Whether ICU finds a match of `re` at the start of `text` (lookingAt).
bool icu_opens(const core::Regex& re, const std::string& text) {
  const auto m = re.new_matcher(100000);
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  m->reset(u);
  UErrorCode status = U_ZERO_ERROR;
  return m->lookingAt(status) && U_SUCCESS(status);
}

TEST_CASE("first chars: every text ICU matches at its start opens with an allowed code point") {
  std::mt19937 rng(17);
  static const char* kText[] = {"号", "a", "b", "c", " ", "1", "\u3000", "-", "令"};
  int matched = 0, skipped = 0, compiled = 0;
  for (int k = 0; k < 3000; ++k) {
    const std::string pattern = random_first_pattern(rng);
    auto re = core::Regex::compile(pattern);
    if (!re.ok()) continue;  // an unbounded look-behind, a quantified anchor: ICU says no
    ++compiled;
    if (icu_opens(re.value(), "")) {
      INFO(pattern << " matches the empty text");
      CHECK_FALSE(core::FirstChars(pattern).restricts());
    }
    for (int t = 0; t < 12; ++t) {
      std::string text;
      const int len = 1 + static_cast<int>(rng() % 7);
      for (int i = 0; i < len; ++i) text += kText[rng() % std::size(kText)];
      size_t pos = 0;
      const char32_t first = core::next_code_point(text, &pos);
      const bool found = icu_opens(re.value(), text);
      const bool may = re.value().may_open_with(first);
      INFO(pattern << " on '" << text << "'");
      if (found) CHECK(may);
      matched += found ? 1 : 0;
      skipped += may ? 0 : 1;
    }
  }
  // The test says something only if both happen often.
  MESSAGE(compiled << " patterns, " << matched << " matches, " << skipped << " skipped");
  CHECK(compiled > 1500);
  CHECK(matched > 3000);
  CHECK(skipped > 3000);
}

TEST_CASE("first chars: \\s and \\d hold every code point ICU's do") {
  for (const char* p : {"\\s", "\\d", "[\\s]", "[^\\S]", "\\p{Nd}"}) {
    auto re = core::Regex::compile(p);
    REQUIRE(re.ok());
    const core::FirstChars first(p);
    const auto m = re.value().new_matcher(100000);
    int inside = 0;
    for (UChar32 c = 0; c <= 0xFFFF; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      const icu::UnicodeString u(c);
      m->reset(u);
      UErrorCode status = U_ZERO_ERROR;
      if (!m->matches(status)) continue;
      ++inside;
      INFO(p << " U+" << std::hex << c);
      CHECK(first.may_open(static_cast<char32_t>(c)));
    }
    CHECK(inside > 10);
  }
}

// The lines of some corpus texts, width-normalised as the layout matches them.
std::vector<std::string> corpus_lines() {
  std::vector<std::string> out;
  int file = 0;
  for (const auto& e :
       std::filesystem::recursive_directory_iterator(JB_SOURCE_DIR "/tests/corpus/bulletins")) {
    if (e.path().extension() != ".txt" || ++file % 6 != 0) continue;
    std::ifstream in(e.path());
    std::string line;
    while (std::getline(in, line)) {
      std::string norm = core::normalize_width(core::trim(line));
      if (!norm.empty()) out.push_back(std::move(norm));
    }
  }
  return out;
}

TEST_CASE("first chars: no built-in line pattern is skipped on a line it opens") {
  auto rules = load_rules({});
  REQUIRE(rules.ok());
  const RuleSet& r = *rules.value();
  std::vector<const core::Regex*> patterns;
  for (const auto* list : {&r.layout.page_numbers, &r.layout.page_end_numbers, &r.layout.separators,
                           &r.layout.glued_page_numbers, &r.structure.sections, &r.structure.points,
                           &r.structure.colophon}) {
    for (const PatternRule& p : *list) patterns.push_back(&p.regex);
  }
  const MastheadRules& m = r.structure.masthead;
  for (const core::Regex* re : {&r.structure.distribution.pattern, &m.date, &m.title, &m.note}) {
    patterns.push_back(re);
  }
  std::vector<std::string> lines = corpus_lines();
  REQUIRE(lines.size() > 1000);
  for (const auto* list : {&r.structure.sections, &r.structure.points}) {
    for (const PatternRule& p : *list)
      lines.insert(lines.end(), p.examples.begin(), p.examples.end());
  }
  int restricting = 0, opened = 0, skipped = 0;
  for (const core::Regex* re : patterns) {
    restricting += core::FirstChars(re->source()).restricts() ? 1 : 0;
    for (const std::string& line : lines) {
      size_t pos = 0;
      const bool may = re->may_open_with(core::next_code_point(line, &pos));
      skipped += may ? 0 : 1;
      if (may) continue;
      const bool found = icu_opens(*re, line);
      opened += found ? 1 : 0;
      INFO(re->source() << " on '" << line << "'");
      CHECK_FALSE(found);
    }
  }
  MESSAGE(restricting << " of " << patterns.size() << " patterns restrict, " << skipped << " of "
                      << lines.size() * patterns.size() << " tests skipped");
  CHECK(opened == 0);
  // Most line patterns are anchored and open with a few characters: most lines are skipped.
  CHECK(restricting >= 12);
  CHECK(skipped > static_cast<int>(lines.size()) * 8);
}

}  // namespace
}  // namespace jianbao
