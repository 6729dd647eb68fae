// Stage 4: metrics resolved, traced and attached to their items.
#include "jianbao/metrics.h"

#include <doctest/doctest.h>

#include <map>

#include "core/numeral.h"
#include "jianbao/pipeline.h"
#include "jianbao/ruleset.h"
#include "support/builtin_rules.h"

namespace jianbao::metrics {
namespace {

const RuleSet& rules() { return testing::builtin_rules(); }

Document parse(const std::string& text, int year = 0) {
  ParseOptions options;
  options.metrics.fallback_year = year;
  auto doc = parse_bulletin(text, "t.txt", rules(), options);
  REQUIRE(doc.ok());
  return doc.value();
}

std::vector<Metric> metrics(const Document& doc) {
  std::vector<Metric> out;
  for (const Section& s : doc.sections) {
    for (const Item& i : s.items) out.insert(out.end(), i.metrics.begin(), i.metrics.end());
  }
  return out;
}

std::string str(const Value& v) {
  if (std::holds_alternative<InternedText>(v)) return std::get<InternedText>(v);
  if (std::holds_alternative<double>(v)) return std::to_string(std::get<double>(v));
  return "";
}

TEST_CASE("metrics: dates take the year the text names most, and say so") {
  const Document doc =
      parse("标题\n2023年全年完成任务。3月22日召开会议，2024年重点工作部署，2024年5月10日印发。\n");
  CHECK(doc.year.value == 2024);
  CHECK(doc.year.from == "text");
  bool seen = false;
  for (const Metric& m : metrics(doc)) {
    if (m.kind == MetricKind::kDate && m.text == "3月22日") {
      seen = true;
      CHECK(str(m.value) == "2024-03-22");
      CHECK(m.year_inferred);
    }
  }
  CHECK(seen);
}

TEST_CASE("metrics: --date gives the year when the text names none; else month and day alone") {
  CHECK(str(metrics(parse("标题\n3月22日召开会议。\n", 2021)).at(0).value) == "2021-03-22");
  const Document none = parse("标题\n3月22日召开会议，5月至7月开展检查。\n");
  CHECK(none.year.from == "none");
  const auto ms = metrics(none);
  REQUIRE(ms.size() == 2);
  CHECK(std::holds_alternative<std::monostate>(ms[0].value));
  CHECK(ms[0].month == 3);
  CHECK(ms[0].day == 22);
  CHECK(!ms[0].year_inferred);
  CHECK(std::holds_alternative<std::monostate>(ms[1].start));
  CHECK(ms[1].month == 5);
  CHECK(ms[1].day == 0);
  CHECK(ms[1].end_month == 7);
}

TEST_CASE("metrics: an impossible date or a year that is no year gives a diagnostic, no metric") {
  struct Row {
    const char* text;
    const char* why;  // in the diagnostic's message
  };
  const Row rows[] = {
      {"2月31日召开会议。", "no day 31"},
      {"6月31日前完成。", "no day 31"},
      {"2023年2月29日召开会议。", "2023-02 has no day 29"},
      {"4月28日至31日举办。", "no day 31"},
      {"23年5月10日召开会议。", "'23' is no year"},
      {"1800年5月1日召开会议。", "'1800' is no year"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.text);
    const Document doc = parse(std::string("标题\n\n") + r.text + "\n", 2024);
    for (const Metric& m : metrics(doc)) {
      CAPTURE(m.text);
      CHECK(m.kind != MetricKind::kDate);
      CHECK(m.kind != MetricKind::kDeadline);
      CHECK(m.kind != MetricKind::kDateRange);
    }
    bool named = false;
    for (const Diagnostic& d : doc.diagnostics) {
      named = named || (d.line == 3 && d.column == 1 && d.message.find(r.why) != std::string::npos);
    }
    CHECK(named);
  }
}

TEST_CASE("metrics: ranges, halves, shares of a thousand and relative years") {
  struct Row {
    const char* text;
    MetricKind kind;
    const char* value;  // "" when the metric has start and end instead
    const char* start;
    const char* end;
  };
  const Row rows[] = {
      {"罚款200～800元。", MetricKind::kAmount, "", "200", "800"},
      {"罚款2至5万元。", MetricKind::kAmount, "", "20000", "50000"},
      {"占比15%—25%。", MetricKind::kPercentage, "", "15", "25"},
      {"停产5至7天。", MetricKind::kDuration, "", "5", "7"},
      {"为期两年半。", MetricKind::kDuration, "2.5", "", ""},
      {"用了半个月。", MetricKind::kDuration, "0.5", "", ""},
      {"控制在千分之三。", MetricKind::kPercentage, "0.3", "", ""},
      {"为3‰。", MetricKind::kPercentage, "0.3", "", ""},
      {"去年5月10日召开。", MetricKind::kDate, "2023-05-10", "", ""},
      {"明年底前完成。", MetricKind::kDeadline, "2025-12-31", "", ""},
      {"前三季度，事故下降。", MetricKind::kDateRange, "", "2024-01-01", "2024-09-30"},
      {"截至2021年9月，共检查。", MetricKind::kDate, "2021-09-30", "", ""},
      // a justified PDF line spaces out the words: "上半 年", "截 至 3 月 底"
      {"上半 年，全省共检查企业。", MetricKind::kDateRange, "", "2024-01-01", "2024-06-30"},
      {"截 至 3 月 底，共排查。", MetricKind::kDate, "2024-03-31", "", ""},
  };
  auto text_of = [](const Value& v) {
    if (std::holds_alternative<double>(v)) return core::format_number(std::get<double>(v));
    return str(v);
  };
  for (const Row& r : rows) {
    CAPTURE(r.text);
    const auto ms = metrics(parse(std::string("标题\n") + r.text + "\n", 2024));
    REQUIRE(ms.size() == 1);
    CHECK(ms[0].kind == r.kind);
    CHECK(text_of(ms[0].value) == r.value);
    CHECK(text_of(ms[0].start) == r.start);
    CHECK(text_of(ms[0].end) == r.end);
  }
}

TEST_CASE("metrics: spaces between Chinese characters hide no figure; the text is quoted as is") {
  const auto ms = metrics(parse("标题\n组织5个 工 作 组，于 上半 年分赴各地。\n", 2024));
  REQUIRE(ms.size() == 2);
  CHECK(ms[0].kind == MetricKind::kCount);
  CHECK(ms[0].unit == "工作组");
  CHECK(ms[0].text == "5个 工 作 组");
  CHECK(ms[1].kind == MetricKind::kDateRange);
  CHECK(ms[1].text == "上半 年");
  CHECK(ms[1].column == 14);  // 上 of "上半 年" in the line as written
}

TEST_CASE("metrics: calendar arithmetic of deadlines and ranges") {
  struct Row {
    const char* text;
    MetricKind kind;
    const char* value;
    const char* start;
    const char* end;
  };
  const Row rows[] = {
      {"2月底前完成。", MetricKind::kDeadline, "2024-02-29", "", ""},
      {"2023年2月底前完成。", MetricKind::kDeadline, "2023-02-28", "", ""},
      {"年底前完成。", MetricKind::kDeadline, "2024-12-31", "", ""},
      {"12月28日至1月3日开展。", MetricKind::kDateRange, "", "2024-12-28", "2025-01-03"},
      {"7月上旬开展。", MetricKind::kDateRange, "", "2024-07-01", "2024-07-10"},
      {"下半年开展。", MetricKind::kDateRange, "", "2024-07-01", "2024-12-31"},
      // two year parts: the second gives the end, with its own months
      {"一季度至三季度开展。", MetricKind::kDateRange, "", "2024-01-01", "2024-09-30"},
      {"2023年第二季度至第四季度开展。", MetricKind::kDateRange, "", "2023-04-01", "2023-12-31"},
      {"6月下旬至7月上旬开展。", MetricKind::kDateRange, "", "2024-06-21", "2024-07-10"},
      {"12月下旬至1月上旬开展。", MetricKind::kDateRange, "", "2024-12-21", "2025-01-10"},
      {"截至9月底，共检查。", MetricKind::kDate, "2024-09-30", "", ""},
  };
  for (const Row& r : rows) {
    CAPTURE(r.text);
    const auto ms = metrics(parse(std::string("标题\n") + r.text + "\n", 2024));
    REQUIRE(ms.size() == 1);
    CHECK(ms[0].kind == r.kind);
    CHECK(str(ms[0].value) == r.value);
    CHECK(str(ms[0].start) == r.start);
    CHECK(str(ms[0].end) == r.end);
  }
}

TEST_CASE("metrics: line, column and sentence trace each metric to its source") {
  const Document doc = parse("标题\n会议召开。共排查 111 项隐患，整改率 95%。\n", 2024);
  const auto ms = metrics(doc);
  REQUIRE(ms.size() == 2);
  CHECK(ms[0].text == "111项");
  CHECK(ms[0].line == 2);
  CHECK(ms[0].column == 10);  // the "1" of "会议召开。共排查 111 项": source column 10
  CHECK(ms[0].sentence == "共排查111项隐患，整改率95%。");
  CHECK(ms[1].kind == MetricKind::kPercentage);
  CHECK(ms[0].item_id == "s1.i1");
}

TEST_CASE("metrics: provinces roll up per item; cities and groups are not miscounted") {
  const Document doc = parse(
      "标题\n山东、河南和山东省开展检查，吉林市召开会议，京津冀联合演练，东北三省汛情重。\n", 2024);
  const Item& item = doc.sections.at(0).items.at(0);
  std::map<std::string, int> counts;
  for (const ProvinceCount& p : item.provinces) counts[p.name] = p.count;
  CHECK(counts["山东省"] == 2);
  CHECK(counts["河南省"] == 1);
  CHECK(counts.count("吉林省") == 1);  // from 东北三省, not from 吉林市
  CHECK(counts["北京市"] == 1);
  CHECK(counts["黑龙江省"] == 1);
  for (const Metric& m : item.metrics) {
    CAPTURE(m.text);
    CHECK(m.kind == MetricKind::kProvince);  // 东北三省 is no count of 3
  }
}

TEST_CASE("metrics: a direction word governs a list of figures") {
  const auto ms = metrics(parse("标题\n同比分别下降8.5%和6.2%。\n", 2024));
  REQUIRE(ms.size() == 2);
  CHECK(ms[0].change == "decrease");
  CHECK(ms[1].change == "decrease");
}

TEST_CASE("metrics: hostile text yields no crash and no metric from traps") {
  const auto ms =
      metrics(parse("标题\n深入贯彻党的二十大精神，落实“十四五”规划和“七假五超三瞒三不两包”整治，第"
                    "一责任人，平煤十二矿。\n",
                    2024));
  for (const Metric& m : ms) {
    CAPTURE(m.text);
    CHECK(m.kind == MetricKind::kProvince);
  }
}

}  // namespace
}  // namespace jianbao::metrics
