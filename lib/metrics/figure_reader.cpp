#include "metrics/figure_reader.h"

#include <algorithm>

#include "metrics/char_table.h"

namespace jianbao::metrics {
namespace {

// A reference to the rest of the grammar after an item: called with where the item ended, true
// when the rest matched from there. It refers to a callable that outlives the call it is
// passed to (a lambda written in the call).
class FigureRest {
 public:
  template <class F>
  FigureRest(const F& f)  // NOLINT(google-explicit-constructor): lambdas pass as the rest
      : obj_(&f), call_([](const void* o, int p) { return (*static_cast<const F*>(o))(p); }) {}
  bool operator()(int p) const { return call_(obj_, p); }

 private:
  const void* obj_;
  bool (*call_)(const void*, int);
};

// One reading of one figure: each function is a fragment of fragments.yaml (named in its
// comment), tries its alternatives and repetitions in ICU's order and calls `k` at each end.
class FigureParse {
 public:
  FigureParse(const std::vector<uint32_t>& table, const char32_t* cps, int size)
      : table_(table), cps_(cps), size_(size) {}

  uint32_t at(int p) const {
    if (p < 0 || p >= size_) return 0;
    const char32_t c = cps_[p];
    return c < table_.size() ? table_[c] : 0;
  }
  bool is(int p, uint32_t bits) const { return (at(p) & bits) != 0; }
  bool space(int p) const { return p >= 0 && p < size_ && cps_[p] == U' '; }
  int run(int p, uint32_t bits) const {
    while (is(p, bits)) ++p;
    return p;
  }

  // ` *`, longest first
  bool spaces(int p, FigureRest k) const {
    int e = p;
    while (space(e)) ++e;
    for (int q = e; q >= p; --q) {
      if (k(q)) return true;
    }
    return false;
  }
  bool one(int p, uint32_t bits, FigureRest k) const { return is(p, bits) && k(p + 1); }
  bool opt(int p, uint32_t bits, FigureRest k) const { return (is(p, bits) && k(p + 1)) || k(p); }
  // ` *` and then a character of `bits`
  bool spaced(int p, uint32_t bits, FigureRest k) const {
    return spaces(p, [&](int q) { return one(q, bits, k); });
  }

  // {num_arabic}: (?<=[0-9]\.)[0-9]+ | [0-9]+(?:,[0-9]{3})*(?:\.[0-9]+(?![.0-9]))? |
  // (?<![0-9.])\.[0-9]+
  bool arabic(int p, FigureRest k) const {
    if (is(p - 1, FigureReader::kPoint) && is(p - 2, FigureReader::kArabic)) {
      for (int q = run(p, FigureReader::kArabic); q > p; --q) {
        if (k(q)) return true;
      }
    }
    for (int d = run(p, FigureReader::kArabic); d > p; --d) {
      if (thousands_groups(d, k)) return true;
    }
    if (!is(p - 1, FigureReader::kArabic | FigureReader::kPoint) && is(p, FigureReader::kPoint)) {
      for (int q = run(p + 1, FigureReader::kArabic); q > p + 1; --q) {
        if (k(q)) return true;
      }
    }
    return false;
  }
  // (?:,[0-9]{3})* then (?:\.[0-9]+(?![.0-9]))?
  bool thousands_groups(int d, FigureRest k) const {
    if (is(d, FigureReader::kGroupMark) && is(d + 1, FigureReader::kArabic) &&
        is(d + 2, FigureReader::kArabic) && is(d + 3, FigureReader::kArabic) &&
        thousands_groups(d + 4, k)) {
      return true;
    }
    if (is(d, FigureReader::kPoint) && is(d + 1, FigureReader::kArabic)) {
      for (int q = run(d + 1, FigureReader::kArabic); q > d + 1; --q) {
        if (!is(q, FigureReader::kPoint | FigureReader::kArabic) && k(q)) return true;
      }
    }
    return k(d);
  }
  // {num_coef}: {num_arabic} | {num_digit}
  bool coef(int p, FigureRest k) const { return arabic(p, k) || one(p, FigureReader::kDigit, k); }
  bool opt_coef(int p, FigureRest k) const { return coef(p, k) || k(p); }

