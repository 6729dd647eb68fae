#include "metrics/resolve.h"

#include <fmt/format.h>

#include <cmath>

#include "core/numeral.h"
#include "core/utf8.h"

namespace jianbao::metrics {
namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2199;
constexpr double kPercentPerTenth = 10;
constexpr double kHalf = 0.5;
constexpr double kPercent = 100;
constexpr int kLastMonth = 12;
constexpr int kLastDayOfYear = 31;
// A month's last day when the year is unknown: February's is taken from a common year.
constexpr int kCommonYear = 2001;
// The year against which a day is checked when the year is unknown: 2月29日 may be real.
constexpr int kLeapYear = 2000;

std::optional<double> number(const std::string& text, const RuleSet& rules) {
  if (text.empty()) return std::nullopt;
  if (const auto v = core::parse_ascii_digits(text)) return v;
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

// The year of a date: as written (checked), counted from the bulletin's (今年, 去年), or the
// bulletin's. 0 when unknown.
struct Year {
  int value = 0;
  bool inferred = false;
};

// nullopt (and *why) when the written year is no plausible year: 23年, 1800年. It is never
// replaced by the bulletin's.
std::optional<Year> year_of(const std::string& written, const std::string& relative, int year,
                            const RuleSet& rules, std::string* why) {
  if (!written.empty()) {
    const auto y = integer(written, rules);
    if (!y || *y < kMinYear || *y > kMaxYear) {
      *why = fmt::format("'{}' is no year between {} and {}", written, kMinYear, kMaxYear);
      return std::nullopt;
    }
    return Year{*y, false};
  }
  if (!relative.empty()) {
    const auto it = rules.tables.relative_years.find(relative);
    if (it == rules.tables.relative_years.end()) return std::nullopt;
    return Year{year > 0 ? year + it->second : 0, year > 0};
  }
  return Year{year, year > 0};
}

bool valid_month(int m) { return m >= 1 && m <= kLastMonth; }

// Whether day `d` of month `m` exists (in `y`, or in some year when y is 0).
bool valid_day(int y, int m, int d) {
  return d >= 1 && d <= days_in_month(y > 0 ? y : kLeapYear, m);
}

int last_day(int y, int m) { return days_in_month(y > 0 ? y : kCommonYear, m); }

std::string ymd(int y, int m, int d) { return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d); }
std::string ym(int y, int m) { return fmt::format("{:04d}-{:02d}", y, m); }

// A date, or (year unknown) its month and day with no value.
void set_date(int y, int m, int d, Metric* out) {
  if (y > 0) {
    out->value = ymd(y, m, d);
  } else {
    out->month = m;
    out->day = d;
  }
}

// A range; d and d2 are 0 for a month grain. With a year unknown, start and end stay empty and
// the months and days are given on their own.
void set_range(int y, int m, int d, int y2, int m2, int d2, Metric* out) {
  if (y > 0 && y2 > 0) {
    out->start = d > 0 ? ymd(y, m, d) : ym(y, m);
    out->end = d2 > 0 ? ymd(y2, m2, d2) : ym(y2, m2);
  } else {
    out->month = m;
    out->day = d;
    out->end_month = m2;
    out->end_day = d2;
  }
}

std::string no_day(int y, int m, int d) {
  return y > 0 ? fmt::format("{:04d}-{:02d} has no day {}", y, m, d)
               : fmt::format("month {} has no day {}", m, d);
}

void apply_comparator_and_change(const Candidate& c, const RuleSet& rules, Metric* out) {
  out->comparator = lookup(rules.tables.comparators, c.groups.cmp, false);
  if (out->comparator.empty())
    out->comparator = lookup(rules.tables.comparators, c.groups.cmpb, false);
  out->change = lookup(rules.tables.changes, c.groups.change, true);
}

bool resolve_date(const Candidate& c, const RuleSet& rules, int year, Metric* out,
                  std::string* why) {
  const auto& g = c.groups;
  const auto y = year_of(g.y, g.yrel, year, rules, why);
  const auto m = integer(g.m, rules);
  if (!y || !m || !valid_month(*m)) return false;
  out->year_inferred = y->inferred;
  int d = 0;
  if (!g.d.empty()) {
    const auto day = integer(g.d, rules);
    if (!day) return false;
    d = *day;
    if (!valid_day(y->value, *m, d)) {
      *why = no_day(y->value, *m, d);
      return false;
    }
  } else {
    d = last_day(y->value, *m);  // 截至3月底, 截至2021年9月: the end of the month
  }
  set_date(y->value, *m, d, out);
  return true;
}

bool resolve_deadline(const Candidate& c, const RuleSet& rules, int year, Metric* out,
                      std::string* why) {
  const auto& g = c.groups;
  if (!g.m.empty()) return resolve_date(c, rules, year, out, why);
  // 2024年底前, 年底前: the last day of the year.
  const auto y = year_of(g.y, g.yrel, year, rules, why);
  if (!y) return false;
  out->year_inferred = y->inferred;
  set_date(y->value, kLastMonth, kLastDayOfYear, out);
  return true;
}

// "MM-DD" or "DD" (the periods table); "last" is the month's last day.
void period_point(const std::string& s, int y, int* m, int* d) {
  if (s.size() > 2 && s[2] == '-') {
    *m = std::atoi(s.c_str());
    *d = std::atoi(s.c_str() + 3);
  } else {
    *d = s == "last" ? last_day(y, *m) : std::atoi(s.c_str());
  }
}

const Period* find_period(const std::string& part, const RuleSet& rules) {
  auto it = rules.tables.periods.find(part);
  if (it != rules.tables.periods.end()) return &it->second;
  // 第一季度 -> 一季度: try without a leading ordinal mark of one character.
  for (const auto& [name, period] : rules.tables.periods) {
    if (part.size() > name.size() &&
        part.compare(part.size() - name.size(), name.size(), name) == 0) {
      return &period;
    }
  }
  return nullptr;
}

bool resolve_date_range(const Candidate& c, const RuleSet& rules, int year, Metric* out,
                        std::string* why) {
  const auto& g = c.groups;
  const auto y = year_of(g.y, g.yrel, year, rules, why);
  if (!y) return false;
  out->year_inferred = y->inferred;
  if (!g.part.empty()) {
    // A named period: 上半年, 一季度 (year parts), 上旬 (month parts).
    const Period* p = find_period(g.part, rules);
    if (!p) return false;
    int m = 0;
    int m2 = 0;
    if (!g.m.empty()) {
      const auto month = integer(g.m, rules);
      if (!month || !valid_month(*month)) return false;
      m = m2 = *month;
    }
    // 6月下旬至7月上旬: the end comes from the second month's part; 一季度至三季度: from the
    // second year part, which carries its own months.
    const Period* end_part = p;
    if (!g.part2.empty()) {
      end_part = find_period(g.part2, rules);
      if (!end_part) return false;
      if (!g.m.empty()) {
        const auto month2 = integer(g.m2, rules);
        if (!month2 || !valid_month(*month2)) return false;
        m2 = *month2;
      }
    }
    int d = 0;
    int d2 = 0;
    period_point(p->start, y->value, &m, &d);
    // 12月下旬至1月上旬 crosses into the next year, as a range of days does.
    int end_year = y->value;
    if (!g.m.empty() && m2 < m && end_year > 0) ++end_year;
    period_point(end_part->end, end_year, &m2, &d2);
    if (g.m.empty() && (m2 < m || (m2 == m && d2 < d))) return false;  // 三季度至一季度
    set_range(y->value, m, d, end_year, m2, d2, out);
    return true;
  }
  const auto m = integer(g.m, rules);
  if (!m || !valid_month(*m)) return false;
  std::optional<Year> y2 = y;
  if (!g.y2.empty()) y2 = year_of(g.y2, "", year, rules, why);
  const auto m2 = g.m2.empty() ? m : integer(g.m2, rules);
  if (!y2 || !m2 || !valid_month(*m2)) return false;
  int d = 0;
  int d2 = 0;
  // 3月20日至4月底: a day, then the end of a month (eom) where the end's day would stand.
  const bool to_month_end = !g.d.empty() && g.d2.empty() && !g.eom.empty();
  if (!g.d.empty()) {
    const auto day = integer(g.d, rules);
    const auto day2 = to_month_end ? std::optional<int>(1) : integer(g.d2, rules);
    if (!day || !day2) return false;
    d = *day;
    d2 = *day2;
  }
  int end_year = y2->value;
  // Ranges run forwards: 12月28日至1月3日 crosses into the next year.
  if (g.y2.empty() && y->value > 0 && (*m2 < *m || (*m2 == *m && d2 < d))) ++end_year;
  if (to_month_end) d2 = last_day(end_year, *m2);
  if (d > 0 && !valid_day(y->value, *m, d)) {
    *why = no_day(y->value, *m, d);
    return false;
  }
  if (d2 > 0 && !valid_day(end_year, *m2, d2)) {
    *why = no_day(end_year, *m2, d2);
    return false;
  }
  set_range(y->value, *m, d, end_year, *m2, d2, out);
  return true;
}

// Whether `text` holds a character of a unit (十, 万, 成...): 2至5万元 writes its start bare.
bool has_unit(const std::string& text, const core::NumeralTable& t) {
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = core::next_code_point(text, &pos);
    if (t.small_units.count(c) || t.large_units.count(c)) return true;
  }
  return false;
}

