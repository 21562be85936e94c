// Turns the named captures of a date pattern into a TIMEX3 value, resolving
// relative expressions against the publication date (the anchor).
//
//   Captures caps = {{"month", "Dec."}, {"day", "3"}};
//   DateContext ctx{anchor, /*future=*/false, /*day_first=*/false};
//   std::optional<DateValue> v = resolve_date("ymd", "DATE", caps, ctx, rules);  // 2018-12-03
//
// Matching (which text is a date) lives in the patterns; this file only knows
// what the capture names mean. Pure functions over read-only rules.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar.hpp"
#include "core/document.hpp"

namespace news {

class RuleSet;

using Captures = std::map<std::string, std::string, std::less<>>;

struct DateContext {
  std::optional<CivilDate> anchor;
  bool future = false;     // the sentence speaks of the future ("will", "next")
  bool day_first = false;  // 03/12/2018 is 3 December
  bool ahead = false;      // "by Dec. 24", "until Friday", "falls on April 20": a day soon after the anchor is upcoming
};

struct ResolvedDate {
  DateValue value;
  bool year_inferred = false;  // no year in the text: taken from the anchor
  bool explicit_year = false;
  // A value taken from the date before it in the text, once the dates are settled (link_dates):
  // "same-D" (the same day), "offset-D:-1" (a day earlier), "offset-W:2" (two weeks later).
  std::string linked;
};

// `a` moved by n units (D, W, WE, M, Q, Y, DE, CE), written at that unit's precision.
std::string shift_unit(const CivilDate& a, const std::string& unit, int n);

bool is_known_date_resolver(std::string_view name);
std::optional<ResolvedDate> resolve_date(std::string_view resolver, const std::string& type, const Captures& caps,
                                         const DateContext& ctx, const RuleSet& rules);

}  // namespace news
