// Layout on text from other tools: the line-width model, page numbers in every form, running
// lines and text flattened onto one line.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "jianbao/decode.h"
#include "jianbao/layout.h"
#include "support/outline.h"

namespace jianbao::layout {
namespace {

CleanText clean(const std::string& text) { return testing::cleaned(text); }

// A Word export: one paragraph per line, headings of one width.
std::string word_bulletin(const std::vector<std::string>& headings) {
  std::string t = "安全生产简报\n第3期\n某省应急管理厅办公室　　2024年3月5日\n";
  int n = 0;
  for (const std::string& h : headings) {
    t += h + "\n";
    t += "全省召开第" + std::to_string(++n) + "次安全生产工作会议\n";
    t += "会议总结去年全省安全生产工作，部署今年重点任务，要求各地压紧压实安全生产责任。\n";
    t += "会议强调，各地要把安全生产摆在更加突出的位置，确保全年事故总量继续下降。\n";
  }
  return t;
}

TEST_CASE("layout: a few equal headings are no text width") {
  struct Row {
    const char* name;
    std::vector<std::string> headings;
  };
  const Row rows[] = {
      {"four numbered", {"一、工作部署", "二、专项整治", "三、督查检查", "四、地方经验"}},
      {"five bracketed",
       {"【工作部署】", "【专项整治】", "【督查检查】", "【地方经验】", "【基层动态】"}},
      {"six named", {"工作动态", "工作部署", "地方经验", "经验交流", "基层动态", "各地动态"}},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const CleanText c = clean(word_bulletin(r.headings));
    CHECK_FALSE(c.wrapped);
    // Every heading is a block of its own.
    int headings = 0;
    for (const Block& b : c.blocks) {
      for (const std::string& h : r.headings) headings += b.text == h;
    }
    CHECK(headings == static_cast<int>(r.headings.size()));
    // The diagnostic names the model.
    bool named = false;
    for (const Diagnostic& d : c.diagnostics) {
      named = named || (d.rule_id == "line_width_model" &&
                        d.message.find("one paragraph per line") != std::string::npos);
    }
    CHECK(named);
  }
}

TEST_CASE("layout: wrapped text is still taken as wrapped, and says so") {
  const std::string line = "全省各地认真贯彻落实安全生产工作部署要求持续推";  // 23 CJK = 46 columns
  std::string t = "工作动态\n";
  for (int i = 0; i < 8; ++i) t += line + "\n" + line + "\n" + "进各项工作。\n";
  const CleanText c = clean(t);
  CHECK(c.wrapped);
  CHECK(c.full_width == 46);
  REQUIRE_FALSE(c.diagnostics.empty());
  CHECK(c.diagnostics[0].message.find("wrapped text, 46 columns") != std::string::npos);
}

TEST_CASE("layout: a short wrapped bulletin whose full lines all differ by a column") {
  // pdftotext on a one-page bulletin: five or six full lines, none of one width (digits and
  // punctuation shift each by a column), no indent; the title stays a title of its own.
  struct Row {
    const char* name;
    std::vector<std::string> body;  // full lines running on, then a paragraph's last line
    int full_width;
  };
  const Row rows[] = {
      {"50 down to 46 columns",
       {"各地认真贯彻落实全国安全生产电视电话会议精神，全面",
        "查风险隐患，压紧压实各方责任，共检查企业8家，督促",
        "整改问题隐患一批，依法查处违法违规行为，有力震慑",
        "了违法违规行为，推动安全生产形势持续稳定，共6个",
        "地区完成整治任务，各项重点工作均取得阶段性成效", "提升。"},
       50},
      {"52 down to 48 columns",
       {"本月，全国共发生各类生产安全事故，事故起数同比明显下",
        "降，各地持续推进安全生产专项整治，深化源头治理，共9",
        "个重点行业完成排查，重点行业领域安全生产标准化达标",
        "率持续提升，较上月有明显提高，各项重点任务已有4项",
        "提前完成，全国安全生产形势总体稳定向好，取得实效", "明显。"},
       52},
  };

  for (const Row& r : rows) {
    CAPTURE(r.name);
    std::string t = "一、安全生产形势\n全国安全生产形势总体稳定\n";
    for (const std::string& l : r.body) t += l + "\n";
    const CleanText c = clean(t);
    CHECK(c.wrapped);
    CHECK(c.full_width == r.full_width);
    // Heading, title, one paragraph.
    REQUIRE(c.blocks.size() == 3);
    CHECK(c.blocks[1].text == "全国安全生产形势总体稳定");
    CHECK(c.blocks[2].lines.size() == r.body.size());
  }
}

TEST_CASE("layout: a title cut after its region may fill the next line") {
  const std::string line = "全省各地认真贯彻落实安全生产工作部署要求持续推";  // 46 columns
  const std::string rest =
      "念好“严”“实”“细”三字诀抓实森林草原防灭火安全";  // 46 columns, no clause mark
  struct Row {
    const char* name;
    std::string title_rest;
    size_t title_lines;
  };
  const Row rows[] = {{"full rest", rest, 2}, {"short rest", "织密安全防护网", 2}};
  for (const Row& r : rows) {
    CAPTURE(r.name);
    std::string t = "工作动态\n";
    for (int i = 0; i < 4; ++i) t += line + "\n" + line + "\n" + "进各项工作。\n";
    t += "吉林省：\n" + r.title_rest + "\n" + line + "\n" + line + "\n进各项工作。\n";
    const CleanText c = clean(t);
    REQUIRE(c.wrapped);
    bool found = false;
    for (const Block& b : c.blocks) {
      if (b.text != "吉林省：" + r.title_rest) continue;
      found = true;
      CHECK(b.shape == Block::Shape::kTitle);
      CHECK(b.lines.size() == r.title_lines);
    }
    CHECK(found);
  }
}

TEST_CASE("layout: page numbers in every form are removed and listed") {
  struct Row {
    const char* name;
    const char* page_number;  // as printed between two pages, lines separated by \n
    int lines;                // how many source lines it takes
  };
  const Row rows[] = {
      {"dashes", "— 5 —", 1},
      {"no spaces", "—5—", 1},
      {"full-width digits", "— １２ —", 1},
      {"hyphens", "-5-", 1},
      {"split over three lines", "—\n5\n—", 3},
      {"split over two lines", "— 5\n—", 2},
      {"full-width split", "—\n５\n—", 3},
      {"page of pages", "第 5 页 共 8 页", 1},
      {"bare number before a form feed", "5", 1},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const std::string text = "为切实做好主汛期安全防范工作，省防指决定开展为期两个月的专项行动\n" +
                             std::string(r.page_number) + "\n\f监管部门要加强检查。\n";
    const CleanText c = clean(text);
    int page_numbers = 0;
    for (const Removed& rm : c.removed) page_numbers += rm.kind == "page_number";
    CHECK(page_numbers == r.lines);
    for (const Block& b : c.blocks) {
      CAPTURE(b.text);
      CHECK(b.text.find("—") == std::string::npos);
      CHECK(b.text.find("5") == std::string::npos);
    }
  }
}

TEST_CASE("layout: a page number split around a table at a page's foot") {
  // pdftotext prints the table at a page's foot between the pieces of its page number, the
  // number before the table or after it; the cells stay, a dash cell among them.
  const std::string before = "各地排查整治情况见下表。\n";
  const std::string cells = "地区\n整改率\n江苏\n—\n福建\n88.1%\n";
  const std::string after = "\f通过一系列举措，全省较大事故起数同比下降。\n";
  const struct {
    const char* name;
    std::string text;
  } rows[] = {
      {"number before the table", before + "—\n3\n" + cells + "—\n" + after},
      {"number after the table", before + "—\n" + cells + "3\n—\n" + after},
  };
  for (const auto& r : rows) {
    CAPTURE(r.name);
    const CleanText c = clean(r.text);
    std::vector<std::string> removed;
    for (const Removed& rm : c.removed) {
      if (rm.kind == "page_number") removed.push_back(rm.text);
    }
    CHECK(removed == std::vector<std::string>{"—", "3", "—"});
    int dash_cells = 0;
    for (const Block& b : c.blocks) dash_cells += b.text == "—";
    CHECK(dash_cells == 1);
  }
  // Cells alone, the last a dash, and no page number: no page number is removed.
  const CleanText c = clean(before + cells + "—\n" + after);
  for (const Removed& rm : c.removed) CHECK(rm.kind != "page_number");
}

TEST_CASE("layout: a bare number inside the text is no page number") {
  const CleanText c = clean("各地要在规定时间内完成排查整治\n5\n个工作组已经派出。\n");
  for (const Removed& rm : c.removed) CHECK(rm.kind != "page_number");
}

TEST_CASE("layout: a footer on every page, the last one included, is removed") {
  std::string t;
  for (int page = 1; page <= 3; ++page) {
    if (page > 1) t += "\f";
    t += "第" + std::to_string(page) + "页的正文内容，各地要压紧压实责任。\n";
    t += "内部资料　注意保存\n";
  }
  const CleanText c = clean(t);
  int footers = 0;
  for (const Removed& rm : c.removed) footers += rm.kind == "footer";
  CHECK(footers == 3);
}

TEST_CASE("layout: a paragraph's last line ending two pages is no footer") {
  // Two pages end on the same sentence, wrapped the same way: its short last line stands twice
  // at a page's foot, right after a full line that runs on into it. It ends the paragraph.
  std::string t = "安全生产简报\n2024 年第 9 期\n某省应急管理厅办公室\n2024 年 10 月 8 日\n";
  for (int page = 1; page <= 3; ++page) {
    if (page > 1) t += "\f";
    t += "省应急管理厅部署第" + std::to_string(page) + "批安全生产专项检查\n";
    t += "为切实防范化解重大安全风险，省应急管理厅组织六个工\n"
         "作组，于下半年分赴各地开展明查暗访，重点检查企业主体\n责任落实情况。\n";
    t += "会议要求，各地要紧盯重点时段和关键环节，严格落实领\n"
         "导带班和值班值守制度，确保突发事件信息报送及时准确。\n";
    if (page < 3)
      t += "据各地上报情况看，较大事故起数同比下降的地区有所增\n多，但个别地区形势依然严峻。\n";
    t += "\n— " + std::to_string(page) + " —\n\n";
  }
  const CleanText c = clean(t);
  REQUIRE(c.wrapped);
  for (const Removed& rm : c.removed) CHECK(rm.kind == "page_number");
  int ends = 0;
  for (const Block& b : c.blocks) {
    ends += b.text.ends_with(
        "据各地上报情况看，较大事故起数同比下降的地区有所增多，但个别地区形势依然严峻。");
  }
  CHECK(ends == 2);
}

TEST_CASE("layout: a note at the foot of a one-page bulletin is its footer") {
  // pdftotext of one page: the footer "内部资料　注意保存" (cut at its space) printed once, under
  // the tail, with no second page to repeat it. The same note atop the page is the masthead's.
  const std::string t =
      "内部资料\n\n安全生产工作动态\n第 25 期\n国家矿山安全监察局综合司\n\n2023 年 7 月 1 日\n\n"
      "一、 监管执法\n\n国家防总办公室部署开展危险化学品安全专项整治\n"
      "为切实防范化解危险化学品领域重大安全风险，国家防总\n"
      "办公室自 2023 年 2 月 21 日起在全省集中开展为期三个月的执\n法检查。\n"
      "报：国务院安委会办公室，省委、省政府领导。\n\n共印 89 份\n\n内部资料\n\n注意保存\n\n";
  const CleanText c = clean(t);
  std::vector<std::pair<std::string, int>> removed;
  for (const Removed& rm : c.removed) {
    CHECK(rm.kind == "footer");
    removed.emplace_back(rm.text, rm.line);
  }
  CHECK(removed == std::vector<std::pair<std::string, int>>{{"内部资料", 19}, {"注意保存", 21}});
  REQUIRE_FALSE(c.blocks.empty());
  CHECK(c.blocks.front().text.rfind("内部资料", 0) == 0);
}

TEST_CASE("layout: a footer below a page's number is a footer, the next page's name a header") {
  // pdftotext on a page whose foot holds "第1页" over "内部资料　注意保存" (cut at its space):
  // the number does not start a page there, the form feed after the footer does.
  std::string t = "防汛抗旱工作简报\n第 7 期\n某省防汛抗旱指挥部办公室\n";
  for (int page = 1; page <= 3; ++page) {
    if (page > 1) t += "\f防汛抗旱工作简报\n";
    t += "第" + std::to_string(page) + "页的正文内容，各地要压紧压实防汛责任。\n";
    t += "第" + std::to_string(page) + "页\n内部资料\n\n注意保存\n";
  }
  const CleanText c = clean(t);
  std::map<std::string, std::vector<std::string>> kinds;  // text -> kinds it was removed as
  for (const Removed& rm : c.removed) kinds[rm.text].push_back(rm.kind);
  CHECK(kinds["内部资料"] == std::vector<std::string>(3, "footer"));
  CHECK(kinds["注意保存"] == std::vector<std::string>(3, "footer"));
  CHECK(kinds["防汛抗旱工作简报"] == std::vector<std::string>(2, "running_header"));
  CHECK(kinds["第2页"] == std::vector<std::string>{"page_number"});
}

TEST_CASE("layout: a page number glued to the footer below it is a page number") {
  // pdftotext takes the closing hyphen of "-2-" for a word break and joins the footer's line to
  // it: "-2内部资料". Page 1 has no number, its footer stands alone; the glued line counts as it.
  std::string t = "应急管理工作简报\n第 4 期\n某省应急管理厅办公室\n";
  for (int page = 1; page <= 3; ++page) {
    if (page > 1) t += "\f";
    t += "第" + std::to_string(page) + "页的正文内容，各地要压紧压实安全责任。\n\n";
    t += (page > 1 ? "-" + std::to_string(page) : std::string()) + "内部资料\n\n注意保存\n\n";
  }
  const CleanText c = clean(t);
  std::map<std::string, std::vector<std::string>> kinds;
  for (const Removed& rm : c.removed) kinds[rm.text].push_back(rm.kind);
  CHECK(kinds["内部资料"] == std::vector<std::string>{"footer"});
  CHECK(kinds["-2内部资料"] == std::vector<std::string>{"page_number"});
  CHECK(kinds["-3内部资料"] == std::vector<std::string>{"page_number"});
  CHECK(kinds["注意保存"] == std::vector<std::string>(3, "footer"));
  for (const Block& b : c.blocks) CHECK(b.text.find("内部资料") == std::string::npos);
}

TEST_CASE("layout: a number opening its page leaves the page to the next line") {
  // pdftotext where the page number is printed in the page's header: "\f2" atop page 2, the
  // footer "内部资料" / "注意保存" (cut at its space) at the foot of every page.
  std::string t = "应急管理工作简报\n第 4 期\n某省应急管理厅办公室\n";
  for (int page = 1; page <= 3; ++page) {
    if (page > 1) t += "\f" + std::to_string(page) + "\n\n";
    t += "第" + std::to_string(page) + "页的正文内容，各地要压紧压实安全责任。\n";
    t += "\n内部资料\n\n注意保存\n\n";
  }
  const CleanText c = clean(t);
  std::map<std::string, std::vector<std::string>> kinds;
  for (const Removed& rm : c.removed) kinds[rm.text].push_back(rm.kind);
  CHECK(kinds["内部资料"] == std::vector<std::string>(3, "footer"));
  CHECK(kinds["注意保存"] == std::vector<std::string>(3, "footer"));
  CHECK(kinds["2"] == std::vector<std::string>{"page_number"});
}

TEST_CASE("layout: a signature's date atop the next page is no running header") {
  // The issuing office at the foot of page 2, the date (the masthead's date too) atop page 3.
  const std::string date = "2024 年 9 月 3 日";
  std::string t = "防汛工作简报\n第 9 期\n某省防汛抗旱指挥部办公室\n" + date + "\n";
  t += "全省防汛工作会议召开，会议要求各地压紧压实防汛责任。\n";
  t += "\f- 2 -\n各地组织开展应急演练，累计覆盖群众约 9.2 万人次。\n某省防汛抗旱指挥部办公室\n";
  t += "\f- 3 -\n" + date + "\n编辑：林某　审核：张某\n";
  t += "抄报：省委办公厅，省政府办公厅，国务院安委会办公室，应急管理部各司局。\n共印 268 份\n";
  const CleanText c = clean(t);
  for (const Removed& rm : c.removed) CHECK(rm.text != date);
}

TEST_CASE("layout: the masthead's title cut over two lines, repeated atop a later page") {
  // pdftotext -raw on a letter-spaced title too wide for one line; page 2 prints the name as its
  // header once, on one line.
  struct Row {
    const char* name;
    const char* title;
  };
  const Row rows[] = {
      {"letter-spaced", "森 林 防 火 工 作 简\n报\n"},
      {"plain", "森林防火工作简\n报\n"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const std::string t = std::string(r.title) +
                          "第 7 期\n某省森林防火指挥部办公室\n2024 年 4 月 2 日\n"
                          "全省召开森林防火工作会议\n4 月 1 日，全省召开森林防火工作会议。\n"
                          "\f森林防火工作简报\n会议要求各地压实责任。\n";
    const CleanText c = clean(t);
    int headers = 0;
    for (const Removed& rm : c.removed) headers += rm.kind == "running_header";
    CHECK(headers == 1);
    for (const Block& b : c.blocks) CHECK(b.text != "森林防火工作简报");
  }
}

TEST_CASE("layout: a bulletin's name atop a page over the signature's date is a header") {
  // The header printed on even pages only, so once: atop page 2, over the date of the signature
  // whose office ends page 1. The masthead prints the name too (cut over two lines). An office
  // signing atop a page over its date stays.
  struct Row {
    const char* name;
    const char* page2_top;
    std::vector<std::string> removed;
  };
  const Row rows[] = {
      {"bulletin's name", "安全生产工作动态\n", {"— 1 —", "安全生产工作动态", "— 2 —"}},
      {"letter-spaced", "安 全 生 产 工 作 动 态\n", {"— 1 —", "安 全 生 产 工 作 动 态", "— 2 —"}},
      {"office", "某省消防安全委员会办公室\n", {"— 1 —", "— 2 —"}},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const std::string t = std::string(
                              "内部资料\n\n请勿外传\n\n安全生产工作动\n态\n第 16 期\n"
                              "某省消防安全委员会办公室\n\n2022 年 9 月 3 日\n【工作动态】\n"
                              "全省召开消防安全工作会议\n"
                              "近日，省政府印发通知，从责任落实、隐患治理等方面提出\n具体要求。\n"
                              "某省消防安全委员会办公室\n\n— 1 —\n\n\f") +
                          r.page2_top + "\n2022 年 9 月 3 日\n送：各市人民政府。\n\n— 2 —\n";
    const CleanText c = clean(t);
    std::vector<std::string> removed;
    for (const Removed& rm : c.removed) removed.push_back(rm.text);
    CHECK(removed == r.removed);
  }
}

TEST_CASE("layout: the signature and the issuing office at a page's foot are no furniture") {
  // The office signs at the foot of page 1 and issues at the foot of page 2: printed twice at a
  // page's foot, as a footer is, but each time over a date. The signature's date just before a
  // page start is no section name printed on the page either.
  struct Row {
    const char* name;
    const char* page2;
    int offices;
  };
  const Row rows[] = {
      {"signed and issued", "报：省委、省政府领导。\n某省人民政府办公厅\n2024 年 3 月 5 日印发\n",
       2},
      {"signed only", "报：省委、省政府领导。\n共印 50 份\n", 1},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const std::string t =
        std::string(
            "全省召开安全生产工作会议\n3月1日，全省召开安全生产工作会议，部署今年重点任务。\n"
            "某省人民政府办公厅\n2024 年 3 月 5 日\n\f") +
        r.page2;
    const CleanText c = clean(t);
    for (const Removed& rm : c.removed) CHECK(rm.text == "");
    CHECK(c.page_sections.empty());
    int offices = 0;
    for (const Block& b : c.blocks) {
      for (const BlockLine& l : b.lines) offices += b.line_text(l) == "某省人民政府办公厅";
    }
    CHECK(offices == r.offices);
  }
}

TEST_CASE("layout: an issuer atop the first page and signing the last is no footer") {
  // pdftotext's text of a joint 通知 of two pages: the first issuer's name opens the mark on
  // page 1 and the signature at the foot of page 2, over the other issuers and the date. Once
  // at the first page's top and once at a foot is no running line, neither header nor footer;
  // the same name at the foot of both pages is a footer.
  struct Row {
    const char* name;
    const char* foot_of_page1;
    bool removed;
  };
  const Row rows[] = {{"top of page 1, foot of page 2", "", false},
                      {"foot of both pages", "湖北省人民政府\n", true}};
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const std::string t =
        std::string(
            "湖北省人民政府\n湖北省公安厅\n湖北省交通运输厅\n文件\n鄂政发〔2024〕93 号\n\n"
            "关于切实加强岁末年初安全生产工作的紧急通\n知\n\n") +
        r.foot_of_page1 +
        "—1—\n\n\f各地已累计约谈企业负责人 927 人次，责令停产整顿企业\n"
        "1324 家，移送司法机关案件 1436 起。\n"
        "（一）强化示范引领。培育安全生产标准化示范企业 1668\n"
        "家，以点带面推动行业整体水平提升。\n"
        "（二）完善长效机制。总结专项整治经验做法，建立常态\n"
        "化隐患排查和整改督办制度，推动治理模式向事前预防转型。\n"
        "附件：1. 岁末年初安全生产重点检查内容\n2. 岁末年初安全生产隐患排查清单\n"
        "湖北省人民政府\n湖北省公安厅\n湖北省交通运输厅\n2024 年 3 月 3 日\n\n—2—\n\n";
    const CleanText c = clean(t);
    int removed = 0;
    for (const Removed& rm : c.removed) removed += rm.text == "湖北省人民政府";
    CHECK((removed > 0) == r.removed);
    if (!r.removed) CHECK(removed == 0);
  }
}

TEST_CASE("layout: an editor line just before a page start is the colophon's") {
  // Page 1 ends in the signature and the editors; the distribution fills page 2.
  const std::string t =
      "全省召开安全生产工作会议\n3月1日，全省召开安全生产工作会议，部署今年重点任务。\n"
      "某省人民政府办公厅\n2024 年 3 月 5 日\n编辑：张某 审核：李某\n"
      "\f报：省委、省政府领导。\n送：各市应急管理局。\n";
  const CleanText c = clean(t);
  CHECK(c.removed.empty());
  CHECK(c.page_sections.empty());
}

TEST_CASE("layout: a page number at a page's top edge, over other short lines") {
  // Numbers printed at the top right: pdftotext puts "1" over the masthead's notes, "2" over
  // the running header.
  const std::string t =
      "1\n秘密★\n森林防火简报\n第 7 期\n某省森林防火指挥部办公室\n"
      "全省召开森林防火工作会议\n4 月 1 日，全省召开森林防火工作会议，部署重点任务。\n"
      "\f2\n森林防火简报\n会议要求各地压实责任。\n";
  const CleanText c = clean(t);
  std::vector<std::string> numbers;
  for (const Removed& rm : c.removed) {
    if (rm.kind == "page_number") numbers.push_back(rm.text);
  }
  CHECK(numbers == std::vector<std::string>{"1", "2"});
  REQUIRE_FALSE(c.blocks.empty());
  CHECK(c.blocks.front().text.rfind("秘密★", 0) == 0);
}

TEST_CASE("layout: web text flattened onto one line is split back into paragraphs") {
  const std::string t =
      "安全生产简报　　第3期　　一、工作部署　　全省召开安全生产工作会议　　3月1日，全省召开会议。"
      "　　会议要求，各地要压紧压实责任。\n";
  const CleanText c = clean(t);
  std::vector<std::string> texts;
  for (const Block& b : c.blocks) texts.push_back(b.text);
  const std::vector<std::string> want = {
      "安全生产简报",           "第3期",
      "一、工作部署",           "全省召开安全生产工作会议",
      "3月1日，全省召开会议。", "会议要求，各地要压紧压实责任。"};
  CHECK(texts == want);
  // Columns still point into the source line.
  REQUIRE(c.blocks.size() == 6);
  int line = 0;
  int column = 0;
  locate(c.blocks[1], 0, &line, &column);
  CHECK(line == 1);
  CHECK(column == 9);
}

TEST_CASE("layout: two spaced fields on one line are no web text") {
  const CleanText c = clean("某省应急管理厅办公室　　　　2024年3月5日\n");
  REQUIRE(c.blocks.size() == 1);
}

TEST_CASE("layout: a short bulletin is wrapped when its widest lines run on") {
  // pdftotext of a one-page bulletin: two full lines that run on, too few for a cluster. The
  // title cut over two lines is one title, and the body lines join into paragraphs.
  const std::string t =
      "安全生产简报\n第5期\n某省应急管理厅办公室\n2024年4月2日\n一、工作动态\n"
      "全省危险化学品安全专项整治推进会在省会\n召开\n"
      "4 月 1 日，省应急管理厅召开危险化学品安全工作推进会，\n"
      "逐一听取重点地区工作汇报，点评存在的突出问题和不足。\n"
      "二、地方经验\n某某市：\n健全隐患排查治理机制压实企业主体责任\n"
      "今年以来，某某市聚焦危险化学品领域突出问题，采取有力\n"
      "措施，推动 3 个重点园区完成整治。\n";
  const CleanText c = clean(t);
  CHECK(c.wrapped);
  std::vector<std::string> titles;
  std::vector<std::string> paragraphs;
  for (const Block& b : c.blocks) {
    (b.shape == Block::Shape::kTitle ? titles : paragraphs).push_back(b.text);
  }
  CHECK(std::find(titles.begin(), titles.end(), "全省危险化学品安全专项整治推进会在省会召开") !=
        titles.end());
  CHECK(std::find(titles.begin(), titles.end(), "某某市：健全隐患排查治理机制压实企业主体责任") !=
        titles.end());
  const std::vector<std::string> want = {
      "4月1日，省应急管理厅召开危险化学品安全工作推进会，逐一听取重点地区工作汇报，点评存在的突出问"
      "题和不足。",
      "今年以来，某某市聚焦危险化学品领域突出问题，采取有力措施，推动3个重点园区完成整治。"};
  CHECK(paragraphs == want);
}

TEST_CASE("layout: a short text whose widest lines are paragraphs stays one paragraph a line") {
  // A Word export of the same bulletin: two titles of one width, but the paragraphs, which end
  // a sentence, are wider.
  const std::string t =
      "安全生产简报\n第5期\n一、工作动态\n全省危险化学品安全专项整治推进会召开\n"
      "4月1日，省应急管理厅召开危险化学品安全工作推进会，逐一听取重点地区工作汇报。\n"
      "二、地方经验\n某某市健全隐患排查治理机制压实企业主体\n"
      "今年以来，某某市聚焦危险化学品领域突出问题，推动3个重点园区完成整治。\n";
  const CleanText c = clean(t);
  CHECK_FALSE(c.wrapped);
  CHECK(c.blocks.size() == 8);
}

TEST_CASE("layout: a title as wide as an indented first line, its rest on the next line") {
  const std::string indented = "各地认真贯彻落实全国安全生产电视电话会议精神全";  // 46 columns
  const std::string full = "各地认真贯彻落实全国安全生产电视电话会议精神全面排";  // 50 columns
  std::string t = "工作动态\n";
  for (int i = 0; i < 6; ++i) t += indented + "\n" + full + "\n查整治各类风险隐患。\n";
  t += "省应急管理厅推动危险化学品企业全员安全生产责任\n制落实落细\n";  // 46 columns, then 10
  t += indented + "\n" + full + "\n查整治各类风险隐患。\n";
  const CleanText c = clean(t);
  REQUIRE(c.wrapped);
  REQUIRE(c.indent_width == 46);
  REQUIRE(c.blocks.size() == 9);
  CHECK(c.blocks[7].shape == Block::Shape::kTitle);
  CHECK(c.blocks[7].text == "省应急管理厅推动危险化学品企业全员安全生产责任制落实落细");
  CHECK(c.blocks[8].text == indented + full + "查整治各类风险隐患。");
}

TEST_CASE("layout: a title as wide as an indented first line, a paragraph's first line below") {
  // pdftotext of a section heading, a one-line title two characters short of a full line, then
  // a paragraph whose first line is as wide: a first line is followed by a full line or by its
  // last line, never by another first line running on, so the upper one is a title. A first
  // line below a paragraph's end, followed by a full line, stays a paragraph's.
  const std::string indented = "各地认真贯彻落实全国安全生产电视电话会议精神全";  // 46 columns
  const std::string full = "各地认真贯彻落实全国安全生产电视电话会议精神全面排";  // 50 columns
  std::string t = "工作动态\n";
  for (int i = 0; i < 6; ++i) t += indented + "\n" + full + "\n查整治各类风险隐患。\n";
  t += "一、专项整治\n";
  t += "省水利厅举办全省危险化学品安全监管执法培训会议\n";  // 46 columns, no clause mark
  t += "据统计，一季度全省危险化学品领域共发生事故一百\n";  // 46 columns
  t += "七十余起，事故起数同比减少一成半，安全生产形势总体\n稳定。\n";
  const CleanText c = clean(t);
  REQUIRE(c.wrapped);
  REQUIRE(c.indent_width == 46);
  REQUIRE(c.blocks.size() == 10);
  CHECK(c.blocks[7].text == "一、专项整治");
  CHECK(c.blocks[8].shape == Block::Shape::kTitle);
  CHECK(c.blocks[8].text == "省水利厅举办全省危险化学品安全监管执法培训会议");
  CHECK(c.blocks[9].shape == Block::Shape::kParagraph);
  CHECK(c.blocks[9].text.rfind("据统计，", 0) == 0);
  // The six paragraphs above open with a first line as wide, no clause mark in it: paragraphs.
  for (size_t k = 1; k < 7; ++k) CHECK(c.blocks[k].shape == Block::Shape::kParagraph);
}

TEST_CASE("layout: one leading space is a page start only in text that is never indented") {
  // docx2txt and pdftotext -layout centre lines with spaces, an odd margin giving one: " 工作部署"
  // is centred, and the office line above it no running header. pdftotext's own text has no
  // indent but the one space it puts before a page's first line.
  struct Row {
    const char* name;
    const char* text;
    bool page_start;
  };
  const Row rows[] = {
      {"centred export",
       "              安全生产简报\n                 "
       "第3期\n某省应急管理厅办公室　　　　2024年3月5日\n"
       " 工作部署\n           全省召开安全生产工作会议\n"
       "    3月1日，全省召开安全生产工作会议，部署今年重点任务。\n",
       false},
      {"pdftotext page start",
       "全省召开安全生产工作会议\n3月1日，全省召开安全生产工作会议，部署\n今年重点任务。\n"
       " 工作部署\n全省开展燃气安全专项整治\n",
       true},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const CleanText c = clean(r.text);
    bool heading_starts_page = false;
    for (const Block& b : c.blocks) {
      if (b.text.rfind("工作部署", 0) == 0) heading_starts_page = b.page_start;
    }
    CHECK(heading_starts_page == r.page_start);
    if (!r.page_start) CHECK(c.removed.empty());
  }
}

}  // namespace
}  // namespace jianbao::layout
