// Letter-spaced lines ("安 全 生 产 简 报", "关 于 …") lose their spaces between CJK characters.
#pragma once

#include <string>
#include <string_view>

namespace jianbao::structure {

// `text` without each of `spaces` that stands between two CJK characters (core::is_cjk; the
// characters beside it as written, spaces too). Malformed bytes become U+FFFD, one a byte, as
// decoding and re-encoding the text would make them.
std::string drop_spaces_between_cjk(std::string_view text, std::u32string_view spaces);

}  // namespace jianbao::structure
