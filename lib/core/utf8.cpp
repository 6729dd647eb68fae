#include "core/utf8.h"

#include <unicode/uchar.h>
#include <unicode/uniset.h>

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <cstring>

#include "core/utf8_fast.h"

namespace jianbao::core {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

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
  // Every byte but a continuation byte (10xxxxxx) starts a code point; counted 8 bytes a step.
  const char* const p = s.data();
  const size_t n = s.size();
  size_t continuations = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const uint64_t w = load8(p + i);
    const uint64_t marks = w & ~(w << 1) & kHighBits;  // bit 7 set, bit 6 clear
    continuations += ((marks >> 7) * kEachByte) >> 56;
  }
  for (; i < n; ++i) continuations += is_continuation(static_cast<unsigned char>(p[i]));
  return n - continuations;
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
// process (8 KiB) rather than looked up per character, from ICU's sets of wide code points
// walked by range, not by asking about each of the 65,408 code points (4.8 M instructions, a
// twentieth of a one-bulletin run).
const std::bitset<0x10000>& bmp_wide_table() {
  static const std::bitset<0x10000> table = [] {
    std::bitset<0x10000> t;
    for (const UEastAsianWidth w : {U_EA_WIDE, U_EA_FULLWIDTH, U_EA_AMBIGUOUS}) {
      UErrorCode status = U_ZERO_ERROR;
      icu::UnicodeSet set;
      set.applyIntPropertyValue(UCHAR_EAST_ASIAN_WIDTH, w, status);
      if (U_FAILURE(status)) {
        for (char32_t c = 0x80; c < 0x10000; ++c) t[c] = is_wide(c);
        return t;
      }
      for (int32_t r = 0; r < set.getRangeCount(); ++r) {
        const UChar32 end = std::min<UChar32>(set.getRangeEnd(r), 0xFFFF);
        for (UChar32 c = std::max<UChar32>(set.getRangeStart(r), 0x80); c <= end; ++c) {
          t[static_cast<size_t>(c)] = true;
        }
      }
    }
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
  while (pos < s.size()) {
    // ASCII, one column a byte, 8 bytes a step.
    while (pos + 8 <= s.size() && all_ascii8(s.data() + pos)) {
      pos += 8;
      w += 8;
    }
    // Three-byte characters (CJK), one load each.
    char32_t c = 0;
    while (pos + 4 <= s.size() && common_three_byte(s.data() + pos, &c)) {
      pos += 3;
      w += 1 + static_cast<int>(wide[c]);
    }
    if (pos >= s.size()) break;
    w += display_width(next_code_point(s, &pos), wide);
  }
  return w;
}

std::u32string width_forms(char32_t c) {
  // normalize_width's two mappings, read backwards.
  std::u32string out(1, c);
  if (c >= 0x21 && c <= 0x7E) out.push_back(c + (0xFF01 - 0x21));
  if (c == ' ') out.push_back(0x3000);
  return out;
}

std::string normalize_width(std::string_view s) {
  // Most of a text does not change: copy unchanged runs whole and re-encode only what changes,
  // full-width forms and U+3000, and malformed bytes (each becomes U+FFFD, as decoding gives).
  std::string out;
  out.reserve(s.size());
  size_t run = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      while (pos + 8 <= s.size() && all_ascii8(s.data() + pos)) pos += 8;
      continue;
    }
    // Three-byte characters, one load each: all stay but U+3000 and the full-width forms (EF BC
    // 81 to EF BD 9E), which become one ASCII byte.
    char32_t cjk = 0;
    if (pos + 4 <= s.size() && common_three_byte(s.data() + pos, &cjk)) {
      const char32_t n = normalize_width(cjk);
      if (n != cjk) {
        out.append(s.data() + run, pos - run);
        out.push_back(static_cast<char>(n));
        run = pos + 3;
      }
      pos += 3;
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
