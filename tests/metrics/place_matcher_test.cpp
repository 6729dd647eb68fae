#include "metrics/place_matcher.h"

#include <doctest/doctest.h>

#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace jianbao::metrics {
namespace {

// Surface strings of the hits, in order, so rows can state expectations as text.
std::vector<std::string> surfaces(const PlaceMatcher& m, std::string_view text) {
  std::vector<std::string> out;
  for (const PlaceMatcher::Hit& h : m.find_all(text)) {
    out.emplace_back(text.substr(h.begin, h.end - h.begin));
  }
  return out;
}

PlaceMatcher matcher_of(const std::vector<std::string>& keys) {
  PlaceMatcher m;
  for (size_t i = 0; i < keys.size(); ++i) m.add(keys[i], static_cast<int>(i));
  return m;
}

TEST_CASE("place_matcher: leftmost-longest, non-overlapping hits") {
  const std::vector<std::string> gazetteer = {"新疆", "新疆生产建设兵团", "吉林",   "吉林市",
                                              "海南", "海南藏族自治州",   "朝阳区", "北京"};
  struct Row {
    const char* name;
    std::string text;
    std::vector<std::string> want;
  };
  const Row rows[] = {
      {.name = "longest wins over every prefix",
       .text = "新疆生产建设兵团和吉林市、海南藏族自治州及新疆",
       .want = {"新疆生产建设兵团", "吉林市", "海南藏族自治州", "新疆"}},
      {.name = "short key when the long one does not continue",
       .text = "吉林省、海南省",
       .want = {"吉林", "海南"}},
      {.name = "falls back to the longest complete key on a partial long key",
       .text = "新疆生产建设",
       .want = {"新疆"}},
      {.name = "adjacent matches with nothing between",
       .text = "吉林市吉林",
       .want = {"吉林市", "吉林"}},
      {.name = "same key repeated", .text = "北京北京北京", .want = {"北京", "北京", "北京"}},
      // Chinese has no word boundaries: a key inside a longer unrelated word still matches.
      {.name = "no word boundaries", .text = "东北京剧团", .want = {"北京"}},
      {.name = "key at the very end", .text = "位于朝阳区", .want = {"朝阳区"}},
      {.name = "ascii around keys", .text = "A吉林市, B北京.", .want = {"吉林市", "北京"}},
      {.name = "no match", .text = "全国各地", .want = {}},
      {.name = "empty text", .text = "", .want = {}},
  };
  const PlaceMatcher m = matcher_of(gazetteer);
  for (const Row& r : rows) {
    CAPTURE(r.name);
    CAPTURE(r.text);
    CHECK(surfaces(m, r.text) == r.want);
  }
}

// The scan starts each walk at its first character's node (a table by first code point): keys
// of one character, keys sharing a first character, and keys added after a longer one with the
// same first character must all still be found.
TEST_CASE("place_matcher: the first character's node starts the walk") {
  struct Row {
    const char* name;
    std::vector<std::string> keys;
    std::string text;
    std::vector<std::string> want;
  };
  const Row rows[] = {
      {.name = "one-character key", .keys = {"京"}, .text = "进京赶考", .want = {"京"}},
      {.name = "one-character key and a longer one",
       .keys = {"京", "京津冀"},
       .text = "京津冀和京",
       .want = {"京津冀", "京"}},
      {.name = "longer key first, then its first character",
       .keys = {"京津冀", "京"},
       .text = "京津和京津冀",
       .want = {"京", "京津冀"}},
      {.name = "ascii one-byte first character",
       .keys = {"A区", "A"},
       .text = "A区A",
       .want = {"A区", "A"}},
      {.name = "shared first character, different second",
       .keys = {"海南", "海淀区"},
       .text = "海淀区海南海",
       .want = {"海淀区", "海南"}},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    CHECK(surfaces(matcher_of(r.keys), r.text) == r.want);
  }
}

TEST_CASE("place_matcher: hit offsets are byte offsets into the text") {
  const PlaceMatcher m = matcher_of({"吉林", "吉林市"});
  const std::string text = "a吉林市b吉林";
  const std::vector<PlaceMatcher::Hit> hits = m.find_all(text);
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].begin == 1);
  CHECK(hits[0].end == 1 + std::string("吉林市").size());
  CHECK(hits[1].begin == hits[0].end + 1);
  CHECK(hits[1].end == text.size());
}

TEST_CASE("place_matcher: payloads, including keys added more than once") {
  PlaceMatcher m;
  m.add("朝阳区", 110105);
  m.add("朝阳区", 220104);
  m.add("朝阳", 7);
  m.add("吉林", 22);
  m.add("吉林", 22);
  struct Row {
    const char* name;
    std::string text;
    std::vector<int> want;
  };
  const Row rows[] = {
      {.name = "duplicate key keeps both payloads in order",
       .text = "朝阳区",
       .want = {110105, 220104}},
      {.name = "prefix key has its own payload", .text = "朝阳市", .want = {7}},
      {.name = "same key and payload added twice keeps both", .text = "吉林", .want = {22, 22}},
  };
  CHECK(m.key_count() == 3);
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const std::vector<PlaceMatcher::Hit> hits = m.find_all(r.text);
    REQUIRE(hits.size() == 1);
    CHECK(std::vector<int>(hits[0].payloads.begin(), hits[0].payloads.end()) == r.want);
  }
}

