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

// Open: lib/emit/writers.cpp (reads_as_non_string) leaves "10:30" plain, which YAML 1.1 readers
// (PyYAML's safe_load) take for the sexagesimal integer 630. Found by the fuzzer as
// '1_0001:20' in an item title. Skipped until emit quotes scalars of the form
// [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+ (and 0o17, 0b101, 1_000, .inf, .nan).
TEST_CASE("fuzz regression open/emit_yaml_sexagesimal_title" * doctest::skip()) {
  check_input(kRegressions / "open" / "emit_yaml_sexagesimal_title", *builtin_rules());
}

// Open: lib/metrics/metrics.cpp copies the whole sentence around each metric into
// Metric::sentence, and a sentence has no bound when the text holds no 。！？: 2,000 metrics in
// one 12 KB line give 28 MB of JSON (4x per doubling; 16 KB of "2024年" took 200 MB of memory,
// 60 KB of "东北三省，" 2.9 GB). Skipped until the sentence is capped (or stored once per block).
TEST_CASE("fuzz regression open/metrics_sentence_quadratic" * doctest::skip()) {
  check_input(kRegressions / "open" / "metrics_sentence_quadratic", *builtin_rules());
}

}  // namespace
}  // namespace jianbao
