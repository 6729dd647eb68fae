#include "layout/page_furniture.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include "core/icu_regex.h"
#include "core/u16_text.h"
#include "core/utf8.h"
#include "layout/first_char_memo.h"
#include "ruleset/rule_set.h"

namespace jianbao::layout {
namespace {

// The first code point of a line as the rules match it (width-normalised), for the patterns'
// first-character tests; npos-like kNoFirst for an empty text, which no pattern that restricts
// its first character matches.
constexpr char32_t kNoFirst = 0x110000;
char32_t first_normalized(std::string_view text) {
  if (text.empty()) return kNoFirst;
  size_t pos = 0;
  return core::normalize_width(core::next_code_point(text, &pos));
}

// Whole-line patterns (page numbers, separators) run over every line of a document: one matcher
// per pattern for all the lines. A pattern whose matches cannot open with the line's first code
// point (core::Regex::may_open_with) is not run: most lines are tested, and copied to UTF-16,
// for none.
class WholeLineMatcher {
 public:
  // The matchers are made when first needed: most lines are tested by none.
  WholeLineMatcher(const std::vector<PatternRule>& patterns, int time_limit)
      : matchers_(patterns.size()), time_limit_(time_limit) {
    for (const PatternRule& p : patterns) {
      regexes_.push_back(&p.regex);
      openings_.push_back(PatternOpenings::of(p.regex));
    }
  }

  bool empty() const { return regexes_.empty(); }

  // Whether one of the patterns may match a line opening with `first` (first_normalized).
  bool may_match(char32_t first) {
    return may_open_.get(first, [&](char32_t c) {
      return std::any_of(openings_.begin(), openings_.end(),
                         [&](const std::shared_ptr<PatternOpenings>& o) {
                           return c == kNoFirst || o->may_open_with(c);
                         });
    });
  }

  // Whether one of the patterns, tried in order, matches the whole of `line` (width-normalised
  // UTF-16, which must outlive the next call), whose first code point is `first`.
  bool any_matches(const icu::UnicodeString& line, char32_t first) {
    for (size_t k = 0; k < matchers_.size(); ++k) {
      if (first != kNoFirst && !openings_[k]->may_open_with(first)) continue;
      auto& m = matchers_[k];
      if (m == nullptr) m = regexes_[k]->new_matcher(time_limit_);
      m->reset(line);  // also restarts the time limit
      UErrorCode status = U_ZERO_ERROR;
      if (m->matches(status) && U_SUCCESS(status)) return true;
    }
    return false;
  }

