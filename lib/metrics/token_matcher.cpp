#include "metrics/token_matcher.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

#include "core/utf8.h"
#include "metrics/char_table.h"

namespace jianbao::metrics {
namespace {

// token_fields() order.
constexpr std::array kFieldMembers = {
    &Captures::value,    &Captures::tenths, &Captures::unit, &Captures::cmp,   &Captures::cmpb,
    &Captures::change,   &Captures::y,      &Captures::m,    &Captures::d,     &Captures::y2,
    &Captures::m2,       &Captures::d2,     &Captures::part, &Captures::part2, &Captures::eom,
    &Captures::thisyear, &Captures::value2, &Captures::half, &Captures::half2, &Captures::per,
    &Captures::yrel};

// The words of item t (their by_char entries) that begin with c.
std::vector<std::pair<char32_t, int>>::const_iterator words_from(const TokenItem& t, char32_t c) {
  if (((t.key_mask >> (c % 64)) & 1) == 0) return t.by_char.end();
  return std::lower_bound(t.by_char.begin(), t.by_char.end(), std::pair<char32_t, int>{c, -1});
}

// \p{Han}, as the regex rules read it.
bool is_han(char32_t c) {
  return u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SCRIPT) == USCRIPT_HAN;
}
constexpr int kGroupWidth = 4;  // ",123"

}  // namespace

const std::string& captured_field(const Captures& c, size_t field) {
  static const std::string none;
  return field < kFieldMembers.size() ? c.*kFieldMembers[field] : none;
}

void TokenMatcher::ByChar::build(const std::vector<std::pair<char32_t, uint32_t>>& entries) {
  class_of.assign(kTable, 0);
  lists.assign(1, {});
  wide.clear();
  std::map<char32_t, std::vector<uint32_t>> by_char;
  for (const auto& [c, i] : entries) {
    if (c >= kTable) {
      wide.emplace_back(c, i);
      continue;
    }
    std::vector<uint32_t>& list = by_char[c];
    if (std::find(list.begin(), list.end(), i) == list.end()) list.push_back(i);
  }
  std::sort(wide.begin(), wide.end());
  wide.erase(std::unique(wide.begin(), wide.end()), wide.end());
  std::map<std::vector<uint32_t>, uint32_t> seen;
  for (auto& [c, list] : by_char) {
    std::sort(list.begin(), list.end());
    auto [it, added] = seen.emplace(list, static_cast<uint32_t>(lists.size()));
    if (added) lists.push_back(list);
    class_of[c] = it->second;
  }
}

TokenMatcher::TokenMatcher(const TokenClasses& classes, std::vector<const MetricRule*> rules)
    : rules_(std::move(rules)), number_class_(kTable, 0), figures_(classes.figure) {
  const NumberChars& n = classes.number;
  mark_chars(&number_class_, n.digits, kDigit);
  mark_chars(&number_class_, n.group_marks, kGroup);
  mark_chars(&number_class_, n.points, kPoint);
  mark_chars(&number_class_, n.multipliers, kMultiplier);
  mark_chars(&number_class_, n.cn_digits, kCnDigit);
  mark_chars(&number_class_, n.cn_units, kCnUnit);
  mark_chars(&number_class_, n.cn_points, kCnPoint);
  mark_chars(&number_class_, n.negative, kNegative);
  std::vector<std::pair<char32_t, uint32_t>> starts;
  std::vector<std::pair<char32_t, uint32_t>> anchor_starts;
  rule_anchors_.resize(rules_.size());
  for (size_t r = 0; r < rules_.size(); ++r) {
    const TokenSequence& seq = *rules_[r]->tokens;
    for (const char32_t c : seq.first_chars) starts.emplace_back(c, static_cast<uint32_t>(r));
    for (const TokenAnchor& a : seq.anchors) {
      auto it = std::find_if(anchor_sets_.begin(), anchor_sets_.end(),
                             [&](const AnchorSet& s) { return s.words == a.words; });
      if (it == anchor_sets_.end()) {
        AnchorSet set;
        set.words = a.words;
        for (size_t w = 0; w < a.words.size(); ++w) {
          set.by_char.emplace_back(a.words[w].front(), static_cast<int>(w));
        }
        // Any word of the set will do: the shortest first, so a one-character word is found
        // without comparing the longer ones (months: 1 before 10, 11, 12).
        std::sort(set.by_char.begin(), set.by_char.end(), [&](const auto& x, const auto& y) {
          const size_t lx = a.words[static_cast<size_t>(x.second)].size();
          const size_t ly = a.words[static_cast<size_t>(y.second)].size();
          return std::tie(x.first, lx, x.second) < std::tie(y.first, ly, y.second);
        });
        it = anchor_sets_.insert(anchor_sets_.end(), std::move(set));
      }
      const auto id = static_cast<size_t>(it - anchor_sets_.begin());
      it->bounded = it->bounded || a.reach >= 0;
      rule_anchors_[r].push_back({id, a.reach});
    }
  }
  for (size_t s = 0; s < anchor_sets_.size(); ++s) {
    const std::vector<std::pair<char32_t, int>>& by_char = anchor_sets_[s].by_char;
    for (size_t from = 0; from < by_char.size();) {
      size_t to = from;
      while (to < by_char.size() && by_char[to].first == by_char[from].first) ++to;
      const bool one_char =
          anchor_sets_[s].words[static_cast<size_t>(by_char[from].second)].size() == 1;
      anchor_starts.emplace_back(by_char[from].first, static_cast<uint32_t>(anchor_keys_.size()));
      anchor_keys_.push_back({s, from, to, one_char});
      from = to;
    }
  }
  starts_.build(starts);
  anchor_starts_.build(anchor_starts);
  static_assert(kFieldMembers.size() == 21, "one member per token field");
  found_.resize(rules_.size());
  nouns_.resize(rules_.size());
  resume_.resize(rules_.size());
  possible_.resize(rules_.size());
  cap_begin_.assign(token_fields().size(), -1);
  cap_end_.assign(token_fields().size(), -1);
  size_t items = 0;
  for (const MetricRule* r : rules_) items = std::max(items, r->tokens->items.size());
  open_at_.assign(items, -1);
  look_end_.assign(items, -1);
}

