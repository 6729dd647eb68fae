#include "metrics/resolve.h"

#include <fmt/format.h>

#include <cmath>

#include "core/numeral.h"

namespace jianbao::metrics {
namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2199;
constexpr double kPercentPerTenth = 10;

std::optional<double> number(const std::string& text, const RuleSet& rules) {
  if (text.empty()) return std::nullopt;
  return core::parse_number(text, rules.numerals);
}

std::optional<int> integer(const std::string& text, const RuleSet& rules) {
  const auto v = number(text, rules);
  if (!v || *v != std::floor(*v)) return std::nullopt;
  return static_cast<int>(*v);
}

std::string lookup(const std::vector<std::pair<std::string, std::string>>& table,
                   const std::string& word, bool contains) {
  if (word.empty()) return "";
  for (const auto& [w, v] : table) {
    if (contains ? word.find(w) != std::string::npos : word == w) return v;
  }
  return "";
}

// A year or the bulletin's; sets *inferred when the bulletin's was used.
std::optional<int> year_or(const std::string& text, const std::string& thisyear, int year,
                           const RuleSet& rules, bool* inferred) {
  if (!text.empty()) {
    const auto y = integer(text, rules);
    if (!y || *y < kMinYear || *y > kMaxYear) return std::nullopt;
    return y;
  }
  (void)thisyear;
  *inferred = true;
  return year;
}

std::string ymd(int y, int m, int d) {
  // ISO 8601 writes a date without a year as --MM-DD.
  return y > 0 ? fmt::format("{:04d}-{:02d}-{:02d}", y, m, d)
               : fmt::format("--{:02d}-{:02d}", m, d);
}

std::string ym(int y, int m) {
  return y > 0 ? fmt::format("{:04d}-{:02d}", y, m) : fmt::format("--{:02d}", m);
}

bool valid_month(int m) { return m >= 1 && m <= 12; }

void apply_comparator_and_change(const Candidate& c, const RuleSet& rules, Metric* out) {
  out->comparator = lookup(rules.tables.comparators, c.groups.cmp, false);
  if (out->comparator.empty())
    out->comparator = lookup(rules.tables.comparators, c.groups.cmpb, false);
  out->change = lookup(rules.tables.changes, c.groups.change, true);
}

bool resolve_date(const Candidate& c, const RuleSet& rules, int year, Metric* out) {
  const auto& g = c.groups;
  const auto y = year_or(g.y, g.thisyear, year, rules, &out->year_inferred);
  const auto m = integer(g.m, rules);
  if (!y || !m || !valid_month(*m)) return false;
  if (!g.d.empty()) {
    const auto d = integer(g.d, rules);
    if (!d || *d < 1 || *d > 31) return false;
    out->value = ymd(*y, *m, *d);
  } else if (!g.eom.empty()) {
    out->value = ymd(*y, *m, days_in_month(*y > 0 ? *y : 2001, *m));
  } else {
    return false;
  }
  return true;
}

bool resolve_deadline(const Candidate& c, const RuleSet& rules, int year, Metric* out) {
  const auto& g = c.groups;
  if (!g.m.empty()) return resolve_date(c, rules, year, out);
  // 2024年底前, 年底前: the last day of the year.
  const auto y = year_or(g.y, g.thisyear, year, rules, &out->year_inferred);
  if (!y) return false;
  out->value = ymd(*y, 12, 31);
  return true;
}

bool resolve_date_range(const Candidate& c, const RuleSet& rules, int year, Metric* out) {
  const auto& g = c.groups;
  const auto y = year_or(g.y, g.thisyear, year, rules, &out->year_inferred);
  if (!y) return false;
  if (!g.part.empty()) {
    // A named period: 上半年, 一季度 (year parts), 上旬 (month parts).
    std::string part = g.part;
    auto it = rules.tables.periods.find(part);
    if (it == rules.tables.periods.end() && !part.empty()) {
      // 第一季度 -> 一季度: try without a leading ordinal mark of one character.
      for (const auto& [name, period] : rules.tables.periods) {
        if (part.size() > name.size() &&
            part.compare(part.size() - name.size(), name.size(), name) == 0) {
          it = rules.tables.periods.find(name);
          break;
        }
      }
    }
    if (it == rules.tables.periods.end()) return false;
    const Period& p = it->second;
    if (!g.m.empty()) {
      const auto m = integer(g.m, rules);
      if (!m || !valid_month(*m)) return false;
      out->start = ymd(*y, *m, std::atoi(p.start.c_str()));
      // 6月下旬至7月上旬: the end comes from the second month's part.
      int m_end = *m;
      const Period* end_part = &p;
      if (!g.part2.empty()) {
        const auto m2 = integer(g.m2, rules);
        const auto it2 = rules.tables.periods.find(g.part2);
        if (!m2 || !valid_month(*m2) || it2 == rules.tables.periods.end()) return false;
        m_end = *m2;
        end_part = &it2->second;
      }
      const int last = days_in_month(*y > 0 ? *y : 2001, m_end);
      const int d2 = end_part->end == "last" ? last : std::atoi(end_part->end.c_str());
      out->end = ymd(*y, m_end, d2);
      return true;
    }
    const std::string prefix = *y > 0 ? fmt::format("{:04d}-", *y) : "--";
    out->start = prefix + p.start;
    out->end = prefix + p.end;
    return true;
  }
  const auto m = integer(g.m, rules);
  if (!m || !valid_month(*m)) return false;
  bool ignored = false;
  const auto y2 = g.y2.empty() ? y : year_or(g.y2, "", year, rules, &ignored);
  const auto m2 = g.m2.empty() ? m : integer(g.m2, rules);
  if (!y2 || !m2 || !valid_month(*m2)) return false;
  if (!g.d.empty()) {
    const auto d = integer(g.d, rules);
    const auto d2 = integer(g.d2, rules);
    if (!d || !d2) return false;
    out->start = ymd(*y, *m, *d);
    out->end = ymd(*y2, *m2, *d2);
  } else {
    out->start = ym(*y, *m);
    out->end = ym(*y2, *m2);
  }
  // Ranges run forwards: 12月28日至1月3日 crosses into the next year.
  if (g.y2.empty() && *y > 0 &&
      std::get<std::string>(out->end) < std::get<std::string>(out->start)) {
    out->end = g.d.empty() ? ym(*y + 1, *m2) : ymd(*y + 1, *m2, *integer(g.d2, rules));
  }
  return true;
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[(month - 1) % 12];
}

std::vector<int> years_named(const Candidate& c, const RuleSet& rules) {
  // The start of a range only: "2024—2026年" is a plan made in 2024.
  std::vector<int> out;
  if (const auto y = integer(c.groups.y, rules); y && *y >= kMinYear && *y <= kMaxYear) {
    out.push_back(*y);
  }
  return out;
}

std::optional<Metric> resolve_candidate(const Candidate& c, const RuleSet& rules, int year) {
  Metric out;
  out.kind = c.rule->kind;
  out.rule_id = c.rule->id;
  const Captures& g = c.groups;
  apply_comparator_and_change(c, rules, &out);
  bool ok = true;
  switch (out.kind) {
    case MetricKind::kPercentage:
    case MetricKind::kPercentagePoint:
    case MetricKind::kCount:
    case MetricKind::kAmount:
    case MetricKind::kNumber: {
      std::optional<double> v;
      if (!g.tenths.empty()) {
        v = number(g.tenths, rules);
        if (v) *v *= kPercentPerTenth;
      } else {
        v = number(g.value.empty() ? g.whole : g.value, rules);
      }
      if (!v) return std::nullopt;
      out.value = *v;
      out.unit = g.unit;
      break;
    }
    case MetricKind::kDuration: {
      const auto v = number(g.value, rules);
      const auto unit = rules.tables.duration_units.find(g.unit);
      if (!v || unit == rules.tables.duration_units.end()) return std::nullopt;
      out.value = *v;
      out.unit = unit->second;
      break;
    }
    case MetricKind::kDate:
      ok = resolve_date(c, rules, year, &out);
      break;
    case MetricKind::kDeadline:
      ok = resolve_deadline(c, rules, year, &out);
      break;
    case MetricKind::kDateRange:
      ok = resolve_date_range(c, rules, year, &out);
      break;
    case MetricKind::kYear: {
      const auto y = integer(g.y, rules);
      if (!y || *y < kMinYear || *y > kMaxYear) return std::nullopt;
      out.value = static_cast<double>(*y);
      break;
    }
    case MetricKind::kYearRange: {
      const auto y = integer(g.y, rules);
      const auto y2 = integer(g.y2, rules);
      if (!y || !y2 || *y < kMinYear || *y2 > kMaxYear || *y2 < *y) return std::nullopt;
      out.start = static_cast<double>(*y);
      out.end = static_cast<double>(*y2);
      break;
    }
    case MetricKind::kProvince:
      return std::nullopt;  // provinces come from the gazetteer, not from rules
  }
  if (!ok) return std::nullopt;
  // Fields a rule forces.
  for (const auto& [key, value] : c.rule->set) {
    if (key == "comparator") out.comparator = value;
    if (key == "change") out.change = value;
    if (key == "unit") out.unit = value;
  }
  return out;
}

}  // namespace jianbao::metrics