 private:
  std::vector<const core::Regex*> regexes_;
  std::vector<std::shared_ptr<PatternOpenings>> openings_;
  std::vector<std::unique_ptr<icu::RegexMatcher>> matchers_;  // null until first used
  int time_limit_ = 0;
  FirstCharMemo may_open_;
};

// Index of the next line that is not removed, or lines.size().
size_t next_kept(const std::vector<Line>& lines, size_t i) {
  for (size_t j = i + 1; j < lines.size(); ++j) {
    if (!lines[j].removed) return j;
  }
  return lines.size();
}

// A page whose first line went away (a header, a page number) starts at the next kept line.
void start_page_after(std::vector<Line>* lines, size_t i) {
  const size_t n = next_kept(*lines, i);
  if (n < lines->size()) (*lines)[n].page_start = true;
}

// Index of the previous line that is not removed, or npos.
size_t prev_kept(const std::vector<Line>& lines, size_t i) {
  for (size_t j = i; j-- > 0;) {
    if (!lines[j].removed) return j;
  }
  return static_cast<size_t>(-1);
}

// The text without its spaces (ASCII, tabs and U+3000), copied in runs between them. A space
// byte or the lead byte E3 is never inside another sequence, so the bytes found are exactly the
// spaces next_code_point reads, malformed text too.
std::string squeezed(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    size_t len = 0;
    if (c == ' ' || c == '\t') {
      len = 1;
    } else if (c == '\xE3' && i + 2 < text.size() && text[i + 1] == '\x80' &&
               text[i + 2] == '\x80') {
      len = 3;
    } else {
      continue;
    }
    out.append(text, run, i - run);
    i += len - 1;
    run = i + 1;
  }
  out.append(text, run, text.size() - run);
  return out;
}

// Whether masthead facts (第N期, 总第N期, a date) stand in the lines after `i`.
bool masthead_follows(const std::vector<Line>& ls, size_t i, const RuleSet& rules) {
  const MastheadRules& m = rules.structure.masthead;
  int seen = 0;
  for (size_t j = next_kept(ls, i); j < ls.size() && seen < m.max_lines;
       j = next_kept(ls, j), ++seen) {
    const std::string norm = core::normalize_width(ls[j].text);
    for (const core::Regex* re : {&m.issue, &m.total_issue, &m.date}) {
      if (!re->may_match(norm)) continue;  // lacks an ideograph every match holds
      core::Match match(*re, norm, rules.layout.regex_time_limit);
      if (match.find()) return true;
    }
  }
  return false;
}

// Widths of lines that run on, widest first, with their counts: chained into clusters below.
using SeenWidths = std::vector<std::pair<int, int>>;

// Full lines vary by a column or two with digits and punctuation: the cluster that starts at
// seen[begin] chains each next width at most full_width_chain_gap columns narrower, spanning at
// most full_width_cluster_span columns below its widest width.
struct WidthCluster {
  size_t begin = 0;
  size_t end = 0;
  int lines = 0;
};
WidthCluster cluster_at(const SeenWidths& seen, size_t begin, const LayoutRules& r) {
  WidthCluster c{begin, begin + 1, seen[begin].second};
  while (c.end < seen.size() &&
         seen[c.end].first >= seen[c.end - 1].first - r.full_width_chain_gap &&
         seen[c.end].first >= seen[begin].first - r.full_width_cluster_span) {
    c.lines += seen[c.end++].second;
  }
  return c;
}

// The text width of a cluster: the widest width held by at least full_width_min_share of as
// many lines as the commonest one. Lines fall short of the text width, never beyond it, and
// indented first lines (a cluster may hold them too) are as common as full lines.
int commonest_width(const SeenWidths& seen, const WidthCluster& c, const LayoutRules& r) {
  int best = 0;
  for (size_t k = c.begin; k < c.end; ++k) best = std::max(best, seen[k].second);
  for (size_t k = c.begin; k < c.end; ++k) {
    if (seen[k].second >= r.full_width_min_share * best) return seen[k].first;
  }
  return 0;
}

// The widest cluster big enough to be the text width; its commonest width, or 0. A width seen
// once counts too: in a short bulletin the full lines may all differ by a column.
int clustered_full_width(const SeenWidths& seen, const LayoutRules& r) {
  for (size_t i = 0; i < seen.size();) {
    const WidthCluster c = cluster_at(seen, i, r);
    if (c.lines >= r.min_full_lines) return commonest_width(seen, c, r);
    i = c.end;
  }
  return 0;
}

// Why `width` cannot be the text width, or nullptr. A handful of equal short lines (headings of
// one width) is no text width: a wrapped line is never narrower than min_full_width, and lines
// wider than it contradict it. Sets *overwide to the number of lines wider.
const char* rejects_full_width(int width, const std::vector<int>& all_widths, const LayoutRules& r,
                               int* overwide) {
  *overwide = 0;
  if (width == 0) return "no width shared by enough lines that run on";
  for (int w : all_widths) {
    if (w > width + r.unindented_full_line_slack) ++*overwide;
  }
  if (width < r.min_full_width) {
    return "the commonest width of lines that run on is too narrow for a text width";
  }
  if (static_cast<double>(*overwide) >
      r.max_overwide_share * static_cast<double>(all_widths.size())) {
    return "too many lines are wider than the candidate text width";
  }
  return nullptr;
}

// The weak evidence of a short text (layout.yaml, min_widest_running_lines): its widest lines
// run on, as wrapped lines do; an unwrapped text's widest lines are paragraphs, which end a
// sentence and are far wider. `seen` as for clustered_full_width. A line or two set in a smaller
// type (a distribution list's) may run on wider than the text: a width that too few lines run
// on at is passed over, while the widest line stays within max_overwide_ratio of the next ones.
// Sets *full_width to the commonest width of the cluster when the evidence holds.
bool widest_lines_run_on(const SeenWidths& seen, const std::vector<int>& all_widths,
                         const LayoutRules& r, int* full_width) {
  if (seen.empty() || r.min_widest_running_lines <= 0) return false;
  const int widest = *std::max_element(all_widths.begin(), all_widths.end());
  for (size_t i = 0; i < seen.size();) {
    const WidthCluster c = cluster_at(seen, i, r);
    const int top = seen[i].first;
    if (widest > top + r.unindented_full_line_slack &&
        static_cast<double>(widest) > r.max_overwide_ratio * top) {
      return false;  // a far wider line ends a sentence
    }
    const int bottom = seen[c.end - 1].first;
    const auto that_wide = std::count_if(all_widths.begin(), all_widths.end(), [&](int w) {
      return w >= bottom && w <= top + r.unindented_full_line_slack;
    });
    if (c.lines >= r.min_widest_running_lines &&
        static_cast<double>(c.lines) >=
            r.min_widest_running_share * static_cast<double>(that_wide)) {
      *full_width = commonest_width(seen, c, r);
      return true;
    }
    if (c.lines >= r.min_widest_running_lines) return false;
    i = c.end;
  }
  return false;
}

// The lines of a bulletin's tail, told apart at a page's foot: one matcher per pattern for all
// the lines looked at (a document's page boundaries), each line converted once.
class TailLineMatcher {
 public:
  // The matchers are made when first needed: a document without pages needs none.
  explicit TailLineMatcher(const RuleSet& rules)
      : rules_(rules),
        date_regex_(rules.structure.masthead.date),
        date_openings_(PatternOpenings::of(rules.structure.masthead.date)) {}

