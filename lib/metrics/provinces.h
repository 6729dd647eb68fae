// Provinces named in a text, from the gazetteer: full names, short forms (内蒙古) and group names
// (京津冀, expanded to each member with the group noted). A city or county that shares a
// province's name (吉林市) is matched as itself, so it is no province.
#pragma once

#include <string>
#include <vector>

#include "jianbao/document.h"

namespace jianbao {
class RuleSet;
}

namespace jianbao::metrics {

struct PlaceMention {
  int begin = 0;  // code points in the text
  int end = 0;
  Metric metric;  // kind kProvince: value = canonical name, code, group
};

std::vector<PlaceMention> find_provinces(const std::string& normalized, const RuleSet& rules);

}  // namespace jianbao::metrics