  // (?:(?:{num_coef}|半) *U|U(?= *{num_digit})), U the unit 千 or 百
  bool unit_head(int p, uint32_t unit, FigureRest k) const {
    auto unit_then = [&](int q) { return spaced(q, unit, k); };
    if (coef(p, unit_then)) return true;
    if (is(p, FigureReader::kHalf) && unit_then(p + 1)) return true;
    return is(p, unit) && is(run_spaces(p + 1), FigureReader::kDigit) && k(p + 1);
  }
  int run_spaces(int p) const {
    while (space(p)) ++p;
    return p;
  }
  // (?: *[零〇]? *X)? where X is `body`
  template <class Body>
  bool opt_part(int p, const Body& body, FigureRest k) const {
    auto after_zero = [&](int q) { return spaces(q, [&](int r) { return body(r, k); }); };
    if (spaces(p, [&](int q) { return opt(q, FigureReader::kZero, after_zero); })) return true;
    return k(p);
  }
  // (?: *[零〇]? *{num_coef} *[百佰])?
  bool hundreds_part(int p, FigureRest k) const {
    return opt_part(
        p,
        [&](int q, FigureRest k2) {
          return coef(q, [&](int r) { return spaced(r, FigureReader::kHundred, k2); });
        },
        k);
  }
  // (?: *[零〇]? *{num_coef}? *[十拾])?
  bool tens_part(int p, FigureRest k) const {
    return opt_part(
        p,
        [&](int q, FigureRest k2) {
          return opt_coef(q, [&](int r) { return spaced(r, FigureReader::kTen, k2); });
        },
        k);
  }
  // (?: *[零〇]? *{num_coef})?
  bool ones_part(int p, FigureRest k) const {
    return opt_part(
        p, [&](int q, FigureRest k2) { return coef(q, k2); }, k);
  }

  // {num_group}
  bool group(int p, FigureRest k) const {
    auto after_tens = [&](int q) { return ones_part(q, k); };
    auto after_hundreds = [&](int q) { return tens_part(q, after_tens); };
    auto after_thousands = [&](int q) { return hundreds_part(q, after_hundreds); };
    if (unit_head(p, FigureReader::kThousand, after_thousands)) return true;
    if (unit_head(p, FigureReader::kHundred, after_hundreds)) return true;
    // (?:[零〇] *)?{num_coef}? *[十拾](?: *{num_coef})?
    auto after_ten = [&](int q) { return spaces(q, [&](int r) { return coef(r, k); }) || k(q); };
    auto tens = [&](int q) {
      return opt_coef(q, [&](int r) { return spaced(r, FigureReader::kTen, after_ten); });
    };
    if (is(p, FigureReader::kZero) && spaces(p + 1, tens)) return true;
    if (tens(p)) return true;
    // {num_digit}{3,}
    for (int q = run(p, FigureReader::kDigit); q >= p + 3; --q) {
      if (k(q)) return true;
    }
    return coef(p, k);
  }

  // {num_large}: (?: *[零〇])?(?: *[余多几幾])? *[万萬亿億兆]
  bool large(int p, FigureRest k) const {
    auto after_zero = [&](int q) {
      auto unit = [&](int r) { return spaced(r, FigureReader::kLarge, k); };
      return spaced(q, FigureReader::kApprox, unit) || unit(q);
    };
    return spaced(p, FigureReader::kZero, after_zero) || after_zero(p);
  }
  // {num_large}+ and {num_large}*
  bool large_plus(int p, FigureRest k) const {
    return large(p, [&](int q) { return large_star(q, k); });
  }
  bool large_star(int p, FigureRest k) const { return large_plus(p, k) || k(p); }

  // {num_integer}: {num_group}{num_large}+(?: *[零〇]? *{num_group}{num_large}+)*
  // (?: *[零〇]? *{num_group})? | {num_group}
  bool integer(int p, FigureRest k) const {
    if (group(p, [&](int q) { return large_plus(q, [&](int r) { return more_groups(r, k); }); })) {
      return true;
    }
    return group(p, k);
  }
  bool more_groups(int p, FigureRest k) const {
    auto next = [&](int q, FigureRest k2) {
      return group(q,
                   [&](int r) { return large_plus(r, [&](int s) { return more_groups(s, k2); }); });
    };
    auto last = [&](int q, FigureRest k2) { return group(q, k2); };
    auto zero_then = [&](int q, auto body, FigureRest k2) {
      auto after_zero = [&](int r) { return spaces(r, [&](int s) { return body(s, k2); }); };
      return spaces(q, [&](int r) { return opt(r, FigureReader::kZero, after_zero); });
    };
    if (zero_then(p, next, k)) return true;
    return zero_then(p, last, k) || k(p);
  }

  // {num_point}: *[点點] *{num_decimal}(?: *{num_decimal})*
  bool point(int p, FigureRest k) const {
    return spaced(p, FigureReader::kCnPoint, [&](int q) {
      return spaced(q, FigureReader::kDecimal, [&](int r) { return decimals(r, k); });
    });
  }
  bool decimals(int p, FigureRest k) const {
    return spaced(p, FigureReader::kDecimal, [&](int q) { return decimals(q, k); }) || k(p);
  }
  // (?: *[万萬亿億兆])*
  bool large_chain(int p, FigureRest k) const {
    return spaced(p, FigureReader::kLarge, [&](int q) { return large_chain(q, k); }) || k(p);
  }

  // {num_cn}: {num_integer}(?:{num_point}(?: *[万萬亿億兆])*)?
  bool figure(int p, FigureRest k) const {
    return integer(
        p, [&](int q) { return point(q, [&](int r) { return large_chain(r, k); }) || k(q); });
  }

