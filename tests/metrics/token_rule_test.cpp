// The token rules' compiler and matcher (lib/metrics/token_rule.h, token_matcher.h): what a
// sequence reads, in the order a backtracking regex would read it, and what the compiler refuses.
#include "metrics/token_rule.h"

#include <doctest/doctest.h>

#include <span>
#include <string>
#include <vector>

#include "core/icu_regex.h"
#include "core/utf8.h"
#include "metrics/token_matcher.h"
#include "ruleset/rule_set.h"
#include "support/builtin_rules.h"
#include "support/sanitized.h"

namespace jianbao::metrics {
namespace {

const TokenClasses& classes() { return testing::builtin_rules().token_classes; }

// "begin-end whole field=text ..." for each match of `tokens` in `text`.
std::vector<std::string> read(const std::string& tokens, const std::string& text) {
  auto seq = compile_token_sequence(tokens, classes());
  REQUIRE(seq.ok());
  MetricRule rule;
  rule.tokens = std::make_shared<const TokenSequence>(seq.value());
  TokenMatcher m(classes(), {&rule});
  m.find(text);
  std::vector<std::string> out;
  for (const Candidate& c : m.matches(0)) {
    std::string s = std::to_string(c.begin) + "-" + std::to_string(c.end) + " " + c.groups.whole;
    for (size_t f = 0; f < token_fields().size(); ++f) {
      const std::string& v = captured_field(c.groups, f);
      if (!v.empty()) s += " " + token_fields()[f] + "=" + v;
    }
    out.push_back(s);
  }
  return out;
}

// A sequence the compiler must refuse, and words of the reason it must give.
struct Refusal {
  const char* tokens;
  const char* why;
};

void check_refused(std::span<const Refusal> rows) {
  for (const Refusal& r : rows) {
    const std::string tokens = r.tokens;
    CAPTURE(tokens);
    auto seq = compile_token_sequence(r.tokens, classes());
    REQUIRE_FALSE(seq.ok());
    CHECK(seq.status().message().find(r.why) != std::string::npos);
  }
}

TEST_CASE("token rules: a sequence reads figures, classes and literals as a regex would") {
  struct Row {
    const char* name;
    const char* tokens;
    const char* text;
    std::vector<std::string> want;
  };
  const std::string count = "cmpb=cmp_before? value=NUM 个? unit=count_unit cmp=cmp_after?";
  const Row rows[] = {
      {.name = "plain count",
       .tokens = count.c_str(),
       .text = "包含111项",
       .want = {"2-6 111项 value=111 unit=项"}},
      // 个? taken first, then given back so that 个 is the unit
      {.name = "optional given back",
       .tokens = count.c_str(),
       .text = "5个",
       .want = {"0-2 5个 value=5 unit=个"}},
      {.name = "comparators",
       .tokens = count.c_str(),
       .text = "超过5项以上",
       .want = {"0-6 超过5项以上 value=5 unit=项 cmp=以上 cmpb=超过"}},
      // the longest figure first: 3千 then the unit 米, as the regex reads it
      {.name = "longest figure first",
       .tokens = count.c_str(),
       .text = "3千米",
       .want = {"0-3 3千米 value=3千 unit=米"}},
      // a shorter figure when the longer one leaves no unit: 12.5 then 万吨
      {.name = "figure given back",
       .tokens = "value=NUM unit=万吨",
       .text = "12.5万吨",
       .want = {"0-6 12.5万吨 value=12.5 unit=万吨"}},
      {.name = "thousands and multipliers",
       .tokens = count.c_str(),
       .text = "1,234.5万人",
       .want = {"0-9 1,234.5万人 value=1,234.5万 unit=人"}},
      {.name = "chain of multipliers",
       .tokens = count.c_str(),
       .text = "5万4千6百人",
       .want = {"0-7 5万4千6百人 value=5万4千6百 unit=人"}},
      {.name = "chinese figure",
       .tokens = count.c_str(),
       .text = "负三点五吨",
       .want = {"0-5 负三点五吨 value=负三点五 unit=吨"}},
      // a figure inside a run that no reading of its start ends well: the search moves on
      {.name = "search moves on",
       .tokens = count.c_str(),
       .text = "1,23项",
       .want = {"2-5 23项 value=23 unit=项"}},
      {.name = "two matches",
       .tokens = count.c_str(),
       .text = "3家和4人",
       .want = {"0-2 3家 value=3 unit=家", "3-5 4人 value=4 unit=人"}},
      {.name = "alternatives",
       .tokens = "value=NUM cmp=余|多 unit=count_unit",
       .text = "30多家",
       .want = {"0-4 30多家 value=30 unit=家 cmp=多"}},
      {.name = "group captured",
       .tokens = "change=( 同比? 下降 了? )? value=NUM 元",
       .text = "同比下降了5元",
       .want = {"0-7 同比下降了5元 value=5 change=同比下降了"}},
      {.name = "group left out",
       .tokens = "change=( 同比? 下降 了? )? value=NUM 元",
       .text = "共5元",
       .want = {"1-3 5元 value=5"}},
      {.name = "not followed by",
       .tokens = "value=NUM 个 !月|年 unit=count_unit",
       .text = "3个月5个人",
       .want = {"3-6 5个人 value=5 unit=人"}},
      // a Han run, longest first, given back to what follows it
      {.name = "han run",
       .tokens = "value=NUM 个 HAN{1,3} 的",
       .text = "5个工作组的",
       .want = {"0-6 5个工作组的 value=5"}},
      // spaces around a connector, and no range that begins inside a longer figure
      {.name = "spaces",
       .tokens = "<!figure_char value=NUM SP range_sep SP value2=NUM 家",
       .text = "每组3 至 5家",
       .want = {"2-8 3 至 5家 value=3 value2=5"}},
      {.name = "not preceded by",
       .tokens = "<!figure_char value=NUM SP range_sep SP value2=NUM 家",
       .text = "三5-6家",
       .want = {}},
      {.name = "no figure", .tokens = count.c_str(), .text = "各地认真落实", .want = {}},
      // NUMX: one reading, the sign and the spaces after it inside the figure
      {.name = "figure as running text",
       .tokens = "value=NUMX+sign SP %",
       .text = "约负 3.9%",
       .want = {"1-7 负 3.9% value=负 3.9"}},
      // {num_coef}? *十: the figure of the regex begins at the spaces before a bare 十
      {.name = "figure begins with spaces",
       .tokens = "value=NUMX SP ‰",
       .text = "共 十‰",
       .want = {"1-4  十‰ value= 十"}},
      {.name = "figure has one reading",
       .tokens = "value=NUMX 万吨",
       .text = "12.5万吨",
       .want = {}},
  };
  for (const Row& r : rows) {
    const std::string name = r.name;
    const std::vector<std::string> got = read(r.tokens, r.text);
    std::string shown;
    for (const std::string& g : got) shown += "[" + g + "] ";
    CAPTURE(name);
    CAPTURE(shown);
    CHECK(got == r.want);
  }
}

TEST_CASE("token rules: a +backtrack figure gives up its first reading for a longer one") {
  // After "2023." the figure's first reading is 6 ((?<=[0-9]\.)[0-9]+ of {num_arabic}), its
  // second 6.14. The fraction's regex has one atomic group around the whole fraction, so it
  // backtracks into the figure and reads 6.14分之一; an atomic figure (plain NUMX) cannot, and
  // the match moved to 14分之一 (why number_fraction had gone back to its regex).
  const std::string fraction =
      "<!digit <!cn_figure_char value=(> ( NUMX+sign+backtrack SP 又 SP )? NUMX+sign+backtrack "
      "SP 分 SP 之 SP NUMX+sign+backtrack )";
  CHECK(read(fraction, "一又二2023.6.14分之一") ==
        std::vector<std::string>{"8-15 6.14分之一 value=6.14分之一"});
  CHECK(read("<!digit <!cn_figure_char value=(> ( NUMX+sign SP 又 SP )? NUMX+sign SP 分 SP 之 SP "
             "NUMX+sign )",
             "一又二2023.6.14分之一") == std::vector<std::string>{"10-15 14分之一 value=14分之一"});
  CHECK(read(fraction, "三又 三分之一") ==
        std::vector<std::string>{"0-7 三又 三分之一 value=三又 三分之一"});
  // the rule as shipped reads what its oracle reads
  for (const MetricRule& r : testing::builtin_rules().metric_rules) {
    if (r.id != "number_fraction" && r.id != "number_scientific") continue;
    CAPTURE(r.id);
    REQUIRE(r.tokens);
    const std::string text = r.id == "number_fraction" ? "一又二2023.6.14分之一" : "2023.6.14e5";
    TokenMatcher m(classes(), {&r});
    m.find(text);
    REQUIRE(m.matches(0).size() == 1);
    CHECK(m.matches(0)[0].begin == (r.id == "number_fraction" ? 8 : 5));
    CHECK(m.matches(0)[0].groups.value == (r.id == "number_fraction" ? "6.14分之一" : "6.14e5"));
  }
}

TEST_CASE("token rules: a run of what a class does not hold, and the end of the text") {
  CHECK(read("“ ^close_quote{1,4} ”", "“三合一”与“”和“一二三四五”") ==
        std::vector<std::string>{"0-5 “三合一”"});
  CHECK(read("value=digit{1,3} ?=( HAN{1,1} | white_space | END )", "12a 34 56江78") ==
        std::vector<std::string>{"4-6 34 value=34", "7-9 56 value=56", "10-12 78 value=78"});
}

TEST_CASE("token rules: the compiler refuses a bad sequence with its reason") {
  std::string many_items = "NUM";
  for (int i = 0; i < 96; ++i) many_items += " 元";
  const Refusal rows[] = {
      {.tokens = "value=NUM unit=no_such_class", .why = "unknown token class 'no_such_class'"},
      {.tokens = "valu=NUM 元", .why = "unknown field 'valu'"},
      {.tokens = "( NUM 元", .why = "'(' is never closed"},
      {.tokens = "NUM 元 )", .why = "')' closes no group"},
      {.tokens = "NUM? 元?", .why = "every item is optional"},
      {.tokens = "cmp=!元 NUM", .why = "a '!' item takes no text"},
      {.tokens = "NUM 元|", .why = "empty word"},
      {.tokens = "HAN{1,8} NUM", .why = "cannot begin with HAN"},
      {.tokens = "NUM HAN{3,1}", .why = "1 <= min <= max"},
      {.tokens = "NUM SP? 元", .why = "'SP' is already optional"},
      {.tokens = many_items.c_str(), .why = "more than 96 items"},
      {.tokens = "noun=NUM 元", .why = "noun= takes the last item, a HAN run"},
      {.tokens = "NUM <!元? 元", .why = "cannot be optional"},
      {.tokens = "NUMX+sgn 元", .why = "unknown or repeated '+sgn'"},
      {.tokens = "(> value=NUM 元 )", .why = "an atomic group (> ... ) captures nothing inside"},
      {.tokens = "NUMX+sign+sign 元", .why = "unknown or repeated '+sign'"},
      {.tokens = "^close_quote{1,16} 元", .why = "cannot begin with HAN or a ^ run"},
      {.tokens = "NUM ^SP{1,2}", .why = "write a class of what the run may not hold"},
      {.tokens = "NUM END?", .why = "'END' takes no text"},
  };
  check_refused(rows);
}

TEST_CASE("token rules: where a match may begin") {
  auto seq = compile_token_sequence("cmpb=cmp_before? value=NUM 元", classes());
  REQUIRE(seq.ok());
  const std::u32string& first = seq.value().first_chars;
  for (const char32_t c : std::u32string(U"0九十负不超约")) {
    CAPTURE(static_cast<int>(c));
    CHECK(first.find(c) != std::u32string::npos);
  }
  CHECK(first.find(U'元') == std::u32string::npos);
  // a positive lookahead before the first item narrows where it may begin: {cn_number} (
  // ?=( 负 | numeral_char ) NUM) begins at no Arabic digit, though NUM can
  auto cn = compile_token_sequence("{cn_number} 年 行动", classes());
  REQUIRE(cn.ok());
  const std::u32string& cn_first = cn.value().first_chars;
  for (const char32_t c : std::u32string(U"三十负")) {
    CAPTURE(static_cast<int>(c));
    CHECK(cn_first.find(c) != std::u32string::npos);
  }
  CHECK(cn_first.find(U'0') == std::u32string::npos);
  CHECK(read("{cn_number} 年 行动", "3年行动 三年行动") ==
        std::vector<std::string>{"5-9 三年行动"});
}

TEST_CASE("token rules: the anchor words of a sequence, and how far before them a match begins") {
  // a word taken in every match: 月, after at most 4 (二〇二四) + 1 (年) + 2 (十一) code points
  // that are no spaces and no ASCII digits
  auto date = compile_token_sequence("{date_head} m=months SP 月", classes());
  REQUIRE(date.ok());
  CHECK(date.value().anchor_words == std::vector<std::u32string>{U"月"});
  CHECK(date.value().anchor_reach == 7);
  // a group each of whose alternatives holds a word: the union; a figure has no bound
  auto units = compile_token_sequence("NUM unit=( 个月|天 | 个? 小时 )", classes());
  REQUIRE(units.ok());
  CHECK(units.value().anchor_words == std::vector<std::u32string>{U"个月", U"天", U"小时"});
  CHECK(units.value().anchor_reach == -1);
  // digits are not counted: a figure of digit runs has a bound (4 for 一百二十, 2 for ——, 4
  // again), and spaces and digits do not keep a match from being found
  auto range = compile_token_sequence(
      "value=( {small_number} ) SP range_sep SP value2=( {small_number} ) 天", classes());
  REQUIRE(range.ok());
  CHECK(range.value().anchor_words == std::vector<std::u32string>{U"天"});
  CHECK(range.value().anchor_reach == 10);
  CHECK(read("value=( {small_number} ) SP range_sep SP value2=( {small_number} ) 天",
             "停产 12.5  至 34.75天") ==
        std::vector<std::string>{"3-17 12.5  至 34.75天 value=12.5 value2=34.75"});
  // an optional group is no anchor
  auto none = compile_token_sequence("digit{1,3} ( 个 )? SP", classes());
  REQUIRE(none.ok());
  CHECK(none.value().anchor_words.empty());
  // spaces do not count towards the reach: the match is still found
  CHECK(read("{date_head} m=months SP 月", "于 2024   年  5   月") ==
        std::vector<std::string>{"2-17 2024   年  5   月 y=2024 m=5"});
}

TEST_CASE("token rules: every anchor of a sequence, each with its reach") {
  // each words item taken in every match is an anchor, inside a group of one alternative too;
  // the matcher tries a match only where each bounded one is near enough
  auto range =
      compile_token_sequence("{date_head} m=months SP 月 SP range_sep SP 底|末", classes());
  REQUIRE(range.ok());
  std::vector<std::pair<std::u32string, int>> firsts;
  for (const TokenAnchor& a : range.value().anchors) firsts.emplace_back(a.words.front(), a.reach);
  const std::vector<std::pair<std::u32string, int>> want = {
      {U"10", 5}, {U"月", 7}, {U"至", 8}, {U"底", 10}};
  CHECK(firsts == want);
  auto grouped = compile_token_sequence("value=( NUM SP 个 ) 天", classes());
  REQUIRE(grouped.ok());
  REQUIRE(grouped.value().anchors.size() == 2);
  CHECK(grouped.value().anchors[0].words == std::vector<std::u32string>{U"个"});
  CHECK(grouped.value().anchors[0].reach == -1);
  // a match is found only where the far anchor is within its reach, and is found there
  const std::string rule = "{date_head} m=months SP 月 SP range_sep SP 底|末";
  CHECK(read(rule, "5月至底") == std::vector<std::string>{"0-4 5月至底 m=5"});
  CHECK(read(rule, "5月至2底").empty());
  CHECK(read(rule, "5月，6月至底") == std::vector<std::string>{"3-7 6月至底 m=6"});
}

}  // namespace
}  // namespace jianbao::metrics

