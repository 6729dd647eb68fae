// File I/O for the commands: reading inputs ("-" is stdin), writing outputs atomically ("-" is
// stdout), loading rules, reporting a Status as one stderr line, and turning Ctrl-C into a flag.
#pragma once

#include <atomic>
#include <csignal>
#include <memory>
#include <string>
#include <vector>

#include "jianbao/ruleset.h"
#include "jianbao/status.h"

namespace jianbao::cli {

// Exit codes shared by every command.
constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;         // an input or a check failed
constexpr int kExitUsage = 2;          // usage, rules or undecodable input
constexpr int kExitInterrupted = 130;  // SIGINT or SIGTERM: 128 + SIGINT, as shells report it

Result<std::string> read_input(const std::string& path);

// Writes `content` to `path` through a temporary file in the same directory and a rename, so a
// reader never sees half a file. "-" writes to stdout.
Status write_output(const std::string& path, const std::string& content);

// Prints "jianbao: <status>" to stderr.
void report(const Status& status);

// Loads the rules (built-in, merged with `dir` when given); reports and returns null on failure.
std::shared_ptr<const RuleSet> load_rules_or_report(const std::string& dir);

// While it lives, SIGINT and SIGTERM only set flag() (the handler does nothing else, so it is
// async-signal-safe), and the command stops at a point where no file is half-written. The
// previous handlers come back when it is destroyed. One at a time.
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
  const std::atomic<bool>& flag() const;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

// Adds the --rules option shared by the commands.
struct CommonArgs {
  std::string rules_dir;
};

}  // namespace jianbao::cli
