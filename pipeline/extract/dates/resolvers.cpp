#include "extract/dates/resolvers.hpp"

#include <array>
#include <cstdlib>

#include "core/text.hpp"
#include "rules/ruleset.hpp"

namespace news {

namespace {

using Resolver = std::optional<ResolvedDate> (*)(const std::string& type, const Captures&, const DateContext&, const RuleSet&);

// ---- reading captures ------------------------------------------------------

const std::string* cap(const Captures& c, std::string_view name) {
  auto it = c.find(name);
  return it == c.end() || it->second.empty() ? nullptr : &it->second;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char ch : s) if (ch < '0' || ch > '9') return false;
  return true;
}

std::string digits_of(std::string_view s) {
  std::string d;
  for (char ch : s) if (ch >= '0' && ch <= '9') d.push_back(ch);
  return d;
}

// A number written as digits, or looked up in `list` (number words, ordinals).
std::optional<int> number(const Captures& c, std::string_view name, const RuleSet& rules, const char* list) {
  const std::string* s = cap(c, name);
  if (!s) return std::nullopt;
  if (const std::string d = digits_of(*s); !d.empty() && d.size() <= 6 && (all_digits(*s) || !rules.date_list_value(list, *s)))
    return std::atoi(d.c_str());
  if (const std::string* v = rules.date_list_value(list, *s); v && all_digits(*v)) return std::atoi(v->c_str());
  return std::nullopt;
}

const std::string* listed(const Captures& c, std::string_view name, const RuleSet& rules, const char* list) {
  const std::string* s = cap(c, name);
  return s ? rules.date_list_value(list, *s) : nullptr;
}

std::optional<int> year_of(const Captures& c) {
  const std::string* s = cap(c, "year");
  if (!s) return std::nullopt;
  const std::string d = digits_of(*s);
  if (d.size() == 4) return std::atoi(d.c_str());
  if (d.size() == 2) {  // '19, FY21
    const int y = std::atoi(d.c_str());
    return y < 50 ? 2000 + y : 1900 + y;
  }
  return std::nullopt;
}

// "December last year", "March 3 this year": the anchor's year moved by the word.
std::optional<int> year_of(const Captures& c, const DateContext& ctx, const RuleSet& rules) {
  if (auto y = year_of(c)) return y;
  const std::string* yrel = listed(c, "yrel", rules, "rel");
  if (!yrel || !ctx.anchor) return std::nullopt;
  return ctx.anchor->year + std::atoi(yrel->c_str());
}

std::optional<int> month_of(const Captures& c, const RuleSet& rules) {
  auto m = number(c, "month", rules, "month");
  if (m && *m >= 1 && *m <= 12) return m;
  return std::nullopt;
}

std::string mod_of(const Captures& c, const RuleSet& rules) {
  const std::string* v = listed(c, "mod", rules, "mod");
  return v ? *v : "";
}

ResolvedDate make(const std::string& type, std::string value, const Captures& c, const RuleSet& rules, bool anchored) {
  ResolvedDate r;
  r.value.type = type;
  r.value.value = std::move(value);
  r.value.mod = mod_of(c, rules);
  r.value.anchored = anchored;
  return r;
}

ResolvedDate unresolved(const std::string& type, const Captures& c, const RuleSet& rules) {
  return make(type, "", c, rules, true);
}

// The year of a month/day without one: the anchor's, moved back a year when
// that would lie after the anchor in past narrative (or forward for a future).
// A day named within kNearDays after the anchor is an upcoming one even in past
// narrative ("agencies were told to patch by December 24"): last year's is less likely.
constexpr long kNearDays = 45;
constexpr long kHolidayNearDays = 10;

long days_between(const CivilDate& a, const CivilDate& b) { return days_from_civil(b) - days_from_civil(a); }

int infer_year(const DateContext& ctx, int month, int day) {
  const CivilDate& a = *ctx.anchor;
  const CivilDate same{a.year, month, day ? day : 1};
  if (ctx.future) return same < a && !(month == a.month && day == 0) ? a.year + 1 : a.year;
  if (ctx.ahead && day && same > a && is_valid(same) && days_between(a, same) <= kNearDays) return a.year;
  return (day ? same > a : month > a.month) ? a.year - 1 : a.year;
}

// ---- absolute ------------------------------------------------------------

std::optional<ResolvedDate> r_ymd(const std::string& type, const Captures& c, const DateContext& ctx, const RuleSet& rules) {
  if (!cap(c, "month") && cap(c, "month2")) {  // a pattern with two orders: (2019, 11 March) or (2019, March 11)
    Captures alt = c;
    alt["month"] = *cap(c, "month2");
    alt["day"] = *cap(c, "day2");
    return r_ymd(type, alt, ctx, rules);
  }
  auto month = month_of(c, rules);
  auto day = number(c, "day", rules, "ordinal");
  if (!month || !day || *day < 1 || *day > 31) return std::nullopt;
  auto year = year_of(c, ctx, rules);
  ResolvedDate r;
  if (!year) {
    if (!ctx.anchor) return unresolved(type, c, rules);
    year = infer_year(ctx, *month, *day);
    r = make(type, "", c, rules, true);
    r.year_inferred = true;
  } else {
    r = make(type, "", c, rules, cap(c, "yrel"));
    r.explicit_year = !cap(c, "yrel");
  }
  const CivilDate d{*year, *month, *day};
  if (!is_valid(d)) return std::nullopt;
  r.value.value = format_date(d);
  return r;
}

std::optional<ResolvedDate> r_ym(const std::string& type, const Captures& c, const DateContext& ctx, const RuleSet& rules) {
  auto month = month_of(c, rules);
  if (!month) return std::nullopt;
  auto year = year_of(c, ctx, rules);
  if (year) {
    auto r = make(type, format_month(*year, *month), c, rules, cap(c, "yrel"));
    r.explicit_year = !cap(c, "yrel");
    return r;
  }
  if (!ctx.anchor) return unresolved(type, c, rules);
  if (const std::string* rel = listed(c, "rel", rules, "rel")) {
    // last December: the latest December before this month; next January: the first
    // one after it; this March: the anchor's year.
    const int n = std::atoi(rel->c_str());
    int y = ctx.anchor->year;
    if (n < 0 && *month >= ctx.anchor->month) y -= 1;
    if (n > 0 && *month <= ctx.anchor->month) y += 1;
    return make(type, format_month(y, *month), c, rules, true);
  }
  auto r = make(type, format_month(infer_year(ctx, *month, 0), *month), c, rules, true);
  r.year_inferred = true;
  return r;
}

std::optional<ResolvedDate> r_year(const std::string& type, const Captures& c, const DateContext&, const RuleSet& rules) {
  auto year = year_of(c);
  if (!year || *year < 1000) return std::nullopt;
  auto r = make(type, format_year(*year), c, rules, false);
  r.explicit_year = true;
  return r;
}

// 12/03/2018: month first unless the source writes day first, or the first number cannot be a month.
std::optional<ResolvedDate> r_numeric(const std::string& type, const Captures& c, const DateContext& ctx, const RuleSet& rules) {
  auto a = number(c, "first", rules, "number"), b = number(c, "second", rules, "number");
  auto year = year_of(c);
  if (!a || !b || !year) return std::nullopt;
  int month = *a, day = *b;
  if (ctx.day_first || month > 12) std::swap(month, day);
  const CivilDate d{*year, month, day};
  if (!is_valid(d)) return std::nullopt;
  auto r = make(type, format_date(d), c, rules, false);
  r.explicit_year = true;
  return r;
}

std::optional<ResolvedDate> r_decade(const std::string& type, const Captures& c, const DateContext&, const RuleSet& rules) {
  const std::string* s = cap(c, "decade");
  if (!s) return std::nullopt;
  if (const std::string* v = rules.date_list_value("decade", *s)) return make(type, *v, c, rules, false);
  const std::string d = digits_of(*s);
  // the 1800s, the 1900s: a century (18, 19); the 2000s: the decade 200
  if (d.size() == 4 && d.substr(2) == "00" && d < "2000") return make(type, d.substr(0, 2), c, rules, false);
  if (d.size() == 4) return make(type, d.substr(0, 3), c, rules, false);
  if (d.size() == 2) return make(type, (d[0] >= '3' ? "19" : "20") + d.substr(0, 1), c, rules, false);
  return std::nullopt;
}

std::optional<ResolvedDate> r_century(const std::string& type, const Captures& c, const DateContext&, const RuleSet& rules) {
  auto n = number(c, "century", rules, "ordinal");
  if (!n || *n < 1 || *n > 30) return std::nullopt;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", *n - 1);
  return make(type, buf, c, rules, false);
}

// A part of a year (quarter, half, season) with or without its year.
std::optional<ResolvedDate> year_part(const std::string& type, const Captures& c, const DateContext& ctx,
                                      const RuleSet& rules, const std::string& part, int last_month) {
  auto year = year_of(c);
  ResolvedDate r;
  if (year) {
    r = make(type, format_year(*year) + "-" + part, c, rules, false);
    r.explicit_year = true;
    return r;
  }
  if (!ctx.anchor) return unresolved(type, c, rules);
  int y = ctx.anchor->year;
  if (const std::string* rel = listed(c, "rel", rules, "rel")) y += std::atoi(rel->c_str());
  else if (!ctx.future && last_month - 2 > ctx.anchor->month) y -= 1;
  else if (ctx.future && last_month < ctx.anchor->month) y += 1;  // "plans to expand in the spring", in October
  r = make(type, format_year(y) + "-" + part, c, rules, true);
  r.year_inferred = !cap(c, "rel");
  return r;
}

std::optional<ResolvedDate> r_quarter(const std::string& type, const Captures& c, const DateContext& ctx, const RuleSet& rules) {
  auto q = number(c, "quarter", rules, "part-ordinal");
  if (!q || *q < 1 || *q > 4) return std::nullopt;
  return year_part(type, c, ctx, rules, "Q" + std::to_string(*q), *q * 3);
}

std::optional<ResolvedDate> r_half(const std::string& type, const Captures& c, const DateContext& ctx, const RuleSet& rules) {
  auto h = number(c, "half", rules, "part-ordinal");
  if (h && *h == 4) h = 2;  // the last/final six months, the last half
  if (!h || *h < 1 || *h > 2) return std::nullopt;
  return year_part(type, c, ctx, rules, "H" + std::to_string(*h), *h * 6);
}

std::optional<ResolvedDate> r_season(const std::string& type, const Captures& c, const DateContext& ctx, const RuleSet& rules) {
  const std::string* s = listed(c, "season", rules, "season");
  if (!s) return std::nullopt;
  const int last = *s == "SP" ? 5 : *s == "SU" ? 8 : *s == "FA" ? 11 : 14;
  return year_part(type, c, ctx, rules, *s, last);
}

CivilDate nth_weekday(int year, int month, int wd, int n) {  // n = -1: the last one
  if (n > 0) {
    CivilDate first{year, month, 1};
    const int shift = (wd - weekday(first) + 7) % 7;
    return add_days(first, shift + 7 * (n - 1));
  }
  CivilDate last{year, month, days_in_month(year, month)};
  return add_days(last, -((weekday(last) - wd + 7) % 7));
}

CivilDate easter(int y) {  // anonymous Gregorian algorithm
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  return {y, (h + l - 7 * m + 114) / 31, ((h + l - 7 * m + 114) % 31) + 1};
}

// Days that follow another calendar (Lunar New Year) are listed year by year in
// dates/lists/<code lower-case>.tsv (`2021	02-12`).
std::optional<CivilDate> holiday_in(const std::string& code, int year, const RuleSet& rules) {
  if (code.size() == 10) return parse_iso_date(code);  // a day in history: 9/11
  if (code.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos && code.size() > 5) {
    std::string list = fold(code);
    if (const std::string* md = rules.date_list_value(list, std::to_string(year))) {
      if (md->size() != 5) return std::nullopt;
      CivilDate d{year, std::atoi(md->substr(0, 2).c_str()), std::atoi(md->substr(3).c_str())};
      return is_valid(d) ? std::optional(d) : std::nullopt;
    }
  }
  if (code.size() == 5 && code[2] == '-') {
    CivilDate d{year, std::atoi(code.substr(0, 2).c_str()), std::atoi(code.substr(3).c_str())};
    return is_valid(d) ? std::optional(d) : std::nullopt;
  }
  if (code == "THANKSGIVING") return nth_weekday(year, 11, 4, 4);
  if (code == "BLACK-FRIDAY") return add_days(nth_weekday(year, 11, 4, 4), 1);
  if (code == "CYBER-MONDAY") return add_days(nth_weekday(year, 11, 4, 4), 4);
  if (code == "MEMORIAL-DAY") return nth_weekday(year, 5, 1, -1);
  if (code == "LABOR-DAY") return nth_weekday(year, 9, 1, 1);
  if (code == "MLK-DAY") return nth_weekday(year, 1, 1, 3);
  if (code == "PRESIDENTS-DAY") return nth_weekday(year, 2, 1, 3);
  if (code == "ELECTION-DAY") return add_days(nth_weekday(year, 11, 1, 1), 1);  // Tuesday after the first Monday
  if (code == "MOTHERS-DAY") return nth_weekday(year, 5, 7, 2);                     // US: second Sunday of May
  if (code == "FATHERS-DAY") return nth_weekday(year, 6, 7, 3);
  if (code == "EASTER") return easter(year);
  if (code == "GOOD-FRIDAY") return add_days(easter(year), -2);
  if (code == "EASTER-MONDAY") return add_days(easter(year), 1);
  return std::nullopt;
}

std::optional<ResolvedDate> r_holiday(const std::string& type, const Captures& c, const DateContext& ctx, const RuleSet& rules) {
  const std::string* code = listed(c, "holiday", rules, "holiday");
  if (!code) return std::nullopt;
  auto year = year_of(c);
  ResolvedDate r;
  if (code->size() == 10) year = std::atoi(code->substr(0, 4).c_str());
  if (year) {
    r = make(type, "", c, rules, false);
    r.explicit_year = true;
  } else {
    if (!ctx.anchor) return unresolved(type, c, rules);
    year = ctx.anchor->year;
    if (const std::string* rel = listed(c, "rel", rules, "rel")) *year += std::atoi(rel->c_str());
    else if (auto d = holiday_in(*code, *year, rules)) {
      // A holiday a few days ahead is the coming one ("canceled the film's Christmas Day release", Dec. 20)
      const long ahead = days_between(*ctx.anchor, *d);
      if (!ctx.future && *d > *ctx.anchor && !(ctx.ahead && ahead <= kNearDays) && ahead > kHolidayNearDays) *year -= 1;
      if (ctx.future && *d < *ctx.anchor) *year += 1;
    }
    r = make(type, "", c, rules, true);
    r.year_inferred = !cap(c, "rel");
  }
  auto d = holiday_in(*code, *year, rules);
  if (!d) return std::nullopt;
  r.value.value = format_date(*d);
  return r;
}

// ---- anchored on the publication date ---------------------------------------

std::optional<ResolvedDate> r_weekday(const std::string& type, const Captures& c, const DateContext& ctx, const RuleSet& rules) {
  const std::string* wd = listed(c, "weekday", rules, "weekday");
  if (!wd) return std::nullopt;
  if (!ctx.anchor) return unresolved(type, c, rules);
  const int target = std::atoi(wd->c_str());
  const CivilDate a = *ctx.anchor;
  const int today = weekday(a);
  const std::string* rel = listed(c, "rel", rules, "rel");
  const int dir = rel ? std::atoi(rel->c_str()) : (ctx.future ? 1 : 0);
  CivilDate d;
  if (dir < 0) d = add_days(a, -(((today - target + 7) % 7) ? (today - target + 7) % 7 : 7));
  else if (dir > 0) d = add_days(a, ((target - today + 7) % 7) ? (target - today + 7) % 7 : 7);
  else if (rel) d = add_days(a, target - today);  // this Friday: the current week's
  else d = add_days(a, -((today - target + 7) % 7));  // the latest one, today included
  std::string value = format_date(d);
  std::string t = type;
  if (const std::string* part = listed(c, "part", rules, "part-of-day")) {
    value += "T" + *part;
    t = "TIME";
  }
  return make(t, value, c, rules, true);
}

}  // namespace

