// ICU counts a matcher's time limit from its last reset, not per match: a loop of plain find()
// calls over a long paragraph stopped after some hundreds of matches, silently (found by the
// 1 MB and 10 MB hostile inputs: both gave the same 1408 metrics). core::find_next() and
// core::Match::find() give every match the whole limit.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/icu_regex.h"

namespace jianbao::core {
namespace {

constexpr int kTightLimit = 5;  // ICU time-limit units; a plain find() loop ran out at ~25,000

std::string repeated(const std::string& unit, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += unit;
  return out;
}

TEST_CASE("regex: find_next finds every match of a long text under a tight time limit") {
  const auto re = Regex::compile("(?<value>[0-9]+)%");
  REQUIRE(re.ok());
  constexpr int kSentences = 200000;
  const std::string text = repeated("一是加强管理，完成率达到85%。", kSentences);
  const MatchText mt(text);
  auto m = re.value().new_matcher(kTightLimit);
  m->reset(mt.u16());
  int32_t from = 0;
  bool timed_out = false;
  int found = 0;
  bool values_ok = true;
  while (find_next(*m, &from, &timed_out)) {
    ++found;
    values_ok = values_ok && group_text(*m, re.value().group("value")) == "85";
  }
  CHECK(found == kSentences);
  CHECK(values_ok);
  CHECK_FALSE(timed_out);
}

TEST_CASE("regex: find_next reports a search the time limit cut short") {
  const auto re = Regex::compile("(a+)+b");
  REQUIRE(re.ok());
  const std::string text(40, 'a');
  const MatchText mt(text);
  auto m = re.value().new_matcher(1);
  m->reset(mt.u16());
  int32_t from = 0;
  bool timed_out = false;
  CHECK_FALSE(find_next(*m, &from, &timed_out));
  CHECK(timed_out);
  // Once done, it stays done.
  CHECK_FALSE(find_next(*m, &from, &timed_out));
}

TEST_CASE("regex: Match::find walks matches in order, empty ones one code point apart") {
  struct Row {
    std::string name;
    std::string pattern;
    std::string text;
    std::vector<int> want_starts;  // code points
  };
  const Row rows[] = {
      {.name = "non-empty matches",
       .pattern = "[0-9]+",
       .text = "a1b22c333",
       .want_starts = {1, 3, 6}},
      {.name = "cjk text",
       .pattern = "[一二三]是",
       .text = "一是，二是；三是",
       .want_starts = {0, 3, 6}},
      {.name = "empty matches step over a surrogate pair",
       .pattern = "x*",
       .text = "ab\U0001F600",
       .want_starts = {0, 1, 2, 3}},
      {.name = "no match", .pattern = "z", .text = "abc", .want_starts = {}},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const auto re = Regex::compile(r.pattern);
    REQUIRE(re.ok());
    Match m(re.value(), r.text, kTightLimit);
    std::vector<int> starts;
    while (m.find() && starts.size() < 100) starts.push_back(m.start());
    CHECK(starts == r.want_starts);
  }
}

TEST_CASE("regex: Match::find continues after looking_at") {
  const auto re = Regex::compile("[0-9]+");
  REQUIRE(re.ok());
  Match m(re.value(), "12ab34", kTightLimit);
  REQUIRE(m.looking_at());
  CHECK(m.text() == "12");
  REQUIRE(m.find());
  CHECK(m.text() == "34");
  CHECK(m.start() == 4);
  CHECK(m.end() == 6);
  CHECK_FALSE(m.find());
}

}  // namespace
}  // namespace jianbao::core
