// parse_number and format_number, with the numeral table the rules ship
// (rules/common/numerals.yaml).
#include "core/numeral.h"

#include <doctest/doctest.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "jianbao/ruleset.h"
#include "ruleset/rule_set.h"

namespace jianbao::core {
namespace {

const NumeralTable& table() {
  static const std::shared_ptr<const RuleSet> rules = [] {
    auto r = load_rules({});
    REQUIRE(r.ok());
    return r.value();
  }();
  return rules->numerals;
}

// Values agree to 12 significant digits (fractions like 1/3 are inexact in binary).
bool same(std::optional<double> got, std::optional<double> want) {
  if (!got || !want) return got.has_value() == want.has_value();
  return std::fabs(*got - *want) <= 1e-12 * std::max(1.0, std::fabs(*want));
}

struct Row {
  const char* name;
  const char* in;
  std::optional<double> want;
};

void check_rows(const Row* begin, const Row* end) {
  for (const Row* r = begin; r != end; ++r) {
    CAPTURE(r->name);
    CAPTURE(r->in);
    const auto got = parse_number(r->in, table());
    CAPTURE(got.value_or(NAN));
    CHECK(same(got, r->want));
  }
}

TEST_CASE("numeral: Arabic numbers") {
  const Row rows[] = {
      {.name = "integer", .in = "2024", .want = 2024},
      {.name = "zero", .in = "0", .want = 0},
      {.name = "decimal", .in = "12.5", .want = 12.5},
      {.name = "thousands", .in = "1,050,000,000", .want = 1050000000},
      {.name = "thousands and decimals", .in = "10,000.233", .want = 10000.233},
      {.name = "leading point", .in = ".5", .want = 0.5},
      {.name = "negative", .in = "-10000", .want = -10000},
      {.name = "negative leading point", .in = "-.5", .want = -0.5},
      {.name = "full-width digits", .in = "２０２４", .want = 2024},
      {.name = "full-width point and comma", .in = "４，５６５．５", .want = 4565.5},
      {.name = "full-width minus", .in = "－１２２", .want = -122},
      {.name = "exponent", .in = "2e5", .want = 200000},
      {.name = "exponent with sign", .in = "12.32e+14", .want = 1.232e15},
      {.name = "negative exponent", .in = "-12e-1", .want = -1.2},
      {.name = "power", .in = "2^5", .want = 32},
      {.name = "negative power", .in = "2^-1", .want = 0.5},
      {.name = "power signs multiply", .in = "-1.1^--23", .want = -std::pow(1.1, 23)},
      {.name = "thousands written k", .in = "40k", .want = 40000},
      {.name = "millions written M, spaced", .in = "-2.5 M", .want = -2500000},
      {.name = "single digits spaced read positionally", .in = "7 2", .want = 72},
  };
  check_rows(std::begin(rows), std::end(rows));
}

TEST_CASE("numeral: Chinese numerals") {
  const Row rows[] = {
      {.name = "digit", .in = "二", .want = 2},
      {.name = "zero", .in = "零", .want = 0},
      {.name = "ten alone", .in = "十", .want = 10},
      {.name = "teens", .in = "十五", .want = 15},
      {.name = "tens", .in = "四十", .want = 40},
      {.name = "units in order", .in = "一百五十二", .want = 152},
      {.name = "two as liang", .in = "两千四百五十", .want = 2450},
      {.name = "zero marks a gap", .in = "一千零三", .want = 1003},
      {.name = "gap before ten", .in = "一万零十二", .want = 10012},
      {.name = "gap before a large unit", .in = "五亿零六", .want = 500000006},
      {.name = "wan", .in = "四十五万", .want = 450000},
      {.name = "yi and wan", .in = "四亿五千六百四十二万零一十五", .want = 456420015},
      {.name = "zhao", .in = "五兆六十二亿四万五千二", .want = 5006200045200},
      {.name = "larger unit scales all before it", .in = "一万五千亿", .want = 1.5e12},
      {.name = "wan wan is yi", .in = "四万万", .want = 4e8},
      {.name = "wan yi", .in = "二十一万亿", .want = 2.1e13},
      {.name = "abbreviated 一千三", .in = "一千三", .want = 1300},
      {.name = "abbreviated 九万四", .in = "九万四", .want = 94000},
      {.name = "abbreviated 四百五", .in = "四百五", .want = 450},
      {.name = "abbreviated after a bare unit", .in = "百三", .want = 130},
      {.name = "no abbreviation after a gap", .in = "一千零六", .want = 1006},
      {.name = "no abbreviation after ten", .in = "九十二", .want = 92},
      {.name = "positional 二〇二四", .in = "二〇二四", .want = 2024},
      {.name = "positional with 零", .in = "二零二四", .want = 2024},
      {.name = "financial", .in = "壹贰叁", .want = 123},
      {.name = "financial units", .in = "肆佰陸拾", .want = 460},
      {.name = "financial and plain mixed", .in = "十万柒仟捌佰伍拾肆", .want = 107854},
      {.name = "traditional 萬 億", .in = "四十五億四千零四萬", .want = 4540040000},
      {.name = "negative", .in = "负三十二", .want = -32},
      {.name = "traditional negative", .in = "負四十五億零四百零四萬", .want = -4504040000},
      {.name = "spaces between characters", .in = "三千 八百 九十六 万", .want = 38960000},
      {.name = "approximate 余 before a unit", .in = "十 余 万", .want = 100000},
      {.name = "approximate 几", .in = "一百零几万", .want = 1000000},
      {.name = "half before a unit", .in = "半百", .want = 50},
      {.name = "a dozen", .in = "五十打", .want = 600},
  };
  check_rows(std::begin(rows), std::end(rows));
}

TEST_CASE("numeral: decimals, mixes and fractions") {
  const Row rows[] = {
      {.name = "Chinese decimal", .in = "十五点七", .want = 15.7},
      {.name = "zero point five", .in = "零点五", .want = 0.5},
      {.name = "decimal zeros", .in = "四百亿点零五零", .want = 40000000000.05},
      {.name = "decimal then unit", .in = "一点五万", .want = 15000},
      {.name = "abbreviation before the point", .in = "两千三点一", .want = 2300.1},
      {.name = "spaced decimal", .in = "四百 点 五", .want = 400.5},
      {.name = "Arabic and wan", .in = "1.5万", .want = 15000},
      {.name = "Arabic and units", .in = "5万4千6百", .want = 54600},
      {.name = "Arabic after wan", .in = "3万4000", .want = 34000},
      {.name = "Arabic with a gap", .in = "1千零20", .want = 1020},
      {.name = "thousands separator and yi", .in = "1,100.9亿", .want = 110090000000},
      {.name = "wan yi after a decimal", .in = "4.78万亿", .want = 4.78e12},
      {.name = "wan wan after Arabic", .in = "10万万", .want = 1e9},
      {.name = "third", .in = "三分之一", .want = 1.0 / 3},
      {.name = "percent as a fraction", .in = "一百分之五十五点五七九", .want = 0.55579},
      {.name = "abbreviated denominator", .in = "四千二分之三", .want = 3.0 / 4200},
      {.name = "spaced fraction", .in = "二分 之一", .want = 0.5},
      {.name = "whole and fraction", .in = "三百五又三分之一", .want = 350 + 1.0 / 3},
      {.name = "whole and fraction, large",
       .in = "一百万又五十万分之二十五",
       .want = 1000000.00005},
      {.name = "negative mixed number", .in = "负一又二分之一", .want = -1.5},
      {.name = "two negatives", .in = "负3分之负一百五十七", .want = 157.0 / 3},
      {.name = "Arabic denominator", .in = "１６分之2225", .want = 139.0625},
      {.name = "slash", .in = "３／５", .want = 0.6},
      {.name = "negative slash", .in = "-3/2", .want = -1.5},
      {.name = "mixed slash", .in = "1 4/3", .want = 1 + 4.0 / 3},
      {.name = "tenths 成", .in = "三成", .want = 30},
      {.name = "tenths with a decimal", .in = "六 点 五 成", .want = 65},
      {.name = "tenths and a digit", .in = "七成六", .want = 76},
      {.name = "tenths and a half", .in = "三成半", .want = 35},
      {.name = "half a tenth", .in = "半成", .want = 5},
      {.name = "discount 折", .in = "三点一折", .want = 31},
  };
  check_rows(std::begin(rows), std::end(rows));
}

TEST_CASE("numeral: malformed input is no number") {
  const Row rows[] = {
      {.name = "empty", .in = "", .want = std::nullopt},
      {.name = "spaces", .in = "  ", .want = std::nullopt},
      {.name = "word", .in = "通报", .want = std::nullopt},
      {.name = "trailing word", .in = "三个", .want = std::nullopt},
      {.name = "sign alone", .in = "负", .want = std::nullopt},
      {.name = "point alone", .in = "点", .want = std::nullopt},
      {.name = "point without decimals", .in = "十五点", .want = std::nullopt},
      {.name = "a range, not 230", .in = "二三十", .want = std::nullopt},
      {.name = "units out of order", .in = "五十千", .want = std::nullopt},
      {.name = "unit repeated", .in = "五百三百", .want = std::nullopt},
      {.name = "digit after an abbreviation", .in = "三百五三", .want = std::nullopt},
      {.name = "two Arabic numbers", .in = "12 34", .want = std::nullopt},
      {.name = "lone comma", .in = ",", .want = std::nullopt},
      {.name = "denominator zero", .in = "零分之一", .want = std::nullopt},
      {.name = "fraction without numerator", .in = "二分之", .want = std::nullopt},
      {.name = "slash without denominator", .in = "3/", .want = std::nullopt},
      {.name = "fraction and slash", .in = "二分之1/2", .want = std::nullopt},
      {.name = "power without exponent", .in = "2^", .want = std::nullopt},
      {.name = "nothing after a half", .in = "三成半五", .want = std::nullopt},
  };
  check_rows(std::begin(rows), std::end(rows));
}

TEST_CASE("numeral: format_number") {
  struct FormatRow {
    double in;
    const char* want;
  };
  const FormatRow rows[] = {
      {.in = 0, .want = "0"},
      {.in = 2.4, .want = "2.4"},
      {.in = 320000000, .want = "320000000"},
      {.in = -32, .want = "-32"},
      {.in = 4.78 * 1e4 * 1e8, .want = "4780000000000"},
      {.in = 3.0 / 4200, .want = "0.000714285714285714"},
      {.in = 350 + 1.0 / 3, .want = "350.333333333333"},
      {.in = 7e-8, .want = "0.00000007"},
      {.in = 4569831148725382, .want = "4569831148725382"},
  };
  for (const FormatRow& r : rows) {
    CAPTURE(r.in);
    CHECK(format_number(r.in) == r.want);
  }
}

TEST_CASE("numeral: parse_ascii_digits gives parse_number's value, and nothing for other text") {
  // Every text of up to four digits, leading zeros included, and a few longer ones.
  std::vector<std::string> texts;
  for (int len = 1; len <= 4; ++len) {
    int count = 1;
    for (int k = 0; k < len; ++k) count *= 10;
    for (int v = 0; v < count; ++v) {
      std::string t = std::to_string(v);
      texts.push_back(std::string(static_cast<size_t>(len) - t.size(), '0') + t);
    }
  }
  for (const char* t : {"20240101", "000000000000001", "999999999999999", "123456789012345"}) {
    texts.emplace_back(t);
  }
  for (const std::string& t : texts) {
    CAPTURE(t);
    const auto fast = parse_ascii_digits(t);
    REQUIRE(fast.has_value());
    CHECK(fast == parse_number(t, table()));
  }
  for (const char* t :
       {"", "1.5", "1,000", "-3", "3 4", "１２", "三", "2e5", "1234567890123456", "12a"}) {
    CAPTURE(t);
    CHECK_FALSE(parse_ascii_digits(t).has_value());
  }
}

}  // namespace
}  // namespace jianbao::core