std::string shift_unit(const CivilDate& a, const std::string& unit, int n) {
  if (unit == "D") return format_date(add_days(a, n));
  if (unit == "W") return format_week(iso_week(add_days(a, 7L * n)));
  if (unit == "WE") return format_week(iso_week(add_days(a, 7L * n))) + "-WE";
  if (unit == "M") { auto d = add_months(a, n); return format_month(d.year, d.month); }
  if (unit == "Q") {
    const int q0 = a.year * 4 + (a.month - 1) / 3 + n;
    return format_year(q0 / 4) + "-Q" + std::to_string(q0 % 4 + 1);
  }
  if (unit == "Y") return format_year(a.year + n);
  if (unit == "DE") return format_year(a.year + 10 * n).substr(0, 3);
  if (unit == "CE") return format_year(a.year + 100 * n).substr(0, 2);
  return {};
}

namespace {

// last week, this month, next year, the coming weekend
std::optional<ResolvedDate> r_relative(const std::string& type, const Captures& c, const DateContext& ctx, const RuleSet& rules) {
  const std::string* unit = listed(c, "unit", rules, "unit");
  const std::string* rel = listed(c, "rel", rules, "rel");
  if (!unit || (!rel && *unit != "WE")) return std::nullopt;
  if (!ctx.anchor) return unresolved(type, c, rules);
  // "over the weekend": the latest one, this week's from Saturday on.
  const int n = rel ? std::atoi(rel->c_str()) : (weekday(*ctx.anchor) >= 6 || ctx.future ? 0 : -1);
  std::string v = shift_unit(*ctx.anchor, *unit, n);
  if (v.empty()) return std::nullopt;
  return make(type, v, c, rules, true);
}

// yesterday, today, tomorrow, tonight
std::optional<ResolvedDate> r_deictic(const std::string& type, const Captures& c, const DateContext& ctx, const RuleSet& rules) {
  const std::string* v = listed(c, "word", rules, "deictic");
  if (!v) return std::nullopt;
  if (!ctx.anchor) return unresolved(type, c, rules);
  const int n = std::atoi(v->c_str());
  std::string value = format_date(add_days(*ctx.anchor, n));
  std::string t = type;
  if (const auto pos = v->find('T'); pos != std::string::npos) { value += v->substr(pos); t = "TIME"; }
  if (const std::string* part = listed(c, "part", rules, "part-of-day")) { value += "T" + *part; t = "TIME"; }
  return make(t, value, c, rules, true);
}

// two years ago, three weeks earlier, five days later
std::optional<ResolvedDate> r_ago(const std::string& type, const Captures& c, const DateContext& ctx, const RuleSet& rules) {
  const std::string* unit = listed(c, "unit", rules, "unit");
  auto n = number(c, "num", rules, "number");
  if (!unit) return std::nullopt;
  if (!n) {
    if (cap(c, "num")) return make(type, "PAST_REF", c, rules, false);  // "a few years ago"
    n = 1;
  }
  if (!ctx.anchor) return unresolved(type, c, rules);
  const std::string* dir = listed(c, "dir", rules, "direction");
  const int sign = dir ? std::atoi(dir->c_str()) : -1;
  std::string v = shift_unit(*ctx.anchor, *unit, sign * *n);
  if (v.empty()) return std::nullopt;
  return make(type, v, c, rules, true);
}

std::optional<ResolvedDate> r_ref(const std::string& type, const Captures& c, const DateContext&, const RuleSet& rules) {
  const std::string* v = listed(c, "word", rules, "ref");
  if (!v) return std::nullopt;
  return make(type, *v, c, rules, false);
}

// 18 months, a decade, several days, 18-month-long
std::optional<ResolvedDate> r_duration(const std::string& type, const Captures& c, const DateContext&, const RuleSet& rules) {
  if (const std::string* whole = cap(c, "span"); whole && fold(*whole) == "half an hour")
    return make("DURATION", "PT30M", c, rules, false);
  const std::string* unit = listed(c, "unit", rules, "unit");
  if (!unit) return std::nullopt;
  std::string n;
  const std::string* num_text = cap(c, "num");
  if (num_text && num_text->find('.') != std::string::npos && all_digits(digits_of(*num_text))) {
    n = *num_text;  // 1.5 years: P1.5Y
    if (n.find_first_not_of("0123456789.") != std::string::npos) return std::nullopt;
  } else if (auto k = number(c, "num", rules, "number")) {
    if (const std::string* whole = cap(c, "span"); whole && !all_digits(*num_text) && (fold(*num_text) == "a" || fold(*num_text) == "an") &&
        whole->size() > 5 && whole->compare(whole->size() - 5, 5, "-long") == 0)
      return std::nullopt;  // "a month-long campaign": the article is the noun's
    if (*k == 1 && !all_digits(*num_text) && cap(c, "unit")->back() == 's' && listed(c, "num", rules, "number")) return std::nullopt;  // "a months-long"
    n = std::to_string(*k);
  }
  else if (const std::string* w = listed(c, "num", rules, "number")) n = *w;  // X: several, a few
  else if (cap(c, "num")) return std::nullopt;
  else n = cap(c, "unit")->back() == 's' ? "X" : "1";  // "for years": PXY
  std::string u = *unit;
  if (u == "FN") {  // a fortnight: two weeks
    u = "W";
    if (n != "X") n = std::to_string(std::atoi(n.c_str()) * 2);
  }
  if ((u == "DE" || u == "CE") && n != "X") {
    n = std::to_string(std::atoi(n.c_str()) * (u == "DE" ? 10 : 100));
    u = "Y";
  }
  if (u == "S" && n == "1" && num_text && !all_digits(*num_text)) return std::nullopt;  // "a second attack"
  const bool time = u == "H" || u == "MIN" || u == "S";
  const std::string letter = u == "MIN" ? "M" : u;
  std::string value = std::string(time ? "PT" : "P") + n + letter;
  // four years and 10 months, 2 hours 46 minutes: a second, smaller unit
  if (const std::string* unit2 = listed(c, "unit2", rules, "unit")) {
    auto k2 = number(c, "num2", rules, "number");
    if (!k2 || n == "X") return std::nullopt;
    const bool time2 = *unit2 == "H" || *unit2 == "MIN" || *unit2 == "S";
    const std::string l2 = *unit2 == "MIN" ? "M" : *unit2;
    if (*unit2 == "DE" || *unit2 == "CE" || *unit2 == "FN" || *unit2 == "Q" || *unit2 == "WE") return std::nullopt;
    if (time2 && !time) value += "T";
    else if (!time2 && time) return std::nullopt;
    value += std::to_string(*k2) + l2;
  }
  return make("DURATION", value, c, rules, false);
}

// the same day, the same week: the previous date of the text (set in link_dates)
std::optional<ResolvedDate> r_same(const std::string& type, const Captures& c, const DateContext&, const RuleSet& rules) {
  const std::string* unit = listed(c, "unit", rules, "unit");
  if (!unit || (*unit != "D" && *unit != "W" && *unit != "M" && *unit != "Y")) return std::nullopt;
  ResolvedDate r = make(type, "", c, rules, true);
  r.linked = "same-" + *unit;
  return r;
}

// a day earlier, two weeks later: counted from the date before it in the text
std::optional<ResolvedDate> r_offset(const std::string& type, const Captures& c, const DateContext& ctx, const RuleSet& rules) {
  const std::string* unit = listed(c, "unit", rules, "unit");
  if (!unit || (*unit != "D" && *unit != "W" && *unit != "M" && *unit != "Y")) return std::nullopt;
  auto n = number(c, "num", rules, "number");
  if (!n) {
    if (cap(c, "num")) return std::nullopt;  // "a few days later": no value
    n = 1;
  }
  const std::string* dir = listed(c, "dir", rules, "direction");
  if (!dir) return std::nullopt;
  const int shift = std::atoi(dir->c_str()) * *n;
  // From the publication date until link_dates finds the date before it in the text.
  ResolvedDate r = make(type, ctx.anchor ? shift_unit(*ctx.anchor, *unit, shift) : "", c, rules, true);
  r.linked = "offset-" + *unit + ":" + std::to_string(shift);
  return r;
}

// every Monday, daily, each year, every two weeks
std::optional<ResolvedDate> r_set(const std::string& type, const Captures& c, const DateContext&, const RuleSet& rules) {
  if (const std::string* f = listed(c, "freq", rules, "frequency")) return make("SET", *f, c, rules, false);
  const std::string* wd = listed(c, "weekday", rules, "weekday");
  if (!wd) wd = listed(c, "weekdays", rules, "weekday-plural");
  if (wd) {
    std::string v = "XXXX-WXX-" + *wd;
    if (const std::string* part = listed(c, "part", rules, "part-of-day")) v += "T" + *part;
    return make("SET", v, c, rules, false);
  }
  if (auto month = month_of(c, rules)) {  // every December
    char buf[16];
    std::snprintf(buf, sizeof buf, "XXXX-%02d", *month);
    return make("SET", buf, c, rules, false);
  }
  if (const std::string* season = listed(c, "season", rules, "season")) return make("SET", "XXXX-" + *season, c, rules, false);
  const std::string* unit = listed(c, "unit", rules, "unit");
  if (!unit) return std::nullopt;
  auto n = number(c, "num", rules, "number");
  if (const std::string* w = cap(c, "num"); w && fold(*w) == "other") n = 2;  // every other week
  const bool time = *unit == "H" || *unit == "MIN";
  const std::string letter = *unit == "MIN" ? "M" : *unit == "DE" ? "DE" : *unit;
  return make("SET", std::string(time ? "PT" : "P") + std::to_string(n ? *n : 1) + letter, c, rules, false);
}

// 3 p.m., 15:30, noon, Tuesday at 9 a.m.
std::optional<ResolvedDate> r_time(const std::string& type, const Captures& c, const DateContext& ctx, const RuleSet& rules) {
  std::string clock;
  if (const std::string* w = listed(c, "word", rules, "clock-word")) clock = *w;
  else {
    auto h = number(c, "hour", rules, "number");
    if (!h || *h > 24) return std::nullopt;
    int hour = *h;
    auto m = number(c, "minute", rules, "number");
    if (m && *m > 59) return std::nullopt;
    auto sec = number(c, "sec", rules, "number");
    if (sec && *sec > 59) return std::nullopt;
    if (const std::string* ap = listed(c, "ampm", rules, "ampm")) {
      if (hour < 1 || hour > 12) return std::nullopt;
      if (*ap == "PM" && hour != 12) hour += 12;
      if (*ap == "AM" && hour == 12) hour = 0;
    }
    char buf[32];
    if (sec) std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", hour, m ? *m : 0, *sec);
    else std::snprintf(buf, sizeof buf, "%02d:%02d", hour, m ? *m : 0);
    clock = buf;
  }
  if (auto year = year_of(c)) {  // 2021-06-15T08:30:00Z
    auto month = month_of(c, rules);
    auto day = number(c, "day", rules, "ordinal");
    if (!month || !day) return std::nullopt;
    const CivilDate d{*year, *month, *day};
    if (!is_valid(d)) return std::nullopt;
    auto r = make("TIME", format_date(d) + "T" + clock, c, rules, false);
    r.explicit_year = true;
    return r;
  }
  if (!ctx.anchor) return make("TIME", "", c, rules, true);
  CivilDate d = *ctx.anchor;
  if (const std::string* wd = listed(c, "weekday", rules, "weekday")) {
    const int today = weekday(d), target = std::atoi(wd->c_str());
    d = ctx.future ? add_days(d, (target - today + 7) % 7) : add_days(d, -((today - target + 7) % 7));
  }
  auto r = make("TIME", format_date(d) + "T" + clock, c, rules, true);
  r.year_inferred = true;
  return r;
}

struct Named { const char* name; Resolver fn; };
constexpr std::array<Named, 20> kResolvers = {{
    {"same", r_same}, {"offset", r_offset},
    {"ymd", r_ymd}, {"ym", r_ym}, {"year", r_year}, {"numeric", r_numeric}, {"decade", r_decade},
    {"century", r_century}, {"quarter", r_quarter}, {"half", r_half}, {"season", r_season},
    {"holiday", r_holiday}, {"weekday", r_weekday}, {"relative", r_relative}, {"deictic", r_deictic},
    {"ago", r_ago}, {"ref", r_ref}, {"duration", r_duration}, {"set", r_set}, {"time", r_time}}};

}  // namespace


bool is_known_date_resolver(std::string_view name) {
  for (auto& r : kResolvers) if (name == r.name) return true;
  return false;
}

std::optional<ResolvedDate> resolve_date(std::string_view resolver, const std::string& type, const Captures& caps,
                                         const DateContext& ctx, const RuleSet& rules) {
  for (auto& r : kResolvers)
    if (resolver == r.name) return r.fn(type, caps, ctx, rules);
  return std::nullopt;
}

}  // namespace news
