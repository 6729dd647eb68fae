// Values of written numbers: Arabic (decimals, thousands separators, exponents 2e5 and 2^5),
// Chinese numerals (positional 二〇二四, unit-based 三千五百, abbreviated 一千三 = 1300,
// financial 壹贰叁), mixes (1.5万, 5万4千6百), fractions (三分之一, 3/5) and mixed numbers
// (三又三分之一, 1 4/3). The characters come from rules/common/numerals.yaml; this file holds
// only the arithmetic.
//
//   NumeralTable t = ...;                // loaded with the rules
//   parse_number("九万四", t)  -> 94000
//   parse_number("一千万", t)  -> 10000000
//   parse_number("三二", t)    -> 32 (digits without units read positionally)
//   parse_number("二三十", t)  -> nullopt (a range, "twenty or thirty", is not one number)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace jianbao::core {

struct NumeralTable {
  std::unordered_map<char32_t, int> digits;  // 一 -> 1, 〇 -> 0
  // 十 -> 10 .. 千 -> 1000. A unit below one is a share of the unit beside it: with 半 -> 0.5,
  // 半百 = 50 and 三成半 = 3.5 成.
  std::unordered_map<char32_t, double> small_units;
  // 万 -> 1e4, 亿 -> 1e8: each multiplies the group written before it. Also any unit that
  // scales the number before it the same way (a dozen, a thousand written k).
  std::unordered_map<char32_t, double> large_units;
  std::u32string decimal_points;  // 点
  std::u32string negative_signs;  // 负 (the ASCII '-' is always one)
  std::u32string zero_fillers;    // 零: "一千零三" marks a gap, not a digit
  std::string fraction_marker;    // 分之 ("三分之一": denominator first)
  // Characters that may stand inside a number and carry no value (the thousands comma, the 余 of
  // 十余万). Any of them but the comma may also join a whole number to a fraction (三又三分之一).
  std::u32string separators;
};

// The value of `text` as a whole, or nullopt when it is not one well-formed number. Spaces are
// ignored except between two Arabic digits, where they separate a whole number from a fraction
// ("1 4/3") or single digits read positionally ("7 2" = 72). The ASCII '/' always writes a
// fraction (numerator first), 'e'/'E' and '^' an exponent after Arabic digits.
std::optional<double> parse_number(std::string_view text, const NumeralTable& table);

// parse_number's value for a text of 1 to 15 ASCII digits ("2024", "05"), read without the
// general tokenizer: most figures' groups are such. nullopt for any other text: ask parse_number.
std::optional<double> parse_ascii_digits(std::string_view text);

// Formats a value the way records show it: integers without a decimal point, others in fixed
// notation rounded to 15 significant digits, without trailing zeros ("2.4", "320000000",
// "0.000714285714285714").
std::string format_number(double v);

}  // namespace jianbao::core
