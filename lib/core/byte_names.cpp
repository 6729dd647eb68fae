#include "core/byte_names.h"

#include "core/utf8.h"

namespace jianbao::core {

bool needs_escaping(std::string_view s) { return find_invalid_utf8(s) != std::string_view::npos; }

std::string escape_invalid_utf8(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (;;) {
    const size_t bad = find_invalid_utf8(s);
    if (bad == std::string_view::npos) break;
    out.append(s.substr(0, bad));
    const auto b = static_cast<unsigned char>(s[bad]);
    out += "\\x";
    out += kHex[b >> 4];
    out += kHex[b & 0xF];
    s.remove_prefix(bad + 1);
  }
  out.append(s);
  return out;
}

std::string hex_bytes(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size() * 2);
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    out += kHex[b >> 4];
    out += kHex[b & 0xF];
  }
  return out;
}

}  // namespace jianbao::core
