// The matcher's time limit bounds one match attempt, never a block (issue 13). ICU counts the limit
// from the matcher's last reset; the candidate finder reset it once per block, so in a long
// paragraph later matches were lost with exit 0 and no diagnostic: one line of 1,000 "N.5%"
// figures gave 574 metrics.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "jianbao/pipeline.h"
#include "jianbao/ruleset.h"
#include "metrics/candidates.h"
#include "ruleset/rule_files.h"
#include "support/builtin_rules.h"
#include "support/temp_rules_dir.h"

namespace jianbao {
namespace {

namespace fs = std::filesystem;

std::vector<Metric> metrics_of(const Document& doc) {
  std::vector<Metric> out;
  for (const Section& s : doc.sections) {
    for (const Item& i : s.items) out.insert(out.end(), i.metrics.begin(), i.metrics.end());
  }
  return out;
}

// A bulletin of one item whose paragraph is `body` on one line.
std::string one_item(const std::string& body) { return "一、工作动态\n\n" + body + "\n"; }

Document parse(const std::string& text, const RuleSet& rules) {
  auto doc = parse_bulletin(text, "t.txt", rules, {});
  REQUIRE_MESSAGE(doc.ok(), doc.status().to_string());
  return doc.value();
}

int count_kind(const std::vector<Metric>& ms, MetricKind kind) {
  return static_cast<int>(
      std::count_if(ms.begin(), ms.end(), [&](const Metric& m) { return m.kind == kind; }));
}

bool has_error_diagnostic(const Document& doc) {
  return std::any_of(doc.diagnostics.begin(), doc.diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == "error"; });
}

TEST_CASE("metrics: every figure of a long one-line paragraph is found") {
  struct Row {
    std::string name;
    std::string unit;  // one figure and its separator; {} takes the figure's number
    int figures;
    MetricKind kind;
  };
  const Row rows[] = {
      {.name = "1,000 N.5% figures",
       .unit = "{}.5%，",
       .figures = 1000,
       .kind = MetricKind::kPercentage},
      {.name = "10,000 figures",
       .unit = "完成率{}%，",
       .figures = 10000,
       .kind = MetricKind::kPercentage},
      {.name = "10,000 date ranges (mixed 年/月/日/至 and digits: 1 MB of them gave 120 metrics)",
       .unit = "2024年3月{}日至4月6日，",
       .figures = 10000,
       .kind = MetricKind::kDateRange},
      {.name = "digit runs before a trailing percentage",
       .unit = "1234567890，",
       .figures = 2000,
       .kind = MetricKind::kPercentage},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    std::string body;
    for (int i = 0; i < r.figures; ++i) body += fmt::format(fmt::runtime(r.unit), i % 28 + 1);
    // A unit without a percentage is followed by one: the trailing figure must survive the run.
    const bool trailing =
        r.kind == MetricKind::kPercentage && r.unit.find('%') == std::string::npos;
    if (trailing) body += "达标率95%。";
    const Document doc = parse(one_item(body), testing::builtin_rules());
    const std::vector<Metric> ms = metrics_of(doc);
    CHECK(count_kind(ms, r.kind) == (trailing ? 1 : r.figures));
    CHECK_FALSE(has_error_diagnostic(doc));
  }
}

TEST_CASE("metrics: the work to find N figures on one line grows linearly") {
  // Work, not wall time: the UTF-16 units the rules' searches ran over (CandidateFinder counts
  // them), so a loaded machine cannot fail the test and a re-scan from the block's start (the
  // quadratic path) cannot hide in noise. 10x the figures must cost 10x the work, give or take
  // the fixed part of a window (a window is 4,096 units; 1,000 figures are 6,000).
  struct Row {
    std::string name;
    std::string unit;
    int modulo;  // the unit's {} takes i % modulo + 1
  };
  const Row rows[] = {
      {.name = "percentages", .unit = "{}.5%，", .modulo = 90},
      {.name = "digit runs", .unit = "1234567890，{}项", .modulo = 90},
      {.name = "date ranges", .unit = "2024年3月{}日至4月6日，", .modulo = 28},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    auto work_for = [&](int figures) {
      std::string body;
      for (int i = 0; i < figures; ++i) body += fmt::format(fmt::runtime(r.unit), i % r.modulo + 1);
      metrics::CandidateFinder finder(testing::builtin_rules(), {}, /*prefilter=*/true);
      const std::vector<metrics::Candidate> found = finder.find(body, {});
      CHECK(finder.timeouts().empty());
      CHECK(found.size() >= static_cast<size_t>(figures));  // every figure, at least
      return static_cast<double>(finder.scanned_units());
    };
    const double small = work_for(1000);
    const double large = work_for(10000);
    MESSAGE(fmt::format("{}: work {} units at 1,000 figures, {} at 10,000: x{:.2f}", r.name, small,
                        large, large / small));
    CHECK(large / small > 8.0);
    CHECK(large / small < 12.5);
  }
}

// A rules directory under the build tree, removed on exit.
using TempDir = testing::TempRulesDir;

TEST_CASE("metrics: an attempt that runs out of time is reported, and later matches survive") {
  // A catastrophic pattern: (a+)+b backtracks exponentially on a run of a's with no b, so the
  // attempts at the first few a's of a run of 23 run out of time (2^23 steps against a limit of
  // about 2^19) and the later ones finish.
  const TempDir dir;
  dir.write("metrics/zz_slow.yaml",
            "kind: count\n"
            "rules:\n"
            "  - id: count_zz_slow\n"
            "    pattern: '(?:a+)+b(?<value>[0-9]+)(?<unit>项)'\n"
            "    examples: [{text: ab3项, expect: {value: 3}}]\n");
  auto loaded = load_rules({.override_dir = dir.path()});
  REQUIRE_MESSAGE(loaded.ok(), loaded.status().to_string());
  const RuleSet& rules = *loaded.value();
  const std::string body = std::string(23, 'a') + "，完成率85%，ab7项，达标率90%。";
  const Document doc = parse(one_item(body), rules);
  const std::vector<Metric> ms = metrics_of(doc);
  CHECK(count_kind(ms, MetricKind::kPercentage) == 2);
  CHECK(count_kind(ms, MetricKind::kCount) == 1);
  // Reported once per rule and line, at the paragraph's line (3), as an error.
  int reports = 0;
  for (const Diagnostic& d : doc.diagnostics) {
    if (d.rule_id != "count_zz_slow") continue;
    ++reports;
    CHECK(d.severity == "error");
    CHECK(d.stage == "metrics");
    CHECK(d.line == 3);
    CHECK(d.message.find("time limit") != std::string::npos);
  }
  CHECK(reports == 1);
  // The built-in rules never run out on the same text.
  CHECK_FALSE(has_error_diagnostic(parse(one_item(body), testing::builtin_rules())));
}

}  // namespace
}  // namespace jianbao
