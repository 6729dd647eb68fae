#include "metrics/block_prefilter.h"

#include "core/superset_pattern.h"

#ifdef JB_HAVE_HYPERSCAN
#include <hs/hs.h>
#endif

namespace jianbao::metrics {

#ifdef JB_HAVE_HYPERSCAN

namespace {

constexpr unsigned kFlags = HS_FLAG_UTF8 | HS_FLAG_UCP | HS_FLAG_DOTALL | HS_FLAG_PREFILTER |
                            HS_FLAG_SINGLEMATCH | HS_FLAG_ALLOWEMPTY;

// One database of `patterns` reporting `ids`, or null when Hyperscan refuses any of them (or
// there are none).
hs_database_t* compile_all(const std::vector<std::string>& patterns,
                           const std::vector<unsigned>& ids) {
  if (patterns.empty()) return nullptr;
  std::vector<const char*> expressions;
  for (const std::string& p : patterns) expressions.push_back(p.c_str());
  const std::vector<unsigned> flags(patterns.size(), kFlags);
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  const hs_error_t e = hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                                        static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK,
                                        nullptr, &db, &error);
  if (error) hs_free_compile_error(error);
  if (e != HS_SUCCESS) {
    if (db) hs_free_database(db);
    return nullptr;
  }
  return db;
}

int on_match(unsigned id, unsigned long long, unsigned long long, unsigned, void* context) {
  (*static_cast<std::vector<char>*>(context))[id] = 1;
  return 0;
}

}  // namespace

BlockPrefilter::BlockPrefilter(const std::vector<std::string>& patterns)
    : unfiltered_(patterns.size(), 1) {
  std::vector<std::string> loose;
  std::vector<unsigned> ids;
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (patterns[i].empty()) continue;  // no regex (a token rule): always "maybe"
    if (std::optional<std::string> p = core::superset_pattern(patterns[i])) {
      loose.push_back(std::move(*p));
      ids.push_back(static_cast<unsigned>(i));
    }
  }
  hs_database_t* db = compile_all(loose, ids);
  if (!db) {
    // Some pattern is refused (too long, say): keep the ones that compile alone.
    std::vector<std::string> kept;
    std::vector<unsigned> kept_ids;
    for (size_t k = 0; k < loose.size(); ++k) {
      if (compile_all({loose[k]}, {ids[k]})) {
        kept.push_back(loose[k]);
        kept_ids.push_back(ids[k]);
      }
    }
    loose = std::move(kept);
    ids = std::move(kept_ids);
    db = compile_all(loose, ids);
  }
  if (!db) return;
  database_ = db;
  for (const unsigned id : ids) unfiltered_[id] = 0;
  filtered_ = static_cast<int>(ids.size());
}

bool BlockPrefilter::available() { return true; }

BlockPrefilter::~BlockPrefilter() {
  for (void* s : pool_) hs_free_scratch(static_cast<hs_scratch_t*>(s));
  if (database_) hs_free_database(static_cast<hs_database_t*>(database_));
}

BlockPrefilter::Scratch::Scratch(const BlockPrefilter& filter) : owner_(&filter) {
  if (!filter.database_) return;
  {
    const std::lock_guard<std::mutex> lock(filter.pool_mutex_);
    if (!filter.pool_.empty()) {
      scratch_ = filter.pool_.back();
      filter.pool_.pop_back();
      return;
    }
  }
  hs_scratch_t* s = nullptr;
  if (hs_alloc_scratch(static_cast<hs_database_t*>(filter.database_), &s) == HS_SUCCESS) {
    scratch_ = s;
  }
}

BlockPrefilter::Scratch::~Scratch() {
  if (!scratch_) return;
  const std::lock_guard<std::mutex> lock(owner_->pool_mutex_);
  owner_->pool_.push_back(scratch_);
}

void BlockPrefilter::scan(std::string_view utf8, Scratch* scratch, std::vector<char>* maybe) const {
  *maybe = unfiltered_;
  if (!database_ || !scratch->scratch_ ||
      hs_scan(static_cast<hs_database_t*>(database_), utf8.data(),
              static_cast<unsigned>(utf8.size()), 0, static_cast<hs_scratch_t*>(scratch->scratch_),
              on_match, maybe) != HS_SUCCESS) {
    maybe->assign(unfiltered_.size(), 1);  // no answer: every pattern may match
  }
}

#else  // built without Hyperscan: no filter, every pattern may match

BlockPrefilter::BlockPrefilter(const std::vector<std::string>& patterns)
    : unfiltered_(patterns.size(), 1) {}
// The members only a Hyperscan build uses are read here, so no compiler calls them unused.
BlockPrefilter::~BlockPrefilter() {
  static_cast<void>(database_);
  static_cast<void>(&pool_mutex_);
  static_cast<void>(pool_.size());
}
bool BlockPrefilter::available() { return false; }
BlockPrefilter::Scratch::Scratch(const BlockPrefilter& filter) : owner_(&filter) {}
BlockPrefilter::Scratch::~Scratch() {
  static_cast<void>(owner_);
  static_cast<void>(scratch_);
}
void BlockPrefilter::scan(std::string_view, Scratch*, std::vector<char>* maybe) const {
  *maybe = unfiltered_;
}

#endif

}  // namespace jianbao::metrics
