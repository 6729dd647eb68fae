// The ideographs every match of a pattern holds: those written at the top level of the pattern,
// outside any group, class, escape or alternation, and not made optional by a quantifier
// ("…\s*号" holds 号 in every match). A line without one of them cannot match, so callers skip
// ICU for it: a find over a line costs ICU thousands of instructions a character even where
// it fails (the 发文字号 pattern was a third of the structure stage).
//
// Conservative by construction: a pattern it cannot read plainly (free-spacing mode, \Q…\E, a
// top-level alternation) requires nothing. Only ideographs and CJK punctuation (、【】, not
// U+3000) are returned, since width normalisation (full-width forms, U+3000), which callers
// apply before matching, leaves them as they are: a test over raw or normalised text gives the
// same answer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jianbao::core {

// Each required ideograph once, as UTF-8, in pattern order.
std::vector<std::string> required_ideographs(std::string_view pattern);

}  // namespace jianbao::core
