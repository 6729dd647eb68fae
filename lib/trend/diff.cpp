// What changed between two issues: items (by section and title), metric values (by key) and the
// provinces named.
#include <fmt/format.h>

#include <map>
#include <set>

#include "jianbao/trend.h"
#include "trend/keys.h"

namespace jianbao::trend {
namespace {

using ItemId = std::pair<std::string, std::string>;  // section, title

std::set<ItemId> item_ids(const Issue& issue) {
  std::set<ItemId> out;
  for (const IssueItem& i : issue.items) out.insert({i.section, i.title});
  return out;
}

// Each key's value in one issue (its series point there).
std::map<std::string, Json> values_by_key(const Issue& issue, const KeyParts& parts,
                                          const std::vector<std::string>& kinds) {
  std::map<std::string, Json> out;
  for (const Series& s : build_series({issue}, parts, kinds)) out[s.key] = s.points[0].metric.value;
  return out;
}

std::vector<IssueItem> items_missing(const Issue& from, const std::set<ItemId>& in) {
  std::vector<IssueItem> out;
  for (const IssueItem& i : from.items) {
    if (!in.count({i.section, i.title})) out.push_back(i);
  }
  return out;
}

std::vector<ProvinceNamed> provinces_missing(const Issue& from, const Issue& in) {
  std::set<std::string> names;
  for (const ProvinceNamed& p : in.provinces) names.insert(p.name);
  std::vector<ProvinceNamed> out;
  for (const ProvinceNamed& p : from.provinces) {
    if (!names.count(p.name)) out.push_back(p);
  }
  return out;
}

std::string value_text(const Json& v) {
  if (v.is_null()) return "-";
  return v.is_string() ? v.get<std::string>() : v.dump();
}

Json item_json(const IssueItem& i) {
  return {{"section", i.section}, {"title", i.title}, {"region", i.region}, {"id", i.id}};
}

Json province_json(const ProvinceNamed& p) {
  return {{"name", p.name}, {"code", p.code}, {"count", p.count}};
}

Json issue_ref(const Issue& i) {
  return {{"source_path", i.path},
          {"masthead_date", i.date.empty() ? Json(nullptr) : Json(i.date)},
          {"masthead_issue", issue_number_json(i.issue)},
          {"label", i.label()}};
}

}  // namespace

IssueDiff diff_issues(const Issue& a, const Issue& b, const KeyParts& parts,
                      const std::vector<std::string>& kinds) {
  IssueDiff d;
  d.items_added = items_missing(b, item_ids(a));
  d.items_dropped = items_missing(a, item_ids(b));
  const auto before = values_by_key(a, parts, kinds);
  const auto after = values_by_key(b, parts, kinds);
  // Keys in the order of the later issue, then those it no longer has.
  for (const Series& s : build_series({b}, parts, kinds)) {
    auto it = before.find(s.key);
    const Json old = it == before.end() ? Json(nullptr) : it->second;
    if (old != after.at(s.key)) d.metrics.push_back({s.key, old, after.at(s.key)});
  }
  for (const Series& s : build_series({a}, parts, kinds)) {
    if (!after.count(s.key)) d.metrics.push_back({s.key, before.at(s.key), nullptr});
  }
  d.provinces_added = provinces_missing(b, a);
  d.provinces_dropped = provinces_missing(a, b);
  return d;
}

Json diff_json(const Issue& a, const Issue& b, const IssueDiff& d) {
  Json j;
  j["schema"] = "jianbao.diff/1";
  j["from"] = issue_ref(a);
  j["to"] = issue_ref(b);
  j["items_added"] = Json::array();
  for (const IssueItem& i : d.items_added) j["items_added"].push_back(item_json(i));
  j["items_dropped"] = Json::array();
  for (const IssueItem& i : d.items_dropped) j["items_dropped"].push_back(item_json(i));
  j["metrics"] = Json::array();
  for (const IssueDiff::Change& c : d.metrics)
    j["metrics"].push_back({{"key", c.key}, {"before", c.before}, {"after", c.after}});
  j["provinces_added"] = Json::array();
  for (const ProvinceNamed& p : d.provinces_added) j["provinces_added"].push_back(province_json(p));
  j["provinces_dropped"] = Json::array();
  for (const ProvinceNamed& p : d.provinces_dropped)
    j["provinces_dropped"].push_back(province_json(p));
  return j;
}

std::string diff_text(const Issue& a, const Issue& b, const IssueDiff& d) {
  std::string out = fmt::format("--- {} ({})\n+++ {} ({})\n", a.label(), a.path, b.label(), b.path);
  for (const IssueItem& i : d.items_dropped)
    out += fmt::format("- item [{}] {}\n", i.section, i.title);
  for (const IssueItem& i : d.items_added)
    out += fmt::format("+ item [{}] {}\n", i.section, i.title);
  for (const IssueDiff::Change& c : d.metrics) {
    const char sign = c.before.is_null() ? '+' : c.after.is_null() ? '-' : '~';
    out += fmt::format("{} metric {}: {} -> {}\n", sign, c.key, value_text(c.before),
                       value_text(c.after));
  }
  for (const ProvinceNamed& p : d.provinces_dropped)
    out += fmt::format("- province {} ({})\n", p.name, p.code);
  for (const ProvinceNamed& p : d.provinces_added)
    out += fmt::format("+ province {} ({})\n", p.name, p.code);
  return out;
}

}  // namespace jianbao::trend
