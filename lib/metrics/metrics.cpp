#include "jianbao/metrics.h"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <functional>
#include <map>
#include <optional>
#include <string_view>

#include "core/icu_regex.h"
#include "core/utf8.h"
#include "metrics/candidates.h"
#include "metrics/provinces.h"
#include "metrics/resolve.h"
#include "ruleset/rule_set.h"

namespace jianbao::metrics {
namespace {

// Byte offsets of each code point of `text`, plus one past the end.
std::vector<size_t> code_point_bytes(const std::string& text) {
  std::vector<size_t> out;
  size_t pos = 0;
  while (pos < text.size()) {
    out.push_back(pos);
    core::next_code_point(text, &pos);
  }
  out.push_back(text.size());
  return out;
}

// The sentence around [begin, end): from after the previous sentence end to the next one, but
// never more than `sentence_max_chars` on either side of the figure. Text without 。！？ would
// otherwise make each figure quote the whole block (quadratic output in the number of figures).
std::string sentence_around(const std::u32string& cps, const std::vector<size_t>& bytes,
                            const std::string& text, int begin, int end, const RuleSet& rules) {
  const std::u32string& finals = rules.layout.sentence_final;
  const int reach = rules.tables.sentence_max_chars;
  const int size = static_cast<int>(cps.size());
  const int low = std::max(0, begin - reach);
  const int high = std::min(size, end + reach);
  int s = begin;
  while (s > low && finals.find(cps[static_cast<size_t>(s - 1)]) == std::u32string::npos) --s;
  int e = end;
  while (e < high && finals.find(cps[static_cast<size_t>(e)]) == std::u32string::npos) ++e;
  if (e < high) ++e;
  return text.substr(bytes[static_cast<size_t>(s)],
                     bytes[static_cast<size_t>(e)] - bytes[static_cast<size_t>(s)]);
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

struct Found {
  Candidate candidate;
  size_t block = 0;
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

int most_named_year(const std::vector<Found>& found, const RuleSet& rules) {
  std::map<int, int> counts;
  for (const Found& f : found) {
    for (const int y : years_named(f.candidate, rules)) ++counts[y];
  }
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
    const std::string& name = std::get<std::string>(m.value);
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

}  // namespace

void extract_metrics(const layout::CleanText& text, const RuleSet& rules,
                     const MetricsOptions& options, Document* doc) {
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
  // The year comes first when the masthead or the caller gives it: then each block's candidates
  // are resolved and dropped as the block is done, not held for the whole document (issue 17).
  const bool year_given =
      (doc->masthead && doc->masthead->date.size() >= 4) || options.fallback_year > 0;
  if (doc->masthead && doc->masthead->date.size() >= 4) {
    doc->year = {std::atoi(doc->masthead->date.c_str()), "masthead"};
  } else if (options.fallback_year > 0) {
    doc->year = {options.fallback_year, "option"};
  }
  const std::vector<Item*> items = all_items(doc);
  // Per block: map offsets to source lines and quote the original text.
  size_t current_block = static_cast<size_t>(-1);
  std::u32string cps;
  std::vector<size_t> bytes;
  auto prepare = [&](size_t b) {
    if (b == current_block) return;
    current_block = b;
    const std::string& t = text.blocks[b].text;
    cps.clear();
    size_t pos = 0;
    while (pos < t.size()) cps.push_back(core::next_code_point(t, &pos));
    bytes = code_point_bytes(t);
  };
  auto place = [&](Metric m, size_t b, int begin, int end) {
    prepare(b);
    const layout::Block& block = text.blocks[b];
    layout::locate(block, begin, &m.line, &m.column);
    m.text = block.text.substr(bytes[static_cast<size_t>(begin)],
                               bytes[static_cast<size_t>(end)] - bytes[static_cast<size_t>(begin)]);
    m.sentence = sentence_around(cps, bytes, block.text, begin, end, rules);
    Item* item = item_at(items, m.line, m.column);
    if (!item) return;
    m.item_id = item->id;
    item->metrics.push_back(std::move(m));
  };
  // "… is not a date" warnings, after the stage's time-limit errors as they always came.
  std::vector<Diagnostic> passed_over;
  size_t prev_block = static_cast<size_t>(-1);
  int prev_end = 0;
  std::optional<Metric> prev_metric;
  size_t joined_block = static_cast<size_t>(-1);
  std::vector<size_t> normalized_bytes;
  std::vector<std::string> normalized;
  normalized.reserve(text.blocks.size());
  auto resolve = [&](const Found& f) {
    std::string rejected;
    auto m = resolve_candidate(f.candidate, rules, doc->year.value, &rejected);
    if (!m) {
      // 2月31日, 23年5月: no metric, but the reader learns which line was passed over.
      if (!rejected.empty()) {
        prepare(f.block);
        const layout::Block& block = text.blocks[f.block];
        Diagnostic d{"warning", "metrics", f.candidate.rule->id, 0, "", 0};
        layout::locate(block, f.candidate.begin, &d.line, &d.column);
        const size_t from = bytes[static_cast<size_t>(f.candidate.begin)];
        const std::string written =
            block.text.substr(from, bytes[static_cast<size_t>(f.candidate.end)] - from);
        d.message = fmt::format("'{}' is not a date: {}", written, rejected);
        passed_over.push_back(std::move(d));
      }
      return;
    }
    // "分别下降8.5%和6.2%": the direction word governs each figure of the list.
    if (prev_metric && prev_block == f.block && m->kind == prev_metric->kind && m->change.empty() &&
        !prev_metric->change.empty()) {
      if (joined_block != f.block) {
        joined_block = f.block;
        normalized_bytes = code_point_bytes(normalized[f.block]);
      }
      if (joined_by_list_word(normalized[f.block], normalized_bytes, prev_end, f.candidate.begin,
                              rules)) {
        m->change = prev_metric->change;
      }
    }
    prev_block = f.block;
    prev_end = f.candidate.end;
    prev_metric = *m;
    place(std::move(*m), f.block, f.candidate.begin, f.candidate.end);
  };
  std::vector<std::vector<PlaceMention>> places;
  std::vector<Found> found;  // only while the year is still to be counted from the text
  for (size_t b = 0; b < text.blocks.size(); ++b) {
    normalized.push_back(core::normalize_width(text.blocks[b].text));
    places.push_back(find_provinces(normalized.back(), rules));
    // A place name that holds a numeral (东北三省, 五家渠市) is no count.
    std::vector<std::pair<int, int>> masked;
    for (const PlaceMention& p : places.back()) {
      if (p.numeral) masked.emplace_back(p.begin, p.end);
    }
    for (Candidate& c : finder.find(normalized.back(), masked)) {
      if (year_given) {
        resolve({std::move(c), b});
      } else {
        found.push_back({std::move(c), b});
      }
    }
    drop_excluded_places(normalized.back(), rules, &places.back());
    report_timeouts(finder.timeouts(), text.blocks[b], &doc->diagnostics);
    if (year_given) std::string().swap(normalized.back());  // its candidates are resolved
  }
  // Else the year the text names most, then every candidate in document order.
  if (!year_given) {
    if (const int y = most_named_year(found, rules); y > 0) {
      doc->year = {y, "text"};
    } else {
      doc->year = {0, "none"};
      doc->diagnostics.push_back(
          {"warning", "metrics", "", 0,
           "no year found: dates that omit it have no value, only their month and day"});
    }
  }
  for (const Found& f : found) resolve(f);
  doc->diagnostics.insert(doc->diagnostics.end(), std::make_move_iterator(passed_over.begin()),
                          std::make_move_iterator(passed_over.end()));
  if (want_provinces) {
    for (size_t b = 0; b < text.blocks.size(); ++b) {
      for (PlaceMention& p : places[b]) {
        if (p.metric.kind == MetricKind::kProvince) place(std::move(p.metric), b, p.begin, p.end);
      }
    }
  }
  for (Item* item : items) {
    std::stable_sort(item->metrics.begin(), item->metrics.end(),
                     [](const Metric& a, const Metric& b) {
                       return a.line != b.line ? a.line < b.line : a.column < b.column;
                     });
    roll_up_provinces(item);
  }
}

}  // namespace jianbao::metrics
