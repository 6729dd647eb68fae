// Stage 4 of 5: the figures of a bulletin, normalised and traced to their lines.
//
// Runs the metric rules of rules/metrics/ over every block, drops matches inside excluded spans
// (names, ranks, slogans), keeps the longest of overlapping matches, resolves each to a
// normalised value (dates completed with the bulletin's year), finds provinces with the
// gazetteer, and attaches each metric to the item whose lines hold it.
#pragma once

#include <vector>

#include "jianbao/document.h"
#include "jianbao/layout.h"

namespace jianbao {
class RuleSet;
}

namespace jianbao::metrics {

struct MetricsOptions {
  // Kinds to report; empty means every kind but kNumber.
  std::vector<MetricKind> kinds;
  // Year to use when neither the masthead nor the text names one (0: none).
  int fallback_year = 0;
  // Whether blocks go through the Hyperscan prefilter: when it pays (the rules'
  // prefilter_after_bytes), always or never. The output is the same; tests compare the two.
  enum class Prefilter { kWhenItPays, kAlways, kNever } prefilter = Prefilter::kWhenItPays;
};

// Sets doc->year (masthead, else options.fallback_year, else the year the text names most often)
// and fills every item's metrics and provinces.
void extract_metrics(const layout::CleanText& text, const RuleSet& rules,
                     const MetricsOptions& options, Document* doc);
// The same, giving up each block once its metrics are placed, so the blocks and the metrics made
// of them are not all held at once; text.blocks is left empty.
void extract_metrics(layout::CleanText&& text, const RuleSet& rules, const MetricsOptions& options,
                     Document* doc);

}  // namespace jianbao::metrics