void TokenMatcher::arabic_ends(int pos, std::vector<int>* out) {
  // [0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?, its ends in the order a backtracking regex tries them:
  // the longest decimals first, then fewer thousands groups, then fewer digits.
  int d = pos;
  while (is(d, kDigit)) ++d;
  if (d == pos) return;
  int g = d;
  int groups = 0;
  while (is(g, kGroup) && is(g + 1, kDigit) && is(g + 2, kDigit) && is(g + 3, kDigit)) {
    g += kGroupWidth;
    ++groups;
  }
  if (is(g, kPoint) && is(g + 1, kDigit)) {
    int f = g + 1;
    while (is(f, kDigit)) ++f;
    for (int e = f; e > g + 1; --e) out->push_back(e);
  }
  for (int k = groups; k >= 0; --k) out->push_back(d + k * kGroupWidth);
  for (int e = d - 1; e > pos; --e) out->push_back(e);
}

void TokenMatcher::number_ends(int pos) {
  if (is(pos, kDigit)) {
    // arabic(?:M(?:arabic)?)*: only the longest reading of a part can be followed by a
    // multiplier, so the tries form a chain; each level's other ends come after the deeper
    // ones. tails_ holds each level's other ends, level_ where each level's begin.
    tails_.clear();
    levels_.clear();
    levels_.push_back(0);
    arabic_ends(pos, &tails_);
    int e = tails_.front();
    tails_.erase(tails_.begin());
    while (is(e, kMultiplier)) {
      levels_.push_back(static_cast<int>(tails_.size()));
      const size_t from = tails_.size();
      arabic_ends(e + 1, &tails_);
      if (tails_.size() > from) {
        const int next = tails_[from];
        tails_.erase(tails_.begin() + static_cast<std::ptrdiff_t>(from));
        tails_.push_back(e + 1);
        tails_.push_back(e);
        e = next;
      } else {
        tails_.push_back(e);
        e = e + 1;
      }
    }
    ends_.push_back(e);
    size_t stop = tails_.size();
    for (size_t k = levels_.size(); k-- > 0;) {
      const auto begin = static_cast<size_t>(levels_[k]);
      ends_.insert(ends_.end(), tails_.begin() + static_cast<std::ptrdiff_t>(begin),
                   tails_.begin() + static_cast<std::ptrdiff_t>(stop));
      stop = begin;
    }
    return;
  }
  // 负?(?:digit|unit)+(?:点digit+)?
  int q = is(pos, kNegative) ? pos + 1 : pos;
  int r = q;
  while (is(r, kCnDigit | kCnUnit)) ++r;
  if (r == q) return;
  if (is(r, kCnPoint) && is(r + 1, kCnDigit)) {
    int f = r + 1;
    while (is(f, kCnDigit)) ++f;
    for (int e = f; e > r + 1; --e) ends_.push_back(e);
  }
  for (int e = r; e > q; --e) ends_.push_back(e);
}

