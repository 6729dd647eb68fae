#include "ruleset/division_lines.h"

#include <doctest/doctest.h>

#include <string>

#include "jianbao/ruleset.h"
#include "ruleset/rule_files.h"
#include "ruleset/rule_set.h"
#include "support/temp_rules_dir.h"

namespace jianbao {
namespace {

const char kTwoEntries[] =
    "# comment\n"
    "\n"
    "divisions:\n"
    "  - {name: 东城区, code: \"110101\", level: county, province: \"110000\"}\n"
    "  # a comment between entries\n"
    "  - {name: 石家庄市, code: \"130100\", level: city, province: \"130000\"}\n";

TEST_CASE("division lines: the generated form is read line by line") {
  const auto places = ruleset::read_division_lines(kTwoEntries);
  REQUIRE(places.has_value());
  REQUIRE(places->size() == 2);
  CHECK((*places)[0].name == "东城区");
  CHECK((*places)[0].code == "110101");
  CHECK((*places)[0].level == "county");
  CHECK((*places)[0].province_code == "110000");
  CHECK((*places)[1].name == "石家庄市");
  CHECK((*places)[1].level == "city");
}

TEST_CASE("division lines: any other form is left to the YAML parser") {
  const std::string entry =
      "  - {name: 东城区, code: \"110101\", level: county, province: \"110000\"}";
  const char* forms[] = {
      "  - {name: \"东城区\", code: \"110101\", level: county, province: \"110000\"}",  // quoted
      "  - {name: 东城区, code: 110101, level: county, province: \"110000\"}",          // bare code
      "  - {name: null, code: \"110101\", level: county, province: \"110000\"}",  // ASCII name
      "  - {name: 东城区, code: \"110101\", level: county, province: \"110000\"}  # note",
      "  - {name: 东城区, code: \"110101\", level: county, province: \"110000\"}\r",
      "  - {name: 东城区, code: \"110101\", level: county, province: \"110000\", x: 1}",
      "  - {name: 东城:区, code: \"110101\", level: county, province: \"110000\"}",
      "  - {name: 东城 区, code: \"110101\", level: county, province: \"110000\"}",
      "\t- {name: 东城区, code: \"110101\", level: county, province: \"110000\"}",
      "  - name: 东城区",                                                             // block style
      "  - {name: \xe4\xb8, code: \"110101\", level: county, province: \"110000\"}",  // bad UTF-8
  };
  for (const char* form : forms) {
    CAPTURE(form);
    CHECK_FALSE(ruleset::read_division_lines(std::string("divisions:\n") + form + "\n"));
  }
  CHECK_FALSE(ruleset::read_division_lines(entry + "\n"));                    // no key
  CHECK_FALSE(ruleset::read_division_lines("divisions:\nother:\n" + entry));  // another key
  CHECK_FALSE(ruleset::read_division_lines(""));
}

// The oracle: the built-in file rewritten with quoted names (so the line reader declines it and
// yaml-cpp reads it) must load the same gazetteer as the built-in file read line by line.
TEST_CASE("division lines: the built-in divisions read as the YAML parser reads them") {
  const std::string builtin = ruleset::builtin_rule_texts().at("gazetteer/divisions.yaml").content;
  REQUIRE(ruleset::read_division_lines(builtin).has_value());
  std::string quoted;
  size_t pos = 0;
  while (pos < builtin.size()) {
    size_t nl = builtin.find('\n', pos);
    if (nl == std::string::npos) nl = builtin.size();
    std::string line = builtin.substr(pos, nl - pos);
    const std::string lead = "  - {name: ";
    if (line.rfind(lead, 0) == 0) {
      const size_t comma = line.find(',');
      line =
          lead + "\"" + line.substr(lead.size(), comma - lead.size()) + "\"" + line.substr(comma);
    }
    quoted += line + "\n";
    pos = nl + 1;
  }
  REQUIRE_FALSE(ruleset::read_division_lines(quoted).has_value());
  const testing::TempRulesDir dir("divisions");
  dir.write("gazetteer/divisions.yaml", quoted);
  const auto fast = load_rules({});
  const auto parsed = load_rules({.override_dir = dir.path()});
  REQUIRE(fast.ok());
  REQUIRE(parsed.ok());
  const auto& a = fast.value()->gazetteer.places;
  const auto& b = parsed.value()->gazetteer.places;
  REQUIRE(a.size() == b.size());
  CHECK(a.size() > 3000);
  size_t differ = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    differ += a[i].name != b[i].name || a[i].code != b[i].code || a[i].level != b[i].level ||
              a[i].province_code != b[i].province_code;
  }
  CHECK(differ == 0);
}

}  // namespace
}  // namespace jianbao