  // The line opens with a date: the line before it on its page is an office signing
  // ("某省人民政府办公厅" / "2022年9月28日") or issuing ("…" / "2022年9月28日印发"), printed at a
  // page's foot as often as the bulletin has a signature and a colophon, never a footer.
  bool opens_with_date(const Line& l) {
    if (!date_may_open(l.text)) return false;
    core::to_normalized_u16(l.text, &text_);
    return date_opens();
  }

  // A line of a bulletin's tail: a date (the signature's) or a colophon line
  // ("编辑：张某　审核：李某").
  bool is_tail_line(const Line& l) {
    core::to_normalized_u16(l.text, &text_);
    if (date_may_open(l.text) && date_opens()) return true;
    if (colophon_.empty()) {
      for (const PatternRule& p : rules_.structure.colophon) {
        colophon_.push_back(p.regex.new_matcher(rules_.layout.regex_time_limit));
      }
    }
    for (auto& m : colophon_) {
      m->reset(text_);  // also restarts the time limit
      UErrorCode status = U_ZERO_ERROR;
      if (m->find(status) && U_SUCCESS(status)) return true;
    }
    return false;
  }

  // The line reads as a bulletin's name ("安全生产工作动态", letter-spaced or not): printed atop a
  // page, it is the page's running header, even over the signature's date; an office signs, a
  // bulletin never.
  bool names_bulletin(const Line& l) {
    core::to_normalized_u16(squeezed(l.text), &text_);
    if (title_ == nullptr) {
      title_ = rules_.structure.masthead.title.new_matcher(rules_.layout.regex_time_limit);
    }
    title_->reset(text_);
    UErrorCode status = U_ZERO_ERROR;
    return title_->matches(status) && U_SUCCESS(status);
  }

  // The next kept line after line i on the same page opens with a date.
  bool dated_next(const std::vector<Line>& ls, size_t i) {
    const size_t n = next_kept(ls, i);
    return n < ls.size() && !ls[n].page_start && opens_with_date(ls[n]);
  }

 private:
  // Whether a date may open `text`: most lines open with no digit a date can start with.
  bool date_may_open(std::string_view text) const {
    const char32_t first = first_normalized(text);
    return first == kNoFirst || date_openings_->may_open_with(first);
  }

  bool date_opens() {
    if (date_ == nullptr) date_ = date_regex_.new_matcher(rules_.layout.regex_time_limit);
    date_->reset(text_);
    UErrorCode status = U_ZERO_ERROR;
    return date_->lookingAt(status) && U_SUCCESS(status);
  }

  const RuleSet& rules_;
  const core::Regex& date_regex_;
  std::shared_ptr<PatternOpenings> date_openings_;
  icu::UnicodeString text_;  // the matchers refer to it: declared (and so outliving them) first
  std::unique_ptr<icu::RegexMatcher> date_;
  std::unique_ptr<icu::RegexMatcher> title_;
  std::vector<std::unique_ptr<icu::RegexMatcher>> colophon_;
};

}  // namespace

PageGeometry measure_geometry(const std::vector<Line>& lines, const RuleSet& rules) {
  const LayoutRules& r = rules.layout;
  PageGeometry geo;
  // Widths of lines that run on (no sentence end): full lines and indented first lines. Measured
  // without extraction spaces: pdftotext's "2024 年 4 月" would widen a full line by columns.
  std::map<int, int> by_width;
  std::vector<int> all_widths;
  std::vector<int> running_widths;
  for (const Line& l : lines) {
    if (l.removed || l.spread) continue;  // a spread line's width is set by its gap
    ++geo.lines;
    all_widths.push_back(l.fixed_width);
    if (l.ends_sentence) continue;
    ++by_width[l.fixed_width];
    running_widths.push_back(l.fixed_width);
  }
  const SeenWidths seen(by_width.rbegin(), by_width.rend());
  const int clustered = clustered_full_width(seen, r);
  const char* why_not = rejects_full_width(clustered, all_widths, r, &geo.overwide);
  geo.full_width = clustered;
  // A short bulletin has too few full lines for a cluster (or a cluster of titles and first
  // lines below them), but its widest lines still run on.
  bool weak = false;
  if (why_not != nullptr) {
    int widest = 0;
    int overwide = 0;
    if (widest_lines_run_on(seen, all_widths, r, &widest) &&
        rejects_full_width(widest, all_widths, r, &overwide) == nullptr) {
      weak = true;
      why_not = nullptr;
      geo.full_width = widest;
      geo.overwide = overwide;
    }
  }
  if (why_not != nullptr) {
    geo.running_on = static_cast<int>(running_widths.size());
    geo.reason = why_not;
    geo.full_width = 0;
    return geo;
  }
  // An indented first line is a little narrower than a full one: the commonest width in the
  // top quarter below full.
  int indent_count = 0;
  for (const auto& [w, n] : by_width) {
    const bool near = r.max_indent_columns == 0 || w >= geo.full_width - r.max_indent_columns;
    if (w * 4 >= geo.full_width * 3 && w < geo.full_width - r.full_line_slack && near &&
        n > indent_count) {
      indent_count = n;
      geo.indent_width = w;
    }
  }
  if (indent_count < r.min_indent_lines) geo.indent_width = 0;
  // Without indented first lines nothing but its width tells a full line: it may fall further
  // short (layout.yaml, unindented_full_line_slack).
  geo.full_slack = geo.indent_width > 0 ? r.full_line_slack : r.unindented_full_line_slack;
  // Wrapped text: most lines that run on are full or indented.
  const int floor = geo.indent_width > 0 ? geo.indent_width - r.indent_tolerance
                                         : geo.full_width - geo.full_slack;
  for (const auto& [w, n] : by_width) {
    if (w >= floor) geo.wrapped_lines += n;
  }
  // Only long lines weigh: short ones (titles, headings, furniture) end no wrapped line.
  for (int w : running_widths) {
    if (w >= r.long_line_share * geo.full_width) ++geo.running_on;
  }
  if (weak) {
    // Titles are a large share of a short text's long lines: the share would outvote the few
    // full lines that run on.
    geo.wrapped = true;
    geo.reason = "few lines, but the widest of them run on";
    return geo;
  }
  geo.wrapped = geo.running_on > 0 &&
                static_cast<double>(geo.wrapped_lines) / geo.running_on >= r.min_wrapped_share;
  geo.reason = geo.wrapped ? "most lines that run on are full or indented"
                           : "too few lines that run on are full or indented";
  return geo;
}

