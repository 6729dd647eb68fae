// The batch runner: a work queue over std::thread, outputs written by the workers, everything that
// spans files (failure reports, metrics.jsonl, the manifest) put together in input order.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "batch/atomic_writer.h"
#include "batch/manifest.h"
#include "core/byte_names.h"
#include "core/sha256.h"
#include "jianbao/batch.h"
#include "jianbao/ruleset.h"

namespace jianbao::batch {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

enum class State { kPending, kConverted, kSkipped, kFailed };

// What became of one input. Written only by the worker that took it, read by the calling thread
// once the worker has marked it finished under the runner's mutex.
struct Slot {
  State state = State::kPending;
  Status error;
  ManifestEntry entry;  // converted and skipped inputs
};

const char* format_name(emit::Format f) {
  switch (f) {
    case emit::Format::kYaml:
      return "yaml";
    case emit::Format::kJsonl:
      return "jsonl";
    default:
      return "json";
  }
}

// Everything besides the input bytes and the rules that changes what an output holds.
std::string settings_json(const BatchOptions& o) {
  Json j;
  j["tool"] = o.tool_version;
  j["format"] = format_name(o.format);
  j["encoding"] = core::escape_invalid_utf8(o.parse.decode.encoding);
  j["fallback_year"] = o.parse.metrics.fallback_year;
  j["kinds"] = Json::array();
  for (MetricKind k : o.parse.metrics.kinds) j["kinds"].push_back(to_string(k));
  j["explain"] = o.emit.explain;
  return j.dump();
}

// The manifest as a run goes: each entry is written (not synced) as its input is committed, so a
// run killed with SIGKILL leaves the entries of what it finished, which the next run takes up.
class ProgressFile {
 public:
  explicit ProgressFile(std::string path) : path_(std::move(path)) {
    ::unlink(path_.c_str());  // a stale one, or a symlink planted in its place
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd_ < 0) error_ = io_error(errno);
  }
  ~ProgressFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  ProgressFile(const ProgressFile&) = delete;
  ProgressFile& operator=(const ProgressFile&) = delete;
  void append(std::string_view data) {
    while (error_.ok() && !data.empty()) {
      const ssize_t n = ::write(fd_, data.data(), data.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) error_ = io_error(errno);
      if (n > 0) data.remove_prefix(static_cast<size_t>(n));
    }
  }
  // Closes it and renames it to `target`.
  Status commit(const std::string& target) {
    if (fd_ >= 0 && ::close(fd_) != 0 && error_.ok()) error_ = io_error(errno);
    fd_ = -1;
    if (error_.ok() && ::rename(path_.c_str(), target.c_str()) != 0) error_ = io_error(errno);
    return error_;
  }

 private:
  Status io_error(int e) const {
    return Status::io_error(fmt::format("cannot write: {}", std::strerror(e)), {.file = path_});
  }
  std::string path_;
  int fd_ = -1;
  Status error_;
};

