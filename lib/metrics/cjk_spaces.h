// The spaces PDF text puts between Chinese characters of a justified line ("上半 年， 全省 共检
// 查") and after a decimal point ("3. 2 亿元", "12. 5%"), taken out for matching so that no rule
// has to allow a space inside every word and figure, with the map back to the text as written.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jianbao::metrics {

struct SqueezedText {
  std::string text;  // the input without the spaces taken out
  // to_source[i]: the input's code point index of text's code point i; one more entry for the
  // end. Empty when no space was taken out (text is then empty too: use the input).
  std::vector<int> to_source;
};

// Takes out each run of ASCII spaces that stands between two CJK characters (core::is_cjk);
// spaces next to a digit or a letter stay ("4003 77.9%" is two table cells). Also the run after
// a decimal point between digits ("12. 5%" is 12.5%), but not where the number before the point
// is a point marker ("3. 2023年以来…"): it opens the text, or follows one of
// `point_marker_after` (rules.tables.point_marker_after: "：1. 2个工作组").
SqueezedText squeeze_cjk_spaces(std::string_view text, std::u32string_view point_marker_after);

// The text the metric rules match in a block: `normalized` squeezed, or itself when no space is
// taken out. For checks that must see what the stage sees (rule gates, the prefilter).
std::string text_for_rules(std::string_view normalized, std::u32string_view point_marker_after);

}  // namespace jianbao::metrics
