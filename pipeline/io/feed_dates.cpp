#include "io/feed_dates.hpp"

#include <array>
#include <cstdio>

#include "core/calendar.hpp"

namespace news {

namespace {

struct Cursor {
  std::string_view s;
  size_t i = 0;
  bool done() const { return i >= s.size(); }
  char peek() const { return done() ? '\0' : s[i]; }
  void skip_spaces() { while (!done() && (s[i] == ' ' || s[i] == '\t')) ++i; }
  bool eat(char c) { if (peek() == c) { ++i; return true; } return false; }
  // Reads between min and max digits.
  bool number(int& out, size_t min, size_t max) {
    size_t n = 0;
    out = 0;
    while (!done() && n < max && s[i] >= '0' && s[i] <= '9') { out = out * 10 + (s[i] - '0'); ++i; ++n; }
    return n >= min;
  }
  std::string_view word() {
    const size_t b = i;
    while (!done() && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')) ++i;
    return s.substr(b, i - b);
  }
};

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
  return true;
}

int month_number(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                               "jul", "aug", "sep", "oct", "nov", "dec"};
  if (w.size() < 3) return 0;
  for (size_t m = 0; m < kMonths.size(); ++m)
    if (iequals(w.substr(0, 3), kMonths[m])) return int(m) + 1;
  return 0;
}

// Offset in minutes for an RFC 822 zone name; nullopt when unknown.
std::optional<int> named_zone(std::string_view z) {
  struct Zone { std::string_view name; int minutes; };
  static constexpr std::array<Zone, 12> kZones = {{{"UT", 0}, {"UTC", 0}, {"GMT", 0}, {"Z", 0}, {"EST", -300},
                                                    {"EDT", -240}, {"CST", -360}, {"CDT", -300}, {"MST", -420},
                                                    {"MDT", -360}, {"PST", -480}, {"PDT", -420}}};
  for (const auto& zone : kZones)
    if (iequals(z, zone.name)) return zone.minutes;
  return std::nullopt;
}

// "+HH:MM", "+HHMM", "+HH" after the sign.
bool numeric_offset(Cursor& c, int& minutes) {
  const char sign = c.peek();
  if (sign != '+' && sign != '-') return false;
  ++c.i;
  int hh = 0, mm = 0;
  if (!c.number(hh, 2, 2)) return false;
  if (c.eat(':')) { if (!c.number(mm, 2, 2)) return false; }
  else if (!c.done() && c.peek() >= '0' && c.peek() <= '9' && !c.number(mm, 2, 2)) return false;
  if (hh > 23 || mm > 59) return false;
  minutes = (hh * 60 + mm) * (sign == '-' ? -1 : 1);
  return true;
}

struct Stamp {
  CivilDate date;
  int hour = 0, minute = 0, second = 0;
  int offset = 0;
  bool has_time = false;
};

std::string format(const Stamp& t) {
  if (!t.has_time) return format_date(t.date);
  char buf[40];
  if (t.offset == 0) {
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", format_date(t.date).c_str(), t.hour, t.minute, t.second);
  } else {
    const int a = t.offset < 0 ? -t.offset : t.offset;
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d", format_date(t.date).c_str(), t.hour, t.minute,
                  t.second, t.offset < 0 ? '-' : '+', a / 60, a % 60);
  }
  return buf;
}

bool valid_clock(const Stamp& t) { return t.hour <= 23 && t.minute <= 59 && t.second <= 60; }

std::optional<Stamp> parse_iso(Cursor c) {
  Stamp t;
  if (!c.number(t.date.year, 4, 4) || !c.eat('-') || !c.number(t.date.month, 2, 2) || !c.eat('-') ||
      !c.number(t.date.day, 2, 2))
    return std::nullopt;
  if (!is_valid(t.date)) return std::nullopt;
  if (c.done()) return t;
  if (!(c.eat('T') || c.eat('t') || c.eat(' '))) return std::nullopt;
  if (!c.number(t.hour, 2, 2) || !c.eat(':') || !c.number(t.minute, 2, 2)) return std::nullopt;
  if (c.eat(':')) {
    if (!c.number(t.second, 2, 2)) return std::nullopt;
    if (c.eat('.') || c.eat(',')) {
      int frac = 0;
      if (!c.number(frac, 1, 9)) return std::nullopt;
      while (!c.done() && c.peek() >= '0' && c.peek() <= '9') ++c.i;
    }
  }
  c.skip_spaces();
  if (c.eat('Z') || c.eat('z')) t.offset = 0;
  else if (c.done()) t.offset = 0;  // no zone given: taken as written
  else if (!numeric_offset(c, t.offset)) return std::nullopt;
  c.skip_spaces();
  if (!c.done() || !valid_clock(t)) return std::nullopt;
  t.has_time = true;
  return t;
}

