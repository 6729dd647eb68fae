// File I/O for the commands: reading inputs ("-" is stdin), writing outputs (a file atomically,
// "-" straight to stdout), loading rules, reporting a Status as one stderr line, and SIGINT and
// SIGTERM handling.
#pragma once

#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "batch/atomic_writer.h"
#include "jianbao/batch.h"
#include "jianbao/ruleset.h"
#include "jianbao/status.h"

namespace jianbao::cli {

// Exit codes shared by every command.
constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;         // an input or a check failed, or output could not be written
constexpr int kExitUsage = 2;          // usage, rules or undecodable input
constexpr int kExitInterrupted = 130;  // SIGINT or SIGTERM: 128 + SIGINT, as shells report it

// Reads a whole input under `limits`; "-" is stdin (a pipe or a terminal is fine there).
Result<std::string> read_input(const std::string& path, const batch::ReadLimits& limits = {});

// No input named and stdin is not a terminal: read stdin, as jq and rg do (`cat f | jianbao
// parse`). Makes `inputs` {"-"} then.
void default_to_stdin(std::vector<std::string>* inputs);

// Output written piece by piece. A file goes through a temporary file and a rename at commit(),
// so an input that fails halfway leaves nothing behind; "-" is written to stdout as it comes
// (no staging file: a full or read-only /tmp must not matter), so the all-or-nothing promise
// holds for -o files only. Hold an InterruptGuard while it lives.
class OutputSink {
 public:
  explicit OutputSink(const std::string& path);
  ~OutputSink();
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;
  void append(std::string_view data);
  // kIoError naming the output and the reason when anything failed to be written.
  Status commit();

 private:
  std::string path_;
  std::unique_ptr<batch::AtomicWriter> file_;
  int stdout_errno_ = 0;  // the first failed write to stdout
};

// Writes a whole `content` to `path` through an OutputSink under an InterruptGuard(kExit): a file
// appears whole or not at all, "-" goes to stdout. For commands that build their output in memory
// (trend, diff). Do not call it while another InterruptGuard lives.
Status write_output(const std::string& path, std::string_view content);

// Writes `data` to stdout whole, with SIGINT and SIGTERM held off meanwhile, so an interrupt never
// cuts a record in two. Returns errno of a failed write, else 0.
int write_stdout(std::string_view data);

// Prints "jianbao: <status>" to stderr.
void report(const Status& status);

// Loads the rules (built-in, merged with `dir` when given); reports and returns null on failure.
std::shared_ptr<const RuleSet> load_rules_or_report(const std::string& dir);

// What SIGINT and SIGTERM do while an InterruptGuard lives.
enum class OnInterrupt {
  // Only set flag(): the command stops at a point where no file is half-written (batch, whose
  // workers finish the file they are on and record it).
  kSetFlag,
  // Stop at once: remove the temporary output file (if any, see OutputSink) and _exit(130), even
  // when blocked reading a pipe or deep in parsing one large input.
  kExit,
};

// The previous handlers come back when it is destroyed. One at a time. The handlers only touch
// lock-free atomics, unlink(2) and _exit(2): async-signal-safe.
class InterruptGuard {
 public:
  explicit InterruptGuard(OnInterrupt mode = OnInterrupt::kSetFlag);
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
  const std::atomic<bool>& flag() const;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

// Holds SIGINT and SIGTERM off while it lives (a write or a rename that must finish whole).
class SignalsHeld {
 public:
  SignalsHeld();
  ~SignalsHeld();
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;

 private:
  sigset_t old_{};
};

// Adds the --rules option shared by the commands.
struct CommonArgs {
  std::string rules_dir;
};

}  // namespace jianbao::cli
