// Stage 1 of 5 for files: PDF and DOCX bytes to the lines the text decoder would give, with the
// layout facts (page, position, size, style, furniture verdicts) that text extraction loses.
//
// The format is told by content, never by name: "%PDF-" is a PDF, a ZIP holding
// word/document.xml is a DOCX, the OLE signature is a legacy .doc/.wps (an error naming the
// conversion command); anything else goes to decode::decode_bytes as text.
//
//   auto text = jianbao::read::read_document(bytes, "a.pdf", rules, {});
//   if (text.ok()) for (size_t i = 0; i < text.value().lines.size(); ++i)
//     use(text.value().lines[i], text.value().facts[i]);  // facts is empty for text
#pragma once

#include <string>
#include <string_view>

#include "jianbao/decode.h"
#include "jianbao/status.h"

namespace jianbao {
class RuleSet;
}

namespace jianbao::read {

enum class Format { kText, kPdf, kDocx, kZip, kOle };

// By the first bytes: %PDF- (anywhere in the first 1024 bytes, as readers allow), PK\3\4 (a
// DOCX when it names word/document.xml, else kZip), D0 CF 11 E0 (OLE: .doc, .wps, .xls).
Format detect_format(std::string_view bytes);

// Whether this build has each reader (CMake JB_PDF, JB_DOCX).
bool has_pdf_reader();
bool has_docx_reader();

// Reads any input. Text goes to decode::decode_bytes unchanged. Fails with kBadInput naming
// `path` for a PDF without a text layer (the pages, and the OCR command), a damaged PDF or DOCX,
// a DOCX over the zip limits of rules/read/read.yaml, a legacy Word file (the conversion
// command), another ZIP, or a format this build has no reader for.
Result<decode::DecodedText> read_document(std::string_view bytes, const std::string& path,
                                          const RuleSet& rules,
                                          const decode::DecodeOptions& options);

}  // namespace jianbao::read
