// libFuzzer target over the PDF and DOCX readers: bytes -> read::read_document. Seeds are the
// files of tests/data/read/ (scripts/fuzz.sh), so the fuzzer mutates real PDFs and DOCX
// packages: damaged xref tables and streams, ZIP entries that claim one size and hold another,
// XML with DOCTYPEs and entities. A crash, sanitizer report, hang, OOM or broken invariant is a
// bug: keep the minimised input in tests/fuzz/regressions/.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "jianbao/read.h"
#include "jianbao/ruleset.h"

namespace {

const jianbao::RuleSet& rules() {
  static const std::shared_ptr<const jianbao::RuleSet> loaded = [] {
    auto r = jianbao::load_rules({});
    if (!r.ok()) std::abort();
    return r.value();
  }();
  return *loaded;
}

[[noreturn]] void broken(const char* what) {
  std::fprintf(stderr, "read_fuzzer: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto got = jianbao::read::read_document(bytes, "fuzz", rules(), {});
  if (!got.ok()) {
    if (got.status().message().empty()) broken("an error without a message");
    return 0;
  }
  const jianbao::decode::DecodedText& d = got.value();
  if (!d.facts.empty() && d.facts.size() != d.lines.size()) broken("facts out of step with lines");
  for (size_t i = 0; i < d.lines.size(); ++i) {
    if (d.lines[i].number != static_cast<int>(i) + 1) broken("lines not numbered 1, 2, ...");
    if (d.reader != "text" &&
        jianbao::core::find_invalid_utf8(d.lines[i].text) != std::string_view::npos) {
      broken("a reader wrote invalid UTF-8");
    }
  }
  return 0;
}