Diagnostic geometry_diagnostic(const PageGeometry& geo) {
  Diagnostic d;
  d.severity = "note";
  d.stage = "layout";
  d.rule_id = "line_width_model";
  const double share =
      geo.running_on > 0 ? static_cast<double>(geo.wrapped_lines) / geo.running_on : 0.0;
  if (geo.wrapped) {
    d.message = fmt::format(
        "wrapped text, {} columns a line: {} of {} long lines that run on are full or indented "
        "({:.0f}%), {} of {} lines wider ({})",
        geo.full_width, geo.wrapped_lines, geo.running_on, 100 * share, geo.overwide, geo.lines,
        geo.reason);
  } else {
    d.message = fmt::format(
        "one paragraph per line: {} of {} lines run on, {} wider than the commonest width ({})",
        geo.running_on, geo.lines, geo.overwide, geo.reason);
  }
  return d;
}

namespace {

// The kept lines of the furniture zone at a page's foot (the short lines before `end`, which
// starts a page or is the end of the text) or head (from `begin`), in text order.
std::vector<size_t> page_zone(const std::vector<Line>& ls, size_t at, bool foot,
                              const LayoutRules& r) {
  std::vector<size_t> zone;
  if (foot) {
    for (size_t j = at; j-- > 0 && static_cast<int>(zone.size()) < r.page_zone_max_lines;) {
      if (ls[j].removed) continue;
      if (ls[j].width > r.page_zone_max_width || ls[j].ends_sentence) break;
      zone.insert(zone.begin(), j);
      if (ls[j].page_start) break;
    }
  } else {
    for (size_t j = at; j < ls.size() && static_cast<int>(zone.size()) < r.page_zone_max_lines;
         ++j) {
      if (ls[j].removed) continue;
      if (ls[j].width > r.page_zone_max_width || ls[j].ends_sentence) break;
      if (j > at && ls[j].page_start) break;
      zone.push_back(j);
    }
  }
  return zone;
}

// Whether lines `pieces`, joined with a space, match one of `matcher`'s patterns whole.
bool joined_matches(const std::vector<Line>& ls, const std::vector<size_t>& pieces,
                    WholeLineMatcher* matcher, icu::UnicodeString* u16) {
  std::string joined;
  for (const size_t j : pieces) {
    if (!joined.empty()) joined += ' ';
    joined += ls[j].raw;
  }
  const char32_t first = first_normalized(joined);
  if (!matcher->may_match(first)) return false;
  core::to_normalized_u16(joined, u16);
  return matcher->any_matches(*u16, first);
}

// The pieces of a page number that pdftotext split around the table above it (layout.yaml,
// page_number_table_max_lines): the short lines before `end` (a page start or the text's end),
// their first and last pieces joined. Returns the pieces, or nothing.
std::vector<size_t> pieces_around_table(const std::vector<Line>& ls, size_t end,
                                        const LayoutRules& r, WholeLineMatcher* page_numbers,
                                        icu::UnicodeString* u16) {
  std::vector<size_t> run;  // kept lines, in text order
  for (size_t j = end; j-- > 0;) {
    if (ls[j].removed) continue;
    if (ls[j].width > r.page_zone_max_width || ls[j].ends_sentence || ls[j].page_start) break;
    if (static_cast<int>(run.size()) == r.page_number_table_max_lines) return {};
    run.push_back(j);
  }
  std::reverse(run.begin(), run.end());
  const auto most = static_cast<size_t>(r.page_number_max_split_lines);
  if (run.size() <= most) return {};  // no table between: the zone's own search saw them
  auto piece = [&](size_t j) { return ls[j].width <= r.page_number_piece_max_width; };
  for (size_t head = 1; head < most; ++head) {
    for (size_t tail = 1; head + tail <= most; ++tail) {
      std::vector<size_t> pieces(run.begin(), run.begin() + static_cast<std::ptrdiff_t>(head));
      pieces.insert(pieces.end(), run.end() - static_cast<std::ptrdiff_t>(tail), run.end());
      if (std::all_of(pieces.begin(), pieces.end(), piece) &&
          joined_matches(ls, pieces, page_numbers, u16)) {
        return pieces;
      }
    }
  }
  return {};
}

// A page number whose pieces a footer or header splits ("—" / "内部资料" / "注意保存" / "1" /
// "—"), or a bare number at a page's head: found in the furniture zones of each page.
void remove_zone_page_numbers(std::vector<Line>* lines, const LayoutRules& r,
                              WholeLineMatcher* page_numbers, WholeLineMatcher* page_end_numbers,
                              icu::UnicodeString* u16, CleanText* out) {
  std::vector<Line>& ls = *lines;
  if (r.page_zone_max_lines <= 0) return;
  std::vector<std::pair<size_t, bool>> zones;  // where, foot
  zones.emplace_back(0, false);                // the first page's head
  for (size_t i = 1; i < ls.size(); ++i) {
    if (ls[i].page_start) {
      zones.emplace_back(i, true);
      zones.emplace_back(i, false);
    }
  }
  zones.emplace_back(ls.size(), true);
  for (const auto& [at, foot] : zones) {
    const std::vector<size_t> zone = page_zone(ls, at, foot, r);
    std::vector<size_t> pieces;
    for (size_t j : zone) {
      if (ls[j].width <= r.page_number_piece_max_width) pieces.push_back(j);
    }
    if (pieces.empty()) continue;
    WholeLineMatcher* whole = pieces.size() >= 2 ? page_numbers : page_end_numbers;
    bool found = joined_matches(ls, pieces, whole, u16);
    if (!found && pieces.size() >= 2) {
      // A bare number at the page's very edge, other short lines next to it ("1" over the
      // masthead's "秘密★"): the number alone.
      const size_t edge = foot ? zone.back() : zone.front();
      const char32_t edge_first = first_normalized(ls[edge].raw);
      if (page_end_numbers->may_match(edge_first)) {
        core::to_normalized_u16(ls[edge].raw, u16);
        if (page_end_numbers->any_matches(*u16, edge_first)) {
          pieces = {edge};
          found = true;
        }
      }
    }
    if (!found && foot && r.page_number_table_max_lines > 0) {
      pieces = pieces_around_table(ls, at, r, page_numbers, u16);
      found = !pieces.empty();
    }
    if (!found) continue;
    bool started_page = false;
    for (size_t j : pieces) {
      started_page = started_page || ls[j].page_start;
      ls[j].removed = true;
      out->removed.push_back({"page_number", ls[j].number, std::string(ls[j].raw)});
    }
    // A number that opened its page ("\f2") leaves the page to the next kept line, so the
    // footers above it and the headers below are still seen at a page boundary.
    if (started_page) start_page_after(&ls, pieces.back());
  }
}

}  // namespace

