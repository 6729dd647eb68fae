// Recall and precision of every metric kind over all the hand-checked gold files (the samples
// and the seed), pooled: a kind that a sample gets right but another gets wrong shows here even
// when each file stays above the per-file bar of gold_test.cpp.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <string>

#include "jianbao/pipeline.h"
#include "support/builtin_rules.h"
#include "support/gold.h"

namespace jianbao {
namespace {

// Below this share of recall or precision, a kind fails (issue 12).
constexpr double kMinShare = 0.99;

std::string gold_of(const std::string& text_path) {
  return text_path.substr(0, text_path.size() - 4) + ".gold.yaml";
}

double share(int part, int whole) { return whole == 0 ? 1.0 : static_cast<double>(part) / whole; }

TEST_CASE("gold: recall and precision per metric kind over the samples and the seed") {
  std::map<std::string, testing::KindScore> total;
  int files = 0;
  for (const std::string& path : testing::bulletin_paths(/*with_seed=*/true)) {
    const std::string gold = gold_of(path);
    REQUIRE_MESSAGE(std::filesystem::exists(gold), path << " has no gold file");
    auto doc =
        parse_bulletin(testing::read_bytes(path), std::filesystem::path(path).filename().string(),
                       testing::builtin_rules(), {});
    REQUIRE(doc.ok());
    const testing::GoldReport r = testing::compare_with_gold(doc.value(), gold);
    for (const auto& [kind, s] : r.kinds) {
      testing::KindScore& t = total[kind];
      t.gold += s.gold;
      t.found += s.found;
      t.reported += s.reported;
      t.in_gold += s.in_gold;
    }
    ++files;
  }
  CHECK(files >= 9);
  for (const auto& entry : total) {
    // Named copies: clang 14 cannot capture structured bindings (CAPTURE takes a lambda).
    const std::string& kind = entry.first;
    const testing::KindScore& s = entry.second;
    CAPTURE(kind);
    const double recall = share(s.found, s.gold);
    const double precision = share(s.in_gold, s.reported);
    MESSAGE(fmt::format("{:<17} recall {:>3}/{:<3} {:5.1f}%   precision {:>3}/{:<3} {:5.1f}%", kind,
                        s.found, s.gold, 100 * recall, s.in_gold, s.reported, 100 * precision));
    CHECK(s.gold > 0);  // every kind reported is also judged somewhere
    CHECK(recall >= kMinShare);
    CHECK(precision >= kMinShare);
  }
  CHECK(total.size() >= 10);  // every judged kind appears in some gold file
}

}  // namespace
}  // namespace jianbao
