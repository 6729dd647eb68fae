// Measures of one visual line: what it says, how wide it is, and how it ends.
#pragma once

#include <deque>
#include <string>
#include <vector>

#include "jianbao/decode.h"
#include "jianbao/layout.h"
#include "layout/layout_types.h"

namespace jianbao {
class RuleSet;
}

namespace jianbao::layout {

// Builds the measured lines (blank lines dropped). Their texts are views of `lines` and of the
// strings added to `fixed` (a deque, so they never move); both must outlive the result. The
// pieces of each fixed text are appended to `pieces` (Line::first_piece, Line::piece_count).
// REQUIRES: rules loaded.
std::vector<Line> measure_lines(const std::vector<decode::SourceLine>& lines, const RuleSet& rules,
                                std::deque<std::string>* fixed, std::vector<Piece>* pieces);

// Removes spaces between a CJK character and an ASCII letter or digit ("3 月" -> "3月"), keeps
// spaces between two CJK characters ("确立目标 强化协作"). Records a piece at each removal so
// columns still map to the source. `first_column` is the source column of text[0].
std::string fix_cjk_spacing(std::string_view text, int line, int first_column, int offset_base,
                            std::vector<Piece>* pieces);
// The same, also setting *chars and *width to the code points and display width of the result.
std::string fix_cjk_spacing(std::string_view text, int line, int first_column, int offset_base,
                            std::vector<Piece>* pieces, int* chars, int* width);

}  // namespace jianbao::layout
