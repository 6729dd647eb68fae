// The figure item NUMX of the token rules (metrics/token_rule.h): a number as running text
// writes it, read exactly as the regex rules' atomic group (?>{num_sign}?{num_cn}{num_kilo}?)
// of rules/common/fragments.yaml reads it. Chinese digits and units in order (三千五百),
// Arabic digits among them (5万4千6百), 零 gaps, 半 before 百 and 千 (半百), 余 多 几 before a
// large unit (十余万), decimals (四百点五), spaces between the characters (三千 八百), and the
// lookarounds of num_arabic (each part of 2222.2222.2222 alone).
//
// The reader is a recursive descent over that grammar with continuations: every item tries its
// alternatives and repetitions in the order ICU's backtracking does, and hands each of its ends
// to the rest of the group, so its first complete reading is the atomic group's. An atomic group
// has one reading, hence one end per position.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace jianbao::metrics {

// The characters of a NUMX figure (rules/common/tokens.yaml, `figure`), each set the character
// class of its place in the num_* fragments.
struct FigureChars {
  std::u32string arabic;       // [0-9]
  std::u32string group_marks;  // , of 1,050,000
  std::u32string points;       // . of 2.5 and .5
  std::u32string digits;       // {num_digit}
  std::u32string decimals;     // {num_decimal}: the digits after 点 (not 两)
  std::u32string zeros;        // 零 marking a gap: 一千零五
  std::u32string tens;         // 十
  std::u32string hundreds;     // 百
  std::u32string thousands;    // 千
  std::u32string large;        // 万 亿 兆
  std::u32string approx;       // 余 多 几 before a large unit
  std::u32string halves;       // 半 before 百 or 千
  std::u32string cn_points;    // 点
  std::u32string negative;     // 负 (spaces may follow)
  std::u32string minus;        // - (only after no dash, digit or letter)
  std::u32string kilo;         // k K M after an Arabic figure (40k)
  std::u32string letters;      // what may not follow kilo, nor stand before minus
};

// What a NUMX item reads around the figure, inside its atomic group (token_rule.h: NUMX+sign...).
struct FigureForm {
  bool sign = false;      // {num_sign}? before it
  bool kilo = false;      // {num_kilo}? after it
  std::u32string suffix;  // (?: *suffix)? after it (五十打), "" for none
  // (?:(?<!{num_digit})|(?! *{num_digit})) after the group: a figure ending in a digit is not
  // followed by another (二三十 is a range, not 二)
  bool whole = false;
  // +arabic: {num_arabic} alone, no Chinese figure (2e5's 2)
  bool arabic = false;
  // +backtrack: no atomic group around the figure; every reading, in the order a regex that
  // backtracks into {num_cn} tries them (the fraction 6.14分之一 after "2023.": the first
  // reading is 6, the second 6.14)
  bool backtrack = false;
  bool operator==(const FigureForm&) const = default;
};

// The code points a figure can begin with (a sign included).
std::u32string figure_first_chars(const FigureChars& chars);

class FigureReader {
 public:
  FigureReader() = default;
  explicit FigureReader(const FigureChars& chars);

  // The end of the figure of `form` that begins at `pos` of cps[0, size), or -1 when none does.
  int read(const char32_t* cps, int size, int pos, const FigureForm& form) const;
  // For form.backtrack: the ends of every reading, in the order a regex tries them, each once
  // (appended to *ends). At most kMaxReadings readings are looked at (a bound on the work that
  // ICU's time limit set for the regex).
  void read_all(const char32_t* cps, int size, int pos, const FigureForm& form,
                std::vector<int>* ends) const;
  static constexpr int kMaxReadings = 4096;

  enum : uint32_t {
    kArabic = 1U << 0,
    kGroupMark = 1U << 1,
    kPoint = 1U << 2,
    kDigit = 1U << 3,
    kDecimal = 1U << 4,
    kZero = 1U << 5,
    kTen = 1U << 6,
    kHundred = 1U << 7,
    kThousand = 1U << 8,
    kLarge = 1U << 9,
    kApprox = 1U << 10,
    kHalf = 1U << 11,
    kCnPoint = 1U << 12,
    kNegative = 1U << 13,
    kMinus = 1U << 14,
    kKilo = 1U << 15,
    kLetter = 1U << 16,
  };
  uint32_t classes_of(char32_t c) const { return c < kTable && !table_.empty() ? table_[c] : 0; }

 private:
  static constexpr char32_t kTable = 0x10000;
  std::vector<uint32_t> table_;  // per code point below kTable: its k* bits
};

}  // namespace jianbao::metrics
