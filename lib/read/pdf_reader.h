// The PDF reader: poppler's words, page by page, to lines in reading order with their page,
// position, size and furniture verdicts. Built only with JB_PDF (poppler is GPL).
#pragma once

#include <string>
#include <string_view>

#include "jianbao/decode.h"
#include "jianbao/status.h"

namespace jianbao {
class RuleSet;
}

namespace jianbao::read {

// Fails with kBadInput naming `path` for bytes poppler cannot open, an encrypted PDF, or a PDF
// whose pages have no text layer (naming them, with the OCR command that would add one).
Result<decode::DecodedText> read_pdf(std::string_view bytes, const std::string& path,
                                     const RuleSet& rules);

}  // namespace jianbao::read
