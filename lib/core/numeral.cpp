#include "core/numeral.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <vector>

#include "core/utf8.h"

namespace jianbao::core {
namespace {

constexpr double kBase = 10;
// A lone digit after a unit at least this large abbreviates the next unit down: 一千三 = 1300,
// 九万四 = 94000. After 十 it is a plain digit (十五 = 15).
constexpr double kMinAbbreviatedUnit = 100;
// Digits a double holds reliably; format_number rounds to them so 4.78万亿 prints as an integer.
constexpr int kSignificantDigits = 15;
constexpr int kMaxDecimals = 20;
constexpr double kMaxIntegerShown = 1e15;

bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool contains(const std::u32string& set, char32_t c) { return set.find(c) != std::u32string::npos; }

// The text as width-normalised code points without the spaces that carry no meaning: a space
// survives (as one ' ') only between two Arabic digits, as in "1 4/3".
std::u32string significant(std::string_view text) {
  std::u32string cps;
  size_t pos = 0;
  while (pos < text.size()) cps.push_back(normalize_width(next_code_point(text, &pos)));
  std::u32string out;
  size_t i = 0;
  while (i < cps.size()) {
    if (cps[i] != ' ' && cps[i] != '\t') {
      out.push_back(cps[i++]);
      continue;
    }
    while (i < cps.size() && (cps[i] == ' ' || cps[i] == '\t')) ++i;
    if (!out.empty() && is_ascii_digit(out.back()) && i < cps.size() && is_ascii_digit(cps[i])) {
      out.push_back(' ');
    }
  }
  return out;
}

// One lexical piece of a number.
struct Token {
  enum class Type { kArabic, kDigit, kZero, kSmallUnit, kLargeUnit, kPoint } type;
  double value = 0;
  int digits = 0;       // kArabic: digits before the decimal point, to read 2点5
  bool single = false;  // kArabic: one digit and nothing else
  bool spaced = false;  // kArabic: a space stood before it ("7 2")
};

// Reads the exponent of 2e5 or 2^5 at s[*p] into *v; false when one is started but malformed.
bool scan_exponent(const std::u32string& s, size_t* p, double* v) {
  if (*p >= s.size()) return true;
  const char32_t mark = s[*p];
  if (mark != 'e' && mark != 'E' && mark != '^') return true;
  size_t q = *p + 1;
  int minus = 0;
  // 2e-1 takes one sign; 1.1^--23 as many as are written, read as their product.
  while (q < s.size() && (s[q] == '+' || s[q] == '-') && (mark == '^' || q == *p + 1)) {
    if (s[q] == '-') ++minus;
    ++q;
  }
  const size_t digits_at = q;
  double e = 0;
  while (q < s.size() && is_ascii_digit(s[q])) e = e * kBase + static_cast<double>(s[q++] - '0');
  // "2e" or "2ex" is not an exponent (and not a number either); "2^" is malformed.
  if (q == digits_at) return mark != '^';
  if (minus % 2 == 1) e = -e;
  *v = mark == '^' ? std::pow(*v, e) : *v * std::pow(kBase, e);
  *p = q;
  return true;
}

// An Arabic number at s[*i]: digits with thousands commas and one decimal point, or a leading
// point (.5), then an optional exponent.
bool scan_arabic(const std::u32string& s, size_t* i, Token* tok) {
  std::string digits;
  int int_digits = 0;
  bool point = false;
  size_t p = *i;
  while (p < s.size()) {
    const char32_t c = s[p];
    const bool digit_next = p + 1 < s.size() && is_ascii_digit(s[p + 1]);
    if (is_ascii_digit(c)) {
      digits.push_back(static_cast<char>(c));
      if (!point) ++int_digits;
    } else if (c == ',' && !point && int_digits > 0 && digit_next) {
      // a thousands separator: only between digits
    } else if (c == '.' && !point && digit_next) {
      point = true;
      digits.push_back('.');
    } else {
      break;
    }
    ++p;
  }
  if (digits.empty() || digits == ".") return false;
  double v = std::strtod(digits.c_str(), nullptr);
  const size_t before_exponent = p;
  if (!scan_exponent(s, &p, &v)) return false;
  *tok = {Token::Type::kArabic, v, int_digits, digits.size() == 1 && p == before_exponent, false};
  *i = p;
  return true;
}

// Splits `s` into tokens; false when a character is not part of a number.
bool tokenize(const std::u32string& s, const NumeralTable& t, std::vector<Token>* out) {
  size_t i = 0;
  bool spaced = false;
  while (i < s.size()) {
    const char32_t c = s[i];
    if (c == ' ') {
      spaced = true;
      ++i;
      continue;
    }
    if (is_ascii_digit(c) || (c == '.' && i + 1 < s.size() && is_ascii_digit(s[i + 1]))) {
      Token tok{};
      if (!scan_arabic(s, &i, &tok)) return false;
      tok.spaced = spaced;
      out->push_back(tok);
      spaced = false;
      continue;
    }
    spaced = false;
    ++i;
    if (auto it = t.digits.find(c); it != t.digits.end()) {
      const bool filler = contains(t.zero_fillers, c);
      out->push_back(
          {filler ? Token::Type::kZero : Token::Type::kDigit, static_cast<double>(it->second)});
    } else if (auto su = t.small_units.find(c); su != t.small_units.end()) {
      out->push_back({Token::Type::kSmallUnit, su->second});
    } else if (auto lu = t.large_units.find(c); lu != t.large_units.end()) {
      out->push_back({Token::Type::kLargeUnit, lu->second});
    } else if (contains(t.decimal_points, c)) {
      out->push_back({Token::Type::kPoint});
    } else if (!contains(t.separators, c)) {
      return false;
    }
  }
  return !out->empty();
}

// Reads the tokens of one number left to right: 三千五百万 = (3 * 1000 + 5 * 100) * 10000.
class Reader {
 public:
  explicit Reader(const std::vector<Token>& tokens) : tokens_(tokens) {}

