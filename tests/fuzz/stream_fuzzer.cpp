// libFuzzer target over `parse --stream` input (issue 13): bytes -> the stream's line reader ->
// one record per line -> the output line that `parse --stream` writes for it. The input is JSON
// Lines as a Hadoop or Spark job would send them; the fuzzer mutates the framing (long lines, no
// final newline, CR), the JSON (deep nesting, huge numbers, duplicated ids, bad UTF-8) and the
// "text" it carries. "path" records are not followed: a fuzzer must not read the machine's files
// (cli_reliability tests those). Invariants: every non-blank input line gives exactly one output
// line; that line is JSON (or, for an id too large for a double, JSON once that id is replaced);
// its id is the input's id as written. A crash, sanitizer report, hang or broken invariant is a
// bug: keep the minimised input in tests/fuzz/regressions/stream/.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "jianbao/emit.h"
#include "jianbao/pipeline.h"
#include "jianbao/ruleset.h"
#include "stream_lines.h"

namespace {

// Lines longer than this are dropped with an error record, as --max-bytes does; small, so the
// fuzzer reaches that path.
constexpr unsigned long long kMaxLine = 4096;

const jianbao::RuleSet& rules() {
  static const std::shared_ptr<const jianbao::RuleSet> loaded = [] {
    auto r = jianbao::load_rules({});
    if (!r.ok()) std::abort();
    return r.value();
  }();
  return *loaded;
}

[[noreturn]] void broken(const char* what, const std::string& detail) {
  std::fprintf(stderr, "stream_fuzzer: %s: %s\n", what, detail.c_str());
  std::abort();
}

// The output line with its id replaced by null, when the id is a number nlohmann cannot hold.
std::string without_id(const std::string& out, const std::string& raw_id) {
  const std::string key = "\"id\":" + raw_id;
  const size_t at = out.find(key);
  if (at == std::string::npos) broken("the id is not in the output", out);
  return out.substr(0, at) + "\"id\":null" + out.substr(at + key.size());
}

// Checks one output line against the raw id it must carry.
void check_output(const std::string& out, const std::string& raw_id) {
  if (out.empty() || out.back() != '\n' || out.find('\n') != out.size() - 1) {
    broken("not exactly one output line", out);
  }
  if (jianbao::core::find_invalid_utf8(out) != std::string_view::npos) broken("invalid UTF-8", out);
  const bool id_is_json = nlohmann::json::accept(raw_id);
  if (!id_is_json && raw_id.find_first_not_of("-+.0123456789eE") != std::string::npos) {
    broken("a raw id that is neither JSON nor a number", raw_id);
  }
  const auto parsed = nlohmann::ordered_json::parse(id_is_json ? out : without_id(out, raw_id),
                                                    nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) broken("output is not a JSON object", out);
  if (id_is_json && parsed["id"] != nlohmann::ordered_json::parse(raw_id)) {
    broken("the id did not round-trip", raw_id);
  }
}

// The output line `parse --stream` writes for one input line (parse_command.cpp's
// stream_record, without "path" records).
std::string record_for(const std::string& line, int line_no, std::string* raw_id) {
  auto record = jianbao::cli::parse_stream_line(line, raw_id);
  if (!record.ok()) {
    if (record.status().message().empty()) broken("an error without a message", line);
    return jianbao::cli::stream_error_record(*raw_id, line_no, record.status().message());
  }
  if (*raw_id != record.value().raw_id) broken("two raw ids for one record", line);
  const nlohmann::ordered_json& v = record.value().value;
  if (!v.contains("text") || !v["text"].is_string()) {
    return jianbao::cli::stream_error_record(*raw_id, line_no, "no text");
  }
  auto doc = jianbao::parse_bulletin(v["text"].get<std::string>(), "-", rules(), {});
  if (!doc.ok()) {
    return jianbao::cli::stream_error_record(*raw_id, line_no, doc.status().message());
  }
  const std::string text = jianbao::emit::document_json_text(doc.value(), {}, -1);
  return jianbao::cli::with_stream_id(text, doc.value().schema, *raw_id);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The reader takes a file descriptor, as it does stdin: an anonymous file holds the bytes.
  const int fd = memfd_create("stream_fuzz", 0);
  if (fd < 0) std::abort();
  if (size > 0 && write(fd, data, size) != static_cast<ssize_t>(size)) std::abort();
  lseek(fd, 0, SEEK_SET);

  // The non-blank lines of the input, counted as the reader must find them.
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  int want = 0;
  for (size_t start = 0; start < bytes.size();) {
    size_t nl = bytes.find('\n', start);
    if (nl == std::string_view::npos) nl = bytes.size();
    const std::string_view line = bytes.substr(start, nl - start);
    // A line over the limit gets an error record even when it is all spaces.
    if (line.size() > kMaxLine || line.find_first_not_of(" \t\r") != std::string_view::npos) {
      ++want;
    }
    start = nl + 1;
  }

  jianbao::cli::LineReader lines(fd, kMaxLine);
  std::string line;
  bool too_long = false;
  jianbao::Status error;
  int line_no = 0;
  int got = 0;
  while (lines.next(&line, &too_long, &error)) {
    ++line_no;
    if (line.size() > kMaxLine) broken("a line longer than the limit", std::to_string(line.size()));
    if (too_long) {
      ++got;
      check_output(jianbao::cli::stream_error_record("null", line_no, "too long"), "null");
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    ++got;
    std::string raw_id;
    check_output(record_for(line, line_no, &raw_id), raw_id);
  }
  close(fd);
  if (!error.ok()) broken("a read error", error.to_string());
  if (got != want)
    broken("lines lost or invented", std::to_string(got) + " of " + std::to_string(want));
  return 0;
}
