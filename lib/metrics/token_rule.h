// Metric rules written as a short sequence of token classes instead of a regex (issue 12):
//
//   tokens: "cmpb=cmp_before? value=NUM 个? unit=count_unit cmp=cmp_after?"
//
// Items are separated by spaces. An item is
//   NUM           a figure (TokenClasses::number: Arabic with thousands groups, decimals and
//                 multipliers such as 1.5万, or a run of Chinese numerals 三千五百 / 负三点五)
//   NUMX          a figure as the {num_cn} fragment's atomic group reads it (FigureReader: one
//                 reading, 三千 八百, 十余万, 一千零五); NUMX+sign reads {num_sign} before it,
//                 +kilo {num_kilo} after it, +打 (any other word) an optional " *打" after it,
//                 all inside the group; +whole refuses a figure ending in a digit that another
//                 digit follows (二三十); +arabic reads {num_arabic} alone (no Chinese
//                 figure); +backtrack gives the figure no atomic group of its own: its every
//                 reading, in the order a regex backtracking into {num_cn} tries them
//   count_unit    a word class of rules/common/tokens.yaml (its words tried in the listed order)
//   个, 余|多     literal words (any item that is not ASCII), alternatives split by |
//   HAN{1,8}      a run of Han characters, longest first (the counted noun after 个)
//   SP            any run of spaces, longest first (PDF text's "3 至 5家")
//   ( ... )       a group of items; (> ... ) an atomic one, (?>...): once read, never read again
//                 shorter when the rest fails (nothing captured inside, the group itself may be); (
//                 a b | c ) a group of alternatives, tried in order
//   digit{2,4}    a run of characters of a class whose words are single characters, longest
//                 first ({2,} for no upper bound); SP{0,1} a run of spaces so bounded;
//                 ^close_quote{1,16} a run of characters none of which is in the class (a
//                 regex's [^”]{1,16}), which cannot begin a sequence
//   END           the end of the text (a regex's $ without a final line break), no text
//   {year_any}    a named sequence of rules/common/tokens.yaml (`sequences`), written in place
// followed by ? when optional, and preceded by field= to capture its text into a field of the
// metric's captures (value, unit, cmp, ... as the regex rules' named groups). !item is "not
// followed by item" and <!item "not preceded by item" (both take no text). Lookarounds of a
// word item or a group, as in a regex: ?=x, ?!x (followed / not followed by), ?<=x, ?<!x
// (preceded / not preceded by; the group's length must be bounded: no SP, no NUM). Like a
// regex's, a lookaround is atomic and captures nothing.
//
// Matching backtracks like a regex: an optional item is tried taken first, a class's words in
// their order, a figure's possible ends longest first, and the first way through the whole
// sequence wins. So a sequence reads the same text as the regex it replaces, written with the
// same alternatives in the same order (the rule's oracle_pattern checks it, rules test).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "jianbao/status.h"
#include "metrics/figure_reader.h"

namespace jianbao::metrics {

// The characters a figure (NUM) is made of. Read from rules/common/tokens.yaml.
struct NumberChars {
  std::u32string digits;       // 0-9: a run of them is an Arabic figure
  std::u32string group_marks;  // ",": a thousands group follows (three digits)
  std::u32string points;       // ".": decimals follow
  std::u32string multipliers;  // 万 亿 after an Arabic figure (1.5万, 5万4千)
  std::u32string cn_digits;    // 一 二 两 ...
  std::u32string cn_units;     // 十 百 千 万 亿 ...
  std::u32string cn_points;    // 点: Chinese decimals follow (三点五)
  std::u32string negative;     // 负 before a Chinese figure
};

struct TokenClasses {
  NumberChars number;
  FigureChars figure;                                        // NUMX
  std::map<std::string, std::vector<std::u32string>> words;  // class name -> words, in order
  std::map<std::string, std::string> sequences;  // name -> items, written in place of {name}
};

// The capture fields a sequence may write (the regex rules' group names). The last one, noun,
// is the counted noun that the candidate finder cuts by word breaks (kNounField).
const std::vector<std::string>& token_fields();
constexpr int kNounField = 21;

// One item of a compiled sequence. Groups are flattened: an open item names its close item.
struct TokenItem {
  enum class Type {
    kWords,
    kNumber,
    kFigure,
    kHan,
    kSpaces,
    kRun,  // a bounded run of the characters in `chars`
    kOpen,
    kAlt,  // ends an alternative of its group (the '|' before the next one)
    kClose,
    kNotWords,
    kNotAfter,
    kEnd  // the end of the text
  };
  // kOpen: a plain group, or a lookaround that takes no text.
  enum class Look { kNone, kAhead, kBehind };
  Type type = Type::kWords;
  bool optional = false;
  int field = -1;  // index in token_fields(), -1: not captured
  // kOpen: index of its kClose; kClose: index of its kOpen; kAlt: index of its group's kClose
  int close = -1;
  int min = 1;  // kHan, kRun: how many characters, at least and at most; kOpen of a
  int max = 1;  // lookbehind: how long the text it reads can be
  Look look = Look::kNone;
  bool negative = false;  // kOpen of a lookaround: "not followed / preceded by"
  // kOpen of (> ... ): atomic, as a regex's (?>...): its first reading is its only one
  bool atomic = false;
  std::vector<int> alts;              // kOpen: its kAlt items, in order
  std::u32string chars;               // kRun: sorted
  bool negated = false;               // kRun: a run of the characters not in `chars`
  std::vector<std::u32string> words;  // kWords, kNotWords, kNotAfter
  // (first code point, index in words) sorted, so a match looks only at the words that can
  // begin at a position, in their order; for kNotAfter by the last code point.
  std::vector<std::pair<char32_t, int>> by_char;
  // Bit (c % 64) set for each key code point c of by_char: most code points are rejected by it
  // without the search.
  uint64_t key_mask = 0;
  // kNumber, kRun, kHan: the code points what follows it can begin with (sorted), or
  // follow_any: anything
  // (the rest may take no text, or begins with HAN). A reading of the figure that ends before
  // anything else is not tried.
  std::u32string follow;
  bool follow_any = true;
  FigureForm figure;  // kFigure: what it reads around the figure
};

// Words one of which every match holds, and the most code points other than spaces and ASCII
// digits a match reads before it (-1: no bound).
struct TokenAnchor {
  std::vector<std::u32string> words;
  int reach = -1;
};

struct TokenSequence {
  std::string source;  // as written
  std::vector<TokenItem> items;
  std::vector<int> fields;  // fields captured, in the order they first appear
  // Code points a match can begin with (through leading optional items).
  std::u32string first_chars;
  // Words one of which every match holds (a words item taken in every match, or the union of
  // one per alternative of a group taken in every match; the fewest words of those), empty when
  // there are none. A block without any of them is not searched.
  std::vector<std::u32string> anchor_words;
  // The most code points other than spaces and ASCII digits a match reads before its anchor
  // word (-1: no bound): no match begins where the next anchor word is further. Digits are not
  // counted so that a figure of digit runs (digit{1,3} ( . digit{1,} )?) has a bound.
  int anchor_reach = -1;
  // Every such word set (anchor_words among them), in the order of the items: the matcher tries
  // a match only where each of them is found within its reach.
  std::vector<TokenAnchor> anchors;
};

// Compiles `text`; a bad item (unknown class, unknown field, unbalanced group, a sequence that
// can match nothing) gives kBadRules naming it.
Result<TokenSequence> compile_token_sequence(std::string_view text, const TokenClasses& classes);

}  // namespace jianbao::metrics
