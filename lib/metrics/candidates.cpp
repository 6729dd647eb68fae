#include "metrics/candidates.h"

#include <algorithm>
#include <memory>

#include "metrics/cjk_spaces.h"

namespace jianbao::metrics {
namespace {

std::string capture(icu::RegexMatcher& m, int group) { return core::group_text(m, group); }

Captures read_groups(icu::RegexMatcher& m, const MetricRule& r) {
  const MetricRule::Groups& g = r.g;
  Captures c;
  c.whole = capture(m, 0);
  c.value = capture(m, g.value);
  c.tenths = capture(m, g.tenths);
  c.unit = capture(m, g.unit);
  c.cmp = capture(m, g.cmp);
  c.cmpb = capture(m, g.cmpb);
  c.change = capture(m, g.change);
  c.y = capture(m, g.y);
  c.m = capture(m, g.m);
  c.d = capture(m, g.d);
  c.y2 = capture(m, g.y2);
  c.m2 = capture(m, g.m2);
  c.d2 = capture(m, g.d2);
  c.part = capture(m, g.part);
  c.part2 = capture(m, g.part2);
  c.eom = capture(m, g.eom);
  c.thisyear = capture(m, g.thisyear);
  c.value2 = capture(m, g.value2);
  c.half = capture(m, g.half);
  c.half2 = capture(m, g.half2);
  c.per = capture(m, g.per);
  c.yrel = capture(m, g.yrel);
  return c;
}

// Calls on_match(shift) for each match of `m` over `text`, left to right, where the matcher's
// offsets plus `shift` are offsets in `text`. The search runs in windows of `window` UTF-16 units:
// each sees the text from a quarter window before where it starts to the window's end, and a
// match that ends in the window's last quarter is searched again from its start, so matches
// shorter than a quarter window are found exactly as in the whole text. Each window gets the
// whole time limit, so the limit bounds the search for one match, never the block; a lookahead
// that scans to the end of a long run (digits and commas) costs a window, not the block, so time
// stays linear and ICU's backtracking stack stays small (it overflowed, U_REGEX_STACK_OVERFLOW,
// on 11 KB of "1234567890，"). A window that still runs out is taken one start position at a
// time, on a copy of the window (so no attempt sees past it): only the positions where a single
// attempt runs out are lost, each added to *timeouts (UTF-16 index in `text`). After
// `max_timeouts` of them the rest of the text is given up. *scanned grows by the UTF-16 units each
// search ran over (to its match's end, or to its region's end): the work, which must grow linearly
// with the text (tests/regression/metrics_time_limit_test.cpp).
template <typename OnMatch>
void for_each_match(icu::RegexMatcher& m, const icu::UnicodeString& text, int32_t window,
                    int max_timeouts, std::vector<int32_t>* timeouts, long long* scanned,
                    OnMatch on_match) {
  const int32_t n = text.length();
  const int32_t quarter = std::max<int32_t>(1, window / 4);
  const int32_t reach = std::max<int32_t>(window, 2 * quarter + 1);
  auto failed = [](UErrorCode st) {
    return st == U_REGEX_TIME_OUT || st == U_REGEX_STACK_OVERFLOW;
  };
  auto after = [&](int32_t s, int32_t e) {
    return e > s ? e : (s < n ? text.moveIndex32(s, 1) : n + 1);
  };
  int lost = 0;
  int32_t p = 0;
  bool on_piece = false;  // the matcher runs over a window's copy (below), not `text`
  m.reset(text);
  m.useTransparentBounds(false);
  m.useAnchoringBounds(false);
  while (p < n) {
    const int32_t limit = std::min(n, p + reach);
    const int32_t next_window = limit == n ? n : limit - quarter;
    UErrorCode status = U_ZERO_ERROR;
    if (on_piece) {
      m.reset(text);
      on_piece = false;
    }
    m.region(std::max(0, p - quarter), limit, p, status);
    const bool found = U_SUCCESS(status) && m.find(status);
    if (found && U_SUCCESS(status)) {
      const int32_t s = m.start(status);
      const int32_t e = m.end(status);
      *scanned += std::max(1, e - p);
      if (limit < n && e > limit - quarter && s > p) {
        p = s;  // it may run past the window: search again from its start
        continue;
      }
      on_match(0);
      p = after(s, e);
      continue;
    }
    *scanned += limit - p;
    if (!failed(status)) {
      if (limit == n) return;
      p = next_window;  // no match starts before the next window
      continue;
    }
    const int32_t base = std::max(0, p - quarter);
    const icu::UnicodeString piece(text, base, limit - base);
    bool matched = false;
    for (int32_t q = p; q < next_window && !matched; q = text.moveIndex32(q, 1)) {
      status = U_ZERO_ERROR;
      m.reset(piece);
      on_piece = true;
      m.useTransparentBounds(true);  // lookbehinds see the quarter before q, as find() does
      m.region(q - base, piece.length(), status);
      const bool hit = m.lookingAt(status);
      m.useTransparentBounds(false);
      *scanned += limit - q;
      if (failed(status)) {
        timeouts->push_back(q);
        if (++lost > max_timeouts) return;
      } else if (hit && U_SUCCESS(status)) {
        const int32_t s = m.start(status) + base;
        const int32_t e = m.end(status) + base;
        matched = true;
        if (limit < n && e > limit - quarter && s > p) {
          p = s;
        } else {
          on_match(base);
          p = after(s, e);
        }
      }
    }
    if (!matched) {
      if (limit == n) return;
      p = next_window;
    }
  }
}

// Leftmost, then longest, then the rule declared first; drops what overlaps a kept candidate.
// Works on pointers, not candidates: each holds some twenty strings, and moving them into the
// lists, the sort and the kept list was 6% of the stage.
std::vector<Candidate*> select_non_overlapping(std::vector<Candidate*> all) {
  std::stable_sort(all.begin(), all.end(), [](const Candidate* a, const Candidate* b) {
    if (a->begin != b->begin) return a->begin < b->begin;
    return a->end - a->begin > b->end - b->begin;
  });
  size_t kept = 0;
  int frontier = 0;
  for (Candidate* c : all) {
    if (c->begin < frontier) continue;
    frontier = c->end;
    all[kept++] = c;
  }
  all.resize(kept);
  return all;
}

}  // namespace

CandidateFinder::CandidateFinder(const RuleSet& rules, const std::vector<MetricKind>& kinds,
                                 bool prefilter)
    : rules_(rules), kinds_(kinds), prefilter_(prefilter) {
  const size_t n_rules = rules.metric_rules.size();
  std::vector<const MetricRule*> token_rules;
  for (size_t i = 0; i < n_rules; ++i) {
    const MetricRule& r = rules.metric_rules[i];
    const bool wanted = kinds.empty()
                            ? r.kind != MetricKind::kNumber
                            : std::find(kinds.begin(), kinds.end(), r.kind) != kinds.end();
    if (!wanted) continue;
    if (r.tokens) {
      active_.push_back({&r, nullptr, {}, i, static_cast<int>(token_rules.size())});
      token_rules.push_back(&r);
    } else {
      active_.push_back({&r, nullptr, gate_of(r.required), i, -1});
      has_regex_ = true;
    }
  }
  // Token exclusions run in the same pass as the rules: each as a rule of its own.
  first_token_exclusion_ = token_rules.size();
  exclusion_rules_.reserve(rules.exclusions.size());
  for (size_t i = 0; i < rules.exclusions.size(); ++i) {
    const PatternRule& p = rules.exclusions[i];
    if (p.tokens) {
      MetricRule& shim = exclusion_rules_.emplace_back();
      shim.id = p.id;
      shim.tokens = p.tokens;
      continue;
    }
    exclusions_.push_back({&p.regex, nullptr, gate_of(p.required), n_rules + i, &p.id});
    has_regex_ = true;
  }
  for (const MetricRule& r : exclusion_rules_) token_rules.push_back(&r);
  tokens_ = std::make_unique<TokenMatcher>(rules.token_classes, std::move(token_rules));
  // The prefilter only narrows where regex rules run: without one it would scan for nothing.
  if (prefilter && has_regex_) {
    filter_ = &rules.prefilter();
    scratch_.emplace(*filter_);
  }
  present_.assign(literals_.size(), -1);
  unit_slot_.assign(0x10000, 0);
  for (const icu::UnicodeString& l : literals_) {
    if (l.isEmpty()) {
      first_slot_.push_back(0);
      continue;
    }
    uint8_t& slot = unit_slot_[l.charAt(0)];
    // More distinct first units than a byte can number is far beyond any rule set; those
    // literals fall back to a search (slot 0 is never "seen", see gate_open).
    if (slot == 0 && first_seen_.size() < 255) {
      first_seen_.push_back(0);
      slot = static_cast<uint8_t>(first_seen_.size());
    }
    first_slot_.push_back(slot);
  }
  for (const std::string& w : rules.tables.noun_stops) {
    noun_stops_.push_back(icu::UnicodeString::fromUTF8(w));
  }
  UErrorCode status = U_ZERO_ERROR;
  // ICU's dictionary segmentation finds word ends in Chinese text.
  words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
  if (U_FAILURE(status)) words_.reset();
}

std::vector<int> CandidateFinder::gate_of(const std::vector<std::string>& required) {
  std::vector<int> gate;
  for (const std::string& literal : required) {
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(literal);
    auto it = std::find(literals_.begin(), literals_.end(), u);
    if (it == literals_.end()) it = literals_.insert(literals_.end(), u);
    gate.push_back(static_cast<int>(it - literals_.begin()));
  }
  return gate;
}

void CandidateFinder::scan_first_units(const icu::UnicodeString& text) {
  std::fill(first_seen_.begin(), first_seen_.end(), 0);
  const char16_t* units = text.getBuffer();
  for (int32_t i = 0, n = text.length(); i < n; ++i) {
    if (const uint8_t slot = unit_slot_[units[i]]) first_seen_[slot - 1] = 1;
  }
}

bool CandidateFinder::gate_open(const std::vector<int>& gate, const icu::UnicodeString& text) {
  if (gate.empty()) return true;
  for (const int i : gate) {
    const auto k = static_cast<size_t>(i);
    signed char& p = present_[k];
    if (p < 0) {
      const uint8_t slot = first_slot_[k];
      if (slot != 0 && !first_seen_[slot - 1]) {
        p = 0;  // not even its first unit is in the text
      } else if (slot != 0 && literals_[k].length() == 1) {
        p = 1;  // a one-unit literal is its first unit
      } else {
        p = text.indexOf(literals_[k]) >= 0 ? 1 : 0;
      }
    }
    if (p > 0) return true;
  }
  return false;
}

int32_t CandidateFinder::noun_length(const core::MatchText& text, int32_t start, int32_t limit) {
  if (!words_) return 0;
  if (words_text_ != &text) {
    words_->setText(text.u16());
    words_text_ = &text;
  }
  const MetricTables& t = rules_.tables;
  int32_t end = start;
  int words = 0;
  int32_t b = words_->following(start);
  while (b != icu::BreakIterator::DONE && b <= limit && words < t.noun_max_words) {
    if (text.code_point_at(b) - text.code_point_at(start) > t.noun_max_chars) break;
    // The first word is the noun's head; later ones join it unless a stop word begins there
    // (checked as a prefix, so a segmentation that differs from the list still stops).
    if (words > 0) {
      const icu::UnicodeString rest = text.u16().tempSubStringBetween(end, limit);
      bool stop = false;
      for (const icu::UnicodeString& w : noun_stops_) stop = stop || rest.startsWith(w);
      if (stop) break;
    }
    end = b;
    ++words;
    b = words_->next();
  }
  return end - start;
}

std::vector<Candidate> CandidateFinder::find(const std::string& normalized,
                                             const std::vector<std::pair<int, int>>& masked) {
  const SqueezedText squeezed = squeeze_cjk_spaces(normalized, rules_.tables.point_marker_after);
  if (squeezed.to_source.empty()) return find_in(normalized, masked);
  const std::vector<int>& source = squeezed.to_source;
  // to_source only grows, so the squeezed offset of a source offset is found by bisection.
  auto squeezed_at = [&](int at) {
    return static_cast<int>(std::lower_bound(source.begin(), source.end(), at) - source.begin());
  };
  std::vector<std::pair<int, int>> masks;
  masks.reserve(masked.size());
  for (const auto& [b, e] : masked) masks.emplace_back(squeezed_at(b), squeezed_at(e));
  std::vector<Candidate> found = find_in(squeezed.text, masks);
  for (Candidate& c : found) {
    c.begin = source[static_cast<size_t>(c.begin)];
    c.end = source[static_cast<size_t>(c.end - 1)] + 1;  // a match never ends in a space taken out
  }
  for (Timeout& t : timeouts_) t.offset = source[static_cast<size_t>(t.offset)];
  return found;
}

const core::MatchText& CandidateFinder::u16_text(const std::string& normalized) {
  if (!u16_) {
    u16_.emplace(normalized);
    std::fill(present_.begin(), present_.end(), -1);
    scan_first_units(u16_->u16());
  }
  return *u16_;
}

std::vector<Candidate> CandidateFinder::find_in(const std::string& normalized,
                                                const std::vector<std::pair<int, int>>& masked) {
  timeouts_.clear();
  words_text_ = nullptr;
  u16_.reset();
  const long long steps_before = tokens_->steps();
  tokens_->find(normalized);
  scanned_ += tokens_->steps() - steps_before;
  bool token_matches = false;
  for (const Active& a : active_) {
    token_matches = token_matches || (a.token >= 0 && !tokens_->matches(a.token).empty());
  }
  if (filter_) {
    filter_->scan(normalized, &*scratch_, &maybe_);
    // No rule can match here (most short blocks: titles, mastheads, lists): the exclusions
    // would only narrow candidates there are none of, so skip the UTF-16 copy and the gates.
    if (!token_matches && std::none_of(active_.begin(), active_.end(), [&](const Active& a) {
          return a.token < 0 && maybe_[a.filter_index] != 0;
        })) {
      return {};
    }
  } else if (has_regex_) {
    maybe_.assign(rules_.metric_rules.size() + rules_.exclusions.size(), 1);
  } else if (!token_matches) {
    return {};  // only token rules, and none matched
  }
  const int max_timeouts = rules_.layout.regex_timeouts_per_block;
  const int32_t window = rules_.layout.regex_window;
  // Spans where no figure is taken, in code points: the masks, then the exclusions' matches.
  std::vector<std::pair<int, int>> excluded = masked;
  for (size_t r = first_token_exclusion_; r < first_token_exclusion_ + exclusion_rules_.size();
       ++r) {
    for (const Candidate& c : tokens_->matches(r)) excluded.emplace_back(c.begin, c.end);
  }
  for (Exclusion& x : exclusions_) {
    if (!maybe_[x.filter_index]) continue;
    const core::MatchText& text = u16_text(normalized);
    if (!gate_open(x.gate, text.u16())) continue;
    if (!x.matcher) x.matcher = x.regex->new_matcher(rules_.layout.regex_time_limit);
    icu::RegexMatcher* m = x.matcher.get();
    std::vector<int32_t> lost;
    for_each_match(*m, text.u16(), window, max_timeouts, &lost, &scanned_, [&](int32_t shift) {
      UErrorCode status = U_ZERO_ERROR;
      excluded.emplace_back(text.code_point_at(m->start(status) + shift),
                            text.code_point_at(m->end(status) + shift));
    });
    for (const int32_t at : lost) timeouts_.push_back({x.id, text.code_point_at(at)});
  }
  auto hits_exclusion = [&](int s, int e) {
    return std::any_of(excluded.begin(), excluded.end(),
                       [&](const auto& x) { return s < x.second && x.first < e; });
  };
  // The survivors, by pointer into the token matcher's lists and `regex_found`; each kept one is
  // moved once, into the result.
  std::vector<Candidate*> metrics;
  std::vector<Candidate*> numbers;
  std::vector<std::unique_ptr<Candidate>> regex_found;
  for (Active& a : active_) {
    if (a.token >= 0) {
      const auto r = static_cast<size_t>(a.token);
      std::vector<Candidate>& found = tokens_->matches(r);
      for (size_t k = 0; k < found.size(); ++k) {
        Candidate& c = found[k];
        const int noun_at = tokens_->noun_at(r, k);
        if (noun_at >= 0) {
          // As for a regex rule: the sequence takes a generous run; keep the counted noun only
          // (word breaks: ICU's dictionary, over the UTF-16 text).
          const core::MatchText& text = u16_text(normalized);
          const int32_t s = text.u16_at_code_point(c.begin);
          const int32_t ns = text.u16_at_code_point(noun_at);
          const int32_t len = noun_length(text, ns, text.u16_at_code_point(c.end));
          if (len == 0) continue;
          const int32_t e = ns + len;
          if (hits_exclusion(c.begin, text.code_point_at(e))) continue;
          c.end = text.code_point_at(e);
          c.groups.unit.clear();
          text.u16().tempSubStringBetween(ns, e).toUTF8String(c.groups.unit);
          c.groups.whole.clear();
          text.u16().tempSubStringBetween(s, e).toUTF8String(c.groups.whole);
        } else if (hits_exclusion(c.begin, c.end)) {
          continue;
        }
        (a.rule->kind == MetricKind::kNumber ? numbers : metrics).push_back(&c);
      }
      continue;
    }
    // A block without any of the rule's `requires` literals cannot hold a match.
    // Nor can a block where the prefilter found no match of the loosened pattern.
    if (!maybe_[a.filter_index]) continue;
    const core::MatchText& text = u16_text(normalized);
    if (!gate_open(a.gate, text.u16())) continue;
    if (!a.matcher) a.matcher = a.rule->regex.new_matcher(rules_.layout.regex_time_limit);
    std::vector<int32_t> lost;
    for_each_match(*a.matcher, text.u16(), window, max_timeouts, &lost, &scanned_,
                   [&](int32_t shift) {
                     UErrorCode status = U_ZERO_ERROR;
                     const int32_t s = a.matcher->start(status) + shift;
                     int32_t e = a.matcher->end(status) + shift;
                     if (e <= s) return;
                     std::string noun;
                     if (a.rule->g.noun >= 0) {
                       // The pattern takes a generous run of characters; keep the counted noun
                       // only.
                       const int32_t ns = a.matcher->start(a.rule->g.noun, status) + shift;
                       const int32_t len = noun_length(text, ns, e);
                       if (len == 0) return;
                       e = ns + len;
                       text.u16().tempSubStringBetween(ns, e).toUTF8String(noun);
                     }
                     if (hits_exclusion(text.code_point_at(s), text.code_point_at(e))) return;
                     Candidate& c = *regex_found.emplace_back(std::make_unique<Candidate>());
                     c.rule = a.rule;
                     c.begin = text.code_point_at(s);
                     c.end = text.code_point_at(e);
                     c.groups = read_groups(*a.matcher, *a.rule);
                     if (a.rule->g.noun >= 0) {
                       c.groups.unit = noun;
                       c.groups.whole.clear();
                       text.u16().tempSubStringBetween(s, e).toUTF8String(c.groups.whole);
                     }
                     (a.rule->kind == MetricKind::kNumber ? numbers : metrics).push_back(&c);
                   });
    for (const int32_t at : lost) timeouts_.push_back({&a.rule->id, text.code_point_at(at)});
  }
  const std::vector<Candidate*> kept = select_non_overlapping(std::move(metrics));
  const std::vector<Candidate*> nums = select_non_overlapping(std::move(numbers));
  // Both are in text order: merge them, a metric before a number at the same start.
  std::vector<Candidate> out;
  out.reserve(kept.size() + nums.size());
  size_t i = 0;
  size_t j = 0;
  while (i < kept.size() || j < nums.size()) {
    const bool metric = j == nums.size() || (i < kept.size() && kept[i]->begin <= nums[j]->begin);
    out.push_back(std::move(*(metric ? kept[i++] : nums[j++])));
  }
  return out;
}

void CandidateFinderDeleter::operator()(CandidateFinder* f) const { delete f; }

}  // namespace jianbao::metrics
