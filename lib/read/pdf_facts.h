// What the layout of a PDF tells about its lines: page furniture by position and repetition
// across pages, and titles by being centred and set larger than the body.
#pragma once

#include <vector>

#include "read/read_types.h"

namespace jianbao {
class RuleSet;
}

namespace jianbao::read {

// Sets facts.furniture on lines in the top or bottom zone of their page that are page numbers
// (layout.yaml's page_number_patterns, or digits alone) or repeat, digits aside, in that zone
// on at least furniture_min_pages pages, or are set smaller than furniture_max_size times
// `body_size` (running_header at the top, footer at the bottom).
void mark_pdf_furniture(const std::vector<PdfPage>& pages, const RuleSet& rules, double body_size,
                        std::vector<ReadLine>* lines);

// Sets facts.centred (against the text width of the page) and facts.title (centred and at least
// title_size_ratio times the body size, or bold throughout, and alone on its row: a table's
// bold header cells are no titles). `body_points` is the body size in points. REQUIRES:
// facts.size already relative to the body.
void mark_centred_titles(const std::vector<PdfPage>& pages, const RuleSet& rules,
                         double body_points, decode::DecodedText* text);

}  // namespace jianbao::read
