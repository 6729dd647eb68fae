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
    const std::string_view name =
        std::string_view(normalized).substr(hit.begin, hit.end - hit.begin);
    bool numeral = false;
    size_t pos = 0;
    while (pos < name.size()) {
      const char32_t c = core::next_code_point(name, &pos);
      numeral = numeral || (c >= '0' && c <= '9') || rules.numerals.digits.count(c) ||
                rules.numerals.small_units.count(c);
    }
    auto add = [&](const Place& p, const std::string& group) {
      PlaceMention m{begin, end, {}, numeral};
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
    } else if (hit.payloads.size() == 1 &&
               gz.places[static_cast<size_t>(payload)].level == "province") {
      add(gz.places[static_cast<size_t>(payload)], "");
    } else if (numeral) {
      out.push_back({begin, end, {}, true});
    }
  }
  return out;
}

}  // namespace jianbao::metrics
