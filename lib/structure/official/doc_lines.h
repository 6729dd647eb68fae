// The content lines of an official document, one list over all blocks, and the small tests the
// readers of its parts share (is this line a name, a date, a list of recipients).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

#include "core/icu_regex.h"
#include "jianbao/layout.h"

namespace jianbao {
class RuleSet;
}

namespace jianbao::structure::official {

struct DocLine {
  int number = 0;    // 1-based source line
  std::string text;  // as layout cleaned it, spaces between CJK characters removed
  std::string norm;  // text, width-normalised (the same code points one for one)
  size_t block = 0;  // index into CleanText::blocks
  size_t index = 0;  // line index within that block
  bool page_start = false;
  bool title_block = false;  // its block is title-shaped
  bool piece = false;        // cut from the source line before it at a paragraph separator
  // Source columns of its first and last character (0: unknown). Pieces of one source line
  // (a web page's) share its number; their columns tell which section a figure is in.
  int column = 0;
  int end_column = 0;
};

// Text flattened onto one line (a web page's) is cut at rules.official.paragraph_separator
// (two ideographic spaces) into one DocLine per paragraph, all with the source line's number.
std::vector<DocLine> flatten(const layout::CleanText& text, const RuleSet& rules,
                             size_t max_lines = SIZE_MAX);

// One pattern run over one text, with the named groups asked for.
struct Hit {
  bool found = false;
  int start = -1;  // code points
  int end = -1;
  std::map<std::string, std::string> groups;
  std::map<std::string, int> starts;  // code point where each group begins, -1 when unmatched
  explicit operator bool() const { return found; }
  std::string group(const std::string& name) const;
  // The group's text taken from `original`, a text of the same code points as the one matched
  // (the line's text where the pattern ran on its width-normalised form).
  std::string group_in(const std::string& original, const std::string& name) const;
};

// `whole`: the pattern must match all of `text`; else its first match anywhere.
Hit run(const core::Regex& re, const std::string& text, const RuleSet& rules,
        std::initializer_list<const char*> names = {}, bool whole = true);

// Code points [begin, end) of `text`.
std::string slice(const std::string& text, int begin, int end);

bool ends_with(const std::string& text, const std::string& tail);

// A line that is an organisation's name and nothing else: short, no sentence punctuation, ending
// with one of the organ suffixes.
bool is_name(const std::string& norm, const RuleSet& rules);
bool ends_with_organ(const std::string& norm, const RuleSet& rules);
// The length in code points of the longest organ suffix `norm` ends with, 0 for none.
size_t organ_suffix_length(const std::string& norm, const RuleSet& rules);
// Whether the text holds a CJK character (a page number or a rule holds none).
bool holds_cjk(const std::string& text);

// "2024年1月21日" or "二〇二四年一月二十一日" as YYYY-MM-DD; "" when no whole date.
std::string iso_date(const std::string& text, const RuleSet& rules);

// Splits a list of recipients at top-level separators, and at 、 where the parts are whole
// names (see recipient_list_mark in rules/structure/official.yaml).
std::vector<std::string> split_names(const std::string& text, const RuleSet& rules);

}  // namespace jianbao::structure::official
