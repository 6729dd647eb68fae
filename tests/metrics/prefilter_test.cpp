// The Hyperscan prefilter only skips work: every sample (and the seed) parses to the same
// document with it and without it.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "jianbao/emit.h"
#include "jianbao/pipeline.h"
#include "metrics/block_prefilter.h"
#include "ruleset/embedded_rules.h"
#include "ruleset/rule_set.h"
#include "support/builtin_rules.h"
#include "support/gold.h"
#include "support/temp_rules_dir.h"

namespace jianbao {
namespace {

std::string parse_with(const std::string& bytes, const std::string& path,
                       metrics::MetricsOptions::Prefilter prefilter) {
  ParseOptions options;
  options.metrics.prefilter = prefilter;
  auto doc = parse_bulletin(bytes, path, testing::builtin_rules(), options);
  REQUIRE(doc.ok());
  return emit::document_json(doc.value(), {.explain = true}).dump(1);
}

TEST_CASE("prefilter: the same documents with and without it") {
  if (!metrics::BlockPrefilter::available()) {
    MESSAGE("built without Hyperscan: nothing to compare");
    return;
  }
  const std::vector<std::string> inputs = testing::bulletin_paths(/*with_seed=*/true);
  CHECK(inputs.size() >= 8);
  int metrics = 0;
  for (const std::string& path : inputs) {
    CAPTURE(path);
    const std::string bytes = testing::read_bytes(path);
    using P = metrics::MetricsOptions::Prefilter;
    const std::string with = parse_with(bytes, path, P::kAlways);
    CHECK(with == parse_with(bytes, path, P::kNever));
    for (size_t at = with.find("\"rule\""); at != std::string::npos;
         at = with.find("\"rule\"", at + 1)) {
      ++metrics;
    }
  }
  CHECK(metrics > 200);  // the comparison covers many metrics, not empty documents
}

// An override whose rules are the built-in ones written back as regexes (each token rule's
// oracle_pattern as its `pattern`): the ICU path (UTF-16 text, prefilter, regex exclusions)
// stays for such rule files, and reads what the token rules read, with or without the prefilter.
TEST_CASE("prefilter: rules written as patterns give the documents the token rules give") {
  testing::TempRulesDir dir("regex_rules");
  int rewritten = 0;
  for (size_t i = 0; i < ruleset::kEmbeddedRuleCount; ++i) {
    const ruleset::EmbeddedRule& r = ruleset::kEmbeddedRules[i];
    const std::string path = r.path;
    if (path.rfind("metrics/", 0) != 0) continue;
    std::istringstream in(std::string(r.data, r.size));
    std::string out;
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("    tokens: ", 0) == 0) continue;
      if (line.rfind("    oracle_pattern: ", 0) == 0) {
        line = "    pattern: " + line.substr(20);
        ++rewritten;
      }
      out += line + "\n";
    }
    dir.write(path, out);
  }
  CHECK(rewritten > 50);
  const auto regex_rules = load_rules({.override_dir = dir.path()});
  REQUIRE_MESSAGE(regex_rules.ok(), regex_rules.status().to_string());
  for (const MetricRule& r : regex_rules.value()->metric_rules) CHECK_FALSE(r.tokens);
  const std::vector<std::string> inputs = testing::bulletin_paths(/*with_seed=*/true);
  int metrics = 0;
  for (const std::string& path : inputs) {
    CAPTURE(path);
    const std::string bytes = testing::read_bytes(path);
    using P = metrics::MetricsOptions::Prefilter;
    const std::string tokens = parse_with(bytes, path, P::kNever);
    for (const P p : {P::kAlways, P::kNever}) {
      ParseOptions options;
      options.metrics.prefilter = p;
      auto doc = parse_bulletin(bytes, path, *regex_rules.value(), options);
      REQUIRE(doc.ok());
      CHECK(emit::document_json(doc.value(), {.explain = true}).dump(1) == tokens);
    }
    for (size_t at = tokens.find("\"rule\""); at != std::string::npos;
         at = tokens.find("\"rule\"", at + 1)) {
      ++metrics;
    }
  }
  CHECK(metrics > 200);
}

// The metrics stage keeps its candidate finders in the RuleSet for the next bulletin: a finder
// built for some kinds (or with the prefilter) must never serve a call that asks for others.
TEST_CASE("prefilter: a kept candidate finder serves only the kinds it was built for") {
  const std::vector<std::string> inputs = testing::bulletin_paths(/*with_seed=*/true);
  REQUIRE(!inputs.empty());
  const std::string bytes = testing::read_bytes(inputs.front());
  // Rules of its own, so that no finder is kept from other tests: the first call builds one.
  const auto rules = load_rules({});
  REQUIRE(rules.ok());
  // Metrics other than provinces (those come from the gazetteer, not from the finder).
  auto metric_count = [&](const std::vector<MetricKind>& kinds) {
    ParseOptions options;
    options.metrics.kinds = kinds;
    auto doc = parse_bulletin(bytes, inputs.front(), *rules.value(), options);
    REQUIRE(doc.ok());
    size_t n = 0;
    for (const Section& s : doc.value().sections) {
      for (const Item& i : s.items) {
        for (const Metric& m : i.metrics) n += m.kind != MetricKind::kProvince ? 1 : 0;
      }
    }
    return n;
  };
  const size_t percentages = metric_count({MetricKind::kPercentage});
  const size_t all = metric_count({});
  CHECK(percentages > 0);
  CHECK(percentages < all);
  CHECK(metric_count({MetricKind::kPercentage}) == percentages);
  CHECK(metric_count({}) == all);
}

}  // namespace
}  // namespace jianbao
