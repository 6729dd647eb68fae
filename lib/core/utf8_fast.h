// next_code_point and display_width with their common cases inline, for loops over every
// character of a text.
#pragma once

#include <bitset>
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

// Which BMP characters display_width counts as 2 (read from ICU once per process).
const std::bitset<0x10000>& bmp_wide_table();

// Same as display_width(c); `wide` is bmp_wide_table(), fetched once before the loop.
inline int display_width(char32_t c, const std::bitset<0x10000>& wide) {
  if (c < 0x80) return 1;
  if (c < 0x10000) return wide[c] ? 2 : 1;
  return display_width(c);
}

}  // namespace jianbao::core
