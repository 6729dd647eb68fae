#include "jianbao/decode.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace jianbao::decode {
namespace {

// The Status of a failed Result, for assertion messages; "" when it succeeded (doctest
// evaluates messages of passing assertions too, under -s).
template <typename T>
std::string why(const Result<T>& r) {
  return r.ok() ? "" : r.status().to_string();
}

using Code = Status::Code;

Result<DecodedText> decode(std::string_view bytes, const std::string& encoding = "") {
  return decode_bytes(bytes, "in.txt", DecodeOptions{.encoding = encoding});
}

std::vector<std::string> texts(const DecodedText& d) {
  std::vector<std::string> out;
  for (const SourceLine& l : d.lines) out.emplace_back(l.text);
  return out;
}

// UTF-16 code units as bytes, so rows can be written as u"..." literals.
std::string utf16(std::u16string_view s, bool big_endian) {
  std::string out;
  for (const char16_t u : s) {
    const char hi = static_cast<char>(u >> 8);
    const char lo = static_cast<char>(u & 0xFF);
    out.push_back(big_endian ? hi : lo);
    out.push_back(big_endian ? lo : hi);
  }
  return out;
}
std::string utf16le(std::u16string_view s) { return utf16(s, false); }
std::string utf16be(std::u16string_view s) { return utf16(s, true); }

std::string repeated(std::string_view s, int times) {
  std::string out;
  for (int k = 0; k < times; ++k) out += s;
  return out;
}

const std::string kUtf8Bom = "\xEF\xBB\xBF";
const std::string kUtf16LeBom = "\xFF\xFE";
const std::string kUtf16BeBom = "\xFE\xFF";
// 通报 and 一、总体要求 in GB18030 (iconv -t gb18030).
const std::string kGbNotice = "\xCD\xA8\xB1\xA8";
const std::string kGbHeading = "\xD2\xBB\xA1\xA2\xD7\xDC\xCC\xE5\xD2\xAA\xC7\xF3";

TEST_CASE("decode: detects the encoding and splits lines") {
  struct Row {
    std::string name;
    std::string in;
    std::string force = {};  // the encoding to force; empty to detect
    std::string want_encoding;
    bool want_bom;
    std::vector<std::string> want;
  };
  const Row rows[] = {
      {.name = "utf-8 without BOM",
       .in = "通报\n第3期",
       .want_encoding = "utf-8",
       .want_bom = false,
       .want = {"通报", "第3期"}},
      {.name = "utf-8 with BOM: the BOM is not text",
       .in = kUtf8Bom + "通报\n第3期\n",
       .want_encoding = "utf-8",
       .want_bom = true,
       .want = {"通报", "第3期"}},
      {.name = "utf-8 BOM then a space (sample 06's first line)",
       .in = kUtf8Bom + " 通报\r\n",
       .want_encoding = "utf-8",
       .want_bom = true,
       .want = {" 通报"}},
      {.name = "gb18030 two-byte",
       .in = kGbNotice + "\n" + kGbHeading + "\n",
       .want_encoding = "gb18030",
       .want_bom = false,
       .want = {"通报", "一、总体要求"}},
      {.name = "gb18030 four-byte sequence (U+20000)",
       .in = "\xD6\xD0\xCE\xC4\x95\x32\x82\x36",
       .want_encoding = "gb18030",
       .want_bom = false,
       .want = {"中文\U00020000"}},
      {.name = "gb18030 with CRLF",
       .in = kGbNotice + "\r\n" + kGbHeading,
       .want_encoding = "gb18030",
       .want_bom = false,
       .want = {"通报", "一、总体要求"}},
      {.name = "utf-16le with BOM, CRLF and a surrogate pair",
       .in = kUtf16LeBom + utf16le(u"通报\r\n第3期\U0001F600\n"),
       .want_encoding = "utf-16le",
       .want_bom = true,
       .want = {"通报", "第3期\U0001F600"}},
      {.name = "utf-16be with BOM, CR line ends",
       .in = kUtf16BeBom + utf16be(u"通报\r一、总体要求\r"),
       .want_encoding = "utf-16be",
       .want_bom = true,
       .want = {"通报", "一、总体要求"}},
      {.name = "forced gb18030",
       .in = kGbNotice,
       .force = "gb18030",
       .want_encoding = "gb18030",
       .want_bom = false,
       .want = {"通报"}},
      {.name = "forced GB18030 in capitals",
       .in = kGbHeading,
       .force = "GB18030",
       .want_encoding = "gb18030",
       .want_bom = false,
       .want = {"一、总体要求"}},
      {.name = "forced gbk on GBK bytes",
       .in = kGbNotice,
       .force = "gbk",
       .want_encoding = "gbk",
       .want_bom = false,
       .want = {"通报"}},
      {.name = "forced utf-16le without a BOM",
       .in = utf16le(u"通报\n第3期"),
       .force = "utf-16le",
       .want_encoding = "utf-16le",
       .want_bom = false,
       .want = {"通报", "第3期"}},
      {.name = "forced utf-16le with a BOM strips it",
       .in = kUtf16LeBom + utf16le(u"通报"),
       .force = "utf-16le",
       .want_encoding = "utf-16le",
       .want_bom = true,
       .want = {"通报"}},
      {.name = "forced utf-16be without a BOM",
       .in = utf16be(u"第3期"),
       .force = "UTF-16BE",
       .want_encoding = "utf-16be",
       .want_bom = false,
       .want = {"第3期"}},
      {.name = "forced ICU alias utf8 strips the BOM too",
       .in = kUtf8Bom + "通报",
       .force = "utf8",
       .want_encoding = "utf-8",
       .want_bom = true,
       .want = {"通报"}},
      {.name = "forced latin1 decodes bytes that are not UTF-8",
       .in = "\xE9t\xE9",
       .force = "latin1",
       .want_encoding = "latin1",
       .want_bom = false,
       .want = {"été"}},
      {.name = "forced utf-8 on text that is also GB18030-decodable",
       .in = "\xC4\x95",
       .force = "utf-8",
       .want_encoding = "utf-8",
       .want_bom = false,
       .want = {"ĕ"}},
      // A single GB18030 character whose bytes are well-formed UTF-8 (U+02A1) reads as UTF-8:
      // valid UTF-8 always wins.
      {.name = "valid UTF-8 wins over GB18030",
       .in = "\xCA\xA1",
       .want_encoding = "utf-8",
       .want_bom = false,
       .want = {"\xCA\xA1"}},
      {.name = "a genuine U+FFFD is text",
       .in = "a\xEF\xBF\xBD",
       .want_encoding = "utf-8",
       .want_bom = false,
       .want = {"a\xEF\xBF\xBD"}},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const Result<DecodedText> got = decode(r.in, r.force);
    CHECK_MESSAGE(got.ok(), why(got));
    if (!got.ok()) continue;
    CHECK(got.value().encoding == r.want_encoding);
    CHECK(got.value().bom == r.want_bom);
    CHECK(texts(got.value()) == r.want);
    CHECK(got.value().bytes == static_cast<long long>(r.in.size()));
  }
}

TEST_CASE("decode: LF, CRLF and CR each end one line") {
  struct Row {
    std::string name;
    std::string in;
    std::vector<std::string> want;
  };
  const Row rows[] = {
      {.name = "LF", .in = "a\nb", .want = {"a", "b"}},
      {.name = "trailing LF adds no line", .in = "a\nb\n", .want = {"a", "b"}},
      {.name = "CRLF", .in = "a\r\nb\r\n", .want = {"a", "b"}},
      {.name = "CR", .in = "a\rb\r", .want = {"a", "b"}},
      {.name = "mixed", .in = "a\r\nb\rc\nd", .want = {"a", "b", "c", "d"}},
      {.name = "blank lines kept", .in = "a\n\n\nb", .want = {"a", "", "", "b"}},
      {.name = "blank CRLF lines", .in = "a\r\n\r\nb", .want = {"a", "", "b"}},
      {.name = "CR then CRLF is two ends", .in = "a\r\r\nb", .want = {"a", "", "b"}},
      {.name = "LF then CR is two ends", .in = "a\n\rb", .want = {"a", "", "b"}},
      {.name = "leading blank lines", .in = "\n\na", .want = {"", "", "a"}},
      {.name = "spaces kept", .in = "  a \t\n", .want = {"  a \t"}},
      {.name = "ideographic indent kept", .in = "　　一、总体要求", .want = {"　　一、总体要求"}},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const Result<DecodedText> got = decode(r.in);
    REQUIRE_MESSAGE(got.ok(), why(got));
    CHECK(texts(got.value()) == r.want);
    for (size_t i = 0; i < got.value().lines.size(); ++i) {
      CHECK(got.value().lines[i].number == static_cast<int>(i) + 1);
    }
  }
}

TEST_CASE("decode: a form feed marks a page break at the line it starts") {
  struct Row {
    std::string name;
    std::string in;
    std::vector<std::string> want;
    std::vector<int> want_breaks;  // line numbers with form_feed set
  };
  const Row rows[] = {
      {.name = "pdftotext page start",
       .in = "第一页\n\f第二页\n",
       .want = {"第一页", "第二页"},
       .want_breaks = {2}},
      {.name = "form feed at the very start",
       .in = "\f第一页\n第一页续",
       .want = {"第一页", "第一页续"},
       .want_breaks = {1}},
      {.name = "two form feeds are one break",
       .in = "a\n\f\fb",
       .want = {"a", "b"},
       .want_breaks = {2}},
      {.name = "form feed on a line of its own is not a line end",
       .in = "a\n\f\nb",
       .want = {"a", "", "b"},
       .want_breaks = {2}},
      {.name = "form feed after CRLF",
       .in = "a\r\n\fb\r\nc",
       .want = {"a", "b", "c"},
       .want_breaks = {2}},
      {.name = "no form feed", .in = "a\nb", .want = {"a", "b"}, .want_breaks = {}},
      {.name = "utf-16 form feed",
       .in = kUtf16LeBom + utf16le(u"一\n\f二\n\f三"),
       .want = {"一", "二", "三"},
       .want_breaks = {2, 3}},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const Result<DecodedText> got = decode(r.in);
    REQUIRE_MESSAGE(got.ok(), why(got));
    CHECK(texts(got.value()) == r.want);
    std::vector<int> breaks;
    for (const SourceLine& l : got.value().lines) {
      if (l.form_feed) breaks.push_back(l.number);
    }
    CHECK(breaks == r.want_breaks);
  }
}

TEST_CASE("decode: line text never holds a line end or a form feed") {
  const std::string inputs[] = {
      "a\f\f\r\r\n\n\fb\f",
      "\r\n\f\r\f\nx",
      kUtf16BeBom + utf16be(u"\r\f\n\r\nx\f"),
  };
  for (const std::string& in : inputs) {
    CAPTURE(in);
    const Result<DecodedText> got = decode(in);
    REQUIRE_MESSAGE(got.ok(), why(got));
    for (const SourceLine& l : got.value().lines) {
      CAPTURE(l.number);
      CHECK(l.text.find_first_of("\r\n\f") == std::string::npos);
    }
  }
}

TEST_CASE("decode: bad input fails with kBadEncoding and the byte offset") {
  struct Row {
    std::string name;
    std::string in;
    std::string force = {};  // the encoding to force; empty to detect
    Code want_code;
    long long want_offset;  // -1: any
  };
  const Row rows[] = {
      {.name = "empty file", .in = "", .want_code = Code::kBadEncoding, .want_offset = 0},
      {.name = "only LFs", .in = "\n\n\n", .want_code = Code::kBadEncoding, .want_offset = 0},
      {.name = "only blank lines",
       .in = "  \n\t\r\n　\n",
       .want_code = Code::kBadEncoding,
       .want_offset = 0},
      {.name = "only form feeds",
       .in = "\f\f\n\f",
       .want_code = Code::kBadEncoding,
       .want_offset = 0},
      {.name = "a BOM and nothing else",
       .in = kUtf8Bom,
       .want_code = Code::kBadEncoding,
       .want_offset = 0},
      {.name = "NUL byte",
       .in = std::string("ab\0cd", 5),
       .want_code = Code::kBadEncoding,
       .want_offset = 2},
      {.name = "NUL byte after a UTF-8 BOM counts the BOM",
       .in = kUtf8Bom + std::string("a\0", 2),
       .want_code = Code::kBadEncoding,
       .want_offset = 4},
      {.name = "NUL byte in GB18030 text",
       .in = kGbNotice + std::string("\0", 1),
       .want_code = Code::kBadEncoding,
       .want_offset = 4},
      {.name = "UTF-16 without a BOM looks like NUL bytes",
       .in = utf16le(u"ab"),
       .want_code = Code::kBadEncoding,
       .want_offset = 1},
      {.name = "U+0000 in UTF-16LE text",
       .in = kUtf16LeBom + utf16le(std::u16string(u"a\0b", 3)),
       .want_code = Code::kBadEncoding,
       .want_offset = 4},
      {.name = "U+0000 in UTF-16BE text",
       .in = kUtf16BeBom + utf16be(std::u16string(u"通报\0", 3)),
       .want_code = Code::kBadEncoding,
       .want_offset = 6},
      {.name = "U+FFFF (a noncharacter) in UTF-8 text",
       .in = "标题\xEF\xBF\xBF中",
       .want_code = Code::kBadEncoding,
       .want_offset = 6},
      {.name = "U+FFFE (a byte-swapped BOM) in UTF-16LE text",
       .in = kUtf16LeBom + utf16le(u"\u6b07\uFFFE"),
       .want_code = Code::kBadEncoding,
       .want_offset = 4},
      {.name = "truncated three-byte sequence at the end of UTF-8 text",
       .in = "通报第3期\xE4\xB8",
       .want_code = Code::kBadEncoding,
       .want_offset = 13},
      // E4 B8 AD E6 96 87 E4 B8 is also four GB18030 characters: mojibake, not an answer.
      {.name = "truncated sequence in UTF-8 text that GB18030 would decode",
       .in = "中文\xE4\xB8",
       .want_code = Code::kBadEncoding,
       .want_offset = 6},
      {.name = "truncated three-byte sequence inside UTF-8 text",
       .in = "通报\xE4\xB8第3期",
       .want_code = Code::kBadEncoding,
       .want_offset = 6},
      {.name = "truncated four-byte sequence",
       .in = "中文\xF0\x9F\x98",
       .want_code = Code::kBadEncoding,
       .want_offset = 6},
      {.name = "overlong two-byte slash",
       .in = "通报：\xC0\xAF",
       .want_code = Code::kBadEncoding,
       .want_offset = 9},
      {.name = "overlong three-byte",
       .in = "通报第3期\xE0\x80\xAF",
       .want_code = Code::kBadEncoding,
       .want_offset = 13},
      {.name = "UTF-8-encoded surrogate",
       .in = "通报第3期\xED\xA0\x80",
       .want_code = Code::kBadEncoding,
       .want_offset = 13},
      // GB18030 reads B1 B1 as 北, and the UTF-8 after it as other characters: the errors come
      // first, but the well-formed sequences after them outnumber them, so this is UTF-8.
      {.name = "errors at the start of text that is mostly UTF-8",
       .in = "\xB1\xB1\xB1\xB1" + repeated("中文", 20),
       .want_code = Code::kBadEncoding,
       .want_offset = 0},
      {.name = "lone continuation byte in UTF-8 text",
       .in = "一、总体要求\x80",
       .want_code = Code::kBadEncoding,
       .want_offset = 18},
      {.name = "0xFF in ascii text (neither UTF-8 nor GB18030)",
       .in = "abc\xFF"
             "def",
       .want_code = Code::kBadEncoding,
       .want_offset = 3},
      {.name = "0x80 in GB18030 text reports the GB18030 offset",
       .in = kGbNotice + kGbHeading + "\x80",
       .want_code = Code::kBadEncoding,
       .want_offset = 16},
      {.name = "truncated GB18030 text",
       .in = kGbNotice + "\xD6",
       .want_code = Code::kBadEncoding,
       .want_offset = 4},
      {.name = "UTF-16LE with an odd byte count",
       .in = kUtf16LeBom + utf16le(u"ab") + "c",
       .want_code = Code::kBadEncoding,
       .want_offset = 6},
      {.name = "UTF-16LE lone high surrogate",
       .in = kUtf16LeBom + utf16le(u"a") + std::string("\x00\xD8", 2) + utf16le(u"b"),
       .want_code = Code::kBadEncoding,
       .want_offset = 4},
      {.name = "UTF-16BE lone low surrogate",
       .in = kUtf16BeBom + utf16be(u"a") + std::string("\xDC\x00", 2),
       .want_code = Code::kBadEncoding,
       .want_offset = 4},
      // CD A8 is well-formed UTF-8 (U+0368); B1 is not.
      {.name = "forced utf-8 on GB18030 bytes",
       .in = kGbNotice,
       .force = "utf-8",
       .want_code = Code::kBadEncoding,
       .want_offset = 2},
      {.name = "forced utf-8 with a BOM counts the BOM",
       .in = kUtf8Bom + "ab\xFF",
       .force = "utf-8",
       .want_code = Code::kBadEncoding,
       .want_offset = 5},
      {.name = "forced gb18030 on invalid bytes",
       .in = kGbNotice + "\xFF",
       .force = "gb18030",
       .want_code = Code::kBadEncoding,
       .want_offset = 4},
      {.name = "forced 8-bit encoding with a NUL byte",
       .in = std::string("a\0", 2),
       .force = "latin1",
       .want_code = Code::kBadEncoding,
       .want_offset = 1},
      {.name = "unknown forced encoding",
       .in = "abc",
       .force = "no-such-encoding",
       .want_code = Code::kInvalidArgument,
       .want_offset = -1},
  };
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const Result<DecodedText> got = decode(r.in, r.force);
    CHECK_FALSE(got.ok());
    if (got.ok()) continue;
    CAPTURE(got.status().to_string());
    CHECK(got.status().code() == r.want_code);
    CHECK(got.status().where().file == "in.txt");
    if (r.want_offset >= 0) CHECK(got.status().where().byte_offset == r.want_offset);
  }
}

