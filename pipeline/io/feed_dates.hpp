// Publication dates as feeds and web pages write them, normalised to the
// RFC 3339 form the record's `published` carries.
//
//   normalise_feed_date("Tue, 05 Mar 2019 14:30:00 EST") == "2019-03-05T14:30:00-05:00"
//   normalise_feed_date("2019-03-05T14:30:00.123+00:00") == "2019-03-05T14:30:00Z"
//   normalise_feed_date("2019-03-05")                     == "2019-03-05"
//
// Accepts RFC 822/1123/2822 (weekday and seconds optional, two-digit years,
// zones UT GMT Z EST EDT CST CDT MST MDT PST PDT and +HHMM) and RFC 3339 /
// ISO 8601 (T or space, optional seconds and fraction, Z, +HH:MM, +HHMM, +HH).
// The clock time and offset are kept as written, so the local calendar date
// (the anchor for "yesterday") stays the publisher's. Pure, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace news {

std::optional<std::string> normalise_feed_date(std::string_view text);

}  // namespace news