// The large unit that ends `text` (万 of 5万), or 1.
double trailing_large_unit(const std::string& text, const core::NumeralTable& t) {
  size_t pos = 0;
  char32_t last = 0;
  while (pos < text.size()) last = core::next_code_point(text, &pos);
  const auto it = t.large_units.find(last);
  return it == t.large_units.end() ? 1 : it->second;
}

// The denominator a per-group names: a sign (‰) from the table, else the product of the units
// written (千 = 1000, 百万 = 1e6, 万万 = 1e8). 0 when it names none.
double denominator(const std::string& per, const RuleSet& rules) {
  const auto sign = rules.tables.per_signs.find(per);
  if (sign != rules.tables.per_signs.end()) return sign->second;
  const core::NumeralTable& t = rules.numerals;
  double product = 1;
  bool any = false;
  size_t pos = 0;
  while (pos < per.size()) {
    const char32_t c = core::next_code_point(per, &pos);
    if (const auto s = t.small_units.find(c); s != t.small_units.end()) {
      product *= s->second;
      any = true;
    } else if (const auto l = t.large_units.find(c); l != t.large_units.end()) {
      product *= l->second;
      any = true;
    }
  }
  return any ? product : 0;
}

// A figure, or a range of two (start, end) when the rule took a second one.
bool resolve_figure(const Candidate& c, const RuleSet& rules, Metric* out) {
  const Captures& g = c.groups;
  std::optional<double> v;
  double scale = 1;
  if (!g.tenths.empty()) {
    v = number(g.tenths, rules);
    scale = kPercentPerTenth;
  } else {
    v = number(g.value.empty() ? g.whole : g.value, rules);
  }
  if (!v) return false;
  if (!g.per.empty()) {
    const double d = denominator(g.per, rules);
    if (d <= 0) return false;
    scale = kPercent / d;
  }
  out->unit = g.unit;
  if (g.value2.empty()) {
    out->value = *v * scale;
    return true;
  }
  const auto v2 = number(g.value2, rules);
  if (!v2) return false;
  double start = *v;
  // 2至5万元: 2万 to 5万.
  if (!has_unit(g.value, rules.numerals)) start *= trailing_large_unit(g.value2, rules.numerals);
  out->start = start * scale;
  out->end = *v2 * scale;
  return true;
}

