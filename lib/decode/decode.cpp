#include "jianbao/decode.h"

#include <fmt/format.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <memory>

#include "core/sha256.h"
#include "core/utf8.h"
#include "core/utf8_fast.h"

namespace jianbao::decode {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

// ICU's canonical names (ucnv_getName) of the encodings jianbao detects.
constexpr const char* kIcuUtf8 = "UTF-8";
constexpr const char* kIcuUtf16Le = "UTF-16LE";
constexpr const char* kIcuUtf16Be = "UTF-16BE";
constexpr const char* kIcuGb18030 = "gb18030";

// ICU keeps at most UCNV_ERROR_BUFFER_LENGTH (32, in an internal header) invalid bytes.
constexpr int kInvalidCharsCapacity = 32;

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

// Null when ICU knows no converter called `name`.
Converter open_converter(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  Converter conv(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status)) return nullptr;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  return conv;
}

std::string canonical_name(UConverter* conv) {
  UErrorCode status = U_ZERO_ERROR;
  const char* name = ucnv_getName(conv, &status);
  return U_SUCCESS(status) && name != nullptr ? name : "";
}

std::string lowercase(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Converts `bytes` to UTF-16, stopping at the first bad sequence. On failure sets *bad_offset to
// the byte offset (in `bytes`) of the sequence that could not be converted. The output buffer
// grows as needed: some converters yield more UTF-16 units than they read bytes.
bool convert_to_utf16(UConverter* conv, std::string_view bytes, std::u16string* out,
                      long long* bad_offset) {
  ucnv_resetToUnicode(conv);
  const char* source = bytes.data();
  const char* const source_limit = bytes.data() + bytes.size();
  size_t produced = 0;
  out->resize(bytes.size() + 1);
  for (;;) {
    UErrorCode status = U_ZERO_ERROR;
    UChar* const base = reinterpret_cast<UChar*>(out->data());
    UChar* target = base + produced;
    ucnv_toUnicode(conv, &target, base + out->size(), &source, source_limit, nullptr, true,
                   &status);
    produced = static_cast<size_t>(target - base);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      out->resize(out->size() * 2);
      continue;
    }
    if (U_FAILURE(status)) {
      char invalid[kInvalidCharsCapacity];
      int8_t invalid_len = sizeof(invalid);
      UErrorCode ignored = U_ZERO_ERROR;
      ucnv_getInvalidChars(conv, invalid, &invalid_len, &ignored);
      if (U_FAILURE(ignored)) invalid_len = 0;
      *bad_offset = (source - bytes.data()) - invalid_len;
      return false;
    }
    break;
  }
  out->resize(produced);
  return true;
}

// The byte offset in `bytes` of the source of UTF-16 unit `unit`, which a successful
// convert_to_utf16 produced. Converts again with ICU's offset table: only errors pay for it.
long long source_offset_of_unit(UConverter* conv, std::string_view bytes, size_t unit,
                                size_t units) {
  ucnv_resetToUnicode(conv);
  std::u16string buffer(units + 1, u'\0');
  std::vector<int32_t> offsets(units + 1, -1);
  const char* source = bytes.data();
  UChar* target = reinterpret_cast<UChar*>(buffer.data());
  UErrorCode status = U_ZERO_ERROR;
  ucnv_toUnicode(conv, &target, target + buffer.size(), &source, bytes.data() + bytes.size(),
                 offsets.data(), true, &status);
  return U_SUCCESS(status) && offsets[unit] >= 0 ? offsets[unit] : 0;
}

// How much of a byte string reads as UTF-8: where the first malformed sequence starts, how many
// well-formed multi-byte sequences there are, and how many malformed ones (counted only until
// the malformed ones cannot be outnumbered: all decode_undeclared asks).
struct Utf8Scan {
  size_t first_invalid = std::string_view::npos;
  size_t multibyte = 0;
  size_t invalid = 0;
};

