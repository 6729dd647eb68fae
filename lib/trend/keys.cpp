#include "trend/keys.h"

#include <sstream>

namespace jianbao::trend {
namespace {

// An empty part is written "-", so that the parts keep their places.
std::string part(const std::string& s) { return s.empty() ? "-" : s; }

}  // namespace

std::string base_key(const IssueMetric& m, const KeyParts& parts) {
  std::string key = m.kind;
  if (parts.unit && !m.unit.empty()) key += " " + m.unit;
  if (parts.section) key += " / " + part(m.section);
  if (parts.region) key += " / " + part(m.region);
  return key;
}

std::string numbered_key(const std::string& base, int n) {
  return n > 1 ? base + " #" + std::to_string(n) : base;
}

Json issue_number_json(const std::string& s) {
  if (s.empty()) return nullptr;
  if (s.size() < 16 && s.find_first_not_of("0123456789") == std::string::npos) return std::stoll(s);
  return s;
}

Result<KeyParts> parse_key_parts(const std::string& list) {
  KeyParts parts{.unit = false, .section = false, .region = false};
  bool kind = false;
  std::stringstream in(list);
  for (std::string p; std::getline(in, p, ',');) {
    if (p == "kind") {
      kind = true;
    } else if (p == "unit") {
      parts.unit = true;
    } else if (p == "section") {
      parts.section = true;
    } else if (p == "region") {
      parts.region = true;
    } else {
      return Status::invalid_argument("--by: unknown part '" + p +
                                      "' (expected kind, unit, section, region)");
    }
  }
  if (!kind) return Status::invalid_argument("--by: the key needs 'kind'");
  return parts;
}

std::vector<std::string> default_kinds() {
  return {"percentage", "percentage_point", "count", "amount", "duration"};
}

}  // namespace jianbao::trend
