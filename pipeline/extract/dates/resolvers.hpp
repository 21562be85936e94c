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

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/document.hpp"

namespace news {

class RuleSet;

// The named captures of one match, by name. A pattern has a dozen at most, so a flat list
// (no node to allocate per capture); names are views of strings that outlive it (RE2's group
// names, literals).
class Captures {
 public:
  using value_type = std::pair<std::string_view, std::string>;
  using const_iterator = std::vector<value_type>::const_iterator;
  Captures() = default;
  Captures(std::initializer_list<value_type> items) : items_(items) {}
  const_iterator find(std::string_view name) const {
    for (auto it = items_.begin(); it != items_.end(); ++it)
      if (it->first == name) return it;
    return items_.end();
  }
  const_iterator end() const { return items_.end(); }
  std::string& operator[](std::string_view name) {
    for (auto& item : items_)
      if (item.first == name) return item.second;
    return items_.emplace_back(name, std::string()).second;
  }
  // A capture whose name is not there yet.
  void add(std::string_view name, std::string_view value) { items_.emplace_back(name, std::string(value)); }
  void clear() { items_.clear(); }

 private:
  std::vector<value_type> items_;
};

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
