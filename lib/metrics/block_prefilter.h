// One pass over a block for every metric rule: which rules may match in it at all.
//
// Each rule's pattern, loosened by core::superset_pattern, goes into one Hyperscan database
// (HS_FLAG_PREFILTER, one report per pattern). A block where the loosened pattern has no match
// cannot hold a match of the rule, so its ICU matcher is never run there; most rules match in
// few blocks, and ICU's per-block scan was most of the metrics stage. Built without Hyperscan,
// or for a pattern Hyperscan rejects, the answer is always "maybe" and the `requires` gates
// alone apply.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace jianbao::metrics {

class BlockPrefilter {
 public:
  // `patterns`: ICU patterns as written (fragments expanded), in the order scan() reports them;
  // an empty one is not filtered (always "maybe").
  explicit BlockPrefilter(const std::vector<std::string>& patterns);
  ~BlockPrefilter();
  BlockPrefilter(const BlockPrefilter&) = delete;
  BlockPrefilter& operator=(const BlockPrefilter&) = delete;

  // Whether this build has Hyperscan; without it every answer is "maybe".
  static bool available();
  // How many patterns the database holds (the rest always answer "maybe").
  int filtered() const { return filtered_; }

  // Working memory for scan(), one per thread at a time (one per CandidateFinder). Taken from
  // the filter's pool and given back, as allocating it was 2% of a run.
  class Scratch {
   public:
    explicit Scratch(const BlockPrefilter& filter);
    ~Scratch();
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;

   private:
    friend class BlockPrefilter;
    const BlockPrefilter* owner_;
    void* scratch_ = nullptr;  // hs_scratch_t
  };

  // (*maybe)[i] = 1 when pattern i may match in `utf8`, 0 when it cannot.
  void scan(std::string_view utf8, Scratch* scratch, std::vector<char>* maybe) const;

 private:
  void* database_ = nullptr;  // hs_database_t; null without Hyperscan or filtered patterns
  mutable std::mutex pool_mutex_;
  mutable std::vector<void*> pool_;  // hs_scratch_t that no Scratch holds now
  std::vector<char> unfiltered_;     // 1 for patterns outside the database
  int filtered_ = 0;
};

}  // namespace jianbao::metrics
