// libFuzzer target: the date normaliser. The input picks a resolver, a type,
// an anchor date, flags and capture values, so arithmetic on absurd values
// (years 0 and 9999, day 31 of February, "99999 weeks ago") is exercised; the
// rest of the input also runs through date extraction as text.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

#include "extract/dates/resolvers.hpp"
#include "pipeline.hpp"
#include "project_rules.hpp"

namespace {
const char* const kResolvers[] = {"ymd", "ym", "year", "numeric", "decade", "century", "quarter", "half", "season",
                                  "holiday", "weekday", "relative", "deictic", "ago", "ref", "duration", "set", "time", "same"};
const char* const kCaptures[] = {"year", "month", "day", "weekday", "weekdays", "rel", "unit", "num", "season", "holiday",
                                 "part", "mod", "decade", "century", "quarter", "half", "hour", "minute", "ampm", "word",
                                 "freq", "dir", "first", "second", "span", "unit2", "num2"};
const char* const kTypes[] = {"DATE", "TIME", "DURATION", "SET"};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 6) return 0;
  const std::string resolver = kResolvers[data[0] % (sizeof kResolvers / sizeof *kResolvers)];
  const std::string type = kTypes[data[1] % 4];
  news::DateContext ctx;
  const int year = 1 + (int(data[2]) << 8 | data[3]) % 9999;
  ctx.anchor = news::CivilDate{year, 1 + data[4] % 12, 1 + data[5] % 28};
  ctx.future = data[4] & 0x80;
  ctx.day_first = data[5] & 0x80;
  news::Captures caps;
  std::string rest(reinterpret_cast<const char*>(data + 6), size - 6);
  size_t pos = 0, k = 0;
  while (pos <= rest.size() && k < 8) {  // values separated by '|', each with the next capture name
    size_t bar = rest.find('|', pos);
    if (bar == std::string::npos) bar = rest.size();
    const unsigned char pick = pos < rest.size() ? static_cast<unsigned char>(rest[pos]) : 0;
    caps[kCaptures[pick % (sizeof kCaptures / sizeof *kCaptures)]] = rest.substr(pos, bar - pos);
    pos = bar + 1;
    ++k;
  }
  try {
    (void)news::resolve_date(resolver, type, caps, ctx, project_rules());
  } catch (const std::exception&) {
    // resolve_date documents no exceptions; a throw is a bug the fuzzer should see.
    __builtin_trap();
  }
  static news::ExtractOptions extract = [] {
    news::ExtractOptions o;
    o.default_anchor = news::CivilDate{2021, 6, 16};
    return o;
  }();
  static news::Pipeline pipeline(project_rules(), extract);
  news::Article a;
  a.text = rest;
  (void)pipeline.analyse(std::move(a));
  return 0;
}
