// Values of written numbers: Arabic (with decimals and thousands separators), Chinese numerals
// (positional 二〇二四, unit-based 三千五百, abbreviated 一千三 = 1300, financial 壹贰叁),
// fractions (三分之一) and mixes (1.5万, 5万4千6百). The characters come from
// rules/common/numerals.yaml; this file holds only the arithmetic.
//
//   NumeralTable t = ...;                // loaded with the rules
//   parse_number("九万四", t)  -> 94000
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace jianbao::core {

struct NumeralTable {
  std::unordered_map<char32_t, int> digits;           // 一 -> 1, 〇 -> 0
  std::unordered_map<char32_t, double> small_units;   // 十 -> 10 .. 千 -> 1000
  std::unordered_map<char32_t, double> large_units;   // 万 -> 1e4, 亿 -> 1e8
  std::u32string decimal_points;                      // 点
  std::u32string negative_signs;                      // 负
  std::u32string zero_fillers;                        // 零: "一千零三" marks a gap, not a digit
  std::string fraction_marker;                        // 分之 ("三分之一": denominator first)
  std::u32string separators;                          // characters ignored inside a number
};

// The value of `text`, or nullopt when it is not a number as a whole.
std::optional<double> parse_number(std::string_view text, const NumeralTable& table);

// Formats a value the way records show it: integers without a decimal point, others with up to
// 10 significant decimals and no trailing zeros ("2.4", "320000000").
std::string format_number(double v);

}  // namespace jianbao::core
