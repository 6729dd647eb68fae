// extract_metrics resolves each block as soon as the seam below it is matched when the year is
// known at the start (masthead, --date), and holds every block's candidates when the year must
// be counted from the text first (issue 17). The two paths must give the same metrics and
// diagnostics for the same year.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "jianbao/pipeline.h"
#include "support/builtin_rules.h"

namespace jianbao::metrics {
namespace {

Document parse(const std::string& text, int fallback_year) {
  ParseOptions options;
  options.metrics.fallback_year = fallback_year;
  auto doc = parse_bulletin(text, "t.txt", testing::builtin_rules(), options);
  REQUIRE(doc.ok());
  return std::move(doc.value());
}

std::vector<const Metric*> metrics_of(const Document& doc) {
  std::vector<const Metric*> out;
  for (const Section& s : doc.sections) {
    for (const Item& i : s.items) {
      for (const Metric& m : i.metrics) out.push_back(&m);
    }
  }
  return out;
}

// No masthead: the year is counted (2023 is named most). Dates without a year, one that 2023
// has not (2月29日), a figure cut over a line seam, a list sharing a direction word, provinces.
const char* const kText =
    "安全生产工作动态\n"
    "全省安全生产形势\n"
    "2023年全省共排查隐患1200余处，2023年以来整改980处。\n"
    "山东省、河南省事故起数同比分别下降8.5%和6.2%。\n"
    "本月，全省共发生各类生产安全事故 95 起、死亡 1592\n"
    "人，3月5日起开展专项整治，检查定于2月29日结束。\n"
    "京津冀同步推进，4月底前完成整改，形势稳定。\n";

TEST_CASE("metrics: a year counted from the text gives what the same year given does") {
  const Document counted = parse(kText, 0);
  REQUIRE(counted.year.from == "text");
  REQUIRE(counted.year.value == 2023);
  const Document given = parse(kText, 2023);
  REQUIRE(given.year.from == "option");
  const std::vector<const Metric*> a = metrics_of(counted);
  const std::vector<const Metric*> b = metrics_of(given);
  REQUIRE(a.size() == b.size());
  CHECK(a.size() >= 10);
  for (size_t i = 0; i < a.size(); ++i) {
    CAPTURE(a[i]->text);
    CHECK(a[i]->kind == b[i]->kind);
    CHECK(a[i]->text == b[i]->text);
    CHECK(a[i]->line == b[i]->line);
    CHECK(a[i]->column == b[i]->column);
    CHECK(a[i]->value == b[i]->value);
    CHECK(a[i]->change == b[i]->change);
    CHECK(a[i]->sentence == b[i]->sentence);
    CHECK(a[i]->item_id == b[i]->item_id);
    CHECK(a[i]->code == b[i]->code);
  }
  // The case covers what it is meant to: a seam figure, a shared direction, a date with and one
  // without a value, provinces after the figures of their line.
  auto has = [&](const std::string& text) {
    for (const Metric* m : a) {
      if (m->text == text) return m;
    }
    return static_cast<const Metric*>(nullptr);
  };
  CHECK(has("1592人") != nullptr);
  REQUIRE(has("6.2%") != nullptr);
  CHECK(has("6.2%")->change == "decrease");
  REQUIRE(has("3月5日") != nullptr);
  CHECK(std::get<InternedText>(has("3月5日")->value) == "2023-03-05");
  CHECK(has("2月29日") == nullptr);
  CHECK(has("山东省") != nullptr);
  std::vector<std::string> passed_a;
  std::vector<std::string> passed_b;
  for (const Diagnostic& d : counted.diagnostics) passed_a.push_back(d.message);
  for (const Diagnostic& d : given.diagnostics) passed_b.push_back(d.message);
  CHECK(passed_a == passed_b);
  bool leap_day_reported = false;
  for (const std::string& m : passed_a) {
    leap_day_reported = leap_day_reported || m.find("2月29日") != std::string::npos;
  }
  CHECK(leap_day_reported);
}

}  // namespace
}  // namespace jianbao::metrics
