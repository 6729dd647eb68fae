// What an expectations file promises: expect-section, expect-items, expect-province,
// expect-metric. Findings about something missing point at the top of the bulletin and name
// the line of the expectations file that asked for it.
#include <fmt/format.h>

#include <set>

#include "check/catalog.h"
#include "check/families.h"

namespace jianbao::check {
namespace {

std::string where(const Expectations& e, int line) { return fmt::format("{}:{}", e.file, line); }

std::string province_code_of(const Region& region, const RuleSet& rules) {
  for (const Place& p : rules.gazetteer.places) {
    if (p.code == region.code) return p.province_code;
  }
  return "";
}

std::string province_name(const std::string& code, const RuleSet& rules) {
  auto it = rules.gazetteer.province_by_code.find(code);
  return it == rules.gazetteer.province_by_code.end() ? code
                                                      : rules.gazetteer.places[it->second].name;
}

void check_sections(const Document& doc, const Expectations& e, const Context& ctx) {
  std::string present;
  for (const Section& s : doc.sections) present += (present.empty() ? "" : ", ") + s.title;
  for (const Expectations::Section& want : e.sections) {
    const Section* found = nullptr;
    for (const Section& s : doc.sections) {
      if (compact(s.title) == compact(want.title)) found = &s;
    }
    if (!found) {
      ctx.add(ids::kExpectSection, doc.source.path, 1, 1,
              fmt::format("required section '{}' is missing (sections: {}; required by {})",
                          want.title, present.empty() ? "none" : present, where(e, want.line)));
    } else if (static_cast<int>(found->items.size()) < want.min_items) {
      ctx.add(ids::kExpectSection, doc.source.path, found->first_line, 1,
              fmt::format("section '{}' has {} items, {} requires at least {}", want.title,
                          found->items.size(), where(e, want.line), want.min_items));
    }
  }
  size_t items = 0;
  for (const Section& s : doc.sections) items += s.items.size();
  if (static_cast<int>(items) < e.min_items) {
    ctx.add(ids::kExpectItems, doc.source.path, 1, 1,
            fmt::format("the bulletin has {} items, {} requires at least {}", items,
                        where(e, e.min_items_line), e.min_items));
  }
}

void check_provinces(const Document& doc, const Expectations& e, const Context& ctx) {
  std::set<std::string> seen;
  for (const Section& s : doc.sections) {
    for (const Item& item : s.items) {
      if (!item.region) continue;
      const std::string code = province_code_of(*item.region, ctx.rules);
      seen.insert(code);
      if (e.allowed_provinces.empty()) continue;
      bool allowed = false;
      for (const auto& p : e.allowed_provinces) allowed = allowed || p.code == code;
      if (allowed) continue;
      std::string list;
      for (const auto& p : e.allowed_provinces) list += (list.empty() ? "" : ", ") + p.name;
      const std::string region =
          item.region->level == "province"
              ? item.region->name
              : fmt::format("{} ({})", item.region->name, province_name(code, ctx.rules));
      ctx.add(ids::kExpectProvince, doc.source.path, item.first_line, 1,
              fmt::format("region {} is outside the allowed provinces {} ({})", region, list,
                          where(e, e.allowed_provinces.front().line)));
    }
  }
  for (const auto& p : e.required_provinces) {
    if (seen.count(p.code)) continue;
    ctx.add(
        ids::kExpectProvince, doc.source.path, 1, 1,
        fmt::format("no local-experience item from {} (required by {})", p.name, where(e, p.line)));
  }
}

void check_metrics(const Document& doc, const Expectations& e, const Context& ctx) {
  for (const Expectations::MetricNeed& need : e.metrics) {
    int count = 0;
    for (const Section& s : doc.sections) {
      for (const Item& item : s.items) {
        for (const Metric& m : item.metrics) {
          if (m.kind == need.kind && (need.unit.empty() || m.unit == need.unit)) ++count;
        }
      }
    }
    if (count >= need.min_count) continue;
    const std::string what = need.unit.empty()
                                 ? fmt::format("{} metrics", to_string(need.kind))
                                 : fmt::format("{} metrics in {}", to_string(need.kind), need.unit);
    ctx.add(ids::kExpectMetric, doc.source.path, 1, 1,
            fmt::format("found {} {}, {} requires at least {}", count, what, where(e, need.line),
                        need.min_count));
  }
}

}  // namespace

void check_expectations(const Document& doc, const Context& ctx) {
  const Expectations& e = *ctx.expect;
  check_sections(doc, e, ctx);
  check_provinces(doc, e, ctx);
  check_metrics(doc, e, ctx);
}

}  // namespace jianbao::check
