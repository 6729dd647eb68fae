#include "jianbao/layout.h"

#include <algorithm>
#include <deque>
#include <string>

#include "layout/line_shape.h"
#include "layout/page_furniture.h"
#include "layout/paragraphs.h"
#include "layout/reader_hints.h"
#include "ruleset/rule_set.h"

namespace jianbao::layout {

void locate(const Block& block, int offset, int* line, int* column) {
  // The last piece that starts at or before offset.
  auto it = std::upper_bound(block.pieces.begin(), block.pieces.end(), offset,
                             [](int off, const Piece& p) { return off < p.offset; });
  if (it == block.pieces.begin()) {
    *line = block.first_line();
    *column = 1;
    return;
  }
  --it;
  *line = it->line;
  *column = it->column + (offset - it->offset);
}

CleanText clean_layout(const decode::DecodedText& in, const RuleSet& rules) {
  CleanText out;
  std::deque<std::string> fixed;  // the lines' texts where spacing was fixed; views point here
  std::vector<Piece> pieces;      // their pieces
  std::vector<Line> lines = measure_lines(in.lines, rules, &fixed, &pieces);
  remove_page_numbers_and_separators(&lines, rules, &out);
  apply_reader_facts(in, &lines, &out);  // PDF/DOCX only: what the file itself says
  const PageGeometry geo = measure_geometry(lines, rules);
  remove_running_lines(&lines, geo, rules, &out);
  out.wrapped = geo.wrapped;
  out.full_width = geo.full_width;
  out.indent_width = geo.indent_width;
  out.diagnostics.push_back(geometry_diagnostic(geo));
  out.blocks = build_blocks(lines, pieces, geo, rules);
  // The block vector is held to the end of metrics: trimmed from its last doubling (up to half
  // of it empty), once the lines are given up (issue 17).
  std::vector<Line>().swap(lines);
  out.blocks.shrink_to_fit();
  return out;
}

}  // namespace jianbao::layout
