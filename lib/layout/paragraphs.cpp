#include "layout/paragraphs.h"

#include <algorithm>
#include <iterator>
#include <memory>

#include "core/icu_regex.h"
#include "core/u16_text.h"
#include "core/utf8.h"
#include "core/utf8_fast.h"
#include "layout/first_char_memo.h"
#include "layout/line_shape.h"
#include "ruleset/rule_set.h"

namespace jianbao::layout {
namespace {

// One matcher per pattern for the whole document, reset for each line: making a RegexMatcher
// costs more than a failed anchored match.
class PatternMatchers {
 public:
  // The matchers are made when first needed: many documents need few of them.
  PatternMatchers(const std::vector<const core::Regex*>& patterns, int time_limit)
      : regexes_(patterns), matchers_(patterns.size()), time_limit_(time_limit) {
    for (const core::Regex* p : patterns) openings_.push_back(PatternOpenings::of(*p));
  }

  // Whether one of the patterns may match at the start of a text opening with `first` (its
  // first code point, width-normalised): most lines open with none a pattern opens with, and
  // are then neither copied to UTF-16 nor matched (core::Regex::may_open_with).
  bool may_open_with(char32_t first) {
    return may_open_.get(first, [&](char32_t c) {
      return std::any_of(
          openings_.begin(), openings_.end(),
          [&](const std::shared_ptr<PatternOpenings>& o) { return o->may_open_with(c); });
    });
  }

