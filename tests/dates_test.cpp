#include <doctest/doctest.h>

#include "helpers.hpp"

using namespace news;
using test::analyse;

namespace {
// "text|value|type" of every date of `text`, published on `published`.
std::string dates(const std::string& text, const char* published = "2019-03-04") {
  auto doc = analyse(text, published);
  std::string out;
  for (const auto& m : doc->mentions)
    if (m.type == MentionType::Date)
      out += (out.empty() ? "" : "; ") + std::string(doc->span(m.start, m.end)) + "=" + (m.value.empty() ? "null" : m.value) + " " + m.date->type;
  return out;
}
}  // namespace

TEST_CASE("the reference article's date forms, published Monday 2019-03-04") {
  CHECK(dates("They met for their second summit last week.") == "last week=2019-W09 DATE");
  CHECK(dates("McAfee published the report on Sunday.") == "Sunday=2019-03-03 DATE");
  CHECK(dates("It was first found in December 2018.") == "December 2018=2018-12 DATE");
  CHECK(dates("It may have started as early as September 2017.") == "September 2017=2017-09 DATE");
  CHECK(dates("an 18-month-long operation") == "18-month=P18M DURATION");
  CHECK(dates("the 2014 attack on Sony Pictures") == "2014=2014 DATE");
  CHECK(dates("an initiative last year") == "last year=2018 DATE");
}

TEST_CASE("absolute forms") {
  CHECK(dates("on 3 December 2018") == "3 December 2018=2018-12-03 DATE");
  CHECK(dates("on December 3, 2018") == "December 3, 2018=2018-12-03 DATE");
  CHECK(dates("on Dec. 3, 2018") == "Dec. 3, 2018=2018-12-03 DATE");
  CHECK(dates("dated 2018-12-03") == "2018-12-03=2018-12-03 DATE");
  CHECK(dates("dated 12/03/2018") == "12/03/2018=2018-12-03 DATE");
  CHECK(dates("in the 1990s") == "the 1990s=199 DATE");
  CHECK(dates("in Q1 2021") == "Q1 2021=2021-Q1 DATE");
  CHECK(dates("in the first quarter of 2021") == "the first quarter of 2021=2021-Q1 DATE");
  CHECK(dates("in the second half of 2020") == "the second half of 2020=2020-H2 DATE");
  CHECK(dates("in summer 2019") == "summer 2019=2019-SU DATE");
  CHECK(dates("since the 9/11 attacks") == "9/11=2001-09-11 DATE");
}

TEST_CASE("anchored forms resolve against the publication date") {
  CHECK(dates("The flaw was patched on Dec. 3.") == "Dec. 3=2018-12-03 DATE");           // past reading
  CHECK(dates("The summit will be held on Dec. 3.") == "Dec. 3=2019-12-03 DATE");        // future cue
  CHECK(dates("two years ago") == "two years ago=2017 DATE");
  CHECK(dates("three weeks ago") == "three weeks ago=2019-W07 DATE");
  CHECK(dates("yesterday") == "yesterday=2019-03-03 DATE");
  CHECK(dates("a decade ago") == "a decade ago=200 DATE");
  CHECK(dates("Tuesday morning") == "Tuesday morning=2019-02-26TMO TIME");
  CHECK(dates("next Tuesday") == "next Tuesday=2019-03-05 DATE");
}

TEST_CASE("without a publication date relative dates are found but stay unresolved") {
  CHECK(dates("last week", nullptr) == "last week=null DATE");
  CHECK(dates("in December 2018", nullptr) == "December 2018=2018-12 DATE");
}

TEST_CASE("ranges take the year of their other end") {
  CHECK(dates("between March and May 2020") == "March=2020-03 DATE; May 2020=2020-05 DATE");
  CHECK(dates("from 2017 to 2019") == "2017=2017 DATE; 2019=2019 DATE");
}

TEST_CASE("numbers that only look like dates") {
  CHECK(dates("The company paid $2014 in fees.") == "");
  CHECK(dates("It hired 2014 employees.") == "");
  CHECK(dates("The bug is CVE-2021-44228.") == "");
  CHECK(dates("Servers at 192.168.20.19 were hit.") == "");
  CHECK(dates("See https://example.com/2021/06/16/story for more.") == "");
  CHECK(dates("Theresa May said the protesters march on.") == "");
  CHECK(dates("It runs on Windows 2000.") == "");
  CHECK(dates("The Sunday Times reported it.") == "");
}
