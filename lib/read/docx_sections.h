// Which header and footer parts a DOCX shows on its pages. Word keeps a header or footer per
// section (w:sectPr) and per kind of page: `default`, `first` (the section's first page, when
// the section has w:titlePg) and `even` (even pages, when settings.xml has
// w:evenAndOddHeaders). A section that names no part of a kind inherits the one of the section
// before; the first section shows nothing there. So a part on file may appear on no page at
// all: the default header of a one-page section with a title page, an even footer in a
// one-page document. Reading every header part as furniture would then remove text the reader
// never sees, and miss what the pages do show.
//
//   auto parts = shown_header_parts(document, rels, settings, styles, rules);
//   if (parts.known) for (const ShownPart& p : parts.parts) read(p.name);
#pragma once

#include <string>
#include <vector>

namespace pugi {
class xml_document;
}

namespace jianbao {
struct ReadRules;
}

namespace jianbao::read {

class DocxStyles;

struct ShownPart {
  std::string name;     // in the package: "word/header2.xml"
  bool header = false;  // a header (w:hdr), else a footer (w:ftr)
};

struct ShownParts {
  // False when the document names no section or its relationships are missing: the caller then
  // reads every header and footer part, as before.
  bool known = false;
  // In the order the pages first show them, a page's header before its footer; each once.
  std::vector<ShownPart> parts;
  long long pages = 0;  // the pages counted or estimated
};

// The parts shown, from word/document.xml, word/_rels/document.xml.rels and word/settings.xml
// (any may be an empty document). Pages per section: Word's w:lastRenderedPageBreak marks when
// the file has them (Word writes them on save); otherwise explicit page breaks plus an estimate
// of the height of the text (font sizes, line spacing, paragraph spacing, the page's text area;
// rules.docx_line_height). Never fails: unknown markup is ignored.
ShownParts shown_header_parts(const pugi::xml_document& document, const pugi::xml_document& rels,
                              const pugi::xml_document& settings, const DocxStyles& styles,
                              const ReadRules& rules);

}  // namespace jianbao::read
