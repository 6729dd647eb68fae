// One series as a small inline SVG line chart: x is the issue (every issue has its place, so a
// month without the figure shows as a gap), y the value, scaled to the series' own range.
#pragma once

#include <string>
#include <vector>

#include "jianbao/trend.h"

namespace jianbao::trend {

std::string svg_chart(const Series& series, const std::vector<Issue>& issues);

}  // namespace jianbao::trend
