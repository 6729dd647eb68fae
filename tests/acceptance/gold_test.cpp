// End to end: the seed bulletin and every sample against their hand-written gold files.
#include "support/gold.h"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "jianbao/pipeline.h"
#include "jianbao/ruleset.h"

namespace jianbao {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

testing::GoldReport run_gold(const std::string& text_path, const std::string& gold_path) {
  auto rules = load_rules({});
  REQUIRE(rules.ok());
  auto doc =
      parse_bulletin(read_file(text_path), std::filesystem::path(text_path).filename().string(),
                     *rules.value(), {});
  REQUIRE(doc.ok());
  testing::GoldReport r = testing::compare_with_gold(doc.value(), gold_path);
  for (const auto& e : r.structure_errors) MESSAGE("structure: " << e);
  for (const auto& e : r.misses) MESSAGE("miss: " << e);
  for (const auto& e : r.extras) MESSAGE("extra: " << e);
  for (const auto& e : r.trap_hits) MESSAGE("trap: " << e);
  for (const auto& e : r.province_errors) MESSAGE("provinces: " << e);
  MESSAGE(fmt::format("{}: recall {}/{}, precision {}/{}", text_path, r.found_metrics,
                      r.gold_metrics, r.reported_in_gold, r.reported_metrics));
  return r;
}

TEST_CASE("gold: the seed bulletin matches its gold file") {
  const std::string text = testing::shared_path("seeds/000_06335a08d50280b6.txt");
  const std::string gold = testing::shared_path("seeds/000_06335a08d50280b6.gold.yaml");
  if (text.empty() || gold.empty()) {
    MESSAGE("skipped: ../shared/seeds is absent");
    return;
  }
  const testing::GoldReport r = run_gold(text, gold);
  CHECK(r.structure_errors.empty());
  CHECK(r.found_metrics == r.gold_metrics);  // every gold metric, in the right item
  CHECK(r.precision() >= 0.95);
  CHECK(r.trap_hits.empty());
  CHECK(r.province_errors.empty());
}

TEST_CASE("gold: every sample matches its gold file") {
  const std::filesystem::path dir = testing::source_path("samples");
  int samples = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string path = entry.path().string();
    if (entry.path().extension() != ".txt") continue;
    const std::string gold = path.substr(0, path.size() - 4) + ".gold.yaml";
    REQUIRE_MESSAGE(std::filesystem::exists(gold), path << " has no gold file");
    ++samples;
    CAPTURE(path);
    const testing::GoldReport r = run_gold(path, gold);
    CHECK(r.structure_errors.empty());
    CHECK(r.found_metrics == r.gold_metrics);
    CHECK(r.precision() >= 0.95);
    CHECK(r.trap_hits.empty());
    CHECK(r.province_errors.empty());
  }
  CHECK(samples >= 8);
}

}  // namespace
}  // namespace jianbao
