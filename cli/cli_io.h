// File I/O for the commands: reading inputs ("-" is stdin), writing outputs atomically ("-" is
// stdout), loading rules, reporting a Status as one stderr line, and turning Ctrl-C into a flag.
#pragma once

#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "batch/atomic_writer.h"
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

// Output written piece by piece and put in place whole by commit(): a file through a temporary
// file and a rename, "-" through an unnamed temporary file copied to stdout at the end. An input
// that fails halfway leaves nothing behind, and memory does not grow with the output. Hold an
// InterruptGuard while it lives, so that Ctrl-C cannot leave the temporary file behind.
class OutputSink {
 public:
  explicit OutputSink(const std::string& path);
  ~OutputSink();
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;
  void append(std::string_view data);
  Status commit();

 private:
  std::string path_;
  std::unique_ptr<batch::AtomicWriter> file_;
  std::FILE* spool_ = nullptr;
  bool failed_ = false;
};

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
