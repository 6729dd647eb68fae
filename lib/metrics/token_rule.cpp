#include "metrics/token_rule.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

#include "core/utf8.h"

namespace jianbao::metrics {
namespace {

constexpr size_t kMaxItems = 64;

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
    std::vector<int> open;  // indices of the groups not closed yet
    size_t pos = 0;
    while (pos < text_.size()) {
      while (pos < text_.size() && text_[pos] == ' ') ++pos;
      if (pos == text_.size()) break;
      size_t end = text_.find(' ', pos);
      if (end == std::string_view::npos) end = text_.size();
      std::string_view item = text_.substr(pos, end - pos);
      pos = end;
      if (item == ")" || item == ")?") {
        if (open.empty()) return bad("')' closes no group");
        TokenItem close;
        close.type = TokenItem::Type::kClose;
        close.close = open.back();
        TokenItem& o = seq_.items[static_cast<size_t>(open.back())];
        o.close = static_cast<int>(seq_.items.size());
        o.optional = item == ")?";
        close.field = o.field;
        open.pop_back();
        seq_.items.push_back(std::move(close));
        continue;
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
      if (item == "(") {
        t.type = TokenItem::Type::kOpen;
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
      } else if (item == "NUM") {
        if (zero_width) return bad("'!NUM' is not supported");
        t.type = TokenItem::Type::kNumber;
      } else if (item == "SP") {
        if (zero_width || t.optional) return bad("'SP' is already optional (any run of spaces)");
        t.type = TokenItem::Type::kSpaces;
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
    }
    if (!open.empty()) return bad("'(' is never closed");
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
    int depth = 0;
    for (size_t i = 0; i < seq_.items.size(); ++i) {
      const TokenItem& t = seq_.items[i];
      if (t.type == TokenItem::Type::kOpen) ++depth;
      if (t.type == TokenItem::Type::kClose) --depth;
      if (depth > 0 || t.optional || t.type != TokenItem::Type::kWords) continue;
      if (seq_.anchor < 0 ||
          t.words.size() < seq_.items[static_cast<size_t>(seq_.anchor)].words.size()) {
        seq_.anchor = static_cast<int>(i);
      }
    }
    for (TokenItem& t : seq_.items) {
      for (size_t w = 0; w < t.words.size(); ++w) {
        const std::u32string& word = t.words[w];
        const char32_t key = t.type == TokenItem::Type::kNotAfter ? word.back() : word.front();
        t.by_char.emplace_back(key, static_cast<int>(w));
      }
      std::sort(t.by_char.begin(), t.by_char.end());
    }
    if (seq_.items.empty()) return bad("empty sequence");
    if (first_chars(0, static_cast<int>(seq_.items.size()), &seq_.first_chars)) {
      return bad("every item is optional: the sequence would match empty text");
    }
    // Matches are tried only where a listed character begins one.
    if (han_first_) return bad("a sequence cannot begin with HAN");
    for (size_t i = 0; i < seq_.items.size(); ++i) {
      TokenItem& t = seq_.items[i];
      if (t.type != TokenItem::Type::kNumber) continue;
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
        case TokenItem::Type::kOpen:
          empty = first_chars(i + 1, t.close, out) || t.optional;
          i = t.close;
          break;
        case TokenItem::Type::kClose:
          empty = true;  // what follows a group's end goes on from there
          break;
      }
      if (!empty) return false;
    }
    return true;
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
