// A Word table printed a row a line (pdftotext -layout and -raw, pandoc) is body text of its
// item: its rows are neither item titles nor section headings.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "jianbao/document.h"
#include "support/outline.h"

namespace jianbao::structure {
namespace {

using testing::outline;

// Wrapped text as a PDF reader prints it: paragraphs cut at one width, `indent` before each
// paragraph's first line.
std::string bulletin(const std::string& indent, const std::string& table) {
  const std::string p = indent;
  return "安全生产简报\n第9期\n某省安委会办公室　　　　2024年9月2日\n\n"
         "一、专项整治\n\n"
         "省安委办组织开展燃气安全隐患排查\n" +
         p + "8月以来，省安委办组织各地开展城镇燃气安全隐患\n" +
         "排查整治，聚焦餐饮场所和老旧管网，逐家逐户开展\n" +
         "检查，建立问题隐患和整改措施清单，跟踪督办整改\n" + "落实。\n" + p +
         "各地排查整治情况见下表。\n" + table + p +
         "通过专项整治，全省燃气企业安全管理水平明显提升，\n" +
         "重点企业安全风险监测预警覆盖率超过百分之八十五，\n" +
         "群众安全感和满意度进一步增强，取得了阶段性成效。\n" + "某某市：推行网格化监管\n" + p +
         "某某市建立网格化监管机制，将燃气企业全部纳入网\n" +
         "格，明确网格员职责，实现企业全覆盖和动态监管，\n" + "隐患整改率达到九成以上。\n" +
         "报：省委、省政府领导。\n";
}

TEST_CASE("structure: a table printed a row a line stays in its item") {
  struct Variant {
    const char* name;
    std::string indent;
    std::string table;
  };
  const Variant variants[] = {
      {"raw: single spaces", "",
       "地区 检查企业（家） 整改率\n江苏 1755 86.2%\n山西 4194 63.5%\n贵州 4610 65.9%\n"
       "青海 935 93.7%\n"},
      {"raw: the header at a page's foot, the rows on the next page", "",
       "地区 检查企业（家） 整改率\n— 2 —\n\f江苏 1755 86.2%\n山西 4194 63.5%\n"
       "贵州 4610 65.9%\n"},
      {"layout: wide gaps, blank lines between rows", "  ",
       "    地区         检查企业（家）             整改率\n\n"
       "    江苏            1755             86.2%\n\n"
       "    山西            4194             63.5%\n\n"
       "    贵州            4610             65.9%\n\n"},
      {"pandoc: rule lines", "  ",
       "  ---------------------------------------------\n"
       "  地区            检查企业（家）    整改率\n"
       "  --------------- ----------------- -----------\n"
       "  江苏            1755              86.2%\n\n"
       "  山西            4194              63.5%\n\n"
       "  贵州            4610              65.9%\n"
       "  ---------------------------------------------\n"},
  };
  for (const Variant& v : variants) {
    const std::string name = v.name;
    CAPTURE(name);
    const Document doc = outline(bulletin(v.indent, v.table));
    REQUIRE(doc.sections.size() == 1);
    CHECK(doc.sections[0].title == "专项整治");
    std::vector<std::string> titles;
    for (const Item& it : doc.sections[0].items) titles.push_back(it.title);
    CHECK(titles ==
          std::vector<std::string>{"省安委办组织开展燃气安全隐患排查", "某某市：推行网格化监管"});
  }
}

TEST_CASE("structure: lines split by extraction spaces are no table") {
  // A masthead's and a tail's lines hold figures between spaces, but not in rows of one shape.
  const std::string t =
      "安全生产简报\n2024 年第 9 期（总第 120 期）\n某省安委会办公室 2024 年 9 月 2 日\n"
      "一、工作部署\n全省召开安全生产工作会议\n"
      "9 月 1 日，全省召开安全生产工作会议，部署重点任务。\n"
      "报：省委、省政府领导。\n";
  const Document doc = outline(t);
  REQUIRE(doc.masthead.has_value());
  CHECK(doc.masthead->issue == "9");
  CHECK(doc.masthead->total_issue == "120");
  REQUIRE(doc.sections.size() == 1);
  REQUIRE(doc.sections[0].items.size() == 1);
  CHECK(doc.sections[0].items[0].title == "全省召开安全生产工作会议");
}

}  // namespace
}  // namespace jianbao::structure
