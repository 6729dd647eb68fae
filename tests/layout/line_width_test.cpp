// The line-width model of pdftotext's default text: no first-line indent, digits set apart by
// spaces, full lines a character short where a comma may not start the next line.
#include <doctest/doctest.h>

#include <string>

#include "jianbao/decode.h"
#include "jianbao/layout.h"
#include "jianbao/ruleset.h"
#include "support/outline.h"

namespace jianbao::layout {
namespace {

CleanText run(const std::string& text) { return testing::cleaned(text); }

// Two items as pdftotext prints a LibreOffice page, 25 characters a line. The lines holding
// digits are wider by their extraction spaces; "……的重要内" is a character short (its next
// character went down with the comma after it).
const std::string kFirstItem =
    "省应急管理厅召开安全工作会议\n"
    "2024 年 4 月 30 日，省应急管理厅印发通知，部署在全\n"
    "省开展自建房安全专项整治，要求各地 2024 年底前完成全覆\n"
    "盖排查，建立问题隐患和整改措施清单 12 项，逐项明确\n"
    "整改责任人和完成时限。\n";

TEST_CASE("layout: a one-line title before a full line a character short stands alone") {
  const std::string text = kFirstItem +
                           "南昌市：织密渔业船舶安全防护网\n"
                           "南昌市把渔业船舶安全作为防范化解重大风险的重要内\n"
                           "容，坚持标本兼治，推动安全形势向好。\n"
                           "截至 4 月 5 日，南昌市已完成重点企业整治 1738 家，占计\n"
                           "划任务的 90%。\n";
  const CleanText clean = run(text);
  CHECK(clean.wrapped);
  CHECK(clean.full_width == 48);  // measured without the spaces beside digits
  REQUIRE(clean.blocks.size() == 5);
  CHECK(clean.blocks[2].shape == Block::Shape::kTitle);
  CHECK(clean.blocks[2].text == "南昌市：织密渔业船舶安全防护网");
  CHECK(clean.blocks[3].shape == Block::Shape::kParagraph);
  CHECK(clean.blocks[3].text ==
        "南昌市把渔业船舶安全作为防范化解重大风险的重要内容，坚持标本兼治，推动安全形势向好。");
}

TEST_CASE("layout: a title as wide as the text, its rest short, then a paragraph as wide") {
  // The rest of a full title is no heading standing alone, so the full line below it, free of
  // clause marks, is the paragraph's first line rather than a second title.
  const std::string text = kFirstItem +
                           "福建省：压实责任链条推动危险化学品安全整治见实效\n"  // 48 columns
                           "落地\n"
                           "福建省把危险化学品安全作为防范化解重大风险的重要\n"
                           "内容，坚持标本兼治、综合施策，推动安全形势向好。\n";  // full too
  const CleanText clean = run(text);
  REQUIRE(clean.wrapped);
  REQUIRE(clean.blocks.size() == 4);
  CHECK(clean.blocks[2].shape == Block::Shape::kTitle);
  CHECK(clean.blocks[2].text == "福建省：压实责任链条推动危险化学品安全整治见实效落地");
  CHECK(clean.blocks[3].shape == Block::Shape::kParagraph);
  CHECK(
      clean.blocks[3].text ==
      "福建省把危险化学品安全作为防范化解重大风险的重要内容，坚持标本兼治、综合施策，推动安全形势向"
      "好。");
}

TEST_CASE("layout: a full line cut inside a phrase, then a full last line, is one paragraph") {
  // No clause mark, after a sentence's end: it could be a title as wide as the text, but a title
  // does not end in 以 (layout.yaml, title_never_ends_with) and its body opens with no last line.
  const std::string cut = "省交通运输厅已连续三个月保持全省道路运输领域较大以\n";
  const std::string last = "上事故“零发生”，全省事故起数和死亡人数持续明显下降。\n";
  const CleanText clean = run(kFirstItem + cut + last);
  REQUIRE(clean.blocks.size() == 3);
  CHECK(clean.blocks[2].shape == Block::Shape::kParagraph);
  // The two lines joined, without their line feeds.
  CHECK(clean.blocks[2].text == cut.substr(0, cut.size() - 1) + last.substr(0, last.size() - 1));
  // Ending in a word a title may end with, it stays a title over its one-line body.
  const CleanText titled =
      run(kFirstItem + "省交通运输厅连续三个月保持道路运输领域安全形势稳定\n" + last);
  REQUIRE(titled.blocks.size() == 4);
  CHECK(titled.blocks[2].shape == Block::Shape::kTitle);
}

TEST_CASE("layout: a line wider than a wrapped title's first opens the paragraph below") {
  // A title over two lines, its rest short, then a paragraph whose first line fell short (its
  // last character went down with the comma after it) and holds no clause mark: wider than the
  // title's first line, so no third line of the title.
  const std::string text = kFirstItem +
                           "上海市：聚焦重点环节深化建筑施工\n"  // 32 columns
                           "隐患排查治理\n"
                           "上海市把建筑施工安全作为防范化解重大风险的\n"  // 42 columns
                           "重要内容，坚持标本兼治、综合施策，推动安全形势向好。\n";
  const CleanText clean = run(text);
  REQUIRE(clean.wrapped);
  REQUIRE(clean.blocks.size() == 4);
  CHECK(clean.blocks[2].shape == Block::Shape::kTitle);
  CHECK(clean.blocks[2].text == "上海市：聚焦重点环节深化建筑施工隐患排查治理");
  CHECK(clean.blocks[3].shape == Block::Shape::kParagraph);
  CHECK(clean.blocks[3].text.rfind("上海市把", 0) == 0);
}

TEST_CASE("layout: a title three characters short of a full line is no full line") {
  // 21 characters where a line holds 24: beyond full_line_slack, so a title, not a paragraph's
  // first line running on.
  const std::string text = kFirstItem +
                           "省应急管理厅召开全省安全生产工作会议再部署\n"
                           "南昌市把渔业船舶安全作为防范化解重大风险的重要内\n"
                           "容，坚持标本兼治，推动安全形势向好。\n";
  const CleanText clean = run(text);
  CHECK(clean.wrapped);
  REQUIRE(clean.blocks.size() == 4);
  CHECK(clean.blocks[2].shape == Block::Shape::kTitle);
  CHECK(clean.blocks[2].text == "省应急管理厅召开全省安全生产工作会议再部署");
  CHECK(clean.blocks[3].text.rfind("南昌市把", 0) == 0);
}

// A title as wide as the text after a section name the rules do not know ("督查督办"): the full
// line holds no clause mark, so it is a title, not the first line of a paragraph, and a block
// of its own (a wrapped title never widens onto a full line). After a paragraph's last line
// (longer than bare_heading_max_chars) it reads on as body text.
TEST_CASE("layout: a full-width title after a short unknown section name is a title") {
  const std::string title = "省自然资源厅举办全省道路交通安全监管执法业务培训\n";  // 48 columns
  const std::string body =
      "3 月 1 日，省自然资源厅主要负责同志带队赴基层检查道路\n"
      "交通安全工作，强调要把安全责任落实到每个岗位。\n";
  const CleanText heading = run(kFirstItem + "督查督办\n" + title + body);
  REQUIRE(heading.blocks.size() == 5);
  CHECK(heading.blocks[2].text == "督查督办");
  CHECK(heading.blocks[3].shape == Block::Shape::kTitle);
  CHECK(heading.blocks[3].first_line() == 7);
  CHECK(heading.blocks[3].last_line() == 7);
  CHECK(heading.blocks[4].text.rfind("3月1日", 0) == 0);

  const CleanText tail = run(kFirstItem + "各地要把隐患整改作为重点督办事项\n" + title + body);
  REQUIRE(tail.blocks.size() == 4);
  CHECK(tail.blocks[3].shape == Block::Shape::kParagraph);
  CHECK(tail.blocks[3].first_line() == 7);
}

}  // namespace
}  // namespace jianbao::layout