// Whether a directory on the way from `root` to `rel`'s parent is a symlink: writing through it
// would leave the output tree.
std::string symlinked_dir(const fs::path& root, const std::string& rel) {
  fs::path at = root;
  const fs::path parent = fs::path(rel).parent_path();
  for (const fs::path& part : parent) {
    at /= part;
    struct stat st {};
    if (::lstat(at.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) return at.string();
  }
  return "";
}

// Takes the progress file a killed run left into the manifest: its entries over the manifest's
// (when both were made with the same settings and rules), so that the next run skips them.
void recover_progress(const std::string& manifest_path) {
  const std::string part = manifest_path + kProgressSuffix;
  struct stat st {};
  if (::lstat(part.c_str(), &st) != 0) return;
  const Manifest done = read_manifest(part, /*allow_truncated=*/true);
  if (!done.entries.empty()) {
    const Manifest before = read_manifest(manifest_path);
    AtomicWriter out(manifest_path);
    out.append(manifest_header(done.settings, done.rules));
    const bool same = before.settings == done.settings && before.rules == done.rules;
    for (const auto& [name, entry] : same ? before.entries : Manifest{}.entries) {
      if (done.entries.count(name)) continue;
      auto lines = read_metric_lines(manifest_path, entry);
      if (!lines.ok()) continue;
      ManifestEntry e = entry;
      e.metric_lines = std::move(lines.value());
      out.append(manifest_entry(e));
    }
    for (const auto& [name, entry] : done.entries) {
      auto lines = read_metric_lines(part, entry);
      if (!lines.ok()) continue;
      ManifestEntry e = entry;
      e.metric_lines = std::move(lines.value());
      out.append(manifest_entry(e));
    }
    if (!out.commit().ok()) return;  // the progress stays for the next attempt
  }
  ::unlink(part.c_str());
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

class Runner {
 public:
  Runner(const std::vector<InputFile>& files, const RuleSet& rules, const BatchOptions& options)
      : files_(files),
        rules_(rules),
        opt_(options),
        manifest_path_((fs::path(options.out_dir) / kManifestFile).string()),
        slots_(files.size()),
        finished_(files.size(), false) {}

  Result<Summary> run();

 private:
  bool cancelled() const { return opt_.cancel != nullptr && opt_.cancel->load(); }
  void work();
  void convert(size_t i);
  void convert_or_fail(size_t i);
  bool skip_if_unchanged(size_t i, const std::string& sha, const std::string& out_name);
  void fail(size_t i, Status status, const std::string& out_name);
  void wait_for_workers(size_t threads);
  void commit(size_t i);
  void keep_old_entry(size_t i);
  void remove_stale_outputs();

  const std::vector<InputFile>& files_;
  const RuleSet& rules_;
  const BatchOptions& opt_;
  const std::string manifest_path_;
  const Clock::time_point start_ = Clock::now();
  std::string settings_;
  Manifest old_;          // the last run's manifest index; read-only while the workers run
  bool current_ = false;  // old_ was made with the same settings and rules
  bool reuse_ = false;    // current_, and no --force: unchanged inputs are skipped

  // Written by the calling thread only, in input order, as inputs finish: memory stays flat
  // whatever the number of inputs.
  std::unique_ptr<AtomicWriter> metrics_out_;
  std::unique_ptr<ProgressFile> manifest_out_;
  Summary summary_;

  std::atomic<size_t> next_{0};
  std::vector<Slot> slots_;
  std::mutex mu_;  // guards the members below
  std::condition_variable cv_;
  std::vector<bool> finished_;
  size_t done_ = 0;
  size_t failed_ = 0;
  size_t workers_exited_ = 0;
};

void Runner::fail(size_t i, Status status, const std::string& out_name) {
  slots_[i].state = State::kFailed;
  slots_[i].error = std::move(status);
  // An output an earlier run made for this input would now be stale: nothing is kept for it.
  if (old_.entries.count(core::escape_invalid_utf8(out_name))) {
    std::error_code ignored;
    fs::remove(fs::path(opt_.out_dir) / out_name, ignored);
  }
}

bool Runner::skip_if_unchanged(size_t i, const std::string& sha, const std::string& out_name) {
  if (!reuse_) return false;
  const InputFile& f = files_[i];
  auto it = old_.entries.find(core::escape_invalid_utf8(out_name));
  if (it == old_.entries.end()) return false;
  const ManifestEntry& old = it->second;
  std::error_code ec;
  if (old.input != core::escape_invalid_utf8(f.relative) ||
      old.source != core::escape_invalid_utf8(f.path) || old.sha256 != sha ||
      !fs::exists(fs::path(opt_.out_dir) / out_name, ec)) {
    return false;
  }
  auto lines = read_metric_lines(manifest_path_, old);
  if (!lines.ok()) return false;  // converted again instead
  slots_[i].entry = old;
  slots_[i].entry.metric_lines = std::move(lines.value());
  slots_[i].state = State::kSkipped;
  return true;
}

void Runner::convert(size_t i) {
  const InputFile& f = files_[i];
  const std::string out_name = output_name(f.relative, opt_.format);
  const fs::path out_path = fs::path(opt_.out_dir) / out_name;
  ReadLimits limits = opt_.read;
  limits.cancel = opt_.cancel;
  auto bytes = read_file(f.path, limits);
  if (!bytes.ok()) return fail(i, bytes.status(), out_name);
  const std::string sha = core::sha256_hex(bytes.value());
  if (skip_if_unchanged(i, sha, out_name)) return;
  auto doc = parse_bulletin(bytes.value(), f.path, rules_, opt_.parse);
  if (!doc.ok()) return fail(i, doc.status(), out_name);
  const Document& d = doc.value();
  ManifestEntry entry;
  entry.input = f.relative;
  entry.output = out_name;
  entry.source = f.path;
  entry.sha256 = sha;
  for (const Section& s : d.sections) {
    for (const Item& item : s.items) {
      ++entry.items;
      for (const Metric& m : item.metrics) {
        ++entry.metrics;
        entry.metric_lines += emit::metric_record_text(d, s, item, m, opt_.emit) + "\n";
      }
    }
  }
  const std::string content = emit::emit_document(d, opt_.emit, opt_.format);
  if (cancelled()) return;  // stop promptly; the input stays pending
  if (!opt_.follow_symlinks) {
    if (const std::string link = symlinked_dir(opt_.out_dir, out_name); !link.empty()) {
      return fail(i,
                  Status::io_error("a symlinked directory inside the output directory; "
                                   "--follow-symlinks writes through it",
                                   {.file = link}),
                  out_name);
    }
  }
  std::error_code ec;
  fs::create_directories(out_path.parent_path(), ec);
  // Another worker may have made the same directory at the same moment.
  if (ec && !fs::is_directory(out_path.parent_path())) {
    return fail(i,
                Status::io_error(fmt::format("cannot create directory: {}", ec.message()),
                                 {.file = out_path.parent_path().string()}),
                out_name);
  }
  if (Status s = write_file_atomic(out_path.string(), content); !s.ok()) {
    return fail(i, std::move(s), out_name);
  }
  slots_[i].entry = std::move(entry);
  slots_[i].state = State::kConverted;
}

void Runner::convert_or_fail(size_t i) {
  // A bug met on one input must not take down a run over thousands: it fails that input alone.
  try {
    convert(i);
  } catch (const std::exception& e) {
    fail(i, Status::internal(fmt::format("{}: internal error: {}", files_[i].path, e.what())),
         output_name(files_[i].relative, opt_.format));
  }
}

void Runner::work() {
  while (!cancelled()) {
    const size_t i = next_.fetch_add(1);
    if (i >= files_.size()) break;
    convert_or_fail(i);
    {
      std::lock_guard<std::mutex> lock(mu_);
      finished_[i] = true;
      ++done_;
      if (slots_[i].state == State::kFailed) ++failed_;
    }
    cv_.notify_one();
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++workers_exited_;
  }
  cv_.notify_one();
}

// A pending input (not reached before a cancel): what the last run wrote for it is still there
// and current, so its entry is carried over.
void Runner::keep_old_entry(size_t i) {
  if (!current_) return;
  auto it =
      old_.entries.find(core::escape_invalid_utf8(output_name(files_[i].relative, opt_.format)));
  if (it == old_.entries.end()) return;
  auto lines = read_metric_lines(manifest_path_, it->second);
  if (!lines.ok()) return;  // dropped: converted again next time
  ManifestEntry e = it->second;
  e.metric_lines = std::move(lines.value());
  manifest_out_->append(manifest_entry(e));
}

// Takes in one finished input, in input order, on the calling thread.
void Runner::commit(size_t i) {
  Slot& slot = slots_[i];
  switch (slot.state) {
    case State::kFailed:
      ++summary_.failed;
      summary_.failures.push_back({files_[i].path, slot.error.to_string()});
      if (opt_.on_failure) opt_.on_failure(files_[i], slot.error);
      break;
    case State::kConverted:
    case State::kSkipped:
      ++(slot.state == State::kConverted ? summary_.converted : summary_.skipped);
      summary_.items += slot.entry.items;
      summary_.metrics += slot.entry.metrics;
      manifest_out_->append(manifest_entry(slot.entry));
      metrics_out_->append(slot.entry.metric_lines);
      std::string().swap(slot.entry.metric_lines);
      break;
    case State::kPending:
      keep_old_entry(i);
      break;
  }
}

// Runs on the calling thread until every worker has exited: commits finished inputs in order
// (reporting failures as it goes) and reports progress.
void Runner::wait_for_workers(size_t threads) {
  size_t cursor = 0;
  Clock::time_point last_progress = start_;
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    size_t end = cursor;
    while (end < files_.size() && finished_[end]) ++end;
    if (end > cursor) {
      // Finished slots are no longer touched by the workers: no lock needed to read them.
      lock.unlock();
      for (; cursor < end; ++cursor) commit(cursor);
      lock.lock();
      continue;
    }
    if (workers_exited_ == threads) break;
    if (opt_.on_progress && Clock::now() - last_progress >= opt_.progress_interval) {
      last_progress = Clock::now();
      const Progress p{.done = done_,
                       .total = files_.size(),
                       .failed = failed_,
                       .seconds = seconds_since(start_)};
      lock.unlock();
      opt_.on_progress(p);
      lock.lock();
    }
    cv_.wait_for(lock, opt_.progress_interval);
  }
  lock.unlock();
  for (; cursor < files_.size(); ++cursor) commit(cursor);  // never started: pending
}

// What the last run wrote that this one did not: an output of an input that is gone (with
// --prune), or of an input still here in another format (replaced). Only names the manifest gave
// that stay inside OUTDIR are touched.
void Runner::remove_stale_outputs() {
  std::set<std::string> outputs;
  std::set<std::string> inputs;
  for (const InputFile& f : files_) {
    outputs.insert(output_name(f.relative, opt_.format));
    inputs.insert(f.relative);
  }
  for (const auto& [name, entry] : old_.entries) {
    if (outputs.count(name)) continue;
    if (!opt_.prune && !inputs.count(entry.input)) continue;
    const fs::path rel = fs::path(name).lexically_normal();
    if (rel.empty() || rel.is_absolute() || *rel.begin() == "..") continue;
    std::error_code ignored;
    fs::remove(fs::path(opt_.out_dir) / rel, ignored);
  }
}

Result<Summary> Runner::run() {
  if (opt_.format != emit::Format::kJson && opt_.format != emit::Format::kJsonl &&
      opt_.format != emit::Format::kYaml) {
    return Status::invalid_argument("batch writes json, jsonl or yaml");
  }
  if (opt_.out_dir.empty()) return Status::invalid_argument("no output directory");
  std::error_code ec;
  fs::create_directories(opt_.out_dir, ec);
  if (ec || !fs::is_directory(opt_.out_dir)) {
    return Status::io_error("cannot create the output directory", {.file = opt_.out_dir});
  }
  settings_ = settings_json(opt_);
  summary_.stale_temp_files = remove_stale_temp_files(opt_.out_dir);
  recover_progress(manifest_path_);
  old_ = read_manifest(manifest_path_);
  current_ = old_.settings == settings_ && old_.rules == rules_hash(rules_);
  reuse_ = current_ && !opt_.force;
  const fs::path dir(opt_.out_dir);
  metrics_out_ = std::make_unique<AtomicWriter>((dir / kMetricsFile).string());
  manifest_out_ = std::make_unique<ProgressFile>(manifest_path_ + kProgressSuffix);
  manifest_out_->append(manifest_header(settings_, rules_hash(rules_)));

  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const size_t wanted = opt_.jobs > 0 ? static_cast<size_t>(opt_.jobs) : cores;
  const size_t threads = std::max<size_t>(1, std::min(wanted, files_.size()));
  std::vector<std::thread> pool;
  for (size_t t = 0; t < threads; ++t) {
    try {
      pool.emplace_back([this] { work(); });
    } catch (const std::system_error&) {
      break;  // fewer threads than asked for is slower, not wrong
    }
  }
  if (pool.empty()) work();
  wait_for_workers(pool.empty() ? 1 : pool.size());
  for (std::thread& t : pool) t.join();

  Summary& s = summary_;
  s.files = files_.size();
  s.cancelled = cancelled() && s.converted + s.skipped + s.failed < s.files;
  s.seconds = std::round(seconds_since(start_) * 1000) / 1000;
  s.not_taken = opt_.not_taken;
  if (s.cancelled) {
    // No metrics.jsonl or summary.json for a run that did not finish; the manifest records what
    // was done, so the next run takes up from there.
    metrics_out_->abort();
    JB_TRY(manifest_out_->commit(manifest_path_));
  } else {
    remove_stale_outputs();
    // summary.json is written even when the others fail (a full disk), so it lists what failed.
    Status first = metrics_out_->commit();
    if (Status m = manifest_out_->commit(manifest_path_); first.ok()) first = m;
    if (!first.ok()) {
      // Most likely a full disk: the manifest (a cache, as large as metrics.jsonl) goes, so
      // that summary.json has room to say what failed.
      ::unlink(manifest_path_.c_str());
      ::unlink((manifest_path_ + kProgressSuffix).c_str());
    }
    Status sum = write_file_atomic((dir / kSummaryFile).string(), summary_json(s).dump(2) + "\n");
    JB_TRY(first);
    JB_TRY(sum);
  }
  if (opt_.on_progress) {
    opt_.on_progress({.done = s.converted + s.skipped + s.failed,
                      .total = s.files,
                      .failed = s.failed,
                      .seconds = seconds_since(start_)});
  }
  return s;
}

}  // namespace

Result<Summary> run_batch(const std::vector<InputFile>& files, const RuleSet& rules,
                          const BatchOptions& options) {
  Runner runner(files, rules, options);
  return runner.run();
}

Json summary_json(const Summary& s) {
  Json j;
  j["schema"] = "jianbao.batch_summary/1";
  j["files"] = s.files;
  j["converted"] = s.converted;
  j["skipped"] = s.skipped;
  j["failed"] = s.failed;
  j["items"] = s.items;
  j["metrics"] = s.metrics;
  j["failures"] = Json::array();
  for (const Failure& f : s.failures) {
    Json one = {{"file", core::escape_invalid_utf8(f.file)},
                {"error", core::escape_invalid_utf8(f.error)}};
    if (core::needs_escaping(f.file)) one["file_bytes"] = core::hex_bytes(f.file);
    j["failures"].push_back(std::move(one));
  }
  j["not_taken"] = Json::array();
  for (const SkippedInput& n : s.not_taken) {
    j["not_taken"].push_back({{"file", core::escape_invalid_utf8(n.path)}, {"reason", n.reason}});
  }
  j["seconds"] = s.seconds;
  return j;
}

}  // namespace jianbao::batch
