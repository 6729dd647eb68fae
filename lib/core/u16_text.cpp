#include "core/u16_text.h"

#include <unicode/utf16.h>

#include "core/utf8_fast.h"

namespace jianbao::core {

void to_normalized_u16(std::string_view utf8, icu::UnicodeString* out) {
  // A code point takes at most as many UTF-16 units as UTF-8 bytes. normalize_width decodes a
  // malformed byte as one U+FFFD (valid UTF-8 after), so decoding here gives the same units.
  char16_t* buf = out->getBuffer(static_cast<int32_t>(utf8.size()) + 1);
  int32_t n = 0;
  size_t pos = 0;
  while (pos < utf8.size()) {
    const auto b = static_cast<unsigned char>(utf8[pos]);
    if (b < 0x80) {
      buf[n++] = b;
      ++pos;
      continue;
    }
    char32_t c = next_code_point(utf8, &pos);
    if (c >= 0x3000) c = normalize_width(c);  // nothing below U+3000 changes
    if (c > 0xFFFF) {
      buf[n++] = U16_LEAD(c);
      buf[n++] = U16_TRAIL(c);
    } else {
      buf[n++] = static_cast<char16_t>(c);
    }
  }
  out->releaseBuffer(n);
}

}  // namespace jianbao::core