TEST_CASE("decode: the error message names the file and the byte") {
  const Result<DecodedText> got = decode_bytes("通报第3期\xE4\xB8", "dir/a.txt", {});
  REQUIRE_FALSE(got.ok());
  const std::string s = got.status().to_string();
  CAPTURE(s);
  CHECK(s.rfind("dir/a.txt: byte 13: ", 0) == 0);
}

TEST_CASE("decode: records size and SHA-256 of the raw bytes, BOM included") {
  const Result<DecodedText> got = decode(kUtf8Bom + "abc");
  REQUIRE(got.ok());
  CHECK(got.value().path == "in.txt");
  CHECK(got.value().bytes == 6);
  // sha256sum of EF BB BF 61 62 63.
  CHECK(got.value().sha256 == "1c28dc3f1f804a1ad9c9b4b4cf5e2658d16ad4ed08e3020d04a8d2865018947c");
}

TEST_CASE("decode: a 10 MB single line decodes whole") {
  struct Row {
    std::string name;
    std::string unit;  // repeated to fill the line
    std::string want_unit;
    std::string want_encoding;
  };
  const Row rows[] = {
      {.name = "utf-8", .unit = "一", .want_unit = "一", .want_encoding = "utf-8"},
      {.name = "gb18030", .unit = kGbNotice, .want_unit = "通报", .want_encoding = "gb18030"},
      {.name = "digits", .unit = "0123456789", .want_unit = "0123456789", .want_encoding = "utf-8"},
  };
  constexpr size_t kTarget = 10 * 1024 * 1024;
  for (const Row& r : rows) {
    CAPTURE(r.name);
    const size_t repeats = kTarget / r.unit.size();
    std::string in;
    in.reserve(repeats * r.unit.size() + 1);
    for (size_t i = 0; i < repeats; ++i) in += r.unit;
    in += '\n';
    const Result<DecodedText> got = decode(in);
    REQUIRE_MESSAGE(got.ok(), why(got));
    CHECK(got.value().encoding == r.want_encoding);
    REQUIRE(got.value().lines.size() == 1);
    const std::string_view text = got.value().lines[0].text;
    CHECK(text.size() == repeats * r.want_unit.size());
    CHECK(text.substr(0, r.want_unit.size()) == r.want_unit);
    CHECK(text.substr(text.size() - r.want_unit.size()) == r.want_unit);
  }
}

