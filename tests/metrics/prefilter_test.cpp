// The Hyperscan prefilter only skips work: every sample (and the seed) parses to the same
// document with it and without it.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "jianbao/emit.h"
#include "jianbao/pipeline.h"
#include "metrics/block_prefilter.h"
#include "support/builtin_rules.h"
#include "support/gold.h"

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

}  // namespace
}  // namespace jianbao
