// libFuzzer target over the whole pipeline: bytes -> parse_bulletin -> JSON and YAML.
//
// Built with -DJB_FUZZ=ON (clang only); scripts/fuzz.sh builds and runs it. A crash, sanitizer
// report, hang, OOM or broken invariant (pipeline_checks.h) is a bug: the input goes to
// tests/fuzz/regressions/ once minimised.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "jianbao/ruleset.h"
#include "pipeline_checks.h"

namespace {

const jianbao::RuleSet& rules() {
  static const std::shared_ptr<const jianbao::RuleSet> loaded = [] {
    auto r = jianbao::load_rules({});
    if (!r.ok()) {
      std::fprintf(stderr, "parse_fuzzer: built-in rules do not load: %s\n",
                   r.status().to_string().c_str());
      std::abort();
    }
    return r.value();
  }();
  return *loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string broken = jianbao::fuzz::check_pipeline(bytes, rules());
  if (!broken.empty()) {
    std::fprintf(stderr, "parse_fuzzer: %s\n", broken.c_str());
    std::abort();
  }
  return 0;
}
