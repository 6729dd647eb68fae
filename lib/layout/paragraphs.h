// Joins the kept visual lines into blocks: paragraphs, and title-like groups of short lines.
#pragma once

#include <vector>

#include "jianbao/layout.h"
#include "layout/layout_types.h"
#include "layout/page_furniture.h"

namespace jianbao {
class RuleSet;
}

namespace jianbao::layout {

// `pieces` holds the pieces of the lines whose text measure_lines fixed (Line::first_piece).
std::vector<Block> build_blocks(const std::vector<Line>& lines, const std::vector<Piece>& pieces,
                                const PageGeometry& geo, const RuleSet& rules);

}  // namespace jianbao::layout
