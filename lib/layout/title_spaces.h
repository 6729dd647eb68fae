// Closes up the spaces a tool put into a title where its line broke.
#pragma once

#include <string>
#include <string_view>

namespace jianbao::layout {

// `title` without the single spaces between two CJK characters (full-width punctuation
// included): pandoc -t plain turns a title's manual line break into one space ("部署开展文化
// 旅游场所" -> "部署开展文化旅游场所"). A tool's break leaves a full line before each gap, so
// a middle phrase of at most `phrase_max_chars`, or a first phrase (after a "吉林省：" region,
// ended by one of `region_marks`) that short before a next phrase as short, is set apart on
// purpose and all spaces are kept ("吉林省：确立目标 强化协作 扎实推进……", "压实责任 筑牢防线",
// letter-spaced names "安 全 生 产"). Other spaces are kept. A quote of `quote_marks` counts as a
// CJK character beside a gap: pandoc breaks a line next to one too ("安全生产 “开学第一课”").
std::string close_title_spaces(std::string_view title, int phrase_max_chars,
                               std::u32string_view region_marks, std::u32string_view quote_marks);

}  // namespace jianbao::layout
