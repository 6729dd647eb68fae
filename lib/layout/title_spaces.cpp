#include "layout/title_spaces.h"

#include <vector>

#include "core/utf8.h"

namespace jianbao::layout {

std::string close_title_spaces(std::string_view title, int phrase_max_chars) {
  std::u32string cps;
  for (size_t pos = 0; pos < title.size();) cps.push_back(core::next_code_point(title, &pos));
  // The spaces a line break may have left: one ASCII space between two CJK characters.
  std::vector<size_t> gaps;
  for (size_t i = 1; i + 1 < cps.size(); ++i) {
    const bool cjk_prev = core::is_cjk(cps[i - 1]) && cps[i - 1] != 0x3000;
    const bool cjk_next = core::is_cjk(cps[i + 1]) && cps[i + 1] != 0x3000;
    if (cps[i] == ' ' && cjk_prev && cjk_next) gaps.push_back(i);
  }
  if (gaps.empty()) return std::string(title);
  // Phrases between the gaps (and the title's ends) all of one short length: set apart on
  // purpose.
  bool balanced = phrase_max_chars > 0;
  size_t from = 0;
  size_t length = 0;
  for (size_t k = 0; k <= gaps.size() && balanced; ++k) {
    const size_t to = k < gaps.size() ? gaps[k] : cps.size();
    const size_t n = to - from;
    balanced = n <= static_cast<size_t>(phrase_max_chars) && (k == 0 || n == length);
    length = n;
    from = to + 1;
  }
  if (balanced) return std::string(title);
  std::string out;
  out.reserve(title.size());
  size_t next_gap = 0;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (next_gap < gaps.size() && gaps[next_gap] == i) {
      ++next_gap;
      continue;
    }
    core::append_utf8(&out, cps[i]);
  }
  return out;
}

}  // namespace jianbao::layout
