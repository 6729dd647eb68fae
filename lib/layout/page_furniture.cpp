#include "layout/page_furniture.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>
#include <vector>

#include "core/icu_regex.h"
#include "core/u16_text.h"
#include "core/utf8.h"
#include "ruleset/rule_set.h"

namespace jianbao::layout {
namespace {

// Whole-line patterns (page numbers, separators) run over every line of a document: one matcher
// per pattern for all the lines.
class WholeLineMatcher {
 public:
  WholeLineMatcher(const std::vector<PatternRule>& patterns, int time_limit) {
    for (const PatternRule& p : patterns) matchers_.push_back(p.regex.new_matcher(time_limit));
  }

  bool empty() const { return matchers_.empty(); }

  // Whether one of the patterns, tried in order, matches the whole of `line` (width-normalised
  // UTF-16, which must outlive the next call).
  bool any_matches(const icu::UnicodeString& line) {
    for (auto& m : matchers_) {
      m->reset(line);  // also restarts the time limit
      UErrorCode status = U_ZERO_ERROR;
      if (m->matches(status) && U_SUCCESS(status)) return true;
    }
    return false;
  }

 private:
  std::vector<std::unique_ptr<icu::RegexMatcher>> matchers_;
};

// Index of the next line that is not removed, or lines.size().
size_t next_kept(const std::vector<Line>& lines, size_t i) {
  for (size_t j = i + 1; j < lines.size(); ++j) {
    if (!lines[j].removed) return j;
  }
  return lines.size();
}

// Index of the previous line that is not removed, or npos.
size_t prev_kept(const std::vector<Line>& lines, size_t i) {
  for (size_t j = i; j-- > 0;) {
    if (!lines[j].removed) return j;
  }
  return static_cast<size_t>(-1);
}

// Whether masthead facts (第N期, 总第N期, a date) stand in the lines after `i`.
bool masthead_follows(const std::vector<Line>& ls, size_t i, const RuleSet& rules) {
  const MastheadRules& m = rules.structure.masthead;
  int seen = 0;
  for (size_t j = next_kept(ls, i); j < ls.size() && seen < m.max_lines;
       j = next_kept(ls, j), ++seen) {
    const std::string norm = core::normalize_width(ls[j].text);
    for (const core::Regex* re : {&m.issue, &m.total_issue, &m.date}) {
      core::Match match(*re, norm, rules.layout.regex_time_limit);
      if (match.find()) return true;
    }
  }
  return false;
}

}  // namespace

PageGeometry measure_geometry(const std::vector<Line>& lines, const RuleSet& rules) {
  const LayoutRules& r = rules.layout;
  // Widths of lines that run on (no sentence end): full lines and indented first lines.
  std::map<int, int> by_width;
  int running_on = 0;
  for (const Line& l : lines) {
    if (l.removed || l.ends_sentence) continue;
    ++by_width[l.width];
    ++running_on;
  }
  PageGeometry geo;
  // Full lines vary by a column or two with digits and punctuation: chain widths seen at least
  // twice into clusters, and take the widest cluster big enough to be the text width.
  std::vector<std::pair<int, int>> seen;  // width, count; widest first
  for (auto it = by_width.rbegin(); it != by_width.rend(); ++it) {
    if (it->second >= 2) seen.emplace_back(it->first, it->second);
  }
  size_t i = 0;
  while (i < seen.size()) {
    size_t j = i + 1;
    int total = seen[i].second;
    while (j < seen.size() && seen[j].first >= seen[j - 1].first - 1) total += seen[j++].second;
    if (total >= r.min_full_lines) {
      int best = 0;
      for (size_t k = i; k < j; ++k) {
        if (seen[k].second > best) {
          best = seen[k].second;
          geo.full_width = seen[k].first;
        }
      }
      break;
    }
    i = j;
  }
  if (geo.full_width == 0) return geo;
  // An indented first line is a little narrower than a full one: the commonest width in the
  // top quarter below full.
  int indent_count = 0;
  for (const auto& [w, n] : by_width) {
    if (w * 4 >= geo.full_width * 3 && w < geo.full_width - r.full_line_slack && n > indent_count) {
      indent_count = n;
      geo.indent_width = w;
    }
  }
  if (indent_count < r.min_indent_lines) geo.indent_width = 0;
  // Wrapped text: most lines that run on are full or indented.
  const int floor = geo.indent_width > 0 ? geo.indent_width - r.indent_tolerance
                                         : geo.full_width - r.full_line_slack;
  int wrapped_lines = 0;
  for (const auto& [w, n] : by_width) {
    if (w >= floor) wrapped_lines += n;
  }
  geo.wrapped =
      running_on > 0 && static_cast<double>(wrapped_lines) / running_on >= r.min_wrapped_share;
  return geo;
}

void remove_page_numbers_and_separators(std::vector<Line>* lines, const RuleSet& rules,
                                        CleanText* out) {
  const LayoutRules& r = rules.layout;
  icu::UnicodeString line;  // the matchers refer to it, so it is declared (and outlives) first
  WholeLineMatcher page_numbers(r.page_numbers, r.regex_time_limit);
  WholeLineMatcher separators(r.separators, r.regex_time_limit);
  if (page_numbers.empty() && separators.empty()) return;
  // Separators are recorded after all page numbers, as when they were two passes.
  std::vector<Removed> separator_lines;
  for (size_t i = 0; i < lines->size(); ++i) {
    Line& l = (*lines)[i];
    core::to_normalized_u16(l.raw, &line);  // once for both kinds
    if (page_numbers.any_matches(line)) {
      l.removed = true;
      out->removed.push_back({"page_number", l.number, l.raw});
      if (i + 1 < lines->size()) (*lines)[i + 1].page_start = true;
    } else if (separators.any_matches(line)) {
      l.removed = true;
      separator_lines.push_back({"separator", l.number, l.raw});
    }
  }
  out->removed.insert(out->removed.end(), std::make_move_iterator(separator_lines.begin()),
                      std::make_move_iterator(separator_lines.end()));
}

void remove_running_lines(std::vector<Line>* lines, const PageGeometry& geo, const RuleSet& rules,
                          CleanText* out) {
  const LayoutRules& r = rules.layout;
  std::vector<Line>& ls = *lines;
  const double max_width = geo.wrapped ? r.running_header_max_share * geo.full_width
                                       : static_cast<double>(r.max_title_width);
  auto is_short = [&](const Line& l) { return l.width <= max_width; };
  // Boundary positions: the first line of each page after the first, and the last line before.
  std::vector<std::pair<size_t, bool>> boundary;  // index, at page top
  bool seen_page_break = false;
  for (size_t i = 0; i < ls.size(); ++i) {
    if (ls[i].removed || !ls[i].page_start) continue;
    if (i == 0 || prev_kept(ls, i) == static_cast<size_t>(-1)) continue;  // the first page
    seen_page_break = true;
    boundary.emplace_back(i, true);
    boundary.emplace_back(prev_kept(ls, i), false);
  }
  if (!seen_page_break) return;
  // The first page's top line repeats the bulletin's name too; but where a masthead follows it
  // (第N期, a date) it is the masthead's title and stays.
  const size_t first = next_kept(ls, static_cast<size_t>(-1));
  if (first < ls.size() && !masthead_follows(ls, first, rules)) boundary.emplace_back(first, true);
  // 1. Lines repeated at page boundaries are headers (top) or footers (bottom).
  // Each line counts once: on a one-line page it is both the top and the bottom (kept as top).
  std::sort(boundary.begin(), boundary.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second > b.second;
  });
  boundary.erase(std::unique(boundary.begin(), boundary.end(),
                             [](const auto& a, const auto& b) { return a.first == b.first; }),
                 boundary.end());
  std::map<std::string, int> repeats;
  for (const auto& [i, top] : boundary) {
    if (is_short(ls[i])) ++repeats[ls[i].text];
  }
  for (const auto& [i, top] : boundary) {
    const bool repeated = repeats[ls[i].text] >= r.min_repeats;
    if (ls[i].removed || !repeated || !is_short(ls[i])) continue;
    ls[i].removed = true;
    out->removed.push_back({top ? "running_header" : "footer", ls[i].number, ls[i].raw});
    // A page whose header went away starts at the next kept line.
    if (top) {
      const size_t n = next_kept(ls, i);
      if (n < ls.size()) ls[n].page_start = true;
    }
  }
  // 2. A short line just before a page start that interrupts a sentence: the section name
  //    printed on the page, landed mid-sentence by the extraction.
  size_t page_first = 0;
  for (size_t i = 0; i < ls.size(); ++i) {
    if (ls[i].removed) continue;
    if (ls[i].page_start) page_first = i;
    const size_t next = next_kept(ls, i);
    const size_t prev = prev_kept(ls, i);
    if (next >= ls.size() || !ls[next].page_start || prev == static_cast<size_t>(-1)) continue;
    const Line& p = ls[prev];
    const bool prev_runs_on =
        !p.ends_sentence &&
        (!geo.wrapped || p.width >= geo.full_width - r.full_line_slack ||
         (geo.indent_width > 0 && p.width >= geo.indent_width - r.indent_tolerance));
    if (!is_short(ls[i]) || ls[i].ends_sentence || !prev_runs_on) continue;
    ls[i].removed = true;
    out->removed.push_back({"running_header", ls[i].number, ls[i].raw});
    out->page_sections.push_back({ls[page_first].number, ls[i].text, ls[i].number});
  }
  std::sort(out->removed.begin(), out->removed.end(),
            [](const Removed& a, const Removed& b) { return a.line < b.line; });
}

}  // namespace jianbao::layout
