// Expanding the inputs of a batch into files, and naming their outputs.
#include <fmt/format.h>
#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "jianbao/batch.h"

namespace jianbao::batch {
namespace {

namespace fs = std::filesystem;

// The output name without its extension: outputs of two inputs collide when these are equal.
std::string output_stem(const std::string& relative) {
  fs::path p(relative);
  p.replace_extension();
  return p.generic_string();
}

// A walk keeps regular files, and dangling or looping symlinks so that they are reported as
// unreadable; it never opens a FIFO, a socket or a device, which could block or never end.
bool keep_in_walk(const fs::directory_entry& e) {
  std::error_code ec;
  const fs::file_status st = e.status(ec);
  if (fs::is_regular_file(st)) return true;
  return e.is_symlink(ec) && !fs::exists(st);
}

fs::path canonical_or_empty(const std::string& dir) {
  if (dir.empty()) return {};
  std::error_code ec;
  fs::path p = fs::weakly_canonical(dir, ec);
  return ec ? fs::path() : p;
}

Status walk_directory(const std::string& root, const std::string& glob, const fs::path& exclude,
                      std::vector<InputFile>* out) {
  std::vector<InputFile> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& e = *it;
    std::error_code dir_ec;
    if (e.is_directory(dir_ec)) {
      std::error_code can_ec;
      if (!exclude.empty() && fs::weakly_canonical(e.path(), can_ec) == exclude) {
        it.disable_recursion_pending();
      }
      continue;
    }
    const std::string name = e.path().filename().string();
    if (fnmatch(glob.c_str(), name.c_str(), 0) != 0 || !keep_in_walk(e)) continue;
    found.push_back({.path = e.path().generic_string(),
                     .relative = e.path().lexically_relative(root).generic_string()});
  }
  if (ec)
    return Status::io_error(fmt::format("cannot list directory: {}", ec.message()), {.file = root});
  std::sort(found.begin(), found.end(),
            [](const InputFile& a, const InputFile& b) { return a.relative < b.relative; });
  out->insert(out->end(), found.begin(), found.end());
  return Status();
}

}  // namespace

Result<std::vector<InputFile>> find_inputs(const std::vector<std::string>& inputs,
                                           const std::string& glob,
                                           const std::string& exclude_dir) {
  const fs::path exclude = canonical_or_empty(exclude_dir);
  std::vector<InputFile> files;
  for (const std::string& in : inputs) {
    std::error_code ec;
    const fs::file_status st = fs::status(in, ec);
    if (fs::is_directory(st)) {
      if (Status s = walk_directory(in, glob, exclude, &files); !s.ok()) return s;
    } else if (fs::exists(st) || fs::is_symlink(fs::symlink_status(in, ec))) {
      files.push_back({.path = in, .relative = fs::path(in).filename().generic_string()});
    } else {
      return Status::invalid_argument("no such file or directory", {.file = in});
    }
  }
  const std::string reserved[] = {output_stem(kMetricsFile), output_stem(kSummaryFile),
                                  output_stem(kManifestFile)};
  std::map<std::string, const InputFile*> seen;
  for (const InputFile& f : files) {
    const std::string stem = output_stem(f.relative);
    if (std::find(std::begin(reserved), std::end(reserved), stem) != std::end(reserved)) {
      return Status::invalid_argument(
          fmt::format("its output would overwrite the batch's own {}.*; rename the file", stem),
          {.file = f.path});
    }
    auto [it, inserted] = seen.emplace(stem, &f);
    if (!inserted) {
      return Status::invalid_argument(
          fmt::format("same output name as {} ({}.*); convert them in separate runs",
                      it->second->path, stem),
          {.file = f.path});
    }
  }
  return files;
}

std::string output_name(const std::string& relative, emit::Format format) {
  const char* ext = format == emit::Format::kYaml    ? ".yaml"
                    : format == emit::Format::kJsonl ? ".jsonl"
                                                     : ".json";
  return output_stem(relative) + ext;
}

}  // namespace jianbao::batch
