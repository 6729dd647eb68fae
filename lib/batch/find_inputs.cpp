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

fs::path canonical_or_empty(const std::string& dir) {
  if (dir.empty()) return {};
  std::error_code ec;
  fs::path p = fs::weakly_canonical(dir, ec);
  return ec ? fs::path() : p;
}

bool is_under(const fs::path& path, const fs::path& root) {
  if (root.empty()) return false;
  const auto [r, p] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return r == root.end();
}

// Why a walk does not take `e` ("" when it does). It takes regular files, dangling or looping
// symlinks (so that they are reported as unreadable) and, with follow_symlinks, what symlinks
// lead to. Without it, a symlink is taken only when it resolves inside the tree: a link to
// /etc/shadow must not become a copy in the output. It never opens a FIFO, a socket or a device,
// which could block or never end.
std::string walk_refusal(const fs::directory_entry& e, const fs::path& real_root,
                         bool follow_symlinks) {
  std::error_code ec;
  const fs::file_status st = e.status(ec);
  if (e.is_symlink(ec)) {
    if (follow_symlinks)
      return fs::is_regular_file(st) || !fs::exists(st) ? "" : "not a regular file";
    // A dangling or looping one is taken, so that it is reported as unreadable.
    if (!fs::exists(st)) return "";
    std::error_code can_ec;
    const fs::path target = fs::canonical(e.path(), can_ec);
    if (can_ec || !is_under(target, real_root)) {
      return "a symlink out of the input tree (--follow-symlinks takes it)";
    }
  }
  return fs::is_regular_file(st) ? "" : "not a regular file";
}

Status walk_directory(const std::string& root, const std::string& glob, const fs::path& exclude,
                      bool follow_symlinks, std::vector<InputFile>* out,
                      std::vector<SkippedInput>* skipped) {
  std::vector<InputFile> found;
  std::error_code ec;
  const fs::path real_root = canonical_or_empty(root);
  const auto options = follow_symlinks ? fs::directory_options::follow_directory_symlink
                                       : fs::directory_options::none;
  fs::recursive_directory_iterator it(root, options, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& e = *it;
    std::error_code dir_ec;
    if (e.is_directory(dir_ec)) {
      std::error_code can_ec;
      if (!exclude.empty() && fs::weakly_canonical(e.path(), can_ec) == exclude) {
        it.disable_recursion_pending();
      } else if (!follow_symlinks && e.is_symlink(dir_ec) && skipped) {
        skipped->push_back(
            {e.path().generic_string(), "a symlinked directory (--follow-symlinks walks it)"});
      }
      continue;
    }
    const std::string name = e.path().filename().string();
    if (fnmatch(glob.c_str(), name.c_str(), 0) != 0) continue;
    if (std::string why = walk_refusal(e, real_root, follow_symlinks); !why.empty()) {
      if (skipped) skipped->push_back({e.path().generic_string(), std::move(why)});
      continue;
    }
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
                                           const std::string& glob, const std::string& exclude_dir,
                                           bool follow_symlinks,
                                           std::vector<SkippedInput>* skipped) {
  const fs::path exclude = canonical_or_empty(exclude_dir);
  std::vector<InputFile> files;
  for (const std::string& in : inputs) {
    std::error_code ec;
    const fs::file_status st = fs::status(in, ec);
    if (fs::is_directory(st)) {
      if (Status s = walk_directory(in, glob, exclude, follow_symlinks, &files, skipped); !s.ok())
        return s;
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
