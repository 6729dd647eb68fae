#include "core/icu_regex.h"

#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <optional>

#include "core/alternation_guard.h"
#include "core/first_chars.h"
#include "core/group_names.h"
#include "core/required_chars.h"
#include "core/utf8.h"

namespace jianbao::core {

namespace {

std::unique_ptr<icu::RegexPattern> compile_icu(std::string_view pattern, UParseError* parse_error,
                                               UErrorCode* status) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size())));
  return std::unique_ptr<icu::RegexPattern>(
      icu::RegexPattern::compile(u, 0, *parse_error, *status));
}

}  // namespace

struct Regex::State {
  std::string source;
  std::unique_ptr<icu::RegexPattern> compiled;
  std::optional<GroupNames> names;  // a deferred pattern's groups, until and after it compiles
  std::once_flag once;
  std::vector<std::string> required;  // required_ideographs(source), made at the first test
  std::once_flag required_once;
  FirstChars first;  // FirstChars(source), made at the first test
  std::once_flag first_once;
  // The UTF-8 forms of the code points a match opens with (may_find_in), made at the first test.
  std::vector<std::string> openers;
  bool openers_known = false;  // false: too many to test, or not restricted
  std::u32string before;       // char_before_list(source), when before_known
  bool before_known = false;
  std::once_flag openers_once;
};

namespace {

// Compiles `pattern`; on failure *error says why.
std::unique_ptr<icu::RegexPattern> compile_checked(std::string_view pattern, std::string* error) {
  UParseError parse_error{};
  UErrorCode status = U_ZERO_ERROR;
  // The guarded form matches the same text faster; errors are reported against the pattern as
  // written, so a failure compiles that to find its offset.
  std::unique_ptr<icu::RegexPattern> p =
      compile_icu(guard_alternations(pattern), &parse_error, &status);
  if (U_FAILURE(status)) {
    parse_error = {};
    status = U_ZERO_ERROR;
    p = compile_icu(pattern, &parse_error, &status);
  }
  if (U_FAILURE(status)) {
    *error = fmt::format("invalid regex: {} at pattern offset {}", u_errorName(status),
                         parse_error.offset);
    return nullptr;
  }
  return p;
}

int icu_group(const icu::RegexPattern& p, const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = p.groupNumberFromName(name, -1, status);
  return U_FAILURE(status) ? -1 : n;
}

int icu_group_count(const icu::RegexPattern& p) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(p.matcher(status));
  return U_FAILURE(status) ? 0 : m->groupCount();
}

[[noreturn]] void deferred_failed(const std::string& source, const std::string& why) {
  std::fprintf(stderr, "jianbao: internal error: built-in pattern %s: %s\n", source.c_str(),
               why.c_str());
  std::abort();
}

}  // namespace

Result<Regex> Regex::compile(std::string_view pattern) {
  std::string error;
  std::unique_ptr<icu::RegexPattern> p = compile_checked(pattern, &error);
  if (!p) return Status::bad_rules(error);
  Regex r;
  r.state_ = std::make_shared<State>();
  r.state_->source = std::string(pattern);
  r.state_->compiled = std::move(p);
  return r;
}

Result<Regex> Regex::deferred(std::string_view pattern) {
  std::optional<GroupNames> names = scan_group_names(pattern);
  if (!names) return compile(pattern);
  Regex r;
  r.state_ = std::make_shared<State>();
  r.state_->source = std::string(pattern);
  r.state_->names = std::move(names);
  return r;
}

const icu::RegexPattern& Regex::pattern() const {
  State& s = *state_;
  std::call_once(s.once, [&s] {
    if (s.compiled) return;
    std::string error;
    s.compiled = compile_checked(s.source, &error);
    if (!s.compiled) deferred_failed(s.source, error);
    if (icu_group_count(*s.compiled) != s.names->count)
      deferred_failed(s.source, "group count differs from the scan's");
    for (const auto& [name, number] : s.names->named) {
      if (icu_group(*s.compiled, name.c_str()) != number)
        deferred_failed(s.source, "group '" + name + "' numbered differently from the scan's");
    }
  });
  return *s.compiled;
}

const std::string& Regex::source() const { return state_->source; }

bool Regex::may_match(std::string_view text) const {
  State& s = *state_;
  std::call_once(s.required_once, [&s] { s.required = required_ideographs(s.source); });
  return std::all_of(s.required.begin(), s.required.end(),
                     [&](const std::string& c) { return text.find(c) != std::string_view::npos; });
}

bool Regex::may_open_with(char32_t c) const {
  State& s = *state_;
  std::call_once(s.first_once, [&s] { s.first = FirstChars(s.source); });
  return s.first.may_open(c);
}

namespace {

// Whether the code point that ends just before byte `at` of `text` may be one of `set` (raw, or
// width-normalised); true where no code point ends there plainly (the text's start, a malformed
// byte), so the answer only widens.
bool may_stand_before(std::string_view text, size_t at, const std::u32string& set) {
  if (at == 0) return true;
  size_t lead = at - 1;
  while (lead > 0 && at - lead < 4 && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80)
    --lead;
  size_t end = lead;
  const char32_t c = next_code_point(text, &end);
  if (end != at || (c == 0xFFFD && at - lead != 3)) return true;
  return set.find(c) != std::u32string::npos ||
         set.find(normalize_width(c)) != std::u32string::npos;
}

}  // namespace

