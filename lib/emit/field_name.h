// A record's field name: a literal checked when the program is compiled to need no escape in
// JSON (printable ASCII, no '"' or '\\'), so the JSON writer copies it as it is.
#pragma once

#include <cstddef>
#include <string_view>

namespace jianbao::emit {

class FieldName {
 public:
  template <size_t N>
  consteval FieldName(const char (&name)[N]) : text_(name, N - 1) {  // NOLINT: from a literal
    for (const char c : text_) {
      // Not a constant expression, so a name that would need an escape does not compile.
      if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') throw "field name needs a JSON escape";
    }
  }

  std::string_view text() const { return text_; }
  operator std::string_view() const { return text_; }  // NOLINT: the writers without escapes

 private:
  std::string_view text_;
};

}  // namespace jianbao::emit
