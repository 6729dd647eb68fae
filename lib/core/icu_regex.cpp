#include "core/icu_regex.h"

#include <fmt/format.h>

#include "core/utf8.h"

namespace jianbao::core {

Result<Regex> Regex::compile(std::string_view pattern) {
  UParseError parse_error{};
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size())));
  std::unique_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(u, 0, parse_error, status));
  if (U_FAILURE(status)) {
    return Status::bad_rules(fmt::format("invalid regex: {} at pattern offset {}",
                                         u_errorName(status), parse_error.offset));
  }
  Regex r;
  r.pattern_ = std::move(p);
  r.source_ = std::string(pattern);
  return r;
}

int Regex::group(const char* name) const {
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = pattern_->groupNumberFromName(name, -1, status);
  return U_FAILURE(status) ? -1 : n;
}

int Regex::group_count() const {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(pattern_->matcher(status));
  return U_FAILURE(status) ? 0 : m->groupCount();
}

std::unique_ptr<icu::RegexMatcher> Regex::new_matcher(int time_limit) const {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(pattern_->matcher(status));
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

bool Match::find() {
  UErrorCode status = U_ZERO_ERROR;
  return m_->find(status) && U_SUCCESS(status);
}

bool Match::looking_at() {
  UErrorCode status = U_ZERO_ERROR;
  return m_->lookingAt(status) && U_SUCCESS(status);
}

bool Match::matches() {
  UErrorCode status = U_ZERO_ERROR;
  return m_->matches(status) && U_SUCCESS(status);
}

std::string Match::group(const char* name) const { return group_text(*m_, regex_.group(name)); }

std::string Match::text() const { return group_text(*m_, 0); }

int Match::start() const {
  UErrorCode status = U_ZERO_ERROR;
  return text_.code_point_at(m_->start(status));
}

int Match::end() const {
  UErrorCode status = U_ZERO_ERROR;
  return text_.code_point_at(m_->end(status));
}

}  // namespace jianbao::core