int TokenMatcher::figure_end(int pos, const FigureForm& form) {
  if (figure_at_ != pos) {
    figure_at_ = pos;
    figure_ends_.clear();
  }
  for (const auto& [f, e] : figure_ends_) {
    if (*f == form) return e;
  }
  const int e = figures_.read(cps_.data(), size_, pos, form);
  figure_ends_.emplace_back(&form, e);
  return e;
}

int TokenMatcher::word_at(const std::u32string& w, int pos) const {
  if (pos + static_cast<int>(w.size()) > size_) return -1;
  for (size_t k = 0; k < w.size(); ++k) {
    if (cps_[static_cast<size_t>(pos) + k] != w[k]) return -1;
  }
  return pos + static_cast<int>(w.size());
}

bool TokenMatcher::match_from(size_t i, int pos) {
  ++steps_;
  const std::vector<TokenItem>& items = seq_->items;
  if (i == items.size()) {
    end_ = pos;
    return true;
  }
  const TokenItem& t = items[i];
  // Capture [pos, e) for t (restored when the rest fails) and go on from `next` at e.
  auto take = [&](int e, size_t next) {
    if (t.field < 0) return match_from(next, e);
    const auto f = static_cast<size_t>(t.field);
    const int b0 = cap_begin_[f];
    const int e0 = cap_end_[f];
    cap_begin_[f] = pos;
    cap_end_[f] = e;
    if (match_from(next, e)) return true;
    cap_begin_[f] = b0;
    cap_end_[f] = e0;
    return false;
  };
  switch (t.type) {
    case TokenItem::Type::kWords: {
      if (pos >= size_) break;
      const char32_t c = cps_[static_cast<size_t>(pos)];
      for (auto it = words_from(t, c); it != t.by_char.end() && it->first == c; ++it) {
        const int e = word_at(t.words[static_cast<size_t>(it->second)], pos);
        if (e >= 0 && take(e, i + 1)) return true;
      }
      break;
    }
    case TokenItem::Type::kNumber: {
      const size_t base = ends_.size();
      // Most rules read a figure at the same place in turn: read it once.
      if (cached_at_ != pos) {
        cached_at_ = pos;
        const size_t from = ends_.size();
        number_ends(pos);
        cached_.assign(ends_.begin() + static_cast<std::ptrdiff_t>(from), ends_.end());
      } else {
        ends_.insert(ends_.end(), cached_.begin(), cached_.end());
      }
      for (size_t k = base; k < ends_.size(); ++k) {
        const int e = ends_[k];
        if (!follows(t, e)) continue;
        if (take(e, i + 1)) {
          ends_.resize(base);
          return true;
        }
      }
      ends_.resize(base);
      break;
    }
    case TokenItem::Type::kFigure: {
      if (t.figure.backtrack) {
        // Every reading in turn, on the shared stack (the rest may read figures too).
        const size_t base = ends_.size();
        figures_.read_all(cps_.data(), size_, pos, t.figure, &ends_);
        for (size_t k = base; k < ends_.size(); ++k) {
          if (take(ends_[k], i + 1)) {
            ends_.resize(base);
            return true;
          }
        }
        ends_.resize(base);
        break;
      }
      const int e = figure_end(pos, t.figure);
      if (e >= 0 && take(e, i + 1)) return true;
      break;
    }
    case TokenItem::Type::kHan: {
      int run = 0;
      while (run < t.max && pos + run < size_ && is_han(cps_[static_cast<size_t>(pos + run)])) {
        ++run;
      }
      for (int k = run; k >= t.min; --k) {
        if (!follows(t, pos + k)) continue;
        if (take(pos + k, i + 1)) return true;
      }
      break;
    }
    case TokenItem::Type::kSpaces: {
      int run = 0;
      while (pos + run < size_ && cps_[static_cast<size_t>(pos + run)] == U' ') ++run;
      for (int k = run; k >= 0; --k) {
        if (take(pos + k, i + 1)) return true;
      }
      return false;
    }
    case TokenItem::Type::kNotAfter:
      if (pos > 0) {
        const char32_t c = cps_[static_cast<size_t>(pos - 1)];
        for (auto it = words_from(t, c); it != t.by_char.end() && it->first == c; ++it) {
          const std::u32string& w = t.words[static_cast<size_t>(it->second)];
          const int from = pos - static_cast<int>(w.size());
          if (from >= 0 && word_at(w, from) == pos) return false;
        }
      }
      return match_from(i + 1, pos);
    case TokenItem::Type::kNotWords:
      if (pos < size_) {
        const char32_t c = cps_[static_cast<size_t>(pos)];
        for (auto it = words_from(t, c); it != t.by_char.end() && it->first == c; ++it) {
          if (word_at(t.words[static_cast<size_t>(it->second)], pos) >= 0) return false;
        }
      }
      return match_from(i + 1, pos);
    case TokenItem::Type::kRun: {
      int run = 0;
      while (run < t.max && pos + run < size_ &&
             std::binary_search(t.chars.begin(), t.chars.end(),
                                cps_[static_cast<size_t>(pos + run)]) != t.negated) {
        ++run;
      }
      for (int k = run; k >= t.min; --k) {
        if (!follows(t, pos + k)) continue;
        if (take(pos + k, i + 1)) return true;
      }
      break;
    }
    case TokenItem::Type::kEnd:
      return pos == size_ && match_from(i + 1, pos);
    case TokenItem::Type::kOpen: {
      if (t.look != TokenItem::Look::kNone) {
        // Atomic, as a regex's: found or not, the rest goes on from here once.
        if (look_finds(i, pos) == t.negative) return false;
        return match_from(static_cast<size_t>(t.close) + 1, pos);
      }
      const int before = open_at_[i];
      open_at_[i] = pos;
      if (t.atomic) {
        // Read to its close once (the close records where), then the rest from there only.
        if (alternatives_from(i, pos)) {
          const int e = look_end_[i];
          const auto close = static_cast<size_t>(t.close);
          if (t.field < 0) {
            if (match_from(close + 1, e)) return true;
          } else {
            const auto f = static_cast<size_t>(t.field);
            const int b0 = cap_begin_[f];
            const int e0 = cap_end_[f];
            cap_begin_[f] = pos;
            cap_end_[f] = e;
            if (match_from(close + 1, e)) return true;
            cap_begin_[f] = b0;
            cap_end_[f] = e0;
          }
        }
      } else if (alternatives_from(i, pos)) {
        return true;
      }
      open_at_[i] = before;
      break;
    }
    case TokenItem::Type::kAlt:
      // An alternative read to its end: the group closes.
      return match_from(static_cast<size_t>(t.close), pos);
    case TokenItem::Type::kClose: {
      const auto open = static_cast<size_t>(t.close);
      const TokenItem& o = items[open];
      if (o.look == TokenItem::Look::kAhead) return true;
      if (o.atomic) {
        look_end_[open] = pos;
        return true;
      }
      if (o.look == TokenItem::Look::kBehind) return pos == look_end_[open];
      if (t.field < 0) return match_from(i + 1, pos);
      const auto f = static_cast<size_t>(t.field);
      const int b0 = cap_begin_[f];
      const int e0 = cap_end_[f];
      cap_begin_[f] = open_at_[open];
      cap_end_[f] = pos;
      if (match_from(i + 1, pos)) return true;
      cap_begin_[f] = b0;
      cap_end_[f] = e0;
      return false;
    }
  }
  if (!t.optional) return false;
  // Not taken: an optional group goes on after its close.
  const size_t next = t.type == TokenItem::Type::kOpen ? static_cast<size_t>(t.close) + 1 : i + 1;
  return match_from(next, pos);
}

