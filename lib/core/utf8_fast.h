// display_width with its common cases inline, for loops over every character of a text
// (next_code_point, in utf8.h, is inline already).
#pragma once

#include <bit>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "core/utf8.h"

namespace jianbao::core {

// Word-at-a-time helpers for scans over every byte of a text: 8 bytes tested in a few
// instructions. The 8-byte tests treat each byte alike, in either byte order.
inline constexpr uint64_t kEachByte = 0x0101010101010101ULL;
inline constexpr uint64_t kHighBits = 0x8080808080808080ULL;

inline uint64_t load8(const char* p) {
  uint64_t w = 0;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// The 4 bytes at p, p[0] lowest.
inline uint32_t load_le32(const char* p) {
  uint32_t w = 0;
  std::memcpy(&w, p, sizeof w);
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap32(w);
  return w;
}

// Whether all 8 bytes at p are ASCII.
inline bool all_ascii8(const char* p) { return (load8(p) & kHighBits) == 0; }

// The three-byte character at p read in one load, for a run of CJK: true (and *c set) for a
// lead E1..EC or EE..EF and two continuation bytes, which are always well-formed. E0 and ED,
// which restrict the second byte, and all else are left to next_code_point. REQUIRES: 4 bytes
// readable at p.
inline bool common_three_byte(const char* p, char32_t* c) {
  const uint32_t w = load_le32(p);
  const uint32_t lead = w & 0xFF;
  if ((w & 0xC0C0F0) != 0x8080E0 || lead == 0xE0 || lead == 0xED) return false;
  *c = ((w & 0x0F) << 12) | ((w >> 2) & 0xFC0) | ((w >> 16) & 0x3F);
  return true;
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