namespace jianbao::metrics {
namespace {

// "begin-end field=text ..." of every match, by the token matcher or by the rule's oracle.
std::vector<std::string> by_tokens(const MetricRule& r, const std::string& text) {
  TokenMatcher m(classes(), {&r});
  m.find(text);
  std::vector<std::string> out;
  const std::vector<Candidate>& found = m.matches(0);
  for (size_t k = 0; k < found.size(); ++k) {
    const Candidate& c = found[k];
    std::string s = std::to_string(c.begin) + "-" + std::to_string(c.end);
    for (size_t f = 0; f < token_fields().size(); ++f) {
      const std::string& v = captured_field(c.groups, f);
      if (!v.empty()) s += " " + token_fields()[f] + "=" + v;
    }
    if (m.noun_at(0, k) >= 0) s += " noun@" + std::to_string(m.noun_at(0, k));
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> by_oracle(const MetricRule& r, const std::string& text) {
  core::Match m(r.regex, text, testing::builtin_rules().layout.regex_time_limit);
  std::vector<std::string> out;
  while (m.find()) {
    if (m.end() <= m.start()) continue;
    std::string s = std::to_string(m.start()) + "-" + std::to_string(m.end());
    for (const std::string& f : token_fields()) {
      if (f == "noun") continue;
      const std::string v = m.group(f.c_str());
      if (!v.empty()) s += " " + f + "=" + v;
    }
    if (!m.group("noun").empty()) {
      const std::string whole = m.text();
      const std::string noun = m.group("noun");
      // the noun runs to the match's end
      const size_t noun_chars = core::count_code_points(noun);
      s += " noun@" + std::to_string(m.end() - static_cast<int>(noun_chars));
    }
    out.push_back(s);
  }
  return out;
}

TEST_CASE("token rules: read random text of figures, units and connectors as their oracles") {
  // Texts drawn from the characters the migrated rules read, so that every item meets its
  // boundary cases (runs of digits, commas, points, 万 after figures, spaces, ranges, 个 + noun).
  // Figures are drawn most often, then the words after them.
  const std::vector<std::string> alphabet = {
      "1", "2", "0", "9", "1", "2", "5", "3", "三", "两", "十", "1", "7", "4", ",", ".", " ", "万",
      "千", "负", "点", "个", "个", "项", "家", "人", "米", "千米", "元", "元", "余", "多", "至",
      "-", "—", "以上", "超过", "约", "个百分点", "同比", "下降", "了", "月", "年", "工作组", "的",
      "省份", "。", "不同", "左右",
      // the figures of NUMX and the percentage rules
      "%", "%", "零", "半", "百", "個", "k", "二", "‰", "6", "8", "%", "百分之", "千分之", "万",
      "成", "成", "九", "员", "折", "扣", "又", "分之", "两两", "陆", "/"};
  // and, for the exclusions, what they read (the metric rules' texts stay as they were)
  std::vector<std::string> excluded = alphabet;
  for (const char* piece :
       {"“",  "”",      "大",   "精神", "第", "季度", "级",   "、",     "标准化",
        "矿", "山",     "批",   "是",   "每", "·",    "事故", "零部件", "百分百",
        "的", "十四五", "行动", "e",    "^",  "\n",   "安徽", "一",     "2023.6.14"}) {
    excluded.push_back(piece);
  }
  // and of dates, deadlines and durations
  const std::vector<std::string> dates = {
      "1",    "2",          "0",      "3",    "9",    "5",         "2024",     "二〇二四", "12",
      "十二", "十",         "二",     "一",   "三",   "年",        "月",       "月",       "日",
      "号",   "份",         "底",     "末",   "前",   "至",        "-",        "—",        " ",
      "今",   "去",         "半",     "天",   "起",   "上旬",      "下半年",   "季度",     "第",
      "个",   "周",         "小时",   "内",   "以上", "多",        "余",       "连续",     "超过",
      "来",   "，",         "的",     "截至", "到",   "2024年",    "5月",      "12月",     "3日",
      "30日", "二〇二四年", "十一月", "上旬", "下旬", "2023.6.14", "2023-06-", "底前",     "年底",
      "小时", "一季度",     "两年"};
  uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>(state >> 33);
  };
  int compared = 0;
  int matched = 0;  // texts where the oracle matched: the comparison is not all "nothing"
  // The metric rules, and the exclusions as rules of their own.
  std::vector<MetricRule> rules;
  for (const MetricRule& r : testing::builtin_rules().metric_rules) {
    if (r.tokens && r.has_oracle) rules.push_back(r);
  }
  for (const PatternRule& p : testing::builtin_rules().exclusions) {
    if (!p.tokens || !p.has_oracle) continue;
    MetricRule& r = rules.emplace_back();
    r.id = p.id;
    r.tokens = p.tokens;
    r.regex = p.regex;
    for (const std::string& e : p.examples) r.examples.push_back({e, {}, 0});
  }
  for (const MetricRule& r : rules) {
    const std::string id = r.id;
    const bool exclusion = r.kind == MetricKind::kNumber && r.file.empty();
    CAPTURE(id);
    const int matched_before = matched;
    // The rule's own examples, each changed at one to three places by a piece of the
    // alphabets, meet its boundaries more often than random text does.
    std::vector<std::string> seeds;
    for (const auto& e : r.examples) seeds.push_back(e.text);
    for (const auto& c : r.counter_examples) seeds.push_back(c);
    auto mutated = [&] {
      std::u32string t = core::to_u32(seeds[next() % seeds.size()]);
      for (size_t edits = 1 + next() % 3; edits > 0; --edits) {
        const std::vector<std::string>& pieces =
            next() % 2 == 0 ? (exclusion ? excluded : alphabet) : dates;
        const std::u32string piece = core::to_u32(pieces[next() % pieces.size()]);
        const size_t at = t.empty() ? 0 : next() % t.size();
        switch (next() % 3) {
          case 0:
            t.insert(at, piece);
            break;
          case 1:
            if (!t.empty()) t.erase(at, 1);
            break;
          default:
            t.replace(at, t.empty() ? 0 : 1, piece);
            break;
        }
      }
      std::string out;
      for (const char32_t c : t) core::append_utf8(&out, c);
      return out;
    };
    for (int n = 0; n < test::rounds(6000); ++n) {
      const std::vector<std::string>& chars =
          n % 2 == 0 ? (exclusion ? excluded : alphabet) : dates;
      std::string text;
      if (n % 3 == 2) {
        text = mutated();
      } else {
        const size_t len = 1 + next() % (n % 2 == 0 ? 20 : 12);
        for (size_t k = 0; k < len; ++k) text += chars[next() % chars.size()];
      }
      const auto got = by_tokens(r, text);
      const auto want = by_oracle(r, text);
      ++compared;
      matched += want.empty() ? 0 : 1;
      if (got == want) continue;
      std::string g;
      std::string w;
      for (const auto& s : got) g += "[" + s + "] ";
      for (const auto& s : want) w += "[" + s + "] ";
      CAPTURE(text);
      CAPTURE(g);
      CAPTURE(w);
      FAIL_CHECK("the token rule and its oracle_pattern read the text differently");
      break;
    }
    // each rule meets texts it reads, so the comparison is not all "nothing"
    // (a quarter of the rounds under the sanitizers: date_range_month_parts meets 11 there)
    CHECK(matched - matched_before >= (test::kRoundsDivisor == 1 ? 50 : 10));
  }
  MESSAGE(compared << " texts compared, " << matched << " with a match");
}

}  // namespace
}  // namespace jianbao::metrics

namespace jianbao::metrics {
namespace {

// The syntax the date and duration rules need (alternatives of sequences, bounded runs,
// lookarounds of a group), each item against the regex it stands for, on random texts of
// dates' characters.
TEST_CASE("token rules: alternatives, runs and lookarounds read random text as a regex does") {
  const std::string month = "(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])";
  const std::string day =
      "(?:3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|"
      "[一二三四五六七八九])";
  const std::string sep = "(?:至|到|——|—|–|--|-|～|~|－)";
  struct Pair {
    const char* name;
    std::string tokens;
    std::string regex;
  };
  const Pair pairs[] = {
      {"bounded run", "value=digit{2,4} 年", "(?<value>[0-9]{2,4})年"},
      {"run without upper bound", "value=( digit{1,} ( . digit{1,} )? ) 天",
       "(?<value>[0-9]+(?:\\.[0-9]+)?)天"},
      {"optional run", "value=cn_year_digit{2,4}? 月",
       "(?<value>[〇零一二三四五六七八九]{2,4})?月"},
      {"month and day classes", "m=months SP 月 SP d=days SP 日|号",
       "(?<m>" + month + ") *月 *(?<d>" + day + ") *[日号]"},
      {"alternatives with a lookbehind group",
       "( y=digit{2,4} SP 年 SP | yrel=今|去 SP 年 SP | ?<!( no_year_char SP{0,1} ) ) m=months "
       "SP 月",
       "(?:(?<y>[0-9]{2,4}) *年 *|(?<yrel>今|去) *年 *|(?<![0-9年\\-—–~] ?))(?<m>" + month +
           ") *月"},
      {"alternatives captured", "y=( digit{2,4} | cn_year_digit{2,4} ) 年 ( m=months 月 )?",
       "(?<y>[0-9]{2,4}|[〇零一二三四五六七八九]{2,4})年(?:(?<m>" + month + ")月)?"},
      {"optional alternatives", "( 今 | 去 年 )? m=months 月", "(?:今|去年)?(?<m>" + month + ")月"},
      {"lookahead of a sequence",
       "m=months SP 月 份? ?!( SP ( days SP 日|号 | 底 | 末 | range_sep ) )",
       "(?<m>" + month + ") *月份?(?! *(?:" + day + " *[日号]|底|末|" + sep + "))"},
      {"positive lookahead", "?=( digit | 半 ) value=digit{1,3}? 半? unit=年|天",
       "(?=[0-9半])(?<value>[0-9]{1,3})?半?(?<unit>年|天)"},
      {"lookbehind of a word", "value=digit{1,3} unit=年|天|月 half2=( ?<=年|天 半 )?",
       "(?<value>[0-9]{1,3})(?<unit>年|天|月)(?<half2>(?<=[年天])半)?"},
      {"negative lookbehind of a word", "?<!十|前 value=digit{1,3} 天",
       "(?<![十前])(?<value>[0-9]{1,3})天"},
      {"lookbehind of alternatives", "?<=( 至 | 年 SP{0,1} ) value=digit{1,2} 月",
       "(?<=(?:至|年 ?))(?<value>[0-9]{1,2})月"},
      // once read, an atomic group gives nothing back: 12年 alone matches nothing
      {"atomic group", "value=(> digit{1,3} 年? ) 年|月", "(?<value>(?>[0-9]{1,3}年?))[年月]"},
      {"optional atomic group", "value=(> digit{1,2} 月? )? 月 日",
       "(?<value>(?>[0-9]{1,2}月?))?月日"},
  };
  const std::vector<std::string> alphabet = {
      "1",  "2",  "0",  "3",  "9",  "5",  "1",    "2",        "十", "二",   "一",  "三", "〇", "年",
      "月", "月", "日", "号", "份", "底", "末",   "至",       "-",  "—",    " ",   " ",  "今", "去",
      "半", "天", "前", "起", ".",  "的", "2024", "二〇二四", "12", "十二", "5月", "3日"};
  uint64_t state = 777;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>(state >> 33);
  };
  for (const Pair& p : pairs) {
    const std::string name = p.name;
    CAPTURE(name);
    auto seq = compile_token_sequence(p.tokens, classes());
    if (!seq.ok()) MESSAGE(seq.status().message());
    REQUIRE(seq.ok());
    auto regex = core::Regex::compile(p.regex);
    REQUIRE(regex.ok());
    MetricRule rule;
    rule.tokens = std::make_shared<const TokenSequence>(seq.value());
    rule.regex = regex.value();
    int matched = 0;
    for (int n = 0; n < test::rounds(10000); ++n) {
      std::string text;
      const size_t len = 1 + next() % 10;
      for (size_t k = 0; k < len; ++k) text += alphabet[next() % alphabet.size()];
      const auto got = by_tokens(rule, text);
      const auto want = by_oracle(rule, text);
      matched += want.empty() ? 0 : 1;
      if (got == want) continue;
      std::string g;
      std::string w;
      for (const auto& s : got) g += "[" + s + "] ";
      for (const auto& s : want) w += "[" + s + "] ";
      CAPTURE(text);
      CAPTURE(g);
      CAPTURE(w);
      FAIL_CHECK("the token sequence and its regex read the text differently");
      break;
    }
    MESSAGE(name << ": " << matched << " of " << test::rounds(10000) << " texts with a match");
    CHECK(matched > 50 / test::kRoundsDivisor);
  }
}

TEST_CASE("token rules: the compiler refuses bad alternatives, runs and lookarounds") {
  const Refusal rows[] = {
      {.tokens = "NUM | 元", .why = "'|' outside a group"},
      {.tokens = "NUM ?<=( SP 元 )", .why = "bounded length"},
      {.tokens = "NUM ?=( value=NUM )", .why = "takes no text to capture"},
      {.tokens = "NUM ?!( NUM )", .why = "NUM inside a lookaround"},
      {.tokens = "NUM ?!( 元 )?", .why = "cannot be optional"},
      {.tokens = "NUM count_unit{1,2}", .why = "single characters"},
      {.tokens = "NUM digit{3,1}", .why = "0 <= min <= max"},
      {.tokens = "NUM digit{x}", .why = "NAME{min,max}"},
      {.tokens = "NUM {no_such_sequence}", .why = "unknown sequence"},
      {.tokens = "?!digit", .why = "match empty text"},
  };
  check_refused(rows);
}

}  // namespace
}  // namespace jianbao::metrics
