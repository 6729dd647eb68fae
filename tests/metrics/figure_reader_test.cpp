// The NUMX figure (lib/metrics/figure_reader.h) against the regex it stands for: at every
// position of random texts of figure characters, the reader's end must be the end of ICU's
// atomic group (?>{num_sign}?{num_cn}{num_kilo}?) built from rules/common/fragments.yaml, for
// each form a token rule can ask for. No rule may use NUMX unless this holds.
#include "metrics/figure_reader.h"

#include <doctest/doctest.h>
#include <unicode/regex.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "ruleset/embedded_rules.h"
#include "ruleset/fragments.h"
#include "ruleset/rule_set.h"
#include "support/builtin_rules.h"
#include "support/sanitized.h"

namespace jianbao::metrics {
namespace {

std::string expand_fragments(const std::string& pattern) {
  static ruleset::Fragments fragments;
  static const bool defined = [] {
    for (size_t i = 0; i < ruleset::kEmbeddedRuleCount; ++i) {
      const ruleset::EmbeddedRule& r = ruleset::kEmbeddedRules[i];
      if (std::string(r.path) != "common/fragments.yaml") continue;
      const YAML::Node root = YAML::Load(std::string(r.data, r.size));
      std::map<std::string, std::string> raw;
      for (const auto& kv : root["fragments"]) {
        raw[kv.first.as<std::string>()] = kv.second.as<std::string>();
      }
      return fragments.define(raw).ok();
    }
    return false;
  }();
  REQUIRE(defined);
  std::string out;
  std::string unknown;
  REQUIRE(fragments.expand(pattern, &out, &unknown));
  return out;
}

FigureForm form_of(bool sign, bool kilo, std::u32string suffix, bool whole) {
  FigureForm f;
  f.sign = sign;
  f.kilo = kilo;
  f.suffix = std::move(suffix);
  f.whole = whole;
  return f;
}

// The regex of a NUMX form, as the rules wrote it before they moved.
std::string oracle_of(const FigureForm& form) {
  std::string p = "(?>";
  if (form.sign) p += "{num_sign}?";
  p += "{num_cn}";
  if (form.kilo) p += "{num_kilo}?";
  if (!form.suffix.empty()) {
    std::string suffix;
    for (const char32_t c : form.suffix) core::append_utf8(&suffix, c);
    p += "(?: *" + suffix + ")?";
  }
  p += ")";
  if (form.whole) p += "(?:(?<!{num_digit})|(?! *{num_digit}))";
  return expand_fragments(p);
}

// ICU's end of the match at `pos` (code points; the alphabet is in the BMP, so they are UTF-16
// units too), seeing the text before pos as a lookbehind does; -1 when none.
int oracle_end(icu::RegexMatcher& m, int pos) {
  UErrorCode status = U_ZERO_ERROR;
  m.region(pos, m.input().length(), status);
  m.useTransparentBounds(true);
  m.useAnchoringBounds(false);
  const bool hit = m.lookingAt(status);
  REQUIRE(U_SUCCESS(status));
  return hit ? m.end(status) : -1;
}

TEST_CASE("NUMX: the first reading of {num_cn} at every position, as ICU's atomic group") {
  const FigureReader reader(testing::builtin_rules().token_classes.figure);
  // Figure characters most, with spaces, separators and what may follow a figure.
  const std::vector<std::string> alphabet = {
      "1",  "2",  "0",  "5",  "9",  ",",  ".",  " ",  " ",  "三", "两", "二", "一",
      "零", "〇", "十", "十", "百", "千", "万", "亿", "余", "多", "几", "半", "点",
      "负", "-",  "k",  "M",  "a",  "打", "%",  "个", "拾", "佰", "仟", "萬", "兆",
      "點", "幺", "俩", "壹", "七", "1",  "3",  "四", "百", "千", "万", "年", "五"};
  const FigureForm forms[] = {
      form_of(false, false, U"", false), form_of(true, false, U"", false),
      form_of(true, true, U"", false),   form_of(true, false, U"打", true),
      form_of(true, false, U"", true),   form_of(true, true, U"", true),
  };
  uint64_t state = 777;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>(state >> 33);
  };
  int positions = 0;
  int read = 0;  // positions where a figure was read: the comparison is not all "none"
  for (const FigureForm& form : forms) {
    const std::string pattern = oracle_of(form);
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse{};
    std::unique_ptr<icu::RegexPattern> re(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, parse, status));
    REQUIRE(U_SUCCESS(status));
    for (int n = 0; n < test::rounds(4000); ++n) {
      std::string text;
      const size_t len = 1 + next() % 14;
      for (size_t k = 0; k < len; ++k) text += alphabet[next() % alphabet.size()];
      const std::u32string cps = core::to_u32(text);
      const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
      std::unique_ptr<icu::RegexMatcher> m(re->matcher(u, status));
      REQUIRE(U_SUCCESS(status));
      bool same = true;
      for (int pos = 0; pos < static_cast<int>(cps.size()) && same; ++pos) {
        const int got = reader.read(cps.data(), static_cast<int>(cps.size()), pos, form);
        const int want = oracle_end(*m, pos);
        ++positions;
        read += want >= 0 ? 1 : 0;
        if (got == want) continue;
        same = false;
        CAPTURE(pattern);
        CAPTURE(text);
        CAPTURE(pos);
        CAPTURE(got);
        CAPTURE(want);
        FAIL_CHECK("NUMX and its regex read a figure differently");
      }
      if (!same) break;
    }
  }
  MESSAGE(positions << " positions compared, " << read << " with a figure");
  CHECK(read > positions / 5);
}