void remove_page_numbers_and_separators(std::vector<Line>* lines, const RuleSet& rules,
                                        CleanText* out) {
  const LayoutRules& r = rules.layout;
  icu::UnicodeString line;  // the matchers refer to it, so it is declared (and outlives) first
  WholeLineMatcher page_numbers(r.page_numbers, r.regex_time_limit);
  WholeLineMatcher page_end_numbers(r.page_end_numbers, r.regex_time_limit);
  WholeLineMatcher separators(r.separators, r.regex_time_limit);
  if (page_numbers.empty() && separators.empty() && page_end_numbers.empty()) return;
  std::vector<Line>& ls = *lines;
  auto remove_page_number = [&](size_t from, size_t to) {
    for (size_t k = from; k < to; ++k) {
      ls[k].removed = true;
      out->removed.push_back({"page_number", ls[k].number, std::string(ls[k].raw)});
    }
    // The next line starts a page, unless the number stands at a page's foot: a form feed (or
    // the end of the text) follows within the foot zone, past a footer's short lines ("第1页" /
    // "内部资料" / "注意保存").
    for (size_t j = to; static_cast<int>(j - to) <= r.page_zone_max_lines; ++j) {
      if (j >= ls.size() || ls[j].page_start) return;
      if (ls[j].width > r.page_zone_max_width || ls[j].ends_sentence) break;
    }
    ls[to].page_start = true;
  };
  // Separators are recorded after all page numbers, as when they were two passes.
  std::vector<Removed> separator_lines;
  for (size_t i = 0; i < ls.size(); ++i) {
    Line& l = ls[i];
    // A bare number is a page number only where a page ends: before a page start or at the end.
    const bool page_ends = i + 1 >= ls.size() || ls[i + 1].page_start;
    const char32_t first = first_normalized(l.raw);
    const bool numbers = page_numbers.may_match(first);
    if (numbers || separators.may_match(first) ||
        (page_ends && page_end_numbers.may_match(first))) {
      core::to_normalized_u16(l.raw, &line);  // once for all kinds
      if (numbers && page_numbers.any_matches(line, first)) {
        remove_page_number(i, i + 1);
        continue;
      }
      if (separators.any_matches(line, first)) {
        l.removed = true;
        separator_lines.push_back({"separator", l.number, std::string(l.raw)});
        continue;
      }
      if (page_ends && page_end_numbers.any_matches(line, first)) {
        remove_page_number(i, i + 1);
        continue;
      }
    }
    // "— 5 —" printed as three lines ("—", "5", "—"): short pieces joined, then matched whole
    // (opening with this line's first character).
    if (l.width > r.page_number_piece_max_width || !numbers) continue;
    std::string joined(l.raw);
    for (size_t n = 1; n < static_cast<size_t>(r.page_number_max_split_lines) &&
                       i + n < ls.size() && ls[i + n].width <= r.page_number_piece_max_width;
         ++n) {
      joined += ' ';
      joined += ls[i + n].raw;
      core::to_normalized_u16(joined, &line);
      if (page_numbers.any_matches(line, first)) {
        remove_page_number(i, i + n + 1);
        i += n;
        break;
      }
    }
  }
  remove_zone_page_numbers(&ls, r, &page_numbers, &page_end_numbers, &line, out);
  out->removed.insert(out->removed.end(), std::make_move_iterator(separator_lines.begin()),
                      std::make_move_iterator(separator_lines.end()));
}

