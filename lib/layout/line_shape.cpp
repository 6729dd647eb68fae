#include "layout/line_shape.h"

#include "core/utf8.h"
#include "ruleset/rule_set.h"

namespace jianbao::layout {
namespace {

bool ends_sentence(std::string_view text, const LayoutRules& rules) {
  // Walk back over closing marks: "……要求。”" ends a sentence.
  std::u32string tail;
  size_t pos = 0;
  while (pos < text.size()) tail.push_back(core::next_code_point(text, &pos));
  while (!tail.empty() && rules.closing_marks.find(tail.back()) != std::u32string::npos) {
    tail.pop_back();
  }
  return !tail.empty() && rules.sentence_final.find(tail.back()) != std::u32string::npos;
}

}  // namespace

std::string fix_cjk_spacing(const std::string& text, int line, int first_column, int offset_base,
                            std::vector<Piece>* pieces) {
  std::u32string cps;
  size_t pos = 0;
  while (pos < text.size()) cps.push_back(core::next_code_point(text, &pos));
  std::string out;
  int out_cps = 0;
  pieces->push_back({offset_base, line, first_column});
  for (size_t i = 0; i < cps.size(); ++i) {
    const char32_t c = cps[i];
    if (c == ' ' || c == 0x3000 || c == '\t') {
      // Find the run of spaces and the characters on either side.
      size_t j = i;
      while (j < cps.size() && (cps[j] == ' ' || cps[j] == 0x3000 || cps[j] == '\t')) ++j;
      const char32_t before = out_cps > 0 ? cps[i - 1] : 0;
      const char32_t after = j < cps.size() ? cps[j] : 0;
      const bool drop = before != 0 && after != 0 &&
                        ((core::is_cjk(before) && core::is_ascii_alnum(after)) ||
                         (core::is_ascii_alnum(before) && core::is_cjk(after)));
      if (drop) {
        pieces->push_back({offset_base + out_cps, line, first_column + static_cast<int>(j)});
        i = j - 1;
        continue;
      }
    }
    core::append_utf8(&out, c);
    ++out_cps;
  }
  return out;
}

std::vector<Line> measure_lines(const std::vector<decode::SourceLine>& lines,
                                const RuleSet& rules) {
  std::vector<Line> out;
  bool pending_page = false;
  for (const decode::SourceLine& src : lines) {
    pending_page = pending_page || src.form_feed;
    const std::string_view trimmed = core::trim(src.text);
    if (trimmed.empty()) continue;
    Line l;
    l.number = src.number;
    l.raw = std::string(trimmed);
    l.raw_column = 1 + static_cast<int>(core::count_code_points(
                           std::string_view(src.text).substr(0, trimmed.data() - src.text.data())));
    // pdftotext starts each page's first line with one space (a page break without \f).
    const bool one_space = src.text.size() >= 2 && src.text[0] == ' ' && src.text[1] != ' ';
    l.page_start = pending_page || one_space;
    pending_page = false;
    l.width = core::display_width(l.raw);
    l.ends_sentence = ends_sentence(l.raw, rules.layout);
    std::vector<Piece> ignored;
    l.text = fix_cjk_spacing(l.raw, l.number, l.raw_column, 0, &ignored);
    l.fixed_width = core::display_width(l.text);
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace jianbao::layout
