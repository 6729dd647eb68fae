// The hook through which layout honours what a PDF or DOCX reader knew (decode::LineFacts):
// a line the reader marked as page furniture is removed and listed in `removed` with its kind,
// and a line it saw as a title is title-like before any width is guessed. Text input has no
// facts, and nothing changes for it. The reader's logic lives in lib/read/.
#pragma once

#include <vector>

#include "jianbao/decode.h"
#include "jianbao/layout.h"
#include "layout/layout_types.h"

namespace jianbao::layout {

// REQUIRES: `lines` made by measure_lines from `in.lines`.
void apply_reader_facts(const decode::DecodedText& in, std::vector<Line>* lines, CleanText* out);

}  // namespace jianbao::layout