namespace {

// The section titles the document's heading lines announce (the `title` group of a section
// pattern), with the line that announces each.
std::map<std::string, size_t> section_titles(const std::vector<Line>& ls, const RuleSet& rules) {
  std::map<std::string, size_t> out;
  icu::UnicodeString u16;  // the matcher refers to it, so it outlives the matcher
  std::vector<char32_t> firsts(ls.size());
  for (size_t i = 0; i < ls.size(); ++i) firsts[i] = first_normalized(ls[i].text);
  for (const PatternRule& p : rules.structure.sections) {
    const int group = p.regex.group("title");
    if (group < 0) continue;
    // One matcher per pattern for every line: making one costs more than most matches.
    const auto m = p.regex.new_matcher(rules.layout.regex_time_limit);
    const std::shared_ptr<PatternOpenings> openings = PatternOpenings::of(p.regex);
    for (size_t i = 0; i < ls.size(); ++i) {
      if (ls[i].removed || ls[i].ends_sentence || !openings->may_open_with(firsts[i]) ||
          !p.regex.may_match(ls[i].text)) {
        continue;
      }
      core::to_normalized_u16(ls[i].text, &u16);
      m->reset(u16);  // also restarts the time limit
      UErrorCode status = U_ZERO_ERROR;
      if (m->matches(status) && U_SUCCESS(status)) {
        out.emplace(std::string(core::trim(core::group_text(*m, group))), i);
      }
    }
  }
  return out;
}

// The furniture line a page number is glued to ("-2内部资料": "内部资料", squeezed), or "" when
// line l holds no glued page number (layout.yaml, glued_page_number_patterns).
std::string glued_page_number_rest(const Line& l, const LayoutRules& r) {
  if (r.glued_page_numbers.empty()) return "";
  // The patterns match whole lines: most open with no character a glued number opens with.
  const char32_t first = first_normalized(l.text);
  const auto may_open = [&](const PatternRule& p) {
    return first == kNoFirst || PatternOpenings::of(p.regex)->may_open_with(first);
  };
  if (std::none_of(r.glued_page_numbers.begin(), r.glued_page_numbers.end(), may_open)) return "";
  const std::string norm = core::normalize_width(l.text);
  for (const PatternRule& p : r.glued_page_numbers) {
    if (!may_open(p)) continue;
    core::Match m(p.regex, norm, r.regex_time_limit);
    if (m.matches()) return squeezed(m.group("rest"));
  }
  return "";
}

// A note line ("内部资料", "内部资料　注意保存": the masthead's note pattern) in a page's foot zone
// is the page's footer, even printed once (a one-page bulletin has no second page to repeat it):
// atop the first page it is the masthead's note, at a page's foot it is never text. A zone that
// reaches up to its page's first line is the whole page, no foot.
void remove_foot_notes(std::vector<Line>* lines, const RuleSet& rules, CleanText* out) {
  std::vector<Line>& ls = *lines;
  const LayoutRules& r = rules.layout;
  if (r.page_zone_max_lines <= 0) return;
  const size_t first = next_kept(ls, static_cast<size_t>(-1));
  std::vector<size_t> ends;  // where a page's foot zone ends: a page start, or the text's end
  for (size_t i = 1; i < ls.size(); ++i) {
    if (ls[i].page_start && !ls[i].removed) ends.push_back(i);
  }
  ends.push_back(ls.size());
  for (size_t end : ends) {
    const std::vector<size_t> zone = page_zone(ls, end, true, r);
    if (zone.empty() || zone.front() == first || ls[zone.front()].page_start) continue;
    for (size_t j : zone) {
      // A page number glued to the note ("-2内部资料") goes with it.
      const std::string glued = glued_page_number_rest(ls[j], r);
      const std::string note = glued.empty() ? core::normalize_width(ls[j].text) : glued;
      core::Match m(rules.structure.masthead.note, note, r.regex_time_limit);
      if (!m.matches()) continue;
      ls[j].removed = true;
      out->removed.push_back(
          {glued.empty() ? "footer" : "page_number", ls[j].number, std::string(ls[j].raw)});
    }
  }
}

// Line i ends the sentence that the full line above it on its page leaves open: a wrapped
// paragraph's last line, no footer, though the same sentence end a page twice.
bool ends_running_sentence(const std::vector<Line>& ls, size_t i, const PageGeometry& geo,
                           const LayoutRules& r) {
  if (!geo.wrapped || !ls[i].ends_sentence || ls[i].page_start) return false;
  const size_t p = prev_kept(ls, i);
  if (p == static_cast<size_t>(-1)) return false;
  const Line& above = ls[p];
  return !above.ends_sentence && !above.spread &&
         (above.fixed_width >= geo.full_width - geo.full_slack ||
          (geo.indent_width > 0 && above.fixed_width >= geo.indent_width - r.indent_tolerance));
}

template <class IsShort>
void remove_section_name_headers(std::vector<Line>* lines, const IsShort& is_short,
                                 const RuleSet& rules, CleanText* out) {
  std::vector<Line>& ls = *lines;
  std::map<std::string, size_t> titles;
  bool read = false;
  for (size_t i = 1; i < ls.size(); ++i) {
    if (ls[i].removed || !ls[i].page_start || !is_short(ls[i]) || ls[i].ends_sentence) continue;
    if (!read) {
      titles = section_titles(ls, rules);
      read = true;
    }
    const auto it = titles.find(core::normalize_width(ls[i].text));
    if (it == titles.end() || it->second == i) continue;
    ls[i].removed = true;
    out->removed.push_back({"running_header", ls[i].number, std::string(ls[i].raw)});
    start_page_after(&ls, i);
  }
}

}  // namespace

