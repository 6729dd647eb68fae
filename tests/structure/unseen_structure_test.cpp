// Structure on bulletins from other offices and tools: masthead variants, the tail (发, 印发,
// signature), points run on inside a paragraph, and the four-heading Word bulletin.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "jianbao/document.h"
#include "support/outline.h"

namespace jianbao::structure {
namespace {

using testing::outline;

const std::string kBody =
    "全省召开安全生产工作会议\n"
    "3月1日，全省召开安全生产工作会议，总结去年工作，部署今年重点任务。\n";

TEST_CASE("structure: the four-heading Word bulletin has four sections") {
  const std::string t =
      "安全生产简报\n第3期\n某省应急管理厅办公室　　　　2024年3月5日\n"
      "一、工作部署\n全省召开安全生产工作会议\n"
      "3月1日，全省安全生产工作会议召开，会议总结去年工作，部署今年重点任务。\n"
      "二、专项整治\n开展燃气安全专项整治\n全省组织开展城镇燃气安全专项整治，排查隐患1200余处。\n"
      "三、督查检查\n省安委会派出督查组\n省安委会派出6个督查组，对各市开展明查暗访。\n"
      "四、地方经验\n某某市：推行网格化监管\n某某市建立网格化监管机制，实现企业全覆盖。\n"
      "报：省委、省政府领导。\n";
  const Document doc = outline(t);
  std::vector<std::string> titles;
  for (const Section& s : doc.sections) titles.push_back(s.title);
  CHECK(titles == std::vector<std::string>{"工作部署", "专项整治", "督查检查", "地方经验"});
  for (const Section& s : doc.sections) CHECK(s.items.size() == 1);
}

TEST_CASE("structure: masthead variants") {
  struct Row {
    const char* name;
    const char* head;
    const char* title;
    const char* issue;
    const char* total;
    const char* publisher;
    const char* date;
  };
  const Row rows[] = {
      {"note line above",
       "内部资料　注意保存\n安全生产简报\n第5期\n某省应急管理厅　　2024年5月10日\n", "安全生产简报",
       "5", "", "某省应急管理厅", "2024-05-10"},
      {"secret and urgent",
       "秘密★1年\n特急\n督查通报\n第2期\n某省人民政府督查室　　2024年5月10日\n", "督查通报", "2",
       "", "某省人民政府督查室", "2024-05-10"},
      {"total issue on its own line", "安全生产简报\n第8期\n（总第128期）\n某省安委会办公室\n",
       "安全生产简报", "8", "128", "某省安委会办公室", ""},
      {"year in the issue line",
       "防汛工作简报\n2023年第8期\n某市防汛抗旱指挥部办公室　　2023年8月1日\n", "防汛工作简报", "8",
       "", "某市防汛抗旱指挥部办公室", "2023-08-01"},
      {"letter-spaced title", "安 全 生 产 简 报\n第 十二 期\n某省应急管理厅　　2024年5月10日\n",
       "安全生产简报", "12", "", "某省应急管理厅", "2024-05-10"},
      {"name printed twice",
       "安全生产简报\n内部资料\n安全生产简报\n第5期\n某省应急管理厅　　2024年5月10日\n",
       "安全生产简报", "5", "", "某省应急管理厅", "2024-05-10"},
      {"BOM", "\xEF\xBB\xBF安全生产简报\n第5期\n某省应急管理厅　　2024年5月10日\n", "安全生产简报",
       "5", "", "某省应急管理厅", "2024-05-10"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const Document doc = outline(std::string(r.head) + kBody);
    REQUIRE(doc.masthead.has_value());
    CHECK(doc.masthead->title == r.title);
    CHECK(doc.masthead->issue == r.issue);
    CHECK(doc.masthead->total_issue == r.total);
    CHECK(doc.masthead->publisher == r.publisher);
    CHECK(doc.masthead->date == r.date);
    REQUIRE_FALSE(doc.sections.empty());
    REQUIRE_FALSE(doc.sections[0].items.empty());
    CHECK(doc.sections[0].items[0].title == "全省召开安全生产工作会议");
  }
}

TEST_CASE("structure: a date in the first paragraph is not the masthead's") {
  // A one-paragraph-a-line export: the first item's title, then a paragraph holding a date; the
  // two joined read like a wrapped date, which the masthead already has.
  const Document d = outline(
      "应急管理信息\n第38期\n某省应急管理厅办公室　　2024年5月27日\n"
      "省自然资源厅召开全省城镇燃气安全工作视频会议\n"
      "为切实防范化解城镇燃气领域重大安全风险，省自然资源厅自2024年4月15日起开展专项整治。\n");
  REQUIRE(d.masthead.has_value());
  CHECK(d.masthead->date == "2024-05-27");
  CHECK(d.masthead->last_line == 3);
  REQUIRE(d.sections.size() == 1);
  REQUIRE(d.sections[0].items.size() == 1);
  CHECK(d.sections[0].items[0].title == "省自然资源厅召开全省城镇燃气安全工作视频会议");
}

TEST_CASE("structure: the tail: distribution lists, colophon and signature") {
  struct Row {
    const char* name;
    const char* tail;
    std::vector<std::string> report_to, copy_to, cc, send_to, colophon, issuers;
    const char* signature_date;
  };
  const Row rows[] = {
      {"发 has its own list",
       "报：省委、省政府领导。\n发：各市应急管理局。\n",
       {"省委、省政府领导"},
       {},
       {},
       {"各市应急管理局"},
       {},
       {},
       nullptr},
      {"ASCII colons and 抄报",
       "抄报:省政府办公厅。\n抄送: 省安委会各成员单位。\n",
       {"省政府办公厅"},
       {},
       {"省安委会各成员单位"},
       {},
       {},
       {},
       nullptr},
      {"印发 line after the distribution",
       "送：各市应急管理局。\n某省应急管理厅办公室　　2024年3月5日印发\n",
       {},
       {"各市应急管理局"},
       {},
       {},
       // The spaces between a character and a digit go, as everywhere (fix_cjk_spacing).
       {"某省应急管理厅办公室2024年3月5日印发"},
       {},
       nullptr},
      {"office and 印发 date on two lines",
       "送：各市应急管理局。\n某省应急管理厅办公室\n2024年3月5日印发\n（此件依申请公开）\n",
       {},
       {"各市应急管理局"},
       {},
       {},
       {"某省应急管理厅办公室　2024年3月5日印发", "（此件依申请公开）"},
       {},
       nullptr},
      {"editor lines cut apart",
       "编辑：张某\n审核：李某\n报：省委领导。\n",
       {"省委领导"},
       {},
       {},
       {},
       {"编辑：张某　审核：李某"},
       {},
       nullptr},
      {"editors before the distribution",
       "编辑：张某　审核：李某\n报：省委领导。\n共印50份\n",
       {"省委领导"},
       {},
       {},
       {},
       {"编辑：张某　审核：李某", "共印50份"},
       {},
       nullptr},
      {"signature",
       "某省应急管理厅\n2024年3月5日\n抄送：各市应急管理局。\n",
       {},
       {},
       {"各市应急管理局"},
       {},
       {},
       {"某省应急管理厅"},
       "2024-03-05"},
      {"a list wrapped onto a line of its own",
       "某省应急管理厅\n2024年3月5日\n报：省委、省政府领导。\n"
       "抄送：各市安委会办公室，省应急管理厅各处\n室。\n共印50份\n",
       {"省委、省政府领导"},
       {},
       {"各市安委会办公室", "省应急管理厅各处室"},
       {},
       {"共印50份"},
       {"某省应急管理厅"},
       "2024-03-05"},
      {"two issuers on one line",
       "某省应急管理厅　　某省公安厅\n2024年3月5日\n",
       {},
       {},
       {},
       {},
       {},
       {"某省应急管理厅", "某省公安厅"},
       "2024-03-05"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const Document doc = outline(kBody + r.tail);
    CHECK(doc.distribution.report_to == r.report_to);
    CHECK(doc.distribution.copy_to == r.copy_to);
    CHECK(doc.distribution.cc == r.cc);
    CHECK(doc.distribution.send_to == r.send_to);
    CHECK(doc.colophon == r.colophon);
    CHECK(doc.signature.has_value() == (r.signature_date != nullptr));
    if (doc.signature) {
      CHECK(doc.signature->issuers == r.issuers);
      CHECK(doc.signature->date == r.signature_date);
    }
    // Nothing of the tail is an item.
    size_t items = 0;
    for (const Section& s : doc.sections) items += s.items.size();
    CHECK(items == 1);
  }
}

// The points of the one item of `body`, as marker + heading.
std::vector<std::string> points_of(const std::string& body) {
  const Document doc = outline("全省召开安全生产工作会议\n" + body);
  std::vector<std::string> out;
  if (doc.sections.empty() || doc.sections[0].items.empty()) return out;
  for (const Point& p : doc.sections[0].items[0].points) out.push_back(p.marker + p.heading);
  return out;
}

TEST_CASE("structure: points run on inside a paragraph, and run-in headings") {
  struct Row {
    const char* name;
    const char* body;
    std::vector<std::string> points;
  };
  const Row rows[] = {
      {"一是 inline",
       "会议要求，一是压实工作责任，二是强化隐患排查，三是严格执法检查。\n",
       {"一是压实工作责任", "二是强化隐患排查", "三是严格执法检查"}},
      {"（一） inline",
       "重点做好以下工作：（一）压实责任；（二）强化排查；（三）严格执法。\n",
       {"（一）压实责任", "（二）强化排查", "（三）严格执法"}},
      {"opening point runs on",
       "一是压实工作责任，二是强化隐患排查。\n",
       {"一是压实工作责任", "二是强化隐患排查"}},
      {"run-in heading",
       "一、压实工作责任。各地要严格落实责任制。\n二、强化隐患排查。对重点行业开展排查。\n",
       {"一、压实工作责任", "二、强化隐患排查"}},
      {"a word holding 一是 is no point", "统一是关键，各地要统一思想。\n", {}},
      {"numbers must count up", "会议要求，二是压实工作责任，三是强化隐患排查。\n", {}},
      {"run goes on in the next paragraph",
       "各地结合实际，一是压实属地责任。\n二是强化隐患排查。\n",
       {"一是压实属地责任", "二是强化隐患排查"}},
      {"one run-on 一是 alone is no point", "会议指出，一是根本。\n各地要抓好落实。\n", {}},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    CHECK(points_of(r.body) == r.points);
  }
}

TEST_CASE("structure: a run-in point keeps its body as text") {
  const Document doc = outline("全省召开会议\n一、压实工作责任。各地要严格落实责任制。\n");
  REQUIRE(doc.sections.size() == 1);
  REQUIRE(doc.sections[0].items.size() == 1);
  REQUIRE(doc.sections[0].items[0].points.size() == 1);
  const Point& p = doc.sections[0].items[0].points[0];
  CHECK(p.heading == "压实工作责任");
  CHECK(p.text == "各地要严格落实责任制。");
}

// pandoc keeps a Title paragraph that opens the document as metadata: the masthead starts at
// its issue line, and the first section's name (ending in 信息, as titles do) below the date is
// no masthead title.
TEST_CASE("structure: a name below the masthead's date is the first section's heading") {
  const std::string t =
      "第12期\n\n江西省应急管理厅办公室\n\n2024年5月8日\n\n综合信息\n\n"
      "省应急管理厅督导检查燃气安全工作\n\n"
      "5月6日，省应急管理厅派出督导组，对各地燃气安全工作开展督导。\n\n"
      "报：省委、省政府领导。\n";
  const Document doc = outline(t);
  REQUIRE(doc.masthead.has_value());
  CHECK(doc.masthead->title.empty());
  CHECK(doc.masthead->issue == "12");
  REQUIRE(doc.sections.size() == 1);
  CHECK(doc.sections[0].title == "综合信息");
  REQUIRE(doc.sections[0].items.size() == 1);
  CHECK(doc.sections[0].items[0].title == "省应急管理厅督导检查燃气安全工作");
}

// pdftotext of a one-page bulletin with one item: one full line, too few to tell the text width,
// so the text is read as one paragraph a line. The title cut over two lines is still one title;
// the paragraph's first line, which holds clause marks and runs on into a shorter line ending
// a sentence, is no third line of it. A Word export's title holding a comma, over a paragraph
// wider than it, stays a title.
TEST_CASE("structure: a paragraph's first line in text read one paragraph a line is no title") {
  struct Row {
    const char* name;
    const char* body;
    const char* title;
    std::vector<std::string> paragraphs;
  };
  const Row rows[] = {
      {"pdftotext",
       "柯坪县：建立矿山安全风险\n“四色”分级管控机制\n"
       "柯坪县以矿山安全专项整治为抓手，统筹发展和安全，着\n"
       "力构建责任明确、运转高效的安全管理体系。\n",
       "柯坪县：建立矿山安全风险“四色”分级管控机制",
       {"柯坪县以矿山安全专项整治为抓手，统筹发展和安全，着力构建责任明确、运转高效的安全管理体系"
        "。"}},
      {"Word export",
       "柯坪县：坚持问题导向，建立矿山安全风险分级管控机制\n"
       "柯坪县以矿山安全专项整治为抓手，统筹发展和安全，着力构建责任明确、运转高效的安全管理体系。"
       "\n",
       "柯坪县：坚持问题导向，建立矿山安全风险分级管控机制",
       {"柯坪县以矿山安全专项整治为抓手，统筹发展和安全，着力构建责任明确、运转高效的安全管理体系"
        "。"}},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const std::string t =
        std::string(
            "内部资料\n\n请勿外传\n\n应急管理工作简\n报\n"
            "2022 年第 23 期（总第 230 期）\n新疆维吾尔自治区消防安全委员会办公室\n"
            "2022 年 10 月 26 日\n\n") +
        r.body + "编辑：陈磊\n\n审核：张华\n\n报：应急管理部。\n发：各有关单位。\n";
    const Document doc = outline(t);
    REQUIRE(doc.sections.size() == 1);
    REQUIRE(doc.sections[0].items.size() == 1);
    const Item& item = doc.sections[0].items[0];
    CHECK(item.title == r.title);
    CHECK(item.kind == "local_experience");
    std::vector<std::string> paragraphs;
    for (const Paragraph& p : item.paragraphs) paragraphs.push_back(p.text);
    CHECK(paragraphs == r.paragraphs);
  }
}

// pdftotext broke the paragraph before （二）, which opens a line: that paragraph's run goes on
// with （三）, not with another （二）.
TEST_CASE("structure: a run of inline points cut before its second point goes on after it") {
  const std::string t =
      "安全生产简报\n"
      "2024 年第 7 期\n"
      "江西省应急管理厅办公室\n"
      "2024 年 5 月 8 日\n"
      "一、工作动态\n"
      "\n"
      "省应急管理厅推动燃气企业落实安全生产责任\n"
      "为切实防范化解燃气领域重大安全风险，省应急管理厅近日\n"
      "部署专项整治。主要做法有：（一）畅通举报渠道，开通安全\n"
      "隐患举报热线，落实举报奖励制度，今年以来受理举报 63 件；\n"
      "（二）推进科技赋能，建成安全风险监测预警平台，接入重点\n"
      "企业 1200 家；（三）强化源头管控，严格项目安全准入，从\n"
      "源头上防范化解安全风险。\n";
  const Document doc = outline(t);
  REQUIRE(doc.sections.size() == 1);
  REQUIRE(doc.sections[0].items.size() == 1);
  const std::vector<Point>& points = doc.sections[0].items[0].points;
  REQUIRE(points.size() == 3);
  CHECK(points[1].marker == "（二）");
  CHECK(points[1].text.empty());
  CHECK(points[2].marker == "（三）");
  CHECK(points[2].heading.rfind("强化源头管控", 0) == 0);
}

TEST_CASE("structure: web text flattened onto one line keeps its sections and points") {
  const std::string t =
      "安全生产简报　　第3期　　某省应急管理厅办公室　　2024年3月5日　　一、工作部署　　"
      "全省召开安全生产工作会议　　3月1日，全省召开会议，部署今年重点任务。　　"
      "会议要求，一是压实责任，二是强化检查，三是严格执法。　　二、专项整治　　"
      "开展燃气安全专项整治　　全省开展城镇燃气安全专项整治，排查隐患1200余处。　　"
      "报：省委、省政府领导。\n";
  const Document doc = outline(t);
  REQUIRE(doc.masthead.has_value());
  CHECK(doc.masthead->issue == "3");
  REQUIRE(doc.sections.size() == 2);
  CHECK(doc.sections[0].title == "工作部署");
  REQUIRE(doc.sections[0].items.size() == 1);
  CHECK(doc.sections[0].items[0].title == "全省召开安全生产工作会议");
  CHECK(doc.sections[0].items[0].points.size() == 3);
  CHECK(doc.sections[1].items[0].title == "开展燃气安全专项整治");
  CHECK(doc.distribution.report_to == std::vector<std::string>{"省委、省政府领导"});
}

}  // namespace
}  // namespace jianbao::structure
