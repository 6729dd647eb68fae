// The code points a match of a pattern can open with, read from the pattern's text: a text whose
// first character is not among them has no match starting at its beginning (lookingAt, matches,
// a find of a "^…" pattern), so callers skip ICU, and the UTF-16 copy of the text, for it. A
// failed anchored match still costs ICU some hundreds of instructions; the page-number patterns
// alone, tried on every line, were ~55 instructions an input byte (issue 17).
//
// Conservative by construction: a pattern it cannot read plainly (flags, \Q…\E, \x{…}, nested
// classes, back references), or one that may match empty text, allows every code point. Read
// as ICU reads it: \s and \d as ICU's sets, a lookaround as no constraint, a quantifier with a
// minimum of zero as optional. Callers test the first code point of the text the pattern runs
// over (width-normalised, core::normalize_width, where the rules are matched that way).
#pragma once

#include <unicode/uniset.h>

#include <memory>
#include <string>
#include <string_view>

namespace jianbao::core {

class FirstChars {
 public:
  // Every code point allowed.
  FirstChars() = default;
  // The first code points of `pattern` (UTF-8, ICU syntax).
  explicit FirstChars(std::string_view pattern);

  // Whether a match may open with c; true for every c when nothing is known.
  bool may_open(char32_t c) const {
    return set_ == nullptr || set_->contains(static_cast<UChar32>(c));
  }
  // Whether the pattern restricts its first code point at all.
  bool restricts() const { return set_ != nullptr; }
  // The code points a match may open with, in order, when the pattern restricts them to at most
  // `max`; false (and *out untouched) otherwise.
  bool list(size_t max, std::u32string* out) const;

 private:
  std::shared_ptr<const icu::UnicodeSet> set_;  // frozen; null: any code point
};

// The code points one of which stands just before every match of `pattern`, at most `max` of
// them, when the pattern opens with a look-behind for one character class or literal and has no
// alternation of its own ("(?<=[，；])（…"): a find need only try the places after one. False
// (and *out untouched) for any other pattern.
bool char_before_list(std::string_view pattern, size_t max, std::u32string* out);

}  // namespace jianbao::core
