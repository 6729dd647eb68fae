// Enumerated points: 一是/二是, （一）, 1., 第一，… with their nesting.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "jianbao/document.h"
#include "jianbao/layout.h"

namespace jianbao {
class RuleSet;
}

namespace jianbao::structure {

struct PointStart {
  std::string marker;
  int level = 0;
  int marker_length = 0;  // code points
};

// The point marker at the start of `text`, if any.
std::optional<PointStart> match_point(const std::string& text, const RuleSet& rules);

// Adds the block as a point to `points`, nested under the last point of a lower level.
void add_point(const layout::Block& block, const PointStart& start, const RuleSet& rules,
               std::vector<Point>* points);

}  // namespace jianbao::structure
