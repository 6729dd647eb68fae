// Random ICU patterns for the tests of the pattern readers (core::required_ideographs,
// core::FirstChars), which compare what a reader says of a pattern with what ICU matches.
#pragma once

#include <random>
#include <span>
#include <string>

namespace jianbao::testing {

// A pattern of 1-4 atoms from `atoms`, each with a quantifier from `quantifiers`, with groups
// of every kind (capturing, named, lookarounds, atomic) and alternations, nested up to twice.
inline std::string random_pattern(std::mt19937& rng, std::span<const char* const> atoms,
                                  std::span<const char* const> quantifiers, int depth = 0) {
  static const char* kOpen[] = {"(?:", "(", "(?<g", "(?=", "(?!", "(?<=", "(?<!", "(?>"};
  static int names = 0;
  std::string p;
  const int n = 1 + static_cast<int>(rng() % 4);
  for (int i = 0; i < n; ++i) {
    if (depth < 2 && rng() % 4 == 0) {
      std::string open = kOpen[rng() % std::size(kOpen)];
      if (open == "(?<g") open += std::to_string(++names) + ">";
      p += open + random_pattern(rng, atoms, quantifiers, depth + 1);
      if (rng() % 2) p += "|" + random_pattern(rng, atoms, quantifiers, depth + 1);
      p += ")";
    } else {
      p += atoms[rng() % atoms.size()];
    }
    p += quantifiers[rng() % quantifiers.size()];
  }
  if (depth == 0 && rng() % 5 == 0) p += "|" + random_pattern(rng, atoms, quantifiers, 1);
  return p;
}

}  // namespace jianbao::testing
