// Internal types shared by the readers: what a PDF page holds, and a line being assembled.
#pragma once

#include <string>
#include <vector>

#include "jianbao/decode.h"

namespace jianbao::read {

// One word as poppler lays it out: a word, or a run of CJK characters. Points, from the page's
// top-left corner; y1 is the box's bottom, close to the baseline.
struct TextBox {
  std::string text;  // UTF-8
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double font_size = 0;
  bool bold = false;
  bool space_after = false;  // poppler saw a space after it
};

struct PdfPage {
  double width = 0;
  double height = 0;
  std::vector<TextBox> boxes;
};

// A line as a reader builds it, before it becomes a numbered SourceLine.
struct ReadLine {
  std::string text;
  decode::LineFacts facts;
  double font_size = 0;  // absolute, in points (PDF) or half-points (DOCX); 0 when unknown
  bool page_start = false;
};

// The size most characters are set in (the body), to half a point; 0 when no size is known.
double body_size(const std::vector<ReadLine>& lines);

// Numbers the lines from 1, marks page starts as form feeds, and sets each line's size relative
// to the body size (the size that most characters are set in).
decode::DecodedText to_decoded_text(std::vector<ReadLine> lines, std::string_view bytes,
                                    const std::string& path, const std::string& reader);

}  // namespace jianbao::read
