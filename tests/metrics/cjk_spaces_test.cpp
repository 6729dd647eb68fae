// The spaces a justified PDF line puts between Chinese characters are taken out for matching,
// and every offset still points into the text as written.
#include "metrics/cjk_spaces.h"

#include <doctest/doctest.h>

#include <vector>

namespace jianbao::metrics {
namespace {

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
    const SqueezedText s = squeeze_cjk_spaces(r.in);
    CHECK(s.text == r.want);
    CHECK(s.to_source == r.to_source);
  }
}

}  // namespace
}  // namespace jianbao::metrics
