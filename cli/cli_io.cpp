#include "cli_io.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace jianbao::cli {

Result<std::string> read_input(const std::string& path) {
  if (path == "-") {
    std::ostringstream buf;
    buf << std::cin.rdbuf();
    return buf.str();
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status::io_error("is a directory, expected a bulletin file", {.file = path});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error("cannot open file", {.file = path});
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::io_error("cannot read file", {.file = path});
  return data;
}

Status write_output(const std::string& path, const std::string& content) {
  if (path == "-" || path.empty()) {
    std::fwrite(content.data(), 1, content.size(), stdout);
    std::fflush(stdout);
    return Status();
  }
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path tmp = target.parent_path() / fmt::format(".{}.tmp{}", target.filename().string(), getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::io_error("cannot write file", {.file = tmp.string()});
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      fs::remove(tmp, ignored);
      return Status::io_error("cannot write file", {.file = tmp.string()});
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Status::io_error("cannot rename into place", {.file = path});
  }
  return Status();
}

void report(const Status& status) { std::cerr << "jianbao: " << status.to_string() << "\n"; }

std::shared_ptr<const RuleSet> load_rules_or_report(const std::string& dir) {
  auto rules = load_rules({.override_dir = dir});
  if (!rules.ok()) {
    report(rules.status());
    return nullptr;
  }
  return rules.value();
}

}  // namespace jianbao::cli
