#include "core/utf8.h"

#include <unicode/uchar.h>

#include <array>
#include <bitset>
#include <cstdint>
#include <cstring>

#include "core/utf8_fast.h"

namespace jianbao::core {
namespace {

constexpr char32_t kReplacement = 0xFFFD;
constexpr char32_t kIdeographicSpace = 0x3000;
constexpr char32_t kFullwidthFirst = 0xFF01;
constexpr char32_t kFullwidthLast = 0xFF5E;
constexpr char32_t kFullwidthToAscii = 0xFF01 - 0x21;

// Length of a sequence from its lead byte; 0 for a byte that cannot start one.
int sequence_length(unsigned char b) {
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return 2;
  if (b >= 0xE0 && b <= 0xEF) return 3;
  if (b >= 0xF0 && b <= 0xF4) return 4;
  return 0;
}

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

}  // namespace

char32_t next_code_point_slow(std::string_view s, size_t* pos) {
  const auto b0 = static_cast<unsigned char>(s[*pos]);
  const int len = sequence_length(b0);
  if (len == 1) {
    ++*pos;
    return b0;
  }
  if (len == 0 || *pos + len > s.size()) {
    ++*pos;
    return kReplacement;
  }
  char32_t c = b0 & (0x7F >> len);
  for (int i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[*pos + i]);
    if (!is_continuation(b)) {
      ++*pos;
      return kReplacement;
    }
    c = (c << 6) | (b & 0x3F);
  }
  // Overlong forms and surrogates are malformed.
  if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
      (c >= 0xD800 && c <= 0xDFFF)) {
    ++*pos;
    return kReplacement;
  }
  *pos += len;
  return c;
}

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  size_t pos = 0;
  while (pos < s.size()) out.push_back(next_code_point(s, &pos));
  return out;
}

size_t find_invalid_utf8(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t at = pos;
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) {
      ++pos;
      continue;
    }
    const char32_t c = next_code_point(s, &pos);
    // A genuine U+FFFD in the input is three bytes long; a decoding failure advances one.
    if (c == kReplacement && pos - at != 3) return at;
  }
  return std::string_view::npos;
}

void append_utf8(std::string* out, char32_t c) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

size_t count_code_points(std::string_view s) {
  // Eight bytes at a time: a continuation byte has bit 7 set and bit 6 clear; shifted left one,
  // each byte's bit 6 lands on its own bit 7. The bytes' marks are summed by one multiply.
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  size_t continuations = 0;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t x = 0;
    std::memcpy(&x, s.data() + i, 8);
    continuations += static_cast<size_t>((((x & ~(x << 1) & kHigh) >> 7) * kOnes) >> 56);
  }
  for (; i < s.size(); ++i) continuations += is_continuation(static_cast<unsigned char>(s[i]));
  return s.size() - continuations;
}

bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) ||  // radicals, CJK punctuation, kana, unified ideographs
         (c >= 0xF900 && c <= 0xFAFF) ||  // compatibility ideographs
         (c >= 0xFF01 && c <= 0xFF60) ||  // fullwidth forms
         (c >= 0x20000 && c <= 0x3FFFF);  // extension planes
}

bool is_ascii_alnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

namespace {

bool is_wide(char32_t c) {
  const auto w = static_cast<UEastAsianWidth>(
      u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH));
  return w == U_EA_WIDE || w == U_EA_FULLWIDTH || w == U_EA_AMBIGUOUS;
}

}  // namespace

// Layout measures every character of every line: the BMP's widths are read from ICU once per
// process (8 KiB) rather than looked up per character.
const std::bitset<0x10000>& bmp_wide_table() {
  static const std::bitset<0x10000> table = [] {
    std::bitset<0x10000> t;
    for (char32_t c = 0x80; c < 0x10000; ++c) t[c] = is_wide(c);
    return t;
  }();
  return table;
}

int display_width(char32_t c) {
  if (c < 0x80) return 1;
  if (c < 0x10000) return bmp_wide_table()[c] ? 2 : 1;
  return is_wide(c) ? 2 : 1;
}

int display_width(std::string_view s) {
  const std::bitset<0x10000>& wide = bmp_wide_table();
  int w = 0;
  size_t pos = 0;
  while (pos < s.size()) w += display_width(next_code_point(s, &pos), wide);
  return w;
}

