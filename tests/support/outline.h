// A text through decode, layout and structure with the built-in rules: the outline most
// structure tests look at.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "jianbao/decode.h"
#include "jianbao/layout.h"
#include "jianbao/structure.h"
#include "support/builtin_rules.h"

namespace jianbao::testing {

inline Document outline(const std::string& text) {
  auto decoded = decode::decode_bytes(text, "t.txt", {});
  REQUIRE(decoded.ok());
  const RuleSet& rules = builtin_rules();
  return structure::build_outline(layout::clean_layout(decoded.value(), rules), rules);
}

}  // namespace jianbao::testing
