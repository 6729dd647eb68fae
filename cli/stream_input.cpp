#include "stream_input.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace jianbao::cli {
namespace {

namespace fs = std::filesystem;

// Whether `path` (resolved: symlinks, "..") lies under the directory `root` (resolved).
Status check_under(const std::string& path, const std::string& root) {
  std::error_code ec;
  const fs::path real = fs::canonical(path, ec);
  if (ec)
    return Status::io_error(fmt::format("cannot open file: {}", ec.message()), {.file = path});
  const fs::path base = fs::canonical(root, ec);
  if (ec) return Status::io_error(fmt::format("cannot open: {}", ec.message()), {.file = root});
  const auto [b, r] = std::mismatch(base.begin(), base.end(), real.begin(), real.end());
  if (b != base.end()) {
    return Status::invalid_argument(fmt::format("not under --paths-under {}", root),
                                    {.file = path});
  }
  return Status();
}

}  // namespace

Result<std::string> stream_input(nlohmann::ordered_json& record, const StreamInputLimits& limits,
                                 std::string* path) {
  if (!record.is_object()) return Status::bad_input("expected a JSON object");
  if (record.contains("text") && record["text"].is_string()) {
    *path = "-";
    return std::move(record["text"].get_ref<std::string&>());
  }
  if (record.contains("path") && record["path"].is_string()) {
    *path = record["path"].get<std::string>();
    if (!limits.paths_under.empty()) JB_TRY(check_under(*path, limits.paths_under));
    return batch::read_file(*path, limits.read);
  }
  return Status::bad_input("expected a \"text\" or a \"path\" string");
}

}  // namespace jianbao::cli