TEST_CASE("decode: 100,000 blank lines around one line of text") {
  const std::string blank(100000, '\n');
  const Result<DecodedText> got = decode(blank + "通报" + blank);
  REQUIRE_MESSAGE(got.ok(), why(got));
  // 100,000 blank lines, the text line (ended by the first LF after it), 99,999 blank lines.
  REQUIRE(got.value().lines.size() == 200000);
  CHECK(got.value().lines[100000].text == "通报");
  CHECK(got.value().lines[100000].number == 100001);
}

TEST_CASE("decode: the samples decode in the encodings they were written in") {
  namespace fs = std::filesystem;
  struct Row {
    const char* file;
    const char* want_encoding;
    bool want_bom;
    bool want_form_feed;
  };
  const Row rows[] = {
      {.file = "01_wrapped_pdf.txt",
       .want_encoding = "utf-8",
       .want_bom = false,
       .want_form_feed = false},
      {.file = "04_gb18030.txt",
       .want_encoding = "gb18030",
       .want_bom = false,
       .want_form_feed = false},
      {.file = "05_utf16le_bom.txt",
       .want_encoding = "utf-16le",
       .want_bom = true,
       .want_form_feed = false},
      {.file = "06_utf8_bom_crlf.txt",
       .want_encoding = "utf-8",
       .want_bom = true,
       .want_form_feed = false},
      {.file = "07_formfeed_pages.txt",
       .want_encoding = "utf-8",
       .want_bom = false,
       .want_form_feed = true},
  };
  for (const Row& r : rows) {
    CAPTURE(r.file);
    const fs::path path = fs::path(JB_SOURCE_DIR) / "samples" / r.file;
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream buf;
    buf << in.rdbuf();
    const Result<DecodedText> got = decode_bytes(buf.str(), path.string(), {});
    REQUIRE_MESSAGE(got.ok(), why(got));
    CHECK(got.value().encoding == r.want_encoding);
    CHECK(got.value().bom == r.want_bom);
    bool form_feed = false;
    for (const SourceLine& l : got.value().lines) {
      form_feed = form_feed || l.form_feed;
      CHECK(l.text.find_first_of("\r\n\f") == std::string::npos);
    }
    CHECK(form_feed == r.want_form_feed);
    // Every sample is a bulletin: some line ends a sentence.
    bool cjk = false;
    for (const SourceLine& l : got.value().lines)
      cjk = cjk || l.text.find("。") != std::string::npos;
    CHECK(cjk);
  }
}

TEST_CASE("decode: the lines view one buffer, which outlives moves and copies (issue 17)") {
  // A short text: a moved std::string would carry it inline and leave the views dangling.
  Result<DecodedText> got = decode("ab\r\nc\fd\n\nlast");
  REQUIRE_MESSAGE(got.ok(), why(got));
  const DecodedText moved = std::move(got.value());
  const DecodedText copy = moved;  // NOLINT: the copy is what is checked
  for (const DecodedText* d : {&moved, &copy}) {
    REQUIRE(d->buffer != nullptr);
    CHECK(texts(*d) == std::vector<std::string>{"ab", "cd", "", "last"});
    CHECK(d->lines[1].form_feed);
    for (const SourceLine& l : d->lines) {
      CHECK(l.text.data() >= d->buffer->data());
      CHECK(l.text.data() + l.text.size() <= d->buffer->data() + d->buffer->size());
    }
  }
  // No string per line: 24 bytes a line on a large input.
  CHECK(sizeof(SourceLine) <= 24);
}

}  // namespace
}  // namespace jianbao::decode
