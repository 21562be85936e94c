#include <doctest/doctest.h>

#include "core/calendar.hpp"

using namespace news;

TEST_CASE("weekdays and ISO weeks") {
  CHECK(weekday({2019, 3, 4}) == 1);
  CHECK(weekday({2019, 3, 3}) == 7);
  CHECK(format_week(iso_week({2019, 3, 4})) == "2019-W10");
  CHECK(format_week(iso_week({2021, 1, 3})) == "2020-W53");  // a Sunday still in the last ISO week of 2020
  CHECK(format_week(iso_week({2024, 12, 30})) == "2025-W01");
}

TEST_CASE("day arithmetic across months, years and leap days") {
  CHECK(add_days({2020, 2, 28}, 1) == CivilDate{2020, 2, 29});
  CHECK(add_days({2019, 2, 28}, 1) == CivilDate{2019, 3, 1});
  CHECK(add_days({2019, 1, 1}, -1) == CivilDate{2018, 12, 31});
  CHECK(add_months({2021, 3, 31}, -1) == CivilDate{2021, 2, 28});
  CHECK(add_months({2021, 1, 15}, -13) == CivilDate{2019, 12, 15});
}

TEST_CASE("publication dates: ISO dates and datetimes, nothing else") {
  CHECK(parse_iso_date("2019-03-04") == CivilDate{2019, 3, 4});
  CHECK(parse_iso_date("2019-03-04T10:00:00Z") == CivilDate{2019, 3, 4});
  CHECK_FALSE(parse_iso_date("2019-02-30"));
  CHECK_FALSE(parse_iso_date("yesterday"));
  CHECK_FALSE(parse_iso_date("2019-3-4"));
  CHECK_FALSE(parse_iso_date("2019-03-04junk"));
}
