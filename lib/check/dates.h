// The ISO 8601 forms jianbao writes for dates ("2024-02-30", "--02-30" without a year,
// "2024-02" for a month), read back for checking.
#pragma once

#include <optional>
#include <string_view>

namespace jianbao::check {

struct IsoDate {
  int year = 0;  // 0 when the text has no year ("--02-30")
  int month = 0;
  int day = 0;  // 0 for a month ("2024-02")
};

// Parses the forms above; nullopt for anything else.
std::optional<IsoDate> parse_iso_date(std::string_view text);

// Whether the day exists on the calendar. A date without a year is checked against a leap
// year, so --02-29 exists. A month (day 0) exists when its month is 1..12.
bool date_exists(const IsoDate& d);

// Whether `text` is a full date (year, month and day).
bool is_full_date(std::string_view text);

}  // namespace jianbao::check
