// A metric rule's match in a block, before it is resolved into a Metric (metrics/resolve.h).
#pragma once

#include <string>

#include "ruleset/rule_set.h"

namespace jianbao::metrics {

// The texts of a match's named groups (empty when a group did not take part).
struct Captures {
  std::string whole, value, tenths, unit, cmp, cmpb, change;
  std::string y, m, d, y2, m2, d2, part, part2, eom, thisyear;
  std::string value2, half, half2, per, yrel;
};

struct Candidate {
  const MetricRule* rule = nullptr;
  int begin = 0;  // code points in the block text
  int end = 0;
  Captures groups;
};

}  // namespace jianbao::metrics
