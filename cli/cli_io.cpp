#include "cli_io.h"

#include <cstdio>
#include <iostream>
#include <sstream>

#include "jianbao/batch.h"

namespace jianbao::cli {
namespace {

std::atomic<bool> g_interrupted{false};
std::atomic<int> g_signal{0};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");

extern "C" void on_interrupt(int sig) {
  g_signal.store(sig);
  g_interrupted.store(true);
}

}  // namespace

Result<std::string> read_input(const std::string& path) {
  if (path == "-") {
    std::ostringstream buf;
    buf << std::cin.rdbuf();
    return buf.str();
  }
  return batch::read_file(path);
}

Status write_output(const std::string& path, const std::string& content) {
  if (path == "-" || path.empty()) {
    std::fwrite(content.data(), 1, content.size(), stdout);
    std::fflush(stdout);
    return Status();
  }
  Status status;
  int sig = 0;
  {
    // A Ctrl-C during the write waits until the file is whole and in place, then takes effect.
    const InterruptGuard guard;
    status = batch::write_file_atomic(path, content);
    sig = g_signal.load();
  }
  if (sig != 0) std::raise(sig);
  return status;
}

void report(const Status& status) { std::cerr << "jianbao: " << status.to_string() << "\n"; }

std::shared_ptr<const RuleSet> load_rules_or_report(const std::string& dir) {
  auto rules = load_rules({.override_dir = dir});
  if (!rules.ok()) {
    report(rules.status());
    return nullptr;
  }
  return rules.value();
}

InterruptGuard::InterruptGuard() {
  g_interrupted.store(false);
  g_signal.store(0);
  struct sigaction sa {};
  sa.sa_handler = on_interrupt;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;  // a write in progress finishes; the workers stop between files
  sigaction(SIGINT, &sa, &old_int_);
  sigaction(SIGTERM, &sa, &old_term_);
}

InterruptGuard::~InterruptGuard() {
  sigaction(SIGINT, &old_int_, nullptr);
  sigaction(SIGTERM, &old_term_, nullptr);
}

const std::atomic<bool>& InterruptGuard::flag() const { return g_interrupted; }

}  // namespace jianbao::cli
