// The JSON string escaper. Every string of a JSON or JSON Lines record passes through it, most of
// them CJK text that needs no escape at all, so it finds where a run of bytes held as they are
// ends (16 bytes at a time with SSE2, else a character at a time by a byte table) and the writer
// copies the run whole. The UTF-8 it accepts is exactly what nlohmann's dump() accepts.
#include "emit/json_string.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#endif

namespace jianbao::emit {
namespace {

// What a byte at the start of a character asks of the escaper.
enum JsonByte : unsigned char {
  kCopied,     // ASCII written as it is
  kEscaped,    // '"', '\\' and the controls below 0x20
  kCjkLead,    // E1..EC, EE, EF: a three-byte sequence when two continuation bytes follow
  kOtherLead,  // every other byte >= 0x80: checked in full (utf8_sequence_length)
};

constexpr std::array<unsigned char, 256> kJsonBytes = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c < 0x20 || c == '"' || c == '\\') {
      t[c] = kEscaped;
    } else if (c < 0x80) {
      t[c] = kCopied;
    } else if (c >= 0xE1 && c <= 0xEF && c != 0xED) {
      t[c] = kCjkLead;
    } else {
      t[c] = kOtherLead;
    }
  }
  return t;
}();

// How nlohmann writes each ASCII byte that needs an escape.
struct JsonEscape {
  char text[7];
  unsigned char size;
};

