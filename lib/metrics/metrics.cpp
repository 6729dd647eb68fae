#include "jianbao/metrics.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <climits>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <tuple>
#include <utility>

#include "core/icu_regex.h"
#include "core/utf8.h"
#include "metrics/candidates.h"
#include "metrics/line_seams.h"
#include "metrics/provinces.h"
#include "metrics/resolve.h"
#include "ruleset/rule_set.h"

namespace jianbao::metrics {
namespace {

// Byte offsets of each code point of `text`, plus one past the end.
std::vector<size_t> code_point_bytes(const std::string& text) {
  std::vector<size_t> out;
  out.reserve(text.size() + 1);
  size_t pos = 0;
  while (pos < text.size()) {
    out.push_back(pos);
    core::next_code_point(text, &pos);
  }
  out.push_back(text.size());
  return out;
}

// Which characters end a sentence (rules.layout.sentence_final), looked up once per character of
// a block: a search of the list for each character a quote reaches was 5% of the stage.
class SentenceFinals {
 public:
  // What a byte that starts a character says about it.
  enum Lead : uint8_t {
    kAscii,       // an ASCII character that ends no sentence
    kAsciiFinal,  // one that does
    kThreeByte,   // a three-byte sequence of U+1000..U+FFFF but the surrogates, if well-formed,
                  // that ends no sentence (all of Han)
    kDecode,      // anything else: decoded as next_code_point does
  };
  explicit SentenceFinals(const std::u32string& finals) : finals_(finals) {
    for (const char32_t c : finals) {
      if (c < bmp_.size()) bmp_.set(c);
    }
    for (unsigned b = 0; b < 256; ++b) {
      if (b < 0x80) {
        lead_[b] = bmp_.test(b) ? kAsciiFinal : kAscii;
      } else {
        lead_[b] = b >= 0xE1 && b != 0xED && b <= 0xEF ? kThreeByte : kDecode;
      }
    }
    for (const char32_t c : finals) {
      if (c >= 0x800 && c < 0x10000) lead_[0xE0 | (c >> 12)] = kDecode;
    }
  }
  bool operator()(char32_t c) const {
    return c < bmp_.size() ? bmp_.test(c) : finals_.find(c) != std::u32string::npos;
  }
  Lead lead(unsigned char b) const { return lead_[b]; }

 private:
  const std::u32string& finals_;
  std::bitset<0x10000> bmp_;
  std::array<Lead, 256> lead_{};
};

// A block's code points mapped to their bytes, and where its sentences end.
struct BlockMap {
  std::vector<size_t> bytes;  // byte offset of each code point, plus one past the end
  std::vector<int> finals;    // code point indices of the sentence-final characters, in order

