#include "ruleset/yaml_access.h"

#include <fmt/format.h>

#include <map>
#include <set>
#include <utility>
#include <vector>

#include "core/utf8.h"

namespace jianbao::ruleset {

namespace {

[[noreturn]] void fail_at_mark(const std::string& file, const YAML::Mark& m,
                               const std::string& msg) {
  throw RuleError{Status::bad_rules(msg, {.file = file,
                                          .line = m.is_null() ? 0 : m.line + 1,
                                          .column = m.is_null() ? 0 : m.column + 1})};
}

// Depth-first, with an explicit stack: a rule file nested deeply must not overflow ours. A mapping
// or sequence met twice is an alias of it: refused, since an alias can make the graph a cycle
// (`rules: &r [*r]` hung the loader) or grow it exponentially (YAML's billion laughs). A node is
// known by where it starts and its type (a mapping and its first key start at one place).
void reject_duplicate_keys(const std::string& file, const YAML::Node& root) {
  std::vector<YAML::Node> todo{root};
  std::set<std::pair<int, int>> seen_collections;
  while (!todo.empty()) {
    const YAML::Node n = todo.back();
    todo.pop_back();
    if ((n.IsMap() || n.IsSequence()) && !n.Mark().is_null() &&
        !seen_collections.emplace(n.Mark().pos, static_cast<int>(n.Type())).second) {
      fail_at_mark(file, n.Mark(),
                   "an alias of a mapping or sequence (rule files may alias scalars only: an alias "
                   "can make a cycle)");
    }
    if (n.IsMap()) {
      std::map<std::string, int> seen;
      for (const auto& kv : n) {
        if (kv.first.IsScalar()) {
          const std::string key = kv.first.Scalar();
          if (auto [it, fresh] = seen.emplace(key, kv.first.Mark().line + 1); !fresh) {
            fail_at_mark(file, kv.first.Mark(),
                         fmt::format("duplicate key '{}' (first at line {})", key, it->second));
          }
        }
        todo.push_back(kv.second);
      }
    } else if (n.IsSequence()) {
      for (const auto& item : n) todo.push_back(item);
    }
  }
}

}  // namespace

void fail_at(const std::string& file, const RuleNode& node, const std::string& msg) {
  fail_at_mark(file, node.Mark(), msg);
}

std::unique_ptr<RuleTree> parse_yaml(const std::string& file, const std::string& text) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw RuleError{Status::bad_rules(
        e.msg, {.file = file, .line = e.mark.line + 1, .column = e.mark.column + 1})};
  }
  reject_duplicate_keys(file, root);
  return tree_from_yaml(root);
}

void check_keys(const std::string& file, const RuleNode& map,
                std::initializer_list<const char*> allowed) {
  if (!map.IsMap()) fail_at(file, map, "expected a mapping");
  for (const auto& kv : map) {
    const std::string key = kv.first.as<std::string>();
    bool known = false;
    for (const char* a : allowed) known = known || key == a;
    if (!known) fail_at(file, kv.first, fmt::format("unknown key '{}'", key));
  }
}

std::string get_string(const std::string& file, const RuleNode& map, const char* key, bool required,
                       const std::string& fallback) {
  const RuleNode n = map[key];
  if (!n) {
    if (required) fail_at(file, map, fmt::format("missing key '{}'", key));
    return fallback;
  }
  if (!n.IsScalar()) fail_at(file, n, fmt::format("'{}' must be a string", key));
  return n.as<std::string>();
}

double get_number(const std::string& file, const RuleNode& map, const char* key, bool required,
                  double fallback) {
  const RuleNode n = map[key];
  if (!n) {
    if (required) fail_at(file, map, fmt::format("missing key '{}'", key));
    return fallback;
  }
  try {
    return n.as<double>();
  } catch (const YAML::Exception&) {
    fail_at(file, n, fmt::format("'{}' must be a number", key));
  }
}

int get_int_in(const std::string& file, const RuleNode& map, const char* key, int min, int max) {
  const RuleNode n = map[key];
  if (!n) fail_at(file, map, fmt::format("missing key '{}'", key));
  long long v = 0;
  try {
    v = n.as<long long>();
  } catch (const YAML::Exception&) {
    fail_at(file, n, fmt::format("'{}' must be a whole number from {} to {}", key, min, max));
  }
  if (v < min || v > max) {
    fail_at(file, n, fmt::format("'{}' is {}; expected {} to {}", key, v, min, max));
  }
  return static_cast<int>(v);
}

int line_of(const RuleNode& node) {
  const YAML::Mark m = node.Mark();
  return m.is_null() ? 0 : m.line + 1;
}

}  // namespace jianbao::ruleset
