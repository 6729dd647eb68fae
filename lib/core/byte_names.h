// File names are bytes: a name from a GBK archive ("\xb9\xa4.txt") is no UTF-8, yet JSON and YAML
// records hold UTF-8 only (nlohmann's dump() throws on anything else). These keep such a name
// readable in a record and, with its bytes beside it, lossless.
#pragma once

#include <string>
#include <string_view>

namespace jianbao::core {

// `s` as it is when it is valid UTF-8; otherwise with each byte that is not part of a
// well-formed sequence written as \xHH (upper-case hex), so the result is valid UTF-8.
std::string escape_invalid_utf8(std::string_view s);

// Whether escape_invalid_utf8(s) differs from s: the record then also carries the raw bytes.
bool needs_escaping(std::string_view s);

// Every byte of `s` as two lower-case hex digits: the raw name, for a record's *_bytes field.
std::string hex_bytes(std::string_view s);

}  // namespace jianbao::core
