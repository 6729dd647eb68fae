#include "ruleset/yaml_access.h"

#include <fmt/format.h>

#include "core/utf8.h"

namespace jianbao::ruleset {

void fail_at(const std::string& file, const YAML::Node& node, const std::string& msg) {
  const YAML::Mark m = node.Mark();
  throw RuleError{Status::bad_rules(msg, {.file = file,
                                          .line = m.is_null() ? 0 : m.line + 1,
                                          .column = m.is_null() ? 0 : m.column + 1})};
}

YAML::Node parse_yaml(const std::string& file, const std::string& text) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw RuleError{Status::bad_rules(
        e.msg, {.file = file, .line = e.mark.line + 1, .column = e.mark.column + 1})};
  }
}

void check_keys(const std::string& file, const YAML::Node& map,
                std::initializer_list<const char*> allowed) {
  if (!map.IsMap()) fail_at(file, map, "expected a mapping");
  for (const auto& kv : map) {
    const std::string key = kv.first.as<std::string>();
    bool known = false;
    for (const char* a : allowed) known = known || key == a;
    if (!known) fail_at(file, kv.first, fmt::format("unknown key '{}'", key));
  }
}

std::string get_string(const std::string& file, const YAML::Node& map, const char* key,
                       bool required, const std::string& fallback) {
  const YAML::Node n = map[key];
  if (!n) {
    if (required) fail_at(file, map, fmt::format("missing key '{}'", key));
    return fallback;
  }
  if (!n.IsScalar()) fail_at(file, n, fmt::format("'{}' must be a string", key));
  return n.as<std::string>();
}

double get_number(const std::string& file, const YAML::Node& map, const char* key, bool required,
                  double fallback) {
  const YAML::Node n = map[key];
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

std::u32string to_u32(const std::string& utf8) {
  std::u32string out;
  size_t pos = 0;
  while (pos < utf8.size()) out.push_back(core::next_code_point(utf8, &pos));
  return out;
}

int line_of(const YAML::Node& node) {
  const YAML::Mark m = node.Mark();
  return m.is_null() ? 0 : m.line + 1;
}

}  // namespace jianbao::ruleset
