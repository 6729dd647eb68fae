// Bulletin records to Issues, and their order.
#include <algorithm>
#include <map>

#include "jianbao/trend.h"

namespace jianbao::trend {
namespace {

std::string string_at(const Json& obj, const char* key) {
  if (!obj.is_object() || !obj.contains(key)) return "";
  const Json& v = obj[key];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  return "";
}

// The issue number for ordering; issues without one sort after those with one.
long long issue_number(const std::string& s) {
  constexpr long long kNone = 1LL << 62;
  if (s.empty() || s.size() > 15 || s.find_first_not_of("0123456789") != std::string::npos)
    return kNone;
  return std::stoll(s);
}

}  // namespace

std::string Issue::label() const {
  if (date.empty() && issue.empty()) return path;
  std::string out = date;
  if (!issue.empty()) out += (out.empty() ? "#" : " #") + issue;
  return out;
}

Result<Issue> issue_from_record(const Json& record) {
  if (!record.is_object() || string_at(record, "schema").rfind("jianbao.bulletin/", 0) != 0) {
    return Status::invalid_argument("not a jianbao.bulletin record");
  }
  Issue out;
  if (record.contains("source")) out.path = string_at(record["source"], "path");
  if (record.contains("masthead") && record["masthead"].is_object()) {
    const Json& m = record["masthead"];
    out.date = string_at(m, "date");
    out.issue = string_at(m, "issue");
    out.total_issue = string_at(m, "total_issue");
    out.title = string_at(m, "title");
  }
  std::map<std::string, size_t> province_index;
  if (!record.contains("sections") || !record["sections"].is_array()) return out;
  for (const Json& section : record["sections"]) {
    const std::string section_title = string_at(section, "title");
    if (!section.contains("items") || !section["items"].is_array()) continue;
    for (const Json& item : section["items"]) {
      IssueItem it{.id = string_at(item, "id"),
                   .section = section_title,
                   .title = string_at(item, "title"),
                   .region = ""};
      if (item.contains("region") && item["region"].is_object())
        it.region = string_at(item["region"], "name");
      if (item.contains("metrics") && item["metrics"].is_array()) {
        for (const Json& m : item["metrics"]) {
          IssueMetric metric{.kind = string_at(m, "kind"),
                             .unit = string_at(m, "unit"),
                             .section = section_title,
                             .region = it.region,
                             .item = it.id,
                             .item_title = it.title,
                             .text = string_at(m, "text"),
                             .value = m.contains("value") ? m["value"] : Json(nullptr),
                             .line = m.contains("line") && m["line"].is_number_integer()
                                         ? m["line"].get<int>()
                                         : 0};
          out.metrics.push_back(std::move(metric));
        }
      }
      if (item.contains("provinces") && item["provinces"].is_array()) {
        for (const Json& p : item["provinces"]) {
          const std::string name = string_at(p, "name");
          const int count =
              p.contains("count") && p["count"].is_number_integer() ? p["count"].get<int>() : 1;
          auto [pos, inserted] = province_index.emplace(name, out.provinces.size());
          if (inserted) {
            out.provinces.push_back({name, string_at(p, "code"), count});
          } else {
            out.provinces[pos->second].count += count;
          }
        }
      }
      out.items.push_back(std::move(it));
    }
  }
  return out;
}

void sort_issues(std::vector<Issue>* issues) {
  std::stable_sort(issues->begin(), issues->end(), [](const Issue& a, const Issue& b) {
    // An issue without a date sorts last: it cannot be placed.
    if (a.date.empty() != b.date.empty()) return b.date.empty();
    if (a.date != b.date) return a.date < b.date;
    const long long na = issue_number(a.issue);
    const long long nb = issue_number(b.issue);
    if (na != nb) return na < nb;
    return a.path < b.path;
  });
}

}  // namespace jianbao::trend
