// UTF-8 helpers shared by every stage: validation, code point iteration, display width and the
// one width normalisation jianbao applies for matching.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace jianbao::core {

// Returns the byte offset of the first malformed UTF-8 sequence, or npos when `s` is valid.
size_t find_invalid_utf8(std::string_view s);

// The code points of `s` (malformed bytes as U+FFFD, as next_code_point reads them): for rule
// words and character sets, which are short.
std::u32string to_u32(std::string_view s);

// Bytes in the sequence `lead` starts: 1 for ASCII and for a byte that starts none. For stepping
// through text that is valid by construction, such as a rule's pattern.
inline size_t lead_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// Any sequence, checked byte by byte: next_code_point's general case.
char32_t next_code_point_slow(std::string_view s, size_t* pos);

// Decodes the code point starting at s[*pos] and advances *pos past it. Malformed bytes decode
// as U+FFFD one byte at a time, so iteration always terminates. Inline for the two shapes nearly
// every character of a bulletin has (ASCII, three-byte CJK): every stage walks its text with
// this, and a call per character was 7% of a run.
inline char32_t next_code_point(std::string_view s, size_t* pos) {
  const auto b0 = static_cast<unsigned char>(s[*pos]);
  if (b0 < 0x80) {
    ++*pos;
    return b0;
  }
  if ((b0 & 0xF0) == 0xE0 && *pos + 2 < s.size()) {
    const auto b1 = static_cast<unsigned char>(s[*pos + 1]);
    const auto b2 = static_cast<unsigned char>(s[*pos + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      const char32_t c = (char32_t{b0 & 0x0Fu} << 12) | (char32_t{b1 & 0x3Fu} << 6) | (b2 & 0x3Fu);
      if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
        *pos += 3;
        return c;
      }
    }
  }
  return next_code_point_slow(s, pos);
}

// Appends the UTF-8 encoding of `c`.
void append_utf8(std::string* out, char32_t c);

// Number of code points.
size_t count_code_points(std::string_view s);

// Han ideographs and the CJK punctuation and kana blocks: the characters between which a line
// break or a space carries no meaning.
bool is_cjk(char32_t c);
bool is_ascii_alnum(char32_t c);

// Display width: 2 for East Asian wide, fullwidth and ambiguous characters (as a CJK font sets
// them), 1 otherwise. Used to measure how full a visual line is.
int display_width(char32_t c);
int display_width(std::string_view s);

// Maps fullwidth ASCII variants (U+FF01..U+FF5E) to ASCII and the ideographic space to a space.
// Each code point maps to exactly one code point, so code point offsets stay valid: matching runs
// on the normalised text while reports quote the original.
// Inline: the matchers normalise every character they read.
inline char32_t normalize_width(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - (0xFF01 - 0x21);
  if (c == 0x3000) return ' ';
  return c;
}
std::string normalize_width(std::string_view s);
// The code points normalize_width maps to c, c itself among them whether or not it maps to
// itself (U+FF08 is written in raw text though none maps to it): a search for c in raw or
// width-normalised text looks for each of them.
std::u32string width_forms(char32_t c);

// Strips ASCII spaces, tabs and U+3000 from both ends.
std::string_view trim(std::string_view s);

}  // namespace jianbao::core
