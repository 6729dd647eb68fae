// Finds gazetteer keys (place names, aliases, group names) in UTF-8 text in one left-to-right
// pass: leftmost-longest, non-overlapping. The matcher knows nothing about places; callers add
// keys and integer payloads (for example indices into their own gazetteer tables).
//
//   PlaceMatcher m;
//   m.add(province_alias, 0);  // keys come from rules/gazetteer/*.yaml, never from code
//   m.add(city_name, 1);       // where both match at one position, the longer key wins
//   for (const PlaceMatcher::Hit& h : m.find_all(text)) {
//     std::string_view surface = text.substr(h.begin, h.end - h.begin);
//     for (int payload : h.payloads) { ... }
//   }
//
// Keys are stored in a byte trie whose nodes keep their children sorted by byte, so a scan
// walks the trie from each start position without any string compares; a table of the keys'
// first characters lets the scan step over the other characters without entering the trie. Matches
// start only at the first byte of a UTF-8 sequence, so with well-formed keys a hit never begins or
// ends inside a character, even when the text itself holds malformed bytes.
#ifndef JIANBAO_METRICS_PLACE_MATCHER_H_
#define JIANBAO_METRICS_PLACE_MATCHER_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace jianbao::metrics {

// Finds gazetteer keys in UTF-8 text, leftmost-longest, non-overlapping, in one pass.
// Not thread-safe while keys are being added; after the last add(), concurrent find_all()
// calls on the same matcher are safe.
class PlaceMatcher {
 public:
  // Adds a key that resolves to `payload`. A key added twice keeps every payload, in the order
  // they were added (adding the same pair twice keeps both).
  // REQUIRES: `key` is non-empty, well-formed UTF-8 (checked by assert). The matcher copies
  // the key; `key` need not outlive the call.
  void add(std::string_view key, int payload);

  struct Hit {
    size_t begin;  // byte offset into the text of the first byte of the match
    size_t end;    // byte offset one past the last byte of the match
    // Every payload added for the matched key, in insertion order; never empty. Points into
    // the matcher: valid until the matcher is modified (add()) or destroyed.
    std::span<const int> payloads;
  };

  // Scans left to right; at each position takes the longest key that starts there, then
  // continues after it. Positions inside a UTF-8 sequence (continuation bytes) never start a
  // match; malformed bytes are skipped like any unmatched byte. Returns hits in text order,
  // empty if nothing matches or `text` is empty. Never fails.
  std::vector<Hit> find_all(std::string_view text) const;

  // Number of distinct keys added so far.
  size_t key_count() const { return key_count_; }

 private:
  struct Edge {
    unsigned char byte;
    uint32_t child;  // index into nodes_
  };
  struct Node {
    std::vector<Edge> edges;    // sorted by byte
    std::vector<int> payloads;  // non-empty iff a key ends here
  };

  // Returns the child of `node` along `byte`, or kNoNode.
  uint32_t child(uint32_t node, unsigned char byte) const;

  static constexpr uint32_t kNoNode = UINT32_MAX;
  static constexpr size_t kBmpSize = 0x10000;
  std::vector<Node> nodes_ = std::vector<Node>(1);  // nodes_[0] is the root
  size_t key_count_ = 0;
  // first_node_[c]: the trie node reached by the bytes of character c when a key starts with it
  // (Basic Multilingual Plane only), else kNoNode, so a scan skips a text character no key starts
  // with without walking the trie (most characters of a bulletin), and starts from there instead
  // of walking the root's many edges. Empty until the first key.
  std::vector<uint32_t> first_node_;
  // A Bloom filter of the keys' first two characters (both in the one- and three-byte forms),
  // one bit per pair_hash: a scan whose next character makes no pair with the first walks no
  // further. A key whose second character is in no such form needs no bit: text whose next
  // character is in one cannot go on into it, and text whose next is not is always walked.
  static constexpr uint32_t kPairBits = 20;
  static constexpr size_t kPairWords = (size_t{1} << kPairBits) / 64;
  static uint32_t pair_hash(char32_t first, char32_t second) {
    return ((first * 0x9E3779B1U) ^ (second * 0x85EBCA77U)) >> (32 - kPairBits);
  }
  std::vector<uint64_t> pairs_;  // empty until a key of two such characters
};

}  // namespace jianbao::metrics

#endif  // JIANBAO_METRICS_PLACE_MATCHER_H_
