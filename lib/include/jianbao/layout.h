// Stage 2 of 5: visual lines to logical blocks.
//
// Takes the decoded lines of PDF- or Word-extracted text and returns blocks: paragraphs joined
// from their wrapped lines, and title-like blocks (one or two short lines that do not end a
// sentence). Removes page furniture (page numbers, running headers and footers), recording each
// removal. Removes the space PDF extraction puts between CJK characters and ASCII digits or
// letters ("3 月 25 日" -> "3月25日"). Never reorders text; every character of a block maps
// back to its source line and column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "jianbao/decode.h"
#include "jianbao/document.h"

namespace jianbao {
class RuleSet;
}

namespace jianbao::layout {

// Where a stretch of block text came from: text from `offset` (in code points) on starts at
// source `line`, `column` (1-based, code points), and runs on until the next piece.
struct Piece {
  int offset = 0;
  int line = 0;
  int column = 0;
};

// One line of a block: its text (cleaned: trimmed, CJK-ASCII spaces removed) is the bytes
// [begin, begin + size) of the block's text, not a copy (issue 17: a copy of every line is the
// size of the input again). Read it with Block::line_text.
struct BlockLine {
  int number = 0;
  unsigned begin = 0;
  unsigned size = 0;
};

struct Block {
  enum class Shape { kParagraph, kTitle };
  Shape shape = Shape::kParagraph;
  std::string text;  // the lines joined
  std::vector<BlockLine> lines;
  std::vector<Piece> pieces;
  bool page_start = false;  // its first line starts a page
  int first_line() const { return lines.front().number; }
  int last_line() const { return lines.back().number; }
  std::string_view line_text(const BlockLine& l) const {
    return std::string_view(text).substr(l.begin, l.size);
  }
  std::string_view line_text(size_t k) const { return line_text(lines[k]); }
  // Appends a line to the text and records it (no joining space).
  void add_line(int number, std::string_view line) {
    lines.push_back(
        {number, static_cast<unsigned>(text.size()), static_cast<unsigned>(line.size())});
    text += line;
  }
};

// A running header that names the section of the page it was printed on.
struct PageSection {
  int page_first_line = 0;  // the first content line of that page
  std::string title;
  int line = 0;  // where the header stood
};

struct CleanText {
  std::vector<Block> blocks;
  std::vector<Removed> removed;
  std::vector<PageSection> page_sections;
  std::vector<Diagnostic> diagnostics;
  bool wrapped = false;  // visual lines were wrapped at a fixed width
  int full_width = 0;    // display columns of a full line (wrapped text only)
  int indent_width = 0;  // display columns of an indented paragraph's first line, or 0
};

// Maps a code point offset in a block's text to its source line and column.
void locate(const Block& block, int offset, int* line, int* column);

CleanText clean_layout(const decode::DecodedText& in, const RuleSet& rules);

}  // namespace jianbao::layout
