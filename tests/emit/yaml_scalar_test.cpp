// append_yaml_scalar answers text that starts with a non-ASCII character on a short path. Its
// answer must be the full check's: behind an ASCII letter the same text takes the full path, and
// the letter changes nothing else (it is no indicator, number or word, and starts no ": " or
// " #"), so the two must differ by that letter alone.
#include "emit/yaml_scalar.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace jianbao::emit {
namespace {

std::string scalar(const std::string& s) {
  std::string out;
  append_yaml_scalar(&out, s);
  return out;
}

// What `s` must come out as, from the full path's answer for "a" + s.
std::string by_full_path(const std::string& s) {
  std::string out = scalar("a" + s);
  out.erase(out[0] == '"' ? 1 : 0, 1);
  return out;
}

TEST_CASE("yaml scalar: text starting with non-ASCII is quoted exactly when the full check says") {
  // Pieces that make a scalar need quotes or escapes, wherever they stand, and plain ones.
  const std::vector<std::string> pieces = {"中",
                                           "，",
                                           "é",
                                           "😀",
                                           "a",
                                           "1",
                                           ":",
                                           " ",
                                           "#",
                                           "\t",
                                           "\n",
                                           "\"",
                                           "\\",
                                           "\x7f",
                                           "'",
                                           "-",
                                           "\xc2\x85",
                                           "\xc2\xa0",
                                           "\xe2\x80\xa8",
                                           "\xe2\x80\xa9",
                                           "\xef\xbb\xbf",
                                           "\xef\xbf\xbd",
                                           "\xef\xb7\x90",
                                           "\xef\xbf\xbe",
                                           "\xf0\x9f\xbf\xbf",
                                           "\xff",
                                           "\xe4\xb8",
                                           "\xed\xa0\x80",
                                           "\x01"};
  const std::vector<std::string> leads = {"中", "，", "é", "😀", "\xc2\xa0", "\xef\xbf\xbd", "\xff"};
  int checked = 0;
  for (const std::string& lead : leads) {
    for (const std::string& a : pieces) {
      for (const std::string& b : pieces) {
        for (const std::string& s : {lead + a + b, lead + a + "文" + b, lead + a + b + "文"}) {
          CAPTURE(s);
          CHECK(scalar(s) == by_full_path(s));
          ++checked;
        }
      }
    }
  }
  CHECK(checked == 7 * 29 * 29 * 3);
  // Plain CJK text stays plain; a ": " inside it, or a colon at its end, needs quotes.
  CHECK(scalar("全年完成投资12亿元，增长5%") == "全年完成投资12亿元，增长5%");
  CHECK(scalar("注: 说明") == "\"注: 说明\"");
  CHECK(scalar("说明:") == "\"说明:\"");
  // Code points written as escapes, next to the ranges the check skips quickly.
  CHECK(scalar("中\xc2\x85") == "\"中\\x85\"");
  CHECK(scalar("中\xc2\x9f") == "\"中\\x9F\"");
  CHECK(scalar("中\xe2\x80\xa8") == "\"中\\u2028\"");
  CHECK(scalar("中\xe2\x80\xa9") == "\"中\\u2029\"");
  CHECK(scalar("中\xef\xb7\x90") == "\"中\\uFDD0\"");
  CHECK(scalar("中\xef\xbb\xbf") == "\"中\\uFEFF\"");
  CHECK(scalar("中\xef\xbf\xbe") == "\"中\\uFFFE\"");
  CHECK(scalar("中\xf0\x9f\xbf\xbf") == "\"中\\U0001FFFF\"");
  CHECK(scalar("中\xe2\x80\xa7\xe2\x80\xaa\xed\x9f\xbf") ==
        "中\xe2\x80\xa7\xe2\x80\xaa\xed\x9f\xbf");
}

}  // namespace
}  // namespace jianbao::emit
