#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "jianbao/ruleset.h"
#include "ruleset/rule_files.h"
#include "ruleset/rule_set.h"
#include "support/temp_rules_dir.h"

namespace jianbao {
namespace {

// The Status of a failed Result, for assertion messages; "" when it succeeded (doctest
// evaluates messages of passing assertions too, under -s).
template <typename T>
std::string why(const Result<T>& r) {
  return r.ok() ? "" : r.status().to_string();
}

namespace fs = std::filesystem;
using Code = Status::Code;

using testing::TempRulesDir;

const RuleInfo* find_rule(const std::vector<RuleInfo>& rules, const std::string& id) {
  for (const RuleInfo& r : rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

TEST_CASE("load_rules: the built-in rules load") {
  const auto rules = load_rules({});
  REQUIRE_MESSAGE(rules.ok(), why(rules));
  const RuleSet& rs = *rules.value();

  CHECK_FALSE(rs.files.empty());
  for (const RuleFile& f : rs.files) {
    CAPTURE(f.path);
    CHECK(f.origin == "built-in");
  }
  // Every file compiled into the binary is in force.
  CHECK(rs.files.size() == ruleset::builtin_rule_texts().size());

  const std::vector<RuleInfo> listed = list_rules(rs);
  CHECK_FALSE(listed.empty());
  CHECK_FALSE(rs.metric_rules.empty());
  CHECK_FALSE(rs.structure.sections.empty());
  CHECK_FALSE(rs.structure.points.empty());
  CHECK_FALSE(rs.gazetteer.places.empty());

  // Rule ids are unique across rules/ and metric rule ids start with their kind.
  std::set<std::string> ids;
  for (const RuleInfo& r : listed) {
    CAPTURE(r.id);
    if (r.kind == "table") continue;
    CHECK(ids.insert(r.id).second);
    CHECK(r.origin == "built-in");
    CHECK(r.line > 0);
  }
  for (const MetricRule& r : rs.metric_rules) {
    CAPTURE(r.id);
    CHECK(r.id.rfind(to_string(r.kind), 0) == 0);
    CHECK_FALSE(r.examples.empty());
  }

  const std::string& hash = rules_hash(rs);
  CHECK(hash.size() == 64);
  CHECK(hash.find_first_not_of("0123456789abcdef") == std::string::npos);
  const auto again = load_rules({});
  REQUIRE(again.ok());
  CHECK(rules_hash(*again.value()) == hash);
}

// Renames the first rule of a built-in file, so the override is visible in the rule list.
std::string renamed_first_rule(const std::string& text, const std::string& kind,
                               std::string* old_id, std::string* new_id) {
  const std::string marker = "id: " + kind + "_";
  const size_t at = text.find(marker);
  if (at == std::string::npos) return "";
  const size_t start = at + 4;
  const size_t end = text.find_first_of(" \n\r,}", start);
  *old_id = text.substr(start, end - start);
  *new_id = kind + "_zzoverride_" + old_id->substr(kind.size() + 1);
  std::string out = text;
  out.replace(start, end - start, *new_id);
  return out;
}

TEST_CASE("load_rules: a rules directory replaces one built-in file") {
  const auto builtin = load_rules({});
  REQUIRE(builtin.ok());
  const ruleset::RuleTexts texts = ruleset::builtin_rule_texts();
  const auto count_text = texts.find("metrics/count.yaml");
  REQUIRE(count_text != texts.end());
  std::string old_id;
  std::string new_id;
  const std::string changed =
      renamed_first_rule(count_text->second.content, "count", &old_id, &new_id);
  REQUIRE_FALSE(changed.empty());
  CAPTURE(old_id);
  REQUIRE(find_rule(list_rules(*builtin.value()), old_id) != nullptr);

  const TempRulesDir dir;
  dir.write("metrics/count.yaml", changed);
  const auto rules = load_rules({.override_dir = dir.path()});
  REQUIRE_MESSAGE(rules.ok(), why(rules));
  const std::vector<RuleInfo> listed = list_rules(*rules.value());

  const RuleInfo* renamed = find_rule(listed, new_id);
  REQUIRE(renamed != nullptr);
  CHECK(renamed->origin == dir.path());
  CHECK(renamed->file == "metrics/count.yaml");
  CHECK(find_rule(listed, old_id) == nullptr);
  // The other files are still the built-in ones.
  for (const RuleFile& f : rules.value()->files) {
    CAPTURE(f.path);
    CHECK(f.origin == (f.path == "metrics/count.yaml" ? dir.path() : "built-in"));
  }
  CHECK(rules.value()->files.size() == builtin.value()->files.size());
  CHECK(rules_hash(*rules.value()) != rules_hash(*builtin.value()));
}

TEST_CASE("load_rules: a rules directory adds new files and keeps the hash of equal content") {
  const auto builtin = load_rules({});
  REQUIRE(builtin.ok());
  {
    const TempRulesDir dir;
    dir.write("metrics/zz_extra.yaml",
              "kind: count\n"
              "rules:\n"
              "  - id: count_zz_extra\n"
              "    pattern: '(?<value>[0-9]+)(?<unit>项)'\n"
              "    examples:\n"
              "      - {text: 3项, expect: {value: 3, unit: 项}}\n");
    const auto rules = load_rules({.override_dir = dir.path()});
    REQUIRE_MESSAGE(rules.ok(), why(rules));
    const std::vector<RuleInfo> listed = list_rules(*rules.value());
    const RuleInfo* extra = find_rule(listed, "count_zz_extra");
    REQUIRE(extra != nullptr);
    CHECK(extra->origin == dir.path());
    CHECK(extra->line == 3);
    CHECK(rules.value()->files.size() == builtin.value()->files.size() + 1);
  }
  {
    const TempRulesDir dir;
    const ruleset::RuleTexts texts = ruleset::builtin_rule_texts();
    dir.write("metrics/count.yaml", texts.at("metrics/count.yaml").content);
    const auto rules = load_rules({.override_dir = dir.path()});
    REQUIRE_MESSAGE(rules.ok(), why(rules));
    CHECK(rules_hash(*rules.value()) == rules_hash(*builtin.value()));
  }
}

TEST_CASE("load_rules: a missing rules directory is an I/O error") {
  const auto rules = load_rules({.override_dir = "/nonexistent/jianbao-rules"});
  REQUIRE_FALSE(rules.ok());
  CHECK(rules.status().code() == Code::kIoError);
  CHECK(rules.status().where().file == "/nonexistent/jianbao-rules");
}

TEST_CASE("load_rules: bad rule files fail with FILE:LINE:COL") {
  struct Row {
    std::string name;
    std::string file;
    std::string text;
    int want_line;
    int want_column;
    std::string want_message;  // a part of the message
  };
  const Row rows[] = {
      {.name = "YAML syntax error",
       .file = "metrics/zz_bad.yaml",
       .text = "kind: count\n"
               "rules:\n"
               "  - id: count_zz_syntax\n"
               "    pattern: [unclosed\n"
               "    examples: []\n",
       .want_line = 5,
       .want_column = 13,
       .want_message = "end of sequence flow not found"},
      {.name = "unknown key",
       .file = "metrics/zz_bad.yaml",
       .text = "kind: count\n"
               "rules:\n"
               "  - id: count_zz_typo\n"
               "    patern: '[0-9]+项'\n"
               "    examples:\n"
               "      - {text: 3项, expect: {value: 3}}\n",
       .want_line = 4,
       .want_column = 5,
       .want_message = "unknown key 'patern'"},
      {.name = "unknown top-level key",
       .file = "metrics/zz_bad.yaml",
       .text = "kind: count\n"
               "context: {year: 2024}\n"
               "rulez: []\n",
       .want_line = 3,
       .want_column = 1,
       .want_message = "unknown key 'rulez'"},
      {.name = "invalid ICU regex names the rule",
       .file = "metrics/zz_bad.yaml",
       .text = "kind: count\n"
               "rules:\n"
               "  - id: count_zz_bad_regex\n"
               "    pattern: '([0-9]+项'\n"
               "    examples:\n"
               "      - {text: 3项, expect: {value: 3}}\n",
       .want_line = 4,
       .want_column = 14,
       .want_message = "rule 'count_zz_bad_regex': invalid regex: U_REGEX_MISMATCHED_PAREN"},
      {.name = "unknown fragment",
       .file = "metrics/zz_bad.yaml",
       .text = "kind: count\n"
               "rules:\n"
               "  - id: count_zz_fragment\n"
               "    pattern: '{no_such_fragment}项'\n"
               "    examples:\n"
               "      - {text: 3项, expect: {value: 3}}\n",
       .want_line = 4,
       .want_column = 14,
       .want_message = "rule 'count_zz_fragment': unknown fragment '{no_such_fragment}'"},
      {.name = "duplicate rule id in one file",
       .file = "metrics/zz_bad.yaml",
       .text = "kind: count\n"
               "rules:\n"
               "  - id: count_zz_dup\n"
               "    pattern: '[0-9]+项'\n"
               "    examples: [{text: 3项, expect: {value: 3}}]\n"
               "  - id: count_zz_dup\n"
               "    pattern: '[0-9]+家'\n"
               "    examples: [{text: 3家, expect: {value: 3}}]\n",
       .want_line = 6,
       .want_column = 5,
       .want_message = "duplicate rule id 'count_zz_dup'"},
      {.name = "rule id not starting with its kind",
       .file = "metrics/zz_bad.yaml",
       .text = "kind: count\n"
               "rules:\n"
               "  - id: zz_count\n"
               "    pattern: '[0-9]+项'\n"
               "    examples: [{text: 3项, expect: {value: 3}}]\n",
       .want_line = 3,
       .want_column = 9,
       .want_message = "rule id 'zz_count' must start with its kind 'count'"},
      {.name = "missing examples",
       .file = "metrics/zz_bad.yaml",
       .text = "kind: count\n"
               "rules:\n"
               "  - id: count_zz_no_examples\n"
               "    pattern: '[0-9]+项'\n",
       .want_line = 3,
       .want_column = 5,
       .want_message = "rule 'count_zz_no_examples' has no examples"},
      {.name = "empty examples",
       .file = "metrics/zz_bad.yaml",
       .text = "kind: count\n"
               "rules:\n"
               "  - id: count_zz_empty_examples\n"
               "    pattern: '[0-9]+项'\n"
               "    examples: []\n",
       .want_line = 3,
       .want_column = 5,
       .want_message = "rule 'count_zz_empty_examples' has no examples"},
      {.name = "unknown metric kind",
       .file = "metrics/zz_bad.yaml",
       .text = "kind: counts\n"
               "rules: []\n",
       .want_line = 1,
       .want_column = 7,
       .want_message = "unknown metric kind 'counts'"},
      {.name = "missing pattern",
       .file = "metrics/zz_bad.yaml",
       .text = "kind: count\n"
               "rules:\n"
               "  - id: count_zz_no_pattern\n"
               "    examples: [{text: 3项, expect: {value: 3}}]\n",
       .want_line = 3,
       .want_column = 5,
       .want_message = "missing key 'pattern'"},
      {.name = "an empty rules list would switch the kind off",
       .file = "metrics/count.yaml",
       .text = "kind: count\n"
               "rules: []\n",
       .want_line = 2,
       .want_column = 8,
       .want_message = "'rules' is empty"},
      {.name = "a duplicated kind: key",
       .file = "metrics/zz_bad.yaml",
       .text = "kind: count\n"
               "rules:\n"
               "  - id: count_zz_one\n"
               "    pattern: '[0-9]+项'\n"
               "    examples: [{text: 3项, expect: {value: 3}}]\n"
               "kind: percentage\n",
       .want_line = 6,
       .want_column = 1,
       .want_message = "duplicate key 'kind' (first at line 1)"},
      {.name = "a duplicated key deeper down",
       .file = "metrics/zz_bad.yaml",
       .text = "kind: count\n"
               "rules:\n"
               "  - id: count_zz_one\n"
               "    pattern: '[0-9]+项'\n"
               "    pattern: '[0-9]+家'\n"
               "    examples: [{text: 3项, expect: {value: 3}}]\n",
       .want_line = 5,
       .want_column = 5,
       .want_message = "duplicate key 'pattern' (first at line 4)"},
      {.name = "an alias that makes a cycle (it hung the loader; rules fuzzer seed)",
       .file = "metrics/zz_bad.yaml",
       .text = "kind: count\n"
               "rules: &r [*r]\n",
       .want_line = 2,
       .want_column = 8,
       .want_message = "an alias of a mapping or sequence"},
      {.name = "aliases that grow the graph exponentially (YAML's billion laughs)",
       .file = "metrics/zz_bad.yaml",
       .text = "kind: count\n"
               "rules:\n"
               "  - &a [x, x]\n"
               "  - &b [*a, *a]\n"
               "  - [*b, *b]\n",
       .want_line = 3,
       .want_column = 5,
       .want_message = "an alias of a mapping or sequence"},
      {.name = "a token rule names an unknown class",
       .file = "metrics/zz_bad.yaml",
       .text = "kind: count\n"
               "rules:\n"
               "  - id: count_zz_tokens\n"
               "    tokens: \"value=NUM unit=no_class\"\n"
               "    examples:\n"
               "      - {text: 3项, expect: {value: 3}}\n",
       .want_line = 4,
       .want_column = 13,
       .want_message = "unknown token class 'no_class'"},
      {.name = "a rule with a pattern and tokens",
       .file = "metrics/zz_bad.yaml",
       .text = "kind: count\n"
               "rules:\n"
               "  - id: count_zz_both\n"
               "    pattern: '[0-9]+项'\n"
               "    tokens: \"value=NUM 项\"\n"
               "    examples:\n"
               "      - {text: 3项, expect: {value: 3}}\n",
       .want_line = 3,
       .want_column = 5,
       .want_message = "'pattern' or 'tokens', not both"},
      // a class and the fragment of the same name must not drift apart while both are used
      {.name = "a token class that differs from its fragment",
       .file = "common/tokens.yaml",
       .text = "number:\n"
               "  digits: \"0123456789\"\n"
               "  cn_digits: \"〇零一二两兩三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖\"\n"
               "  cn_units: \"十拾百佰千仟万萬亿億\"\n"
               "classes:\n"
               "  cmp_before: [超过]\n",
       .want_line = 6,
       .want_column = 3,
       .want_message = "class 'cmp_before' differs from fragment {cmp_before}"},
      {.name = "unknown rule file",
       .file = "misc/zz_unknown.yaml",
       .text = "a: 1\n",
       .want_line = 1,
       .want_column = 1,
       .want_message = "unknown rule file"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const TempRulesDir dir;
    dir.write(r.file, r.text);
    const auto rules = load_rules({.override_dir = dir.path()});
    CHECK_FALSE(rules.ok());
    if (rules.ok()) continue;
    const Status& s = rules.status();
    CAPTURE(s.to_string());
    CHECK(s.code() == Code::kBadRules);
    CHECK(s.where().file == r.file);
    CHECK(s.where().line == r.want_line);
    CHECK(s.where().column == r.want_column);
    CHECK(s.message().find(r.want_message) != std::string::npos);
    CHECK(s.to_string().rfind(fmt::format("{}:{}:{}: ", r.file, r.want_line, r.want_column), 0) ==
          0);
  }
}

TEST_CASE("load_rules: regex_time_limit outside 1..1000 fails at its value") {
  const std::string builtin = ruleset::builtin_rule_texts().at("layout/layout.yaml").content;
  const std::string key = "regex_time_limit: ";
  const size_t at = builtin.find("\n" + key);
  REQUIRE(at != std::string::npos);
  const size_t value_at = at + 1 + key.size();
  const size_t value_end = builtin.find('\n', value_at);
  const int line = 2 + static_cast<int>(std::count(builtin.begin(), builtin.begin() + at, '\n'));
  struct Row {
    std::string value;
    std::string want_message;
  };
  const Row rows[] = {
      {"0", "'regex_time_limit' is 0; expected 1 to 1000"},
      {"-5", "'regex_time_limit' is -5; expected 1 to 1000"},
      {"1000000000000", "'regex_time_limit' is 1000000000000; expected 1 to 1000"},
      {"2.5", "must be a whole number"},
      {"fast", "must be a whole number"},
      {"[50]", "must be a whole number"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.value);
    const TempRulesDir dir;
    dir.write("layout/layout.yaml",
              builtin.substr(0, value_at) + r.value + builtin.substr(value_end));
    const auto rules = load_rules({.override_dir = dir.path()});
    REQUIRE_FALSE(rules.ok());
    const Status& s = rules.status();
    CAPTURE(s.to_string());
    CHECK(s.code() == Code::kBadRules);
    CHECK(s.where().file == "layout/layout.yaml");
    CHECK(s.where().line == line);
    CHECK(s.where().column == static_cast<int>(key.size()) + 1);
    CHECK(s.message().find(r.want_message) != std::string::npos);
  }
  // The value shipped is within range, and a value at either bound loads.
  for (const char* ok : {"1", "1000"}) {
    const TempRulesDir dir;
    dir.write("layout/layout.yaml", builtin.substr(0, value_at) + ok + builtin.substr(value_end));
    const auto rules = load_rules({.override_dir = dir.path()});
    REQUIRE_MESSAGE(rules.ok(), why(rules));
    CHECK(rules.value()->layout.regex_time_limit == std::stoi(ok));
  }
}

TEST_CASE("load_rules: a glued page number pattern needs its rest group") {
  // The rest is the footer line the number is glued to: without it nothing can be counted.
  const std::string builtin = ruleset::builtin_rule_texts().at("layout/layout.yaml").content;
  const size_t at = builtin.find("(?<rest>");
  REQUIRE(at != std::string::npos);
  const TempRulesDir dir;
  dir.write("layout/layout.yaml", builtin.substr(0, at) + "(?<tail>" + builtin.substr(at + 8));
  const auto rules = load_rules({.override_dir = dir.path()});
  REQUIRE_FALSE(rules.ok());
  CHECK(rules.status().where().file == "layout/layout.yaml");
  CHECK(rules.status().message().find("needs a group named 'rest'") != std::string::npos);
}

TEST_CASE("load_rules: a rule id that duplicates a built-in one") {
  const auto builtin = load_rules({});
  REQUIRE(builtin.ok());
  const std::vector<MetricRule>& metric_rules = builtin.value()->metric_rules;
  REQUIRE_FALSE(metric_rules.empty());
  const MetricRule& taken = metric_rules.front();
  const std::string kind = to_string(taken.kind);
  // "zz" sorts after every built-in metrics file, so the built-in rule claims the id first.
  const TempRulesDir dir;
  dir.write("metrics/zz_dup.yaml", fmt::format("kind: {}\n"
                                               "rules:\n"
                                               "  - id: {}\n"
                                               "    pattern: 'x'\n"
                                               "    examples: [{{text: x, expect: {{}}}}]\n",
                                               kind, taken.id));
  const auto rules = load_rules({.override_dir = dir.path()});
  REQUIRE_FALSE(rules.ok());
  CAPTURE(rules.status().to_string());
  CHECK(rules.status().code() == Code::kBadRules);
  CHECK(rules.status().where().file == "metrics/zz_dup.yaml");
  CHECK(rules.status().where().line == 3);
  CHECK(rules.status().message() == fmt::format("duplicate rule id '{}'", taken.id));
}

// yaml-cpp's conversion errors (a mapping where a string is expected) are caught in
// load_rules() with the file name "rules" instead of the file at fault. Skipped until
// lib/ruleset/load_rules.cpp names the file (see the fuzz/decode report).
TEST_CASE("load_rules: a conversion error names its file" * doctest::skip()) {
  const TempRulesDir dir;
  dir.write("metrics/zz_bad.yaml",
            "kind: count\n"
            "rules:\n"
            "  - id: count_zz_conversion\n"
            "    pattern: '[0-9]+项'\n"
            "    examples: [{text: 3项, expect: {value: 3}}]\n"
            "    counter_examples: [{a: b}]\n");
  const auto rules = load_rules({.override_dir = dir.path()});
  REQUIRE_FALSE(rules.ok());
  CAPTURE(rules.status().to_string());
  CHECK(rules.status().code() == Code::kBadRules);
  CHECK(rules.status().where().file == "metrics/zz_bad.yaml");
  CHECK(rules.status().where().line == 6);
}

}  // namespace
}  // namespace jianbao
