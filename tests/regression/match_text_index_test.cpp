// Mapping code point offsets back to UTF-16 by scanning from the start of the text, once per
// offset, made metrics extraction quadratic in the number of place names in one block
// (lib/metrics/candidates.cpp; 64,000 "东北三省。" in one line took 18 s). MatchText's inverse
// map is what a linear version needs; these tests pin it to the scan it replaces.
#include <doctest/doctest.h>

#include <string>

#include "core/icu_regex.h"

namespace jianbao::core {
namespace {

// The scan candidates.cpp does: the first UTF-16 index whose code point is not below `cp`.
int32_t scan(const MatchText& t, int cp) {
  int32_t u = 0;
  while (u < t.u16().length() && t.code_point_at(u) < cp) ++u;
  return u;
}

TEST_CASE("match_text: u16_at_code_point agrees with a scan from the start") {
  struct Row {
    std::string name;
    std::string text;
  };
  const Row rows[] = {
      {.name = "empty", .text = ""},
      {.name = "ascii", .text = "abc 123"},
      {.name = "cjk", .text = "东北三省，京津冀"},
      {.name = "surrogate pairs", .text = "a\U00020000b\U0001F600\U0001F600c"},
      {.name = "fullwidth and emoji at the ends", .text = "\U0001F600８５％\U00020000"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const MatchText t(r.text);
    const int cps = t.code_point_at(t.u16().length());
    for (int cp = 0; cp <= cps + 2; ++cp) {
      CAPTURE(cp);
      CHECK(t.u16_at_code_point(cp) == scan(t, cp));
    }
  }
}

TEST_CASE("match_text: u16_at_code_point round-trips with code_point_at") {
  const MatchText t("一\U00020000二\U0001F600三");
  // Code points 0..5 start at UTF-16 indices 0, 1, 3, 4, 6 and the end, 7.
  const int32_t want[] = {0, 1, 3, 4, 6, 7};
  for (int cp = 0; cp < 6; ++cp) {
    CAPTURE(cp);
    CHECK(t.u16_at_code_point(cp) == want[cp]);
    CHECK(t.code_point_at(t.u16_at_code_point(cp)) == cp);
  }
}

}  // namespace
}  // namespace jianbao::core
