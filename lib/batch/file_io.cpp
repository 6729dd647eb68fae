// Whole-file reads and atomic writes, shared by the batch runner and the commands.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "jianbao/batch.h"

namespace jianbao::batch {

namespace fs = std::filesystem;

Result<std::string> read_file(const std::string& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    return Status::io_error("is a directory, expected a bulletin file", {.file = path});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error("cannot open file", {.file = path});
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::io_error("cannot read file", {.file = path});
  return data;
}

Status write_file_atomic(const std::string& path, const std::string& content) {
  const fs::path target(path);
  // One writer per target at a time (the batch runner gives each output to one thread), so the
  // process id is enough to keep concurrent runs apart.
  const fs::path tmp =
      target.parent_path() / fmt::format(".{}.tmp{}", target.filename().string(), getpid());
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
    std::error_code ignored;
    fs::remove(tmp, ignored);
    return Status::io_error(fmt::format("cannot rename into place: {}", ec.message()),
                            {.file = path});
  }
  return Status();
}

}  // namespace jianbao::batch
