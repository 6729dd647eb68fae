#include "jianbao/read.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#if JB_HAVE_DOCX
#include "read/docx_styles.h"
#endif
#include "jianbao/pipeline.h"
#include "read/pdf_facts.h"
#include "read/pdf_flow.h"
#include "read/pdf_lines.h"
#include "ruleset/rule_set.h"
#include "support/builtin_rules.h"
#include "support/gold.h"

namespace jianbao::read {
namespace {

using jianbao::testing::builtin_rules;

const std::string kData = std::string(JB_SOURCE_DIR) + "/tests/data/read/";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

template <typename T>
std::string why(const Result<T>& r) {
  return r.ok() ? "" : r.status().to_string();
}

// The index of the first line holding `text`, or -1.
int find_line(const decode::DecodedText& d, const std::string& text) {
  for (size_t i = 0; i < d.lines.size(); ++i) {
    if (d.lines[i].text.find(text) != std::string::npos) return static_cast<int>(i);
  }
  return -1;
}

TEST_CASE("read: the format is told by content") {
  struct Row {
    const char* name;
    std::string bytes;
    Format want;
  };
  const Row rows[] = {
      {.name = "pdf", .bytes = "%PDF-1.7\n%...", .want = Format::kPdf},
      {.name = "pdf after junk", .bytes = std::string(100, 'x') + "%PDF-1.4", .want = Format::kPdf},
      {.name = "zip, no docx",
       .bytes = std::string("PK\x03\x04", 4) + "junk",
       .want = Format::kZip},
      {.name = "ole",
       .bytes = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "x",
       .want = Format::kOle},
      {.name = "text", .bytes = "简报\n第1期\n", .want = Format::kText},
      {.name = "empty", .bytes = "", .want = Format::kText},
      {.name = "docx", .bytes = slurp(kData + "bulletin.docx"), .want = Format::kDocx},
      {.name = "pdf file", .bytes = slurp(kData + "bulletin.pdf"), .want = Format::kPdf},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    CHECK(detect_format(r.bytes) == r.want);
  }
}

TEST_CASE("read: inputs no reader takes are errors that say what to do") {
  struct Row {
    const char* name;
    std::string bytes;
    const char* says;
  };
  const Row rows[] = {
      {.name = "legacy word",
       .bytes = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'),
       .says = "soffice --headless --convert-to docx"},
      {.name = "other zip", .bytes = std::string("PK\x03\x04", 4) + "junk", .says = "no DOCX"},
      {.name = "damaged pdf", .bytes = "%PDF-1.4\nthis is no pdf", .says = "a.bin"},
      {.name = "pdf, any build", .bytes = "%PDF-1.4\n", .says = "PDF"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    auto got = read_document(r.bytes, "a.bin", builtin_rules(), {});
    REQUIRE_FALSE(got.ok());
    CHECK(got.status().code() == Status::Code::kBadInput);
    CHECK(got.status().to_string().find(r.says) != std::string::npos);
  }
}

TEST_CASE("read: a PDF page without text is a scan: the pages and the OCR command") {
  if (!has_pdf_reader()) return;  // a build without that reader
  // One empty page: no text layer.
  const std::string pdf =
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
      "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
      "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
      "trailer<</Root 1 0 R>>\n%%EOF\n";
  auto got = read_document(pdf, "scan.pdf", builtin_rules(), {});
  REQUIRE_FALSE(got.ok());
  CHECK(got.status().to_string().find("page 1") != std::string::npos);
  CHECK(got.status().to_string().find("ocrmypdf -l chi_sim") != std::string::npos);
}

#if JB_HAVE_DOCX
TEST_CASE("read: Word numbering formats render as Word renders them") {
  struct Row {
    int n;
    const char* format;
    const char* want;
  };
  const Row rows[] = {
      {1, "chineseCounting", "一"},
      {10, "chineseCounting", "十"},
      {11, "chineseCounting", "十一"},
      {23, "chineseCountingThousand", "二十三"},
      {3, "ideographTraditional", "丙"},
      {27, "upperLetter", "AA"},
      {4, "lowerRoman", "iv"},
      {14, "upperRoman", "XIV"},
      {7, "decimal", "7"},
      {2, "bullet", ""},
  };
  for (const Row& r : rows) {
    CAPTURE(r.format);
    CAPTURE(r.n);
    CHECK(format_number(r.n, r.format, builtin_rules().read) == r.want);
  }
}

#endif

TextBox box(std::string text, double x0, double x1, double baseline, double size = 10) {
  return {.text = std::move(text),
          .x0 = x0,
          .y0 = baseline - size,
          .x1 = x1,
          .y1 = baseline,
          .font_size = size,
          .bold = false,
          .space_after = false};
}

std::vector<std::string> texts(const std::vector<ReadLine>& lines) {
  std::vector<std::string> out;
  for (const ReadLine& l : lines) out.push_back(l.text);
  return out;
}

TEST_CASE("read: PDF boxes become lines in reading order") {
  const ReadRules& r = builtin_rules().read;
  struct Row {
    const char* name;
    std::vector<TextBox> boxes;
    std::vector<std::string> want;
  };
  std::vector<TextBox> columns;
  // A title across the page, then four rows of two columns with a 40-point gap.
  columns.push_back(box("TITLE", 200, 400, 100, 16));
  for (int i = 0; i < 4; ++i) {
    const double y = 150 + 20 * i;
    columns.push_back(box("L" + std::to_string(i), 60, 280, y));
    columns.push_back(box("R" + std::to_string(i), 320, 540, y));
  }
  // A full-width line, then five rows of three short cells, 120 points apart.
  std::vector<TextBox> table{box("body", 80, 520, 100)};
  for (int i = 0; i < 5; ++i) {
    const double y = 130 + 20 * i;
    table.push_back(box("地区", 136, 160, y));
    table.push_back(box("1203", 282, 308, y));
    table.push_back(box("71.9%", 425, 460, y));
  }
  // The columns, then a line of two boxes 2 points apart at the column gap.
  std::vector<TextBox> gap_on_band = columns;
  gap_on_band.push_back(box("A", 60, 299, 250));
  gap_on_band.push_back(box("B", 301, 540, 250));
  const Row rows[] = {
      {.name = "one baseline, boxes out of order",
       .boxes = {box("b", 120, 180, 100.5), box("a", 60, 119, 100)},
       .want = {"ab"}},
      {.name = "two baselines",
       .boxes = {box("second", 60, 200, 130), box("first", 60, 200, 100)},
       .want = {"first", "second"}},
      {.name = "a word gap is a space",
       .boxes = {box("2024", 60, 80, 100), box("year", 84, 100, 100)},
       .want = {"2024 year"}},
      {.name = "a block gap parts two lines",
       .boxes = {box("office", 60, 200, 100), box("date", 300, 400, 100)},
       .want = {"office", "date"}},
      {.name = "two columns are not interleaved",
       .boxes = columns,
       .want = {"TITLE", "L0", "L1", "L2", "L3", "R0", "R1", "R2", "R3"}},
      {.name = "a table's short cells leave the band white but are read by rows",
       .boxes = table,
       .want = {"body", "地区", "1203", "71.9%", "地区", "1203", "71.9%", "地区", "1203", "71.9%",
                "地区", "1203", "71.9%", "地区", "1203", "71.9%"}},
      {.name = "a full-width line whose word gap falls on the band stays one line",
       .boxes = gap_on_band,
       .want = {"TITLE", "L0", "L1", "L2", "L3", "R0", "R1", "R2", "R3", "AB"}},
      {.name = "a spaced-out page number in the bottom zone stays one line",
       .boxes = {box("-", 250, 260, 800), box("1", 290, 296, 800), box("-", 326, 336, 800)},
       .want = {"- 1 -"}},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    const PdfPage page{.width = 600, .height = 842, .boxes = row.boxes};
    CHECK(texts(page_lines(page, 1, r)) == row.want);
  }
}

// A line of a 16-point body on a page whose text runs from x 80 to x 520, 28 points apart.
decode::LineFacts at(int page, double x, double y, double right, double size = 1) {
  decode::LineFacts f;
  f.page = page;
  f.x = x;
  f.y = y;
  f.width = right - x;
  f.size = size;
  return f;
}

TEST_CASE("read: a PDF line goes on with the paragraph above it by its place on the page") {
  using Flow = decode::LineFacts::Flow;
  const ReadRules& r = builtin_rules().read;
  const decode::LineFacts first = at(1, 112, 100, 520);  // indented, fills the width
  struct Row {
    const char* name;
    std::vector<decode::LineFacts> lines;  // the last one is judged
    Flow want;
  };
  decode::LineFacts title = at(1, 112, 100, 520);
  title.title = true;
  decode::LineFacts centred = at(1, 250, 128, 350);
  centred.centred = true;
  const Row rows[] = {
      {"a full line, then one at the margin",
       {first, at(1, 80, 128, 520), at(1, 80, 156, 300)},
       Flow::kContinues},
      {"after a line that falls short",
       {first, at(1, 80, 128, 300), at(1, 80, 156, 520)},
       Flow::kStarts},
      {"an indented line opens a paragraph",
       {first, at(1, 80, 128, 520), at(1, 112, 156, 520)},
       Flow::kStarts},
      {"a wider gap than the page's pitch",
       {first, at(1, 80, 128, 520), at(1, 80, 170, 520)},
       Flow::kStarts},
      {"another size", {first, at(1, 80, 128, 520), at(1, 80, 156, 520, 1.2)}, Flow::kStarts},
      {"after a title", {at(1, 80, 72, 520), title, at(1, 80, 128, 520)}, Flow::kStarts},
      {"a centred line", {first, centred}, Flow::kStarts},
      {"the last line of a page runs on to the next",
       {first, at(1, 80, 128, 520), at(2, 80, 100, 300)},
       Flow::kContinues},
      {"the first line of all", {at(1, 80, 100, 520)}, Flow::kStarts},
  };
  const std::vector<PdfPage> pages(2, PdfPage{.width = 600, .height = 842, .boxes = {}});
  for (const Row& row : rows) {
    CAPTURE(row.name);
    decode::DecodedText text;
    text.facts = row.lines;
    text.lines.resize(row.lines.size());
    mark_pdf_flow(pages, r, 16, &text);
    CHECK(text.facts.back().flow == row.want);
  }
}

TEST_CASE("read: a PDF's paragraphs are joined from the flow, not guessed from widths") {
  if (!has_pdf_reader()) return;  // a build without that reader
  auto got = read_document(slurp(kData + "bulletin.pdf"), "bulletin.pdf", builtin_rules(), {});
  REQUIRE_MESSAGE(got.ok(), why(got));
  int continues = 0;
  for (const decode::LineFacts& f : got.value().facts) {
    continues += f.flow == decode::LineFacts::Flow::kContinues;
    if (!f.furniture.empty()) CHECK(f.flow == decode::LineFacts::Flow::kUnknown);
  }
  CHECK(continues > 0);
}

TEST_CASE("read: a DOCX gives its paragraphs, Word numbering, styles, tables and furniture") {
  if (!has_docx_reader()) return;  // a build without that reader
  auto got = read_document(slurp(kData + "bulletin.docx"), "bulletin.docx", builtin_rules(), {});
  REQUIRE_MESSAGE(got.ok(), why(got));
  const decode::DecodedText& d = got.value();
  CHECK(d.reader == "docx");
  REQUIRE(d.facts.size() == d.lines.size());
  struct Row {
    const char* text;       // a line holding this
    const char* starts;     // ... starts with this (Word's number)
    const char* style;      // its style, or nullptr
    const char* furniture;  // its verdict
    bool title, red, table, page_start;
  };
  const Row rows[] = {
      {"安全生产工作简报", "安全", "Normal", "", true, true, false, false},
      {"全省安全生产大检查", "全省", "heading 1", "", true, false, false, false},
      {"强化组织领导", "一、强化组织领导", nullptr, "", false, false, false, false},
      {"压实主体责任", "（一）压实主体责任", nullptr, "", false, false, false, false},
      {"狠抓隐患整改", "二、狠抓隐患整改", nullptr, "", false, false, false, false},
      {"济南市", "济南市", nullptr, "", false, false, true, false},
      {"— 1 —", "—", nullptr, "page_number", false, false, false, false},
  };
  for (const Row& r : rows) {
    CAPTURE(r.text);
    const int i = find_line(d, r.text);
    REQUIRE(i >= 0);
    const decode::LineFacts& f = d.facts[static_cast<size_t>(i)];
    CHECK(d.lines[static_cast<size_t>(i)].text.rfind(r.starts, 0) == 0);
    if (r.style) CHECK(f.style == r.style);
    CHECK(f.furniture == r.furniture);
    CHECK(f.title == r.title);
    CHECK(f.red == r.red);
    CHECK((f.table_row > 0) == r.table);
    CHECK(d.lines[static_cast<size_t>(i)].form_feed == r.page_start);
    CHECK(f.paragraph > 0);
  }
  // The header part: the bulletin's name, after the body, as a running header.
  const auto header = std::find_if(d.facts.begin(), d.facts.end(),
                                   [](const decode::LineFacts& f) { return f.part == "header"; });
  REQUIRE(header != d.facts.end());
  CHECK(header->furniture == "running_header");
}

TEST_CASE("read: a DOCX over the zip limits is refused, not unpacked") {
  if (!has_docx_reader()) return;  // a build without that reader
  RuleSet rules;
  rules.read = builtin_rules().read;
  rules.read.max_part_bytes = 1000;  // document.xml of bulletin.docx is larger
  auto got = read_document(slurp(kData + "bulletin.docx"), "bulletin.docx", rules, {});
  REQUIRE_FALSE(got.ok());
  CHECK(got.status().to_string().find("zip bomb") != std::string::npos);
  rules.read = builtin_rules().read;
  rules.read.max_zip_entries = 3;
  got = read_document(slurp(kData + "bulletin.docx"), "bulletin.docx", rules, {});
  REQUIRE_FALSE(got.ok());
  CHECK(got.status().to_string().find("entries") != std::string::npos);
}

TEST_CASE("read: a PDF gives pages, positions, titles and furniture") {
  if (!has_pdf_reader()) return;  // a build without that reader
  auto got = read_document(slurp(kData + "bulletin.pdf"), "bulletin.pdf", builtin_rules(), {});
  REQUIRE_MESSAGE(got.ok(), why(got));
  const decode::DecodedText& d = got.value();
  CHECK(d.reader == "pdf");
  REQUIRE(d.facts.size() == d.lines.size());
  std::vector<std::string> page_numbers, headers;
  int pages = 0, form_feeds = 0;
  for (size_t i = 0; i < d.lines.size(); ++i) {
    const decode::LineFacts& f = d.facts[i];
    pages = std::max(pages, f.page);
    form_feeds += d.lines[i].form_feed;
    if (f.furniture == "page_number") page_numbers.emplace_back(d.lines[i].text);
    if (f.furniture == "running_header") headers.emplace_back(d.lines[i].text);
    CHECK(f.page >= 1);
    CHECK(f.y > 0);
  }
  CHECK(pages == 3);
  CHECK(form_feeds == 2);
  CHECK(page_numbers == std::vector<std::string>{"— 1 —", "— 2 —", "— 3 —"});
  CHECK(headers.size() == 3);
  const int title = find_line(d, "全省安全生产大检查取得阶段成效");
  REQUIRE(title >= 0);
  CHECK(d.facts[static_cast<size_t>(title)].title);
  CHECK(d.facts[static_cast<size_t>(title)].centred);
  CHECK(d.facts[static_cast<size_t>(title)].size > 1.2);
}

TEST_CASE("read: bold lines standing beside others on their row are no PDF titles") {
  const std::vector<PdfPage> pages(1, PdfPage{.width = 600, .height = 842, .boxes = {}});
  decode::DecodedText text;
  auto line = [&](double x, double y, double right, bool bold) {
    decode::LineFacts f = at(1, x, y, right);
    f.bold = bold;
    text.facts.push_back(f);
  };
  line(80, 100, 520, false);  // the text width
  line(80, 130, 180, true);   // "一、工作部署", alone on its row: a title
  line(136, 160, 160, true);  // "地区" | "检查企业（家）" | "整改率": a table's bold head
  line(253, 160, 337, true);
  line(425, 160, 461, true);
  line(136, 188, 160, false);  // "安徽" | "1203" | "71.9%"
  line(282, 188, 308, false);
  line(425, 188, 460, false);
  mark_centred_titles(pages, builtin_rules(), 16, &text);
  const bool want[] = {false, true, false, false, false, false, false, false};
  for (size_t i = 0; i < text.facts.size(); ++i) {
    CAPTURE(i);
    CHECK(text.facts[i].title == want[i]);
  }
}

TEST_CASE("read: a two-column PDF is read column by column") {
  if (!has_pdf_reader()) return;  // a build without that reader
  auto got =
      read_document(slurp(kData + "two_columns.pdf"), "two_columns.pdf", builtin_rules(), {});
  REQUIRE_MESSAGE(got.ok(), why(got));
  const decode::DecodedText& d = got.value();
  // Paragraphs 1-5 fill the left column, 6 starts the right one at the top: read by rows, the
  // right column's lines would come between the left's.
  int previous = -1;
  for (int n = 1; n <= 6; ++n) {
    CAPTURE(n);
    const int at = find_line(d, "第 " + std::to_string(n) + " 段");
    CHECK(at > previous);
    previous = at;
  }
  const int first = find_line(d, "第 1 段");
  REQUIRE(first >= 0);
  CHECK(d.lines[static_cast<size_t>(first) + 1].text.rfind("真贯彻", 0) == 0);
}

}  // namespace
}  // namespace jianbao::read