  bool word(int p, const std::u32string& w, FigureRest k) const {
    if (p + static_cast<int>(w.size()) > size_) return false;
    for (size_t i = 0; i < w.size(); ++i) {
      if (cps_[static_cast<size_t>(p) + i] != w[i]) return false;
    }
    return k(p + static_cast<int>(w.size()));
  }

 private:
  const std::vector<uint32_t>& table_;
  const char32_t* cps_;
  int size_;
};

}  // namespace

FigureReader::FigureReader(const FigureChars& chars) : table_(kTable, 0) {
  mark_chars(&table_, chars.arabic, kArabic);
  mark_chars(&table_, chars.group_marks, kGroupMark);
  mark_chars(&table_, chars.points, kPoint);
  mark_chars(&table_, chars.digits, kDigit);
  mark_chars(&table_, chars.decimals, kDecimal);
  mark_chars(&table_, chars.zeros, kZero);
  mark_chars(&table_, chars.tens, kTen);
  mark_chars(&table_, chars.hundreds, kHundred);
  mark_chars(&table_, chars.thousands, kThousand);
  mark_chars(&table_, chars.large, kLarge);
  mark_chars(&table_, chars.approx, kApprox);
  mark_chars(&table_, chars.halves, kHalf);
  mark_chars(&table_, chars.cn_points, kCnPoint);
  mark_chars(&table_, chars.negative, kNegative);
  mark_chars(&table_, chars.minus, kMinus);
  mark_chars(&table_, chars.kilo, kKilo);
  mark_chars(&table_, chars.letters, kLetter);
}

std::u32string figure_first_chars(const FigureChars& chars) {
  // {num_group}'s {num_coef}? *[十拾] begins with the spaces before 十 when it has no coefficient
  std::u32string first = U" ";
  for (const std::u32string* set :
       {&chars.arabic, &chars.points, &chars.digits, &chars.zeros, &chars.tens, &chars.hundreds,
        &chars.thousands, &chars.halves, &chars.negative, &chars.minus}) {
    for (const char32_t c : *set) {
      if (first.find(c) == std::u32string::npos) first.push_back(c);
    }
  }
  return first;
}

namespace {

// Reads the figure of `form` at `pos`, calling done(end) at the end of each reading in ICU's
// order until it returns true; false when none did.
template <class Done>
bool read_figure(const FigureParse& f, int pos, const FigureForm& form, const Done& done) {
  auto suffixed = [&](int q) {
    if (!form.suffix.empty() && f.spaces(q, [&](int r) { return f.word(r, form.suffix, done); })) {
      return true;
    }
    return done(q);
  };
  // {num_kilo}?: (?: ?[kKM](?![A-Za-z]))?
  auto after = [&](int q) {
    if (form.kilo) {
      for (const int r : {q + 1, q}) {
        if (r == q + 1 && !f.space(q)) continue;
        if (f.is(r, FigureReader::kKilo) && !f.is(r + 1, FigureReader::kLetter) &&
            suffixed(r + 1)) {
          return true;
        }
      }
    }
    return suffixed(q);
  };
  auto body = [&](int q) { return form.arabic ? f.arabic(q, after) : f.figure(q, after); };
  // {num_sign}?: [负負] *|(?<![-0-9A-Za-z])-
  if (form.sign) {
    if (f.is(pos, FigureReader::kNegative) && f.spaces(pos + 1, body)) return true;
    if (f.is(pos, FigureReader::kMinus) &&
        !f.is(pos - 1, FigureReader::kMinus | FigureReader::kArabic | FigureReader::kLetter) &&
        body(pos + 1)) {
      return true;
    }
  }
  return body(pos);
}

// (?:(?<!{num_digit})|(?! *{num_digit})) after the figure ending at `end`
bool whole_at(const FigureParse& f, const FigureForm& form, int end) {
  return !form.whole || !f.is(end - 1, FigureReader::kDigit) ||
         !f.is(f.run_spaces(end), FigureReader::kDigit);
}

}  // namespace

int FigureReader::read(const char32_t* cps, int size, int pos, const FigureForm& form) const {
  if (table_.empty()) return -1;
  const FigureParse f(table_, cps, size);
  int end = -1;
  // The atomic group ends at its first complete reading: the rest always accepts.
  auto done = [&](int q) {
    end = q;
    return true;
  };
  if (!read_figure(f, pos, form, done)) return -1;
  return whole_at(f, form, end) ? end : -1;
}

void FigureReader::read_all(const char32_t* cps, int size, int pos, const FigureForm& form,
                            std::vector<int>* ends) const {
  if (table_.empty()) return;
  const FigureParse f(table_, cps, size);
  const size_t from = ends->size();
  int readings = 0;
  // Every reading is handed on (false: "the rest failed, try the next one"); a repeated end
  // would read the rest again to the same result.
  auto done = [&](int q) {
    if (whole_at(f, form, q) && std::find(ends->begin() + static_cast<std::ptrdiff_t>(from),
                                          ends->end(), q) == ends->end()) {
      ends->push_back(q);
    }
    return ++readings >= kMaxReadings;
  };
  read_figure(f, pos, form, done);
}

}  // namespace jianbao::metrics
