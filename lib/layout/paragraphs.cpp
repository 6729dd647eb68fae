#include "layout/paragraphs.h"

#include <algorithm>

#include "core/icu_regex.h"
#include "core/utf8.h"
#include "layout/line_shape.h"
#include "ruleset/rule_set.h"

namespace jianbao::layout {
namespace {

bool starts_with(const core::Regex& regex, const std::string& text, int time_limit) {
  auto m = regex.new_matcher(time_limit);
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(core::normalize_width(text));
  m->reset(u);
  UErrorCode status = U_ZERO_ERROR;
  return m->lookingAt(status) && U_SUCCESS(status);
}

class BlockBuilder {
 public:
  BlockBuilder(const std::vector<Line>& all, const PageGeometry& geo, const RuleSet& rules)
      : geo_(geo), rules_(rules), r_(rules.layout) {
    for (const Line& l : all) {
      if (!l.removed) lines_.push_back(&l);
    }
  }

  std::vector<Block> build() {
    size_t i = 0;
    while (i < lines_.size()) {
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
  bool is_full(size_t i) const { return lines_[i]->width >= geo_.full_width - r_.full_line_slack; }
  // Digits carry extraction spaces ("3 月 25 日"), so a line is measured both ways.
  bool is_indented_start(size_t i) const {
    const Line& l = *lines_[i];
    return geo_.indent_width > 0 &&
           std::min(std::abs(l.width - geo_.indent_width),
                    std::abs(l.fixed_width - geo_.indent_width)) <= r_.indent_tolerance;
  }

  bool starts_marker(size_t i) const {
    const std::string& t = lines_[i]->text;
    for (const PatternRule& p : rules_.structure.points) {
      if (starts_with(p.regex, t, r_.regex_time_limit)) return true;
    }
    return starts_with(rules_.structure.distribution.pattern, t, r_.regex_time_limit);
  }

  bool has_clause_mark(size_t i) const {
    const std::string& t = lines_[i]->raw;
    size_t pos = 0;
    while (pos < t.size()) {
      if (r_.clause_marks.find(core::next_code_point(t, &pos)) != std::u32string::npos) return true;
    }
    return false;
  }

  // A line that could be (part of) a title: short, not ending a sentence, not a marker line,
  // and not the first line of a paragraph.
  bool title_like(size_t i) const {
    const Line& l = *lines_[i];
    if (l.ends_sentence || starts_marker(i)) return false;
    if (!geo_.wrapped) return l.width <= r_.max_title_width;
    if (is_full(i) || is_indented_start(i)) return false;
    // "据统计，一季度全国共接报火灾" + a full line running on: a paragraph's first line.
    const bool next_runs_on =
        i + 1 < lines_.size() && is_full(i + 1) && !lines_[i + 1]->ends_sentence;
    return !(next_runs_on && has_clause_mark(i));
  }

  // A section heading stands alone: "一、工作动态", "【地方经验】", a known section name.
  bool is_section_heading(size_t i) const {
    const std::string norm = core::normalize_width(lines_[i]->text);
    for (const PatternRule& p : rules_.structure.sections) {
      core::Match m(p.regex, norm, r_.regex_time_limit);
      if (m.matches()) return true;
    }
    const auto& names = rules_.structure.section_names;
    return std::find(names.begin(), names.end(), norm) != names.end();
  }

  // Number of lines of the title group starting at i, or 0.
  size_t title_group_at(size_t i) const {
    if (!title_like(i)) return 0;
    if (is_section_heading(i)) return 1;
    size_t n = 1;
    while (geo_.wrapped && n < static_cast<size_t>(r_.max_title_lines) && i + n < lines_.size() &&
           !lines_[i + n]->page_start && title_like(i + n) && !is_section_heading(i + n)) {
      ++n;
    }
    return n;
  }

  // Whether the paragraph ends after line i.
  bool ends_paragraph(size_t i) const {
    if (i + 1 >= lines_.size()) return true;
    if (!geo_.wrapped) return true;
    const Line& l = *lines_[i];
    if (!l.ends_sentence) return false;
    // A full line ending in 。 may run on, unless a point, a list or a title follows.
    return !is_full(i) || starts_marker(i + 1) || title_group_at(i + 1) > 0;
  }

  void emit(size_t from, size_t to, Block::Shape shape) {
    Block b;
    b.shape = shape;
    b.page_start = lines_[from]->page_start;
    int cps = 0;
    for (size_t k = from; k < to; ++k) {
      const Line& l = *lines_[k];
      b.lines.push_back({l.number, l.text});
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
      const std::string piece = fix_cjk_spacing(l.raw, l.number, l.raw_column, cps, &b.pieces);
      b.text += piece;
      cps += static_cast<int>(core::count_code_points(piece));
    }
    blocks_.push_back(std::move(b));
  }

  std::vector<const Line*> lines_;
  const PageGeometry& geo_;
  const RuleSet& rules_;
  const LayoutRules& r_;
  std::vector<Block> blocks_;
};

}  // namespace

std::vector<Block> build_blocks(const std::vector<Line>& lines, const PageGeometry& geo,
                                const RuleSet& rules) {
  return BlockBuilder(lines, geo, rules).build();
}

}  // namespace jianbao::layout
