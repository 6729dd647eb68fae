#include "metrics/place_matcher.h"

#include <algorithm>
#include <cassert>

namespace jianbao::metrics {
namespace {

// A UTF-8 continuation byte (10xxxxxx) is never the first byte of a character.
bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Well-formedness as in Unicode Table 3-7: no overlongs, no surrogates, nothing past U+10FFFF.
[[maybe_unused]] bool is_well_formed_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    size_t len = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b0 < 0x80) {
      len = 1;
    } else if (b0 >= 0xC2 && b0 <= 0xDF) {
      len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      len = 3;
      if (b0 == 0xE0) lo = 0xA0;
      if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      len = 4;
      if (b0 == 0xF0) lo = 0x90;
      if (b0 == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (s.size() - i < len) return false;
    for (size_t k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if (k == 1 ? (b < lo || b > hi) : !is_continuation(b)) return false;
    }
    i += len;
  }
  return true;
}

// The code point of a one- or three-byte UTF-8 sequence at text[pos] and its length, or length
// 0 for anything else (two- and four-byte sequences, malformed bytes), which the caller walks
// the trie for. The three-byte formula is one-to-one on lead byte plus two continuation bytes,
// so text bytes that begin a key give that key's first code point.
size_t bmp_at(std::string_view text, size_t pos, char32_t* cp) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  if ((b0 & 0xF0) != 0xE0 || text.size() - pos < 3) return 0;
  const auto b1 = static_cast<unsigned char>(text[pos + 1]);
  const auto b2 = static_cast<unsigned char>(text[pos + 2]);
  if (!is_continuation(b1) || !is_continuation(b2)) return 0;
  *cp = (static_cast<char32_t>(b0 & 0x0F) << 12) | (static_cast<char32_t>(b1 & 0x3F) << 6) |
        static_cast<char32_t>(b2 & 0x3F);
  return 3;
}

}  // namespace

uint32_t PlaceMatcher::child(uint32_t node, unsigned char byte) const {
  const std::vector<Edge>& edges = nodes_[node].edges;
  // Most nodes have a few edges: a scan beats a bisection there.
  if (edges.size() <= 8) {
    for (const Edge& e : edges) {
      if (e.byte >= byte) return e.byte == byte ? e.child : kNoNode;
    }
    return kNoNode;
  }
  auto it = std::lower_bound(edges.begin(), edges.end(), byte,
                             [](const Edge& e, unsigned char b) { return e.byte < b; });
  return (it != edges.end() && it->byte == byte) ? it->child : kNoNode;
}

void PlaceMatcher::add(std::string_view key, int payload) {
  assert(!key.empty() && "PlaceMatcher::add: empty key");
  assert(is_well_formed_utf8(key) && "PlaceMatcher::add: key is not well-formed UTF-8");
  // An empty key would end at the root, which find_all never reports; dropping it keeps
  // release builds from storing a payload nobody can reach.
  if (key.empty()) return;
  // Keys that start outside the one- and three-byte forms are always walked (bmp_at gives 0).
  char32_t first = 0;
  const size_t first_len = bmp_at(key, 0, &first);
  if (first_node_.empty()) first_node_.assign(kBmpSize, kNoNode);
  uint32_t node = 0;
  for (size_t k = 0; k < key.size(); ++k) {
    if (first_len > 0 && k == first_len) first_node_[first] = node;
    const auto byte = static_cast<unsigned char>(key[k]);
    std::vector<Edge>& edges = nodes_[node].edges;
    auto it = std::lower_bound(edges.begin(), edges.end(), byte,
                               [](const Edge& e, unsigned char b) { return e.byte < b; });
    if (it != edges.end() && it->byte == byte) {
      node = it->child;
      continue;
    }
    const auto next = static_cast<uint32_t>(nodes_.size());
    edges.insert(it, Edge{.byte = byte, .child = next});
    // emplace_back may reallocate nodes_, so `edges` must not be used after it.
    nodes_.emplace_back();
    node = next;
  }
  if (first_len > 0 && key.size() == first_len) first_node_[first] = node;
  char32_t second = 0;
  if (first_len > 0 && key.size() > first_len && bmp_at(key, first_len, &second) > 0) {
    if (pairs_.empty()) pairs_.assign(kPairWords, 0);
    const uint32_t h = pair_hash(first, second);
    pairs_[h / 64] |= uint64_t{1} << (h % 64);
  }
  std::vector<int>& payloads = nodes_[node].payloads;
  if (payloads.empty()) ++key_count_;
  payloads.push_back(payload);
}

