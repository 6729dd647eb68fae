// A table flattened into one line (crawled web text) glues a count cell to the rate after it:
// 安徽120371.9%江西 is 1203 and 71.9%, never a rate of 120371.9%.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "jianbao/pipeline.h"
#include "support/builtin_rules.h"

namespace jianbao::metrics {
namespace {

std::vector<double> percentages(const std::string& paragraph) {
  ParseOptions options;
  options.metrics.fallback_year = 2024;
  auto doc =
      parse_bulletin("标题\n" + paragraph + "\n", "t.txt", testing::builtin_rules(), options);
  REQUIRE(doc.ok());
  std::vector<double> out;
  for (const Section& s : doc.value().sections) {
    for (const Item& i : s.items) {
      for (const Metric& m : i.metrics) {
        if (m.kind == MetricKind::kPercentage) out.push_back(std::get<double>(m.value));
      }
    }
  }
  return out;
}

TEST_CASE("glued cells: the rate after a glued count cell is read alone") {
  const std::vector<double> got = percentages(
      "各地情况见下表。地区检查企业（家）整改率湖南220488.5%广西91362.75%青海10450.1%　"
      "通过专项整治，全省安全管理水平明显提升。");
  REQUIRE(got.size() == 3);
  CHECK(got[0] == doctest::Approx(88.5));
  CHECK(got[1] == doctest::Approx(62.75));
  CHECK(got[2] == doctest::Approx(50.1));
}

TEST_CASE("glued cells: growth rates over 100% and rates in prose stay as written") {
  struct Row {
    const char* text;
    double value;
  };
  const Row rows[] = {
      {"全省新能源汽车销量同比增长120.5%，增速居全国前列。", 120.5},
      {"跨境电商进出口额同比增长1250.5%，创历史新高。", 1250.5},
      {"重点企业安全风险监测预警覆盖率达到98.6%，较上年提升。", 98.6},
  };
  for (const Row& r : rows) {
    CAPTURE(r.text);
    const std::vector<double> got = percentages(r.text);
    REQUIRE(got.size() == 1);
    CHECK(got[0] == doctest::Approx(r.value));
  }
}

}  // namespace
}  // namespace jianbao::metrics