// Optional clock time "HH:MM[:SS] [AM|PM] [zone]" at the cursor; false when malformed.
bool clock_and_zone(Cursor& c, Stamp& t) {
  c.skip_spaces();
  if (c.done()) return true;
  if (!c.number(t.hour, 1, 2) || !c.eat(':') || !c.number(t.minute, 2, 2)) return false;
  if (c.eat(':') && !c.number(t.second, 2, 2)) return false;
  c.skip_spaces();
  const size_t before = c.i;
  const std::string_view meridiem = c.word();
  if (iequals(meridiem, "am") || iequals(meridiem, "pm")) {
    if (t.hour < 1 || t.hour > 12) return false;
    t.hour = t.hour % 12 + (iequals(meridiem, "pm") ? 12 : 0);
    c.skip_spaces();
  } else {
    c.i = before;
  }
  if (c.peek() == '+' || c.peek() == '-') {
    if (!numeric_offset(c, t.offset)) return false;
  } else if (!c.done()) {
    const std::string_view name = c.word();
    auto zone = named_zone(name);
    if (!zone) return false;
    t.offset = *zone;
    if ((c.peek() == '+' || c.peek() == '-') && t.offset == 0) {  // "GMT+2", "UTC-05:00"
      const int sign = c.peek() == '-' ? -1 : 1;
      ++c.i;
      int hh = 0, mm = 0;
      if (!c.number(hh, 1, 2) || hh > 14) return false;
      if (c.eat(':') && !c.number(mm, 2, 2)) return false;
      t.offset = sign * (hh * 60 + mm);
    }
  }
  c.skip_spaces();
  t.has_time = true;
  return true;
}

// "May 3, 2024", "Friday, May 3, 2024 11:00 AM EDT": the month first, as US sites write it.
std::optional<Stamp> parse_month_first(Cursor c) {
  Stamp t;
  c.skip_spaces();
  std::string_view w = c.word();
  c.eat(',');
  c.skip_spaces();
  if (!month_number(w)) {  // a weekday first
    w = c.word();
    c.skip_spaces();
  }
  t.date.month = month_number(w);
  if (!t.date.month) return std::nullopt;
  c.eat('.');
  c.skip_spaces();
  if (!c.number(t.date.day, 1, 2)) return std::nullopt;
  c.eat(',');
  c.skip_spaces();
  if (!c.number(t.date.year, 4, 4) || !is_valid(t.date)) return std::nullopt;
  c.skip_spaces();
  if (c.eat(',') || c.eat('-') || c.eat('|')) c.skip_spaces();
  if (c.done()) return t;
  if (!clock_and_zone(c, t) || !c.done() || !valid_clock(t)) return std::nullopt;
  return t;
}

std::optional<Stamp> parse_rfc822(Cursor c) {
  Stamp t;
  c.skip_spaces();
  if (c.peek() < '0' || c.peek() > '9') {  // optional weekday
    if (c.word().empty()) return std::nullopt;
    c.eat(',');
    c.skip_spaces();
  }
  if (!c.number(t.date.day, 1, 2)) return std::nullopt;
  c.skip_spaces();
  c.eat('-');
  t.date.month = month_number(c.word());
  if (!t.date.month) return std::nullopt;
  c.eat('.');
  c.skip_spaces();
  c.eat('-');
  const size_t year_start = c.i;
  if (!c.number(t.date.year, 2, 4) || c.i - year_start == 3) return std::nullopt;
  if (c.i - year_start == 2) t.date.year += t.date.year < 50 ? 2000 : 1900;
  if (!is_valid(t.date)) return std::nullopt;
  c.skip_spaces();
  if (c.done()) return t;
  if (!clock_and_zone(c, t)) return std::nullopt;
  if (c.eat('(')) {  // "+0000 (UTC)": a comment
    while (!c.done() && c.peek() != ')') ++c.i;
    if (!c.eat(')')) return std::nullopt;
    c.skip_spaces();
  }
  if (!c.done() || !valid_clock(t)) return std::nullopt;
  t.has_time = true;
  return t;
}

}  // namespace

std::optional<std::string> normalise_feed_date(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' || text.front() == '\r'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' || text.back() == '\r'))
    text.remove_suffix(1);
  if (text.empty() || text.size() > 100) return std::nullopt;
  auto t = parse_iso(Cursor{text});
  if (!t) t = parse_rfc822(Cursor{text});
  if (!t) t = parse_month_first(Cursor{text});
  if (!t) return std::nullopt;
  return format(*t);
}

}  // namespace news
