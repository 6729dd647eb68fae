// PDF paragraphs from positions: which line goes on with the paragraph of the line before it.
// Text extraction loses this (a wrapped line and a short paragraph look alike); the page does
// not: a paragraph's lines fill the text width, its first line is indented, and a blank or a
// larger pitch parts it from the next block.
#pragma once

#include <vector>

#include "read/read_types.h"

namespace jianbao {
struct ReadRules;
}

namespace jianbao::read {

// Sets facts.flow on every line that is no furniture (read.yaml's flow_* thresholds).
// `body_points` is the body font size in points, against which facts.size is relative.
// REQUIRES: facts.furniture, facts.centred and facts.title already set.
void mark_pdf_flow(const std::vector<PdfPage>& pages, const ReadRules& rules, double body_points,
                   decode::DecodedText* text);

}  // namespace jianbao::read
