// The spaces a justified PDF line puts between Chinese characters are taken out for matching,
// and every offset still points into the text as written.
#include "metrics/cjk_spaces.h"

#include <doctest/doctest.h>

#include <string_view>
#include <vector>

namespace jianbao::metrics {
namespace {

// What rules/common/tables.yaml gives as point_marker_after (the mechanism is tested here).
constexpr std::u32string_view kPointMarkerAfter = U"。；！？：:;";

TEST_CASE("cjk_spaces: spaces between two CJK characters go, the map leads back") {
  struct Row {
    const char* name;
    const char* in;
    const char* want;            // "" when nothing is taken out
    std::vector<int> to_source;  // empty when nothing is taken out
  };
  const Row rows[] = {
      {.name = "justified PDF line",
       .in = "上半 年，全省",
       .want = "上半年，全省",
       .to_source = {0, 1, 3, 4, 5, 6, 7}},
      {.name = "a run of spaces", .in = "截  至", .want = "截至", .to_source = {0, 3, 4}},
      {.name = "after CJK punctuation",
       .in = "年， 全",
       .want = "年，全",
       .to_source = {0, 1, 3, 4}},
      {.name = "table cells stay apart", .in = "湖北 4003 77.9%", .want = "", .to_source = {}},
      {.name = "a space before a digit stays", .in = "死亡 8人", .want = "", .to_source = {}},
      {.name = "Latin words stay apart", .in = "GDP 增长", .want = "", .to_source = {}},
      {.name = "leading and trailing spaces stay", .in = " 全省 ", .want = "", .to_source = {}},
      {.name = "no space at all", .in = "全省共检查企业", .want = "", .to_source = {}},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const SqueezedText s = squeeze_cjk_spaces(r.in, kPointMarkerAfter);
    CHECK(s.text == r.want);
    CHECK(s.to_source == r.to_source);
  }
}

TEST_CASE("cjk_spaces: the spaces after a decimal point go, a numbered point keeps its own") {
  struct Row {
    const char* name;
    const char* in;
    const char* want;  // "" when nothing is taken out
  };
  const Row rows[] = {
      {.name = "an amount", .in = "投入资金3. 2亿元", .want = "投入资金3.2亿元"},
      {.name = "a rate, two spaces", .in = "同比下降12.  5%", .want = "同比下降12.5%"},
      {.name = "a table cell after a space", .in = "湖北 4003 77. 9%", .want = "湖北 4003 77.9%"},
      {.name = "a space before the figure", .in = "共 3. 2亿元", .want = "共 3.2亿元"},
      {.name = "a point opening the text", .in = "3. 2023年以来，全省", .want = ""},
      {.name = "a point after leading spaces", .in = "  1. 2个工作组", .want = ""},
      {.name = "a point after a colon", .in = "要求如下：1. 2个工作组", .want = ""},
      {.name = "a point after a sentence", .in = "压实责任。2. 3个月内完成", .want = ""},
      {.name = "no digit after the spaces", .in = "第3. 条", .want = ""},
      {.name = "no digit before the point", .in = "等. 5项", .want = ""},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const SqueezedText s = squeeze_cjk_spaces(r.in, kPointMarkerAfter);
    CHECK(s.text == r.want);
  }
  const SqueezedText s = squeeze_cjk_spaces("达12. 5%", kPointMarkerAfter);
  CHECK(s.to_source == std::vector<int>{0, 1, 2, 3, 5, 6, 7});
}

}  // namespace
}  // namespace jianbao::metrics
