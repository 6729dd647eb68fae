// Trends across issues: the same figure followed from one bulletin to the next.
//
// Input is bulletin records (jianbao.bulletin/1 trees, from a batch's output directory or parsed
// on the spot). Each record becomes an Issue; issues are ordered by masthead date, then issue
// number, then path. A metric's key is what a reader would call the same figure next month: its
// kind, unit, section title and item region (each part can be left out with KeyParts), plus its
// order of appearance among the metrics of that issue with the same parts (the second percentage
// in 山东省's item is "#2"). A series is one key followed over the issues.
//
//   std::vector<trend::Issue> issues;
//   for (const auto& record : records) issues.push_back(trend::issue_from_record(record).value());
//   trend::sort_issues(&issues);
//   auto series = trend::build_series(issues, {});
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "jianbao/status.h"

namespace jianbao::trend {

using Json = nlohmann::ordered_json;

// One metric of an issue, with what its key is made of.
struct IssueMetric {
  std::string kind{};
  std::string unit{};
  std::string section{};
  std::string region{};
  std::string item{};  // item id
  std::string item_title{};
  std::string text{};
  Json value{};  // the normalised value (a number for the kinds trend follows)
  int line = 0;
};

struct IssueItem {
  std::string id{};
  std::string section{};
  std::string title{};
  std::string region{};
};

struct ProvinceNamed {
  std::string name{};
  std::string code{};
  int count = 0;  // mentions in the issue
};

struct Issue {
  std::string path{};   // source.path
  std::string date{};   // masthead date YYYY-MM-DD; empty when none
  std::string issue{};  // 第N期 as written in the record; empty when none
  std::string total_issue{};
  std::string title{};  // masthead title
  std::vector<IssueItem> items{};
  std::vector<IssueMetric> metrics{};
  std::vector<ProvinceNamed> provinces{};  // by first mention
  // A label for the issue in tables: "2024-03-10 #3", or the path when there is no masthead.
  std::string label() const;
};

// A jianbao.bulletin/1 tree to an Issue. kInvalidArgument when it is not one.
Result<Issue> issue_from_record(const Json& record);

// By masthead date, then issue number (numerically), then path. Stable.
void sort_issues(std::vector<Issue>* issues);

// Which parts make a key. Kind is always part of it.
struct KeyParts {
  bool unit = true;
  bool section = true;
  bool region = true;
};

// "kind,unit,section,region" (any subset, kind required) to KeyParts; kInvalidArgument otherwise.
Result<KeyParts> parse_key_parts(const std::string& list);

// The kinds trend follows by default: those whose value is one number.
std::vector<std::string> default_kinds();

struct SeriesPoint {
  size_t issue = 0;  // index into the issues
  IssueMetric metric{};
};

struct Series {
  std::string key{};  // "count 起 / 工作动态 / 山东省", "#2" appended for the second of a kind
  std::string kind{};
  std::string unit{};
  std::string section{};
  std::string region{};
  int n = 1;
  std::vector<SeriesPoint> points{};  // in issue order, at most one per issue
};

// Every key found in `issues` (already sorted) among metrics of `kinds`, in order of first
// appearance.
std::vector<Series> build_series(const std::vector<Issue>& issues, const KeyParts& parts,
                                 const std::vector<std::string>& kinds);

// The tidy table: one row per key and issue, in series order then issue order:
// {key, kind, unit, section, region, n, issue_date, issue, total_issue, source_path, value, text,
// line, item, item_title}.
std::vector<Json> tidy_rows(const std::vector<Issue>& issues, const std::vector<Series>& series);
const std::vector<std::string>& tidy_columns();

// The wide table as CSV rows: a header (key, then one column per issue label), one row per key.
std::vector<std::vector<std::string>> wide_table(const std::vector<Issue>& issues,
                                                 const std::vector<Series>& series);

// What changed from `a` to `b`.
struct IssueDiff {
  std::vector<IssueItem> items_added{};  // by section and title
  std::vector<IssueItem> items_dropped{};
  struct Change {
    std::string key{};
    Json before;  // null when the key is new
    Json after;   // null when the key is gone
  };
  std::vector<Change> metrics{};  // keys whose value changed, appeared or disappeared
  std::vector<ProvinceNamed> provinces_added{};
  std::vector<ProvinceNamed> provinces_dropped{};
};

IssueDiff diff_issues(const Issue& a, const Issue& b, const KeyParts& parts,
                      const std::vector<std::string>& kinds);
Json diff_json(const Issue& a, const Issue& b, const IssueDiff& d);
std::string diff_text(const Issue& a, const Issue& b, const IssueDiff& d);

// The self-contained HTML report: one inline SVG chart per series, the provinces named per issue,
// and the items added and dropped between consecutive issues. No script, no external resource.
std::string html_report(const std::vector<Issue>& issues, const std::vector<Series>& series,
                        const KeyParts& parts, const std::vector<std::string>& kinds);

}  // namespace jianbao::trend
