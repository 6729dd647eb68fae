#include "ruleset/fragments.h"

#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

namespace jianbao::ruleset {
namespace {

TEST_CASE("fragments: expand replaces {name} with a non-capturing group") {
  Fragments f;
  REQUIRE(f.define({{"digit", "[0-9]"},
                    {"number", "{digit}+(?:\\.{digit}+)?"},
                    {"pct", "[%％]"},
                    {"a1_b", "x"}})
              .ok());
  struct Row {
    std::string name;
    std::string pattern;
    std::string want;
  };
  const Row rows[] = {
      {.name = "one reference", .pattern = "{pct}", .want = "(?:[%％])"},
      {.name = "text around", .pattern = "达{pct}以上", .want = "达(?:[%％])以上"},
      {.name = "nested references are expanded",
       .pattern = "{number}",
       .want = "(?:(?:[0-9])+(?:\\.(?:[0-9])+)?)"},
      {.name = "two references", .pattern = "{digit}{pct}", .want = "(?:[0-9])(?:[%％])"},
      {.name = "digits and underscore in names", .pattern = "{a1_b}", .want = "(?:x)"},
      {.name = "quantifier {2} stays", .pattern = "[0-9]{2}", .want = "[0-9]{2}"},
      {.name = "quantifier {1,3} stays", .pattern = "a{1,3}", .want = "a{1,3}"},
      {.name = "quantifier {2,} stays", .pattern = "a{2,}", .want = "a{2,}"},
      {.name = "escaped brace is literal", .pattern = "\\{pct}", .want = "\\{pct}"},
      {.name = "escaped backslash before a reference",
       .pattern = "\\\\{pct}",
       .want = "\\\\(?:[%％])"},
      {.name = "upper case is not a reference", .pattern = "{PCT}", .want = "{PCT}"},
      {.name = "hyphen is not a name character", .pattern = "{p-ct}", .want = "{p-ct}"},
      {.name = "empty braces stay", .pattern = "{}", .want = "{}"},
      {.name = "unclosed brace stays", .pattern = "{pct", .want = "{pct"},
      {.name = "trailing backslash stays", .pattern = "a\\", .want = "a\\"},
      {.name = "named group syntax untouched",
       .pattern = "(?<value>{digit})",
       .want = "(?<value>(?:[0-9]))"},
      {.name = "empty pattern", .pattern = "", .want = ""},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    std::string out;
    std::string unknown;
    CHECK(f.expand(r.pattern, &out, &unknown));
    CHECK(out == r.want);
    CHECK(unknown.empty());
  }
}

TEST_CASE("fragments: expand reports an unknown reference") {
  Fragments f;
  REQUIRE(f.define({{"pct", "%"}}).ok());
  struct Row {
    std::string pattern;
    std::string want_unknown;
  };
  const Row rows[] = {
      {.pattern = "{nope}", .want_unknown = "nope"},
      {.pattern = "{pct}{missing_1}", .want_unknown = "missing_1"},
      {.pattern = "a{2}{x}", .want_unknown = "x"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.pattern);
    std::string out;
    std::string unknown;
    CHECK_FALSE(f.expand(r.pattern, &out, &unknown));
    CHECK(unknown == r.want_unknown);
  }
}

TEST_CASE("fragments: define rejects unknown references and cycles") {
  struct Row {
    std::string name;
    std::map<std::string, std::string> raw;
    std::string want_message;  // a part of it
  };
  const Row rows[] = {
      {.name = "unknown reference",
       .raw = {{"a", "{b}"}},
       .want_message = "unknown fragment '{b}'"},
      {.name = "self reference", .raw = {{"a", "x{a}"}}, .want_message = "'a' refers to itself"},
      {.name = "two-step cycle",
       .raw = {{"a", "{b}"}, {"b", "{a}"}},
       .want_message = "refers to itself"},
      {.name = "three-step cycle",
       .raw = {{"a", "{b}"}, {"b", "{c}"}, {"c", "{a}"}},
       .want_message = "refers to itself"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    Fragments f;
    const Status s = f.define(r.raw);
    CHECK_FALSE(s.ok());
    CHECK(s.code() == Status::Code::kBadRules);
    CAPTURE(s.message());
    CHECK(s.message().find(r.want_message) != std::string::npos);
  }
}

TEST_CASE("fragments: a fragment used twice is not a cycle") {
  Fragments f;
  REQUIRE(f.define({{"d", "[0-9]"}, {"pair", "{d}{d}"}, {"quad", "{pair}{pair}"}}).ok());
  std::string out;
  std::string unknown;
  REQUIRE(f.expand("{quad}", &out, &unknown));
  const std::string d = "(?:[0-9])";
  const std::string pair = "(?:" + d + d + ")";
  CHECK(out == "(?:" + pair + pair + ")");
}

TEST_CASE("fragments: unused lists fragments no pattern or fragment refers to") {
  Fragments f;
  REQUIRE(
      f.define({{"digit", "[0-9]"}, {"number", "{digit}+"}, {"pct", "%"}, {"spare", "s"}}).ok());
  // digit is used by number; the others are not used yet.
  CHECK(f.unused() == std::set<std::string>{"number", "pct", "spare"});
  std::string out;
  std::string unknown;
  REQUIRE(f.expand("{number}{pct}", &out, &unknown));
  CHECK(f.unused() == std::set<std::string>{"spare"});
  // A failed expansion still counts the references it resolved before the unknown one.
  CHECK_FALSE(f.expand("{spare}{nope}", &out, &unknown));
  CHECK(f.unused().empty());
}

TEST_CASE("fragments: an empty set expands patterns without references unchanged") {
  Fragments f;
  REQUIRE(f.define({}).ok());
  CHECK(f.unused().empty());
  std::string out;
  std::string unknown;
  CHECK(f.expand("[0-9]{4}年", &out, &unknown));
  CHECK(out == "[0-9]{4}年");
}

}  // namespace
}  // namespace jianbao::ruleset
