// How a metric's key is spelled: "count 起 / 工作动态 / 山东省", "#2" for a repeat.
#pragma once

#include <string>

#include "jianbao/trend.h"

namespace jianbao::trend {

// The key without its repeat number.
std::string base_key(const IssueMetric& m, const KeyParts& parts);
// base_key with " #n" when n > 1.
std::string numbered_key(const std::string& base, int n);

// An issue number as the metric records write it: an integer when it is all digits, null when
// empty, the text otherwise.
Json issue_number_json(const std::string& s);

}  // namespace jianbao::trend
