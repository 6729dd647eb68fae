#include "structure/points.h"

#include "core/icu_regex.h"
#include "core/numeral.h"
#include "core/u16_text.h"
#include "core/utf8.h"
#include "core/utf8_fast.h"
#include "ruleset/rule_set.h"

namespace jianbao::structure {
namespace {

constexpr int kUnknownGroup = -2;  // a group number not looked up yet (-1 is "no such group")
// The code points of a text's head that match() copies for ICU first: more than a point
// pattern looks at (its marker, and the run-in heading after it up to its stop).
constexpr int kHeadChars = 64;

// The first code point of a text as the point patterns see it (width-normalised), for their
// first-character tests (core::Regex::may_open_with); past U+10FFFF for an empty text, which no
// pattern that restricts its first character opens with.
char32_t first_point_char(std::string_view text) {
  if (text.empty()) return 0x110000;
  size_t pos = 0;
  return core::normalize_width(core::next_code_point(text, &pos));
}

}  // namespace

PointMatcher::PointMatcher(const RuleSet& rules) : rules_(rules) {
  for (const PatternRule& p : rules.structure.points) {
    matchers_.push_back(p.regex.new_matcher(rules.layout.regex_time_limit));
    marker_groups_.push_back(kUnknownGroup);
  }
  for (const PatternRule& p : rules.structure.inline_points) {
    inline_.push_back(p.regex.new_matcher(rules.layout.regex_time_limit));
  }
}

std::vector<int> PointMatcher::inline_starts(const std::string& text, int first_n, int min_points) {
  // Most paragraphs lack a character every inline marker needs, or one it opens with: they are
  // not copied for ICU.
  for (size_t i = 0; i < inline_.size(); ++i) {
    icu::RegexMatcher& m = *inline_[i];
    const core::Regex& re = rules_.structure.inline_points[i].regex;
    if (!re.may_match(text) || !re.may_find_in(text)) continue;
    convert(text);
    const int n_group = re.group("n");
    m.reset(text_);
    std::vector<int> cuts;
    int expected = first_n;
    int32_t from = 0;
    while (core::find_next(m, &from)) {
      UErrorCode status = U_ZERO_ERROR;
      const int32_t start = m.start(status);
      if (U_FAILURE(status)) break;
      const auto n = core::parse_number(core::group_text(m, n_group), rules_.numerals);
      if (n && static_cast<int>(*n) == expected) {
        cuts.push_back(text_.countChar32(0, start));
        ++expected;
      }
    }
    if (static_cast<int>(cuts.size()) + (first_n > 1 ? 1 : 0) >= min_points && !cuts.empty())
      return cuts;
  }
  return {};
}

void PointMatcher::convert(std::string_view text) {
  if (text_valid_ && text == text_source_) return;
  core::to_normalized_u16(text, &text_);
  text_source_.assign(text);
  text_valid_ = true;
}

int PointMatcher::level_of(const std::string& marker) {
  for (const auto& [m, level] : levels_) {
    if (m == marker) return level;
  }
  const auto p = match(marker);
  levels_.emplace_back(marker, p ? p->level : 1);
  return levels_.back().second;
}

std::optional<PointStart> PointMatcher::match(std::string_view text) {
  if (!last_match_valid_ || text != last_match_text_) {
    last_match_ = match_uncached(text);
    last_match_text_.assign(text);
    last_match_valid_ = true;
  }
  return last_match_;
}

std::optional<PointStart> PointMatcher::match_uncached(std::string_view text) {
  // A marker opens the text (lookingAt): a text whose first character no marker pattern opens
  // with, most paragraphs, is neither copied for ICU nor matched.
  const char32_t first = first_point_char(text);
  // A marker and what it looks at stand at the start of a paragraph: only its head is copied
  // for ICU, unless the match reaches the head's end (then more text could change it).
  size_t head = 0;
  for (int k = 0; k < kHeadChars && head < text.size(); ++k) core::next_code_point(text, &head);
  for (size_t i = 0; i < matchers_.size(); ++i) {
    const core::Regex& re = rules_.structure.points[i].regex;
    if (!re.may_open_with(first) || !re.may_match(text)) continue;
    icu::RegexMatcher& m = *matchers_[i];
    UErrorCode status = U_ZERO_ERROR;
    convert(text.substr(0, head));
    m.reset(text_);  // also restarts the time limit
    bool found = m.lookingAt(status) && U_SUCCESS(status);
    if (head < text.size() && m.hitEnd()) {
      convert(text);
      m.reset(text_);
      status = U_ZERO_ERROR;
      found = m.lookingAt(status) && U_SUCCESS(status);
    }
    if (found) {
      const PatternRule& p = rules_.structure.points[i];
      PointStart s;
      s.level = p.level;
      // The marker as written: the same number of code points of the original text.
      // The group is looked up by name on the pattern's first match only.
      if (marker_groups_[i] == kUnknownGroup) marker_groups_[i] = p.regex.group("marker");
      // Its length in code points, read from the match's offsets.
      if (core::group_matched(m, marker_groups_[i])) {
        const int32_t from = m.start(marker_groups_[i], status);
        const int32_t to = m.end(marker_groups_[i], status);
        s.marker_length = text_.countChar32(from, to - from);
      }
      size_t pos = 0;
      for (int k = 0; k < s.marker_length && pos < text.size(); ++k)
        core::next_code_point(text, &pos);
      s.marker = std::string(text.substr(0, pos));
      const int n_group = p.regex.group("n");
      if (n_group >= 0) {
        const auto n = core::parse_number(core::group_text(m, n_group), rules_.numerals);
        if (n) s.number = static_cast<int>(*n);
      }
      return s;
    }
  }
  return std::nullopt;
}

void add_point(const layout::Block& block, const PointStart& start, const RuleSet& rules,
               PointMatcher* matcher, std::vector<Point>* points) {
  Point pt;
  pt.marker = start.marker;
  pt.first_line = block.first_line();
  pt.last_line = block.last_line();
  size_t pos = 0;
  for (int k = 0; k < start.marker_length && pos < block.text.size(); ++k) {
    core::next_code_point(block.text, &pos);
  }
  const std::string body(core::trim(std::string_view(block.text).substr(pos)));
  // The heading is the first sentence: "明确责任分工。机关各司……" -> "明确责任分工".
  size_t p = 0;
  size_t heading_end = std::string::npos;
  size_t rest_begin = body.size();
  while (p < body.size()) {
    const size_t at = p;
    const char32_t c = core::next_code_point(body, &p);
    if (rules.layout.sentence_final.find(c) != std::u32string::npos) {
      heading_end = at;
      rest_begin = p;
      break;
    }
  }
  if (heading_end == std::string::npos) {
    // A point run on inside a paragraph ends at a clause mark: "压实责任，" -> "压实责任".
    pt.heading = body;
    while (!pt.heading.empty()) {
      size_t last = pt.heading.size() - 1;
      while (last > 0 && (static_cast<unsigned char>(pt.heading[last]) & 0xC0) == 0x80) --last;
      size_t q = last;
      const char32_t c = core::next_code_point(pt.heading, &q);
      if (rules.layout.clause_marks.find(c) == std::u32string::npos) break;
      pt.heading.erase(last);
    }
  } else {
    pt.heading = body.substr(0, heading_end);
    pt.text = std::string(core::trim(std::string_view(body).substr(rest_begin)));
  }
  // Nest under the last point whose level is lower.
  std::vector<Point>* siblings = points;
  // A point's level comes from its marker, so Point needs no field for it.
  while (!siblings->empty() && matcher->level_of(siblings->back().marker) < start.level) {
    siblings->back().last_line = pt.last_line;
    siblings = &siblings->back().points;
  }
  pt.n = static_cast<int>(siblings->size()) + 1;
  siblings->push_back(std::move(pt));
}

}  // namespace jianbao::structure
