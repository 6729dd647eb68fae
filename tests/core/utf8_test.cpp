#include "core/utf8.h"

#include <doctest/doctest.h>
#include <unicode/uchar.h>

#include <cstdint>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace jianbao::core {
namespace {

constexpr size_t kValid = std::string_view::npos;

TEST_CASE("utf8: find_invalid_utf8 finds the first malformed sequence") {
  struct Row {
    std::string name;
    std::string in;
    size_t want;
  };
  const Row rows[] = {
      {.name = "empty", .in = "", .want = kValid},
      {.name = "ascii", .in = "abc 123\n", .want = kValid},
      {.name = "cjk", .in = "通报第3期", .want = kValid},
      {.name = "two-byte", .in = "caf\xC3\xA9", .want = kValid},
      {.name = "four-byte emoji", .in = "a\xF0\x9F\x98\x80z", .want = kValid},
      {.name = "smallest three-byte U+0800", .in = "\xE0\xA0\x80", .want = kValid},
      {.name = "last before surrogates U+D7FF", .in = "\xED\x9F\xBF", .want = kValid},
      {.name = "first after surrogates U+E000", .in = "\xEE\x80\x80", .want = kValid},
      {.name = "largest code point U+10FFFF", .in = "\xF4\x8F\xBF\xBF", .want = kValid},
      {.name = "a genuine U+FFFD is valid", .in = "x\xEF\xBF\xBDy", .want = kValid},
      {.name = "embedded NUL is valid UTF-8", .in = std::string("a\0b", 3), .want = kValid},
      {.name = "lone continuation byte", .in = "ab\x80", .want = 2},
      {.name = "0xFF", .in = "\xFF", .want = 0},
      {.name = "0xFE after text", .in = "中\xFE", .want = 3},
      {.name = "truncated two-byte at end", .in = "ab\xC3", .want = 2},
      {.name = "truncated three-byte at end", .in = "中文\xE4\xB8", .want = 6},
      {.name = "truncated three-byte before ascii", .in = "\xE4\xB8z", .want = 0},
      {.name = "truncated four-byte", .in = "x\xF0\x9F\x98", .want = 1},
      {.name = "overlong two-byte C0", .in = "a\xC0\xAF", .want = 1},
      {.name = "overlong two-byte C1", .in = "\xC1\xBF", .want = 0},
      {.name = "overlong three-byte", .in = "ok\xE0\x80\xAF", .want = 2},
      {.name = "overlong four-byte", .in = "\xF0\x80\x80\xAF", .want = 0},
      {.name = "surrogate D800", .in = "a\xED\xA0\x80", .want = 1},
      {.name = "surrogate DFFF", .in = "\xED\xBF\xBF", .want = 0},
      {.name = "above U+10FFFF", .in = "\xF4\x90\x80\x80", .want = 0},
      {.name = "F5 lead", .in = "\xF5\x80\x80\x80", .want = 0},
      {.name = "first error wins", .in = "\xE4\xB8\xAD\x80\xFF", .want = 3},
      {.name = "U+FFFD followed by bad byte", .in = "\xEF\xBF\xBD\xBF", .want = 3},
      {.name = "U+FFFD prefix truncated", .in = "\xEF\xBF", .want = 0},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    CHECK(find_invalid_utf8(r.in) == r.want);
  }
}

TEST_CASE("utf8: next_code_point decodes and always advances") {
  struct Row {
    std::string name;
    std::string in;
    std::u32string want;
  };
  const Row rows[] = {
      {.name = "ascii", .in = "ab", .want = U"ab"},
      {.name = "mixed widths", .in = "a\xC3\xA9中\xF0\x9F\x98\x80", .want = U"aé中\U0001F600"},
      {.name = "bad bytes are one U+FFFD each", .in = "\xFF\x80", .want = U"\uFFFD\uFFFD"},
      {.name = "truncated then ascii", .in = "\xE4\xB8z", .want = U"\uFFFD\uFFFDz"},
      {.name = "overlong", .in = "\xC0\xAF", .want = U"\uFFFD\uFFFD"},
      {.name = "surrogate", .in = "\xED\xA0\x80", .want = U"\uFFFD\uFFFD\uFFFD"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    std::u32string got;
    size_t pos = 0;
    while (pos < r.in.size()) {
      const size_t before = pos;
      got.push_back(next_code_point(r.in, &pos));
      REQUIRE(pos > before);
    }
    CHECK(pos == r.in.size());
    CHECK(got == r.want);
  }
}

TEST_CASE("utf8: append_utf8 round-trips through next_code_point") {
  const char32_t samples[] = {0x0,    0x41,   0x7F,   0x80,   0x7FF,   0x800,   0x4E2D,
                              0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
  for (const char32_t c : samples) {
    CAPTURE(static_cast<unsigned>(c));
    std::string s;
    append_utf8(&s, c);
    CHECK(find_invalid_utf8(s) == kValid);
    size_t pos = 0;
    CHECK(next_code_point(s, &pos) == c);
    CHECK(pos == s.size());
  }
}

TEST_CASE("utf8: count_code_points counts code points, not bytes") {
  struct Row {
    std::string in;
    size_t want;
  };
  const Row rows[] = {
      {.in = "", .want = 0},
      {.in = "abc", .want = 3},
      {.in = "第3期", .want = 3},
      {.in = "\xF0\x9F\x98\x80!", .want = 2},
  };
  for (const Row& r : rows) {
    CAPTURE(r.in);
    CHECK(count_code_points(r.in) == r.want);
  }
}

TEST_CASE("utf8: display_width is 2 for wide, fullwidth and ambiguous characters") {
  struct Row {
    std::string name;
    char32_t c;
    int want;
  };
  const Row rows[] = {
      {.name = "ascii letter", .c = U'a', .want = 1},
      {.name = "ascii space", .c = U' ', .want = 1},
      {.name = "han", .c = U'中', .want = 2},
      {.name = "fullwidth comma", .c = U'，', .want = 2},
      {.name = "fullwidth digit", .c = U'８', .want = 2},
      {.name = "ideographic space", .c = U'\u3000', .want = 2},
      {.name = "CJK full stop", .c = U'。', .want = 2},
      {.name = "ambiguous left quote", .c = U'“', .want = 2},
      {.name = "ambiguous e acute", .c = U'é', .want = 2},
      {.name = "neutral n tilde", .c = U'ñ', .want = 1},
      {.name = "halfwidth katakana", .c = U'ｱ', .want = 1},
      {.name = "hangul", .c = U'가', .want = 2},
      {.name = "emoji", .c = U'\U0001F600', .want = 2},
      {.name = "extension B ideograph", .c = U'\U00020000', .want = 2},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    CHECK(display_width(r.c) == r.want);
  }
}

// The BMP's widths are read from ICU's sets by range (core/utf8.cpp): every code point must get
// the width ICU gives it alone.
TEST_CASE("utf8: display_width of every BMP code point is ICU's East Asian width") {
  int differing = 0;
  for (UChar32 c = 0; c < 0x10000; ++c) {
    const auto w = static_cast<UEastAsianWidth>(u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH));
    const bool wide = c >= 0x80 && (w == U_EA_WIDE || w == U_EA_FULLWIDTH || w == U_EA_AMBIGUOUS);
    if (display_width(static_cast<char32_t>(c)) != (wide ? 2 : 1)) ++differing;
  }
  CHECK(differing == 0);
}

TEST_CASE("utf8: display_width of a string sums its characters") {
  struct Row {
    std::string in;
    int want;
  };
  const Row rows[] = {
      {.in = "", .want = 0},      {.in = "abc", .want = 3},    {.in = "通报", .want = 4},
      {.in = "第3期", .want = 5}, {.in = "（一）", .want = 6}, {.in = "ｱｲ", .want = 2},
  };
  for (const Row& r : rows) {
    CAPTURE(r.in);
    CHECK(display_width(r.in) == r.want);
  }
}

// Texts that mix ASCII runs longer and shorter than 8 bytes, CJK, full-width forms, U+3000,
// four-byte characters and malformed bytes, at every alignment.
std::vector<std::string> mixed_texts() {
  const std::string_view pieces[] = {"a",
                                     "abcdefghij",
                                     " ",
                                     "\t",
                                     "通报",
                                     "\xEF\xBC\x91",
                                     "\xE3\x80\x80",
                                     "。",
                                     "\x80",
                                     "\xE4\xB8",
                                     "\xF0\x9F\x98\x80",
                                     "\xED\xA0\x80",
                                     "é",
                                     "12345678"};
  std::vector<std::string> out;
  uint32_t seed = 7;
  for (int t = 0; t < 300; ++t) {
    std::string s;
    const int n = t % 23;
    for (int k = 0; k < n; ++k) {
      seed = seed * 1103515245 + 12345;
      s += pieces[(seed >> 16) % std::size(pieces)];
    }
    out.push_back(s);
  }
  return out;
}

TEST_CASE("utf8: the word-at-a-time scans agree with reading one code point at a time") {
  for (const std::string& s : mixed_texts()) {
    CAPTURE(s);
    size_t starts = 0;  // bytes that are no continuation byte
    for (const char c : s) starts += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    CHECK(count_code_points(s) == starts);
    int width = 0;
    std::string norm;
    for (size_t pos = 0; pos < s.size();) {
      const char32_t c = next_code_point(s, &pos);
      width += display_width(c);
      append_utf8(&norm, normalize_width(c));
    }
    CHECK(display_width(s) == width);
    CHECK(normalize_width(std::string_view(s)) == norm);
  }
}

TEST_CASE("utf8: normalize_width maps fullwidth ASCII and the ideographic space") {
  struct Row {
    std::string name;
    char32_t in;
    char32_t want;
  };
  const Row rows[] = {
      {.name = "first fullwidth (！)", .in = U'！', .want = U'!'},
      {.name = "fullwidth digit", .in = U'８', .want = U'8'},
      {.name = "fullwidth percent", .in = U'％', .want = U'%'},
      {.name = "fullwidth letter", .in = U'Ａ', .want = U'A'},
      {.name = "last fullwidth (～)", .in = U'～', .want = U'~'},
      {.name = "ideographic space", .in = U'\u3000', .want = U' '},
      {.name = "just past the block (⦅)", .in = U'\uFF5F', .want = U'\uFF5F'},
      {.name = "halfwidth katakana unchanged", .in = U'ｱ', .want = U'ｱ'},
      {.name = "han unchanged", .in = U'中', .want = U'中'},
      {.name = "ideographic comma unchanged", .in = U'、', .want = U'、'},
      {.name = "ascii unchanged", .in = U'x', .want = U'x'},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    CHECK(normalize_width(r.in) == r.want);
  }
}

TEST_CASE("utf8: normalize_width on strings keeps one code point per code point") {
  struct Row {
    std::string in;
    std::string want;
  };
  const Row rows[] = {
      {.in = "", .want = ""},
      {.in = "达标率８５％", .want = "达标率85%"},
      {.in = "（一）　ＡＢＣ", .want = "(一) ABC"},
      {.in = "plain text", .want = "plain text"},
      {.in = "２０２４年３月", .want = "2024年3月"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.in);
    const std::string got = normalize_width(r.in);
    CHECK(got == r.want);
    CHECK(count_code_points(got) == count_code_points(r.in));
  }
}

TEST_CASE("utf8: trim strips spaces, tabs and U+3000 at both ends only") {
  struct Row {
    std::string name;
    std::string in;
    std::string want;
  };
  const Row rows[] = {
      {.name = "empty", .in = "", .want = ""},
      {.name = "only spaces", .in = "   ", .want = ""},
      {.name = "only ideographic spaces", .in = "　　", .want = ""},
      {.name = "ascii both ends", .in = "  a b  ", .want = "a b"},
      {.name = "tabs", .in = "\t中\t", .want = "中"},
      {.name = "ideographic spaces", .in = "　　一、总体要求　", .want = "一、总体要求"},
      {.name = "mixed", .in = " 　\t通报 \t　", .want = "通报"},
      {.name = "inner spaces kept", .in = "3 月　25 日", .want = "3 月　25 日"},
      {.name = "newline is not trimmed", .in = "\na\n", .want = "\na\n"},
      {.name = "nbsp is not trimmed", .in = "\xC2\xA0x", .want = "\xC2\xA0x"},
      {.name = "truncated U+3000 kept", .in = "\xE3\x80", .want = "\xE3\x80"},
      {.name = "U+3000 lookalike kept", .in = "\xE3\x80\x81", .want = "\xE3\x80\x81"},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    CHECK(trim(r.in) == r.want);
  }
}

TEST_CASE("utf8: trim returns a view into its argument") {
  const std::string s = "  abc  ";
  const std::string_view t = trim(s);
  CHECK(t.data() == s.data() + 2);
  CHECK(t.size() == 3);
}

TEST_CASE("utf8: is_cjk covers han, CJK punctuation, kana and fullwidth forms") {
  struct Row {
    std::string name;
    char32_t c;
    bool want;
  };
  const Row rows[] = {
      {.name = "han", .c = U'中', .want = true},
      {.name = "first unified ideograph", .c = U'\u4E00', .want = true},
      {.name = "ideographic full stop", .c = U'。', .want = true},
      {.name = "ideographic comma", .c = U'、', .want = true},
      {.name = "ideographic space", .c = U'\u3000', .want = true},
      {.name = "corner bracket", .c = U'「', .want = true},
      {.name = "hiragana", .c = U'あ', .want = true},
      {.name = "katakana", .c = U'カ', .want = true},
      {.name = "compatibility ideograph", .c = U'\uF900', .want = true},
      {.name = "fullwidth comma", .c = U'，', .want = true},
      {.name = "fullwidth paren", .c = U'（', .want = true},
      {.name = "extension B", .c = U'\U00020000', .want = true},
      {.name = "ascii letter", .c = U'a', .want = false},
      {.name = "ascii digit", .c = U'7', .want = false},
      {.name = "ascii space", .c = U' ', .want = false},
      {.name = "latin e acute", .c = U'é', .want = false},
      {.name = "em dash", .c = U'—', .want = false},
      {.name = "left double quote", .c = U'“', .want = false},
      {.name = "hangul syllable", .c = U'가', .want = false},
      {.name = "emoji", .c = U'\U0001F600', .want = false},
      {.name = "halfwidth katakana", .c = U'ｱ', .want = false},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    CHECK(is_cjk(r.c) == r.want);
  }
}

TEST_CASE("utf8: is_ascii_alnum") {
  struct Row {
    char32_t c;
    bool want;
  };
  const Row rows[] = {
      {.c = U'0', .want = true},   {.c = U'9', .want = true},  {.c = U'a', .want = true},
      {.c = U'Z', .want = true},   {.c = U'_', .want = false}, {.c = U'８', .want = false},
      {.c = U'中', .want = false}, {.c = U' ', .want = false},
  };
  for (const Row& r : rows) {
    CAPTURE(static_cast<unsigned>(r.c));
    CHECK(is_ascii_alnum(r.c) == r.want);
  }
}

// Texts of the pieces the fast paths of count_code_points and normalize_width treat apart: ASCII,
// Han, U+3000 and the fullwidth forms (lead bytes E3 and EF, which map), their neighbours that do
// not, other lengths, and malformed bytes (a lone continuation, a cut sequence, a surrogate).
std::string random_text(std::mt19937* rng) {
  static const char* const kPieces[] = {"a",
                                        " ",
                                        "9",
                                        "中",
                                        "国",
                                        "\xE3\x80\x80",
                                        "\xE3\x80\x81",
                                        "！",
                                        "～",
                                        "\xEF\xBD\x9F",
                                        "\xEF\xBF\xBD",
                                        "é",
                                        "\xF0\x9F\x98\x80",
                                        "\x80",
                                        "\xE4\xB8",
                                        "\xED\xA0\x80",
                                        "\xE0\xA0\x80",
                                        "\xFF",
                                        "\xC3",
                                        "\xEF"};
  std::uniform_int_distribution<size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> length(0, 40);
  std::string out;
  for (int n = length(*rng); n > 0; --n) out += kPieces[piece(*rng)];
  return out;
}

TEST_CASE(
    "utf8: count_code_points and normalize_width agree with decoding one code point at a time") {
  std::mt19937 rng(20261206);
  for (int round = 0; round < 3000; ++round) {
    const std::string in = random_text(&rng);
    CAPTURE(in);
    size_t lead_bytes = 0;
    for (const char ch : in) lead_bytes += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    CHECK(count_code_points(in) == lead_bytes);
    // normalize_width's contract: every code point decoded, mapped and re-encoded, malformed
    // bytes as U+FFFD.
    std::string want;
    size_t pos = 0;
    while (pos < in.size()) append_utf8(&want, normalize_width(next_code_point(in, &pos)));
    CHECK(normalize_width(in) == want);
  }
}

}  // namespace
}  // namespace jianbao::core
