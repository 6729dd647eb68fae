// Findings as text, GitHub Actions workflow commands or JSON.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

#include "jianbao/check.h"

namespace jianbao::check {
namespace {

// Workflow command data and properties escape %, CR and LF; properties also ':' and ','.
std::string escape_github(std::string_view s, bool property) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

void sort_findings(std::vector<Finding>* findings) {
  std::stable_sort(findings->begin(), findings->end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.file, a.line, a.column, a.check_id) <
           std::tie(b.file, b.line, b.column, b.check_id);
  });
}

std::string format_text(const Finding& f) {
  std::string where = f.file;
  if (f.line > 0) where += fmt::format(":{}", f.line);
  if (f.line > 0 && f.column > 0) where += fmt::format(":{}", f.column);
  return fmt::format("{}: {}: {} [{}]", where, to_string(f.severity), f.message, f.check_id);
}

std::string format_github(const Finding& f) {
  std::string props = "file=" + escape_github(f.file, true);
  if (f.line > 0) props += fmt::format(",line={}", f.line);
  if (f.line > 0 && f.column > 0) props += fmt::format(",col={}", f.column);
  props += ",title=" + escape_github(f.check_id, true);
  return fmt::format("::{} {}::{}", to_string(f.severity), props,
                     escape_github(f.message + " [" + f.check_id + "]", false));
}

std::string format_json(const Finding& f) {
  nlohmann::ordered_json j;
  j["file"] = f.file;
  j["line"] = f.line;
  j["column"] = f.column;
  j["severity"] = to_string(f.severity);
  j["check_id"] = f.check_id;
  j["message"] = f.message;
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace jianbao::check