// The length of the UTF-8 sequence at s[pos] (REQUIRES: a byte >= 0x80) and whether it is
// well-formed. A malformed sequence spans its maximal subpart, the longest prefix of a
// well-formed sequence (Unicode 15, section 3.9, table 3-7), so "E4 B8" cut short by the end of
// the file counts as one error, not two.
size_t sequence_at(std::string_view s, size_t pos, bool* well_formed) {
  const auto lead = static_cast<unsigned char>(s[pos]);
  int continuations = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    continuations = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    continuations = 2;
    if (lead == 0xE0) low = 0xA0;   // overlong below U+0800
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    continuations = 3;
    if (lead == 0xF0) low = 0x90;   // overlong below U+10000
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    *well_formed = false;
    return 1;
  }
  size_t len = 1;
  for (int i = 0; i < continuations; ++i, ++len) {
    if (pos + len >= s.size()) break;
    const auto b = static_cast<unsigned char>(s[pos + len]);
    if (b < low || b > high) break;
    low = 0x80;
    high = 0xBF;
  }
  *well_formed = len == static_cast<size_t>(continuations) + 1;
  return len;
}

Utf8Scan scan_utf8(std::string_view s) {
  Utf8Scan scan;
  const char* const p = s.data();
  const size_t n = s.size();
  size_t pos = 0;
  while (pos < n) {
    // A bulletin is ASCII runs and three-byte CJK: both are stepped over without sequence_at,
    // ASCII 8 bytes a step. E1..EC and EE..EF take any two continuation bytes (E0 and ED
    // restrict the second).
    while (pos + 8 <= n && core::all_ascii8(p + pos)) pos += 8;
    char32_t c = 0;
    while (pos + 4 <= n) {
      if (static_cast<unsigned char>(p[pos]) < 0x80) {
        ++pos;
      } else if (core::common_three_byte(p + pos, &c)) {
        ++scan.multibyte;
        pos += 3;
      } else {
        break;
      }
    }
    if (pos >= n) break;
    if (static_cast<unsigned char>(p[pos]) < 0x80) {
      ++pos;
      continue;
    }
    bool well_formed = false;
    const size_t len = sequence_at(s, pos, &well_formed);
    if (well_formed) {
      ++scan.multibyte;
    } else {
      if (scan.first_invalid == std::string_view::npos) scan.first_invalid = pos;
      ++scan.invalid;
      // A well-formed sequence takes two bytes at least: once the errors are as many as the
      // sequences could ever be, the text is no UTF-8 with an error (decode_undeclared), and the
      // counts need go no further (GB18030 text fails on most of its bytes).
      if (scan.invalid >= scan.multibyte + (n - pos - len) / 2) return scan;
    }
    pos += len;
  }
  return scan;
}

// The first `c` in text[from, n), or n.
size_t find_byte(const char* text, size_t n, size_t from, char c) {
  if (from >= n) return n;
  const void* hit = std::memchr(text + from, c, n - from);
  return hit == nullptr ? n : static_cast<size_t>(static_cast<const char*>(hit) - text);
}

// How many lines split_lines makes of `text`, at most: one per line end (LF, CRLF, CR) and one
// more.
size_t count_lines(std::string_view text) {
  const char* const p = text.data();
  const size_t n = text.size();
  size_t lines = 1;
  for (size_t i = find_byte(p, n, 0, '\n'); i < n; i = find_byte(p, n, i + 1, '\n')) ++lines;
  // A CR alone ends a line; a CR before an LF is part of that line end.
  for (size_t i = find_byte(p, n, 0, '\r'); i < n; i = find_byte(p, n, i + 1, '\r')) {
    if (i + 1 >= n || p[i + 1] != '\n') ++lines;
  }
  return lines;
}

