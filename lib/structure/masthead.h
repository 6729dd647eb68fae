// The masthead: bulletin name, 第N期, 总第N期, issuing office, date and notes at the top.
#pragma once

#include <optional>
#include <vector>

#include "jianbao/document.h"
#include "jianbao/layout.h"

namespace jianbao {
class RuleSet;
}

namespace jianbao::structure {

// Where the masthead ends: the first block, and the first line in it, that is not masthead.
struct MastheadEnd {
  size_t block = 0;
  size_t line = 0;
};

// Reads masthead lines from the leading blocks, line by line (a title group may join the last
// masthead line and the first title line). Returns nullopt and {0, 0} when there is none.
std::optional<Masthead> read_masthead(const std::vector<layout::Block>& blocks,
                                      const RuleSet& rules, MastheadEnd* end);

// "2024年5月10日" or "二〇二四年五月十日" as YYYY-MM-DD; "" when it is no valid date.
std::string normalize_masthead_date(const std::string& text, const RuleSet& rules);

}  // namespace jianbao::structure
