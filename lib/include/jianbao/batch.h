// Batch conversion: many bulletins in, one output file each, on every core.
//
// find_inputs() expands files and directories into a stable list of InputFiles; run_batch()
// parses them on a pool of threads that share one immutable RuleSet, writes each output from its
// worker through a temporary file and a rename, and streams, in input order as inputs finish,
// OUTDIR/metrics.jsonl (every metric of the run) and the manifest that lets the next run skip
// inputs whose bytes, rules and settings are unchanged; OUTDIR/summary.json comes last. Memory does
// not grow with the number of inputs beyond a few hundred bytes each. Every output except the
// "seconds" field of summary.json is byte-identical whatever the number of threads.
//
//   auto files = jianbao::batch::find_inputs({"samples"}, "*.txt", "out");
//   auto rules = jianbao::load_rules({});
//   auto summary = jianbao::batch::run_batch(files.value(), *rules.value(), {.out_dir = "out"});
//   if (!summary.ok() || summary.value().failed > 0) return 1;
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "jianbao/emit.h"
#include "jianbao/pipeline.h"
#include "jianbao/status.h"

namespace jianbao {

class RuleSet;

namespace batch {

// The files OUTDIR holds besides the outputs; no input may map onto them.
inline constexpr const char* kMetricsFile = "metrics.jsonl";
inline constexpr const char* kSummaryFile = "summary.json";
inline constexpr const char* kManifestFile = ".jianbao-manifest.jsonl";
// The manifest of the run in progress, beside it: kManifestFile + kProgressSuffix.
inline constexpr const char* kProgressSuffix = ".part";

// What reading an input may take in. A bulletin is some kilobytes to a few megabytes; the cap
// stops /dev/zero, a file that grows while read or a mistaken multi-gigabyte file before memory
// runs out.
inline constexpr unsigned long long kDefaultMaxBytes = 128ull << 20;  // 128 MiB, --max-bytes
struct ReadLimits {
  unsigned long long max_bytes = kDefaultMaxBytes;  // 0: no cap
  bool allow_special = false;  // read FIFOs, devices and sockets too (--allow-special)
  const std::atomic<bool>* cancel = nullptr;  // checked between reads: a SIGINT flag
};

// One input of a batch.
struct InputFile {
  std::string path;      // as it will be opened and named in messages and records
  std::string relative;  // its path under the input directory ("sub/a.txt"), '/'-separated
};

// Expands `inputs` (files and directories) into the files to convert. A directory is walked
// recursively and gives the files whose name matches `glob` (fnmatch(3), e.g. "*.txt"), sorted by
// relative path; a file named on its own is taken whatever its name, with its file name as its
// relative path. Inputs keep the order of `inputs`. Anything under `exclude_dir` (the output
// directory; may be empty) is skipped, and so are FIFOs, sockets and devices found in a walk.
// Fails with kInvalidArgument when an input does not exist, when two inputs would write the same
// output name (for any output format) or when an output name is one of the files above; the Status
// names the input.
// A walk does not leave the input tree: a symlink is taken only when it resolves inside it, and a
// symlinked directory is not entered, unless `follow_symlinks`. What a walk does not take (those
// symlinks, FIFOs, sockets, devices) is added to *skipped (when given), with the reason. A file
// named on its own is taken as named, symlink or not.
struct SkippedInput {
  std::string path;
  std::string reason;
};
// What find_inputs() did not take; listed in summary.json as "not_taken".
using Skipped = std::vector<SkippedInput>;
Result<std::vector<InputFile>> find_inputs(const std::vector<std::string>& inputs,
                                           const std::string& glob, const std::string& exclude_dir,
                                           bool follow_symlinks = false,
                                           std::vector<SkippedInput>* skipped = nullptr);

// The output name of an input: its relative path with the extension replaced by the format's
// (".json", ".jsonl" or ".yaml"): "sub/a.txt" -> "sub/a.json".
std::string output_name(const std::string& relative, emit::Format format);

struct Progress {
  std::size_t done = 0;  // files finished (converted, skipped or failed)
  std::size_t total = 0;
  std::size_t failed = 0;
  double seconds = 0;  // since run_batch started
};

struct BatchOptions {
  std::string out_dir;                        // created when missing
  emit::Format format = emit::Format::kJson;  // kJson, kJsonl or kYaml; not kCsv
  int jobs = 0;                               // worker threads; 0: one per core
  bool force = false;                         // convert even what the manifest says is current
  // Remove the outputs the last run made for inputs that are not in this run. Outputs of an
  // input in this run written in another format are removed whatever this says (a format change
  // replaces them).
  bool prune = false;
  // Write through symlinked directories inside out_dir; without it such an output fails.
  bool follow_symlinks = false;
  ReadLimits read{};  // for every input (cancel: set from `cancel` below)
  ParseOptions parse{};
  emit::EmitOptions emit{};
  // Identifies the program in the manifest, so that a new version redoes everything.
  std::string tool_version{};
  // When it becomes true (a SIGINT handler may set it), no new file is started and run_batch
  // returns after the running ones with Summary::cancelled set; outputs already renamed into
  // place stay and are recorded in the manifest; metrics.jsonl and summary.json are not written.
  const std::atomic<bool>* cancel = nullptr;
  // Called on the calling thread at most every `progress_interval` while files are running and
  // once at the end.
  std::function<void(const Progress&)> on_progress{};
  std::chrono::milliseconds progress_interval{100};
  // Called on the calling thread for each failed input, in input order, as soon as every input
  // before it has finished. The Status names the file.
  std::function<void(const InputFile&, const Status&)> on_failure{};
  Skipped not_taken{};  // find_inputs()' skipped list, for summary.json
};

struct Failure {
  std::string file;   // InputFile::path
  std::string error;  // Status::to_string()
};

struct Summary {
  std::size_t files = 0;      // inputs given
  std::size_t converted = 0;  // parsed and written in this run
  std::size_t skipped = 0;    // unchanged since the last run (see BatchOptions::force)
  std::size_t failed = 0;     // nothing written for them
  long long items = 0;        // over every input converted or skipped
  long long metrics = 0;
  double seconds = 0;
  bool cancelled = false;
  std::vector<Failure> failures;  // in input order
  Skipped not_taken;              // copied from BatchOptions::not_taken
  int stale_temp_files = 0;       // left by a killed run, removed at the start
};

// Converts `files` into options.out_dir. A file that cannot be read, decoded or written is a
// failure of that file only: its output (and any output an earlier run made for it) is removed,
// and the run goes on. The manifest is committed as inputs finish (OUTDIR/.jianbao-manifest.jsonl
// .part, renamed over the manifest at the end), so a run killed with SIGKILL is taken up where it
// stopped; temporary files such a run left are removed first. Returns the Summary; fails only
// when the output directory, metrics.jsonl, summary.json or the manifest cannot be written
// (kIoError, naming the file and the reason; summary.json is still attempted so it lists what
// failed) or the options are invalid (kInvalidArgument). `rules` must outlive the call; it is
// shared read-only by the threads.
Result<Summary> run_batch(const std::vector<InputFile>& files, const RuleSet& rules,
                          const BatchOptions& options);

// summary.json: {"schema", "files", "converted", "skipped", "failed", "items", "metrics",
// "failures": [{"file", "error", "file_bytes"?}], "not_taken": [{"file", "reason"}], "seconds"}.
// A file name that is no UTF-8 is escaped (core/byte_names.h), with its bytes in "file_bytes".
nlohmann::ordered_json summary_json(const Summary& summary);

// Reads a whole file. kIoError names `path` and says why (strerror) when it cannot be opened or
// read, is a directory, is not a regular file (unless limits.allow_special; a FIFO is never
// waited on to open) or holds more than limits.max_bytes.
Result<std::string> read_file(const std::string& path);
Result<std::string> read_file(const std::string& path, const ReadLimits& limits);
// Reads `fd` to its end under `limits`; `path` names it in messages.
Result<std::string> read_fd(int fd, const std::string& path, const ReadLimits& limits);

// Writes `content` to `path` through a temporary file beside it (see atomic_writer.h) and a rename,
// so a reader never sees half a file; the temporary file is removed on failure. Creates no
// directories.
Status write_file_atomic(const std::string& path, const std::string& content);

}  // namespace batch
}  // namespace jianbao