bool resolve_duration(const Candidate& c, const RuleSet& rules, Metric* out) {
  const Captures& g = c.groups;
  const auto unit = rules.tables.duration_units.find(g.unit);
  if (unit == rules.tables.duration_units.end()) return false;
  out->unit = unit->second;
  const bool half = !g.half.empty() || !g.half2.empty();
  std::optional<double> v = g.value.empty() ? std::optional<double>(0) : number(g.value, rules);
  if (!v || (g.value.empty() && !half)) return false;
  if (half) *v += kHalf;  // 两年半, 半个月, 一个半月
  if (g.value2.empty()) {
    out->value = *v;
    return true;
  }
  const auto v2 = number(g.value2, rules);
  if (!v2) return false;
  out->start = *v;
  out->end = *v2;
  return true;
}

}  // namespace

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[(month - 1) % kLastMonth];
}

std::vector<int> years_named(const Candidate& c, const RuleSet& rules) {
  // The start of a range only: "2024—2026年" is a plan made in 2024.
  std::vector<int> out;
  if (const auto y = integer(c.groups.y, rules); y && *y >= kMinYear && *y <= kMaxYear) {
    out.push_back(*y);
  }
  return out;
}

std::optional<Metric> resolve_candidate(const Candidate& c, const RuleSet& rules, int year,
                                        std::string* rejected) {
  std::string why;
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
    case MetricKind::kNumber:
      ok = resolve_figure(c, rules, &out);
      break;
    case MetricKind::kDuration:
      ok = resolve_duration(c, rules, &out);
      break;
    case MetricKind::kDate:
      ok = resolve_date(c, rules, year, &out, &why);
      break;
    case MetricKind::kDeadline:
      ok = resolve_deadline(c, rules, year, &out, &why);
      break;
    case MetricKind::kDateRange:
      ok = resolve_date_range(c, rules, year, &out, &why);
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
  if (!ok) {
    if (rejected) *rejected = why;
    return std::nullopt;
  }
  // Fields a rule forces.
  for (const auto& [key, value] : c.rule->set) {
    if (key == "comparator") out.comparator = value;
    if (key == "change") out.change = value;
    if (key == "unit") out.unit = value;
  }
  return out;
}

}  // namespace jianbao::metrics
