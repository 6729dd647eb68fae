// A record's field name: a literal checked when the program is compiled to need no escape in
// JSON (printable ASCII, no '"' or '\\'), and kept already quoted, so the JSON writer copies its
// key text with a few fixed-size moves.
#pragma once

#include <cstddef>
#include <string_view>

namespace jianbao::emit {

class FieldName {
 public:
  // Room for the longest name and its quotes, colon and space: `"name": `.
  static constexpr size_t kKeyRoom = 32;
  static constexpr size_t kLongest = kKeyRoom - 4;

  template <size_t N>
  consteval FieldName(const char (&name)[N]) : size_(N - 1) {  // NOLINT: from a literal
    // A throw is not a constant expression: a name that would need an escape does not compile.
    if (N - 1 > kLongest) throw "field name too long";
    key_[0] = '"';
    for (size_t i = 0; i + 1 < N; ++i) {
      const char c = name[i];
      if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') throw "field name needs a JSON escape";
      key_[i + 1] = c;
    }
    key_[N] = '"';
    key_[N + 1] = ':';
    key_[N + 2] = ' ';
  }
  constexpr FieldName() = default;

  std::string_view text() const { return {key_ + 1, size_}; }
  operator std::string_view() const { return text(); }  // NOLINT: the writers that escape anyway

  // `"name": ` and room after it: the key as JSON writes it (pretty: all key_size(true) bytes).
  const char* key_room() const { return key_; }
  size_t key_size(bool space) const { return size_ + (space ? 4 : 3); }

 private:
  char key_[kKeyRoom] = {};
  size_t size_ = 0;
};

}  // namespace jianbao::emit
