#include "batch/manifest.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/byte_names.h"

namespace jianbao::batch {
namespace {

using Json = nlohmann::ordered_json;
constexpr const char* kManifestSchema = "jianbao.batch_manifest/2";

bool parse_entry(const std::string& line, ManifestEntry* e) {
  const Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return false;
  for (const char* key : {"input", "output", "source", "sha256"}) {
    if (!j.contains(key) || !j[key].is_string()) return false;
  }
  for (const char* key : {"items", "metrics"}) {
    if (!j.contains(key) || !j[key].is_number_integer() || j[key].get<long long>() < 0) {
      return false;
    }
  }
  e->input = j["input"].get<std::string>();
  e->output = j["output"].get<std::string>();
  e->source = j["source"].get<std::string>();
  e->sha256 = j["sha256"].get<std::string>();
  e->items = j["items"].get<long long>();
  e->metrics = j["metrics"].get<long long>();
  return true;
}

}  // namespace

Manifest read_manifest(const std::string& path, bool allow_truncated) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  if (!in || !std::getline(in, line)) return {};
  const Json header = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!header.is_object() || header.value("schema", "") != kManifestSchema ||
      !header.contains("settings") || !header["settings"].is_object() ||
      !header.contains("rules") || !header["rules"].is_string()) {
    return {};
  }
  Manifest m;
  m.settings = header["settings"].dump();
  m.rules = header["rules"].get<std::string>();
  const auto cut = [&]() { return allow_truncated ? m : Manifest{}; };
  while (std::getline(in, line)) {
    ManifestEntry e;
    if (!parse_entry(line, &e) || in.eof()) return cut();
    e.offset = static_cast<long long>(in.tellg());
    // The metric lines are skipped, not parsed: a re-run copies them as they are.
    for (long long n = 0; n < e.metrics; ++n) {
      if (!std::getline(in, line) || line.empty() || line.front() != '{') return cut();
    }
    if (in.eof()) return cut();  // the last line had no newline: the file was cut short
    e.length = static_cast<long long>(in.tellg()) - e.offset;
    const std::string key = e.output;
    m.entries[key] = std::move(e);
  }
  return m;
}

Result<std::string> read_metric_lines(const std::string& path, const ManifestEntry& entry) {
  std::ifstream in(path, std::ios::binary);
  std::string out(static_cast<size_t>(std::max(0LL, entry.length)), '\0');
  if (in && entry.offset >= 0) {
    in.seekg(entry.offset);
    in.read(out.data(), static_cast<std::streamsize>(out.size()));
  }
  if (!in || entry.offset < 0) return Status::io_error("cannot read the manifest", {.file = path});
  return out;
}

std::string manifest_header(const std::string& settings, const std::string& rules) {
  Json header;
  header["schema"] = kManifestSchema;
  header["settings"] = Json::parse(settings, nullptr, /*allow_exceptions=*/false);
  header["rules"] = rules;
  return header.dump() + "\n";
}

std::string manifest_entry(const ManifestEntry& e) {
  Json j;
  // Names that are no UTF-8 are written escaped (dump() would throw); the comparison with the
  // next run's escaped names still holds, and sha256 is compared too.
  j["input"] = core::escape_invalid_utf8(e.input);
  j["output"] = core::escape_invalid_utf8(e.output);
  j["source"] = core::escape_invalid_utf8(e.source);
  j["sha256"] = e.sha256;
  j["items"] = e.items;
  j["metrics"] = e.metrics;
  return j.dump() + "\n" + e.metric_lines;
}

}  // namespace jianbao::batch
