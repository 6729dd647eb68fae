#include "check/dates.h"

#include <chrono>
#include <cstdio>
#include <string>

namespace jianbao::check {

std::optional<IsoDate> parse_iso_date(std::string_view text) {
  const std::string s(text);
  IsoDate d;
  int used = 0;
  if (std::sscanf(s.c_str(), "--%d-%d%n", &d.month, &d.day, &used) == 2 &&
      used == static_cast<int>(s.size())) {
    return d;
  }
  used = 0;
  if (std::sscanf(s.c_str(), "%d-%d-%d%n", &d.year, &d.month, &d.day, &used) == 3 &&
      used == static_cast<int>(s.size()) && s.front() != '-') {
    return d;
  }
  used = 0;
  d.day = 0;
  if (std::sscanf(s.c_str(), "%d-%d%n", &d.year, &d.month, &used) == 2 &&
      used == static_cast<int>(s.size()) && s.front() != '-') {
    return d;
  }
  return std::nullopt;
}

bool date_exists(const IsoDate& d) {
  namespace chr = std::chrono;
  const chr::month m(static_cast<unsigned>(d.month));
  if (d.month < 1 || !m.ok()) return false;
  if (d.day == 0) return true;
  if (d.day < 0) return false;
  // Year 0 is a leap year in the proleptic Gregorian calendar: --02-29 exists.
  const chr::year_month_day ymd(chr::year(d.year), m, chr::day(static_cast<unsigned>(d.day)));
  return ymd.ok();
}

bool is_full_date(std::string_view text) {
  const auto d = parse_iso_date(text);
  return d && d->year != 0 && d->day != 0;
}

}  // namespace jianbao::check
