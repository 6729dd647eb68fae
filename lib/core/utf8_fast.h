// next_code_point with its common cases inline, for loops over every character of a text.
#pragma once

#include <string_view>

#include "core/utf8.h"

namespace jianbao::core {

// Same result and advance as next_code_point. ASCII and well-formed three-byte sequences (all
// of CJK) decode here; anything else, malformed input included, goes to next_code_point.
inline char32_t decode_next(std::string_view s, size_t* pos) {
  const auto b0 = static_cast<unsigned char>(s[*pos]);
  if (b0 < 0x80) {
    ++*pos;
    return b0;
  }
  if ((b0 & 0xF0) == 0xE0 && *pos + 2 < s.size()) {
    const auto b1 = static_cast<unsigned char>(s[*pos + 1]);
    const auto b2 = static_cast<unsigned char>(s[*pos + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      const char32_t c = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
      if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
        *pos += 3;
        return c;
      }
    }
  }
  return next_code_point(s, pos);
}

}  // namespace jianbao::core