  void build(const std::string& t, const SentenceFinals& is_final) {
    bytes.resize(t.size() + 1);
    finals.clear();
    const auto* u = reinterpret_cast<const unsigned char*>(t.data());
    const size_t size = t.size();
    size_t pos = 0;
    int n = 0;
    while (pos < size) {
      bytes[static_cast<size_t>(n)] = pos;
      switch (is_final.lead(u[pos])) {
        case SentenceFinals::kAscii:
          ++pos;
          break;
        case SentenceFinals::kAsciiFinal:
          finals.push_back(n);
          ++pos;
          break;
        case SentenceFinals::kThreeByte:
          // Both continuation bytes: each less 0x80 is below 0x40.
          if (pos + 2 < size && ((u[pos + 1] ^ 0x80) | (u[pos + 2] ^ 0x80)) < 0x40) {
            pos += 3;
            break;
          }
          [[fallthrough]];
        case SentenceFinals::kDecode:
          if (is_final(core::next_code_point(t, &pos))) finals.push_back(n);
          break;
      }
      ++n;
    }
    bytes[static_cast<size_t>(n)] = size;
    bytes.resize(static_cast<size_t>(n) + 1);
  }
  int size() const { return static_cast<int>(bytes.size()) - 1; }
};

// The sentence around [begin, end): from after the previous sentence end to the next one, but
// never more than `sentence_max_chars` on either side of the figure. Text without 。！？ would
// otherwise make each figure quote the whole block (quadratic output in the number of figures).
// Returns its byte range in the block's text.
std::pair<size_t, size_t> sentence_around(const BlockMap& map, int begin, int end,
                                          const RuleSet& rules) {
  const int reach = rules.tables.sentence_max_chars;
  const int low = std::max(0, begin - reach);
  const int high = std::min(map.size(), end + reach);
  const std::vector<int>& f = map.finals;
  // Back to just after the last sentence end before `begin`, forward to just after the first
  // one at or after `end`, each stopping at its reach.
  int s = begin;
  if (s > low) {
    const auto it = std::lower_bound(f.begin(), f.end(), begin);
    s = it == f.begin() ? low : std::max(low, *std::prev(it) + 1);
  }
  int e = end;
  if (e < high) {
    const auto it = std::lower_bound(f.begin(), f.end(), end);
    e = it == f.end() ? high : std::min(high, *it);
    if (e < high) ++e;
  }
  return {map.bytes[static_cast<size_t>(s)], map.bytes[static_cast<size_t>(e)]};
}

// Whether the text between two figures (code points [from, to)) is one list word: 和, 、.
// `bytes` maps the code points of `text` to byte offsets.
bool joined_by_list_word(const std::string& text, const std::vector<size_t>& bytes, int from,
                         int to, const RuleSet& rules) {
  if (to <= from || static_cast<size_t>(to) >= bytes.size()) return false;
  const size_t begin = bytes[static_cast<size_t>(from)];
  const std::string_view between(text.data() + begin, bytes[static_cast<size_t>(to)] - begin);
  const auto& joiners = rules.tables.list_joiners;
  return std::find(joiners.begin(), joiners.end(), between) != joiners.end();
}

// One block's finds, complete once the seam below it has been matched: its candidates (less the
// pieces of a figure that crosses a seam), its places, and the seam's window with the figures
// that cross it. Only the block being matched and the one above it are held, unless the year
// must be counted from every candidate first.
struct BlockFinds {
  size_t id = 0;  // the block's index
  std::vector<Candidate> candidates;
  std::vector<PlaceMention> places;
  SeamTouch touch;
  int taken = 0;                 // code points from its start that a figure over the seam took
  std::optional<LineSeam> seam;  // the seam below it
  size_t seam_id = 0;            // the window's index as a block: every block's, then the seams'
  std::vector<Candidate> seam_candidates;
};

// All items in document order, for assigning metrics by line.
std::vector<Item*> all_items(Document* doc) {
  std::vector<Item*> items;
  for (Section& s : doc->sections) {
    for (Item& i : s.items) items.push_back(&i);
  }
  return items;
}

// The item holding source position (line, column): by line, and by column where items share a
// line (text flattened onto one line).
Item* item_at(const std::vector<Item*>& items, int line, int column) {
  const std::pair<int, int> at{line, column};
  auto it = std::upper_bound(items.begin(), items.end(), at,
                             [](const std::pair<int, int>& a, const Item* i) {
                               return a < std::pair<int, int>{i->first_line, i->first_column};
                             });
  if (it == items.begin()) return nullptr;
  --it;
  const int last_column = (*it)->last_column > 0 ? (*it)->last_column : INT_MAX;
  return at <= std::pair<int, int>{(*it)->last_line, last_column} ? *it : nullptr;
}

void count_years(const std::vector<Candidate>& candidates, const RuleSet& rules,
                 std::map<int, int>* counts) {
  for (const Candidate& c : candidates) {
    for (const int y : years_named(c, rules)) ++(*counts)[y];
  }
}

int most_named_year(const std::map<int, int>& counts) {
  int best = 0;
  int best_count = 0;
  // On a tie the latest year: a bulletin looks back on earlier years more than ahead.
  for (const auto& [y, n] : counts) {
    if (n >= best_count) {
      best = y;
      best_count = n;
    }
  }
  return best;
}

// Drops the places inside text where no province is taken (rules' place_exclusions: the
// address and registration lines of a crawled page's footer, 地址：济南市…, 鲁ICP备…).
void drop_excluded_places(const std::string& text, const RuleSet& rules,
                          std::vector<PlaceMention>* places) {
  if (places->empty()) return;
  std::vector<std::pair<int, int>> spans;
  for (const PatternRule& r : rules.place_exclusions) {
    const bool gated = !r.required.empty();
    if (gated && std::none_of(r.required.begin(), r.required.end(), [&](const std::string& l) {
          return text.find(l) != std::string::npos;
        })) {
      continue;
    }
    core::Match m(r.regex, text, rules.layout.regex_time_limit);
    while (m.find()) spans.emplace_back(m.start(), m.end());
  }
  if (spans.empty()) return;
  std::erase_if(*places, [&](const PlaceMention& p) {
    return std::any_of(spans.begin(), spans.end(),
                       [&](const auto& s) { return p.begin < s.second && s.first < p.end; });
  });
}

void roll_up_provinces(Item* item) {
  for (const Metric& m : item->metrics) {
    if (m.kind != MetricKind::kProvince) continue;
    const std::string& name = std::get<InternedText>(m.value);
    auto it = std::find_if(item->provinces.begin(), item->provinces.end(),
                           [&](const ProvinceCount& p) { return p.name == name; });
    if (it == item->provinces.end()) {
      item->provinces.push_back({name, m.code, 1});
    } else {
      ++it->count;
    }
  }
}

// A rule that ran out of its time limit may have lost a match: an error diagnostic, so that
// --strict fails and nobody takes the metrics for complete. One per rule and line.
void report_timeouts(const std::vector<CandidateFinder::Timeout>& timeouts,
                     const layout::Block& block, std::vector<Diagnostic>* out) {
  const size_t first = out->size();
  for (const CandidateFinder::Timeout& t : timeouts) {
    int line = 0;
    int column = 0;
    layout::locate(block, t.offset, &line, &column);
    const bool seen =
        std::any_of(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
                    [&](const Diagnostic& d) { return d.rule_id == *t.rule_id && d.line == line; });
    if (seen) continue;
    out->push_back({"error", "metrics", *t.rule_id, line,
                    fmt::format("regex time limit reached at column {}: a metric may be missing "
                                "here (regex_time_limit in layout/layout.yaml)",
                                column)});
  }
}

// Of the candidates found in the window over the seam below `up`, keeps those that cross the
// seam, and drops the pieces of them the blocks found on either side (1592 of "死亡1592" / "人").
// A figure that crosses one seam is not taken from the next seam's window again.
void keep_seam_figures(BlockFinds* up, BlockFinds* down) {
  const LineSeam& seam = *up->seam;
  std::vector<Candidate>& window = up->seam_candidates;
  std::erase_if(window, [&](const Candidate& c) {
    return c.begin >= seam.at || c.end <= seam.at || seam.tail_from + c.begin < up->taken;
  });
  if (window.empty()) return;
  const int up_from = seam.tail_from + window.front().begin;
  const int down_to = window.back().end - seam.at;
  std::erase_if(up->candidates, [&](const Candidate& c) { return c.end > up_from; });
  std::erase_if(down->candidates, [&](const Candidate& c) { return c.begin < down_to; });
  down->taken = down_to;
}

// A candidate held until the year is known, its capture texts in one string: a Candidate holds
// each group in a std::string of its own (700 bytes, most of them empty). The groups' ends are
// 16-bit (96 bytes a candidate, not 136); the rare figure whose captures are longer is held
// whole.
class PackedCandidate {
 public:
  explicit PackedCandidate(const Candidate& c) : rule_(c.rule), begin_(c.begin), end_(c.end) {
    for (size_t i = 0; i < kGroups.size(); ++i) {
      texts_ += c.groups.*kGroups[i];
      ends_[i] = static_cast<uint16_t>(texts_.size());
    }
    if (texts_.size() > UINT16_MAX) {
      whole_ = std::make_unique<Candidate>(c);
      std::string().swap(texts_);
    }
  }
  Candidate unpack() const {
    if (whole_) return *whole_;
    Candidate c{rule_, begin_, end_, {}};
    uint16_t from = 0;
    for (size_t i = 0; i < kGroups.size(); ++i) {
      c.groups.*kGroups[i] = texts_.substr(from, ends_[i] - from);
      from = ends_[i];
    }
    return c;
  }

