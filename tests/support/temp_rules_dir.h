// A rules directory under the build tree, unique to this process and call, removed on exit: for
// tests that load rule files merged over the built-in ones.
#pragma once

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

namespace jianbao::testing {

class TempRulesDir {
 public:
  explicit TempRulesDir(const char* tag = "rules") {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::path(JB_BINARY).parent_path() / "test_tmp" /
            fmt::format("{}_{}_{}", tag, static_cast<long>(getpid()), counter++);
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempRulesDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempRulesDir(const TempRulesDir&) = delete;
  TempRulesDir& operator=(const TempRulesDir&) = delete;

  void write(const std::string& rel, const std::string& text) const {
    const std::filesystem::path p = path_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace jianbao::testing
