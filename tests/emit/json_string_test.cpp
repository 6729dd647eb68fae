// The JSON string escaper must write what nlohmann's dump() writes, and throw where it throws, for
// every byte value and every UTF-8 edge (overlongs, surrogates, past U+10FFFF, cut sequences),
// wherever the bytes fall in a 16- or 32-byte block of the fast paths (SSE2, AVX2): at its start,
// at its end and across the boundary, after ASCII and after CJK text.
#include "emit/json_string.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "emit/json_writer.h"
#include "emit/text_buffer.h"

namespace jianbao::emit {
namespace {

using Json = nlohmann::ordered_json;

// nlohmann's dump(), or nullopt where it throws.
std::optional<std::string> dumped(const std::string& s) {
  try {
    return Json(s).dump();
  } catch (const Json::type_error&) {
    return std::nullopt;
  }
}

// append_json_string after some text; nullopt where it throws (and then the text is untouched).
std::optional<std::string> appended(const std::string& s) {
  const std::string before = "x:";
  std::string out = before;
  try {
    append_json_string(&out, s);
  } catch (const Json::type_error&) {
    if (out != before) return "(text changed by a throw)";
    return std::nullopt;
  }
  if (out.compare(0, before.size(), before) != 0) return "(text before changed)";
  return out.substr(before.size());
}

// The same string as a JsonWriter value, which takes a path of its own for strings.
std::optional<std::string> written(const std::string& s) {
  std::string storage;
  TextBuffer text(&storage);
  JsonWriter w(&text, -1);
  try {
    w.str(s);
  } catch (const Json::type_error&) {
    return std::nullopt;
  }
  return std::string(text.text());
}

std::string hex(const std::string& s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    out += kHex[b >> 4];
    out += kHex[b & 0xF];
    out += ' ';
  }
  return out;
}

// Checks one string; returns false when it differs (the caller stops after a few).
bool same_as_nlohmann(const std::string& s) {
  const std::optional<std::string> want = dumped(s);
  const std::optional<std::string> got = appended(s);
  const std::optional<std::string> streamed = written(s);
  if (got == want && streamed == want) return true;
  CAPTURE(hex(s));
  CHECK(got == want);
  CHECK(streamed == want);
  return false;
}

// Counts the strings that differ, and stops checking after a few: a broken escaper stays quick.
struct Checker {
  int checked = 0;
  int failed = 0;
  void operator()(const std::string& s) {
    if (failed >= 5) return;
    ++checked;
    if (!same_as_nlohmann(s)) ++failed;
  }
};

// Text of `length` bytes ending on a character boundary: ASCII, or CJK (three-byte characters)
// after one or two ASCII bytes where 3 does not divide the length.
std::string lead_in(size_t length, bool cjk) {
  if (!cjk) return std::string(length, 'a');
  std::string s(length % 3, 'a');
  while (s.size() < length) s += "中";
  return s;
}

// Valid text after the bytes under test, longer than a block, with 2-, 3- and 4-byte characters.
const std::string kTail = "文字abc，（一）é2024年😀末尾的文字";

TEST_CASE("json string: every byte value, alone and at every place in a block, as nlohmann") {
  Checker check;
  for (int b = 0; b < 256; ++b) {
    const std::string byte(1, static_cast<char>(b));
    check(byte);
    for (size_t at = 0; at <= 40; ++at) {
      for (const bool cjk : {false, true}) {
        check(lead_in(at, cjk) + byte + kTail);
        check(lead_in(at, cjk) + byte);  // the last byte of the string
      }
    }
  }
  CHECK(check.failed == 0);
  CHECK(check.checked > 256 * 41 * 4);
}

TEST_CASE("json string: every lead byte with every second byte, about a block boundary") {
  // C2..F4 start sequences; every other byte >= 0x80 is malformed whatever follows (above).
  Checker check;
  for (int lead = 0xc2; lead <= 0xf4; ++lead) {
    for (int second = 0; second < 256; ++second) {
      const std::string pair = {static_cast<char>(lead), static_cast<char>(second)};
      // Third and fourth bytes continuations, so only the first two decide: the lead first in a
      // block, and last in one (its second byte in the next); then the pair ending the string.
      check(pair + "\x80\x80" + kTail);
      check(lead_in(15, true) + pair + "\x80\x80" + kTail);
      check(lead_in(31, true) + pair + "\x80\x80" + kTail);
      check(lead_in(14, true) + pair);
      check(lead_in(30, true) + pair);
    }
  }
  CHECK(check.failed == 0);
  CHECK(check.checked == 51 * 256 * 5);
}

TEST_CASE("json string: three- and four-byte sequences with each later byte out of range") {
  Checker check;
  const unsigned char kSecond[] = {0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf};
  const unsigned char kLater[] = {0x7f, 0x80, 0xbf, 0xc0};  // below, at both ends of, above 80..BF
  for (int lead = 0xe0; lead <= 0xf4; ++lead) {
    for (const unsigned char second : kSecond) {
      for (const unsigned char third : kLater) {
        for (const unsigned char fourth : kLater) {
          const std::string seq = {static_cast<char>(lead), static_cast<char>(second),
                                   static_cast<char>(third), static_cast<char>(fourth)};
          for (const size_t at : {0, 13, 14, 15, 29, 30, 31}) {
            check(lead_in(at, true) + seq + kTail);
            check(lead_in(at, false) + seq);
          }
        }
      }
    }
  }
  CHECK(check.failed == 0);
}

TEST_CASE("json string: a character cut short at the string's end, at every length") {
  Checker check;
  for (const std::string whole : {"é", "中", "，", "😀", "\xf4\x8f\xbf\xbf"}) {
    for (size_t keep = 1; keep < whole.size(); ++keep) {
      for (size_t at = 0; at <= 40; ++at) {
        check(lead_in(at, false) + whole.substr(0, keep));
        check(lead_in(at, true) + whole.substr(0, keep));
        check(lead_in(at, true) + whole.substr(0, keep) + "a");
      }
    }
  }
  CHECK(check.failed == 0);
}

TEST_CASE("json string: escapes and valid text between them come out in order") {
  std::string all;
  for (int c = 0; c < 0x80; ++c) all.push_back(static_cast<char>(c));
  std::string mixed;
  for (int i = 0; i < 200; ++i) mixed += (i % 7 == 0 ? "\n" : i % 5 == 0 ? "\"\\" : "中文a");
  Checker check;
  for (const std::string& s : {all, all + all, mixed, std::string(), std::string(1000, '"')}) {
    check(s);
  }
  CHECK(check.failed == 0);
  // The spellings nlohmann uses, written out: lower-case hex, the two-letter escapes, DEL raw.
  CHECK(appended("\x01\x1f\b\f\n\r\t\"\\\x7f/") == R"("\u0001\u001f\b\f\n\r\t\"\\)"
                                                   "\x7f"
                                                   R"(/")");
}

}  // namespace
}  // namespace jianbao::emit
