#include "structure/cjk_spaces.h"

#include "core/utf8.h"

namespace jianbao::structure {

std::string drop_spaces_between_cjk(std::string_view text, std::u32string_view spaces) {
  // Most lines hold nothing to drop or re-encode: unchanged runs are copied whole.
  std::string out;
  size_t run = 0;  // where the run not copied yet begins
  size_t pos = 0;
  bool prev_cjk = false;  // whether the code point before the current one is CJK
  while (pos < text.size()) {
    const size_t at = pos;
    const char32_t c = core::next_code_point(text, &pos);
    const bool cjk = core::is_cjk(c);
    bool drop = false;
    if (prev_cjk && pos < text.size() && spaces.find(c) != std::u32string_view::npos) {
      size_t next = pos;
      drop = core::is_cjk(core::next_code_point(text, &next));
    }
    // A malformed byte decodes as U+FFFD, one byte long; a genuine U+FFFD is three.
    const bool malformed = c == 0xFFFD && pos - at != 3;
    if (drop || malformed) {
      out.append(text.substr(run, at - run));
      if (malformed) core::append_utf8(&out, c);
      run = pos;
    }
    prev_cjk = cjk;
  }
  if (run == 0) return std::string(text);
  out.append(text.substr(run));
  return out;
}

}  // namespace jianbao::structure
