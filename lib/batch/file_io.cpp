// Whole-file reads and atomic writes, shared by the batch runner and the commands.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "batch/atomic_writer.h"
#include "jianbao/batch.h"

namespace jianbao::batch {

namespace fs = std::filesystem;

AtomicWriter::AtomicWriter(std::string path) : path_(std::move(path)) {
  const fs::path target(path_);
  // One writer per target at a time (the batch runner gives each output to one thread), so the
  // process id is enough to keep concurrent runs apart.
  tmp_ = (target.parent_path() / fmt::format(".{}.tmp{}", target.filename().string(), getpid()))
             .string();
  out_.open(tmp_, std::ios::binary | std::ios::trunc);
}

AtomicWriter::~AtomicWriter() {
  if (!finished_) abort();
}

void AtomicWriter::abort() {
  finished_ = true;
  out_.close();
  std::error_code ignored;
  fs::remove(tmp_, ignored);
}

Status AtomicWriter::commit() {
  if (!out_.is_open()) {
    abort();
    return Status::io_error("cannot write file", {.file = tmp_});
  }
  out_.close();
  if (!out_) {
    abort();
    return Status::io_error("cannot write file", {.file = tmp_});
  }
  std::error_code ec;
  fs::rename(tmp_, path_, ec);
  if (ec) {
    abort();
    return Status::io_error(fmt::format("cannot rename into place: {}", ec.message()),
                            {.file = path_});
  }
  finished_ = true;
  return Status();
}

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
  AtomicWriter out(path);
  out.append(content);
  return out.commit();
}

}  // namespace jianbao::batch