  std::optional<double> read() {
    for (size_t i = 0; i < tokens_.size(); ++i) {
      const Token& tok = tokens_[i];
      if (closed_) return std::nullopt;
      bool ok = false;
      switch (tok.type) {
        case Token::Type::kDigit:
          ok = digit(tok.value);
          break;
        case Token::Type::kZero:
          ok = zero();
          break;
        case Token::Type::kArabic:
          ok = arabic(tok);
          break;
        case Token::Type::kSmallUnit:
          ok = small_unit(tok.value);
          break;
        case Token::Type::kLargeUnit:
          ok = large_unit(tok.value);
          break;
        case Token::Type::kPoint:
          return decimals(i + 1);
      }
      if (!ok) return std::nullopt;
    }
    settle();
    return total_ + section_;
  }

 private:
  void set_pending(double v, int positional, bool single_arabic) {
    pending_ = v;
    positional_ = positional;
    single_arabic_ = single_arabic;
    // 一千三: a lone digit right after a unit may abbreviate; after 零 (一千零三) it may not.
    abbreviates_ = positional == 1 && after_unit_ && !gap_;
    after_unit_ = false;
    after_large_ = false;
  }

  void clear_pending() {
    pending_.reset();
    positional_ = 0;
    single_arabic_ = false;
    abbreviates_ = false;
  }

  bool digit(double v) {
    if (pending_) {
      // Digits without units read positionally (二〇二四), never after a unit or a gap.
      if (positional_ == 0 || last_unit_ != 0 || gap_) return false;
      pending_ = *pending_ * kBase + v;
      ++positional_;
      return true;
    }
    set_pending(v, 1, false);
    return true;
  }

  bool zero() {
    if (pending_) {
      // 二零二四: a zero inside a run of digits is a digit.
      if (positional_ == 0 || last_unit_ != 0 || gap_) return false;
      pending_ = *pending_ * kBase;
      ++positional_;
      return true;
    }
    gap_ = true;  // 一千零三: 零 marks a skipped place
    after_unit_ = false;
    after_large_ = false;
    return true;
  }