// Splits UTF-8 text into lines at LF, CRLF and CR; a form feed marks a page break. The line
// texts are moved to the front of `text` in place (dropping the line ends and form feeds only
// ever shortens it), and the lines view them: no copy of the text is made.
std::vector<SourceLine> split_lines(std::string* text) {
  std::vector<SourceLine> lines;
  lines.reserve(count_lines(*text));  // no growth slack on a large input
  char* const base = text->data();
  const size_t n = text->size();
  size_t out = 0;    // where the next kept byte goes
  size_t begin = 0;  // of the current line's text in the compacted text
  bool form_feed = false;
  const auto end_line = [&] {
    lines.push_back({std::string_view(base + begin, out - begin),
                     static_cast<int>(lines.size()) + 1, form_feed});
    begin = out;
    form_feed = false;
  };
  size_t start = 0;  // of the run of ordinary bytes not yet moved
  // The next LF, CR and form feed at or after `start`: each found by memchr, once.
  size_t lf = find_byte(base, n, 0, '\n');
  size_t cr = find_byte(base, n, 0, '\r');
  size_t ff = find_byte(base, n, 0, '\f');
  for (;;) {
    size_t i = std::min(lf, std::min(cr, ff));
    if (i >= n) break;
    const char c = base[i];
    if (out != start) std::memmove(base + out, base + start, i - start);
    out += i - start;
    start = i + 1;
    if (c == '\f') {
      form_feed = true;
    } else {
      if (c == '\r' && i + 1 < n && base[i + 1] == '\n') start = ++i + 1;
      end_line();
    }
    if (lf < start) lf = find_byte(base, n, start, '\n');
    if (cr < start) cr = find_byte(base, n, start, '\r');
    if (ff < start) ff = find_byte(base, n, start, '\f');
  }
  if (out != start) std::memmove(base + out, base + start, n - start);
  out += n - start;
  if (out > begin || form_feed) end_line();
  // Shortening keeps the bytes where they are, so the views stay valid.
  text->resize(out);
  return lines;
}

// UTF-16 to UTF-8, as UnicodeString::toUTF8String writes it (an unpaired surrogate as U+FFFD),
// into a string sized once: ICU's conversion cost more than the decoding before it.
std::string utf16_to_utf8(std::u16string_view u16) {
  std::string out(u16.size() * 3, '\0');  // a unit makes at most 3 bytes, a pair 4
  char* o = out.data();
  const size_t n = u16.size();
  for (size_t i = 0; i < n; ++i) {
    char32_t c = u16[i];
    if (c < 0x80) {
      *o++ = static_cast<char>(c);
      continue;
    }
    if (c < 0x800) {
      *o++ = static_cast<char>(0xC0 | (c >> 6));
      *o++ = static_cast<char>(0x80 | (c & 0x3F));
      continue;
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
      const bool pair = c <= 0xDBFF && i + 1 < n && u16[i + 1] >= 0xDC00 && u16[i + 1] <= 0xDFFF;
      if (pair) {
        c = 0x10000 + ((c - 0xD800) << 10) + (u16[++i] - 0xDC00);
        *o++ = static_cast<char>(0xF0 | (c >> 18));
        *o++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        *o++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        *o++ = static_cast<char>(0x80 | (c & 0x3F));
        continue;
      }
      c = 0xFFFD;
    }
    *o++ = static_cast<char>(0xE0 | (c >> 12));
    *o++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *o++ = static_cast<char>(0x80 | (c & 0x3F));
  }
  out.resize(static_cast<size_t>(o - out.data()));
  return out;
}

// U+FFFE and U+FFFF never occur in text (U+FFFE is a byte-swapped BOM), and YAML cannot carry
// them: like NUL, they mean the file is not a bulletin.
Status noncharacter_error(char16_t c, const SourceLocation& where) {
  return Status::bad_encoding(
      fmt::format("U+{:04X} is a Unicode noncharacter: not a text file", static_cast<int>(c)),
      where);
}

size_t find_noncharacter(std::string_view utf8) {
  for (size_t i = utf8.find('\xEF'); i != std::string_view::npos; i = utf8.find('\xEF', i + 1)) {
    if (utf8.substr(i, 2) == "\xEF\xBF" && i + 2 < utf8.size() &&
        (utf8[i + 2] == '\xBE' || utf8[i + 2] == '\xBF')) {
      return i;
    }
  }
  return std::string_view::npos;
}

