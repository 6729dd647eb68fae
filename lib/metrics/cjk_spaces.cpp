#include "metrics/cjk_spaces.h"

#include <utility>

#include "core/utf8.h"

namespace jianbao::metrics {
namespace {

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Whether the spaces [i, j) of `cps` follow a decimal point of a figure ("3. 2"): a digit after
// them, the point and a digit before, and the digits before the point not a point marker.
bool after_decimal_point(const std::vector<char32_t>& cps, size_t i, size_t j,
                         std::u32string_view point_marker_after) {
  if (j >= cps.size() || !is_digit(cps[j]) || i < 2 || cps[i - 1] != '.' || !is_digit(cps[i - 2])) {
    return false;
  }
  size_t k = i - 2;
  while (k > 0 && is_digit(cps[k - 1])) --k;
  while (k > 0 && cps[k - 1] == ' ') --k;
  if (k == 0) return false;  // the number opens the text: "3. 2023年以来…"
  return point_marker_after.find(cps[k - 1]) == std::u32string_view::npos;
}

}  // namespace

SqueezedText squeeze_cjk_spaces(std::string_view text, std::u32string_view point_marker_after) {
  if (text.find(' ') == std::string_view::npos) return {};  // most blocks: nothing to take out
  std::vector<char32_t> cps;
  cps.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) cps.push_back(core::next_code_point(text, &pos));
  const size_t n = cps.size();
  // The runs of spaces taken out, [first, second) in code points; most blocks with a space keep
  // them all, and then nothing is built.
  std::vector<std::pair<size_t, size_t>> out_runs;
  for (size_t i = 0; i < n;) {
    if (cps[i] != ' ') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < n && cps[j] == ' ') ++j;
    if (i > 0 && j < n &&
        ((core::is_cjk(cps[i - 1]) && core::is_cjk(cps[j])) ||
         after_decimal_point(cps, i, j, point_marker_after))) {
      out_runs.emplace_back(i, j);  // between two CJK characters, or after a decimal point
    }
    i = j;
  }
  if (out_runs.empty()) return {};  // no space was taken out
  SqueezedText out;
  out.text.reserve(text.size());
  out.to_source.reserve(n + 1);
  size_t run = 0;
  for (size_t i = 0; i < n; ++i) {
    if (run < out_runs.size() && i == out_runs[run].first) {
      i = out_runs[run++].second - 1;
      continue;
    }
    core::append_utf8(&out.text, cps[i]);
    out.to_source.push_back(static_cast<int>(i));
  }
  out.to_source.push_back(static_cast<int>(n));
  return out;
}

std::string text_for_rules(std::string_view normalized, std::u32string_view point_marker_after) {
  SqueezedText s = squeeze_cjk_spaces(normalized, point_marker_after);
  return s.to_source.empty() ? std::string(normalized) : std::move(s.text);
}

}  // namespace jianbao::metrics
