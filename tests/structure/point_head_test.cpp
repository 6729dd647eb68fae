// PointMatcher::match copies only a text's head for ICU: its answers must be those of the
// patterns matched over the whole text, also where a pattern looks past the head.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/icu_regex.h"
#include "core/utf8.h"
#include "jianbao/ruleset.h"
#include "ruleset/rule_set.h"
#include "structure/cjk_spaces.h"
#include "structure/points.h"
#include "support/builtin_rules.h"

namespace jianbao::structure {
namespace {

// The id of the first point pattern of `r` matching at the start of the whole text, or "".
std::string whole_text_point(const RuleSet& r, const std::string& text) {
  for (const PatternRule& p : r.structure.points) {
    core::Match m(p.regex, core::normalize_width(text), r.layout.regex_time_limit);
    if (m.looking_at()) return p.id;
  }
  return "";
}

std::string repeat(const char* s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST_CASE("points: a text's head decides a marker only where the match stops inside it") {
  // The built-in patterns after one that looks further than a head.
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("jb_point_head_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "structure");
  std::ifstream in(JB_SOURCE_DIR "/rules/structure/structure.yaml");
  std::stringstream yaml;
  yaml << in.rdbuf();
  std::string text = yaml.str();
  const std::string key = "point_patterns:\n";
  REQUIRE(text.find(key) != std::string::npos);
  text.insert(text.find(key) + key.size(),
              "  - id: far\n    pattern: '^(?<marker>(?<n>[一二])、)(?=[^。；]{2,120}。)'\n"
              "    level: 1\n    example: 一、压实工作责任。\n");
  std::ofstream(dir / "structure" / "structure.yaml") << text;
  auto loaded = load_rules({.override_dir = dir.string()});
  std::filesystem::remove_all(dir);
  REQUIRE(loaded.ok());
  const RuleSet& r = *loaded.value();
  REQUIRE(r.structure.points.front().id == "far");
  PointMatcher points(r);
  int matched = 0;
  // "一、" opens a point only when a stop follows within its run-in heading: put the stop before,
  // at and past the head's end.
  for (int n = 0; n < 140; ++n) {
    for (const char* stop : {"。", "，"}) {
      const std::string t = "一、" + repeat("字", n) + stop + repeat("字", 20);
      const auto p = points.match(t);
      const std::string want = whole_text_point(r, t);
      INFO(n << " " << stop);
      CHECK(p.has_value() == !want.empty());
      if (!p) continue;
      ++matched;
      const auto it = std::find_if(r.structure.points.begin(), r.structure.points.end(),
                                   [&](const PatternRule& q) { return q.id == want; });
      REQUIRE(it != r.structure.points.end());
      CHECK(p->level == it->level);
    }
  }
  CHECK(matched > 100);  // both answers happen
  CHECK(matched < 280);
}

TEST_CASE("cjk spaces: spaces between CJK characters go, others and malformed bytes stay") {
  CHECK(drop_spaces_between_cjk("安 全 生 产", U" ") == "安全生产");
  CHECK(drop_spaces_between_cjk("安\u3000全", U" ") == "安\u3000全");
  CHECK(drop_spaces_between_cjk("安\u3000\u3000全", U" \u3000") == "安全");  // U+3000 is CJK
  CHECK(drop_spaces_between_cjk("a 安 b", U" ") == "a 安 b");
  CHECK(drop_spaces_between_cjk(" 安 ", U" ") == " 安 ");
  CHECK(drop_spaces_between_cjk("安 \xff", U" ") == "安 \xEF\xBF\xBD");
  CHECK(drop_spaces_between_cjk("\xff安 全", U" ") == "\xEF\xBF\xBD安全");
  CHECK(drop_spaces_between_cjk("", U" ").empty());
}

}  // namespace
}  // namespace jianbao::structure
