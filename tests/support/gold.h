// Compares a parsed Document with a hand-written *.gold.yaml (the format of
// ../shared/seeds/*.gold.yaml): structure exactly, metrics by kind and normalised value.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "jianbao/document.h"

namespace jianbao::testing {

// Metric counts of one kind: recall is found/gold, precision in_gold/reported.
struct KindScore {
  int gold = 0;
  int found = 0;
  int reported = 0;
  int in_gold = 0;
};

struct GoldReport {
  std::vector<std::string> structure_errors;  // any is a failure
  int gold_metrics = 0;                       // metrics the gold file lists
  int found_metrics = 0;                      // of those, found in the right item
  int reported_metrics = 0;                   // distinct metrics reported, in gold kinds
  int reported_in_gold = 0;                   // of those, listed in the gold file
  std::vector<std::string> misses;            // gold metrics not found
  std::vector<std::string> extras;            // reported metrics not in the gold file
  std::vector<std::string> trap_hits;         // metrics taken from a trap
  std::vector<std::string> province_errors;
  std::map<std::string, KindScore> kinds;  // the counts above, per metric kind
  double recall() const { return gold_metrics ? 1.0 * found_metrics / gold_metrics : 1.0; }
  double precision() const {
    return reported_metrics ? 1.0 * reported_in_gold / reported_metrics : 1.0;
  }
};

// Reads the gold file at `gold_path` and compares; a gold file that cannot be read is reported
// as a structure error.
GoldReport compare_with_gold(const Document& doc, const std::string& gold_path);

// The path of this checkout's file, and of ../shared (empty when absent).
std::string source_path(const std::string& relative);
std::string shared_path(const std::string& relative);

// The sample bulletins (samples/*.txt, sorted) and, with `with_seed`, the seed from ../shared
// when it is there (a MESSAGE says so when it is not).
std::vector<std::string> bulletin_paths(bool with_seed);
// A file's bytes; "" when it cannot be read.
std::string read_bytes(const std::string& path);

}  // namespace jianbao::testing
