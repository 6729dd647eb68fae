// Item titles of short bulletins as pdftotext prints them (25 characters a line, no first-line
// indent, digits set apart by spaces): few full lines to measure the text width by, titles set
// in a larger type, a distribution line in a smaller one.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "jianbao/layout.h"
#include "support/outline.h"

namespace jianbao {
namespace {

std::vector<std::string> item_titles(const std::string& text) {
  std::vector<std::string> titles;
  for (const Section& s : testing::outline(text).sections) {
    for (const Item& i : s.items) titles.push_back(i.title);
  }
  return titles;
}

const std::string kMasthead =
    "安全生产简报\n"
    "2024 年第 7 期\n"
    "江西省应急管理厅办公室\n"
    "2024 年 5 月 8 日\n";

// Four full lines only, and the widest line of all is the 抄送 line (31 characters in a smaller
// type): still wrapped text, so neither title runs into its paragraph.
TEST_CASE("layout: a short text stays wrapped past a wider distribution line") {
  const std::string text = kMasthead +
                           "一、工作动态\n"
                           "\n"
                           "省应急管理厅召开全省燃气\n"
                           "安全专项整治推进会\n"
                           "为推动燃气安全专项整治工作落地见效，省应急管理厅于近\n"
                           "日召开推进会，部署下一阶段重点任务。\n"
                           "\n"
                           "二、各地经验\n"
                           "\n"
                           "赣州市：\n"
                           "压紧压实燃气安全企业主体责任\n"
                           "赣州市把燃气安全作为防范化解重大风险的重要内容，坚持\n"
                           "标本兼治，推动安全形势持续稳定向好。\n"
                           "抄送：各市应急管理局，省安委会各成员单位，各县（市、区）人民\n"
                           "政府。\n";
  const layout::CleanText clean = testing::cleaned(text);
  CHECK(clean.wrapped);
  CHECK(clean.full_width == 52);
  const std::vector<std::string> want = {"省应急管理厅召开全省燃气安全专项整治推进会",
                                         "赣州市：压紧压实燃气安全企业主体责任"};
  CHECK(item_titles(text) == want);
}

// Three titles of 20 characters (the larger type) are the commonest width below a full line, but
// five characters short of it: no indented first line, so each stays a title.
TEST_CASE("layout: titles of one width in a larger type are no indented first lines") {
  const std::string text = kMasthead +
                           "一、工作动态\n"
                           "\n"
                           "省应急管理厅督导检查化工企业安全生产工作\n"
                           "据统计，全省危险化学品领域今年以来共排查整改隐患一千\n"
                           "余处，事故起数同比下降，安全生产形势总体稳定向好。\n"
                           "省消防救援总队开展高层建筑消防安全大检查\n"
                           "检查组深入一线，随机抽查高层建筑八十余栋，现场指出问\n"
                           "题二百余处，督促有关单位逐项整改到位。\n"
                           "省交通运输厅部署开展道路运输安全专项整治\n"
                           "各地要紧盯重点时段和关键环节，严格落实领导带班和值班\n"
                           "值守制度，确保突发事件信息报送及时准确。\n";
  const std::vector<std::string> want = {"省应急管理厅督导检查化工企业安全生产工作",
                                         "省消防救援总队开展高层建筑消防安全大检查",
                                         "省交通运输厅部署开展道路运输安全专项整治"};
  CHECK(item_titles(text) == want);
}

// The first item right under the masthead, its title as wide as the text: the masthead's date
// line closes a block as a sentence end does.
TEST_CASE("layout: a full-width title right after the masthead's date is a title") {
  const std::string text =
      "安全生产简报\n"
      "第 12 期\n"
      "江西省应急管理厅办公室\n"
      "二〇二四年五月八日\n"
      "\n"
      "省应急管理厅召开全省危险化学品安全生产工作视频会\n"
      "5 月 6 日，省应急管理厅召开视频会议，通报一季度全省危险\n"
      "化学品安全生产形势，部署下阶段重点工作。\n"
      "省消防救援总队开展高层建筑消防安全检查\n"
      "检查组深入一线，随机抽查高层建筑八十余栋，现场指出问\n"
      "题二百余处，督促有关单位逐项整改到位，确保安全。\n";
  const std::vector<std::string> want = {"省应急管理厅召开全省危险化学品安全生产工作视频会",
                                         "省消防救援总队开展高层建筑消防安全检查"};
  CHECK(item_titles(text) == want);
}

// A title's last character wrapped onto a line of its own ("任") is no section name standing
// alone: the full line after it, though free of commas, is the paragraph's first line.
TEST_CASE("layout: a title's one-character rest does not make the next full line a title") {
  const std::string text = kMasthead +
                           "一、各地动态\n"
                           "\n"
                           "赣州市：压紧压实森林草原防灭火安全生产责\n"
                           "任\n"
                           "赣州市把森林草原防灭火安全作为防范化解重大风险的重\n"
                           "要内容，坚持标本兼治、综合施策，推动安全形势持续稳定向\n"
                           "好。\n"
                           "宜春市：创新网格化管理模式夯实基层基础\n"
                           "宜春市以矿山安全专项整治为抓手，统筹发展和安全，着力\n"
                           "构建责任明确、运转高效的安全管理体系。\n";
  const Document doc = testing::outline(text);
  REQUIRE(doc.sections.size() == 1);
  REQUIRE(doc.sections[0].items.size() == 2);
  CHECK(doc.sections[0].items[0].title == "赣州市：压紧压实森林草原防灭火安全生产责任");
  CHECK(doc.sections[0].items[1].title == "宜春市：创新网格化管理模式夯实基层基础");
}

// A justified line that holds fewer characters (a digit is half one) falls short of full, and
// holds no comma: followed by a short line ending a sentence, it is a paragraph's first line,
// not the title of an item with a one-line body.
TEST_CASE("layout: a near-full line before a paragraph's short last line is no title") {
  const std::string text = kMasthead +
                           "一、工作动态\n"
                           "\n"
                           "省应急管理厅召开全省燃气安全工作会议\n"
                           "为推动燃气安全专项整治工作落地见效，省应急管理厅于近\n"
                           "日召开推进会，部署下一阶段重点任务。\n"
                           "全省应急管理部门已连续 6 年保持燃气领域较大以上事\n"
                           "故零发生，事故起数和死亡人数持续下降。\n"
                           "二、各地经验\n"
                           "\n"
                           "赣州市：压紧压实燃气安全企业主体责任\n"
                           "赣州市把燃气安全作为防范化解重大风险的重要内容，坚持\n"
                           "标本兼治，推动安全形势持续稳定向好。\n";
  const Document doc = testing::outline(text);
  REQUIRE(doc.sections.size() == 2);
  REQUIRE(doc.sections[0].items.size() == 1);
  const Item& item = doc.sections[0].items[0];
  CHECK(item.title == "省应急管理厅召开全省燃气安全工作会议");
  CHECK(item.last_line == 11);
}

// Wrapped body lines of 50 columns, as pdftotext prints them: enough full lines for the text
// width, points, and paragraphs' last lines.
const std::string kWrappedBody =
    "全县坚持人民至上、生命至上，把校园消防安全摆在突出\n"
    "位置，推动工作重心从事后处置向事前预防转变。\n"
    "1.推进科技赋能。建成校园安全风险监测预警平台，接\n"
    "入重点学校 86 所，实现风险信息实时推送到每个责任\n"
    "人手中。\n"
    "2.突出重点时段。紧盯开学和重大活动期间，加密巡查频\n"
    "次，确保各项防范措施落实到位，全年未发生较大事故。\n"
    "全县累计投入资金 3.5 亿元，完成校园设施改造 412 处，安\n"
    "全保障能力明显增强，师生安全感满意度持续提升。\n";

// pdftotext -raw prints the masthead's office and date on one long line, and a county's name
// cut from its title right under it ("某某县：" / the title's rest): the long line is the
// masthead's last, not a paragraph's first line with "某某县：" its last.
TEST_CASE("layout: a region cut from its title right under a long masthead line") {
  const std::string text =
      "内部资料\n"
      "安全生产工作动态\n"
      "第 6 期（总第 120 期）\n"
      "某省应急管理厅应急办公室 二〇二四年十一月十二日\n"
      "南江县：\n"
      "织密校园消防安全防护网守护师生平安\n" +
      kWrappedBody;
  const Document doc = testing::outline(text);
  REQUIRE(doc.sections.size() == 1);
  REQUIRE(doc.sections[0].items.size() == 1);
  const Item& item = doc.sections[0].items[0];
  CHECK(item.title == "南江县：织密校园消防安全防护网守护师生平安");
  CHECK(item.kind == "local_experience");
  CHECK(item.first_line == 5);
  CHECK(item.points.size() == 2);
}

// pdftotext -layout cuts a long masthead line: the date's last characters ("八日") alone on the
// next line. The date still closes the masthead, so the first title, as wide as the text, is a
// title and not the first line of a paragraph.
TEST_CASE("layout: a full-width title under a masthead date cut over two lines") {
  const std::string text =
      "安全生产简报\n"
      "2024 年第 9 期\n"
      "某省安全生产委员会办公室             二〇二四年十月二十\n"
      "                八日\n"
      "\n"
      "四川省南江县：织密织牢校园消防安全防护网全力守护\n"
      "            师生平安\n" +
      kWrappedBody;
  const Document doc = testing::outline(text);
  REQUIRE(doc.sections.size() == 1);
  REQUIRE(doc.sections[0].items.size() == 1);
  const Item& item = doc.sections[0].items[0];
  CHECK(item.title == "四川省南江县：织密织牢校园消防安全防护网全力守护师生平安");
  CHECK(item.kind == "local_experience");
  CHECK(item.first_line == 6);
}

// A region named with its province, or a long autonomous county, cut from its title: up to 20
// characters with the colon ("新疆维吾尔自治区伊犁哈萨克自治州："), in wrapped text and in text
// read one paragraph a line.
TEST_CASE("layout: a long region name cut from its title") {
  const std::string wrapped = kMasthead + "一、各地经验\n新疆维吾尔自治区伊犁哈萨克自治州：\n" +
                              "织密校园消防安全防护网守护师生平安\n" + kWrappedBody;
  const std::string flat =
      "安全生产简报\n第9期\n某省应急管理厅办公室　　2024年10月8日\n一、各地经验\n"
      "双江拉祜族佤族布朗族傣族自治县：\n织密校园消防安全防护网守护师生平安\n"
      "全县坚持人民至上、生命至上，把校园消防安全摆在突出位置，推动工作重心从事后处置转变。\n"
      "全县累计投入资金3.5亿元，完成校园设施改造412处，安全保障能力明显增强。\n";
  struct Row {
    const char* name;
    std::string text;
    std::string region;
  };
  const Row rows[] = {{"wrapped, province and prefecture", wrapped, "伊犁哈萨克自治州"},
                      {"a paragraph a line, a county", flat, "双江拉祜族佤族布朗族傣族自治县"}};
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const Document doc = testing::outline(r.text);
    REQUIRE(doc.sections.size() == 1);
    REQUIRE(doc.sections[0].items.size() == 1);
    const Item& item = doc.sections[0].items[0];
    CHECK(item.title.ends_with("：织密校园消防安全防护网守护师生平安"));
    CHECK(item.kind == "local_experience");
    REQUIRE(item.region.has_value());
    CHECK(item.region->name == r.region);
  }
}

}  // namespace
}  // namespace jianbao
