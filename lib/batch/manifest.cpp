#include "batch/manifest.h"

#include <nlohmann/json.hpp>
#include <sstream>

namespace jianbao::batch {
namespace {

using Json = nlohmann::ordered_json;
constexpr const char* kManifestSchema = "jianbao.batch_manifest/1";

// metric_lines, one JSON object per line, as the text of a JSON array. The lines were written by
// nlohmann::json, so they hold no raw newline and each is a complete JSON value: joining them with
// commas makes a valid array without parsing them again.
std::string lines_as_array(const std::string& lines) {
  std::string out = "[";
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i] == '\n') {
      if (i + 1 < lines.size()) out.push_back(',');
    } else {
      out.push_back(lines[i]);
    }
  }
  out.push_back(']');
  return out;
}

bool parse_entry(const Json& j, ManifestEntry* e) {
  if (!j.is_object()) return false;
  for (const char* key : {"input", "output", "source", "sha256"}) {
    if (!j.contains(key) || !j[key].is_string()) return false;
  }
  if (!j.contains("items") || !j["items"].is_number_integer()) return false;
  if (!j.contains("metrics") || !j["metrics"].is_array()) return false;
  e->input = j["input"].get<std::string>();
  e->output = j["output"].get<std::string>();
  e->source = j["source"].get<std::string>();
  e->sha256 = j["sha256"].get<std::string>();
  e->items = j["items"].get<long long>();
  e->metrics = static_cast<long long>(j["metrics"].size());
  for (const Json& m : j["metrics"]) e->metric_lines += m.dump() + "\n";
  return true;
}

}  // namespace

Manifest parse_manifest(const std::string& text) {
  Manifest m;
  std::istringstream in(text);
  std::string line;
  if (!std::getline(in, line)) return {};
  Json header = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!header.is_object() || header.value("schema", "") != kManifestSchema ||
      !header.contains("settings") || !header.contains("rules") || !header["rules"].is_string()) {
    return {};
  }
  m.settings = header["settings"].dump();
  m.rules = header["rules"].get<std::string>();
  while (std::getline(in, line)) {
    ManifestEntry e;
    if (!parse_entry(Json::parse(line, nullptr, /*allow_exceptions=*/false), &e)) return {};
    const std::string key = e.output;
    m.entries[key] = std::move(e);
  }
  return m;
}

std::string format_manifest(const std::string& settings, const std::string& rules,
                            const std::vector<const ManifestEntry*>& entries) {
  Json header;
  header["schema"] = kManifestSchema;
  header["settings"] = Json::parse(settings, nullptr, /*allow_exceptions=*/false);
  header["rules"] = rules;
  std::string out = header.dump() + "\n";
  for (const ManifestEntry* e : entries) {
    Json j;
    j["input"] = e->input;
    j["output"] = e->output;
    j["source"] = e->source;
    j["sha256"] = e->sha256;
    j["items"] = e->items;
    std::string line = j.dump();
    line.pop_back();  // the closing brace: the metrics array is appended as text
    out += line + ",\"metrics\":" + lines_as_array(e->metric_lines) + "}\n";
  }
  return out;
}

}  // namespace jianbao::batch