constexpr std::array<JsonEscape, 0x80> kJsonEscapes = [] {
  constexpr char kHex[] = "0123456789abcdef";
  std::array<JsonEscape, 0x80> t{};
  for (int c = 0; c < 0x20; ++c) {
    t[c] = {{'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF], 0}, 6};
  }
  t['\b'] = {"\\b", 2};
  t['\f'] = {"\\f", 2};
  t['\n'] = {"\\n", 2};
  t['\r'] = {"\\r", 2};
  t['\t'] = {"\\t", 2};
  t['"'] = {"\\\"", 2};
  t['\\'] = {"\\\\", 2};
  return t;
}();

bool byte_in(unsigned char c, unsigned char lo, unsigned char hi) { return c >= lo && c <= hi; }

// Bytes in the well-formed UTF-8 sequence at p (Unicode Table 3-7: no overlongs, surrogates or
// code points past U+10FFFF, the same set nlohmann's decoder accepts); 0 if it is not one.
size_t utf8_sequence_length(const unsigned char* p, const unsigned char* end) {
  const unsigned char c = p[0];
  const size_t left = static_cast<size_t>(end - p);
  if (byte_in(c, 0xC2, 0xDF)) return left >= 2 && byte_in(p[1], 0x80, 0xBF) ? 2 : 0;
  if (byte_in(c, 0xE0, 0xEF)) {
    if (left < 3) return 0;
    const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
    const unsigned char hi = c == 0xED ? 0x9F : 0xBF;
    return byte_in(p[1], lo, hi) && byte_in(p[2], 0x80, 0xBF) ? 3 : 0;
  }
  if (byte_in(c, 0xF0, 0xF4)) {
    if (left < 4) return 0;
    const unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
    const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
    return byte_in(p[1], lo, hi) && byte_in(p[2], 0x80, 0xBF) && byte_in(p[3], 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

// Bytes of the character at p when a JSON string holds it as it is; 0 when it is escaped or
// malformed.
size_t copied_char_length(const unsigned char* p, const unsigned char* end) {
  const unsigned char kind = kJsonBytes[*p];
  if (kind == kCopied) return 1;  // tested first: most bytes here are ASCII
  if (kind == kCjkLead) {
    if (end - p < 3) return 0;
    uint16_t tail;  // the two bytes after the lead, both 10xxxxxx in a well-formed sequence
    std::memcpy(&tail, p + 1, sizeof tail);
    return (tail & 0xC0C0) == 0x8080 ? 3 : 0;
  }
  return kind == kOtherLead ? utf8_sequence_length(p, end) : 0;
}

#if defined(__SSE2__)
constexpr int kBlock = 16;

__m128i bytes_of(unsigned char c) { return _mm_set1_epi8(static_cast<char>(c)); }

unsigned bits_of(__m128i lanes) { return static_cast<unsigned>(_mm_movemask_epi8(lanes)); }

// The 16 bytes at p (a character starts there): how many of them, from the first, a JSON string
// holds as they are, up to the last character that ends in the block (one that runs past it is
// read again from its lead); 0 when copied_char_length must look: the block holds a byte to
// escape, malformed UTF-8, or a lead whose second byte has a narrower range than 80..BF (E0, ED,
// F0..F4: rare in bulletins) or that never starts a sequence (C0, C1, F5..FF).
int copied_block_length(const unsigned char* p) {
  const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(b, bytes_of(0x1F)), b);  // below 0x20
  const __m128i escaped = _mm_or_si128(
      control, _mm_or_si128(_mm_cmpeq_epi8(b, bytes_of('"')), _mm_cmpeq_epi8(b, bytes_of('\\'))));
  const unsigned high = bits_of(b);  // bytes >= 0x80
  const unsigned to_escape = bits_of(escaped);
  if ((to_escape | high) == 0) return kBlock;
  // Read as signed, continuations 80..BF are the least bytes, then the leads C0..FF, then ASCII
  // (which the F0.. compare takes in too: only its bytes >= 0x80 count).
  const __m128i rare = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(b, bytes_of(0xE0)), _mm_cmpeq_epi8(b, bytes_of(0xED))),
      _mm_or_si128(_mm_cmpeq_epi8(_mm_and_si128(b, bytes_of(0xFE)), bytes_of(0xC0)),
                   _mm_cmpgt_epi8(b, bytes_of(0xEF))));
  if (to_escape != 0 || (bits_of(rare) & high) != 0) return 0;
  const unsigned continuation = bits_of(_mm_cmpgt_epi8(bytes_of(0xC0), b));
  const unsigned lead3 = high & bits_of(_mm_cmpgt_epi8(b, bytes_of(0xDF)));  // E1..EF here
  const unsigned lead2 = high & ~continuation & ~lead3;                      // C2..DF
  const unsigned expected = (lead2 << 1) | (lead3 << 1) | (lead3 << 2);
  if ((expected & 0xFFFF) != continuation) return 0;
  if ((expected >> kBlock) == 0) return kBlock;
  return 31 - __builtin_clz(lead2 | lead3);  // the lead of the character that runs past the block
}
#endif

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define JB_JSON_AVX2 1
// copied_block_length's checks on 32 bytes at a time, for as many blocks as pass them: where the
// first one that does not pass starts (or fewer than 32 bytes are left). Only where the CPU has
// AVX2 (json_has_avx2): the build targets plain x86-64.
__attribute__((target("avx2"))) __m256i avx2_bytes_of(unsigned char c) {
  return _mm256_set1_epi8(static_cast<char>(c));
}

__attribute__((target("avx2"))) uint64_t avx2_bits_of(__m256i lanes) {
  return uint64_t{static_cast<uint32_t>(_mm256_movemask_epi8(lanes))};
}

__attribute__((target("avx2"))) const unsigned char* copied_blocks_avx2(const unsigned char* p,
                                                                        const unsigned char* end) {
  while (end - p >= 32) {
    const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    const __m256i control = _mm256_cmpeq_epi8(_mm256_min_epu8(b, avx2_bytes_of(0x1F)), b);
    const __m256i escaped =
        _mm256_or_si256(control, _mm256_or_si256(_mm256_cmpeq_epi8(b, avx2_bytes_of('"')),
                                                 _mm256_cmpeq_epi8(b, avx2_bytes_of('\\'))));
    const uint64_t high = avx2_bits_of(b);
    const uint64_t to_escape = avx2_bits_of(escaped);
    if ((to_escape | high) == 0) {
      p += 32;
      continue;
    }
    const __m256i rare = _mm256_or_si256(
        _mm256_or_si256(_mm256_cmpeq_epi8(b, avx2_bytes_of(0xE0)),
                        _mm256_cmpeq_epi8(b, avx2_bytes_of(0xED))),
        _mm256_or_si256(
            _mm256_cmpeq_epi8(_mm256_and_si256(b, avx2_bytes_of(0xFE)), avx2_bytes_of(0xC0)),
            _mm256_cmpgt_epi8(b, avx2_bytes_of(0xEF))));
    if (to_escape != 0 || (avx2_bits_of(rare) & high) != 0) break;
    const uint64_t continuation = avx2_bits_of(_mm256_cmpgt_epi8(avx2_bytes_of(0xC0), b));
    const uint64_t lead3 = high & avx2_bits_of(_mm256_cmpgt_epi8(b, avx2_bytes_of(0xDF)));
    const uint64_t lead2 = high & ~continuation & ~lead3;
    const uint64_t expected = (lead2 << 1) | (lead3 << 1) | (lead3 << 2);
    if ((expected & 0xFFFFFFFFu) != continuation) break;
    p += (expected >> 32) == 0 ? 32 : 63 - __builtin_clzll(lead2 | lead3);
  }
  return p;
}

// Asked once, when the program starts.
const bool json_has_avx2 = [] {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") != 0;
}();
#endif

}  // namespace

namespace json_string {

const char* copied_run_end(const char* begin, const char* end_of_text) {
  const auto* p = reinterpret_cast<const unsigned char*>(begin);
  const auto* end = reinterpret_cast<const unsigned char*>(end_of_text);
  for (;;) {
#if defined(JB_JSON_AVX2)
    if (json_has_avx2) p = copied_blocks_avx2(p, end);
#endif
#if defined(__SSE2__)
    while (end - p >= kBlock) {
      const int n = copied_block_length(p);
      if (n == 0) break;
      p += n;
    }
    // The block refused, or the last bytes: a character at a time, then blocks again.
    const unsigned char* stop = end - p > kBlock ? p + kBlock : end;
#else
    const unsigned char* stop = end;
#endif
    while (p < stop) {
      const size_t n = copied_char_length(p, end);
      if (n == 0) return reinterpret_cast<const char*>(p);
      p += n;
    }
    if (p >= end) return end_of_text;
  }
}

std::string_view escape(unsigned char c) {
  const JsonEscape& e = kJsonEscapes[c & 0x7F];
  return {e.text, e.size};
}

std::string invalid_utf8(std::string_view s) {
  return nlohmann::ordered_json(std::string(s)).dump();
}

}  // namespace json_string

void append_json_string(std::string* out, std::string_view s) {
  const size_t start = out->size();
  const char* p = s.data();
  const char* end = p + s.size();
  out->push_back('"');
  for (;;) {
    const char* stop = json_string::copied_run_end(p, end);
    out->append(p, static_cast<size_t>(stop - p));
    if (stop == end) break;
    if (static_cast<unsigned char>(*stop) >= 0x80) {
      out->resize(start);
      out->append(json_string::invalid_utf8(s));
      return;
    }
    out->append(json_string::escape(static_cast<unsigned char>(*stop)));
    p = stop + 1;
  }
  out->push_back('"');
}

}  // namespace jianbao::emit
