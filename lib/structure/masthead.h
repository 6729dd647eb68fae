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

// Reads masthead lines from the leading blocks. Returns the masthead and sets *consumed to the
// number of leading blocks it used (0 and nullopt when there is none).
std::optional<Masthead> read_masthead(const std::vector<layout::Block>& blocks,
                                      const RuleSet& rules, size_t* consumed);

// "2024年5月10日" or "二〇二四年五月十日" as YYYY-MM-DD; "" when it is no valid date.
std::string normalize_masthead_date(const std::string& text, const RuleSet& rules);

}  // namespace jianbao::structure