  bool arabic(const Token& tok) {
    if (pending_) {
      // "7 2": single digits set apart by spaces read positionally.
      if (!single_arabic_ || !tok.single || !tok.spaced || last_unit_ != 0) return false;
      pending_ = *pending_ * kBase + tok.value;
      return true;
    }
    set_pending(tok.value, 0, tok.single);  // Arabic digits never abbreviate: 1千5 is not 1500
    return true;
  }

  bool small_unit(double u) {
    if (u < 1) return share(u);
    if (positional_ > 1) return false;    // 二三十 is a range, not 230
    if (u >= small_floor_) return false;  // units fall within a group: not 五十千, 五百三百
    section_ += (pending_ ? *pending_ : 1) * u;  // 十五, 百三: a bare unit counts once
    clear_pending();
    small_floor_ = u;
    applied_unit(u);
    return true;
  }

  // A unit below one (半): after a unit it adds that share of it (三成半, 一百半); before one
  // it is the multiplier (半百).
  bool share(double u) {
    if (pending_) return false;
    if (after_unit_) {
      section_ += u * last_unit_;
      closed_ = true;
      return true;
    }
    set_pending(u, 0, false);
    return true;
  }

  bool large_unit(double u) {
    if (positional_ > 1) return false;
    if (pending_) {
      section_ += *pending_;
      clear_pending();
    } else if (section_ == 0) {
      if (after_large_) {
        total_ *= u;  // 万万 = 亿, 四万亿: units in a row multiply
        max_large_ *= u;
        applied_unit(u);
        after_large_ = true;
        return true;
      }
      if (total_ != 0) return false;
      section_ = 1;
    }
    // 一万五千亿: a larger unit scales everything before it; 一亿三千万: a smaller one adds.
    if (u > max_large_) {
      total_ = (total_ + section_) * u;
    } else {
      total_ += section_ * u;
    }
    max_large_ = std::max(max_large_, u);
    section_ = 0;
    small_floor_ = std::numeric_limits<double>::infinity();
    applied_unit(u);
    after_large_ = true;
    return true;
  }

  void applied_unit(double u) {
    last_unit_ = u;
    gap_ = false;
    after_unit_ = true;
    after_large_ = false;
  }

  // Adds the number not yet multiplied by a unit.
  void settle() {
    if (!pending_) return;
    double v = *pending_;
    if (abbreviates_ && last_unit_ >= kMinAbbreviatedUnit) v = v * last_unit_ / kBase;
    section_ += v;
    clear_pending();
  }

  // The digits after a decimal point at tokens_[from], then units that scale the whole
  // (一点五万, 六点五成).
  std::optional<double> decimals(size_t from) {
    settle();
    double v = total_ + section_;
    double scale = 1 / kBase;
    size_t j = from;
    for (; j < tokens_.size(); ++j) {
      const Token& f = tokens_[j];
      if (f.type == Token::Type::kDigit || f.type == Token::Type::kZero) {
        v += f.value * scale;
        scale /= kBase;
      } else if (f.type == Token::Type::kArabic && f.digits > 0 && f.value == std::floor(f.value)) {
        // 2点5: Arabic digits after the point are decimals
        const double shift = std::pow(kBase, f.digits);
        v += f.value * scale * kBase / shift;
        scale /= shift;
      } else {
        break;
      }
    }
    if (j == from) return std::nullopt;
    for (; j < tokens_.size() && tokens_[j].type == Token::Type::kLargeUnit; ++j) {
      v *= tokens_[j].value;
    }
    if (j != tokens_.size()) return std::nullopt;
    return v;
  }

