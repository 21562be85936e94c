// Proleptic Gregorian calendar arithmetic for date resolution.
//
//   CivilDate d{2019, 3, 4};
//   weekday(d) == 1 (Monday);  iso_week(d) == {2019, 10};  add_days(d, -1) == {2019, 3, 3}
//
// Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace news {

struct CivilDate {
  int year = 0, month = 0, day = 0;
  bool operator==(const CivilDate&) const = default;
  auto operator<=>(const CivilDate&) const = default;
};

struct IsoWeek { int year = 0, week = 0; };

long days_from_civil(const CivilDate& d);
CivilDate civil_from_days(long z);
bool is_valid(const CivilDate& d);
int days_in_month(int year, int month);
int weekday(const CivilDate& d);  // 1 = Monday ... 7 = Sunday (ISO)
IsoWeek iso_week(const CivilDate& d);
CivilDate add_days(const CivilDate& d, long n);
CivilDate add_months(const CivilDate& d, int n);  // day clamped to the month

// "2019-03-04" or an RFC 3339 / ISO 8601 datetime ("2019-03-04T10:00:00Z");
// nullopt when it is not a real calendar date (2019-02-30).
std::optional<CivilDate> parse_iso_date(std::string_view s);

std::string format_date(const CivilDate& d);              // 2019-03-04
std::string format_month(int year, int month);            // 2019-03
std::string format_week(const IsoWeek& w);                // 2019-W09
std::string format_year(int year);                        // 2019 (4 digits)

}  // namespace news