Status nul_byte_error(const std::string& path, size_t offset) {
  return Status::bad_encoding("NUL byte: not a text file (UTF-16 needs a byte order mark)",
                              {.file = path, .byte_offset = static_cast<long long>(offset)});
}

// Decodes `body` (the bytes after any BOM, which are `bom_len` bytes into the file) when no
// encoding was forced and no BOM named one: UTF-8 if it is valid, else GB18030.
Status decode_undeclared(std::string_view body, const std::string& path, std::string* encoding,
                         std::u16string* u16, std::string* utf8) {
  // NUL never occurs in 8-bit text: the file is binary (or UTF-16 without a BOM).
  if (const size_t nul = body.find('\0'); nul != std::string_view::npos) {
    return nul_byte_error(path, nul);
  }
  const Utf8Scan scan = scan_utf8(body);
  if (scan.first_invalid == std::string_view::npos) {
    *encoding = kIcuUtf8;
    utf8->assign(body);
    return Status();
  }
  // GB18030 decodes most byte soup, so a UTF-8 file with one corrupt or truncated sequence would
  // come out as mojibake. GB18030 text read as UTF-8 fails on most of its characters; text that
  // is mostly well-formed UTF-8 is UTF-8 with an error.
  if (scan.multibyte > scan.invalid) {
    return Status::bad_encoding(
        fmt::format("invalid UTF-8 sequence at byte {} (the rest reads as UTF-8)",
                    scan.first_invalid),
        {.file = path, .byte_offset = static_cast<long long>(scan.first_invalid)});
  }
  // Not UTF-8: GB18030 (a superset of GBK and GB2312) is the other encoding of the archives.
  const Converter conv = open_converter(kIcuGb18030);
  if (conv == nullptr) return Status::internal("ICU has no gb18030 converter");
  long long bad_offset = 0;
  if (!convert_to_utf16(conv.get(), body, u16, &bad_offset)) {
    return Status::bad_encoding(
        fmt::format("neither UTF-8 (invalid from byte {}) nor GB18030 (invalid from byte {}); "
                    "expected UTF-8, GB18030 or UTF-16 with a BOM",
                    scan.first_invalid, bad_offset),
        {.file = path, .byte_offset = bad_offset});
  }
  *encoding = kIcuGb18030;
  return Status();
}

}  // namespace

