// Runs the metric rules written as token sequences (metrics/token_rule.h) over a block in one
// pass: each code point is looked up once in a table of the rules that may begin there, and
// only those are tried. Each rule's matches are found as a regex search finds them: leftmost
// first, the next one searched from where the last one ended.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "metrics/candidate.h"
#include "metrics/figure_reader.h"
#include "metrics/token_rule.h"
#include "ruleset/rule_set.h"

namespace jianbao::metrics {

// The text of field `field` (an index in token_fields()) of `c`; "" for the noun, which a
// Candidate holds in its unit once it is cut (noun_at).
const std::string& captured_field(const Captures& c, size_t field);

class TokenMatcher {
 public:
  // `rules`: the rules to run, each with a token sequence; they must outlive the matcher.
  TokenMatcher(const TokenClasses& classes, std::vector<const MetricRule*> rules);

  bool empty() const { return rules_.empty(); }

  // Finds the matches in `text` (UTF-8, as the rules see it); matches(r) then holds rule r's
  // (r indexes the rules given), in text order. Offsets are code points.
  void find(std::string_view text);
  std::vector<Candidate>& matches(size_t r) { return found_[r]; }
  // Where the k-th match of rule r captured its noun (code points), -1 when it did not.
  int noun_at(size_t r, size_t k) const { return nouns_[r][k]; }
  // The items tried since construction: the matching work, counted without a clock.
  long long steps() const { return steps_; }

 private:
  // Classes of a code point for figures (NumberChars), as bits.
  enum : uint8_t {
    kDigit = 1,
    kGroup = 2,
    kPoint = 4,
    kMultiplier = 8,
    kCnDigit = 16,
    kCnUnit = 32,
    kCnPoint = 64,
    kNegative = 128,
  };
  uint8_t char_class(int pos) const {
    if (pos < 0 || pos >= size_) return 0;
    const char32_t c = cps_[static_cast<size_t>(pos)];
    return c < kTable ? number_class_[c] : 0;
  }
  bool is(int pos, uint8_t bits) const { return (char_class(pos) & bits) != 0; }
  // The ends of the figures that start at `pos`, in the order a backtracking regex tries them
  // (appended to ends_).
  void number_ends(int pos);
  void arabic_ends(int pos, std::vector<int>* out);
  // Whether rule_'s items from `i` on match at `pos`; sets end_ and the captures when so.
  bool match_from(size_t i, int pos);
  // Whether one of the alternatives of the group opened at item i matches from `pos`.
  bool alternatives_from(size_t i, int pos);
  // Whether the lookaround opened at item i finds its text at `pos` (before it: a lookbehind).
  bool look_finds(size_t i, int pos);
  int word_at(const std::u32string& w, int pos) const;
  // Whether what follows item t may begin at `pos` (TokenItem::follow).
  bool follows(const TokenItem& t, int pos) const {
    return t.follow_any || (pos < size_ && std::binary_search(t.follow.begin(), t.follow.end(),
                                                              cps_[static_cast<size_t>(pos)]));
  }

  static constexpr char32_t kTable = 0x10000;
  // Lists of indices (rules or anchor sets) by code point: class_of[c] names c's list in
  // lists (0: the empty one), so the table is small and code points that share a list share it.
  struct ByChar {
    std::vector<uint32_t> class_of;  // per code point below kTable
    std::vector<std::vector<uint32_t>> lists;
    std::vector<std::pair<char32_t, uint32_t>> wide;  // code points past the table, sorted
    void build(const std::vector<std::pair<char32_t, uint32_t>>& entries);
    // Calls f(index) for each index listed for c, in increasing order.
    template <class F>
    void for_each(char32_t c, F f) const {
      if (c < kTable) {
        for (const uint32_t i : lists[class_of[c]]) f(i);
        return;
      }
      auto it = std::lower_bound(wide.begin(), wide.end(), std::pair<char32_t, uint32_t>{c, 0});
      for (; it != wide.end() && it->first == c; ++it) f(it->second);
    }
  };
  // The words of an anchor set that begin with one code point: by_char[from, to) of the set;
  // one_char: the first of them is that code point alone (any position holding it holds one).
  struct AnchorKey {
    size_t set;
    size_t from, to;
    bool one_char;
  };
  // Whether the words of key k (whose code point is at `pos`) hold one at `pos`.
  bool anchor_at(const AnchorKey& k, int pos) const;
  // Whether each anchor set of rule r with a reach has a word near enough after `pos` for a
  // match to begin there (TokenAnchor). Asked at increasing positions only.
  bool anchors_in_reach(size_t r, int pos);

  std::vector<const MetricRule*> rules_;
  std::vector<uint8_t> number_class_;  // per code point below kTable
  ByChar starts_;  // the rules whose matches may begin with a code point (first_chars)
  // The distinct word sets of the rules' anchors (TokenSequence::anchors), and for the current
  // block where it holds a word of each.
  struct AnchorSet {
    std::vector<std::u32string> words;
    std::vector<std::pair<char32_t, int>> by_char;  // (first code point, index in words), sorted
    std::vector<int> at;                            // code points where one begins, increasing
    size_t next = 0;       // anchors_in_reach: the first of `at` not before the last position asked
    bool bounded = false;  // some rule gives it a reach: `at` lists every word, else the first
  };
  std::vector<AnchorSet> anchor_sets_;
  std::vector<AnchorKey> anchor_keys_;
  ByChar anchor_starts_;  // the anchor keys of a code point (indices in anchor_keys_)
  struct RuleAnchor {
    size_t set;  // in anchor_sets_
    int reach;   // TokenAnchor::reach
  };
  std::vector<std::vector<RuleAnchor>> rule_anchors_;  // per rule
  std::vector<char> possible_;  // per rule: the block holds each of its anchor sets

  // The block being matched, and the state of one match attempt.
  std::u32string cps_;
  std::vector<size_t> bytes_;  // byte offset of each code point, plus the end
  int size_ = 0;
  const TokenSequence* seq_ = nullptr;
  std::vector<int> cap_begin_, cap_end_;  // per field
  std::vector<int> open_at_;              // per item: where its group began
  std::vector<int>
      look_end_;  // per item: where its lookbehind's text must end, or its atomic group ended
  std::vector<int> ends_;  // figure ends, a stack shared by the attempt's frames
  int cached_at_ = -1;     // where the figure of cached_ begins
  std::vector<int> cached_;
  FigureReader figures_;  // NUMX
  // The NUMX figures read at figure_at_, by form (rules read the same one in turn).
  int figure_at_ = -1;
  std::vector<std::pair<const FigureForm*, int>> figure_ends_;
  int figure_end(int pos, const FigureForm& form);
  std::vector<int> tails_, levels_;  // number_ends' chain
  int end_ = 0;
  long long steps_ = 0;
  std::vector<int> resume_;   // per rule: where its next search starts
  std::vector<int> counted_;  // per code point: how many before it anchor_reach counts
  std::vector<std::vector<Candidate>> found_;
  std::vector<std::vector<int>> nouns_;
};

}  // namespace jianbao::metrics
