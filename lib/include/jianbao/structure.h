// Stage 3 of 5: blocks to the bulletin's outline.
//
// Reads the masthead at the top, the distribution list and colophon at the end, and between them
// sections (from headings or running headers), items (from title blocks; a title that starts
// with a place and a colon is a local-experience item with that region) and enumerated points.
// Every line ends up in exactly one place, or in Document::unclaimed. Never extracts metrics.
#pragma once

#include "jianbao/document.h"
#include "jianbao/layout.h"

namespace jianbao {
class RuleSet;
}

namespace jianbao::structure {

// Fills masthead, sections, distribution, colophon, removed and unclaimed of a new Document.
// An official document (detected, or forced by `genre`) gets Document::document instead of a
// masthead and colophon (lib/structure/official/).
Document build_outline(const layout::CleanText& text, const RuleSet& rules,
                       GenreChoice genre = GenreChoice::kDetect);

}  // namespace jianbao::structure
