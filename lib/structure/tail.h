// The end of a bulletin: the distribution list (报/送/抄送) and the colophon (编辑, 共印N份).
#pragma once

#include <string>
#include <vector>

#include "jianbao/document.h"
#include "jianbao/layout.h"

namespace jianbao {
class RuleSet;
}

namespace jianbao::structure {

// Index of the first block of the tail: every block from there on is distribution, colophon or
// left unclaimed. Returns blocks.size() when there is no tail.
size_t find_tail(const std::vector<layout::Block>& blocks, size_t body_begin, const RuleSet& rules);

// Reads the tail blocks [begin, end) into the document.
void read_tail(const std::vector<layout::Block>& blocks, size_t begin, const RuleSet& rules,
               Document* doc);

// Splits "a，b（c，d），e" at top-level separators into "a", "b（c，d）", "e".
std::vector<std::string> split_recipients(const std::string& text, const RuleSet& rules);

}  // namespace jianbao::structure
