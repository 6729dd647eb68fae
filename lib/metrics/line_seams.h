// Figures that the layout stage cut in two: a block that ends on one source line and the next
// block that starts on the following line ("…死亡 1592" / "人，…", "自 8 月 16" / "日起…").
// Text that is not wrapped at a known width makes every line a block, and a paragraph's line
// taken for a title is one too, so a figure at such a line end would be lost. The metrics stage
// matches a short window over each seam and keeps what crosses it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "jianbao/layout.h"
#include "ruleset/rule_set.h"

namespace jianbao::metrics {

// Whether a candidate of a block touches its ends.
struct SeamTouch {
  bool at_start = false;
  bool at_end = false;
};

struct LineSeam {
  size_t upper = 0;      // index of the block before the seam; the one after is upper + 1
  int tail_from = 0;     // code point offset in the upper block where the window starts
  int at = 0;            // code point offset of the seam in `window.text`
  layout::Block window;  // the upper block's tail, then the lower block's head, pieces mapped
};

// The seams of `blocks` where a figure may go on (rules.tables.line_seam): the two blocks stand
// on consecutive source lines, the upper one's last line is a full one (a table cell on a line
// of its own is no cut figure), and one side of the seam holds a figure character or a figure
// the blocks already hold touches it (`touching[b]`: one ends where block b ends, or starts where
// it starts: "六个工作" / "组").
std::vector<LineSeam> find_line_seams(const std::vector<layout::Block>& blocks,
                                      const std::vector<SeamTouch>& touching, const RuleSet& rules);

// find_line_seams one seam at a time, for a caller that matches the blocks in order and drops
// each once the seam below it is done: the seam between blocks[b] and blocks[b + 1], if there is
// one. `touch_up` and `touch_down` are those blocks' touching; `long_width` is long_line_width.
std::optional<LineSeam> seam_below(const std::vector<layout::Block>& blocks, size_t b,
                                   const SeamTouch& touch_up, const SeamTouch& touch_down,
                                   int long_width, const RuleSet& rules);

// The display width a long line of `blocks` reaches: the one that `rank` of its lines stay within
// (rules.tables.line_seam.long_line_rank).
int long_line_width(const std::vector<layout::Block>& blocks, double rank);

}  // namespace jianbao::metrics
