// Reading rules/check/checks.yaml into a CheckConfig, and the catalogue it is checked against.
#include <fmt/format.h>

#include <cassert>
#include <set>

#include "check/catalog.h"
#include "check/located_json.h"
#include "jianbao/check.h"
#include "ruleset/rule_files.h"
#include "ruleset/yaml_access.h"

namespace jianbao::check {

namespace {

const std::vector<CatalogEntry>& catalog_entries() {
  static const std::vector<CatalogEntry> kCatalog = {
      {ids::kPercentRange, {"min", "max"}},
      {ids::kDateInvalid, {}},
      {ids::kDeadlineBeforeDate, {}},
      {ids::kYearFar, {"max_years"}},
      {ids::kRegionMissing, {"max_prefix_chars"}},
      {ids::kItemNoBody, {}},
      {ids::kSectionEmpty, {}},
      {ids::kUnclaimedText, {}},
      {ids::kDuplicateItem, {}},
      {ids::kUntitledBulk, {"max_share"}},
      {ids::kDistributionInText, {}},
      {ids::kHeadingInItem, {}},
      {ids::kDocumentNoNumber, {}},
      {ids::kDocumentNoDate, {}},
      {ids::kDocumentDatedAfterImprint, {}},
      {ids::kIssueSkipped, {}},
      {ids::kIssueRepeated, {}},
      {ids::kDateBackwards, {}},
      {ids::kRecordSchema, {}},
      {ids::kRecordStale, {}},
      {ids::kRecordMismatch, {"max_differences", "max_quote_chars"}},
      {ids::kExpectSection, {}},
      {ids::kExpectItems, {}},
      {ids::kExpectProvince, {}},
      {ids::kExpectMetric, {}},
      {ids::kInputUnreadable, {}},
  };
  return kCatalog;
}

const CatalogEntry* find_entry(std::string_view id) {
  for (const CatalogEntry& e : catalog_entries()) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

constexpr const char* kConfigPath = "check/checks.yaml";

CheckSpec read_spec(const std::string& file, const ruleset::RuleNode& key,
                    const ruleset::RuleNode& node, const CatalogEntry& entry) {
  using ruleset::fail_at;
  CheckSpec spec;
  spec.id = std::string(entry.id);
  spec.file = file;
  spec.line = ruleset::line_of(key);
  if (!node.IsMap()) fail_at(file, node, fmt::format("check '{}': expected a mapping", spec.id));
  for (const auto& kv : node) {
    const std::string name = kv.first.as<std::string>();
    if (name == "severity") {
      if (!kv.second.IsScalar() || !parse_severity(kv.second.Scalar(), &spec.severity)) {
        fail_at(file, kv.second, "severity must be error, warning or off");
      }
    } else if (name == "summary") {
      spec.summary = ruleset::get_string(file, node, "summary", true);
    } else {
      bool declared = false;
      for (std::string_view p : entry.params) declared = declared || p == name;
      if (!declared) {
        fail_at(file, kv.first, fmt::format("check '{}' has no parameter '{}'", spec.id, name));
      }
      spec.params[name] = ruleset::get_number(file, node, name.c_str(), true);
    }
  }
  if (!node["severity"])
    fail_at(file, node, fmt::format("check '{}': missing key 'severity'", spec.id));
  if (!node["summary"])
    fail_at(file, node, fmt::format("check '{}': missing key 'summary'", spec.id));
  for (std::string_view p : entry.params) {
    if (!spec.params.count(std::string(p))) {
      fail_at(file, node, fmt::format("check '{}': missing parameter '{}'", spec.id, p));
    }
  }
  return spec;
}

CheckConfig read_config(const std::string& file, const std::string& text) {
  using ruleset::fail_at;
  const auto tree = ruleset::parse_yaml(file, text);
  const ruleset::RuleNode root = tree->root();
  ruleset::check_keys(file, root, {"checks"});
  const ruleset::RuleNode checks = root["checks"];
  if (!checks || !checks.IsMap())
    fail_at(file, root, "expected 'checks:' with one entry per check id");
  std::map<std::string, CheckSpec> by_id;
  for (const auto& kv : checks) {
    const std::string id = kv.first.as<std::string>();
    const CatalogEntry* entry = find_entry(id);
    if (!entry) fail_at(file, kv.first, fmt::format("unknown check '{}'", id));
    if (by_id.count(id)) fail_at(file, kv.first, fmt::format("check '{}' configured twice", id));
    by_id[id] = read_spec(file, kv.first, kv.second, *entry);
  }
  CheckConfig config;
  for (const CatalogEntry& e : catalog_entries()) {
    auto it = by_id.find(std::string(e.id));
    if (it == by_id.end()) fail_at(file, checks, fmt::format("check '{}' is not configured", e.id));
    config.checks.push_back(it->second);
  }
  return config;
}

}  // namespace

std::span<const CatalogEntry> catalog() { return catalog_entries(); }

const char* to_string(Severity severity) {
  switch (severity) {
    case Severity::kOff:
      return "off";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

bool parse_severity(std::string_view name, Severity* severity) {
  for (Severity s : {Severity::kOff, Severity::kWarning, Severity::kError}) {
    if (name == to_string(s)) {
      *severity = s;
      return true;
    }
  }
  return false;
}

const CheckSpec& CheckConfig::spec(std::string_view id) const {
  for (const CheckSpec& s : checks) {
    if (s.id == id) return s;
  }
  assert(false && "unknown check id");
  return checks.front();
}

double CheckConfig::param(std::string_view id, const std::string& name) const {
  const CheckSpec& s = spec(id);
  auto it = s.params.find(name);
  assert(it != s.params.end());
  return it == s.params.end() ? 0 : it->second;
}

CheckSpec* CheckConfig::find(std::string_view id) {
  for (CheckSpec& s : checks) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

Result<CheckConfig> parse_check_config(const std::string& file, const std::string& text) {
  try {
    return read_config(file, text);
  } catch (const ruleset::RuleError& e) {
    return with_code_point_column(e.status, text);
  } catch (const YAML::Exception& e) {
    return with_code_point_column(
        Status::bad_rules(e.msg,
                          {.file = file, .line = e.mark.line + 1, .column = e.mark.column + 1}),
        text);
  }
}

Result<CheckConfig> load_check_config(const RulesOptions& options) {
  ruleset::RuleTexts texts = ruleset::builtin_rule_texts();
  if (!options.override_dir.empty()) JB_TRY(ruleset::merge_rule_dir(options.override_dir, &texts));
  auto it = texts.find(kConfigPath);
  if (it == texts.end())
    return Status::bad_rules("required rule file missing", {.file = kConfigPath});
  return parse_check_config(kConfigPath, it->second.content);
}

}  // namespace jianbao::check
