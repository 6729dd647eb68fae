// Stage 3: blocks to the outline.
#include "jianbao/structure.h"

#include <doctest/doctest.h>

#include "jianbao/decode.h"
#include "jianbao/layout.h"
#include "jianbao/ruleset.h"
#include "structure/tail.h"
#include "support/builtin_rules.h"

namespace jianbao::structure {
namespace {

const RuleSet& rules() { return testing::builtin_rules(); }

Document outline(const std::string& text) {
  auto decoded = decode::decode_bytes(text, "t.txt", {});
  REQUIRE(decoded.ok());
  return build_outline(layout::clean_layout(decoded.value(), rules()), rules());
}

TEST_CASE("structure: a title with a place and a colon is a local-experience item") {
  struct Row {
    const char* title;
    const char* kind;
    const char* region;
    const char* code;
  };
  const Row rows[] = {
      {.title = "山东省：开展煤矿安全诊断",
       .kind = "local_experience",
       .region = "山东省",
       .code = "370000"},
      {.title = "山东：开展煤矿安全诊断",
       .kind = "local_experience",
       .region = "山东省",
       .code = "370000"},
      {.title = "内蒙古：推进矿山治理",
       .kind = "local_experience",
       .region = "内蒙古自治区",
       .code = "150000"},
      {.title = "蛟河市：建立山洪防御机制",
       .kind = "local_experience",
       .region = "蛟河市",
       .code = "220281"},
      {.title = "吉林市：推进燃气整治",
       .kind = "local_experience",
       .region = "吉林市",
       .code = "220200"},
      {.title = "新疆生产建设兵团：开展排查",
       .kind = "local_experience",
       .region = "新疆生产建设兵团",
       .code = "660000"},
      // A place named with its province: the place, not the province.
      {.title = "四川省资阳市：提升道路交通安全管理水平",
       .kind = "local_experience",
       .region = "资阳市",
       .code = "512000"},
      // 资阳区 (Hunan) shares the characters but not the province: it is no part of the chain.
      {.title = "四川省资阳区：开展排查", .kind = "news", .region = "", .code = ""},
      {.title = "四川省：资阳市推进整治",
       .kind = "local_experience",
       .region = "四川省",
       .code = "510000"},
      {.title = "京津冀：联合开展演练", .kind = "news", .region = "", .code = ""},
      {.title = "山东省开展煤矿安全诊断", .kind = "news", .region = "", .code = ""},
  };
  for (const Row& r : rows) {
    CAPTURE(r.title);
    const Document doc = outline(std::string(r.title) + "\n该项工作已经全面展开。\n");
    REQUIRE(doc.sections.size() == 1);
    REQUIRE(doc.sections[0].items.size() == 1);
    const Item& item = doc.sections[0].items[0];
    CHECK(item.title == r.title);
    CHECK(item.kind == r.kind);
    CHECK(item.region.has_value() == (r.region[0] != '\0'));
    if (item.region) {
      CHECK(item.region->name == r.region);
      CHECK(item.region->code == r.code);
    }
  }
}

TEST_CASE("structure: recipients split at top-level separators, not inside brackets") {
  struct Row {
    const char* in;
    std::vector<std::string> want;
  };
  const Row rows[] = {
      {.in = "国家矿山安监局领导。", .want = {"国家矿山安监局领导"}},
      {.in = "各省（市、自治区，兵团）应急管理部门，国家矿山安监局各省级局。",
       .want = {"各省（市、自治区，兵团）应急管理部门", "国家矿山安监局各省级局"}},
      {.in = "甲，乙；丙", .want = {"甲", "乙", "丙"}},
      {.in = "《通知（2024，第1号）》印发单位", .want = {"《通知（2024，第1号）》印发单位"}},
  };
  for (const Row& r : rows) {
    CAPTURE(r.in);
    CHECK(split_recipients(r.in, rules()) == r.want);
  }
}

TEST_CASE("structure: distribution markers fill report_to, copy_to and cc") {
  const Document doc = outline(
      "标题\n正文一句。\n报：省委、省政府领导。\n送：各市人民政府，省直各部门。\n抄送：各县安委办。"
      "\n");
  CHECK(doc.distribution.report_to == std::vector<std::string>{"省委、省政府领导"});
  CHECK(doc.distribution.copy_to == std::vector<std::string>{"各市人民政府", "省直各部门"});
  CHECK(doc.distribution.cc == std::vector<std::string>{"各县安委办"});
}

TEST_CASE("structure: points with their headings, and nested points") {
  const Document doc = outline(
      "标题\n"
      "一是明确责任分工。机关各司要抓好落实。\n"
      "二是强化督导检查。要及时跟踪问效。\n"
      "（一）加强组织领导\n"
      "1.建立工作专班。\n"
      "2.定期调度。\n"
      "（二）强化保障\n");
  REQUIRE(doc.sections.size() == 1);
  const Item& item = doc.sections[0].items[0];
  REQUIRE(item.points.size() == 4);
  CHECK(item.points[0].marker == "一是");
  CHECK(item.points[0].heading == "明确责任分工");
  CHECK(item.points[0].text == "机关各司要抓好落实。");
  CHECK(item.points[1].n == 2);
  CHECK(item.points[2].marker == "（一）");
  REQUIRE(item.points[2].points.size() == 2);
  CHECK(item.points[2].points[1].marker == "2.");
  CHECK(item.points[2].points[1].n == 2);
  CHECK(item.points[3].heading == "强化保障");
}

TEST_CASE("structure: the masthead, letter-spaced and with a Chinese-numeral date") {
  const Document doc = outline(
      "内部资料\n安 全 生 产 简 报\n第 5 期（总第 123 期）\n"
      "安徽省安全生产委员会办公室 二〇二四年五月十日\n标题\n正文一句。\n");
  REQUIRE(doc.masthead.has_value());
  CHECK(doc.masthead->title == "安全生产简报");
  CHECK(doc.masthead->issue == "5");
  CHECK(doc.masthead->total_issue == "123");
  CHECK(doc.masthead->publisher == "安徽省安全生产委员会办公室");
  CHECK(doc.masthead->date == "2024-05-10");
  CHECK(doc.masthead->notes == std::vector<std::string>{"内部资料"});
  REQUIRE(doc.sections.size() == 1);
  CHECK(doc.sections[0].items[0].title == "标题");
}

TEST_CASE("structure: section headings in their usual styles") {
  for (const char* heading :
       {"【工作动态】", "一、工作动态", "★ 工作动态 ★", "■ 工作动态", "工作动态"}) {
    CAPTURE(heading);
    const Document doc = outline(std::string(heading) + "\n标题\n正文一句。\n");
    REQUIRE(doc.sections.size() == 1);
    CHECK(doc.sections[0].title == "工作动态");
    CHECK(doc.sections[0].title_from == "heading");
    REQUIRE(doc.sections[0].items.size() == 1);
  }
}

}  // namespace
}  // namespace jianbao::structure
