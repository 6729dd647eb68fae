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
  Metric metric;         // kind kProvince: value = canonical name, code, group; else kNumber
  bool numeral = false;  // the name holds a numeral: no figure may be read inside it
};

// Every gazetteer hit: provinces (and group members) as kProvince metrics; other places (cities,
// counties) with metric.kind kNumber, kept only for their spans.
std::vector<PlaceMention> find_provinces(const std::string& normalized, const RuleSet& rules);

}  // namespace jianbao::metrics
