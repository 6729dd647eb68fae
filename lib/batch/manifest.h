// The batch manifest: what the last run into an output directory converted, so that the next run
// can skip inputs whose bytes, rules and settings are unchanged.
//
// It is a JSON Lines file (OUTDIR/.jianbao-manifest.jsonl). The first line names the format, the
// settings and the rules hash; each further line is one input converted, in input order:
//   {"schema":"jianbao.batch_manifest/1","settings":{...},"rules":"<sha256>"}
//   {"input":"sub/a.txt","output":"sub/a.json","source":"in/sub/a.txt","sha256":"...",
//    "items":6,"metrics":[{...},...]}
// The metrics are kept so that metrics.jsonl can list every metric of a run that skipped files.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "jianbao/status.h"

namespace jianbao::batch {

struct ManifestEntry {
  std::string input;   // InputFile::relative
  std::string output;  // output name under OUTDIR
  std::string source;  // InputFile::path: it is written into the output, so it must match too
  std::string sha256;  // of the input's bytes
  long long items = 0;
  long long metrics = 0;
  std::string metric_lines;  // the input's lines of metrics.jsonl, each ending in '\n'
};

struct Manifest {
  std::string settings;  // a JSON object: tool version, format and parse options
  std::string rules;     // rules_hash()
  std::map<std::string, ManifestEntry> entries;  // by output name
};

// Parses a manifest. A file that is not a manifest of this version gives an empty Manifest, so
// that everything is converted again: the manifest is a cache, never a source of truth.
Manifest parse_manifest(const std::string& text);

// The manifest text: the header, then `entries` in the order given.
std::string format_manifest(const std::string& settings, const std::string& rules,
                            const std::vector<const ManifestEntry*>& entries);

}  // namespace jianbao::batch
