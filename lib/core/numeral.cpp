#include "core/numeral.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/utf8.h"

namespace jianbao::core {
namespace {

// One lexical piece of a number.
struct Token {
  enum class Type { kArabic, kDigit, kSmallUnit, kLargeUnit, kPoint, kZero } type;
  double value = 0;
  int digits = 0;  // kArabic: number of integer digits, to read "2024" positionally
};

bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Splits `text` into tokens; false when a character is not part of a number.
bool tokenize(std::string_view text, const NumeralTable& t, std::vector<Token>* out, bool* neg) {
  size_t pos = 0;
  bool first = true;
  while (pos < text.size()) {
    const size_t at = pos;
    const char32_t c = normalize_width(next_code_point(text, &pos));
    if (first && (t.negative_signs.find(c) != std::u32string::npos || c == '-')) {
      *neg = true;
      first = false;
      continue;
    }
    first = false;
    if (c == ' ' || t.separators.find(c) != std::u32string::npos) continue;
    if (is_ascii_digit(c) || (c == '.' && !out->empty() && out->back().type == Token::Type::kArabic)) {
      // Arabic run: digits, one decimal point, thousands commas between digit groups.
      std::string digits;
      size_t p = at;
      int int_digits = 0;
      bool seen_point = false;
      while (p < text.size()) {
        size_t q = p;
        const char32_t d = normalize_width(next_code_point(text, &q));
        if (is_ascii_digit(d)) {
          digits.push_back(static_cast<char>(d));
          if (!seen_point) ++int_digits;
        } else if (d == '.' && !seen_point && q < text.size()) {
          seen_point = true;
          digits.push_back('.');
        } else if (d == ',') {
          // a separator only between digits
        } else {
          break;
        }
        p = q;
      }
      if (digits.empty() || digits == ".") return false;
      out->push_back({Token::Type::kArabic, std::strtod(digits.c_str(), nullptr), int_digits});
      pos = p;
      continue;
    }
    if (auto it = t.digits.find(c); it != t.digits.end()) {
      const bool filler = t.zero_fillers.find(c) != std::u32string::npos;
      out->push_back({filler ? Token::Type::kZero : Token::Type::kDigit,
                      static_cast<double>(it->second), 1});
      continue;
    }
    if (auto it = t.small_units.find(c); it != t.small_units.end()) {
      out->push_back({Token::Type::kSmallUnit, it->second, 0});
      continue;
    }
    if (auto it = t.large_units.find(c); it != t.large_units.end()) {
      out->push_back({Token::Type::kLargeUnit, it->second, 0});
      continue;
    }
    if (t.decimal_points.find(c) != std::u32string::npos) {
      out->push_back({Token::Type::kPoint, 0, 0});
      continue;
    }
    return false;
  }
  return !out->empty();
}

std::optional<double> evaluate(const std::vector<Token>& tokens) {
  double total = 0;        // finished large-unit groups
  double section = 0;      // the group below the current large unit
  double pending = -1;     // a number not yet multiplied by a unit
  double last_unit = 0;    // the unit just applied, for abbreviations (一千三)
  double max_large = 0;    // the largest large unit applied so far
  bool gap = false;        // a 零 since the last unit
  bool any = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& tok = tokens[i];
    switch (tok.type) {
      case Token::Type::kZero:
        // 〇 in 二〇二四 is a positional digit; 零 in 一千零三 marks a gap.
        if (pending >= 0 && last_unit == 0) {
          pending = pending * 10;
        } else {
          gap = true;
        }
        any = true;
        break;
      case Token::Type::kDigit:
        pending = (pending >= 0 && last_unit == 0 && !gap) ? pending * 10 + tok.value : tok.value;
        any = true;
        break;
      case Token::Type::kArabic:
        if (pending >= 0) return std::nullopt;
        pending = tok.value;
        any = true;
        break;
      case Token::Type::kSmallUnit:
        if (pending < 0) {
          if (section != 0 && last_unit != 0 && last_unit < tok.value) return std::nullopt;
          pending = 1;  // 十五: the leading one is implied
        }
        section += pending * tok.value;
        pending = -1;
        last_unit = tok.value;
        gap = false;
        any = true;
        break;
      case Token::Type::kLargeUnit: {
        if (pending >= 0) section += pending;
        if (section == 0 && total == 0) section = 1;
        // 一亿三千万: a smaller large unit adds to the total; a larger one scales all before it.
        if (tok.value > max_large) {
          total = (total + section) * tok.value;
        } else {
          total += section * tok.value;
        }
        max_large = std::max(max_large, tok.value);
        section = 0;
        pending = -1;
        last_unit = tok.value;
        gap = false;
        any = true;
        break;
      }
      case Token::Type::kPoint: {
        double base = total + section + (pending >= 0 ? pending : 0);
        double scale = 0.1;
        size_t j = i + 1;
        bool fraction_digits = false;
        for (; j < tokens.size(); ++j) {
          const Token& f = tokens[j];
          if (f.type == Token::Type::kDigit || f.type == Token::Type::kZero) {
            base += f.value * scale;
            scale /= 10;
            fraction_digits = true;
          } else if (f.type == Token::Type::kArabic) {
            // 2点5: digits after the point are decimals
            const double digits = f.digits;
            base += f.value / std::pow(10.0, digits);
            scale /= std::pow(10.0, digits);
            fraction_digits = true;
          } else {
            break;
          }
        }
        if (!fraction_digits) return std::nullopt;
        // A large unit may follow the decimals: 一点五万.
        if (j < tokens.size() && tokens[j].type == Token::Type::kLargeUnit && j + 1 == tokens.size()) {
          return base * tokens[j].value;
        }
        if (j != tokens.size()) return std::nullopt;
        return base;
      }
    }
  }
  if (!any) return std::nullopt;
  if (pending >= 0) {
    // 一千三 = 1300, 九万四 = 94000: a lone digit right after a unit scales to the next unit down.
    const bool abbreviated = last_unit >= 100 && !gap && pending < 10 && pending >= 1 &&
                             tokens.back().type == Token::Type::kDigit &&
                             tokens.size() >= 2 &&
                             (tokens[tokens.size() - 2].type == Token::Type::kSmallUnit ||
                              tokens[tokens.size() - 2].type == Token::Type::kLargeUnit);
    section += abbreviated ? pending * last_unit / 10 : pending;
  }
  return total + section;
}

}  // namespace

std::optional<double> parse_number(std::string_view text, const NumeralTable& table) {
  if (!table.fraction_marker.empty()) {
    const size_t f = text.find(table.fraction_marker);
    if (f != std::string_view::npos) {
      const auto den = parse_number(text.substr(0, f), table);
      const auto num = parse_number(text.substr(f + table.fraction_marker.size()), table);
      if (!den || !num || *den == 0) return std::nullopt;
      return *num / *den;
    }
  }
  std::vector<Token> tokens;
  bool negative = false;
  if (!tokenize(text, table, &tokens, &negative)) return std::nullopt;
  auto v = evaluate(tokens);
  if (v && negative) *v = -*v;
  return v;
}

std::string format_number(double v) {
  if (std::isfinite(v) && std::fabs(v) < 1e15 && v == std::floor(v)) {
    return fmt::format("{}", static_cast<long long>(v));
  }
  std::string s = fmt::format("{:.10f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace jianbao::core
