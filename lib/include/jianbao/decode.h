// Stage 1 of 5: bytes to UTF-8 lines.
//
// Detects the encoding (UTF-8 with or without BOM, UTF-16LE/BE with BOM, GB18030/GBK) or uses
// the one forced, converts through ICU, and splits lines at LF, CRLF and CR. A form feed (the
// page separator of pdftotext) marks a page break before the line it starts. Never guesses at
// text that decodes in no candidate encoding: that is an error with the byte offset.
//
//   auto text = jianbao::decode::decode_bytes(bytes, "a.txt", {});
//   if (text.ok()) for (const auto& l : text.value().lines) use(l.number, l.text);
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "jianbao/status.h"

namespace jianbao::decode {

struct DecodeOptions {
  // An ICU converter name ("gb18030", "utf-16le", "utf-8") to force; empty to detect.
  std::string encoding;
};

// The text is a view of DecodedText::buffer (24 bytes a line and no allocation of its own: a large
// input has hundreds of thousands of lines, half of them blank).
struct SourceLine {
  std::string_view text;   // UTF-8, without the line ending or form feeds
  int number = 0;          // 1-based
  bool form_feed = false;  // a form feed preceded this line's text: a new page starts here
};

// What a PDF or DOCX reader knows about a line that its text alone loses. One per SourceLine,
// in the same order; the text decoder gives none. Positions are in points from the page's
// top-left corner.
struct LineFacts {
  int page = 0;      // 1-based; 0 when unknown (text, DOCX)
  double x = 0;      // left edge of the line's first box
  double y = 0;      // baseline
  double width = 0;  // from the first box's left edge to the last box's right edge
  double size = 0;   // font size relative to the document's body size; 0 when unknown
  bool centred = false;
  bool bold = false;
  bool red = false;
  int paragraph = 0;   // DOCX: 1-based index of the paragraph in its part; 0 for PDF
  std::string part;    // DOCX: "document", "header", "footer"
  std::string style;   // DOCX: the paragraph style's name ("heading 1", "标题 1", "Title")
  std::string number;  // DOCX: the list number Word renders before the text ("一、"); in text
  int table_row = 0;   // 1-based when the line is in a table cell
  int table_column = 0;
  // The reader's verdicts, honoured by layout before it guesses from widths:
  std::string furniture;  // "", page_number, running_header, footer
  bool title = false;     // a heading or title (a heading style, or centred and set larger)
  // PDF: whether the line goes on with the paragraph of the line before it (that line fills the
  // text width, this one starts at the margin, in the same size and line spacing), or starts a
  // block of its own; kUnknown when the reader cannot tell (text, DOCX).
  enum class Flow : signed char { kUnknown, kStarts, kContinues };
  Flow flow = Flow::kUnknown;
};

struct DecodedText {
  std::string path;
  std::string reader = "text";  // text | pdf | docx
  std::string encoding;         // "utf-8", "gb18030", "utf-16le", "utf-16be"
  bool bom = false;
  long long bytes = 0;
  std::string sha256;  // of the raw bytes
  // Every line's text, one after another, which SourceLine::text views. Shared and never
  // written once the lines are made, so copies and moves of a DecodedText keep the views valid
  // (a moved short std::string would not), and a stage can keep the texts once the lines go.
  std::shared_ptr<const std::string> buffer;
  std::vector<SourceLine> lines;
  std::vector<LineFacts> facts;  // empty (text) or one per line
};

// REQUIRES: nothing; any bytes are accepted. Fails with kBadEncoding (naming `path` and the
// byte offset) for an empty file, NUL bytes in 8-bit text, or bytes that no candidate encoding
// decodes; kInvalidArgument for an unknown forced encoding.
Result<DecodedText> decode_bytes(std::string_view bytes, const std::string& path,
                                 const DecodeOptions& options);

}  // namespace jianbao::decode