  // Whether one of the patterns matches at the start (lookingAt) or the whole (matches) of u,
  // whose first code point is `first`.
  bool any(const icu::UnicodeString& u, char32_t first, bool whole) {
    for (size_t k = 0; k < matchers_.size(); ++k) {
      if (!openings_[k]->may_open_with(first)) continue;
      auto& m = matchers_[k];
      if (m == nullptr) m = regexes_[k]->new_matcher(time_limit_);
      m->reset(u);  // also restarts the time limit
      UErrorCode status = U_ZERO_ERROR;
      const bool found = whole ? m->matches(status) : m->lookingAt(status);
      if (found && U_SUCCESS(status)) return true;
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

std::vector<const core::Regex*> marker_patterns(const RuleSet& rules) {
  std::vector<const core::Regex*> out;
  for (const PatternRule& p : rules.structure.points) out.push_back(&p.regex);
  out.push_back(&rules.structure.distribution.pattern);
  return out;
}

std::vector<const core::Regex*> heading_opener_patterns(const RuleSet& rules) {
  std::vector<const core::Regex*> out;
  for (const PatternRule& p : rules.layout.heading_openers) out.push_back(&p.regex);
  return out;
}

std::vector<const core::Regex*> section_patterns(const RuleSet& rules) {
  std::vector<const core::Regex*> out;
  for (const PatternRule& p : rules.structure.sections) out.push_back(&p.regex);
  return out;
}

using Flow = decode::LineFacts::Flow;

// A per-line answer worked out at most once: the passes ask about the same line many times.
enum class Memo : signed char { kUnknown = -1, kNo = 0, kYes = 1 };

class BlockBuilder {
 public:
  BlockBuilder(const std::vector<Line>& all, const std::vector<Piece>& pieces,
               const PageGeometry& geo, const RuleSet& rules)
      : fixed_pieces_(pieces),
        geo_(geo),
        rules_(rules),
        r_(rules.layout),
        markers_(marker_patterns(rules), rules.layout.regex_time_limit),
        sections_(section_patterns(rules), rules.layout.regex_time_limit),
        heading_openers_(heading_opener_patterns(rules), rules.layout.regex_time_limit) {
    for (const Line& l : all) {
      if (!l.removed) lines_.push_back(&l);
    }
    marker_.assign(lines_.size(), Memo::kUnknown);
    heading_.assign(lines_.size(), Memo::kUnknown);
    title_like_.assign(lines_.size(), Memo::kUnknown);
    clause_mark_.assign(lines_.size(), Memo::kUnknown);
    closes_masthead_.assign(lines_.size(), Memo::kUnknown);
    for (const std::string& n : rules.structure.section_names) {
      longest_section_name_ = std::max(longest_section_name_, n.size());
    }
  }

  std::vector<Block> build() {
    size_t i = 0;
    while (i < lines_.size()) {
      if (const size_t rows = table_rows_at(i); rows > 0) {
        for (size_t k = i; k < i + rows; ++k) emit(k, k + 1, Block::Shape::kParagraph);
        i += rows;
        continue;
      }
      if (const size_t cells = table_cells_at(i); cells > 0) {
        for (size_t k = i; k < i + cells; ++k) emit(k, k + 1, Block::Shape::kParagraph);
        i += cells;
        continue;
      }
      const size_t title_lines = title_group_at(i);
      if (title_lines > 0) {
        emit(i, i + title_lines, Block::Shape::kTitle);
        i += title_lines;
        continue;
      }
      size_t end = i + 1;
      while (end < lines_.size() && !ends_paragraph(end - 1)) ++end;
      emit(i, end, Block::Shape::kParagraph);
      i = end;
    }
    return std::move(blocks_);
  }

 private:
  bool is_full(size_t i) const {
    return !lines_[i]->spread && lines_[i]->fixed_width >= geo_.full_width - geo_.full_slack;
  }
  // Digits carry extraction spaces ("3 月 25 日"), so a line is measured both ways.
  bool is_indented_start(size_t i) const {
    const Line& l = *lines_[i];
    return geo_.indent_width > 0 &&
           std::min(std::abs(l.width - geo_.indent_width),
                    std::abs(l.fixed_width - geo_.indent_width)) <= r_.indent_tolerance;
  }

  static bool remember(Memo* memo, bool value) {
    *memo = value ? Memo::kYes : Memo::kNo;
    return value;
  }

  // The width-normalised UTF-16 of line i, converted once for the patterns asking about it.
  const icu::UnicodeString& u16(size_t i) const {
    if (u16_line_ != i) {
      core::to_normalized_u16(lines_[i]->text, &u16_);
      u16_line_ = i;
    }
    return u16_;
  }

  // The first code point of line i, width-normalised, as the patterns see it; U+0000 for an
  // empty text, which no pattern restricting its first code point matches.
  char32_t first_char(size_t i) const {
    const std::string_view t = lines_[i]->text;
    if (t.empty()) return 0;
    size_t pos = 0;
    return core::normalize_width(core::next_code_point(t, &pos));
  }

  // A heading marker opens the line (layout.yaml, heading_opener_patterns).
  bool opens_heading(size_t i) const {
    const char32_t first = first_char(i);
    return heading_openers_.may_open_with(first) && heading_openers_.any(u16(i), first, false);
  }

  // A point or distribution marker opens the line.
  bool starts_marker(size_t i) const {
    if (marker_[i] != Memo::kUnknown) return marker_[i] == Memo::kYes;
    const char32_t first = first_char(i);
    return remember(&marker_[i],
                    markers_.may_open_with(first) && markers_.any(u16(i), first, false));
  }

  bool has_clause_mark(size_t i) const {
    if (clause_mark_[i] != Memo::kUnknown) return clause_mark_[i] == Memo::kYes;
    const std::string_view t = lines_[i]->raw;
    size_t pos = 0;
    while (pos < t.size()) {
      if (r_.clause_marks.find(core::next_code_point(t, &pos)) != std::u32string::npos) {
        return remember(&clause_mark_[i], true);
      }
    }
    return remember(&clause_mark_[i], false);
  }

  // A line that could be (part of) a title: short, not ending a sentence, not a marker line,
  // and not the first line of a paragraph.
  bool title_like(size_t i) const {
    if (title_like_[i] != Memo::kUnknown) return title_like_[i] == Memo::kYes;
    return remember(&title_like_[i], title_like_uncached(i));
  }

  bool title_like_uncached(size_t i) const {
    const Line& l = *lines_[i];
    if (starts_marker(i)) return false;
    if (geo_.wrapped && is_figure_line(i)) return false;  // "4003", "77.9%": a table's cell
    if (reader_runs_on(i)) return false;  // the PDF reader saw the next line go on with it
    if (l.digit && is_glued_row(l.text)) return false;  // its figures hold digits
    if (l.ends_sentence) return is_title_prefix(i);
    if (l.reader_title) return true;  // the reader knows: centred and larger, or a heading style
    if (!geo_.wrapped) return l.width <= r_.max_title_width && !cut_before_last_line(i);
    if (runs_into_last_line(i) || widens_past_title(i)) return false;
    if (is_full(i)) return is_bare_full_title(i);
    if (is_indented_start(i)) return runs_on_as_title(i) || stands_over_first_line(i);
    // "据统计，一季度全国共接报火灾" + a full line running on: a paragraph's first line. So is a
    // long line holding a clause mark (pdftotext drops the indent, digits change the width).
    const bool next_runs_on =
        i + 1 < lines_.size() && is_full(i + 1) && !lines_[i + 1]->ends_sentence;
    const bool long_line = l.fixed_width >= r_.long_line_share * geo_.full_width;
    return !((next_runs_on || long_line) && has_clause_mark(i));
  }

  // A line nearly as wide as the text, then a short line ending a sentence: a paragraph's first
  // and last lines (justified, the first fell short by its digits or a quote kept off the line's
  // end: "……保持校园领域较大以上事" / "故“零发生”，……下降。"). A title's body opens with a full
  // line.
  bool runs_into_last_line(size_t i) const {
    if (r_.last_line_pair_min_share <= 0 || i + 1 >= lines_.size()) return false;
    if (lines_[i]->fixed_width < r_.last_line_pair_min_share * geo_.full_width) return false;
    const Line& next = *lines_[i + 1];
    return !next.page_start && next.ends_sentence && !is_full(i + 1) && !starts_marker(i + 1) &&
           !is_section_heading(i + 1) && !is_title_prefix(i + 1);
  }

  // In text read as one paragraph a line (a one-page bulletin has too few full lines to tell
  // its width), a long line running on with a clause mark, then one no wider that ends a
  // sentence: a wrapped paragraph's first and last lines ("柯坪县以……，统筹发展和安全，着" /
  // "力构建……体系。"), one paragraph. A paragraph a line is never cut inside a sentence, and a
  // title's rest ends none.
  bool cut_before_last_line(size_t i) const {
    if (i + 1 >= lines_.size()) return false;
    const Line& l = *lines_[i];
    const Line& next = *lines_[i + 1];
    return !l.ends_sentence && !l.spread && l.fixed_width >= r_.min_full_width &&
           has_clause_mark(i) && !next.page_start && next.ends_sentence && !next.spread &&
           next.fixed_width <= l.fixed_width && !starts_marker(i + 1) && !is_section_heading(i + 1);
  }

  // A title as wide as an indented first line, its rest on the next line: a paragraph's last
  // line ends a sentence, a title's rest does not ("……责任制落" / "实落细").
  bool runs_on_as_title(size_t i) const {
    if (i + 1 >= lines_.size() || lines_[i + 1]->page_start) return false;
    const Line& next = *lines_[i + 1];
    return !next.ends_sentence && !next.spread && !is_full(i + 1) && !is_indented_start(i + 1) &&
           !starts_marker(i + 1) && !is_section_heading(i + 1);
  }

  // A title as wide as an indented first line, a paragraph's first line below it ("省水利厅举办
  // ……业务培训班" / "据统计，8 月 8 日至 16 日……" / its second line): a paragraph's first line is
  // followed by a full line or by its last line, which ends a sentence, never by another first
  // line that runs on. Where a title may stand, and holding no clause mark, as titles do.
  bool stands_over_first_line(size_t i) const {
    if (i + 2 >= lines_.size() || !opens_after_end(i) || has_clause_mark(i)) return false;
    const Line& next = *lines_[i + 1];
    return !next.page_start && !next.ends_sentence && !next.spread && !is_full(i + 1) &&
           is_indented_start(i + 1) && !starts_marker(i + 1) && !is_section_heading(i + 1) &&
           !lines_[i + 2]->page_start && goes_on_as_body(i + 2);
  }

  // A paragraph's second line: its last (ending a sentence) or one at least as wide as an
  // indented first line (digits narrow a full line by a column or three). A short line running
  // on is a title's or a heading's.
  bool goes_on_as_body(size_t i) const {
    return lines_[i]->ends_sentence ||
           lines_[i]->fixed_width >= geo_.indent_width - r_.indent_tolerance;
  }

  // Line i stands where a block may open: after a paragraph's end, a heading or the masthead.
  bool opens_after_end(size_t i) const {
    return i == 0 || lines_[i - 1]->ends_sentence || is_section_heading(i - 1) ||
           is_lone_bare_heading(i - 1) || closes_masthead(i - 1);
  }

  // A title as wide as the text: a full line holding no clause or sentence mark (but a region's
  // colon), after a paragraph's end or a heading (body lines that wide nearly always hold one).
  bool is_bare_full_title(size_t i) const {
    if (!opens_after_end(i)) return false;
    const std::string_view t = lines_[i]->text;
    const std::u32string& region_marks = rules_.structure.region_title_marks;
    size_t pos = 0;
    char32_t last = 0;
    while (pos < t.size()) {
      const char32_t c = core::next_code_point(t, &pos);
      const bool mark = r_.clause_marks.find(c) != std::u32string::npos ||
                        r_.sentence_final.find(c) != std::u32string::npos;
      if (mark && region_marks.find(c) == std::u32string::npos) return false;
      last = c;
    }
    if (i + 1 >= lines_.size()) return false;
    // "……保持城镇燃气领域较大以" / "上事故……下降。": a phrase cut at the line's end.
    const bool cut_phrase = r_.title_never_ends_with.find(last) != std::u32string::npos;
    return !(cut_phrase && lines_[i + 1]->ends_sentence);
  }

  // A section name we do not know standing alone ("督查督办"): a line of a few characters, no
  // sentence end, no marker.
  bool is_bare_heading(size_t i) const {
    const Line& l = *lines_[i];
    return !l.ends_sentence && !starts_marker(i) && l.chars <= r_.bare_heading_max_chars;
  }

  // A bare heading standing alone, not the rest of a title wrapped onto it ("……安全生产责" /
  // "任"): the line before it is no long line running on as a title does, a full one among them
  // ("陕西省：……抓实防汛抗旱" / "安全": a bare full title and its rest).
  bool is_lone_bare_heading(size_t i) const {
    if (!is_bare_heading(i)) return false;
    if (i == 0) return true;
    const Line& prev = *lines_[i - 1];
    return prev.ends_sentence || prev.fixed_width < r_.long_line_share * geo_.full_width ||
           !title_like(i - 1) || closes_masthead(i - 1);
  }

  // A short line naming the issue or the date ("2025 年第 30 期", "二〇二二年十二月九日") closes
  // a masthead: the first item's title may follow it, as wide as the text.
  bool closes_masthead(size_t i) const {
    if (closes_masthead_[i] != Memo::kUnknown) return closes_masthead_[i] == Memo::kYes;
    return remember(&closes_masthead_[i], closes_masthead_uncached(i));
  }

  bool closes_masthead_uncached(size_t i) const {
    if (is_full(i)) return false;
    const MastheadRules& m = rules_.structure.masthead;
    const core::Regex* const facts[] = {&m.issue, &m.total_issue, &m.date};
    for (size_t k = 0; k < std::size(facts); ++k) {
      // Lacks an ideograph every match holds (期, 年): raw or normalised text, the same answer.
      if (!facts[k]->may_match(lines_[i]->text)) continue;
      // One matcher per pattern for the document, on the line's normalised UTF-16.
      auto& matcher = masthead_matchers_[k];
      if (matcher == nullptr) matcher = facts[k]->new_matcher(r_.regex_time_limit);
      matcher->reset(u16(i));  // also restarts the time limit
      UErrorCode status = U_ZERO_ERROR;
      if (matcher->find(0, status) && U_SUCCESS(status)) return true;
    }
    return ends_cut_date(i);
  }

  // A short line ending a date cut over two lines ("……办公室　二〇二四年十一月十三" / "日"): the
  // date starts on the line before and runs to this line's end.
  bool ends_cut_date(size_t i) const {
    if (i == 0 || lines_[i]->page_start || lines_[i - 1]->ends_sentence || !is_bare_heading(i)) {
      return false;
    }
    const std::string before = core::normalize_width(lines_[i - 1]->text);
    const std::string joined = before + core::normalize_width(lines_[i]->text);
    const int cut = static_cast<int>(core::count_code_points(before));
    const int end = static_cast<int>(core::count_code_points(joined));
    core::Match match(rules_.structure.masthead.date, joined, r_.regex_time_limit);
    while (match.find()) {
      if (match.start() < cut && match.end() == end) return true;
    }
    return false;
  }

  // "宜丰县：" cut from its title: a short line ending in a region title mark, then a line that
  // runs on as a title does (short, no full stop, no marker).
  bool is_title_prefix(size_t i) const {
    const Line& l = *lines_[i];
    if (i + 1 >= lines_.size() || lines_[i + 1]->page_start) return false;
    if (l.chars > r_.title_prefix_max_chars) return false;
    size_t end = l.text.size();
    while (end > 0 && (static_cast<unsigned char>(l.text[end - 1]) & 0xC0) == 0x80) --end;
    if (end > 0) --end;
    size_t p = end;
    const char32_t last = core::normalize_width(core::next_code_point(l.text, &p));
    if (rules_.structure.region_title_marks.find(last) == std::u32string::npos) return false;
    const Line& next = *lines_[i + 1];
    if (next.ends_sentence || starts_marker(i + 1)) return false;
    // The rest of the title may fill a line ("吉林省：" / a full line without a clause mark).
    return geo_.wrapped ? !is_full(i + 1) || is_bare_full_title(i + 1)
                        : next.width <= r_.max_title_width;
  }

  // A section heading stands alone: "一、工作动态", "【地方经验】", a known section name.
  bool is_section_heading(size_t i) const {
    if (heading_[i] != Memo::kUnknown) return heading_[i] == Memo::kYes;
    const char32_t first = first_char(i);
    if (sections_.may_open_with(first) && sections_.any(u16(i), first, true)) {
      return remember(&heading_[i], true);
    }
    // Width normalisation at most triples a text's bytes (a malformed byte becomes U+FFFD) and
    // at most divides them by three: a line that long is no section name, and is not copied.
    const std::string_view text = lines_[i]->text;
    if (text.size() > 3 * longest_section_name_) return remember(&heading_[i], false);
    const std::string norm = core::normalize_width(text);
    const auto& names = rules_.structure.section_names;
    return remember(&heading_[i], std::find(names.begin(), names.end(), norm) != names.end());
  }

  // A table cell printed on a line of its own: short, no full stop, no marker, no heading.
  bool is_cell(size_t i) const {
    const Line& l = *lines_[i];
    return !l.ends_sentence && !l.spread && l.chars <= r_.table_cell_max_chars &&
           !starts_marker(i) && !is_section_heading(i);
  }

  // A cell that is a figure alone ("1203", "71.9%", "-3.5"): a masthead's or a list's short
  // lines ("2025年第30期", dates) hold digits too, but never a bare number.
  bool is_figure_cell(std::string_view text) const {
    size_t pos = 0;
    bool digit = false;
    while (pos < text.size()) {
      const char32_t c = core::normalize_width(core::next_code_point(text, &pos));
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (r_.table_figure_marks.find(c) == std::u32string::npos) {
        return false;
      }
    }
    return digit;
  }

  // Line i is a figure cell alone (a figure holds a digit).
  bool is_figure_line(size_t i) const {
    return lines_[i]->digit && is_figure_cell(lines_[i]->text);
  }

  // A table row whose cells are glued together ("安徽120371.9%江西77160.4%…"): at least
  // glued_row_min_rates figures ending in a rate mark (see layout.yaml).
  bool is_glued_row(std::string_view text) const {
    if (r_.glued_row_min_rates <= 0) return false;
    int rates = 0;
    bool after_digit = false;
    size_t pos = 0;
    while (pos < text.size()) {
      const char32_t c = core::normalize_width(core::next_code_point(text, &pos));
      if (after_digit && r_.glued_row_rate_marks.find(c) != std::u32string::npos) {
        if (++rates >= r_.glued_row_min_rates) return true;
      }
      after_digit = (c >= '0' && c <= '9') || (after_digit && c == ' ');
    }
    return false;
  }

  // Number of lines of the table printed a cell a line starting at i, or 0 (see layout.yaml).
  size_t table_cells_at(size_t i) const {
    // A run judged no table is not judged again from each of its lines (linear time).
    if (r_.table_min_cells <= 0 || i < no_table_before_ || !is_cell(i)) return 0;
    size_t end = i + 1;
    size_t figures = is_figure_line(i);
    // A table goes on over a page break (its page furniture is removed by now): "地区 / 检查企业
    // （家） / 整改率" at the foot of a page, its rows atop the next.
    while (end < lines_.size() && is_cell(end)) {
      figures += is_figure_line(end);
      ++end;
    }
    const size_t n = end - i;
    if (n >= static_cast<size_t>(r_.table_min_cells) &&
        static_cast<double>(figures) >= r_.table_min_figure_share * static_cast<double>(n)) {
      return n;
    }
    no_table_before_ = end;
    return 0;
  }

  // Line i as a table row: per field set apart by spaces, whether it is a figure alone; empty
  // unless it holds two fields or more, each short and free of sentence and clause marks.
  std::vector<bool> row_cells(size_t i) const {
    const Line& l = *lines_[i];
    // Fields are set apart by spaces: a line without one is one field at most.
    if (!l.spaced || l.ends_sentence || starts_marker(i) || is_section_heading(i)) return {};
    std::vector<bool> figures;
    // A field is the bytes between two runs of spaces: a view of raw, not a copy.
    size_t field = 0;  // where the current field starts
    size_t end = 0;    // and ends
    int chars = 0;
    bool ok = true;
    auto close = [&] {
      if (chars == 0) return;
      if (chars > r_.table_cell_max_chars) ok = false;
      figures.push_back(is_figure_cell(l.raw.substr(field, end - field)));
      chars = 0;
    };
    size_t pos = 0;
    while (pos < l.raw.size() && ok) {
      const size_t at = pos;
      const char32_t c = core::next_code_point(l.raw, &pos);
      if (c == ' ' || c == '\t' || c == U'\u3000') {
        close();
        continue;
      }
      if (r_.clause_marks.find(c) != std::u32string::npos ||
          r_.sentence_final.find(c) != std::u32string::npos) {
        return {};
      }
      if (chars == 0) field = at;
      end = pos;
      ++chars;
    }
    close();
    if (!ok || figures.size() < 2) return {};
    return figures;
  }

  // A rule line of a table: its marks alone, with spaces ("-----  -----").
  bool is_rule_line(size_t i) const {
    const std::string_view t = lines_[i]->raw;
    if (r_.table_rule_marks.empty() || t.empty()) return false;
    size_t pos = 0;
    while (pos < t.size()) {
      const char32_t c = core::next_code_point(t, &pos);
      if (c != ' ' && r_.table_rule_marks.find(c) == std::u32string::npos) return false;
    }
    return true;
  }

  // Whether line i (a page's first) is a row of figures with `width` cells, its figures where
  // the rows so far have theirs (`at`, when `rows` > 0).
  bool opens_page_with_row(size_t i, size_t width, const std::vector<bool>& at, size_t rows) const {
    const std::vector<bool> cells = row_cells(i);
    if (cells.empty() || cells.size() != width) return false;
    if (rows > 0) return cells == at;
    return std::find(cells.begin(), cells.end(), true) != cells.end();
  }

  // Number of lines of the table printed a row a line starting at i, or 0 (see layout.yaml).
  size_t table_rows_at(size_t i) const {
    if (r_.table_min_rows <= 0 || i < no_rows_before_) return 0;
    size_t end = i;
    size_t width = 0;      // fields in every row
    std::vector<bool> at;  // the figure columns of the rows holding figures
    size_t rows = 0;       // rows holding figures
    size_t names = 0;      // rows of names alone (a header) before them
    bool fits = true;
    while (end < lines_.size()) {
      // A table split over pages (its header at one page's foot) goes on where the next page
      // opens with a row of its shape; else the page start ends it.
      if (end > i && lines_[end]->page_start && !opens_page_with_row(end, width, at, rows)) break;
      if (is_rule_line(end)) {
        ++end;
        continue;
      }
      const std::vector<bool> cells = row_cells(end);
      if (cells.empty()) break;
      ++end;
      if (width == 0) width = cells.size();
      const bool any_figure = std::find(cells.begin(), cells.end(), true) != cells.end();
      if (cells.size() != width || (any_figure && rows > 0 && cells != at) ||
          (!any_figure && (rows > 0 || ++names > 1))) {
        fits = false;
        continue;
      }
      if (any_figure && rows++ == 0) at = cells;
    }
    if (fits && rows >= static_cast<size_t>(r_.table_min_rows)) return end - i;
    no_rows_before_ = std::max(end, i + 1);
    return 0;
  }

  // Number of lines of the title group starting at i, or 0.
  size_t title_group_at(size_t i) const {
    // A heading first: "一、工作动态" also opens like a point ("一、压实责任。各地要……").
    if (!lines_[i]->ends_sentence && is_section_heading(i)) return 1;
    if (const size_t n = full_title_at(i); n > 0) return n;
    if (!title_like(i)) return 0;
    size_t n = 1;
    while ((geo_.wrapped || reader_title_run(i, i + n)) &&
           n < static_cast<size_t>(r_.max_title_lines) && i + n < lines_.size() &&
           !lines_[i + n]->page_start && title_like(i + n) && !is_section_heading(i + n) &&
           !widens_after_short(i + n)) {
      ++n;
    }
    return n;
  }

  // A wrapped title's lines are no wider than its first, but for a character or two a line-break
  // rule moved (layout.yaml, title_line_max_widening): a line wider still, after a title's long
  // first line and its shorter rest, opens the paragraph below ("上海市：……隐患排查" / "治理" /
  // "上海市把……的重要内", cut short where a comma may not open the next line, then a full line).
  // A short line over it (a masthead's date, a heading) is no title's first line.
  bool widens_past_title(size_t i) const {
    if (r_.title_line_max_widening <= 0 || i < 2) return false;
    const Line& first = *lines_[i - 2];
    const Line& last = *lines_[i - 1];
    return !last.page_start && !lines_[i]->page_start && !first.ends_sentence &&
           first.fixed_width >= r_.long_line_share * geo_.full_width &&
           last.fixed_width < first.fixed_width &&
           lines_[i]->fixed_width > first.fixed_width + r_.title_line_max_widening &&
           i + 1 < lines_.size() && is_full(i + 1) && !is_section_heading(i - 2) &&
           !is_section_heading(i - 1) && !closes_masthead(i - 2) && !closes_masthead(i - 1) &&
           !is_lone_bare_heading(i - 1) && title_like(i - 2) && title_like(i - 1);
  }

  // A wrapped title's lines are no wider than its first: a full line after a short one that runs
  // on ("督查督办", "……安全生产责" / "任") opens a block of its own. A region cut from its title
  // ("吉林省：") ends in a mark and may be followed by the rest of the title, as wide as the text.
  bool widens_after_short(size_t j) const {
    return geo_.wrapped && is_full(j) && !is_full(j - 1) && !lines_[j - 1]->ends_sentence;
  }

  // A centred title too long for one line: a full first line, then short ones, then a paragraph
  // (whose first line is indented, unlike the title's). Returns its number of lines, or 0.
  size_t full_title_at(size_t i) const {
    if (!geo_.wrapped || geo_.indent_width == 0) return 0;
    if (lines_[i]->ends_sentence || !is_full(i) || starts_marker(i)) return 0;
    size_t n = 1;
    while (n < static_cast<size_t>(r_.max_title_lines) && i + n < lines_.size() &&
           !lines_[i + n]->page_start && title_like(i + n) && !is_section_heading(i + n)) {
      ++n;
    }
    if (n == 1) return 0;
    const size_t next = i + n;
    const bool opens = next >= lines_.size() || is_indented_start(next) || starts_marker(next) ||
                       is_section_heading(next);
    return opens ? n : 0;
  }

  // The PDF reader's verdict (layout/reader_hints.h): line i + 1 goes on with line i.
  bool reader_runs_on(size_t i) const {
    return i + 1 < lines_.size() && lines_[i + 1]->reader_flow == Flow::kContinues;
  }
  // Lines i and j are both titles to the reader, in one size: one title over lines.
  bool reader_title_run(size_t i, size_t j) const {
    return j < lines_.size() && lines_[i]->reader_title && lines_[j]->reader_title &&
           lines_[i]->reader_size == lines_[j]->reader_size;
  }

  // Whether the paragraph ends after line i.
  bool ends_paragraph(size_t i) const {
    if (i + 1 >= lines_.size()) return true;
    // A PDF says where its paragraphs go on; widths are guessed only without it.
    if (lines_[i + 1]->reader_flow != Flow::kUnknown) {
      return lines_[i + 1]->reader_flow != Flow::kContinues;
    }
    if (!geo_.wrapped) return !cut_before_last_line(i);
    const Line& l = *lines_[i];
    // A short line before a point ends its paragraph even without a full stop: "（一）自查自改
    // 阶段（6月25日至7月10日）" / "（二）……".
    if (l.spread || is_figure_line(i)) return true;  // a cell alone: "4003" / "77.9%"
    if (!l.ends_sentence) {
      if (!lines_[i + 1]->ends_sentence && is_section_heading(i + 1)) return true;
      if (!is_full(i) && !is_indented_start(i) && opens_heading(i)) return true;
      return !is_full(i) && !is_indented_start(i) && starts_marker(i + 1);
    }
    // A full line ending in 。 may run on, unless a point, a list or a title follows.
    return !is_full(i) || starts_marker(i + 1) || title_group_at(i + 1) > 0;
  }

  void emit(size_t from, size_t to, Block::Shape shape) {
    Block b;
    b.shape = shape;
    b.page_start = lines_[from]->page_start;
    // Sized up front: one line, at least one piece and at most one joining space per line.
    size_t bytes = 0;
    for (size_t k = from; k < to; ++k) bytes += lines_[k]->text.size() + 1;
    b.lines.reserve(to - from);
    b.pieces.reserve(to - from);
    b.text.reserve(bytes);
    int cps = 0;
    for (size_t k = from; k < to; ++k) {
      const Line& l = *lines_[k];
      // Wrapped ASCII words need their space back; CJK text joins without one.
      if (!b.text.empty() && shape == Block::Shape::kParagraph) {
        size_t last_pos = b.text.size();
        while (last_pos > 0 && (static_cast<unsigned char>(b.text[last_pos - 1]) & 0xC0) == 0x80)
          --last_pos;
        if (last_pos > 0) --last_pos;
        size_t p0 = last_pos;
        const char32_t last = core::next_code_point(b.text, &p0);
        size_t p1 = 0;
        const char32_t first = core::next_code_point(l.raw, &p1);
        if (core::is_ascii_alnum(last) && core::is_ascii_alnum(first) &&
            !(last >= '0' && last <= '9' && first >= '0' && first <= '9')) {
          b.text.push_back(' ');
          ++cps;
        }
      }
      b.lines.push_back(
          {l.number, static_cast<unsigned>(b.text.size()), static_cast<unsigned>(l.text.size())});
      // measure_lines fixed the spacing already (to the same text); the pieces are needed only
      // where it changed.
      if (l.text == l.raw) {
        b.pieces.push_back({cps, l.number, l.raw_column});
        b.text += l.text;
        cps += l.chars;
      } else if (l.piece_count > 0) {
        // The pieces measure_lines made for the text, moved to where it stands in the block.
        for (unsigned k = l.first_piece; k < l.first_piece + l.piece_count; ++k) {
          const Piece& p = fixed_pieces_[k];
          b.pieces.push_back({p.offset + cps, p.line, p.column});
        }
        b.text += l.text;
        cps += l.chars;
      } else {
        const std::string piece = fix_cjk_spacing(l.raw, l.number, l.raw_column, cps, &b.pieces);
        b.text += piece;
        cps += static_cast<int>(core::count_code_points(piece));
      }
    }
    blocks_.push_back(std::move(b));
  }

  std::vector<const Line*> lines_;
  const std::vector<Piece>& fixed_pieces_;
  const PageGeometry& geo_;
  const RuleSet& rules_;
  const LayoutRules& r_;
  std::vector<Block> blocks_;
  // Matching state behind the const questions above. The line comes first: the matchers refer
  // to it, so it must outlive them.
  mutable icu::UnicodeString u16_;
  mutable size_t u16_line_ = static_cast<size_t>(-1);
  mutable std::unique_ptr<icu::RegexMatcher> masthead_matchers_[3];  // issue, total, date
  mutable PatternMatchers markers_;
  mutable PatternMatchers sections_;
  mutable PatternMatchers heading_openers_;
  mutable std::vector<Memo> marker_;
  mutable std::vector<Memo> heading_;
  mutable std::vector<Memo> title_like_;
  mutable std::vector<Memo> clause_mark_;
  mutable std::vector<Memo> closes_masthead_;
  mutable size_t no_table_before_ = 0;
  mutable size_t no_rows_before_ = 0;
  size_t longest_section_name_ = 0;  // in bytes
};

}  // namespace

std::vector<Block> build_blocks(const std::vector<Line>& lines, const std::vector<Piece>& pieces,
                                const PageGeometry& geo, const RuleSet& rules) {
  return BlockBuilder(lines, pieces, geo, rules).build();
}

}  // namespace jianbao::layout
