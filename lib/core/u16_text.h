// Text as the layout and structure matchers see it: width-normalised UTF-16 in a reused buffer.
#pragma once

#include <unicode/unistr.h>

#include <string_view>

namespace jianbao::core {

// Sets *out to UnicodeString::fromUTF8(normalize_width(utf8)), in one pass and without the
// intermediate string: rules run over every line, and the two copies cost more than the matches.
void to_normalized_u16(std::string_view utf8, icu::UnicodeString* out);

}  // namespace jianbao::core
