// lib/trend: keys, the order of issues, series and diffs, from hand-made issues.
#include <doctest/doctest.h>

#include "jianbao/trend.h"
#include "trend/keys.h"
#include "trend/svg_chart.h"

namespace jianbao::trend {
namespace {

IssueMetric metric(std::string kind, std::string unit, std::string section, std::string region,
                   Json value) {
  return {.kind = std::move(kind),
          .unit = std::move(unit),
          .section = std::move(section),
          .region = std::move(region),
          .item = "s1.i1",
          .item_title = "t",
          .text = "x",
          .value = std::move(value),
          .line = 1};
}

TEST_CASE("trend: keys name kind, unit, section and region; --by leaves parts out") {
  const IssueMetric m = metric("count", "起", "工作动态", "山东省", 3);
  const IssueMetric news = metric("percentage", "", "", "", 1.5);
  struct Row {
    const char* by;
    const IssueMetric* m;
    const char* want;
  };
  const Row rows[] = {
      {"kind,unit,section,region", &m, "count 起 / 工作动态 / 山东省"},
      {"kind,unit,region", &m, "count 起 / 山东省"},
      {"kind,section", &m, "count / 工作动态"},
      {"kind", &m, "count"},
      {"region,kind", &m, "count / 山东省"},
      {"kind,unit,section,region", &news, "percentage / - / -"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.by);
    auto parts = parse_key_parts(r.by);
    REQUIRE(parts.ok());
    CHECK(base_key(*r.m, parts.value()) == r.want);
  }
  CHECK(numbered_key("count", 1) == "count");
  CHECK(numbered_key("count", 2) == "count #2");
  for (const char* bad : {"unit,section", "kind,colour", ""}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_key_parts(bad).ok());
  }
}

TEST_CASE("trend: issues are ordered by date, then issue number as a number, then path") {
  struct Row {
    const char* path;
    const char* date;
    const char* issue;
  };
  const Row in[] = {{"e", "", "1"},          {"d", "2024-03-01", "10"}, {"c", "2024-03-01", "9"},
                    {"b", "2024-01-01", ""}, {"a", "2024-02-01", "2"},  {"f", "2024-03-01", ""},
                    {"g", "2024-03-01", "9"}};
  std::vector<Issue> issues;
  for (const Row& r : in) issues.push_back({.path = r.path, .date = r.date, .issue = r.issue});
  sort_issues(&issues);
  std::string order;
  for (const Issue& i : issues) order += i.path;
  CHECK(order == "bacgdfe");
}

TEST_CASE("trend: series follow each key over issues; repeats in one issue are numbered") {
  std::vector<Issue> issues(3);
  issues[0].metrics = {metric("percentage", "", "S", "", 10), metric("percentage", "", "S", "", 5),
                       metric("date", "", "S", "", "2024-01-01")};
  issues[1].metrics = {metric("percentage", "", "S", "", 11)};
  issues[2].metrics = {metric("percentage", "", "S", "", 12), metric("percentage", "", "S", "", 6),
                       metric("count", "起", "S", "R", 7)};
  const auto series = build_series(issues, {}, default_kinds());
  REQUIRE(series.size() == 3);
  CHECK(series[0].key == "percentage / S / -");
  CHECK(series[1].key == "percentage / S / - #2");
  CHECK(series[2].key == "count 起 / S / R");
  std::vector<std::pair<size_t, Json>> first;
  for (const SeriesPoint& p : series[0].points) first.push_back({p.issue, p.metric.value});
  CHECK(first == std::vector<std::pair<size_t, Json>>{{0, 10}, {1, 11}, {2, 12}});
  CHECK(series[1].points.size() == 2);
  CHECK(series[1].points[1].issue == 2);
  const auto rows = tidy_rows(issues, series);
  CHECK(rows.size() == 6);
  const auto wide = wide_table(issues, series);
  REQUIRE(wide.size() == 4);
  CHECK(wide[2] == std::vector<std::string>{"percentage / S / - #2", "5", "", "6"});
}

TEST_CASE("trend: diff lists items, metrics and provinces that changed") {
  Issue a{.path = "a"};
  Issue b{.path = "b"};
  a.items = {{"s1.i1", "S", "kept", ""}, {"s1.i2", "S", "dropped", ""}};
  b.items = {{"s1.i1", "S", "kept", ""}, {"s1.i2", "T", "dropped", ""}, {"s1.i3", "S", "new", ""}};
  a.metrics = {metric("count", "起", "S", "", 1), metric("count", "人", "S", "", 2)};
  b.metrics = {metric("count", "起", "S", "", 1), metric("count", "家", "S", "", 3)};
  a.provinces = {{"A", "1", 1}, {"B", "2", 1}};
  b.provinces = {{"B", "2", 2}, {"C", "3", 1}};
  const IssueDiff d = diff_issues(a, b, {}, default_kinds());
  REQUIRE(d.items_added.size() == 2);  // the same title in another section is another item
  CHECK(d.items_added[0].title == "dropped");
  CHECK(d.items_added[1].title == "new");
  REQUIRE(d.items_dropped.size() == 1);
  CHECK(d.items_dropped[0].section == "S");
  REQUIRE(d.metrics.size() == 2);  // the unchanged count is not listed
  CHECK(d.metrics[0].key == "count 家 / S / -");
  CHECK(d.metrics[0].before.is_null());
  CHECK(d.metrics[1].key == "count 人 / S / -");
  CHECK(d.metrics[1].after.is_null());
  REQUIRE(d.provinces_added.size() == 1);
  CHECK(d.provinces_added[0].name == "C");
  REQUIRE(d.provinces_dropped.size() == 1);
  CHECK(d.provinces_dropped[0].name == "A");
  CHECK(diff_json(a, b, d)["metrics"].size() == 2);
}

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

TEST_CASE("trend: a chart joins consecutive issues only and draws one dot per value") {
  std::vector<Issue> issues(4);
  struct Row {
    const char* name;
    std::vector<std::pair<size_t, Json>> points;
    size_t moves;  // separate runs of the line
    size_t lines;  // segments
  };
  const Row rows[] = {
      {"a gap breaks the line", {{0, 1}, {1, 2}, {3, 4}}, 2, 1},
      {"every issue", {{0, 1}, {1, 2}, {2, 3}, {3, 4}}, 1, 3},
      {"a flat series", {{0, 5}, {1, 5}}, 1, 1},
      {"one value", {{2, 7}}, 1, 0},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    Series s{.key = "k <&>", .kind = "count"};
    for (const auto& [issue, value] : r.points)
      s.points.push_back({issue, metric("count", "", "", "", value)});
    const std::string svg = svg_chart(s, issues);
    const size_t d = svg.find(" d=\"");
    REQUIRE(d != std::string::npos);
    const std::string path = svg.substr(d, svg.find('"', d + 4) - d);
    CHECK(count(path, "M") == r.moves);
    CHECK(count(path, "L") == r.lines);
    CHECK(count(svg, "<circle") == r.points.size());
    CHECK(svg.find("nan") == std::string::npos);
    CHECK(svg.find("k &lt;&amp;&gt;") != std::string::npos);
  }
}

TEST_CASE("trend: issue_from_record refuses what is not a bulletin record") {
  CHECK_FALSE(issue_from_record(Json::array()).ok());
  CHECK_FALSE(issue_from_record(Json{{"schema", "jianbao.metric/1"}}).ok());
  const Json rec = Json::parse(R"({"schema":"jianbao.bulletin/1","source":{"path":"p"},
    "masthead":{"title":"T","issue":"5","total_issue":"","date":"2024-05-01"},
    "sections":[{"title":"S","items":[{"id":"s1.i1","title":"I","region":{"name":"R"},
      "metrics":[{"kind":"count","unit":"起","text":"3起","value":3,"line":7}],
      "provinces":[{"name":"R","code":"1","count":2}]}]}]})");
  auto issue = issue_from_record(rec);
  REQUIRE(issue.ok());
  CHECK(issue.value().label() == "2024-05-01 #5");
  REQUIRE(issue.value().metrics.size() == 1);
  CHECK(issue.value().metrics[0].region == "R");
  CHECK(issue.value().metrics[0].line == 7);
  CHECK(issue.value().provinces[0].count == 2);
}

}  // namespace
}  // namespace jianbao::trend
