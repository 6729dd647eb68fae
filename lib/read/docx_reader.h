// The DOCX reader: word/document.xml (libzip + pugixml) to one line per paragraph (a <w:br/>
// starts another), in document order, with the list number Word renders before it, its style
// name, alignment, bold and red runs, table cells, and the header and footer parts as
// furniture. Built only with JB_DOCX.
#pragma once

#include <string>
#include <string_view>

#include "jianbao/decode.h"
#include "jianbao/status.h"

namespace jianbao {
class RuleSet;
}

namespace jianbao::read {

// Fails with kBadInput naming `path` for a damaged ZIP, a part over the zip limits, bad XML
// (with its byte offset in the part), or a DOCX with no text.
Result<decode::DecodedText> read_docx(std::string_view bytes, const std::string& path,
                                      const RuleSet& rules);

}  // namespace jianbao::read