char32_t normalize_width(char32_t c) {
  if (c >= kFullwidthFirst && c <= kFullwidthLast) return c - kFullwidthToAscii;
  if (c == kIdeographicSpace) return ' ';
  return c;
}

namespace {

// normalize_width for any text, malformed bytes included.
std::string normalize_width_general(std::string_view s) {
  // Most of a text does not change: copy unchanged runs whole and re-encode only what changes,
  // full-width forms and U+3000, and malformed bytes (each becomes U+FFFD, as decoding gives).
  std::string out;
  out.reserve(s.size());
  size_t run = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const size_t at = pos;
    const char32_t c = next_code_point(s, &pos);
    const char32_t n = normalize_width(c);
    // A genuine U+FFFD is three bytes long; a decoding failure advances one.
    if (n == c && (c != kReplacement || pos - at == 3)) continue;
    out.append(s.substr(run, at - run));
    append_utf8(&out, n);
    run = pos;
  }
  out.append(s.substr(run));
  return out;
}

}  // namespace

std::string normalize_width(std::string_view s) {
  // Written in place, a character at a time: ASCII and the three-byte sequences that no mapping
  // touches (all of Han) are copied without decoding; only lead bytes E3 (U+3000) and EF (the
  // fullwidth forms) are decoded. A malformed byte, which grows to three, takes the general path.
  enum Lead : unsigned char { kAscii, kThreeByte, kMaybeMapped, kOther };
  static const std::array<Lead, 256> kLead = [] {
    std::array<Lead, 256> t{};
    for (unsigned b = 0; b < 256; ++b) {
      // Leads of U+1000..U+FFFF but the surrogates: any two continuation bytes make a character.
      const bool three = b >= 0xE1 && b <= 0xEF && b != 0xED;
      t[b] = b < 0x80                 ? kAscii
             : !three                 ? kOther
             : b == 0xE3 || b == 0xEF ? kMaybeMapped
                                      : kThreeByte;
    }
    return t;
  }();
  std::string out(s.size(), '\0');
  char* o = out.data();
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  const size_t size = s.size();
  size_t w = 0;
  size_t pos = 0;
  while (pos < size) {
    const unsigned char b0 = u[pos];
    const Lead lead = kLead[b0];
    if (lead == kAscii) {
      o[w++] = static_cast<char>(b0);
      ++pos;
      continue;
    }
    // Both continuation bytes: each less 0x80 is below 0x40.
    if (lead != kOther && pos + 2 < size && ((u[pos + 1] ^ 0x80) | (u[pos + 2] ^ 0x80)) < 0x40) {
      if (lead == kMaybeMapped) {
        const char32_t c = (char32_t{b0 & 0x0Fu} << 12) | (char32_t{u[pos + 1] & 0x3Fu} << 6) |
                           (u[pos + 2] & 0x3Fu);
        const char32_t n = normalize_width(c);
        if (n != c) {
          if (n >= 0x80) return normalize_width_general(s);
          o[w++] = static_cast<char>(n);
          pos += 3;
          continue;
        }
      }
      std::memcpy(o + w, u + pos, 3);
      w += 3;
      pos += 3;
      continue;
    }
    const size_t at = pos;
    const char32_t c = next_code_point(s, &pos);
    // A genuine U+FFFD is three bytes long; a decoding failure advances one.
    if (normalize_width(c) != c || (c == kReplacement && pos - at != 3)) {
      return normalize_width_general(s);
    }
    std::memcpy(o + w, u + at, pos - at);
    w += pos - at;
  }
  out.resize(w);
  return out;
}

std::string_view trim(std::string_view s) {
  auto is_space_at_front = [&](size_t* len) {
    if (s.empty()) return false;
    if (s.front() == ' ' || s.front() == '\t') return (*len = 1), true;
    if (s.size() >= 3 && s.substr(0, 3) == "\xE3\x80\x80") return (*len = 3), true;
    return false;
  };
  auto is_space_at_back = [&](size_t* len) {
    if (s.empty()) return false;
    if (s.back() == ' ' || s.back() == '\t') return (*len = 1), true;
    if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") return (*len = 3), true;
    return false;
  };
  size_t len = 0;
  while (is_space_at_front(&len)) s.remove_prefix(len);
  while (is_space_at_back(&len)) s.remove_suffix(len);
  return s;
}

}  // namespace jianbao::core
