// A text through decode and layout, or on through structure, with the built-in rules: the
// cleaned text most layout tests look at, and the outline most structure tests look at.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "jianbao/decode.h"
#include "jianbao/layout.h"
#include "jianbao/structure.h"
#include "support/builtin_rules.h"

namespace jianbao::testing {

inline layout::CleanText cleaned(const std::string& text) {
  auto decoded = decode::decode_bytes(text, "t.txt", {});
  REQUIRE(decoded.ok());
  return layout::clean_layout(decoded.value(), builtin_rules());
}

inline Document outline(const std::string& text) {
  return structure::build_outline(cleaned(text), builtin_rules());
}

}  // namespace jianbao::testing
