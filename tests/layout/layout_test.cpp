// Stage 2: visual lines to blocks.
#include "jianbao/layout.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "jianbao/decode.h"
#include "jianbao/ruleset.h"
#include "support/builtin_rules.h"

namespace jianbao::layout {
namespace {

const RuleSet& rules() { return testing::builtin_rules(); }

CleanText run(const std::string& text) {
  auto decoded = decode::decode_bytes(text, "t.txt", {});
  REQUIRE(decoded.ok());
  return clean_layout(decoded.value(), rules());
}

// Wraps `para` the way pdftotext prints a justified page: 28 CJK characters a line, the first
// line two characters shorter (the indent), blank lines between visual lines.
std::string wrap(const std::u32string& para) {
  std::string out;
  size_t i = 0;
  size_t width = 26;
  while (i < para.size()) {
    const std::u32string line = para.substr(i, width);
    for (const char32_t c : line) {
      std::string s;
      if (c < 0x80) {
        s.push_back(static_cast<char>(c));
      } else {
        s.push_back(static_cast<char>(0xE0 | (c >> 12)));
        s.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        s.push_back(static_cast<char>(0x80 | (c & 0x3F)));
      }
      out += s;
    }
    out += "\n\n";
    i += width;
    width = 28;
  }
  return out;
}

std::u32string u32(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(b);
      ++i;
    } else {
      out.push_back(((b & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F));
      i += 3;
    }
  }
  return out;
}

const std::string kSentence =
    "会议要求各地要紧盯重点环节深入排查整治各类风险隐患确保安全生产形势稳定";

std::string long_paragraph(int sentences) {
  std::string p;
  for (int i = 0; i < sentences; ++i) p += kSentence + (i + 1 == sentences ? "。" : "，");
  return p;
}

TEST_CASE("layout: wrapped paragraphs join without spaces and keep their lines") {
  // Three paragraphs: the indented first-line width needs min_indent_lines (3) to be measured.
  const std::string para = wrap(u32(long_paragraph(6)));
  const std::string text = "标题一行\n\n" + para + para + para;
  const CleanText clean = run(text);
  CHECK(clean.wrapped);
  CHECK(clean.full_width == 56);
  CHECK(clean.indent_width == 52);
  REQUIRE(clean.blocks.size() == 4);
  CHECK(clean.blocks[0].shape == Block::Shape::kTitle);
  CHECK(clean.blocks[0].text == "标题一行");
  for (size_t b = 1; b < 4; ++b) {
    CAPTURE(b);
    CHECK(clean.blocks[b].shape == Block::Shape::kParagraph);
    CHECK(clean.blocks[b].text == long_paragraph(6));
  }
  CHECK(clean.blocks[1].first_line() == 3);
}

TEST_CASE("layout: a numbered heading short of a full line is a block of its own") {
  // pdftotext -raw of a 意见, 25 characters a line, no indents: the heading 二、 holds a comma
  // and ends no sentence, three characters short of a full line; the line below starts the
  // section's body. The same words as a point's first line, running on from a full line, stay
  // in their paragraph.
  const std::string heading = "二、提高政治站位，切实增强做好工作的责任感";
  const std::string text =
      "为深入贯彻落实安全生产决策部署，切实做好危险化学品\n"
      "工作，有效防范遏制各类事故发生，现提出如下意见。\n"
      "一、总体要求\n"
      "会上，有关地区和部门作了交流发言，介绍了推进危险化\n"
      "学品安全工作的经验做法。\n" +
      heading +
      "\n"
      "督导组指出，一些地方对危险化学品安全工作重视不够，\n"
      "排查整治走过场，部分问题隐患反复出现。\n"
      "三、加强组织领导，各地各部门要把危险化学品安全工作摆\n"
      "在突出位置，切实加强组织领导。\n";
  const CleanText clean = run(text);
  REQUIRE(clean.wrapped);
  std::vector<std::string> texts;
  for (const Block& b : clean.blocks) texts.push_back(b.text);
  CHECK(std::find(texts.begin(), texts.end(), heading) != texts.end());
  CHECK(std::find(
            texts.begin(), texts.end(),
            "督导组指出，一些地方对危险化学品安全工作重视不够，排查整治走过场，部分问题隐患反复出"
            "现。") != texts.end());
  CHECK(std::find(texts.begin(), texts.end(),
                  "三、加强组织领导，各地各部门要把危险化学品安全工作摆在突出位置，切实加强组织领"
                  "导。") != texts.end());
}

TEST_CASE("layout: spaces between CJK and digits go, spaces between CJK stay") {
  struct Row {
    const char* in;
    const char* want;
  };
  const Row rows[] = {
      {.in = "3 月 25 日至 29 日召开会议。", .want = "3月25日至29日召开会议。"},
      {.in = "吉林省：确立目标 强化协作", .want = "吉林省：确立目标 强化协作"},
      {.in = "共 111 项 task 完成。", .want = "共111项task完成。"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.in);
    const CleanText clean = run(r.in);
    REQUIRE(clean.blocks.size() == 1);
    CHECK(clean.blocks[0].text == r.want);
  }
}

TEST_CASE("layout: columns map back to the source after spaces are removed") {
  const CleanText clean = run("3 月 25 日召开会议。");
  REQUIRE(clean.blocks.size() == 1);
  int line = 0;
  int column = 0;
  locate(clean.blocks[0], 2, &line, &column);  // "2" of 25: source column 5
  CHECK(line == 1);
  CHECK(column == 5);
}

TEST_CASE("layout: a short line before a page start that interrupts a sentence is a header") {
  // The page breaks inside the paragraph; the section name lands just before the new page.
  const std::string before = wrap(u32(long_paragraph(4)));
  std::string para = wrap(u32(long_paragraph(8)));
  const size_t cut = para.find("\n\n", para.size() / 2);
  const std::string text =
      "标题\n\n" + before + before + para.substr(0, cut) + "\n\n工作动态\n " + para.substr(cut + 2);
  const CleanText clean = run(text);
  REQUIRE(clean.removed.size() == 1);
  CHECK(clean.removed[0].kind == "running_header");
  CHECK(clean.removed[0].text == "工作动态");
  REQUIRE(clean.page_sections.size() == 1);
  CHECK(clean.page_sections[0].title == "工作动态");
  CHECK(clean.page_sections[0].page_first_line == 1);
  // The paragraph reads on across the page break.
  REQUIRE(clean.blocks.size() == 4);
  CHECK(clean.blocks[3].text == long_paragraph(8));
}

TEST_CASE("layout: page numbers are removed in their usual forms") {
  for (const char* page : {"— 3 —", "-3-", "- 3 -", "第 3 页", "第3页 共8页"}) {
    CAPTURE(page);
    const std::string text =
        std::string("第一段文字到此结束。\n") + page + "\n\f第二段文字到此结束。\n";
    const CleanText clean = run(text);
    REQUIRE(clean.removed.size() == 1);
    CHECK(clean.removed[0].kind == "page_number");
    CHECK(clean.removed[0].line == 2);
    CHECK(clean.blocks.size() == 2);
  }
}

TEST_CASE("layout: unwrapped text (one paragraph per line) keeps each line a block") {
  const std::string text =
      "一、工作动态\n应急管理部召开会议\n会议强调，要压实责任。会议要求，要加强督导检查，"
      "确保各项措施落实到位，坚决防范遏制重特大事故发生。\n";
  const CleanText clean = run(text);
  CHECK_FALSE(clean.wrapped);
  REQUIRE(clean.blocks.size() == 3);
  CHECK(clean.blocks[0].shape == Block::Shape::kTitle);
  CHECK(clean.blocks[1].shape == Block::Shape::kTitle);
  CHECK(clean.blocks[2].shape == Block::Shape::kParagraph);
}

// Word tables as docx2txt and LibreOffice print them: a cell a line, often centred with spaces.
TEST_CASE("layout: a table printed a cell a line is body text, not titles") {
  const std::string intro = "一、专项整治\n省安委办组织开展排查\n各地排查整治情况如下。\n";
  const std::string outro = "通过整治，各地安全管理水平明显提升。\n";
  struct Case {
    const char* name;
    std::string cells;  // the lines between intro and outro
    bool table;         // whether they must all be paragraphs
  };
  const Case cases[] = {
      {"three columns, centred",
       "    地区\n  检查企业（家）\n    整改率\n    江苏\n     1260\n"
       "    92.5%\n    浙江\n      871\n    60.4%\n",
       true},
      {"full-width figures", "地区\n隐患（处）\n湖北\n１２０３\n湖南\n８７１\n河南\n４５７３\n",
       true},
      {"a masthead's short lines hold digits but no figure alone",
       "内部资料\n安全生产简报\n2025年第30期\n某省应急管理厅办公室\n2025年6月24日\n督查督办\n",
       false},
      {"five cells are too few to tell", "地区\n数量\n江苏\n12\n浙江\n", false},
      {"a table going on over a page break: its head at the foot of a page",
       "地区\n检查企业（家）\n整改率\n\f北京\n2079\n63.7%\n广西\n3710\n91.2%\n", true},
      {"a head at a page's foot with no rows after the break is not carried on",
       "地区\n检查企业（家）\n整改率\n\f省农业农村厅启动道路交通安全生产宣传教育活动\n", false},
  };
  for (const Case& c : cases) {
    const std::string name = c.name;
    CAPTURE(name);
    const CleanText clean = run(intro + c.cells + outro);
    const int first = 4;  // the first cell line
    int cell_lines = 0;
    int in_titles = 0;
    for (const Block& b : clean.blocks) {
      for (const auto& l : b.lines) {
        if (l.number < first) continue;
        if (b.line_text(l).find("通过整治") != std::string::npos) continue;
        ++cell_lines;
        in_titles += b.shape == Block::Shape::kTitle;
      }
    }
    CHECK(cell_lines > 0);
    if (c.table) {
      CHECK(in_titles == 0);
    } else {
      CHECK(in_titles > 0);
    }
  }
}

// Crawled web text: a table's row glued into one line of the flattened text.
TEST_CASE("layout: a table row glued into one line is no title; a title naming rates is") {
  struct Case {
    const char* line;
    bool title;
  };
  const Case cases[] = {
      {"地区检查企业（家）整改率安徽120371.9%江西77160.4%黑龙江55968.4%", false},
      {"地区整改率四川３６１４６４．５％甘肃３９５５８０．４％陕西１９４４９７．３％", false},
      {"一季度全省事故起数下降12.5%死亡人数下降8.3%", true},
      {"全省安全生产形势持续稳定向好", true},
  };
  for (const Case& c : cases) {
    const std::string line = c.line;
    CAPTURE(line);
    const CleanText clean = run("一、工作动态\n省安委办召开会议\n会议强调，要压实责任。\n" + line +
                                "\n通过专项整治，全省企业安全管理水平明显提升。\n");
    bool found = false;
    for (const Block& b : clean.blocks) {
      if (b.line_text(0) != line) continue;
      found = true;
      CHECK((b.shape == Block::Shape::kTitle) == c.title);
    }
    CHECK(found);
  }
}

}  // namespace
}  // namespace jianbao::layout
