// Nothing lost (issue 4): on every sample and the seed, every non-blank input line is accounted
// for in exactly one place, and layout keeps every character it does not remove.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "jianbao/decode.h"
#include "jianbao/layout.h"
#include "jianbao/pipeline.h"
#include "jianbao/ruleset.h"
#include "support/builtin_rules.h"
#include "support/gold.h"

namespace jianbao {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Characters that are not whitespace (ASCII space and tab, U+3000 and other Unicode spaces):
// layout removes and inserts only whitespace.
long long visible_chars(std::string_view s) {
  long long n = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    const char32_t c = core::next_code_point(s, &pos);
    const bool space = c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\u00A0' ||
                       (c >= U'\u2000' && c <= U'\u200B') || c == U'\f' || c == U'\r';
    if (!space) ++n;
  }
  return n;
}

TEST_CASE("nothing lost: layout keeps every visible character it does not remove") {
  for (const std::string& path : testing::bulletin_paths(/*with_seed=*/true)) {
    CAPTURE(path);
    auto decoded = decode::decode_bytes(read_file(path), path, {});
    REQUIRE(decoded.ok());
    long long in = 0;
    for (const decode::SourceLine& l : decoded.value().lines) in += visible_chars(l.text);
    const layout::CleanText clean = layout::clean_layout(decoded.value(), testing::builtin_rules());
    long long out = 0;
    for (const layout::Block& b : clean.blocks) out += visible_chars(b.text);
    for (const Removed& r : clean.removed) out += visible_chars(r.text);
    MESSAGE(fmt::format("{}: {} characters in, {} out", path, in, out));
    CHECK(in == out);
  }
}

TEST_CASE("nothing lost: every non-blank line has exactly one place, and none is unclaimed") {
  for (const std::string& path : testing::bulletin_paths(/*with_seed=*/true)) {
    CAPTURE(path);
    const std::string bytes = read_file(path);
    auto decoded = decode::decode_bytes(bytes, path, {});
    REQUIRE(decoded.ok());
    auto parsed = parse_bulletin(bytes, path, testing::builtin_rules(), {});
    REQUIRE(parsed.ok());
    const Document& doc = parsed.value();
    CHECK(doc.unclaimed.empty());

    // The places that claim a line. A removed line (a page number between two lines of an
    // item) lies inside an item's range; it is claimed by `removed` alone.
    std::map<int, std::vector<std::string>> places;
    std::map<int, bool> removed;
    for (const Removed& r : doc.removed) {
      places[r.line].push_back("removed " + r.kind);
      removed[r.line] = true;
    }
    auto claim_range = [&](int first, int last, const std::string& what) {
      for (int l = first; first > 0 && l <= last; ++l) {
        if (!removed.count(l)) places[l].push_back(what);
      }
    };
    if (doc.masthead) claim_range(doc.masthead->first_line, doc.masthead->last_line, "masthead");
    for (const Section& s : doc.sections) {
      for (const int l : s.heading_lines) places[l].push_back("heading " + s.title);
      for (const Item& i : s.items) claim_range(i.first_line, i.last_line, "item " + i.id);
    }
    claim_range(doc.distribution.first_line, doc.distribution.last_line, "distribution");
    for (const int l : doc.colophon_lines) places[l].push_back("colophon");

    for (const decode::SourceLine& l : decoded.value().lines) {
      if (visible_chars(l.text) == 0) continue;
      CAPTURE(l.number);
      CAPTURE(l.text);
      const std::vector<std::string>& where = places[l.number];
      CHECK_MESSAGE(where.size() == 1, fmt::format("line {} is in {} places: {}", l.number,
                                                   where.size(), fmt::join(where, ", ")));
    }
  }
}

}  // namespace
}  // namespace jianbao
