#include "layout/title_spaces.h"

#include <vector>

#include "core/utf8.h"

namespace jianbao::layout {

std::string close_title_spaces(std::string_view title, int phrase_max_chars,
                               std::u32string_view region_marks, std::u32string_view quote_marks) {
  std::u32string cps;
  for (size_t pos = 0; pos < title.size();) cps.push_back(core::next_code_point(title, &pos));
  // The spaces a line break may have left: one ASCII space between two CJK characters (the
  // ideographic space U+3000 is a space, not a character beside one; a Chinese quote is one).
  const auto is_char = [&](char32_t c) {
    return (core::is_cjk(c) && c != 0x3000) || quote_marks.find(c) != std::u32string_view::npos;
  };
  std::vector<size_t> gaps;
  for (size_t i = 1; i + 1 < cps.size(); ++i) {
    if (cps[i] == ' ' && is_char(cps[i - 1]) && is_char(cps[i + 1])) gaps.push_back(i);
  }
  if (gaps.empty()) return std::string(title);
  // A line broken by a tool leaves full lines before each gap; only the last piece may be
  // short. A short first phrase (after a "吉林省：" region) or a short phrase between two gaps is
  // a phrase set apart on purpose ("确立目标 强化协作 扎实推进……", "安 全 生 产"): keep them.
  const auto is_short = [&](size_t n) {
    return phrase_max_chars > 0 && n <= static_cast<size_t>(phrase_max_chars);
  };
  size_t first_from = 0;
  for (size_t i = 0; i < gaps[0]; ++i)
    if (region_marks.find(cps[i]) != std::u32string_view::npos) first_from = i + 1;
  // A gap right after the region's colon is a break, not a phrase. A short first phrase is set
  // apart only beside another short one ("压实责任 筑牢防线"): before a long rest ("赤城县：坚持
  // 问题 导向推动矿山安全整治走深走实") the gap is where a tool broke the line.
  const size_t next_end = gaps.size() > 1 ? gaps[1] : cps.size();
  bool balanced =
      gaps[0] > first_from && is_short(gaps[0] - first_from) && is_short(next_end - gaps[0] - 1);
  for (size_t k = 1; k < gaps.size() && !balanced; ++k)
    balanced = is_short(gaps[k] - gaps[k - 1] - 1);
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
