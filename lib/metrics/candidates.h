// Candidate matches of the metric rules in one text, after exclusions and overlap resolution.
#pragma once

#include <unicode/brkiter.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/icu_regex.h"
#include "metrics/candidate.h"
#include "metrics/token_matcher.h"
#include "ruleset/rule_set.h"

namespace jianbao::metrics {

// Holds one matcher per rule so a document's blocks reuse them. Not thread-safe: one per thread.
class CandidateFinder {
 public:
  // `kinds` empty: all kinds but number. `prefilter`: skip the rules rules.prefilter() rules out
  // for a block (the same candidates, found faster).
  CandidateFinder(const RuleSet& rules, const std::vector<MetricKind>& kinds, bool prefilter);

  // Whether this finder was built for these kinds and prefilter choice (so it can be reused).
  bool fits(const std::vector<MetricKind>& kinds, bool prefilter) const {
    return kinds == kinds_ && prefilter == prefilter_;
  }

  // Candidates in `normalized` (width-normalised block text), in text order, non-overlapping
  // within metric kinds other than number; number candidates are resolved among themselves.
  // `masked` spans (code points) take no candidate: names that hold numerals (东北三省).
  // A match attempt that ran out of time (rules.layout.regex_time_limit) loses at most the
  // match at that position; timeouts() lists them for the last find(), so they are reported.
  // The rules see the text without the spaces between CJK characters and after a decimal point
  // (squeeze_cjk_spaces: "上半 年" is 上半年, "3. 2" is 3.2); offsets are still in `normalized`.
  std::vector<Candidate> find(const std::string& normalized,
                              const std::vector<std::pair<int, int>>& masked);

  struct Timeout {
    const std::string* rule_id;
    int offset;  // code points in the block text
  };
  const std::vector<Timeout>& timeouts() const { return timeouts_; }
  // The UTF-16 units the rules' searches have run over since construction, plus the items the
  // token rules tried: the matching work, counted without a clock (linear in the text,
  // tests/regression/metrics_time_limit_test.cpp).
  long long scanned_units() const { return scanned_; }

 private:
  // Matchers are made when a block first opens the rule's gate: a pattern compiles at its first
  // matcher (core::Regex::deferred), and most rules never run on a short bulletin.
  struct Active {
    const MetricRule* rule;
    std::unique_ptr<icu::RegexMatcher> matcher;
    std::vector<int> gate;  // indices into literals_; empty: the rule runs on every block
    size_t filter_index;    // its pattern's index in rules_.prefilter
    int token = -1;         // a token rule (no matcher): its index in tokens_
  };
  struct Exclusion {
    const core::Regex* regex;
    std::unique_ptr<icu::RegexMatcher> matcher;
    std::vector<int> gate;
    size_t filter_index;
    const std::string* id;
  };
  // find() on text whose offsets need no mapping.
  std::vector<Candidate> find_in(const std::string& text,
                                 const std::vector<std::pair<int, int>>& masked);
  // The indices in literals_ of a rule's `requires` literals, added when new.
  std::vector<int> gate_of(const std::vector<std::string>& required);
  // Whether the block `text` holds one of the gate's literals (each looked up once per block).
  bool gate_open(const std::vector<int>& gate, const icu::UnicodeString& text);
  // Length (UTF-16 units) of the counted noun starting at `start`: whole words, up to a stop
  // word or a limit; 0 when there is none.
  int32_t noun_length(const core::MatchText& text, int32_t start, int32_t limit);

  // The block's UTF-16 text for the regex rules and the noun's word breaks, made when first
  // asked for in a block: a rule set whose rules are all token sequences never needs it.
  const core::MatchText& u16_text(const std::string& normalized);

  const RuleSet& rules_;
  std::vector<MetricKind> kinds_;
  bool prefilter_ = false;                  // as asked for (fits)
  const BlockPrefilter* filter_ = nullptr;  // null: no prefilter, or no regex rule to filter
  std::optional<BlockPrefilter::Scratch> scratch_;
  std::vector<char> maybe_;  // per pattern of the prefilter: may it match in the current block
  std::vector<Active> active_;
  // The active token rules, then the token exclusions (from first_token_exclusion_ on, as
  // rules of their own: exclusion_rules_ holds their ids and sequences).
  std::unique_ptr<TokenMatcher> tokens_;
  std::vector<MetricRule> exclusion_rules_;
  size_t first_token_exclusion_ = 0;
  bool has_regex_ = false;  // a regex rule or exclusion is active: ICU may run
  std::optional<core::MatchText> u16_;
  std::unique_ptr<icu::BreakIterator> words_;
  const core::MatchText* words_text_ = nullptr;
  std::vector<Exclusion> exclusions_;
  std::vector<Timeout> timeouts_;
  long long scanned_ = 0;
  // Notes which literals' first UTF-16 units occur in `text`: one pass for all gates, instead
  // of one search per literal (most literals are one character, and most are absent).
  void scan_first_units(const icu::UnicodeString& text);

  // Every rule's gate literals (UTF-16, deduplicated) and, for the current block, whether it
  // holds each: 1 yes, 0 no, -1 not looked up yet.
  std::vector<icu::UnicodeString> literals_;
  std::vector<signed char> present_;
  // unit_slot_[u]: 1 + the index in first_seen_ of UTF-16 unit u when some literal starts with
  // it, else 0; first_slot_[i]: that index for literal i.
  std::vector<uint8_t> unit_slot_;
  std::vector<uint8_t> first_slot_;
  std::vector<char> first_seen_;
  std::vector<icu::UnicodeString> noun_stops_;  // rules_.tables.noun_stops in UTF-16
};

}  // namespace jianbao::metrics
