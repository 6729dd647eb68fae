#include "metrics/provinces.h"

#include "core/utf8.h"
#include "ruleset/rule_set.h"

namespace jianbao::metrics {

std::vector<PlaceMention> find_provinces(const std::string& normalized, const RuleSet& rules) {
  const Gazetteer& gz = rules.gazetteer;
  std::vector<PlaceMention> out;
  size_t counted_bytes = 0;
  int counted_cps = 0;
  auto cp_at = [&](size_t byte) {
    counted_cps += static_cast<int>(core::count_code_points(
        std::string_view(normalized).substr(counted_bytes, byte - counted_bytes)));
    counted_bytes = byte;
    return counted_cps;
  };
  for (const auto& hit : gz.matcher.find_all(normalized)) {
    const int begin = cp_at(hit.begin);
    const int end = cp_at(hit.end);
    const int payload = hit.payloads.front();
    auto add = [&](const Place& p, const std::string& group) {
      PlaceMention m{begin, end, {}};
      m.metric.kind = MetricKind::kProvince;
      m.metric.value = p.name;
      m.metric.code = p.code;
      m.metric.group = group;
      m.metric.rule_id = group.empty() ? "province_gazetteer" : "province_group";
      out.push_back(std::move(m));
    };
    if (payload < 0) {
      const PlaceGroup& g = gz.groups[static_cast<size_t>(-payload - 1)];
      for (const int member : g.members) add(gz.places[static_cast<size_t>(member)], g.name);
    } else if (hit.payloads.size() == 1 && gz.places[static_cast<size_t>(payload)].level == "province") {
      add(gz.places[static_cast<size_t>(payload)], "");
    }
  }
  return out;
}

}  // namespace jianbao::metrics
