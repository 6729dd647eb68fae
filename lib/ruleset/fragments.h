// Named pattern fragments: a pattern writes {name} to use rules/common/fragments.yaml's `name`.
// A brace holding digits ({2}, {1,3}) stays a regex quantifier.
#pragma once

#include <map>
#include <set>
#include <string>

#include "jianbao/status.h"

namespace jianbao::ruleset {

class Fragments {
 public:
  // REQUIRES: every fragment name is [a-z_0-9]+. Expands references between fragments; fails on
  // an unknown reference or a cycle.
  Status define(std::map<std::string, std::string> raw);

  // Expands every {name} in `pattern`. On an unknown name returns false and sets *unknown.
  bool expand(const std::string& pattern, std::string* out, std::string* unknown);

  // Fragments never used by any expand() call so far.
  std::set<std::string> unused() const;

 private:
  std::map<std::string, std::string> expanded_;
  std::set<std::string> used_;
};

}  // namespace jianbao::ruleset
