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

OutputSink::OutputSink(const std::string& path) : path_(path) {
  if (path.empty() || path == "-") {
    spool_ = std::tmpfile();
    failed_ = spool_ == nullptr;
  } else {
    file_ = std::make_unique<batch::AtomicWriter>(path);
  }
}

OutputSink::~OutputSink() {
  if (spool_) std::fclose(spool_);
}

void OutputSink::append(std::string_view data) {
  if (file_) {
    file_->append(data);
  } else if (spool_ && std::fwrite(data.data(), 1, data.size(), spool_) != data.size()) {
    failed_ = true;
  }
}

Status OutputSink::commit() {
  if (file_) return file_->commit();
  if (failed_ || std::fflush(spool_) != 0 || std::fseek(spool_, 0, SEEK_SET) != 0) {
    return Status::io_error("cannot write the temporary output file");
  }
  char buf[1 << 16];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, spool_)) > 0;) {
    if (std::fwrite(buf, 1, n, stdout) != n) return Status::io_error("cannot write to stdout");
  }
  if (std::fflush(stdout) != 0) return Status::io_error("cannot write to stdout");
  return Status();
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