std::vector<PlaceMatcher::Hit> PlaceMatcher::find_all(std::string_view text) const {
  std::vector<Hit> hits;
  if (first_node_.empty()) return hits;  // no key
  const auto* u = reinterpret_cast<const unsigned char*>(text.data());
  const uint32_t* first_node = first_node_.data();  // kNoNode: no key starts with it
  const size_t size = text.size();
  size_t pos = 0;
  while (pos < size) {
    // bmp_at, inline: this loop visits every character of every block.
    const unsigned char b0 = u[pos];
    uint32_t node = 0;
    size_t len = 0;
    char32_t first = 0;
    if (b0 < 0x80) {
      first = b0;
      node = first_node[b0];
      len = 1;
    } else if ((b0 & 0xF0) == 0xE0) {
      // Both continuation bytes: each less 0x80 is below 0x40.
      if (size - pos >= 3 && ((u[pos + 1] ^ 0x80) | (u[pos + 2] ^ 0x80)) < 0x40) {
        first = (static_cast<char32_t>(b0 & 0x0F) << 12) |
                (static_cast<char32_t>(u[pos + 1] & 0x3F) << 6) |
                static_cast<char32_t>(u[pos + 2] & 0x3F);
        node = first_node[first];
        len = 3;
      }
    } else if (is_continuation(b0)) {
      // No character starts here. Well-formed keys never begin with a continuation byte, so
      // this is a cheap skip, and it also stops a malformed key from matching mid-character.
      ++pos;
      continue;
    }
    if (len > 0 && node == kNoNode) {
      pos += len;  // no key starts with this character: step over it
      continue;
    }
    // Walk the trie as far as the text allows (from after the first character when it was
    // looked up), remembering the deepest node that ends a key.
    const size_t from = pos + len;
    uint32_t best_node = kNoNode;
    size_t best_end = pos;
    if (len > 0 && !nodes_[node].payloads.empty()) {
      best_node = node;
      best_end = from;
    }
    // No key goes on from the first character with the next one (most starts: 中 of 中国 in
    // 中心): the walk would end at once.
    bool walk = from < size;
    if (walk && len > 0) {
      const unsigned char c0 = u[from];
      char32_t second = c0;
      bool known = c0 < 0x80;
      if ((c0 & 0xF0) == 0xE0 && size - from >= 3 &&
          ((u[from + 1] ^ 0x80) | (u[from + 2] ^ 0x80)) < 0x40) {
        second = (static_cast<char32_t>(c0 & 0x0F) << 12) |
                 (static_cast<char32_t>(u[from + 1] & 0x3F) << 6) |
                 static_cast<char32_t>(u[from + 2] & 0x3F);
        known = true;
      }
      if (known) {
        const uint32_t h = pair_hash(first, second);
        walk = !pairs_.empty() && (pairs_[h / 64] >> (h % 64) & 1) != 0;
      }
    }
    for (size_t i = from; walk && i < size; ++i) {
      node = child(node, u[i]);
      if (node == kNoNode) break;
      if (!nodes_[node].payloads.empty()) {
        best_node = node;
        best_end = i + 1;
      }
    }
    if (best_node == kNoNode) {
      // On past the first character (its continuation bytes start nothing), or the byte.
      pos = len > 0 ? from : pos + 1;
      continue;
    }
    hits.push_back(Hit{.begin = pos, .end = best_end, .payloads = nodes_[best_node].payloads});
    pos = best_end;
  }
  return hits;
}

}  // namespace jianbao::metrics