TEST_CASE("place_matcher: an empty matcher finds nothing") {
  const PlaceMatcher m;
  CHECK(m.key_count() == 0);
  CHECK(m.find_all("吉林市").empty());
  CHECK(m.find_all("").empty());
}

TEST_CASE("place_matcher: malformed UTF-8 in the text never crashes or splits a character") {
  // "吉" is E5 90 89, "林" is E6 9E 97, "中" is E4 B8 AD.
  const PlaceMatcher m = matcher_of({"吉林", "中"});
  struct Row {
    const char* name;
    std::string text;
    std::vector<std::string> want;
  };
  const Row rows[] = {
      {.name = "stray bytes around a key", .text = "\xff\xfe吉林\x80", .want = {"吉林"}},
      {.name = "truncated sequence before a key", .text = "\xe5\x90吉林", .want = {"吉林"}},
      {.name = "key cut off at the end of the text", .text = "吉林\xe4\xb8", .want = {"吉林"}},
      {.name = "lone continuation bytes only", .text = "\x80\x90\xad\xbf", .want = {}},
      {.name = "key bytes after a lead byte that claims them", .text = "\xf0中", .want = {"中"}},
      {.name = "bytes of a key that do not start at a lead byte",
       .text = std::string("\x90\x89") + "\xe6\x9e\x97",
       .want = {}},
      {.name = "embedded NUL", .text = std::string("吉\0林中", 10), .want = {"中"}},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    CHECK(surfaces(m, r.text) == r.want);
  }
}

TEST_CASE("place_matcher: keys of 1- to 4-byte characters") {
  PlaceMatcher m;
  m.add("A", 1);
  m.add("\u00e9", 2);      // 2 bytes
  m.add("\u5409", 3);      // 3 bytes
  m.add("\U00020000", 4);  // 4 bytes
  const std::string text = "x\U00020000\u00e9A\u5409";
  struct Row {
    size_t begin;
    size_t end;
    int payload;
  };
  const Row want[] = {
      {.begin = 1, .end = 5, .payload = 4},
      {.begin = 5, .end = 7, .payload = 2},
      {.begin = 7, .end = 8, .payload = 1},
      {.begin = 8, .end = 11, .payload = 3},
  };
  const std::vector<PlaceMatcher::Hit> hits = m.find_all(text);
  REQUIRE(hits.size() == std::size(want));
  for (size_t i = 0; i < hits.size(); ++i) {
    CAPTURE(i);
    CHECK(hits[i].begin == want[i].begin);
    CHECK(hits[i].end == want[i].end);
    REQUIRE(hits[i].payloads.size() == 1);
    CHECK(hits[i].payloads[0] == want[i].payload);
  }
}

// The matcher's contract, by brute force: at each character start the longest key there, then on
// after it; else the next byte.
std::vector<std::string> naive_surfaces(const std::vector<std::string>& keys,
                                        std::string_view text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t best = 0;
    if ((static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80) {
      for (const std::string& k : keys) {
        if (k.size() > best && text.substr(pos, k.size()) == k) best = k.size();
      }
    }
    if (best == 0) {
      ++pos;
      continue;
    }
    out.emplace_back(text.substr(pos, best));
    pos += best;
  }
  return out;
}

TEST_CASE("place_matcher: random keys and texts agree with a brute-force scan") {
  // Few characters, so keys share first characters and pairs, texts hold near misses, and the
  // pair filter's negatives and positives both occur; é and 😀 are in neither the one- nor the
  // three-byte form, \x80 and \xE4\xB8 are malformed.
  const std::vector<std::string> chars = {"中", "国", "心", "吉", "林",   "市",
                                          "a",  "é",  "😀",  "省", "\x80", "\xE4\xB8"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<size_t> pick(0, chars.size() - 1);
  std::uniform_int_distribution<size_t> pick_valid(0, chars.size() - 3);
  std::uniform_int_distribution<int> key_len(1, 3);
  std::uniform_int_distribution<int> key_count(1, 8);
  std::uniform_int_distribution<int> text_len(0, 30);
  for (int round = 0; round < 500; ++round) {
    std::vector<std::string> keys;
    for (int n = key_count(rng); n > 0; --n) {
      std::string k;
      for (int c = key_len(rng); c > 0; --c) k += chars[pick_valid(rng)];
      keys.push_back(k);
    }
    std::string text;
    for (int c = text_len(rng); c > 0; --c) text += chars[pick(rng)];
    CAPTURE(text);
    CHECK(surfaces(matcher_of(keys), text) == naive_surfaces(keys, text));
  }
}

}  // namespace
}  // namespace jianbao::metrics
