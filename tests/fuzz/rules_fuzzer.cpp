// libFuzzer target over rule files (issue 13): bytes -> one override file -> load_rules (parse,
// validation, regex compilation, examples) -> when the rules load, a short bulletin parsed with
// them. The input's first line names the file it overrides ("metrics/count.yaml"); the rest is
// the file. Seeds are the built-in rule files (scripts/fuzz.sh writes them), so the fuzzer
// mutates real rules: values out of range, empty lists, duplicated keys, anchors and aliases,
// bad patterns, tags. Invariants: a refused override is a kBadRules error naming a file (its
// FILE:LINE:COL) or an I/O error, never a crash, hang or silent fallback; rules that load
// parse a bulletin without a crash. A finding goes to tests/fuzz/regressions/rules/.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

#include "jianbao/pipeline.h"
#include "jianbao/ruleset.h"

namespace {

namespace fs = std::filesystem;

// A short bulletin with a masthead, sections, items and a figure of most kinds.
constexpr const char* kBulletin =
    "工作简报\n第3期\n某某办公室编            2024年5月6日\n\n"
    "一、总体情况\n\n截至4月底，全省完成投资123.5亿元，同比增长8.2%，较上年提高1.5个百分点。\n"
    "（一）重点项目。新开工项目45个，2024年1月至3月完成率达90%。\n\n"
    "二、下一步工作\n\n各地要在5月31日前报送材料，为期3个月。\n\n"
    "报送：省委办公厅\n抄送：各市人民政府\n";

[[noreturn]] void broken(const char* what, const std::string& detail) {
  std::fprintf(stderr, "rules_fuzzer: %s: %s\n", what, detail.c_str());
  std::abort();
}

// A relative rule path: two lower-case components and .yaml, as under rules/.
bool plain_rule_path(std::string_view p) {
  const size_t slash = p.find('/');
  if (slash == std::string_view::npos || slash == 0 || p.size() < slash + 6) return false;
  if (p.substr(p.size() - 5) != ".yaml") return false;
  for (size_t i = 0; i < p.size() - 5; ++i) {
    const char c = p[i];
    if (i == slash) continue;
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return p.find('/', slash + 1) == std::string_view::npos;
}

const fs::path& work_dir() {
  static const fs::path dir = [] {
    const fs::path d =
        fs::temp_directory_path() / ("jianbao_rules_fuzz_" + std::to_string(getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const size_t nl = bytes.find('\n');
  if (nl == std::string_view::npos || !plain_rule_path(bytes.substr(0, nl))) return 0;
  const std::string rel(bytes.substr(0, nl));
  const fs::path dir = work_dir() / "rules";
  fs::remove_all(dir);
  fs::create_directories(dir / fs::path(rel).parent_path());
  {
    std::ofstream out(dir / rel, std::ios::binary);
    out.write(bytes.data() + nl + 1, static_cast<std::streamsize>(size - nl - 1));
    if (!out) std::abort();
  }
  auto loaded = jianbao::load_rules({.override_dir = dir.string()});
  if (!loaded.ok()) {
    const jianbao::Status& s = loaded.status();
    if (s.message().empty()) broken("an error without a message", rel);
    if (s.code() != jianbao::Status::Code::kBadRules &&
        s.code() != jianbao::Status::Code::kIoError) {
      broken("refused rules that are not kBadRules", s.to_string());
    }
    // Rule errors say where (FILE:LINE:COL): the override, or a built-in file that relies on
    // what the override took away (a fragment, a table).
    if (s.code() == jianbao::Status::Code::kBadRules && s.where().file.empty()) {
      broken("a rule error that names no file", s.to_string());
    }
    return 0;
  }
  auto doc = jianbao::parse_bulletin(kBulletin, "fuzz.txt", *loaded.value(), {});
  if (!doc.ok() && doc.status().message().empty()) broken("a parse error without a message", rel);
  return 0;
}
