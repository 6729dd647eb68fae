// Resolvers: a candidate match to a normalised Metric, one function per kind.
#pragma once

#include <optional>

#include "jianbao/document.h"
#include "metrics/candidates.h"

namespace jianbao::metrics {

// The value of a candidate, or nullopt when its captures do not make one (a month 13, a year
// range that runs backwards). `year` completes dates that leave it out (0: unknown). When a date
// is impossible (2月31日) or its written year is no year (23年), *rejected (if given) says why,
// for a diagnostic.
std::optional<Metric> resolve_candidate(const Candidate& c, const RuleSet& rules, int year,
                                        std::string* rejected = nullptr);

// Days in a month of a year (Gregorian).
int days_in_month(int year, int month);

// The years named by a candidate's captures, to find the bulletin's year.
std::vector<int> years_named(const Candidate& c, const RuleSet& rules);

}  // namespace jianbao::metrics
