// Replays the fuzzer's findings (tests/fuzz/regressions/) through the fuzzer's own checks.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/pipeline_checks.h"
#include "jianbao/ruleset.h"

namespace jianbao {
namespace {

// The Status of a failed Result, for assertion messages; "" when it succeeded (doctest
// evaluates messages of passing assertions too, under -s).
template <typename T>
std::string why(const Result<T>& r) {
  return r.ok() ? "" : r.status().to_string();
}

namespace fs = std::filesystem;

const fs::path kRegressions = fs::path(JB_SOURCE_DIR) / "tests" / "fuzz" / "regressions";

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::shared_ptr<const RuleSet> builtin_rules() {
  auto r = load_rules({});
  REQUIRE_MESSAGE(r.ok(), why(r));
  return r.value();
}

// The inputs directly in `dir`, in name order; README.md is not an input.
std::vector<fs::path> inputs_in(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() != ".md") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void check_input(const fs::path& p, const RuleSet& rules) {
  CAPTURE(p.string());
  REQUIRE(fs::is_regular_file(p));
  CHECK(fuzz::check_pipeline(read_file(p), rules) == "");
}

TEST_CASE("fuzz regressions: every fixed input passes the fuzzer's checks") {
  const auto rules = builtin_rules();
  const std::vector<fs::path> inputs = inputs_in(kRegressions);
  const std::string count = std::to_string(inputs.size()) + " fuzz regression inputs";
  MESSAGE(count);
  for (const fs::path& p : inputs) check_input(p, *rules);
}

}  // namespace
}  // namespace jianbao
