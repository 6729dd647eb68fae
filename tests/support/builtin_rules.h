// The built-in rules, loaded once per test binary: most stage tests need them.
#pragma once

#include <doctest/doctest.h>

#include "jianbao/ruleset.h"

namespace jianbao::testing {

inline const RuleSet& builtin_rules() {
  static const auto loaded = load_rules({});
  REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.status().to_string()));
  return *loaded.value();
}

}  // namespace jianbao::testing
