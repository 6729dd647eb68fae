#include "cli_io.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <iostream>
#include <memory>
#include <vector>

#include "jianbao/batch.h"

namespace jianbao::cli {
namespace {

std::atomic<bool> g_interrupted{false};
std::atomic<bool> g_exit_now{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");

// The temporary output file the kExit handler removes: written only with signals held.
char g_temp_path[PATH_MAX + 1] = {};
std::atomic<bool> g_temp_set{false};

extern "C" void on_interrupt(int) {
  g_interrupted.store(true);
  if (g_exit_now.load()) {
    if (g_temp_set.load()) ::unlink(g_temp_path);
    ::_exit(kExitInterrupted);
  }
}

void set_temp_path(const std::string& path) {
  if (path.empty() || path.size() > PATH_MAX) return;
  std::memcpy(g_temp_path, path.c_str(), path.size() + 1);
  g_temp_set.store(true);
}

void clear_temp_path() { g_temp_set.store(false); }

}  // namespace

Result<std::string> read_input(const std::string& path, const batch::ReadLimits& limits) {
  if (path == "-") return batch::read_fd(STDIN_FILENO, "<stdin>", limits);
  return batch::read_file(path, limits);
}

void default_to_stdin(std::vector<std::string>* inputs) {
  if (inputs->empty() && isatty(STDIN_FILENO) == 0) inputs->push_back("-");
}

SignalsHeld::SignalsHeld() {
  sigset_t held;
  sigemptyset(&held);
  sigaddset(&held, SIGINT);
  sigaddset(&held, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &held, &old_);
}

SignalsHeld::~SignalsHeld() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }

int write_stdout(std::string_view data) {
  const SignalsHeld held;
  if (std::fwrite(data.data(), 1, data.size(), stdout) != data.size() || std::fflush(stdout) != 0) {
    return errno != 0 ? errno : EIO;
  }
  return 0;
}

Status write_output(const std::string& path, std::string_view content) {
  const InterruptGuard guard(OnInterrupt::kExit);
  OutputSink sink(path);
  sink.append(content);
  return sink.commit();
}

OutputSink::OutputSink(const std::string& path) : path_(path) {
  if (path.empty() || path == "-") return;
  // Created and registered with signals held: an interrupt either finds it registered (and
  // removes it) or comes before it exists.
  const SignalsHeld held;
  file_ = std::make_unique<batch::AtomicWriter>(path);
  set_temp_path(file_->temp_path());
}

OutputSink::~OutputSink() {
  if (!file_) return;
  const SignalsHeld held;
  file_.reset();  // uncommitted: removes the temporary file
  clear_temp_path();
}

void OutputSink::append(std::string_view data) {
  if (file_) {
    file_->append(data);
  } else if (stdout_errno_ == 0 && !data.empty()) {
    errno = 0;
    stdout_errno_ = write_stdout(data);
  }
}

Status OutputSink::commit() {
  if (file_) {
    const SignalsHeld held;
    Status s = file_->commit();
    clear_temp_path();
    return s;
  }
  if (stdout_errno_ == 0) {
    errno = 0;
    if (std::fflush(stdout) != 0) stdout_errno_ = errno != 0 ? errno : EIO;
  }
  if (stdout_errno_ != 0) {
    return Status::io_error(
        fmt::format("cannot write to stdout: {}", std::strerror(stdout_errno_)));
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
  // Kept until the process ends, never destroyed: freeing its hundred thousand small objects at
  // exit was 3% of a one-bulletin run. (Reachable from here, so no leak checker reports it.)
  static std::vector<std::shared_ptr<const RuleSet>>* kept =
      new std::vector<std::shared_ptr<const RuleSet>>;
  kept->push_back(rules.value());
  return rules.value();
}

InterruptGuard::InterruptGuard(OnInterrupt mode) {
  g_interrupted.store(false);
  g_exit_now.store(mode == OnInterrupt::kExit);
  struct sigaction sa {};
  sa.sa_handler = on_interrupt;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;  // kSetFlag: a write in progress finishes; workers stop between files
  sigaction(SIGINT, &sa, &old_int_);
  sigaction(SIGTERM, &sa, &old_term_);
}

InterruptGuard::~InterruptGuard() {
  sigaction(SIGINT, &old_int_, nullptr);
  sigaction(SIGTERM, &old_term_, nullptr);
  g_exit_now.store(false);
}

const std::atomic<bool>& InterruptGuard::flag() const { return g_interrupted; }

}  // namespace jianbao::cli
