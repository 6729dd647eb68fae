// Figures and dates that cannot be right: percent-range, date-invalid, deadline-before-date,
// year-far.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "check/catalog.h"
#include "check/dates.h"
#include "check/families.h"
#include "core/numeral.h"
#include "ruleset/rule_set.h"

namespace jianbao::check {
namespace {

const std::string* string_of(const Value& v) {
  const auto* s = std::get_if<InternedText>(&v);
  return s ? &s->str() : nullptr;
}
const double* number_of(const Value& v) { return std::get_if<double>(&v); }

void check_percent(const Document& doc, const Metric& m, const Context& ctx) {
  if (m.kind != MetricKind::kPercentage || !m.change.empty()) return;
  const double lo = ctx.config.param(ids::kPercentRange, "min");
  const double hi = ctx.config.param(ids::kPercentRange, "max");
  for (const Value* v : {&m.value, &m.start, &m.end}) {
    const double* x = number_of(*v);
    if (!x || (*x >= lo && *x <= hi)) continue;
    ctx.add(ids::kPercentRange, doc.source.path, m.line, m.column,
            fmt::format("percentage {}% in '{}' is outside {}..{} and is not a change",
                        core::format_number(*x), m.text, core::format_number(lo),
                        core::format_number(hi)));
    return;
  }
}

bool is_dated(MetricKind kind) {
  return kind == MetricKind::kDate || kind == MetricKind::kDeadline ||
         kind == MetricKind::kDateRange;
}

void check_dates_exist(const Document& doc, const Metric& m, const Context& ctx) {
  if (!is_dated(m.kind)) return;
  for (const Value* v : {&m.value, &m.start, &m.end}) {
    const std::string* s = string_of(*v);
    if (!s) continue;
    const auto d = parse_iso_date(*s);
    if (!d || date_exists(*d)) continue;
    ctx.add(ids::kDateInvalid, doc.source.path, m.line, m.column,
            fmt::format("'{}' is not a date on the calendar ({})", m.text, *s));
    return;
  }
}

// A date that does not exist (2月30日) gives no metric but a metrics diagnostic at its place
// (lib/metrics/resolve.cpp): that is where the bulletin is wrong.
void check_rejected_dates(const Document& doc, const Context& ctx) {
  const std::vector<MetricRule>& rules = ctx.rules.metric_rules;
  for (const Diagnostic& d : doc.diagnostics) {
    if (d.stage != "metrics" || d.column <= 0) continue;
    const auto rule = std::find_if(rules.begin(), rules.end(),
                                   [&](const MetricRule& r) { return r.id == d.rule_id; });
    if (rule == rules.end() || !is_dated(rule->kind)) continue;
    ctx.add(ids::kDateInvalid, doc.source.path, d.line, d.column, d.message);
  }
}

void check_deadline(const Document& doc, const Metric& m, const Context& ctx) {
  if (m.kind != MetricKind::kDeadline || !doc.masthead) return;
  const std::string& issued = doc.masthead->date;
  const std::string* due = string_of(m.value);
  if (!due || !is_full_date(*due) || !is_full_date(issued) || *due >= issued) return;
  ctx.add(ids::kDeadlineBeforeDate, doc.source.path, m.line, m.column,
          fmt::format("deadline '{}' ({}) is before the bulletin's date {}", m.text, *due, issued));
}

// The years a metric names itself (not ones filled in from the bulletin's year).
std::vector<int> years_written(const Metric& m) {
  std::vector<int> out;
  if (m.year_inferred) return out;
  for (const Value* v : {&m.value, &m.start, &m.end}) {
    if (m.kind == MetricKind::kYear || m.kind == MetricKind::kYearRange) {
      if (const double* x = number_of(*v)) out.push_back(static_cast<int>(std::lround(*x)));
    } else if (is_dated(m.kind)) {
      const std::string* s = string_of(*v);
      const auto d = s ? parse_iso_date(*s) : std::nullopt;
      if (d && d->year != 0) out.push_back(d->year);
    }
  }
  return out;
}

void check_year(const Document& doc, const Metric& m, const Context& ctx) {
  if (doc.year.value == 0) return;
  const double max_years = ctx.config.param(ids::kYearFar, "max_years");
  for (int y : years_written(m)) {
    if (std::abs(y - doc.year.value) <= max_years) continue;
    ctx.add(ids::kYearFar, doc.source.path, m.line, m.column,
            fmt::format("year {} in '{}' is more than {} years from the bulletin's year {}", y,
                        m.text, core::format_number(max_years), doc.year.value));
    return;
  }
}

}  // namespace

void check_figures(const Document& doc, const Context& ctx) {
  if (doc.masthead && !doc.masthead->date.empty()) {
    const auto d = parse_iso_date(doc.masthead->date);
    if (d && !date_exists(*d)) {
      ctx.add(
          ids::kDateInvalid, doc.source.path, doc.masthead->first_line, 1,
          fmt::format("the masthead date {} is not a date on the calendar", doc.masthead->date));
    }
  }
  check_rejected_dates(doc, ctx);
  for (const Section& s : doc.sections) {
    for (const Item& item : s.items) {
      for (const Metric& m : item.metrics) {
        check_percent(doc, m, ctx);
        check_dates_exist(doc, m, ctx);
        check_deadline(doc, m, ctx);
        check_year(doc, m, ctx);
      }
    }
  }
}

}  // namespace jianbao::check