Result<DecodedText> decode_bytes(std::string_view bytes, const std::string& path,
                                 const DecodeOptions& options) {
  DecodedText out;
  out.path = path;
  out.bytes = static_cast<long long>(bytes.size());
  out.sha256 = core::sha256_hex(bytes);
  if (bytes.empty()) {
    return Status::bad_encoding("empty file: expected bulletin text",
                                {.file = path, .byte_offset = 0});
  }
  // The encoding by ICU's canonical name: forced, or named by a BOM.
  std::string encoding;
  Converter conv;
  if (!options.encoding.empty()) {
    conv = open_converter(options.encoding);
    if (conv == nullptr) {
      return Status::invalid_argument(fmt::format("unknown encoding '{}'", options.encoding),
                                      {.file = path});
    }
    encoding = canonical_name(conv.get());
  } else if (bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
    encoding = kIcuUtf8;
  } else if (bytes.substr(0, kUtf16LeBom.size()) == kUtf16LeBom) {
    encoding = kIcuUtf16Le;
  } else if (bytes.substr(0, kUtf16BeBom.size()) == kUtf16BeBom) {
    encoding = kIcuUtf16Be;
  }
  // Strip a BOM that matches the encoding, forced or detected. ICU's BOM-detecting converters
  // ("UTF-16", "UTF-32") strip their own.
  size_t bom_len = 0;
  if (encoding == kIcuUtf8 && bytes.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
    bom_len = kUtf8Bom.size();
  } else if (encoding == kIcuUtf16Le && bytes.substr(0, kUtf16LeBom.size()) == kUtf16LeBom) {
    bom_len = kUtf16LeBom.size();
  } else if (encoding == kIcuUtf16Be && bytes.substr(0, kUtf16BeBom.size()) == kUtf16BeBom) {
    bom_len = kUtf16BeBom.size();
  }
  out.bom = bom_len > 0;
  const std::string_view body = bytes.substr(bom_len);
  const auto at = [&](long long offset_in_body) {
    return SourceLocation{.file = path,
                          .byte_offset = offset_in_body + static_cast<long long>(bom_len)};
  };

  std::u16string u16;  // the text when it went through an ICU converter
  std::string utf8;
  if (encoding.empty()) {
    JB_TRY(decode_undeclared(body, path, &encoding, &u16, &utf8));
  } else if (encoding == kIcuUtf8) {
    if (const size_t nul = body.find('\0'); nul != std::string_view::npos) {
      return nul_byte_error(path, nul + bom_len);
    }
    if (const size_t bad = core::find_invalid_utf8(body); bad != std::string_view::npos) {
      return Status::bad_encoding("invalid UTF-8 sequence", at(static_cast<long long>(bad)));
    }
    utf8.assign(body);
  } else {
    if (conv == nullptr) conv = open_converter(encoding);
    if (conv == nullptr) return Status::internal(fmt::format("ICU has no {} converter", encoding));
    // In an 8-bit encoding a NUL byte means binary data.
    if (ucnv_getMinCharSize(conv.get()) == 1) {
      if (const size_t nul = body.find('\0'); nul != std::string_view::npos) {
        return nul_byte_error(path, nul + bom_len);
      }
    }
    long long bad_offset = 0;
    if (!convert_to_utf16(conv.get(), body, &u16, &bad_offset)) {
      return Status::bad_encoding(fmt::format("invalid {} sequence", lowercase(encoding)),
                                  at(bad_offset));
    }
  }
  if (utf8.empty()) {
    // One pass tells whether there is a NUL or a noncharacter to look for.
    const bool suspect = std::any_of(u16.begin(), u16.end(),
                                     [](char16_t c) { return c == u'\0' || c >= u'\uFFFE'; });
    if (const size_t nul = suspect ? u16.find(u'\0') : std::u16string::npos;
        nul != std::u16string::npos) {
      if (conv == nullptr) conv = open_converter(encoding);
      return Status::bad_encoding("NUL character: not a text file",
                                  at(source_offset_of_unit(conv.get(), body, nul, u16.size())));
    }
    if (const size_t bad = suspect ? u16.find_first_of(u"\uFFFE\uFFFF") : std::u16string::npos;
        bad != std::u16string::npos) {
      if (conv == nullptr) conv = open_converter(encoding);
      return noncharacter_error(u16[bad],
                                at(source_offset_of_unit(conv.get(), body, bad, u16.size())));
    }
    utf8 = utf16_to_utf8(u16);
  } else if (const size_t bad = find_noncharacter(utf8); bad != std::string::npos) {
    // utf8 is the body itself here.
    return noncharacter_error(utf8[bad + 2] == '\xBE' ? u'\uFFFE' : u'\uFFFF',
                              at(static_cast<long long>(bad)));
  }
  // Report the encodings jianbao detects by one spelling ("utf8" forced is "utf-8"); any other
  // forced encoding as the caller named it.
  const bool known = encoding == kIcuUtf8 || encoding == kIcuUtf16Le || encoding == kIcuUtf16Be ||
                     encoding == kIcuGb18030;
  out.encoding = lowercase(known ? encoding : options.encoding);
  // The buffer is made before the lines, so that they view its final bytes.
  auto buffer = std::make_shared<std::string>(std::move(utf8));
  out.lines = split_lines(buffer.get());
  out.buffer = std::move(buffer);
  bool any_text = false;
  for (const SourceLine& l : out.lines) any_text = any_text || !core::trim(l.text).empty();
  if (!any_text) {
    return Status::bad_encoding("no text: the file holds only blank lines",
                                {.file = path, .byte_offset = 0});
  }
  return out;
}

}  // namespace jianbao::decode
