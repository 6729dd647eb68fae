// Which header and footer parts a DOCX's pages show (lib/read/docx_sections.h).
#if JB_HAVE_DOCX
#include "read/docx_sections.h"

#include <doctest/doctest.h>

#include <pugixml.hpp>
#include <string>
#include <vector>

#include "read/docx_styles.h"
#include "ruleset/rule_set.h"
#include "support/builtin_rules.h"

namespace jianbao::read {
namespace {

using jianbao::testing::builtin_rules;

const char* const kW =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";

// Relationships rIdH1.. to word/header1.xml.., rIdF1.. to word/footer1.xml.. .
std::string rels() {
  std::string out = "<Relationships>";
  for (int i = 1; i <= 4; ++i) {
    const std::string n = std::to_string(i);
    out += "<Relationship Id=\"rIdH" + n + "\" Target=\"header" + n + ".xml\"/>";
    out += "<Relationship Id=\"rIdF" + n + "\" Target=\"/word/footer" + n + ".xml\"/>";
  }
  return out + "</Relationships>";
}

std::string para(const std::string& text, const std::string& ppr = "") {
  return "<w:p><w:pPr>" + ppr + "</w:pPr><w:r><w:rPr><w:sz w:val=\"32\"/></w:rPr><w:t>" + text +
         "</w:t></w:r></w:p>";
}

// Paragraphs of 16 pt CJK text: on A4 with 1-inch margins a line holds about 28 characters and
// a page about 30 lines, so 40 lines of text are two pages.
std::string lines_of_text(int lines) {
  std::string line;
  for (int i = 0; i < 28; ++i) line += "文";
  std::string out;
  for (int i = 0; i < lines; ++i) out += para(line);
  return out;
}

std::vector<std::string> shown(const std::string& body, const std::string& settings = "",
                               bool with_rels = true, long long* pages = nullptr) {
  pugi::xml_document document, relationships, settings_doc;
  const std::string xml =
      std::string("<w:document ") + kW + "><w:body>" + body + "</w:body></w:document>";
  REQUIRE(document.load_string(xml.c_str()));
  if (with_rels) REQUIRE(relationships.load_string(rels().c_str()));
  if (!settings.empty()) {
    const std::string s = std::string("<w:settings ") + kW + ">" + settings + "</w:settings>";
    REQUIRE(settings_doc.load_string(s.c_str()));
  }
  DocxStyles styles;
  const ShownParts got =
      shown_header_parts(document, relationships, settings_doc, styles, builtin_rules().read);
  if (pages) *pages = got.pages;
  if (!got.known) return {"unknown"};
  std::vector<std::string> out;
  for (const ShownPart& p : got.parts) out.push_back(p.name + (p.header ? " h" : " f"));
  return out;
}

const std::string kTitlePage =
    "<w:headerReference w:type=\"default\" r:id=\"rIdH1\"/>"
    "<w:footerReference w:type=\"default\" r:id=\"rIdF1\"/><w:titlePg/>";

TEST_CASE("read: a DOCX shows the header of the pages it has, not every part on file") {
  struct Row {
    const char* name;
    std::string body;
    std::string settings = "";
    std::vector<std::string> want = {};
  };
  const Row rows[] = {
      {.name = "one page with a title page: the default header and footer never show",
       .body = para("一、总体要求") + "<w:sectPr>" + kTitlePage + "</w:sectPr>",
       .want = {}},
      {.name = "two pages with a title page: page 2 shows them",
       .body = lines_of_text(40) + "<w:sectPr>" + kTitlePage + "</w:sectPr>",
       .want = {"word/header1.xml h", "word/footer1.xml f"}},
      {.name = "an explicit page break makes the second page",
       .body = para("一") + para("二", "<w:pageBreakBefore/>") + "<w:sectPr>" + kTitlePage +
               "</w:sectPr>",
       .want = {"word/header1.xml h", "word/footer1.xml f"}},
      {.name = "a title page's own footer, then the default ones",
       .body = lines_of_text(40) +
               "<w:sectPr><w:footerReference w:type=\"first\" r:id=\"rIdF2\"/>" + kTitlePage +
               "</w:sectPr>",
       .want = {"word/footer2.xml f", "word/header1.xml h", "word/footer1.xml f"}},
      {.name = "no title page: page 1 shows the default header",
       .body = para("一") + "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdH1\"/>"
                            "<w:headerReference w:type=\"first\" r:id=\"rIdH2\"/></w:sectPr>",
       .want = {"word/header1.xml h"}},
      {.name = "even headers without w:evenAndOddHeaders never show",
       .body = lines_of_text(40) +
               "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdH1\"/>"
               "<w:headerReference w:type=\"even\" r:id=\"rIdH2\"/></w:sectPr>",
       .want = {"word/header1.xml h"}},
      {.name = "even headers with it show on page 2",
       .body = lines_of_text(40) +
               "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdH1\"/>"
               "<w:headerReference w:type=\"even\" r:id=\"rIdH2\"/></w:sectPr>",
       .settings = "<w:evenAndOddHeaders/>",
       .want = {"word/header1.xml h", "word/header2.xml h"}},
      {.name = "a one-page document with even headers shows only the odd one",
       .body = para("一") + "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdH1\"/>"
                            "<w:headerReference w:type=\"even\" r:id=\"rIdH2\"/></w:sectPr>",
       .settings = "<w:evenAndOddHeaders/>",
       .want = {"word/header1.xml h"}},
      {.name = "a second section inherits the footer it does not name",
       .body = para("一", "<w:sectPr>" + kTitlePage + "</w:sectPr>") + para("二") +
               "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdH3\"/></w:sectPr>",
       .want = {"word/header3.xml h", "word/footer1.xml f"}},
      {.name = "Word's rendered page breaks count the pages, not the estimate",
       .body = para("一") + "<w:p><w:r><w:lastRenderedPageBreak/><w:t>二</w:t></w:r></w:p>" +
               "<w:sectPr>" + kTitlePage + "</w:sectPr>",
       .want = {"word/header1.xml h", "word/footer1.xml f"}},
      {.name = "forty lines at an exact 12 pt pitch fit one page",
       .body =
           [] {
             std::string out;
             for (int i = 0; i < 40; ++i) {
               out += para("文", "<w:spacing w:line=\"240\" w:lineRule=\"exact\"/>");
             }
             return out;
           }() +
           "<w:sectPr>" + kTitlePage + "</w:sectPr>",
       .want = {}},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    CHECK(shown(r.body, r.settings) == r.want);
  }
}

TEST_CASE("read: a DOCX without sections or relationships reads every header part") {
  CHECK(shown(para("一")) == std::vector<std::string>{"unknown"});
  CHECK(shown(para("一") + "<w:sectPr>" + kTitlePage + "</w:sectPr>", "", false) ==
        std::vector<std::string>{"unknown"});
}

TEST_CASE("read: a DOCX's pages are estimated from its text") {
  long long pages = 0;
  shown(lines_of_text(40) + "<w:sectPr/>", "", true, &pages);
  CHECK(pages == 2);
  shown(lines_of_text(10) + "<w:sectPr/>", "", true, &pages);
  CHECK(pages == 1);
  // A continuous section goes on on the same page.
  shown(para("一", "<w:sectPr/>") + para("二") +
            "<w:sectPr><w:type w:val=\"continuous\"/></w:sectPr>",
        "", true, &pages);
  CHECK(pages == 1);
  // Hostile numbers: an infinite run size is no size; a spacing of 10^9 twips is many pages,
  // counted at once, and the page loop stops at the kinds a section can show.
  shown(
      para("一", "<w:spacing w:after=\"1000000000\"/>") + "<w:sectPr>" + kTitlePage + "</w:sectPr>",
      "", true, &pages);
  CHECK(pages > 1000);
  CHECK(shown("<w:p><w:r><w:rPr><w:sz w:val=\"inf\"/></w:rPr><w:t>一</w:t></w:r></w:p>"
              "<w:sectPr><w:pgMar w:top=\"nan\" w:bottom=\"1e999\"/>" +
              kTitlePage + "</w:sectPr>") == std::vector<std::string>{});
}

}  // namespace
}  // namespace jianbao::read
#endif
