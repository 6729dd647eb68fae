#include "record_inputs.h"

#include <algorithm>
#include <filesystem>

#include "check/located_json.h"
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

bool is_record_file(const std::string& path) {
  return has_extension(path, ".json") || has_extension(path, ".jsonl") ||
         has_extension(path, ".yaml") || has_extension(path, ".yml");
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

// A record file: .json (one record or an array), .jsonl (one a line), .yaml/.yml (one a document).
Status read_record_file(const std::string& path, std::vector<trend::Issue>* out) {
  auto bytes = batch::read_file(path);
  if (!bytes.ok()) return bytes.status();
  auto records = check::read_records(path, bytes.value());
  if (!records.ok()) return records.status();
  for (const check::LocatedRecord& r : records.value()) {
    if (r.error) return *r.error;
    JB_TRY(add_record(r.value, {.file = path, .line = r.where.count("") ? r.where.at("").line : 0},
                      out));
  }
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
      // A batch output directory: every record file under it, by name.
      std::vector<std::string> files;
      for (const auto& e : fs::recursive_directory_iterator(input, ec)) {
        if (!e.is_regular_file() || is_batch_file(e.path())) continue;
        const std::string p = e.path().string();
        if (is_record_file(p)) files.push_back(p);
      }
      if (ec) return Status::io_error(ec.message(), {.file = input});
      std::sort(files.begin(), files.end());
      if (files.empty()) {
        return Status::invalid_argument("no .json, .jsonl or .yaml records in the directory",
                                        {.file = input});
      }
      for (const std::string& f : files) JB_TRY(read_record_file(f, &out));
    } else if (is_record_file(input)) {
      JB_TRY(read_record_file(input, &out));
    } else {
      JB_TRY(read_bulletin(input, rules, options, &out));
    }
  }
  return out;
}

}  // namespace jianbao::cli
