// Reads gazetteer/divisions.yaml in the one-entry-per-line form scripts/gen_gazetteer.py writes,
// without the YAML parser: yaml-cpp spends about half a billion instructions on this one file,
// half of a one-bulletin run's start-up.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "ruleset/rule_set.h"

namespace jianbao::ruleset {

// The places of `text` when every line is a comment, a blank line, the one "divisions:" key or
//   "  - {name: 东城区, code: "110101", level: county, province: "110000"}"
// (a name of plain non-ASCII characters, codes of digits, a level of lowercase letters), in file
// order. nullopt for anything else: the caller then parses the file as YAML, so this reading
// gives exactly the YAML parser's places or none.
std::optional<std::vector<Place>> read_division_lines(std::string_view text);

}  // namespace jianbao::ruleset
