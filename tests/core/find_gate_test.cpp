// core::Regex::may_find_in, core::char_before_list and core::width_forms: the tests that let a
// find skip ICU must never skip a text ICU finds a match in.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "core/first_chars.h"
#include "core/icu_regex.h"
#include "core/utf8.h"
#include "support/random_patterns.h"

namespace jianbao {
namespace {

TEST_CASE("width forms: every code point normalising to c, and c") {
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::u32string forms = core::width_forms(core::normalize_width(c));
    INFO("U+" << std::hex << static_cast<uint32_t>(c));
    CHECK(forms.find(c) != std::u32string::npos);
    for (const char32_t f : core::width_forms(c)) {
      CHECK((f == c || core::normalize_width(f) == c));
    }
  }
  CHECK(core::width_forms(U'(') == U"(\uFF08");
  CHECK(core::width_forms(U' ') == U" \u3000");
  CHECK(core::width_forms(U'号') == U"号");
}

TEST_CASE("char before: a leading one-character look-behind, and nothing else") {
  std::u32string out;
  CHECK(core::char_before_list("(?<=[，,；])(?<m>[（(])", 16, &out));
  CHECK(out == U",，；");  // in code point order
  CHECK(core::char_before_list("(?<=是)a", 16, &out));
  CHECK(out == U"是");
  for (const char* p :
       {"(?<=[，,])a|b", "(?<=ab)c", "(?<=[^，])a", "(?<=[\\s])a", "(?<=a)?b", "a(?<=b)",
        "(?<![，])a", "(?<=[[a-c]])d", "(?<=(a))b", "(?<=[a)b", "(?<=a"}) {
    INFO(p);
    CHECK_FALSE(core::char_before_list(p, 16, &out));
  }
  CHECK_FALSE(core::char_before_list("(?<=[a-z])b", 16, &out));  // more than 16
}

// Whether ICU finds a match of `re` anywhere in `text`, as matched: width-normalised.
bool icu_finds(const core::Regex& re, const std::string& text) {
  const auto m = re.new_matcher(100000);
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(core::normalize_width(text));
  m->reset(u);
  int32_t from = 0;
  return core::find_next(*m, &from);
}

TEST_CASE("may find in: every text ICU finds a match in is tried") {
  std::mt19937 rng(29);
  static const char* const kAtoms[] = {"号",  "a",    "b", "[号a]", "[，,]", "(", "\\(",  "[（(]",
                                       "\\s", "[ab]", "^", "$",     "\\b",   "1", "[0-9]"};
  static const char* const kQuant[] = {"", "", "", "?", "*", "+", "{0,2}", "{1,2}", "{2}"};
  static const char* const kLead[] = {"", "", "(?<=[，,；])", "(?<=a)", "(?<=[（(])", "(?<=号)"};
  static const char* const kText[] = {"号", "a", "b",  "c", " ",  "1",   "\u3000",
                                      "，", ",", "（", "(", "；", "\xff"};
  int compiled = 0, found = 0, skipped = 0;
  for (int k = 0; k < 4000; ++k) {
    std::string pattern = kLead[rng() % std::size(kLead)];
    pattern += testing::random_pattern(rng, kAtoms, kQuant);
    auto re = core::Regex::compile(pattern);
    if (!re.ok()) continue;
    ++compiled;
    for (int t = 0; t < 10; ++t) {
      std::string text;
      const int len = static_cast<int>(rng() % 8);
      for (int i = 0; i < len; ++i) text += kText[rng() % std::size(kText)];
      const bool finds = icu_finds(re.value(), text);
      const bool may = re.value().may_find_in(text);
      INFO(pattern << " on '" << text << "'");
      if (finds) CHECK(may);
      found += finds ? 1 : 0;
      skipped += may ? 0 : 1;
    }
  }
  MESSAGE(compiled << " patterns, " << found << " found, " << skipped << " skipped");
  CHECK(compiled > 1500);
  CHECK(found > 3000);
  CHECK(skipped > 3000);
}

}  // namespace
}  // namespace jianbao
