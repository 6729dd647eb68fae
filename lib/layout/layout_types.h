// Internal types shared by the layout passes.
#pragma once

#include <string_view>

#include "jianbao/decode.h"

namespace jianbao::layout {

// A non-blank visual line as the layout passes see it.
// Its texts are views, never copies: of the SourceLine (which outlives layout) and, where the
// spacing was fixed, of the string measure_lines kept for it.
struct Line {
  int number = 0;
  std::string_view raw;   // trimmed source text
  int raw_column = 1;     // source column (code points) of raw[0]
  std::string_view text;  // raw with CJK-ASCII spaces removed
  int width = 0;          // display width of raw
  int fixed_width = 0;    // display width of text: without the spaces extraction put by digits
  int chars = 0;          // code points of text
  // Where text is not raw: its pieces (offsets from text[0]) in the vector measure_lines fills.
  unsigned first_piece = 0;
  unsigned piece_count = 0;
  bool spaced = false;  // raw holds a space (ASCII, tab or U+3000)
  bool digit = false;   // raw holds a digit (ASCII or full-width)
  bool page_start = false;
  bool ends_sentence = false;
  bool spread = false;  // holds a wide gap of spaces: fields set apart ("某某办公室 2024年3月5日")
  bool removed = false;
  bool reader_title = false;  // the PDF/DOCX reader saw a title (layout/reader_hints.h)
  double reader_size = 0;     // the reader's font size, relative to the body; 0 unknown
  decode::LineFacts::Flow reader_flow = decode::LineFacts::Flow::kUnknown;
};

}  // namespace jianbao::layout
