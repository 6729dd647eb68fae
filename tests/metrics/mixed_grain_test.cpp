// Forms of issue 12 that named no rule before: working days as a duration, and a range from a
// day to the end of a month (3月20日至4月底).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "jianbao/pipeline.h"
#include "support/builtin_rules.h"

namespace jianbao::metrics {
namespace {

std::vector<Metric> metrics_of(const std::string& sentence) {
  ParseOptions options;
  options.metrics.fallback_year = 2024;
  auto doc = parse_bulletin("标题\n" + sentence + "\n", "t.txt", testing::builtin_rules(), options);
  REQUIRE(doc.ok());
  std::vector<Metric> out;
  for (const Section& s : doc.value().sections) {
    for (const Item& i : s.items) out.insert(out.end(), i.metrics.begin(), i.metrics.end());
  }
  return out;
}

TEST_CASE("mixed grain: working days are a duration in days, never a count of 工作日") {
  struct Row {
    const char* text;
    double value;
    const char* comparator;
  };
  const Row rows[] = {
      {"申请材料齐全的，应当在 5 个工作日内办结。", 5, "<="},
      {"群众反映的问题须于十个工作日之内反馈处理结果。", 10, "<="},
      {"企业开办时间已压缩至3个工作日。", 3, ""},
  };
  for (const Row& r : rows) {
    CAPTURE(r.text);
    const std::vector<Metric> ms = metrics_of(r.text);
    bool seen = false;
    for (const Metric& m : ms) {
      CHECK(m.kind != MetricKind::kCount);
      if (m.kind != MetricKind::kDuration) continue;
      seen = true;
      CHECK(std::get<double>(m.value) == doctest::Approx(r.value));
      CHECK(m.unit == "day");
      CHECK(m.comparator == r.comparator);
    }
    CHECK(seen);
  }
}

TEST_CASE("mixed grain: a day to the end of a month is one range, ending on its last day") {
  struct Row {
    const char* text;
    const char* start;
    const char* end;
  };
  const Row rows[] = {
      {"3月20日至4月底，在全省开展安全生产大检查。", "2024-03-20", "2024-04-30"},
      {"检查自 6 月 1 日 到 8 月 末，分三个阶段进行。", "2024-06-01", "2024-08-31"},
      // crosses the year end, into a leap February
      {"2023年12月15日至2024年2月底集中整治。", "2023-12-15", "2024-02-29"},
      {"11月20日至2月底开展冬季专项行动。", "2024-11-20", "2025-02-28"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.text);
    const std::vector<Metric> ms = metrics_of(r.text);
    REQUIRE(!ms.empty());
    const Metric& m = ms.front();
    CHECK(m.kind == MetricKind::kDateRange);
    CHECK(std::get<InternedText>(m.start) == r.start);
    CHECK(std::get<InternedText>(m.end) == r.end);
    for (const Metric& other : ms) CHECK(other.kind != MetricKind::kDate);
  }
}

}  // namespace
}  // namespace jianbao::metrics