bool TokenMatcher::alternatives_from(size_t i, int pos) {
  const TokenItem& t = seq_->items[i];
  if (match_from(i + 1, pos)) return true;
  for (const int a : t.alts) {
    if (match_from(static_cast<size_t>(a) + 1, pos)) return true;
  }
  return false;
}

bool TokenMatcher::look_finds(size_t i, int pos) {
  const TokenItem& t = seq_->items[i];
  if (t.look == TokenItem::Look::kAhead) return alternatives_from(i, pos);
  // A lookbehind: some text of an allowed length that ends at pos.
  for (int len = t.min; len <= t.max && len <= pos; ++len) {
    const int before = look_end_[i];
    look_end_[i] = pos;
    const bool found = alternatives_from(i, pos - len);
    look_end_[i] = before;
    if (found) return true;
  }
  return false;
}

bool TokenMatcher::anchor_at(const AnchorKey& k, int pos) const {
  if (k.one_char) return true;  // the code point at pos is that word
  const AnchorSet& a = anchor_sets_[k.set];
  for (size_t i = k.from; i < k.to; ++i) {
    if (word_at(a.words[static_cast<size_t>(a.by_char[i].second)], pos) >= 0) return true;
  }
  return false;
}

bool TokenMatcher::anchors_in_reach(size_t r, int pos) {
  for (const RuleAnchor& ra : rule_anchors_[r]) {
    if (ra.reach < 0) continue;  // the block holds it (possible_): no nearer bound
    AnchorSet& a = anchor_sets_[ra.set];
    while (a.next < a.at.size() && a.at[a.next] < pos) ++a.next;
    if (a.next == a.at.size()) return false;
    const auto q = static_cast<size_t>(a.at[a.next]);
    if (counted_[q] - counted_[static_cast<size_t>(pos)] > ra.reach) return false;
  }
  return true;
}

