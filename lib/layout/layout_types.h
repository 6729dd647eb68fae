// Internal types shared by the layout passes.
#pragma once

#include <string>

namespace jianbao::layout {

// A non-blank visual line as the layout passes see it.
struct Line {
  int number = 0;
  std::string raw;      // trimmed source text
  int raw_column = 1;   // source column (code points) of raw[0]
  std::string text;     // raw with CJK-ASCII spaces removed
  int width = 0;        // display width of raw
  int fixed_width = 0;  // display width of text: without the spaces extraction put by digits
  bool page_start = false;
  bool ends_sentence = false;
  bool spread = false;  // holds a wide gap of spaces: fields set apart ("某某办公室 2024年3月5日")
  bool removed = false;
};

}  // namespace jianbao::layout
