// Reading an expectations file (--expect): what one publication promises.
#include <fmt/format.h>

#include "check/families.h"
#include "check/located_json.h"
#include "ruleset/yaml_access.h"

namespace jianbao::check {
namespace {

using ruleset::fail_at;

int read_count(const std::string& file, const ruleset::RuleNode& n, const char* what) {
  double v = 0;
  try {
    v = n.as<double>();
  } catch (const YAML::Exception&) {
    fail_at(file, n, fmt::format("{} must be a whole number", what));
  }
  if (v < 0 || v != static_cast<int>(v))
    fail_at(file, n, fmt::format("{} must be a whole number", what));
  return static_cast<int>(v);
}

std::string read_scalar(const std::string& file, const ruleset::RuleNode& n, const char* what) {
  if (!n.IsScalar()) fail_at(file, n, fmt::format("{} must be a string", what));
  return n.Scalar();
}

void require_list(const std::string& file, const ruleset::RuleNode& n, const char* key) {
  if (!n.IsSequence()) fail_at(file, n, fmt::format("'{}' must be a list", key));
}

// A province by canonical name, short name or code.
Expectations::Province read_province(const std::string& file, const ruleset::RuleNode& n,
                                     const RuleSet& rules) {
  const std::string text = read_scalar(file, n, "a province");
  const Gazetteer& gz = rules.gazetteer;
  const Place* place = nullptr;
  if (auto it = gz.province_by_code.find(text); it != gz.province_by_code.end()) {
    place = &gz.places[it->second];
  } else {
    const std::string key = compact(text);
    const auto hits = gz.matcher.find_all(key);
    if (hits.size() == 1 && hits.front().begin == 0 && hits.front().end == key.size()) {
      for (int p : hits.front().payloads) {
        if (p >= 0 && gz.places[p].level == "province") place = &gz.places[p];
      }
    }
  }
  if (!place) fail_at(file, n, fmt::format("'{}' is not a province in the gazetteer", text));
  return {place->name, place->code, ruleset::line_of(n)};
}

Expectations::Section read_section(const std::string& file, const ruleset::RuleNode& n) {
  Expectations::Section s;
  s.line = ruleset::line_of(n);
  if (n.IsScalar()) {
    s.title = n.Scalar();
  } else {
    ruleset::check_keys(file, n, {"title", "min_items"});
    s.title = ruleset::get_string(file, n, "title", true);
    if (n["min_items"]) s.min_items = read_count(file, n["min_items"], "min_items");
  }
  if (compact(s.title).empty()) fail_at(file, n, "a section title must not be empty");
  return s;
}

Expectations::MetricNeed read_metric(const std::string& file, const ruleset::RuleNode& n) {
  Expectations::MetricNeed need;
  need.line = ruleset::line_of(n);
  if (!n.IsScalar()) {
    ruleset::check_keys(file, n, {"kind", "unit", "min_count"});
    if (!n["kind"]) fail_at(file, n, "missing key 'kind'");
    need.unit = ruleset::get_string(file, n, "unit", false);
    if (n["min_count"]) need.min_count = read_count(file, n["min_count"], "min_count");
  }
  const ruleset::RuleNode kind = n.IsScalar() ? n : n["kind"];
  const std::string name = read_scalar(file, kind, "kind");
  if (!parse_metric_kind(name, &need.kind))
    fail_at(file, kind, fmt::format("unknown metric kind '{}'", name));
  return need;
}

Expectations read(const std::string& file, const std::string& text, const CheckConfig& config,
                  const RuleSet& rules) {
  Expectations e;
  e.file = file;
  const auto tree = ruleset::parse_yaml(file, text);
  const ruleset::RuleNode root = tree->root();
  if (!root || root.IsNull()) return e;  // an empty file promises nothing
  ruleset::check_keys(file, root,
                      {"required_sections", "min_items", "allowed_provinces", "required_provinces",
                       "required_metrics", "checks"});
  if (const ruleset::RuleNode n = root["required_sections"]) {
    require_list(file, n, "required_sections");
    for (const auto& s : n) e.sections.push_back(read_section(file, s));
  }
  if (const ruleset::RuleNode n = root["min_items"]) {
    e.min_items = read_count(file, n, "min_items");
    e.min_items_line = ruleset::line_of(n);
  }
  if (const ruleset::RuleNode n = root["allowed_provinces"]) {
    require_list(file, n, "allowed_provinces");
    for (const auto& p : n) e.allowed_provinces.push_back(read_province(file, p, rules));
  }
  if (const ruleset::RuleNode n = root["required_provinces"]) {
    require_list(file, n, "required_provinces");
    for (const auto& p : n) e.required_provinces.push_back(read_province(file, p, rules));
  }
  if (const ruleset::RuleNode n = root["required_metrics"]) {
    require_list(file, n, "required_metrics");
    for (const auto& m : n) e.metrics.push_back(read_metric(file, m));
  }
  if (const ruleset::RuleNode n = root["checks"]) {
    if (!n.IsMap()) fail_at(file, n, "'checks' must map check ids to error, warning or off");
    for (const auto& kv : n) {
      const std::string id = kv.first.as<std::string>();
      bool known = false;
      for (const CheckSpec& s : config.checks) known = known || s.id == id;
      if (!known) fail_at(file, kv.first, fmt::format("unknown check '{}'", id));
      Severity sev;
      if (!kv.second.IsScalar() || !parse_severity(kv.second.Scalar(), &sev)) {
        fail_at(file, kv.second, "severity must be error, warning or off");
      }
      e.severities.emplace_back(id, sev);
    }
  }
  return e;
}

}  // namespace

Result<Expectations> parse_expectations(const std::string& file, const std::string& text,
                                        const CheckConfig& config, const RuleSet& rules) {
  try {
    return read(file, text, config, rules);
  } catch (const ruleset::RuleError& e) {
    return with_code_point_column(e.status, text);
  } catch (const YAML::Exception& e) {
    return with_code_point_column(
        Status::bad_rules(e.msg,
                          {.file = file, .line = e.mark.line + 1, .column = e.mark.column + 1}),
        text);
  }
}

}  // namespace jianbao::check
