// jianbao check: the CI gate. Bulletins (files or directories of *.txt) and records written
// before (--records) in, compiler-style findings out; exit 0 without errors, 1 with, 2 when the
// command line, the rules or the expectations file are wrong.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli_io.h"
#include "commands.h"
#include "jianbao/check.h"
#include "jianbao/pipeline.h"

namespace jianbao::cli {
namespace {

namespace fs = std::filesystem;

struct CheckArgs {
  std::vector<std::string> inputs;
  std::vector<std::string> records;
  std::string expect;
  std::string format = "text";
  std::string rules_dir;
  bool werror = false;
  bool list_checks = false;
};

// Files named on the command line, and the files with one of `extensions` below directories
// (hidden ones left out), each directory in path order. Fails on a path that does not exist.
Result<std::vector<std::string>> expand(const std::vector<std::string>& paths,
                                        const std::vector<std::string>& extensions) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p == "-") {  // stdin
      out.push_back(p);
      continue;
    }
    if (!fs::is_directory(p, ec)) {
      if (!fs::exists(p, ec))
        return Status::invalid_argument("no such file or directory", {.file = p});
      out.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      const std::string ext = it->path().extension().string();
      // Hidden files (a batch's .jianbao-manifest.jsonl) are bookkeeping, not inputs.
      if (it->path().filename().string().front() == '.') continue;
      if (it->is_regular_file() &&
          std::find(extensions.begin(), extensions.end(), ext) != extensions.end()) {
        found.push_back(it->path().string());
      }
    }
    if (ec) return Status::io_error(ec.message(), {.file = p});
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

class Printer {
 public:
  Printer(const std::string& format, bool werror) : format_(format), werror_(werror) {}

  void print(check::Finding f) {
    if (werror_ && f.severity == check::Severity::kWarning) f.severity = check::Severity::kError;
    (f.severity == check::Severity::kError ? errors_ : warnings_)++;
    if (format_ == "github") {
      std::cout << check::format_github(f) << "\n";
    } else if (format_ == "json") {
      std::cout << check::format_json(f) << "\n";
    } else {
      std::cout << check::format_text(f) << "\n";
    }
  }
  void print_all(const std::vector<check::Finding>& findings) {
    for (const check::Finding& f : findings) print(f);
  }

  // A configuration error: one stderr line, and an annotation when GitHub reads the output.
  int fail(const Status& s) {
    report(s);
    if (format_ == "github") {
      const SourceLocation& w = s.where();
      print({w.file, w.line, w.column, check::Severity::kError, "config", s.message()});
    }
    return kExitUsage;
  }

  int finish(size_t bulletins, size_t record_files) const {
    std::cerr << fmt::format(
        "jianbao check: {} error(s), {} warning(s) in {} bulletin(s), {} record file(s)\n", errors_,
        warnings_, bulletins, record_files);
    return errors_ > 0 ? kExitFailed : kExitOk;
  }

 private:
  std::string format_;
  bool werror_;
  size_t errors_ = 0;
  size_t warnings_ = 0;
};

void list_checks(const check::CheckConfig& config) {
  for (const check::CheckSpec& s : config.checks) {
    std::string params;
    for (const auto& [name, value] : s.params) params += fmt::format(" {}={}", name, value);
    std::cout << fmt::format("{:<22} {:<8} {}{}\n", s.id, check::to_string(s.severity), s.summary,
                             params);
  }
}

// A record's source: as written (relative to the working directory), else beside the record.
check::SourceReader source_reader(const std::string& record_file) {
  return [dir = fs::path(record_file).parent_path()](
             const std::string& path) -> std::optional<std::string> {
    std::error_code ec;
    for (const fs::path& p : {fs::path(path), dir / path}) {
      if (!fs::is_regular_file(p, ec)) continue;
      auto bytes = read_input(p.string());
      if (bytes.ok()) return std::move(bytes).value();
    }
    return std::nullopt;
  };
}

int run_check(const CheckArgs& args) {
  Printer out(args.format, args.werror);
  const auto rules = load_rules_or_report(args.rules_dir);
  if (!rules) return kExitUsage;
  auto config = check::load_check_config({.override_dir = args.rules_dir});
  if (!config.ok()) return out.fail(config.status());
  if (args.list_checks) {
    list_checks(config.value());
    return kExitOk;
  }
  if (args.format != "text" && args.format != "github" && args.format != "json") {
    return out.fail(Status::invalid_argument("--format must be text, github or json, not '" +
                                             args.format + "'"));
  }
  if (args.inputs.empty() && args.records.empty()) {
    return out.fail(
        Status::invalid_argument("nothing to check: give bulletins (FILE|DIR) or --records"));
  }
  std::optional<check::Expectations> expect;
  if (!args.expect.empty()) {
    auto text = read_input(args.expect);
    if (!text.ok()) return out.fail(text.status());
    auto parsed = check::parse_expectations(args.expect, text.value(), config.value(), *rules);
    if (!parsed.ok()) return out.fail(parsed.status());
    expect = std::move(parsed).value();
  }
  auto bulletins = expand(args.inputs, {".txt"});
  if (!bulletins.ok()) return out.fail(bulletins.status());
  auto record_files = expand(args.records, {".json", ".jsonl", ".yaml", ".yml"});
  if (!record_files.ok()) return out.fail(record_files.status());

  const check::Checker checker(*rules, std::move(config).value(), expect ? &*expect : nullptr);
  std::vector<Document> docs;
  for (const std::string& path : bulletins.value()) {
    auto bytes = read_input(path);
    auto doc = bytes.ok() ? parse_bulletin(bytes.value(), path, *rules, {})
                          : Result<Document>(bytes.status());
    if (!doc.ok()) {
      if (auto f = checker.unreadable(doc.status(), path)) out.print(*f);
      continue;
    }
    out.print_all(checker.check_document(doc.value()));
    docs.push_back(std::move(doc).value());
  }
  std::vector<const Document*> series;
  for (const Document& d : docs) series.push_back(&d);
  out.print_all(checker.check_series(series));
  for (const std::string& path : record_files.value()) {
    auto text = read_input(path);
    if (!text.ok()) {
      if (auto f = checker.unreadable(text.status(), path)) out.print(*f);
      continue;
    }
    out.print_all(checker.check_records(path, text.value(), source_reader(path)));
  }
  return out.finish(bulletins.value().size(), record_files.value().size());
}

}  // namespace

void add_check_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand("check", "Check bulletins and records for faults (a CI gate)");
  cmd->footer(
      "Diagnostics: FILE:LINE:COL: error|warning: message [check-id].\n"
      "Exit codes: 0 no errors (warnings allowed unless --werror), 1 errors, 2 usage or "
      "configuration errors.\n"
      "Example:\n  jianbao check bulletins/ --expect expect.yaml --format github");
  cmd->add_option("inputs", args->inputs, "Bulletin files, or directories searched for *.txt");
  cmd->add_option("--records", args->records,
                  "Records written by parse/batch (.json, .jsonl, .yaml), or directories of them; "
                  "repeat for several")
      ->allow_extra_args(false);
  cmd->add_option("--expect", args->expect,
                  "Expectations file (YAML): what the publication promises");
  cmd->add_option("--format", args->format, "text (default), github or json");
  cmd->add_option("--rules", args->rules_dir, "Rules directory merged over the built-in rules");
  cmd->add_flag("--werror", args->werror, "Treat warnings as errors");
  cmd->add_flag("--list-checks", args->list_checks,
                "List the checks, their severity and parameters");
  cmd->callback([args, &exit_code] { exit_code = run_check(*args); });
}

}  // namespace jianbao::cli
