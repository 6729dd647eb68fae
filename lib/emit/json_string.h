// JSON string literals, escaped byte for byte as nlohmann's dump() escapes them.
#pragma once

#include <string>
#include <string_view>

namespace jianbao::emit {

// `s` as a JSON string literal, appended to `out`, escaped as nlohmann's dump() does: \" \\ \b \f
// \n \r \t, other control characters as \u00xx, everything else (DEL, non-ASCII) raw. Invalid
// UTF-8 throws nlohmann's type_error 316, as dump() does, and leaves `out` as it was.
void append_json_string(std::string* out, std::string_view s);

namespace json_string {

// The first byte from `p` on that a JSON string does not hold as it is: '"', '\\', a control
// character, the start of a malformed UTF-8 sequence, or `end`. Writers copy each such run with
// one memcpy.
const char* copied_run_end(const char* p, const char* end);

// How nlohmann escapes an ASCII byte that copied_run_end stopped at ("\\n", "\\u001f"); a byte
// >= 0x80 it stopped at is malformed UTF-8 (see invalid_utf8).
std::string_view escape(unsigned char c);

// nlohmann's dump() of `s`, for a string copied_run_end found malformed: it throws type_error 316
// as dump() does (whatever it returns, if it ever returned, is what dump() would write).
std::string invalid_utf8(std::string_view s);

}  // namespace json_string
}  // namespace jianbao::emit
