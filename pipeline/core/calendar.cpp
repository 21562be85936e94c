#include "core/calendar.hpp"

#include <cstdio>

namespace news {

// Howard Hinnant's well-known algorithm for days since 1970-01-01.
long days_from_civil(const CivilDate& d) {
  long y = d.year - (d.month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long mp = d.month > 2 ? d.month - 3 : d.month + 9;
  const long doy = (153 * mp + 2) / 5 + d.day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = yoe + era * 400;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && leap(year) ? 29 : days[month - 1];
}

bool is_valid(const CivilDate& d) {
  return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= days_in_month(d.year, d.month);
}

int weekday(const CivilDate& d) {
  const long z = days_from_civil(d);
  const long w = (z + 3) % 7;  // 1970-01-01 was a Thursday (ISO 4)
  return static_cast<int>((w < 0 ? w + 7 : w) + 1);
}

IsoWeek iso_week(const CivilDate& d) {
  const CivilDate thursday = add_days(d, 4 - weekday(d));
  const long jan1 = days_from_civil({thursday.year, 1, 1});
  const int week = static_cast<int>((days_from_civil(thursday) - jan1) / 7 + 1);
  return {thursday.year, week};
}

CivilDate add_days(const CivilDate& d, long n) { return civil_from_days(days_from_civil(d) + n); }

CivilDate add_months(const CivilDate& d, int n) {
  int m0 = d.year * 12 + (d.month - 1) + n;
  CivilDate r{m0 / 12, m0 % 12 + 1, d.day};
  const int dim = days_in_month(r.year, r.month);
  if (r.day > dim) r.day = dim;
  return r;
}

std::optional<CivilDate> parse_iso_date(std::string_view s) {
  auto digits = [&](size_t pos, size_t n, int& out) {
    if (pos + n > s.size()) return false;
    out = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  CivilDate d;
  if (!digits(0, 4, d.year) || s.size() < 10 || s[4] != '-' || !digits(5, 2, d.month) || s[7] != '-' ||
      !digits(8, 2, d.day))
    return std::nullopt;
  if (s.size() > 10 && s[10] != 'T' && s[10] != 't' && s[10] != ' ') return std::nullopt;
  if (!is_valid(d)) return std::nullopt;
  return d;
}

std::string format_date(const CivilDate& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}
std::string format_month(int year, int month) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}
std::string format_week(const IsoWeek& w) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", w.year, w.week);
  return buf;
}
std::string format_year(int year) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d", year);
  return buf;
}

}  // namespace news
