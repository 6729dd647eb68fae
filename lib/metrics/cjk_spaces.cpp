#include "metrics/cjk_spaces.h"

#include "core/utf8.h"

namespace jianbao::metrics {

SqueezedText squeeze_cjk_spaces(std::string_view text) {
  if (text.find(' ') == std::string_view::npos) return {};  // most blocks: nothing to take out
  std::vector<char32_t> cps;
  size_t pos = 0;
  while (pos < text.size()) cps.push_back(core::next_code_point(text, &pos));
  const size_t n = cps.size();
  SqueezedText out;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && cps[j] == ' ') ++j;
    if (j > i && i > 0 && j < n && core::is_cjk(cps[i - 1]) && core::is_cjk(cps[j])) {
      i = j;  // a run of spaces between two CJK characters
      continue;
    }
    if (j == i) j = i + 1;
    for (; i < j; ++i) {
      core::append_utf8(&out.text, cps[i]);
      out.to_source.push_back(static_cast<int>(i));
    }
  }
  if (out.to_source.size() == n) return {};  // no space stood between CJK characters
  out.to_source.push_back(static_cast<int>(n));
  return out;
}

std::string text_for_rules(std::string_view normalized) {
  SqueezedText s = squeeze_cjk_spaces(normalized);
  return s.to_source.empty() ? std::string(normalized) : std::move(s.text);
}

}  // namespace jianbao::metrics
