// A looser form of an ICU pattern, for a prefilter that may say "maybe" but never "no" wrongly.
//
// Dropping a lookaround or a word-boundary assertion, making an atomic group or a possessive
// quantifier ordinary and a named group plain can only let a pattern match more text, never
// less. What is left is the syntax Hyperscan reads, so a text in which the looser pattern has no
// match cannot hold a match of the original:
//
//   (?<![0-9])(?<value>(?>[0-9]+))%(?!=)   ->   ([0-9]+)%
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace jianbao::core {

// The looser pattern, or nullopt when `pattern` uses syntax this rewrite does not read with
// certainty (flags, \Q…\E, nested or intersected sets, escapes inside a set, a quantified
// lookaround). \p{…}, \d, \s, \w and the like become "." (any character: compile with DOTALL),
// as the two engines' Unicode tables differ.
std::optional<std::string> superset_pattern(std::string_view pattern);

}  // namespace jianbao::core