TEST_CASE("NUMX: figures of running text") {
  const FigureReader reader(testing::builtin_rules().token_classes.figure);
  struct Row {
    const char* text;
    FigureForm form;
    int end;
  };
  const Row rows[] = {
      {.text = "三千 八百 九十六 万人", .form = form_of(false, false, U"", false), .end = 11},
      {.text = "十余万", .form = form_of(false, false, U"", false), .end = 3},
      {.text = "一千零五", .form = form_of(false, false, U"", false), .end = 4},
      {.text = "半百", .form = form_of(false, false, U"", false), .end = 2},
      {.text = "12. 5%",
       .form = form_of(false, false, U"", false),
       .end = 2},  // 12. 5 is two figures
      {.text = "负 3.9%", .form = form_of(true, false, U"", false), .end = 5},
      {.text = "40k", .form = form_of(true, true, U"", false), .end = 3},
      {.text = "五十打", .form = form_of(true, false, U"打", false), .end = 3},
      {.text = "二三十", .form = form_of(false, false, U"", true), .end = -1},
      {.text = "百分", .form = form_of(false, false, U"", false), .end = -1},
  };
  for (const Row& r : rows) {
    const std::string text = r.text;
    CAPTURE(text);
    const std::u32string cps = core::to_u32(text);
    CHECK(reader.read(cps.data(), static_cast<int>(cps.size()), 0, r.form) == r.end);
  }
}

TEST_CASE("NUMX+backtrack: every reading's end, in the order a regex tries them, each once") {
  const FigureReader reader(testing::builtin_rules().token_classes.figure);
  FigureForm form = form_of(true, false, U"", false);
  form.backtrack = true;
  struct Row {
    const char* text;
    int pos;
    std::vector<int> ends;
  };
  const Row rows[] = {
      // after "2023." first (?<=[0-9]\.)[0-9]+ (6), then [0-9]+(?:\.[0-9]+(?![.0-9]))? (6.14)
      {.text = "2023.6.14", .pos = 5, .ends = {6, 9}},
      {.text = "三千五", .pos = 0, .ends = {3, 2, 1}},
      {.text = "12", .pos = 0, .ends = {2, 1}},
      {.text = "个", .pos = 0, .ends = {}},
  };
  for (const Row& r : rows) {
    const std::string text = r.text;
    CAPTURE(text);
    const std::u32string cps = core::to_u32(text);
    std::vector<int> ends;
    reader.read_all(cps.data(), static_cast<int>(cps.size()), r.pos, form, &ends);
    CHECK(ends == r.ends);
    // the first of them is the atomic reading
    form.backtrack = false;
    CHECK(reader.read(cps.data(), static_cast<int>(cps.size()), r.pos, form) ==
          (r.ends.empty() ? -1 : r.ends.front()));
    form.backtrack = true;
  }
}

}  // namespace
}  // namespace jianbao::metrics
