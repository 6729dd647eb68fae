// Enumerated points: 一是/二是, （一）, 1., 第一，… with their nesting.
#pragma once

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "jianbao/document.h"
#include "jianbao/layout.h"

namespace jianbao {
class RuleSet;
}

namespace jianbao::structure {

struct PointStart {
  std::string marker;
  int level = 0;
  int marker_length = 0;  // code points
  int number = 0;         // the number the marker carries (二是 -> 2), 0 for 首先/其次
};

// Finds point markers, with one matcher per point pattern for all the texts of a document
// (a new RegexMatcher per text and pattern cost more than the matches).
class PointMatcher {
 public:
  explicit PointMatcher(const RuleSet& rules);

  // The point marker at the start of `text`, if any.
  std::optional<PointStart> match(std::string_view text);

  // The level of the point a marker opens (match(marker)), 1 for none; worked out once a marker
  // (a document's points nest by it, and its markers are few).
  int level_of(const std::string& marker);

  // Where points run on inside `text` start ("会议要求，一是……，二是……"): code point offsets of
  // markers numbered first_n, first_n + 1, ... by one inline pattern. Empty unless the run holds
  // at least `min_points` points counting the one at the start (first_n > 1 means one opens the
  // text). One is enough when the run goes on in the next paragraph (a line cut before 二是).
  std::vector<int> inline_starts(const std::string& text, int first_n, int min_points = 2);

 private:
  std::optional<PointStart> match_uncached(std::string_view text);
  // Makes text_ the UTF-16 copy of `text` (width-normalised), unless it is already.
  void convert(std::string_view text);

  const RuleSet& rules_;
  icu::UnicodeString text_;  // the matchers refer to it, so it is declared (and outlives) first
  std::string text_source_;  // what text_ was converted from
  bool text_valid_ = false;
  // The last text match() read, and its answer: a paragraph is matched as the block after the
  // one before it, then as itself.
  std::string last_match_text_;
  std::optional<PointStart> last_match_;
  bool last_match_valid_ = false;
  std::vector<std::pair<std::string, int>> levels_;  // level_of's answers
  std::vector<std::unique_ptr<icu::RegexMatcher>> matchers_;
  std::vector<std::unique_ptr<icu::RegexMatcher>> inline_;  // one per inline pattern
  std::vector<int> marker_groups_;  // per pattern: the number of its group `marker`, once known
};

// Adds the block as a point to `points`, nested under the last point of a lower level.
void add_point(const layout::Block& block, const PointStart& start, const RuleSet& rules,
               PointMatcher* matcher, std::vector<Point>* points);

}  // namespace jianbao::structure
