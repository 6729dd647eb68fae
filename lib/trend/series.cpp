// Metrics of sorted issues grouped into series by key, and the tidy and wide tables of them.
#include <algorithm>
#include <map>

#include "jianbao/trend.h"
#include "trend/keys.h"

namespace jianbao::trend {
namespace {

bool followed(const std::vector<std::string>& kinds, const std::string& kind) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

}  // namespace

std::vector<Series> build_series(const std::vector<Issue>& issues, const KeyParts& parts,
                                 const std::vector<std::string>& kinds) {
  std::vector<Series> out;
  std::map<std::string, size_t> index;  // numbered key -> position in out
  for (size_t i = 0; i < issues.size(); ++i) {
    std::map<std::string, int> seen;  // base key -> metrics so far in this issue
    for (const IssueMetric& m : issues[i].metrics) {
      if (!followed(kinds, m.kind)) continue;
      const std::string base = base_key(m, parts);
      const int n = ++seen[base];
      const std::string key = numbered_key(base, n);
      auto [pos, inserted] = index.emplace(key, out.size());
      if (inserted) {
        out.push_back({.key = key,
                       .kind = m.kind,
                       .unit = parts.unit ? m.unit : "",
                       .section = parts.section ? m.section : "",
                       .region = parts.region ? m.region : "",
                       .n = n,
                       .points = {}});
      }
      out[pos->second].points.push_back({i, m});
    }
  }
  return out;
}

const std::vector<std::string>& tidy_columns() {
  static const std::vector<std::string> columns = {
      "key",           "kind",           "unit",
      "section",       "region",         "n",
      "masthead_date", "masthead_issue", "masthead_total_issue",
      "source_path",   "value",          "text",
      "line",          "item",           "item_title"};
  return columns;
}

std::vector<Json> tidy_rows(const std::vector<Issue>& issues, const std::vector<Series>& series) {
  std::vector<Json> rows;
  for (const Series& s : series) {
    for (const SeriesPoint& p : s.points) {
      const Issue& issue = issues[p.issue];
      Json row;
      row["key"] = s.key;
      row["kind"] = s.kind;
      row["unit"] = s.unit;
      row["section"] = s.section;
      row["region"] = s.region;
      row["n"] = s.n;
      row["masthead_date"] = issue.date.empty() ? Json(nullptr) : Json(issue.date);
      row["masthead_issue"] = issue_number_json(issue.issue);
      row["masthead_total_issue"] = issue_number_json(issue.total_issue);
      row["source_path"] = issue.path;
      row["value"] = p.metric.value;
      row["text"] = p.metric.text;
      row["line"] = p.metric.line;
      row["item"] = p.metric.item;
      row["item_title"] = p.metric.item_title;
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

std::vector<std::vector<std::string>> wide_table(const std::vector<Issue>& issues,
                                                 const std::vector<Series>& series) {
  std::vector<std::vector<std::string>> table;
  std::vector<std::string> header = {"key"};
  for (const Issue& issue : issues) header.push_back(issue.label());
  table.push_back(std::move(header));
  for (const Series& s : series) {
    std::vector<std::string> row(issues.size() + 1);
    row[0] = s.key;
    for (const SeriesPoint& p : s.points) {
      const Json& v = p.metric.value;
      row[p.issue + 1] = v.is_string() ? v.get<std::string>() : v.is_null() ? "" : v.dump();
    }
    table.push_back(std::move(row));
  }
  return table;
}

}  // namespace jianbao::trend
