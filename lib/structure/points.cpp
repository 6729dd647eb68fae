#include "structure/points.h"

#include "core/icu_regex.h"
#include "core/utf8.h"
#include "ruleset/rule_set.h"

namespace jianbao::structure {
namespace {

// A point's level comes from its marker, so Point needs no field for it.
int level_of(const std::string& marker, const RuleSet& rules) {
  const auto p = match_point(marker, rules);
  return p ? p->level : 1;
}

}  // namespace

std::optional<PointStart> match_point(const std::string& text, const RuleSet& rules) {
  // Called for every block and line: the text is converted to UTF-16 once for all the patterns
  // (core::Match would also build offset maps of the whole text for each).
  const icu::UnicodeString norm = icu::UnicodeString::fromUTF8(core::normalize_width(text));
  for (const PatternRule& p : rules.structure.points) {
    auto m = p.regex.new_matcher(rules.layout.regex_time_limit);
    m->reset(norm);
    UErrorCode status = U_ZERO_ERROR;
    if (m->lookingAt(status) && U_SUCCESS(status)) {
      PointStart s;
      s.level = p.level;
      // The marker as written: the same number of code points of the original text.
      const std::string marker_norm = core::group_text(*m, p.regex.group("marker"));
      s.marker_length = static_cast<int>(core::count_code_points(marker_norm));
      size_t pos = 0;
      for (int k = 0; k < s.marker_length && pos < text.size(); ++k)
        core::next_code_point(text, &pos);
      s.marker = text.substr(0, pos);
      return s;
    }
  }
  return std::nullopt;
}

void add_point(const layout::Block& block, const PointStart& start, const RuleSet& rules,
               std::vector<Point>* points) {
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
    pt.heading = body;
  } else {
    pt.heading = body.substr(0, heading_end);
    pt.text = std::string(core::trim(std::string_view(body).substr(rest_begin)));
  }
  // Nest under the last point whose level is lower.
  std::vector<Point>* siblings = points;
  while (!siblings->empty() && level_of(siblings->back().marker, rules) < start.level) {
    siblings->back().last_line = pt.last_line;
    siblings = &siblings->back().points;
  }
  pt.n = static_cast<int>(siblings->size()) + 1;
  siblings->push_back(std::move(pt));
}

}  // namespace jianbao::structure