void remove_running_lines(std::vector<Line>* lines, const PageGeometry& geo, const RuleSet& rules,
                          CleanText* out) {
  const LayoutRules& r = rules.layout;
  std::vector<Line>& ls = *lines;
  const double max_width = geo.wrapped ? r.running_header_max_share * geo.full_width
                                       : static_cast<double>(r.max_title_width);
  auto is_short = [&](const Line& l) { return l.width <= max_width; };
  remove_foot_notes(&ls, rules, out);
  TailLineMatcher tail(rules);
  // Boundary positions: the first line of each page after the first, and the last line before.
  std::vector<std::pair<size_t, bool>> boundary;  // index, at page top
  bool seen_page_break = false;
  for (size_t i = 0; i < ls.size(); ++i) {
    if (ls[i].removed || !ls[i].page_start) continue;
    if (i == 0 || prev_kept(ls, i) == static_cast<size_t>(-1)) continue;  // the first page
    seen_page_break = true;
    boundary.emplace_back(i, true);
    boundary.emplace_back(prev_kept(ls, i), false);
    // A footer cut at its space ("内部资料" / "注意保存") stands on more than the last line.
    for (size_t j : page_zone(ls, i, false, r)) boundary.emplace_back(j, true);
    for (size_t j : page_zone(ls, i, true, r)) boundary.emplace_back(j, false);
  }
  auto by_line = [](const Removed& a, const Removed& b) { return a.line < b.line; };
  if (!seen_page_break) {
    std::sort(out->removed.begin(), out->removed.end(), by_line);
    return;
  }
  // The first page's top line repeats the bulletin's name too; but where a masthead follows it
  // (第N期, a date) it is the masthead's title and stays.
  const size_t first = next_kept(ls, static_cast<size_t>(-1));
  if (first < ls.size() && !masthead_follows(ls, first, rules)) boundary.emplace_back(first, true);
  // The last page ends at the last line: a footer printed on every page stands there too.
  const size_t last = prev_kept(ls, ls.size());
  if (last != static_cast<size_t>(-1)) boundary.emplace_back(last, false);
  for (size_t j : page_zone(ls, ls.size(), true, r)) boundary.emplace_back(j, false);
  // 1. Lines repeated at page boundaries are headers (top) or footers (bottom).
  // Each line counts once: on a one-line page it is both the top and the bottom (kept as top).
  std::sort(boundary.begin(), boundary.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second > b.second;
  });
  boundary.erase(std::unique(boundary.begin(), boundary.end(),
                             [](const auto& a, const auto& b) { return a.first == b.first; }),
                 boundary.end());
  // Lines are compared without their spaces: -layout pads one footer with 3 spaces, the next
  // with 4. The first page's top lines (the masthead) count once each: a page header repeats the
  // bulletin's name, printed there only once.
  std::map<std::string, int> repeats;
  std::set<std::string> at_top;  // texts standing at a page's head
  // A page number glued to a footer ("-2内部资料") counts as the footer's line. Each boundary
  // line's key is made once.
  std::vector<bool> glued(boundary.size());
  std::vector<std::string> keys(boundary.size());
  for (size_t k = 0; k < boundary.size(); ++k) {
    const size_t i = boundary[k].first;
    keys[k] = glued_page_number_rest(ls[i], r);
    glued[k] = !keys[k].empty();
    if (!glued[k]) keys[k] = squeezed(ls[i].text);
  }
  // The first page's top line is evidence for a header only: the same text at a page's foot
  // is an issuer signing the last page ("湖北省人民政府" atop the mark and over the date).
  std::string first_key;
  for (size_t k = 0; k < boundary.size(); ++k) {
    const auto& [i, top] = boundary[k];
    if (!is_short(ls[i]) || (!top && ends_running_sentence(ls, i, geo, r))) continue;
    if (i == first && top && first_key.empty()) {
      first_key = keys[k];
      continue;
    }
    // A line over a date is an office signing, but for a bulletin's name atop a page: the
    // header printed on some pages only ("安全生产工作动态" / "2022 年 9 月 3 日"), the office at
    // the foot of the page before.
    if (tail.dated_next(ls, i) && !(top && tail.names_bulletin(ls[i]))) continue;
    // The date atop a page under a short line that ends no sentence is a signature's date, its
    // issuing office left at the foot of the page before ("某某办公室" / "— 3 —" / "2024年9月3日"),
    // even where the masthead's date reads the same.
    const size_t p = prev_kept(ls, i);
    if (top && p != static_cast<size_t>(-1) && is_short(ls[p]) && !ls[p].ends_sentence &&
        tail.opens_with_date(ls[i]))
      continue;
    ++repeats[keys[k]];
    if (top) at_top.insert(keys[k]);
  }
  if (!first_key.empty() && at_top.count(first_key)) ++repeats[first_key];
  int masthead_lines = 0;
  for (size_t j = 0;
       !at_top.empty() && j < ls.size() && masthead_lines < rules.structure.masthead.max_lines;
       ++j) {
    if (ls[j].removed) continue;
    if (j > 0 && ls[j].page_start) break;
    ++masthead_lines;
    const bool at_boundary =
        std::any_of(boundary.begin(), boundary.end(), [&](const auto& b) { return b.first == j; });
    if (at_boundary) continue;
    // A masthead title cut over two lines ("工贸行业安全监管简" / "报") is one line as a header.
    const size_t n = next_kept(ls, j);
    const bool pair = n < ls.size() && !ls[n].page_start;
    for (const std::string& text :
         {squeezed(ls[j].text), pair ? squeezed(ls[j].text) + squeezed(ls[n].text) : ""}) {
      if (text.empty() || !at_top.count(text)) continue;
      auto it = repeats.find(text);
      if (it != repeats.end() && it->second == 1) ++it->second;
    }
  }
  for (size_t k = 0; k < boundary.size(); ++k) {
    const auto& [i, top] = boundary[k];
    const bool repeated = repeats[keys[k]] >= r.min_repeats;
    if (ls[i].removed || !repeated || !is_short(ls[i])) continue;
    if (!top && ends_running_sentence(ls, i, geo, r)) continue;
    ls[i].removed = true;
    const char* kind = glued[k] ? "page_number" : top ? "running_header" : "footer";
    out->removed.push_back({kind, ls[i].number, std::string(ls[i].raw)});
    if (top) start_page_after(&ls, i);
  }
  // 2. A page's first line that names a section headed elsewhere ("专项整治" over a page of the
  //    section "一、专项整治"): the section name printed as the page's running header.
  remove_section_name_headers(&ls, is_short, rules, out);
  // 3. A short line just before a page start that interrupts a sentence: the section name
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
        (!geo.wrapped || p.width >= geo.full_width - geo.full_slack ||
         (geo.indent_width > 0 && p.width >= geo.indent_width - r.indent_tolerance));
    // A date there is the signature's ("某省应急管理厅" / "2024年3月5日"), an editor line the
    // colophon's: no section name.
    if (!is_short(ls[i]) || ls[i].ends_sentence || !prev_runs_on || tail.is_tail_line(ls[i])) {
      continue;
    }
    ls[i].removed = true;
    out->removed.push_back({"running_header", ls[i].number, std::string(ls[i].raw)});
    out->page_sections.push_back({ls[page_first].number, std::string(ls[i].text), ls[i].number});
  }
  std::sort(out->removed.begin(), out->removed.end(), by_line);
}

}  // namespace jianbao::layout
