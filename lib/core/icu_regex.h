// The ICU regex adapter: compiles patterns once, matches them over UTF-16 text, and converts
// UTF-16 offsets back to code points and UTF-8 bytes. The only place that sees UErrorCode.
#pragma once

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "jianbao/status.h"

namespace jianbao::core {

// An immutable compiled pattern, cheap to copy and safe to share between threads.
class Regex {
 public:
  // Compiles `pattern` (UTF-8). On failure the Status message names the ICU error and the
  // pattern offset, e.g. "U_REGEX_MISSING_CLOSE_BRACKET at offset 7".
  static Result<Regex> compile(std::string_view pattern);
  // The same pattern compiled at its first use, so a run pays only for the patterns it matches
  // with (compiling the built-in rules was a third of a one-bulletin run). The group numbers are
  // read from the text (scan_group_names) and checked against ICU's when it compiles. For the
  // built-in rules only, which the tests compile in full (`--rules` compiles at load and reports
  // errors there): a deferred pattern that does not compile, or whose groups the scan misread,
  // stops the program with a message. A pattern the scan cannot read is compiled now.
  static Result<Regex> deferred(std::string_view pattern);

  // The group number of a named capture group, or -1.
  int group(const char* name) const;
  int group_count() const;
  const std::string& source() const;

  // A new matcher for this pattern; REQUIRES: the pattern compiled. The matcher is bounded by
  // the time limit (in ICU steps) so no pattern can hang on hostile input. ICU counts the limit
  // from the matcher's last reset, not per match: a loop of RegexMatcher::find() calls over a
  // long text runs out after some hundreds of matches and ends with U_REGEX_TIME_OUT. Loop with
  // find_next() below, which gives every match the whole limit.
  std::unique_ptr<icu::RegexMatcher> new_matcher(int time_limit) const;

  // False when `text` (UTF-8, raw or width-normalised) lacks an ideograph that every match
  // holds (core/required_chars.h), so the caller need not run ICU; true means "try it".
  bool may_match(std::string_view text) const;
  // False when no match can open with code point c (core/first_chars.h): a text that starts
  // with c has no match at its start (lookingAt, matches), so the caller need not run ICU; c is
  // the first code point of the text as matched (width-normalised where the rules are).
  bool may_open_with(char32_t c) const;
  // False when `text` (UTF-8, raw or width-normalised) holds none of the code points a match can
  // open with (for a pattern led by a one-character look-behind, core::char_before_list: none
  // just after one of the code points that must stand before a match), so a find anywhere in
  // the whole text has no match and the caller need not run ICU (such a look-behind makes ICU
  // try every position of the text). Tested where the pattern restricts them to a few code
  // points; true means "try it".
  bool may_find_in(std::string_view text) const;

 private:
  struct State;
  const icu::RegexPattern& pattern() const;  // compiles a deferred pattern, once
  std::shared_ptr<State> state_;
};

// A text prepared for matching: UTF-16 plus maps from UTF-16 units to code points and bytes.
class MatchText {
 public:
  explicit MatchText(std::string_view utf8);
  const icu::UnicodeString& u16() const { return u16_; }
  // Code point index of a UTF-16 index (any index in [0, length]).
  int code_point_at(int32_t u16_index) const { return cp_of_u16_[u16_index]; }
  // Byte offset in the UTF-8 source of a UTF-16 index.
  size_t byte_at(int32_t u16_index) const { return byte_of_u16_[u16_index]; }
  // The inverse of code_point_at: the first UTF-16 index whose code point index is at least
  // `code_point` (the UTF-16 length when there is none). O(log n), so mapping many offsets
  // back costs no scan from the start each time.
  int32_t u16_at_code_point(int code_point) const;
  std::string_view utf8() const { return utf8_; }

 private:
  std::string_view utf8_;
  icu::UnicodeString u16_;
  std::vector<int> cp_of_u16_;
  std::vector<size_t> byte_of_u16_;
};

// Finds the next match of `m` (reset to its text) at or after the UTF-16 index *from, and moves
// *from past it. Each call gets the matcher's whole time limit (find(start) resets the count),
// so every match of a long text is found. Returns false when there is none; when the time limit
// cut the search short it also sets *timed_out (if given), so callers can report it rather than
// lose the rest of the text silently.
bool find_next(icu::RegexMatcher& m, int32_t* from, bool* timed_out = nullptr);

// The UTF-8 text of a matched group, or "" when the group did not take part.
std::string group_text(icu::RegexMatcher& m, int group);
bool group_matched(icu::RegexMatcher& m, int group);

}  // namespace jianbao::core

namespace jianbao::core {

// One pattern run over one short text, for the structure and layout stages: find, lookingAt or
// matches, then read groups by name. Offsets are in code points.
class Match {
 public:
  Match(const Regex& regex, std::string_view utf8, int time_limit);
  bool find();                                // the next match, from the end of the previous one
  bool looking_at();                          // a match at the start
  bool matches();                             // the whole text
  std::string group(const char* name) const;  // "" when absent or unmatched
  std::string text() const;
  int start() const;  // code points; -1 without a match
  int end() const;

 private:
  const Regex& regex_;
  MatchText text_;
  std::unique_ptr<icu::RegexMatcher> m_;
  int32_t next_ = 0;  // UTF-16 index where find() looks next
};

}  // namespace jianbao::core