  const std::vector<Token>& tokens_;
  double total_ = 0;               // finished large-unit groups
  double section_ = 0;             // the group below the current large unit
  std::optional<double> pending_;  // a number not yet multiplied by a unit
  int positional_ = 0;             // Chinese digits read positionally into pending_
  bool single_arabic_ = false;     // pending_ is one Arabic digit
  bool abbreviates_ = false;       // pending_ is a lone digit right after a unit
  double last_unit_ = 0;           // the unit applied last (0: none yet)
  double small_floor_ = std::numeric_limits<double>::infinity();  // small units must fall
  double max_large_ = 0;  // the largest large unit applied so far
  bool gap_ = false;      // a 零 since the last unit
  bool after_unit_ = false;
  bool after_large_ = false;
  bool closed_ = false;  // nothing may follow (三成半)
};

// A number without fractions: an optional sign, then tokens.
std::optional<double> parse_plain(const std::u32string& s, const NumeralTable& t) {
  size_t start = 0;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || contains(t.negative_signs, s[0]))) {
    negative = true;
    start = 1;
  }
  std::vector<Token> tokens;
  if (!tokenize(s.substr(start), t, &tokens)) return std::nullopt;
  auto v = Reader(tokens).read();
  if (v && negative) *v = -*v;
  return v;
}

// Splits "三又三" or "1 4" at its last joiner (a space kept between digits, or a separator other
// than the thousands comma) into a whole number and the rest.
bool split_whole(const std::u32string& s, const NumeralTable& t, double* whole,
                 std::u32string* rest) {
  for (size_t k = s.size(); k-- > 0;) {
    if (s[k] != ' ' && (s[k] == ',' || !contains(t.separators, s[k]))) continue;
    if (k == 0 || k + 1 == s.size()) return false;
    const auto w = parse_plain(s.substr(0, k), t);
    if (!w) return false;
    *whole = *w;
    *rest = s.substr(k + 1);
    return true;
  }
  return false;
}

// whole + numerator / denominator, the fraction taking the whole's sign (负一又二分之一 = -1.5).
std::optional<double> mixed(std::optional<double> whole, std::optional<double> numerator,
                            std::optional<double> denominator) {
  if (!numerator || !denominator || *denominator == 0) return std::nullopt;
  const double fraction = *numerator / *denominator;
  if (!whole) return fraction;
  return *whole + (*whole < 0 ? -fraction : fraction);
}

}  // namespace

std::optional<double> parse_number(std::string_view text, const NumeralTable& table) {
  const std::u32string s = significant(text);
  const std::u32string marker = significant(table.fraction_marker);
  const size_t f = marker.empty() ? std::u32string::npos : s.find(marker);
  const size_t slash = s.find('/');
  if (f != std::u32string::npos && slash != std::u32string::npos) return std::nullopt;
  if (f != std::u32string::npos) {
    // 三分之一: denominator first; 三又三分之一: a whole number before it.
    const std::u32string left = s.substr(0, f);
    const auto numerator = parse_plain(s.substr(f + marker.size()), table);
    double whole = 0;
    std::u32string denominator;
    if (split_whole(left, table, &whole, &denominator)) {
      return mixed(whole, numerator, parse_plain(denominator, table));
    }
    return mixed(std::nullopt, numerator, parse_plain(left, table));
  }
  if (slash != std::u32string::npos) {
    // 3/5: numerator first; 1 4/3: a whole number before it.
    const std::u32string left = s.substr(0, slash);
    const auto denominator = parse_plain(s.substr(slash + 1), table);
    double whole = 0;
    std::u32string numerator;
    if (split_whole(left, table, &whole, &numerator)) {
      return mixed(whole, parse_plain(numerator, table), denominator);
    }
    return mixed(std::nullopt, parse_plain(left, table), denominator);
  }
  return parse_plain(s, table);
}

std::optional<double> parse_ascii_digits(std::string_view text) {
  constexpr size_t kMaxExactDigits = 15;  // every such integer is a double exactly
  if (text.empty() || text.size() > kMaxExactDigits) return std::nullopt;
  long long v = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return static_cast<double>(v);
}

std::string format_number(double v) {
  if (!std::isfinite(v)) return fmt::format("{}", v);
  if (std::fabs(v) < kMaxIntegerShown && v == std::floor(v)) {
    return fmt::format("{}", static_cast<long long>(v));
  }
  const int magnitude = v == 0 ? 0 : static_cast<int>(std::floor(std::log10(std::fabs(v))));
  const int decimals = std::clamp(kSignificantDigits - 1 - magnitude, 0, kMaxDecimals);
  std::string s = fmt::format("{:.{}f}", v, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

}  // namespace jianbao::core