void TokenMatcher::find(std::string_view text) {
  for (std::vector<Candidate>& f : found_) f.clear();
  for (std::vector<int>& n : nouns_) n.clear();
  if (rules_.empty()) return;
  // The code points and their byte offsets, written in place (the buffers keep their size
  // from block to block); counted_[p]: the code points before p that a reach counts (not
  // spaces, not ASCII digits).
  cps_.resize(text.size());
  bytes_.resize(text.size() + 1);
  counted_.resize(text.size() + 1);
  size_t at = 0;
  size_t n = 0;
  int counted = 0;
  while (at < text.size()) {
    bytes_[n] = at;
    counted_[n] = counted;
    const char32_t c = core::next_code_point(text, &at);
    cps_[n++] = c;
    counted += c != U' ' && (c < U'0' || c > U'9') ? 1 : 0;
  }
  bytes_[n] = text.size();
  counted_[n] = counted;
  cps_.resize(n);
  size_ = static_cast<int>(n);
  // Where the block holds each anchor set's words; a rule without one of its sets cannot match.
  for (AnchorSet& a : anchor_sets_) {
    a.at.clear();
    a.next = 0;
  }
  for (int pos = 0; pos < size_; ++pos) {
    anchor_starts_.for_each(cps_[static_cast<size_t>(pos)], [&](uint32_t key) {
      const AnchorKey& k = anchor_keys_[key];
      AnchorSet& a = anchor_sets_[k.set];
      // A set no rule bounds is only looked for once.
      if ((a.bounded || a.at.empty()) && anchor_at(k, pos)) a.at.push_back(pos);
    });
  }
  bool any = false;
  for (size_t r = 0; r < rules_.size(); ++r) {
    const std::vector<RuleAnchor>& anchors = rule_anchors_[r];
    possible_[r] = std::all_of(anchors.begin(), anchors.end(), [&](const RuleAnchor& ra) {
      return !anchor_sets_[ra.set].at.empty();
    });
    any = any || possible_[r];
  }
  if (!any) return;
  std::fill(resume_.begin(), resume_.end(), 0);
  cached_at_ = -1;
  figure_at_ = -1;
  auto text_of = [&](std::string* out, int b, int e) {
    const size_t from = bytes_[static_cast<size_t>(b)];
    out->assign(text.data() + from, bytes_[static_cast<size_t>(e)] - from);
  };
  auto attempt = [&](size_t r, int pos) {
    seq_ = rules_[r]->tokens.get();
    // A failed attempt restores what it set, so only a match leaves captures to clear.
    if (!match_from(0, pos) || end_ <= pos) return;
    Candidate& c = found_[r].emplace_back();
    c.rule = rules_[r];
    c.begin = pos;
    c.end = end_;
    text_of(&c.groups.whole, pos, end_);
    int noun = -1;
    for (const int f : seq_->fields) {
      const auto k = static_cast<size_t>(f);
      if (cap_begin_[k] < 0) continue;
      if (f == kNounField) {
        noun = cap_begin_[k];
      } else {
        text_of(&(c.groups.*kFieldMembers[k]), cap_begin_[k], cap_end_[k]);
      }
    }
    for (const int f : seq_->fields) {
      cap_begin_[static_cast<size_t>(f)] = -1;
      cap_end_[static_cast<size_t>(f)] = -1;
    }
    nouns_[r].push_back(noun);
    resume_[r] = end_;
  };
  for (int pos = 0; pos < size_; ++pos) {
    starts_.for_each(cps_[static_cast<size_t>(pos)], [&](uint32_t i) {
      const size_t r = i;
      if (possible_[r] && pos >= resume_[r] && anchors_in_reach(r, pos)) attempt(r, pos);
    });
  }
}

}  // namespace jianbao::metrics
