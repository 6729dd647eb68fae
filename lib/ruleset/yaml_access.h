// Reading rule YAML with locations: every error names FILE:LINE:COL of the node at fault.
// Errors are thrown as RuleError inside ruleset/ only and turned into a Status by load_rules(),
// the one place that also catches yaml-cpp's own exceptions (which carry the same marks).
#pragma once

#include <initializer_list>
#include <memory>
#include <string>

#include "core/utf8.h"
#include "jianbao/status.h"
#include "ruleset/rule_tree.h"

namespace jianbao::ruleset {

struct RuleError {
  Status status;
};

// Throws RuleError with the node's position.
[[noreturn]] void fail_at(const std::string& file, const RuleNode& node, const std::string& msg);

// Parses `text` with yaml-cpp into a RuleTree; throws RuleError with the parser's position on a
// syntax error, and on a key repeated in one mapping (yaml-cpp keeps the first silently; the
// author meant one of them).
std::unique_ptr<RuleTree> parse_yaml(const std::string& file, const std::string& text);

// Throws on a key of `map` that is not in `allowed` ("unknown key 'patern'").
void check_keys(const std::string& file, const RuleNode& map,
                std::initializer_list<const char*> allowed);

// Typed access; `required` keys that are missing throw, optional ones give the fallback.
std::string get_string(const std::string& file, const RuleNode& map, const char* key, bool required,
                       const std::string& fallback = "");
double get_number(const std::string& file, const RuleNode& map, const char* key, bool required,
                  double fallback = 0);
// A required whole number within [min, max]; anything else throws with the value's position.
int get_int_in(const std::string& file, const RuleNode& map, const char* key, int min, int max);
using core::to_u32;  // rule words as code points
int line_of(const RuleNode& node);

}  // namespace jianbao::ruleset
