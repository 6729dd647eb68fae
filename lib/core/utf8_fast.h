// display_width with its common cases inline, for loops over every character of a text
// (next_code_point, in utf8.h, is inline already).
#pragma once

#include <bitset>
#include <string_view>

#include "core/utf8.h"

namespace jianbao::core {

// Which BMP characters display_width counts as 2 (read from ICU once per process).
const std::bitset<0x10000>& bmp_wide_table();

// Same as display_width(c); `wide` is bmp_wide_table(), fetched once before the loop.
inline int display_width(char32_t c, const std::bitset<0x10000>& wide) {
  if (c < 0x80) return 1;
  if (c < 0x10000) return wide[c] ? 2 : 1;
  return display_width(c);
}

}  // namespace jianbao::core
