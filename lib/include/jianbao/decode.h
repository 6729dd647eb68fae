// Stage 1 of 5: bytes to UTF-8 lines.
//
// Detects the encoding (UTF-8 with or without BOM, UTF-16LE/BE with BOM, GB18030/GBK) or uses
// the one forced, converts through ICU, and splits lines at LF, CRLF and CR. A form feed (the
// page separator of pdftotext) marks a page break before the line it starts. Never guesses at
// text that decodes in no candidate encoding: that is an error with the byte offset.
//
//   auto text = jianbao::decode::decode_bytes(bytes, "a.txt", {});
//   if (text.ok()) for (const auto& l : text.value().lines) use(l.number, l.text);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "jianbao/status.h"

namespace jianbao::decode {

struct DecodeOptions {
  // An ICU converter name ("gb18030", "utf-16le", "utf-8") to force; empty to detect.
  std::string encoding;
};

struct SourceLine {
  int number = 0;          // 1-based
  std::string text;        // UTF-8, without the line ending or form feeds
  bool form_feed = false;  // a form feed preceded this line's text: a new page starts here
};

struct DecodedText {
  std::string path;
  std::string encoding;  // "utf-8", "gb18030", "utf-16le", "utf-16be"
  bool bom = false;
  long long bytes = 0;
  std::string sha256;  // of the raw bytes
  std::vector<SourceLine> lines;
};

// REQUIRES: nothing; any bytes are accepted. Fails with kBadEncoding (naming `path` and the
// byte offset) for an empty file, NUL bytes in 8-bit text, or bytes that no candidate encoding
// decodes; kInvalidArgument for an unknown forced encoding.
Result<DecodedText> decode_bytes(std::string_view bytes, const std::string& path,
                                 const DecodeOptions& options);

}  // namespace jianbao::decode
