#include "record_inputs.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "cli_io.h"
#include "jianbao/batch.h"
#include "jianbao/emit.h"

namespace jianbao::cli {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

bool has_extension(const std::string& path, const char* ext) {
  return fs::path(path).extension() == ext;
}

// A batch's own files beside the records.
bool is_batch_file(const fs::path& p) {
  const std::string name = p.filename().string();
  return name == batch::kMetricsFile || name == batch::kSummaryFile || name == batch::kManifestFile;
}

Status add_record(const Json& record, const SourceLocation& where, std::vector<trend::Issue>* out) {
  auto issue = trend::issue_from_record(record);
  if (!issue.ok()) return Status::bad_input(issue.status().message(), where);
  out->push_back(std::move(issue.value()));
  return Status();
}

Status read_record_file(const std::string& path, std::vector<trend::Issue>* out) {
  auto bytes = batch::read_file(path);
  if (!bytes.ok()) return bytes.status();
  if (has_extension(path, ".jsonl")) {
    std::istringstream in(bytes.value());
    int line_no = 0;
    for (std::string line; std::getline(in, line);) {
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const Json record = Json::parse(line, nullptr, false);
      const SourceLocation where{.file = path, .line = line_no};
      if (record.is_discarded()) return Status::bad_input("not JSON", where);
      JB_TRY(add_record(record, where, out));
    }
    return Status();
  }
  const Json record = Json::parse(bytes.value(), nullptr, false);
  if (record.is_discarded()) return Status::bad_input("not JSON", {.file = path});
  if (!record.is_array()) return add_record(record, {.file = path}, out);
  for (const Json& r : record) JB_TRY(add_record(r, {.file = path}, out));
  return Status();
}

Status read_bulletin(const std::string& path, const RuleSet& rules, const ParseOptions& options,
                     std::vector<trend::Issue>* out) {
  auto bytes = read_input(path);
  if (!bytes.ok()) return bytes.status();
  auto doc = parse_bulletin(bytes.value(), path, rules, options);
  if (!doc.ok()) return doc.status();
  return add_record(emit::document_json(doc.value(), {}), {.file = path}, out);
}

}  // namespace

Result<std::vector<trend::Issue>> read_issues(const std::vector<std::string>& inputs,
                                              const RuleSet& rules, const ParseOptions& options) {
  std::vector<trend::Issue> out;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      // A batch output directory: every .json and .jsonl record file under it, by name.
      std::vector<std::string> files;
      for (const auto& e : fs::recursive_directory_iterator(input, ec)) {
        if (!e.is_regular_file() || is_batch_file(e.path())) continue;
        const std::string p = e.path().string();
        if (has_extension(p, ".json") || has_extension(p, ".jsonl")) files.push_back(p);
      }
      if (ec) return Status::io_error(ec.message(), {.file = input});
      std::sort(files.begin(), files.end());
      if (files.empty()) {
        return Status::invalid_argument("no .json or .jsonl records in the directory",
                                        {.file = input});
      }
      for (const std::string& f : files) JB_TRY(read_record_file(f, &out));
    } else if (has_extension(input, ".json") || has_extension(input, ".jsonl")) {
      JB_TRY(read_record_file(input, &out));
    } else {
      JB_TRY(read_bulletin(input, rules, options, &out));
    }
  }
  return out;
}

}  // namespace jianbao::cli
