// The batch manifest: what the last run into an output directory converted, so that the next run
// can skip inputs whose bytes, rules and settings are unchanged.
//
// It is a JSON Lines file (OUTDIR/.jianbao-manifest.jsonl), read and written as a stream so that
// memory does not grow with the corpus. The first line names the format, the settings and the
// rules hash; then, in input order, one line per input converted, followed by that input's lines
// of metrics.jsonl, verbatim:
//   {"schema":"jianbao.batch_manifest/2","settings":{...},"rules":"<sha256>"}
//   {"input":"sub/a.txt","output":"sub/a.json","source":"in/sub/a.txt","sha256":"...",
//    "items":6,"metrics":2}
//   {"schema":"jianbao.metric/1",...}
//   {"schema":"jianbao.metric/1",...}
// The metrics are kept so that metrics.jsonl can list every metric of a run that skipped files.
#pragma once

#include <map>
#include <string>

#include "jianbao/status.h"

namespace jianbao::batch {

struct ManifestEntry {
  std::string input;   // InputFile::relative
  std::string output;  // output name under OUTDIR
  std::string source;  // InputFile::path: it is written into the output, so it must match too
  std::string sha256;  // of the input's bytes
  long long items = 0;
  long long metrics = 0;
  std::string metric_lines{};  // the input's lines of metrics.jsonl, each ending in '\n'
  // Where metric_lines sit in the manifest file it was read from (read_manifest leaves
  // metric_lines empty; read_metric_lines fetches them).
  long long offset = -1;
  long long length = 0;
};

struct Manifest {
  std::string settings;  // a JSON object: tool version, format and parse options
  std::string rules;     // rules_hash()
  std::map<std::string, ManifestEntry> entries;  // by output name
};

// Reads the index of the manifest at `path`: every entry without its metric lines. A missing
// file, or one that is not a whole manifest of this version, gives an empty Manifest, so that
// everything is converted again: the manifest is a cache, never a source of truth.
// `allow_truncated`: a manifest cut short (the progress file of a killed run) keeps the entries
// before the cut.
Manifest read_manifest(const std::string& path, bool allow_truncated = false);

// The metric lines of `entry`, read from the manifest file at `path` it was indexed from.
Result<std::string> read_metric_lines(const std::string& path, const ManifestEntry& entry);

// The first line of a manifest.
std::string manifest_header(const std::string& settings, const std::string& rules);

// The lines of one entry: its own, then its metric_lines.
std::string manifest_entry(const ManifestEntry& entry);

}  // namespace jianbao::batch