 private:
  static constexpr std::array kGroups = {
      &Captures::whole, &Captures::value,    &Captures::tenths, &Captures::unit, &Captures::cmp,
      &Captures::cmpb,  &Captures::change,   &Captures::y,      &Captures::m,    &Captures::d,
      &Captures::y2,    &Captures::m2,       &Captures::d2,     &Captures::part, &Captures::part2,
      &Captures::eom,   &Captures::thisyear, &Captures::value2, &Captures::half, &Captures::half2,
      &Captures::per,   &Captures::yrel};
  static_assert(sizeof(Captures) == kGroups.size() * sizeof(std::string),
                "a capture group that is not in kGroups would be lost: add it");
  const MetricRule* rule_;
  int begin_;
  int end_;
  std::string texts_;
  std::array<uint16_t, kGroups.size()> ends_;
  std::unique_ptr<const Candidate> whole_;  // when texts_ would not fit 16-bit ends
};

std::vector<PackedCandidate> pack(const std::vector<Candidate>& candidates) {
  std::vector<PackedCandidate> out;
  out.reserve(candidates.size());
  for (const Candidate& c : candidates) out.emplace_back(c);
  return out;
}

std::vector<Candidate> unpack(const std::vector<PackedCandidate>& packed) {
  std::vector<Candidate> out;
  out.reserve(packed.size());
  for (const PackedCandidate& p : packed) out.push_back(p.unpack());
  return out;
}

// A block's finds held until the year is known: only what resolving them needs.
struct HeldBlock {
  size_t id = 0;
  std::vector<PackedCandidate> candidates;
  size_t seam_id = 0;
  std::unique_ptr<LineSeam> seam;  // null when no figure crosses the seam below the block
  std::vector<PackedCandidate> seam_candidates;
  // The block itself, moved out of a spent CleanText (null otherwise), so the block vector can go
  // before the held figures are placed.
  std::unique_ptr<layout::Block> block;
};

// extract_metrics; `spent`, when given, is `text` itself, and each block is cleared in it once
// nothing more is read of it.
void extract_metrics_from(const layout::CleanText& text, layout::CleanText* spent,
                          const RuleSet& rules, const MetricsOptions& options, Document* doc) {
  auto give_up = [&](size_t id) {
    // Moved out and destroyed: assigning an empty string would keep the text's buffer.
    if (spent) layout::Block gone = std::move(spent->blocks[id]);
  };
  size_t block_bytes = 0;
  for (const layout::Block& b : text.blocks) block_bytes += b.text.size();
  using Prefilter = MetricsOptions::Prefilter;
  const bool prefilter =
      options.prefilter == Prefilter::kAlways ||
      (options.prefilter == Prefilter::kWhenItPays && rules.prefilter_pays(block_bytes));
  RuleSet::FinderPtr kept =
      rules.take_finder([&](const CandidateFinder& f) { return f.fits(options.kinds, prefilter); });
  if (!kept) kept.reset(new CandidateFinder(rules, options.kinds, prefilter));
  // Given back when the stage ends, however it ends.
  const std::unique_ptr<CandidateFinder, std::function<void(CandidateFinder*)>> held(
      kept.release(),
      [&rules](CandidateFinder* f) { rules.give_back_finder(RuleSet::FinderPtr(f)); });
  CandidateFinder& finder = *held;
  const bool want_provinces =
      options.kinds.empty() || std::find(options.kinds.begin(), options.kinds.end(),
                                         MetricKind::kProvince) != options.kinds.end();
  const size_t nblocks = text.blocks.size();
  // The bulletin's year: its masthead, else the caller's, else (once every block is matched) the
  // one the text names most. Known at the start, each block is resolved once the seam below it
  // is matched, and dropped.
  const bool year_known =
      (doc->masthead && doc->masthead->date.size() >= 4) || options.fallback_year > 0;
  if (doc->masthead && doc->masthead->date.size() >= 4) {
    doc->year = {std::atoi(doc->masthead->date.c_str()), "masthead"};
  } else if (options.fallback_year > 0) {
    doc->year = {options.fallback_year, "option"};
  }
  // In the order of a whole-document pass: every block's timeouts, the seams' windows' timeouts,
  // the year, then the dates passed over.
  std::vector<Diagnostic> seam_timeouts;
  std::vector<Diagnostic> passed_over;
  // A text's candidates; `places` (null for a seam's window) takes its places.
  auto find_in = [&](const layout::Block& block, std::vector<PlaceMention>* places,
                     std::vector<Diagnostic>* timeouts) {
    const std::string normalized = core::normalize_width(block.text);
    std::vector<PlaceMention> named = find_provinces(normalized, rules);
    // A place name that holds a numeral (东北三省, 五家渠市) is no count.
    std::vector<std::pair<int, int>> masked;
    for (const PlaceMention& p : named) {
      if (p.numeral) masked.emplace_back(p.begin, p.end);
    }
    std::vector<Candidate> out = finder.find(normalized, masked);
    report_timeouts(finder.timeouts(), block, timeouts);
    if (places) {
      drop_excluded_places(normalized, rules, &named);
      *places = std::move(named);
    }
    return out;
  };
  const std::vector<Item*> items = all_items(doc);
  // Per block: map offsets to source lines and quote the original text.
  size_t current_block = static_cast<size_t>(-1);
  const SentenceFinals is_final(rules.layout.sentence_final);
  BlockMap map;
  std::vector<size_t>& bytes = map.bytes;
  auto prepare = [&](size_t id, const std::string& t) {
    if (id == current_block) return;
    current_block = id;
    map.build(t, is_final);
  };
  // The item the last metric went to: its vector is trimmed to size when the next one starts.
  Item* filling = nullptr;
  // The last sentence quoted, held once for the figures after it in the same sentence.
  std::tuple<size_t, size_t, size_t> last_sentence{static_cast<size_t>(-1), 0, 0};
  SharedText sentence;
  auto place = [&](Metric m, size_t id, const layout::Block& block, int begin, int end) {
    prepare(id, block.text);
    layout::locate(block, begin, &m.line, &m.column);
    m.text = block.text.substr(bytes[static_cast<size_t>(begin)],
                               bytes[static_cast<size_t>(end)] - bytes[static_cast<size_t>(begin)]);
    const auto [from, to] = sentence_around(map, begin, end, rules);
    if (last_sentence != std::tuple{id, from, to}) {
      last_sentence = {id, from, to};
      sentence = block.text.substr(from, to - from);
    }
    m.sentence = sentence;
    Item* item = item_at(items, m.line, m.column);
    if (!item) return;
    m.item_id = item->id;
    if (item != filling && filling) filling->metrics.shrink_to_fit();
    filling = item;
    item->metrics.push_back(std::move(m));
  };
  // The figure before, for lists that share a direction word.
  size_t prev_id = static_cast<size_t>(-1);
  int prev_end = 0;
  MetricKind prev_kind = MetricKind::kNumber;
  std::string prev_change;
  size_t joined_block = static_cast<size_t>(-1);
  std::string normalized;  // of joined_block, made again rather than held for every block
  std::vector<size_t> normalized_bytes;
  auto resolve_all = [&](size_t id, const layout::Block& block,
                         const std::vector<Candidate>& candidates) {
    for (const Candidate& c : candidates) {
      std::string rejected;
      auto m = resolve_candidate(c, rules, doc->year.value, &rejected);
      if (!m) {
        // 2月31日, 23年5月: no metric, but the reader learns which line was passed over.
        if (!rejected.empty()) {
          prepare(id, block.text);
          Diagnostic d{"warning", "metrics", c.rule->id, 0, "", 0};
          layout::locate(block, c.begin, &d.line, &d.column);
          const size_t from = bytes[static_cast<size_t>(c.begin)];
          const std::string written =
              block.text.substr(from, bytes[static_cast<size_t>(c.end)] - from);
          d.message = fmt::format("'{}' is not a date: {}", written, rejected);
          passed_over.push_back(std::move(d));
        }
        continue;
      }
      // "分别下降8.5%和6.2%": the direction word governs each figure of the list.
      if (prev_id == id && m->kind == prev_kind && m->change.empty() && !prev_change.empty()) {
        if (joined_block != id) {
          joined_block = id;
          normalized = core::normalize_width(block.text);
          normalized_bytes = code_point_bytes(normalized);
        }
        if (joined_by_list_word(normalized, normalized_bytes, prev_end, c.begin, rules)) {
          m->change = prev_change;
        }
      }
      prev_id = id;
      prev_end = c.end;
      prev_kind = m->kind;
      prev_change = m->change;
      place(std::move(*m), id, block, c.begin, c.end);
    }
  };
  std::vector<HeldBlock> waiting;  // blocks with candidates, while the year is still to be counted
  std::map<int, int> years;
  // Provinces need no year: placed at once. The rest is resolved at once when the year is known.
  // Returns whether the block is still needed (held until the year is counted).
  auto finish = [&](BlockFinds&& f) {
    if (want_provinces) {
      for (PlaceMention& p : f.places) {
        if (p.metric.kind == MetricKind::kProvince) {
          place(std::move(p.metric), f.id, text.blocks[f.id], p.begin, p.end);
        }
      }
    }
    f.places = {};
    if (!year_known) {
      count_years(f.candidates, rules, &years);
      count_years(f.seam_candidates, rules, &years);
      if (f.candidates.empty() && f.seam_candidates.empty()) return false;
      HeldBlock held{f.id,    pack(f.candidates),      f.seam_id,
                     nullptr, pack(f.seam_candidates), nullptr};
      if (!f.seam_candidates.empty()) held.seam = std::make_unique<LineSeam>(std::move(*f.seam));
      // The seam below was the last read of it by its neighbours.
      if (spent) held.block = std::make_unique<layout::Block>(std::move(spent->blocks[f.id]));
      waiting.push_back(std::move(held));
      return true;
    }
    resolve_all(f.id, text.blocks[f.id], f.candidates);
    if (f.seam) resolve_all(f.seam_id, f.seam->window, f.seam_candidates);
    return false;
  };
  const int long_width = long_line_width(text.blocks, rules.tables.line_seam.long_line_rank);
  std::optional<BlockFinds> up;  // the block above, waiting for the seam below it
  size_t seams = 0;
  for (size_t b = 0; b < nblocks; ++b) {
    BlockFinds f;
    f.id = b;
    f.candidates = find_in(text.blocks[b], &f.places, &doc->diagnostics);
    if (!f.candidates.empty()) {
      const auto length = static_cast<int>(core::count_code_points(text.blocks[b].text));
      for (const Candidate& c : f.candidates) {
        f.touch.at_start = f.touch.at_start || c.begin == 0;
        f.touch.at_end = f.touch.at_end || c.end == length;
      }
    }
    if (up) {
      up->seam = seam_below(text.blocks, b - 1, up->touch, f.touch, long_width, rules);
      if (up->seam) {
        up->seam_id = nblocks + seams++;
        up->seam_candidates = find_in(up->seam->window, nullptr, &seam_timeouts);
        keep_seam_figures(&*up, &f);
      }
      // The seam below it was the last read of the block above (a seam reads two blocks).
      if (!finish(std::move(*up))) give_up(b - 1);
    }
    up = std::move(f);
  }
  if (up && !finish(std::move(*up))) give_up(nblocks - 1);
  up.reset();
  doc->diagnostics.insert(doc->diagnostics.end(), seam_timeouts.begin(), seam_timeouts.end());
  if (!year_known) {
    if (const int y = most_named_year(years); y > 0) {
      doc->year = {y, "text"};
    } else {
      doc->year = {0, "none"};
      doc->diagnostics.push_back(
          {"warning", "metrics", "", 0,
           "no year found: dates that omit it have no value, only their month and day"});
    }
    // Every block not held is placed: the block vector goes before the figures grow the items.
    if (spent) std::vector<layout::Block>().swap(spent->blocks);
    for (HeldBlock& h : waiting) {
      resolve_all(h.id, h.block ? *h.block : text.blocks[h.id], unpack(h.candidates));
      if (h.seam) resolve_all(h.seam_id, h.seam->window, unpack(h.seam_candidates));
      h = {};
    }
  }
  if (spent) std::vector<layout::Block>().swap(spent->blocks);  // every block is placed
  doc->diagnostics.insert(doc->diagnostics.end(), passed_over.begin(), passed_over.end());
  for (Item* item : items) {
    // Provinces after the other metrics, as a pass over all blocks would add them.
    auto other = [](const Metric& m) { return m.kind != MetricKind::kProvince; };
    if (!std::is_partitioned(item->metrics.begin(), item->metrics.end(), other)) {
      std::stable_partition(item->metrics.begin(), item->metrics.end(), other);
    }
    std::stable_sort(item->metrics.begin(), item->metrics.end(),
                     [](const Metric& a, const Metric& b) {
                       return a.line != b.line ? a.line < b.line : a.column < b.column;
                     });
    roll_up_provinces(item);
  }
}

}  // namespace

void extract_metrics(const layout::CleanText& text, const RuleSet& rules,
                     const MetricsOptions& options, Document* doc) {
  extract_metrics_from(text, nullptr, rules, options, doc);
}

void extract_metrics(layout::CleanText&& text, const RuleSet& rules, const MetricsOptions& options,
                     Document* doc) {
  extract_metrics_from(text, &text, rules, options, doc);
}

}  // namespace jianbao::metrics
