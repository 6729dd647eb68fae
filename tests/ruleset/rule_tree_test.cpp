#include "ruleset/rule_tree.h"

#include <doctest/doctest.h>

#include <string>

#include "ruleset/rule_files.h"
#include "ruleset/rule_snapshots.h"
#include "ruleset/yaml_access.h"

namespace jianbao {
namespace {

using ruleset::RuleNode;

// Walks both trees together: types, marks, scalars and children in order.
void require_same(const RuleNode& a, const RuleNode& b, const std::string& where) {
  INFO(where);
  REQUIRE(a.Type() == b.Type());
  REQUIRE(a.Mark().line == b.Mark().line);
  REQUIRE(a.Mark().column == b.Mark().column);
  REQUIRE(a.Mark().pos == b.Mark().pos);
  REQUIRE(a.Scalar() == b.Scalar());
  REQUIRE(a.size() == b.size());
  auto ia = a.begin(), ib = b.begin();
  for (; ia != a.end() && ib != b.end(); ++ia, ++ib) {
    if (a.IsMap()) {
      require_same((*ia).first, (*ib).first, where + " key");
      require_same((*ia).second, (*ib).second, where + "." + (*ia).first.Scalar());
    } else {
      require_same(*ia, *ib, where + "[]");
    }
  }
  REQUIRE(ia == a.end());
  REQUIRE(ib == b.end());
}

TEST_CASE("rule trees: every built-in file's snapshot is the tree its text parses into") {
  int compared = 0;
  for (const auto& entry : ruleset::builtin_rule_texts()) {
    const std::string& path = entry.first;  // not a structured binding: doctest's lambdas take it
    const ruleset::RuleText& text = entry.second;
    if (path == "gazetteer/divisions.yaml") continue;  // read line by line (division_lines.cpp)
    const auto snapshot = ruleset::builtin_tree(path);
    REQUIRE_MESSAGE(snapshot != nullptr, path);
    const auto parsed = ruleset::parse_yaml(path, text.content);
    require_same(snapshot->root(), parsed->root(), path);
    ++compared;
  }
  CHECK(compared >= 15);
}

TEST_CASE("rule trees: nodes answer as yaml-cpp's do") {
  const char* text =
      "a: 1\n"
      "b: [x, 'y', ~]\n"
      "c:\n"
      "d: {e: 0x10, f: 2.5, g: word}\n";
  const auto tree = ruleset::parse_yaml("t.yaml", text);
  const YAML::Node yaml = YAML::Load(text);
  const RuleNode root = tree->root();
  require_same(root, root, "self");

  CHECK(root["a"].as<int>() == yaml["a"].as<int>());
  CHECK(root["d"]["e"].as<int>() == 16);
  CHECK(root["d"]["f"].as<double>() == 2.5);
  CHECK(root["b"].size() == 3);
  CHECK(root["b"].IsSequence());
  CHECK(root["c"].IsNull());
  CHECK(root["c"].as<std::string>() == "null");  // as yaml-cpp's as<std::string>() of a null
  CHECK(!root["missing"]);
  CHECK(root["c"]);  // a null value is defined
  // The same exceptions, so errors from --rules files read as before.
  CHECK_THROWS_AS(root["d"]["g"].as<int>(), YAML::TypedBadConversion<int>);
  CHECK_THROWS_AS(root["missing"].as<std::string>(), YAML::InvalidNode);
  CHECK_THROWS_AS(root["missing"].size(), YAML::InvalidNode);
  CHECK_THROWS_AS(root["a"]["x"], YAML::BadSubscript);
  CHECK(!root["b"]["x"]);  // a sequence has no keys: an invalid node, no exception
  int items = 0;
  for (const auto& item : root["b"]) {
    CHECK(!item.first);
    items += item.IsDefined() ? 1 : 0;
  }
  CHECK(items == 3);
  for (const auto& kv : root["missing"]) {
    FAIL("an invalid node has no entries: " << kv.first.Scalar());
  }
  for (const auto& kv : root["a"]) {
    FAIL("a scalar has no entries: " << kv.first.Scalar());
  }
}

}  // namespace
}  // namespace jianbao
