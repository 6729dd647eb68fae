#include "metrics/token_rule.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "core/utf8.h"

namespace jianbao::metrics {
namespace {

constexpr size_t kMaxItems = 96;
constexpr int kMaxExpansion = 8;  // named sequences within named sequences
constexpr int kUnbounded = 1 << 20;

// What anchor_reach does not count: spaces and ASCII digits (TokenSequence::anchor_reach).
bool uncounted(char32_t c) { return c == U' ' || (c >= U'0' && c <= U'9'); }

bool is_class_name(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

void add_first_chars(std::u32string* set, const std::u32string& chars) {
  for (const char32_t c : chars) {
    if (set->find(c) == std::u32string::npos) set->push_back(c);
  }
}

class SequenceCompiler {
 public:
  SequenceCompiler(std::string_view text, const TokenClasses& classes)
      : text_(text), classes_(classes) {}

  Result<TokenSequence> compile() {
    seq_.source = std::string(text_);
    std::vector<std::string> words;
    if (Status s = expand(text_, 0, &words); !s.ok()) return s;
    std::vector<int> open;  // indices of the groups not closed yet
    // A lookaround of one word item (?<=年|天) is a lookaround group around it: closed at once.
    bool close_now = false;
    for (const std::string& written : words) {
      std::string_view item = written;
      if (item == ")" || item == ")?") {
        if (open.empty()) return bad("')' closes no group");
        if (item == ")?" &&
            seq_.items[static_cast<size_t>(open.back())].look != TokenItem::Look::kNone) {
          return bad("a lookaround cannot be optional");
        }
        close_group(&open, item == ")?");
        continue;
      }
      if (item == "|") {
        if (open.empty()) return bad("'|' outside a group");
        TokenItem alt;
        alt.type = TokenItem::Type::kAlt;
        seq_.items[static_cast<size_t>(open.back())].alts.push_back(
            static_cast<int>(seq_.items.size()));
        seq_.items.push_back(std::move(alt));
        continue;
      }
      TokenItem look;
      if (Status s = lookaround_prefix(&item, &look); !s.ok()) return s;
      if (look.look != TokenItem::Look::kNone) {
        look.type = TokenItem::Type::kOpen;
        open.push_back(static_cast<int>(seq_.items.size()));
        seq_.items.push_back(std::move(look));
        if (item == "(") continue;
        close_now = true;
      }
      TokenItem t;
      if (const size_t eq = item.find('='); eq != std::string_view::npos) {
        const std::string name(item.substr(0, eq));
        const auto& fields = token_fields();
        const auto it = std::find(fields.begin(), fields.end(), name);
        if (it == fields.end()) return bad(fmt::format("unknown field '{}'", name));
        t.field = static_cast<int>(it - fields.begin());
        if (std::find(seq_.fields.begin(), seq_.fields.end(), t.field) == seq_.fields.end()) {
          seq_.fields.push_back(t.field);
        }
        item.remove_prefix(eq + 1);
      }
      if (item == "(" || item == "(>") {
        if (close_now) return bad("write a lookaround of a group as ?=( ... )");
        t.type = TokenItem::Type::kOpen;
        t.atomic = item == "(>";
        open.push_back(static_cast<int>(seq_.items.size()));
        seq_.items.push_back(std::move(t));
        continue;
      }
      if (item.rfind("<!", 0) == 0) {
        if (t.field >= 0) return bad("a '<!' item takes no text to capture");
        t.type = TokenItem::Type::kNotAfter;
        item.remove_prefix(2);
      } else if (!item.empty() && item.front() == '!') {
        if (t.field >= 0) return bad("a '!' item takes no text to capture");
        t.type = TokenItem::Type::kNotWords;
        item.remove_prefix(1);
      }
      const bool zero_width =
          t.type == TokenItem::Type::kNotWords || t.type == TokenItem::Type::kNotAfter;
      if (item.size() > 1 && item.back() == '?') {
        if (zero_width) return bad("a '!' or '<!' item cannot be optional");
        t.optional = true;
        item.remove_suffix(1);
      }
      if (item.rfind("HAN{", 0) == 0 && item.back() == '}') {
        if (zero_width) return bad("'!HAN' is not supported");
        t.type = TokenItem::Type::kHan;
        const std::string counts(item.substr(4, item.size() - 5));
        if (std::sscanf(counts.c_str(), "%d,%d", &t.min, &t.max) != 2 || t.min < 1 ||
            t.max < t.min) {
          return bad(fmt::format("'{}': write HAN{{min,max}} with 1 <= min <= max", item));
        }
      } else if (item == "NUMX" || item.rfind("NUMX+", 0) == 0) {
        if (zero_width) return bad("'!NUMX' is not supported");
        t.type = TokenItem::Type::kFigure;
        if (Status s = figure_form(item.substr(4), &t.figure); !s.ok()) return s;
      } else if (item == "END") {
        if (zero_width || t.optional) return bad("'END' takes no text: it cannot be negated");
        t.type = TokenItem::Type::kEnd;
      } else if (item == "NUM") {
        if (zero_width) return bad("'!NUM' is not supported");
        t.type = TokenItem::Type::kNumber;
      } else if (item == "SP") {
        if (zero_width || t.optional) return bad("'SP' is already optional (any run of spaces)");
        t.type = TokenItem::Type::kSpaces;
      } else if (const size_t brace = item.find('{');
                 brace != std::string_view::npos && brace > 0 && item.back() == '}') {
        if (zero_width) return bad("a run cannot follow '!' or '<!': write ?!( ... )");
        if (Status st = run_item(item, brace, &t); !st.ok()) return st;
      } else if (is_class_name(item)) {
        const auto it = classes_.words.find(std::string(item));
        if (it == classes_.words.end()) {
          return bad(fmt::format("unknown token class '{}' (rules/common/tokens.yaml)", item));
        }
        t.words = it->second;
      } else {
        size_t from = 0;
        while (from <= item.size()) {
          size_t bar = item.find('|', from);
          if (bar == std::string_view::npos) bar = item.size();
          if (bar == from) return bad(fmt::format("empty word in '{}'", item));
          t.words.push_back(core::to_u32(item.substr(from, bar - from)));
          from = bar + 1;
        }
      }
      seq_.items.push_back(std::move(t));
      if (close_now) {
        close_group(&open, false);
        close_now = false;
      }
    }
    if (!open.empty()) return bad("'(' is never closed");
    if (Status s = check_lookarounds(); !s.ok()) return s;
    // The finder cuts the noun from where it begins to the match's end (word breaks).
    for (size_t i = 0; i < seq_.items.size(); ++i) {
      const TokenItem& t = seq_.items[i];
      if (t.field == kNounField &&
          (t.type != TokenItem::Type::kHan || i + 1 != seq_.items.size())) {
        return bad("noun= takes the last item, a HAN run");
      }
    }
    // The matcher recurses once per item: a bound keeps its stack small whatever the rules say.
    if (seq_.items.size() > kMaxItems) {
      return bad(fmt::format("more than {} items: split the rule", kMaxItems));
    }
    int reach = 0;
    if (find_anchor(0, static_cast<int>(seq_.items.size()), &seq_.anchor_words, &reach,
                    &seq_.anchors)) {
      seq_.anchor_reach = reach < kUnbounded ? reach : -1;
    }
    for (TokenAnchor& a : seq_.anchors) {
      if (a.reach >= kUnbounded) a.reach = -1;
    }
    for (TokenItem& t : seq_.items) {
      for (size_t w = 0; w < t.words.size(); ++w) {
        const std::u32string& word = t.words[w];
        const char32_t key = t.type == TokenItem::Type::kNotAfter ? word.back() : word.front();
        t.by_char.emplace_back(key, static_cast<int>(w));
        t.key_mask |= uint64_t{1} << (key % 64);
      }
      std::sort(t.by_char.begin(), t.by_char.end());
    }
    if (seq_.items.empty()) return bad("empty sequence");
    if (first_chars(0, static_cast<int>(seq_.items.size()), &seq_.first_chars)) {
      return bad("every item is optional: the sequence would match empty text");
    }
    // Matches are tried only where a listed character begins one.
    if (han_first_) return bad("a sequence cannot begin with HAN or a ^ run");
    // A figure, run or Han run ends only where what follows it can begin (inside a lookaround,
    // anywhere: its end is the lookaround's, not the sequence's).
    std::vector<int> looks;  // the lookarounds open at item i (their kClose)
    for (size_t i = 0; i < seq_.items.size(); ++i) {
      TokenItem& t = seq_.items[i];
      while (!looks.empty() && looks.back() < static_cast<int>(i)) looks.pop_back();
      if (t.type == TokenItem::Type::kOpen && t.look != TokenItem::Look::kNone) {
        looks.push_back(t.close);
      }
      if (t.type != TokenItem::Type::kNumber && t.type != TokenItem::Type::kRun &&
          t.type != TokenItem::Type::kHan) {
        continue;
      }
      if (!looks.empty()) continue;  // follow_any
      han_first_ = false;
      const bool rest_empty =
          first_chars(static_cast<int>(i) + 1, static_cast<int>(seq_.items.size()), &t.follow);
      t.follow_any = rest_empty || han_first_;
      std::sort(t.follow.begin(), t.follow.end());
    }
    return seq_;
  }

 private:
  // "+sign+kilo", "+whole", "+打": what a NUMX item reads around its figure.
  Status figure_form(std::string_view mods, FigureForm* form) const {
    while (!mods.empty()) {
      if (mods.front() != '+') return bad("write NUMX+sign, NUMX+kilo, NUMX+whole or NUMX+word");
      mods.remove_prefix(1);
      std::string_view m = mods.substr(0, mods.find('+'));
      mods.remove_prefix(m.size());
      if (m == "sign" && !form->sign) {
        form->sign = true;
      } else if (m == "kilo" && !form->kilo) {
        form->kilo = true;
      } else if (m == "whole" && !form->whole) {
        form->whole = true;
      } else if (m == "arabic" && !form->arabic) {
        form->arabic = true;
      } else if (m == "backtrack" && !form->backtrack) {
        form->backtrack = true;
      } else if (!m.empty() && !is_class_name(m) && form->suffix.empty()) {
        form->suffix = core::to_u32(m);
      } else {
        return bad(fmt::format("NUMX: unknown or repeated '+{}'", m));
      }
    }
    return Status();
  }

  Status bad(const std::string& why) const {
    return Status::bad_rules(fmt::format("tokens '{}': {}", text_, why));
  }

  // Adds the code points a match of items [from, to) can begin with; true when all of them
  // can take no text (so what follows can begin the match too).
  bool first_chars(int from, int to, std::u32string* out) {
    for (int i = from; i < to; ++i) {
      const TokenItem& t = seq_.items[static_cast<size_t>(i)];
      bool empty = t.optional;
      switch (t.type) {
        case TokenItem::Type::kNotWords:
        case TokenItem::Type::kNotAfter:
          empty = true;
          break;
        case TokenItem::Type::kSpaces:
          add_first_chars(out, U" ");
          empty = true;
          break;
        case TokenItem::Type::kNumber: {
          const NumberChars& n = classes_.number;
          add_first_chars(out, n.digits);
          add_first_chars(out, n.cn_digits);
          add_first_chars(out, n.cn_units);
          add_first_chars(out, n.negative);
          break;
        }
        case TokenItem::Type::kFigure:
          add_first_chars(out, figure_first_chars(classes_.figure));
          break;
        case TokenItem::Type::kWords:
          for (const std::u32string& w : t.words) add_first_chars(out, w.substr(0, 1));
          break;
        case TokenItem::Type::kHan:
          han_first_ = true;
          break;
        case TokenItem::Type::kRun:
          if (t.negated) {
            han_first_ = true;  // any character but a few: no set of first characters
          } else {
            add_first_chars(out, t.chars);
          }
          empty = t.optional || t.min == 0;
          break;
        case TokenItem::Type::kEnd:
          empty = true;
          break;
        case TokenItem::Type::kOpen: {
          if (t.look == TokenItem::Look::kAhead && !t.negative) {
            // ?=( ... ): what follows begins here, with a character the lookahead can begin
            // with (cn_number's ?=( 负 | numeral_char ) NUM begins at no Arabic digit)
            return ahead_first_chars(i, to, out);
          }
          if (t.look != TokenItem::Look::kNone) {
            empty = true;  // takes no text: what follows begins the match
          } else {
            int from_alt = i + 1;
            empty = t.optional;
            for (size_t a = 0; a <= t.alts.size(); ++a) {
              const int to_alt = a < t.alts.size() ? t.alts[a] : t.close;
              empty = first_chars(from_alt, to_alt, out) || empty;
              from_alt = to_alt + 1;
            }
          }
          i = t.close;
          break;
        }
        case TokenItem::Type::kAlt:
          // the end of an alternative (from a figure inside it): on after the group
          i = t.close - 1;
          empty = true;
          break;
        case TokenItem::Type::kClose:
          empty = true;  // what follows a group's end goes on from there
          break;
      }
      if (!empty) return false;
    }
    return true;
  }

  // first_chars() from the positive lookahead opened at item `open` to `to`: the first
  // characters of the items after it that its own can begin with (all of them when its own can
  // take no text or begin with HAN, or the items after it begin with HAN).
  bool ahead_first_chars(int open, int to, std::u32string* out) {
    const TokenItem& t = seq_.items[static_cast<size_t>(open)];
    const bool han_before = han_first_;
    han_first_ = false;
    std::u32string ahead;
    bool ahead_empty = false;
    int from_alt = open + 1;
    for (size_t a = 0; a <= t.alts.size(); ++a) {
      const int to_alt = a < t.alts.size() ? t.alts[a] : t.close;
      ahead_empty = first_chars(from_alt, to_alt, &ahead) || ahead_empty;
      from_alt = to_alt + 1;
    }
    const bool ahead_any = ahead_empty || han_first_;
    han_first_ = false;
    std::u32string rest;
    const bool rest_empty = first_chars(t.close + 1, to, &rest);
    const bool rest_any = han_first_;
    han_first_ = han_before || rest_any;
    for (const char32_t c : rest) {
      if (ahead_any || ahead.find(c) != std::u32string::npos) add_first_chars(out, {c});
    }
    return rest_empty;
  }

  // The items of `text`, with each {name} replaced by the items of that named sequence.
  Status expand(std::string_view text, int depth, std::vector<std::string>* out) const {
    size_t pos = 0;
    while (pos < text.size()) {
      while (pos < text.size() && text[pos] == ' ') ++pos;
      if (pos == text.size()) break;
      size_t end = text.find(' ', pos);
      if (end == std::string_view::npos) end = text.size();
      const std::string_view item = text.substr(pos, end - pos);
      pos = end;
      if (item.size() > 2 && item.front() == '{' && item.back() == '}' &&
          is_class_name(item.substr(1, item.size() - 2))) {
        const auto it = classes_.sequences.find(std::string(item.substr(1, item.size() - 2)));
        if (it == classes_.sequences.end()) {
          return bad(fmt::format("unknown sequence '{}' (rules/common/tokens.yaml)", item));
        }
        if (depth >= kMaxExpansion) return bad(fmt::format("'{}' names itself", item));
        if (Status s = expand(it->second, depth + 1, out); !s.ok()) return s;
        continue;
      }
      out->emplace_back(item);
    }
    return Status{};
  }

  // ?= ?! ?<= ?<! (and !( <!( for a group): sets look's kind and removes the prefix.
  Status lookaround_prefix(std::string_view* item, TokenItem* look) const {
    struct Prefix {
      std::string_view text;
      TokenItem::Look look;
      bool negative;
    };
    static constexpr Prefix kPrefixes[] = {
        {"?<=", TokenItem::Look::kBehind, false}, {"?<!", TokenItem::Look::kBehind, true},
        {"?=", TokenItem::Look::kAhead, false},   {"?!", TokenItem::Look::kAhead, true},
        {"<!(", TokenItem::Look::kBehind, true},  {"!(", TokenItem::Look::kAhead, true}};
    for (const Prefix& p : kPrefixes) {
      if (item->rfind(p.text, 0) != 0) continue;
      look->look = p.look;
      look->negative = p.negative;
      item->remove_prefix(p.text.back() == '(' ? p.text.size() - 1 : p.text.size());
      if (item->empty()) return bad("a lookaround of nothing");
      if (item->back() == '?' && item->size() > 1) return bad("a lookaround cannot be optional");
      return Status{};
    }
    return Status{};
  }

  // NAME{min,max} or NAME{min,}: a run of a class of single characters, or of spaces (SP).
  Status run_item(std::string_view item, size_t brace, TokenItem* t) const {
    std::string_view name = item.substr(0, brace);
    if (name.size() > 1 && name.front() == '^') {
      t->negated = true;
      name.remove_prefix(1);
    }
    const std::string counts(item.substr(brace + 1, item.size() - brace - 2));
    t->type = TokenItem::Type::kRun;
    int consumed = 0;
    if (std::sscanf(counts.c_str(), "%d,%n", &t->min, &consumed) != 1 || consumed == 0) {
      return bad(fmt::format("'{}': write NAME{{min,max}} or NAME{{min,}}", item));
    }
    if (static_cast<size_t>(consumed) == counts.size()) {
      t->max = kUnbounded;
    } else if (std::sscanf(counts.c_str() + consumed, "%d", &t->max) != 1) {
      return bad(fmt::format("'{}': write NAME{{min,max}} or NAME{{min,}}", item));
    }
    if (t->min < 0 || t->max < t->min || t->max == 0) {
      return bad(fmt::format("'{}': write NAME{{min,max}} with 0 <= min <= max, max > 0", item));
    }
    if (name == "SP") {
      if (t->negated)
        return bad(fmt::format("'{}': write a class of what the run may not hold", item));
      t->chars.push_back(U' ');
      return Status{};
    }
    const auto it = classes_.words.find(std::string(name));
    if (!is_class_name(name) || it == classes_.words.end()) {
      return bad(fmt::format("unknown token class '{}' (rules/common/tokens.yaml)", name));
    }
    for (const std::u32string& w : it->second) {
      if (w.size() != 1) {
        return bad(fmt::format("'{}': a run needs a class of single characters", item));
      }
      t->chars.push_back(w.front());
    }
    std::sort(t->chars.begin(), t->chars.end());
    return Status{};
  }

  void close_group(std::vector<int>* open, bool optional) {
    TokenItem close;
    close.type = TokenItem::Type::kClose;
    close.close = open->back();
    TokenItem& o = seq_.items[static_cast<size_t>(open->back())];
    const int at = static_cast<int>(seq_.items.size());
    o.close = at;
    o.optional = optional;
    close.field = o.field;
    for (const int a : o.alts) seq_.items[static_cast<size_t>(a)].close = at;
    open->pop_back();
    seq_.items.push_back(std::move(close));
  }

  // A lookaround captures nothing and holds no figure; a lookbehind reads a bounded length.
  Status check_lookarounds() {
    for (size_t i = 0; i < seq_.items.size(); ++i) {
      TokenItem& t = seq_.items[i];
      if (t.type == TokenItem::Type::kOpen && t.atomic) {
        // The matcher keeps no captures of a reading it commits to.
        for (int k = static_cast<int>(i) + 1; k < t.close; ++k) {
          if (seq_.items[static_cast<size_t>(k)].field >= 0) {
            return bad("an atomic group (> ... ) captures nothing inside (capture the group)");
          }
        }
      }
      if (t.type != TokenItem::Type::kOpen || t.look == TokenItem::Look::kNone) continue;
      if (t.field >= 0) return bad("a lookaround takes no text to capture");
      for (int k = static_cast<int>(i) + 1; k < t.close; ++k) {
        const TokenItem& in = seq_.items[static_cast<size_t>(k)];
        if (in.field >= 0) return bad("a lookaround takes no text to capture");
        if (in.type == TokenItem::Type::kNumber || in.type == TokenItem::Type::kFigure) {
          return bad("NUM inside a lookaround");
        }
      }
      if (t.look == TokenItem::Look::kBehind) {
        const auto [lo, hi] = group_lengths(static_cast<int>(i));
        if (hi >= kUnbounded) return bad("a lookbehind must read a bounded length (no SP)");
        t.min = lo;
        t.max = hi;
      }
    }
    return Status{};
  }

  // The words one of which every match of items [from, to) holds: a words item taken in every
  // match, or a group each of whose alternatives holds one (the union of theirs); of those the
  // one with the fewest words. reach: the most code points other than spaces and ASCII digits
  // before it. `all`, when given, takes every one of them (TokenSequence::anchors).
  bool find_anchor(int from, int to, std::vector<std::u32string>* words, int* reach,
                   std::vector<TokenAnchor>* all = nullptr) const {
    bool found = false;
    int before = 0;  // counted code points items [from, i) can read
    for (int i = from; i < to; ++i) {
      const TokenItem& t = seq_.items[static_cast<size_t>(i)];
      std::vector<std::u32string> w;
      int r = 0;
      bool candidate = false;
      // a group of one alternative: every anchor inside it is one of the sequence's
      std::vector<TokenAnchor> inner;
      const bool one_way = all && t.type == TokenItem::Type::kOpen && t.alts.empty();
      if (!t.optional && t.type == TokenItem::Type::kWords) {
        w = t.words;
        candidate = true;
      } else if (!t.optional && t.type == TokenItem::Type::kOpen &&
                 t.look == TokenItem::Look::kNone) {
        candidate = true;
        int from_alt = i + 1;
        for (size_t k = 0; k <= t.alts.size() && candidate; ++k) {
          const int to_alt = k < t.alts.size() ? t.alts[k] : t.close;
          std::vector<std::u32string> alt_words;
          int alt_reach = 0;
          candidate =
              find_anchor(from_alt, to_alt, &alt_words, &alt_reach, one_way ? &inner : nullptr);
          w.insert(w.end(), alt_words.begin(), alt_words.end());
          r = std::max(r, alt_reach);
          from_alt = to_alt + 1;
        }
      }
      if (candidate && one_way) {
        for (TokenAnchor& a : inner)
          all->push_back({a.words, std::min(kUnbounded, before + a.reach)});
      } else if (candidate && all) {
        all->push_back({w, std::min(kUnbounded, before + r)});
      }
      if (candidate && (!found || w.size() < words->size())) {
        found = true;
        *words = std::move(w);
        *reach = std::min(kUnbounded, before + r);
      }
      if (t.type == TokenItem::Type::kOpen) {
        before = std::min(
            kUnbounded,
            before + (t.look == TokenItem::Look::kNone ? group_lengths(i, true).second : 0));
        i = t.close;
      } else {
        before = std::min(kUnbounded, before + lengths(i, i + 1, true).second);
      }
    }
    return found;
  }

  // The fewest and most code points the group opened at item `open` can read: its shortest
  // and its longest alternative.
  std::pair<int, int> group_lengths(int open, bool spaces_free = false) const {
    const TokenItem& t = seq_.items[static_cast<size_t>(open)];
    int lo = kUnbounded;
    int hi = 0;
    int from = open + 1;
    for (size_t k = 0; k <= t.alts.size(); ++k) {
      const int to = k < t.alts.size() ? t.alts[k] : t.close;
      const auto [a, b] = lengths(from, to, spaces_free);
      lo = std::min(lo, a);
      hi = std::max(hi, b);
      from = to + 1;
    }
    return {lo, hi};
  }

  // The fewest and most code points items [from, to) can read (kUnbounded: no bound); with
  // spaces_free, spaces and ASCII digits are not counted (SP and digit{1,} read none).
  std::pair<int, int> lengths(int from, int to, bool spaces_free = false) const {
    int lo = 0;
    int hi = 0;
    for (int i = from; i < to; ++i) {
      const TokenItem& t = seq_.items[static_cast<size_t>(i)];
      int a = 0;
      int b = 0;
      switch (t.type) {
        case TokenItem::Type::kWords:
          a = kUnbounded;
          for (const std::u32string& w : t.words) {
            a = std::min(a, static_cast<int>(w.size()));
            b = std::max(b, static_cast<int>(w.size()));
          }
          break;
        case TokenItem::Type::kHan:
        case TokenItem::Type::kRun:
          a = t.min;
          b = t.max;
          if (spaces_free && !t.negated && std::all_of(t.chars.begin(), t.chars.end(), uncounted)) {
            a = b = 0;
          }
          break;
        case TokenItem::Type::kNumber:
        case TokenItem::Type::kFigure:
          b = kUnbounded;
          break;
        case TokenItem::Type::kSpaces:
          b = spaces_free ? 0 : kUnbounded;
          break;
        case TokenItem::Type::kOpen:
          if (t.look == TokenItem::Look::kNone) std::tie(a, b) = group_lengths(i, spaces_free);
          i = t.close;
          break;
        default:
          break;
      }
      if (t.optional) a = 0;
      lo = std::min(kUnbounded, lo + a);
      hi = std::min(kUnbounded, hi + b);
    }
    return {lo, hi};
  }

  std::string_view text_;
  const TokenClasses& classes_;
  TokenSequence seq_;
  bool han_first_ = false;
};

}  // namespace

const std::vector<std::string>& token_fields() {
  static const std::vector<std::string> fields = {
      "value",  "tenths", "unit",  "cmp", "cmpb", "change", "y",   "m",
      "d",      "y2",     "m2",    "d2",  "part", "part2",  "eom", "thisyear",
      "value2", "half",   "half2", "per", "yrel", "noun"};
  return fields;
}

Result<TokenSequence> compile_token_sequence(std::string_view text, const TokenClasses& classes) {
  return SequenceCompiler(text, classes).compile();
}

}  // namespace jianbao::metrics