bool Regex::may_find_in(std::string_view text) const {
  // Beyond a few code points a scan costs more than it is likely to save.
  constexpr size_t kMaxOpeners = 16;
  State& s = *state_;
  std::call_once(s.openers_once, [&s] {
    std::u32string first;
    // A U+FFFD may stand for a malformed byte in the text: not one string to look for.
    if (!FirstChars(s.source).list(kMaxOpeners, &first) || first.find(0xFFFD) != first.npos) return;
    for (const char32_t c : first) {
      for (const char32_t form : width_forms(c)) {
        std::string utf8;
        append_utf8(&utf8, form);
        if (std::find(s.openers.begin(), s.openers.end(), utf8) == s.openers.end())
          s.openers.push_back(std::move(utf8));
      }
    }
    s.openers_known = true;
    s.before_known = char_before_list(s.source, kMaxOpeners, &s.before);
  });
  if (!s.openers_known) return true;
  for (const std::string& o : s.openers) {
    for (size_t at = text.find(o); at != std::string_view::npos; at = text.find(o, at + 1)) {
      if (!s.before_known || may_stand_before(text, at, s.before)) return true;
    }
  }
  return false;
}

int Regex::group(const char* name) const {
  if (state_->names) {
    for (const auto& [n, number] : state_->names->named) {
      if (n == name) return number;
    }
    return -1;
  }
  return icu_group(pattern(), name);
}

int Regex::group_count() const {
  return state_->names ? state_->names->count : icu_group_count(pattern());
}

std::unique_ptr<icu::RegexMatcher> Regex::new_matcher(int time_limit) const {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(pattern().matcher(status));
  assert(U_SUCCESS(status));
  m->setTimeLimit(time_limit, status);
  return m;
}

MatchText::MatchText(std::string_view utf8) : utf8_(utf8) {
  u16_ = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  cp_of_u16_.reserve(static_cast<size_t>(u16_.length()) + 1);
  byte_of_u16_.reserve(static_cast<size_t>(u16_.length()) + 1);
  size_t pos = 0;
  int cp = 0;
  while (pos < utf8.size()) {
    const size_t at = pos;
    const char32_t c = next_code_point(utf8, &pos);
    const int units = c > 0xFFFF ? 2 : 1;
    for (int i = 0; i < units; ++i) {
      cp_of_u16_.push_back(cp);
      byte_of_u16_.push_back(at);
    }
    ++cp;
  }
  // fromUTF8 and next_code_point agree on malformed input (one U+FFFD per bad byte) only for
  // valid text; the decode stage guarantees validity, so pad defensively rather than assert.
  while (cp_of_u16_.size() < static_cast<size_t>(u16_.length())) {
    cp_of_u16_.push_back(cp);
    byte_of_u16_.push_back(utf8.size());
  }
  cp_of_u16_.push_back(cp);
  byte_of_u16_.push_back(utf8.size());
}

int32_t MatchText::u16_at_code_point(int code_point) const {
  // cp_of_u16_ is non-decreasing and ends with an entry for the end of the text.
  const auto it = std::lower_bound(cp_of_u16_.begin(), cp_of_u16_.end(), code_point);
  return std::min(static_cast<int32_t>(it - cp_of_u16_.begin()), u16_.length());
}

bool find_next(icu::RegexMatcher& m, int32_t* from, bool* timed_out) {
  const icu::UnicodeString& text = m.input();
  if (*from < 0 || *from > text.length()) return false;
  UErrorCode status = U_ZERO_ERROR;
  const bool found = m.find(*from, status);
  if (status == U_REGEX_TIME_OUT && timed_out != nullptr) *timed_out = true;
  if (!found || U_FAILURE(status)) {
    *from = text.length() + 1;
    return false;
  }
  const int32_t start = m.start(status);
  const int32_t end = m.end(status);
  // After an empty match, step one code point on (never into a surrogate pair).
  *from = end > start ? end : (end < text.length() ? text.moveIndex32(end, 1) : end + 1);
  return true;
}

bool group_matched(icu::RegexMatcher& m, int group) {
  if (group < 0) return false;
  UErrorCode status = U_ZERO_ERROR;
  return m.start(group, status) >= 0 && U_SUCCESS(status);
}

std::string group_text(icu::RegexMatcher& m, int group) {
  std::string out;
  if (!group_matched(m, group)) return out;
  UErrorCode status = U_ZERO_ERROR;
  m.group(group, status).toUTF8String(out);
  return out;
}

}  // namespace jianbao::core

namespace jianbao::core {

Match::Match(const Regex& regex, std::string_view utf8, int time_limit)
    : regex_(regex), text_(utf8), m_(regex.new_matcher(time_limit)) {
  m_->reset(text_.u16());
}

bool Match::find() { return find_next(*m_, &next_); }

bool Match::looking_at() {
  UErrorCode status = U_ZERO_ERROR;
  const bool found = m_->lookingAt(status) && U_SUCCESS(status);
  if (found) next_ = m_->end(status);
  return found;
}

bool Match::matches() {
  UErrorCode status = U_ZERO_ERROR;
  const bool found = m_->matches(status) && U_SUCCESS(status);
  if (found) next_ = m_->end(status);
  return found;
}

std::string Match::group(const char* name) const { return group_text(*m_, regex_.group(name)); }

std::string Match::text() const { return group_text(*m_, 0); }

int Match::start() const {
  UErrorCode status = U_ZERO_ERROR;
  const int32_t i = m_->start(status);
  return U_SUCCESS(status) ? text_.code_point_at(i) : -1;
}

int Match::end() const {
  UErrorCode status = U_ZERO_ERROR;
  const int32_t i = m_->end(status);
  return U_SUCCESS(status) ? text_.code_point_at(i) : -1;
}

}  // namespace jianbao::core
