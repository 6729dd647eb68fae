// Item titles whose line break a tool turned into a space (pandoc -t plain joins a heading's
// manual line break with one space).
#include "layout/title_spaces.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "jianbao/decode.h"
#include "jianbao/layout.h"
#include "jianbao/ruleset.h"
#include "jianbao/structure.h"
#include "ruleset/rule_set.h"
#include "support/builtin_rules.h"

namespace jianbao::structure {
namespace {

std::vector<std::string> item_titles(const std::string& text) {
  auto decoded = decode::decode_bytes(text, "t.txt", {});
  REQUIRE(decoded.ok());
  const RuleSet& rules = testing::builtin_rules();
  const Document doc = build_outline(layout::clean_layout(decoded.value(), rules), rules);
  std::vector<std::string> titles;
  for (const Section& s : doc.sections) {
    for (const Item& i : s.items) titles.push_back(i.title);
  }
  return titles;
}

TEST_CASE("layout: a title's line break turned into a space is closed up") {
  struct Row {
    const char* name;
    const char* in;
    const char* want;
  };
  const Row rows[] = {
      {.name = "mid-word break",
       .in = "某市应急局组织开展危 险化学品专项检查",
       .want = "某市应急局组织开展危险化学品专项检查"},
      {.name = "after a colon",
       .in = "某某县： 夯实基层基础筑牢安全防线",
       .want = "某某县：夯实基层基础筑牢安全防线"},
      {.name = "two breaks",
       .in = "某省召开全省 燃气安全工作视频会议 部署下阶段工作",
       .want = "某省召开全省燃气安全工作视频会议部署下阶段工作"},
      {.name = "balanced phrases", .in = "压实责任 筑牢防线", .want = "压实责任 筑牢防线"},
      {.name = "short middle phrase after a region",
       .in = "吉林省：确立目标 强化协作 扎实推进非煤矿山安全生产治本攻坚三年行动",
       .want = "吉林省：确立目标 强化协作 扎实推进非煤矿山安全生产治本攻坚三年行动"},
      {.name = "short first phrase before a long rest",
       .in = "宜丰县：压实责任 推动矿山安全整治工作走深走实",
       .want = "宜丰县：压实责任推动矿山安全整治工作走深走实"},
      {.name = "balanced phrases after a region",
       .in = "宜丰县：压实责任 筑牢防线",
       .want = "宜丰县：压实责任 筑牢防线"},
      {.name = "short last piece of a break",
       .in = "某省召开全省危险化学品安全生产 工作会议",
       .want = "某省召开全省危险化学品安全生产工作会议"},
      {.name = "letter-spaced", .in = "工 作 简 报", .want = "工 作 简 报"},
      {.name = "ascii kept", .in = "某市开展 2024 年专项行动", .want = "某市开展 2024 年专项行动"},
      {.name = "wide space kept",
       .in = "某市召开会议　部署工作任务",
       .want = "某市召开会议　部署工作任务"},
      {.name = "break before an opening quote",
       .in = "某县开展校园消防 “平安课堂”主题活动",
       .want = "某县开展校园消防“平安课堂”主题活动"},
      {.name = "break after an opening quote",
       .in = "某县开展校园消防“ 平安课堂”主题活动",
       .want = "某县开展校园消防“平安课堂”主题活动"},
      {.name = "break after a closing quote",
       .in = "某市推行“吹哨报到” 机制破解基层监管难题",
       .want = "某市推行“吹哨报到”机制破解基层监管难题"},
      {.name = "balanced quoted phrases kept",
       .in = "“守底线” “保平安”",
       .want = "“守底线” “保平安”"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const auto& rules = testing::builtin_rules().structure;
    CHECK(layout::close_title_spaces(r.in, rules.unnamed_heading_max_chars,
                                     rules.region_title_marks, rules.title_quote_marks) == r.want);
  }
}

TEST_CASE("structure: a title joined with a space by pandoc is one title") {
  const std::string t =
      "安全生产简报\n\n第3期\n\n某省应急管理厅办公室　　　　2024年3月5日\n\n一、工作部署\n\n"
      "某市应急管理局召开全市危险化学品 安全生产工作推进会议\n\n"
      "3月1日，某市召开会议，总结去年工作，部署今年重点任务，要求各地压紧压实安全生产责任。\n\n"
      "压实责任 筑牢防线\n\n"
      "某县推行网格化监管机制，实现企业全覆盖，今年以来排查整改隐患1200余处。\n";
  const std::vector<std::string> want = {"某市应急管理局召开全市危险化学品安全生产工作推进会议",
                                         "压实责任 筑牢防线"};
  CHECK(item_titles(t) == want);
}

TEST_CASE("structure: a title pandoc broke beside a quote is one title") {
  // pandoc -t plain wraps at 72 columns: the break may fall next to a Chinese quote, on either
  // side of it, and leaves a space there.
  const std::string t =
      "安全生产简报\n\n第3期\n\n某省应急管理厅办公室　　　　2024年3月5日\n\n一、工作部署\n\n"
      "某市应急管理局在全市中小学校开展 “消防安全进校园”主题宣传活动\n\n"
      "3月1日，某市启动活动，组织消防员走进校园，讲解火灾逃生常识，今年以来覆盖学生2万余人。\n\n"
      "某县应急管理局在全县工贸企业推行“ 一企一策”隐患排查治理工作机制\n\n"
      "某县推行网格化监管机制，实现企业全覆盖，今年以来排查整改隐患1200余处。\n";
  const std::vector<std::string> want = {
      "某市应急管理局在全市中小学校开展“消防安全进校园”主题宣传活动",
      "某县应急管理局在全县工贸企业推行“一企一策”隐患排查治理工作机制"};
  CHECK(item_titles(t) == want);
}

}  // namespace
}  // namespace jianbao::structure
