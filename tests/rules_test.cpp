#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "helpers.hpp"

using namespace news;
namespace fs = std::filesystem;

namespace {

// A copy of the project's rules in a temporary folder, to break on purpose.
struct RulesCopy {
  fs::path dir;
  RulesCopy() {
    dir = fs::temp_directory_path() / ("news-extract-rules-" + std::to_string(::getpid()) + "-" + std::to_string(rand()));
    fs::create_directories(dir);
    fs::copy(NEWS_EXTRACT_SOURCE_RULES, dir / "rules", fs::copy_options::recursive);
  }
  ~RulesCopy() { std::error_code ec; fs::remove_all(dir, ec); }
  void append(const std::string& file, const std::string& line) {
    std::ofstream(dir / "rules" / file, std::ios::app) << line << '\n';
  }
  Problems load() {
    Problems p;
    RuleSet::load((dir / "rules").string(), p);
    return p;
  }
};

bool has(const Problems& ps, const std::string& where, const std::string& what) {
  for (auto& p : ps) {
    const std::string s = p.to_string();
    if (s.find(where) != std::string::npos && s.find(what) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("the project's rules load without problems") {
  Problems p;
  auto rules = RuleSet::load(NEWS_EXTRACT_SOURCE_RULES, p);
  for (auto& x : p) MESSAGE(x.to_string());
  CHECK(p.empty());
  CHECK(rules->countries.size() == 250);  // the 249 ISO 3166-1 codes and Kosovo (XK)
  CHECK(rules->sectors_count() == 34);
}

TEST_CASE("every kind of broken rule line is reported with path:line, all at once") {
  RulesCopy rc;
  rc.append("actors/security-vendors.tsv", "only-two\tcolumns");
  rc.append("actors/security-vendors.tsv", "mandiant\tDuplicate\tsecurity-vendor\tUS\t-");
  rc.append("actors/security-vendors.tsv", "new-vendor\tNew Vendor\tsecurity-vendor\tXX\t-");
  rc.append("actors/security-vendors.tsv", "odd-kind\tOdd\twizard\tUS\t-");
  rc.append("sectors/sectors.tsv", "space-mining\tasteroid miners");
  rc.append("operations/campaigns.tsv", "op-nowhere\tOperation Nowhere\tno-such-group\t-\tcampaign");
  rc.append("operations/patterns.tsv", "broken-regex\t5\t(?P<name>Operation (unclosed");
  rc.append("operations/patterns.tsv", "no-name\t5\tOperation [A-Z]\\w+");
  rc.append("dates/patterns.tsv", "bad-resolver\tDATE\tguess\t\\d+");
  rc.append("dates/patterns.tsv", "bad-list\tDATE\tym\t{monthz} \\d+");
  rc.append("countries/forms.tsv", "QQ\tname\tQueequeg");
  const Problems p = rc.load();
  for (auto& x : p) MESSAGE(x.to_string());
  CHECK(has(p, "security-vendors.tsv:", "expected 5 tab-separated columns"));
  CHECK(has(p, "security-vendors.tsv:", "duplicate actor id 'mandiant'"));
  CHECK(has(p, "security-vendors.tsv:", "unknown ISO 3166-1 alpha-2 code 'XX'"));
  CHECK(has(p, "security-vendors.tsv:", "unknown kind 'wizard'"));
  CHECK(has(p, "sectors.tsv:", "unknown STIX 2.1 industry sector 'space-mining'"));
  CHECK(has(p, "campaigns.tsv:", "unknown actor id 'no-such-group'"));
  CHECK(has(p, "patterns.tsv:", "RE2 refuses the pattern: missing )"));
  CHECK(has(p, "patterns.tsv:", "lacks the named capture"));
  CHECK(has(p, "patterns.tsv:", "unknown resolver 'guess'"));
  CHECK(has(p, "patterns.tsv:", "unknown list {monthz}"));
  CHECK(has(p, "forms.tsv:", "unknown ISO 3166-1 alpha-2 code 'QQ'"));
  CHECK(p.size() >= 11);
}

TEST_CASE("a missing rules folder or file is a problem, not a crash") {
  Problems p;
  RuleSet::load("/nonexistent/rules", p);
  CHECK_FALSE(p.empty());
}

TEST_CASE("a pattern that cannot match a line break is told apart from one that can") {
  for (const char* stays : {R"(\b(?P<name>[A-Z][a-z]+ Typhoon)\b)", R"([A-Za-z'’&.-]+ (?:of|at))", R"(TEMP\.[A-Z])",
                            R"(\d{3,4}\S+\w)", R"([\t-\r])" /* \t..\r holds \n */})
    CHECK_MESSAGE(may_match_newline(stays) == (std::string_view(stays) == R"([\t-\r])"), stays);
  for (const char* crosses : {R"(a\sb)", R"([^.;!?])", R"(x[^ A-Za-z0-9])", R"(\W)", R"(\D)", R"((?s)a.b)", R"(a\nb)",
                              R"([\x00-\x1f])", R"(\x0a)", R"(\x{A})", R"([[:space:]])", R"([[:^alpha:]])", R"(\PL)", R"(\pC)",
                              R"(\C)", R"(a\012)"})
    CHECK_MESSAGE(may_match_newline(crosses), crosses);
  CHECK_FALSE(may_match_newline("a.b"));  // "." stops at a line break unless (?s)
  CHECK(may_match_empty(RE2(R"(\b)")));
  CHECK(may_match_empty(RE2("(?:ab)?")));
  CHECK_FALSE(may_match_empty(RE2(R"(\bab?)")));
}

TEST_CASE("a pattern may end with a line break and still run line by line") {
  for (const char* stays : {R"(\bTechnology(?:$|[^ A-Za-z0-9]| [^A-Z]))", R"(ab\s)", R"(x(?P<tail>[^a]|yz))", R"(\b[A-Z][a-z]+\b)"})
    CHECK_MESSAGE(!may_cross_lines(RE2(stays)), stays);
  for (const char* crosses : {R"(a\sb)", R"(a(?:[^b]|c)d)", R"(a[^b]+)", R"(a(?:[^b]c|d))", R"((?s)a.)", R"(a|b\s)", R"(\b)"})
    CHECK_MESSAGE(may_cross_lines(RE2(crosses)), crosses);
}

TEST_CASE("a pattern that may cross lines is asked line by line by its longest part that cannot") {
  CHECK(line_part(RE2(R"x(["“](?P<name>Operation [A-Z][^".]{1,40}?)["”])x")) == R"x(["“]Operation [A-Z])x");
  const RE2 crossing(R"x(\bcampaigns?\b[^.]{0,60}?\b(?:dubbed|named) "(?P<name>[A-Z]+)")x");
  CHECK(line_part(crossing) == R"x(\b(?:dubbed|named) "[A-Z]+")x");
  CHECK(line_part(RE2(R"x(\s+)x")) == "(?:)");      // nothing that stays on a line: every line may hold it
  CHECK(line_part(RE2(R"x((?i)a\sbcd)x")) == "(?:)");  // a flag group: no closer look
  // every match of the pattern holds a match of its part, within one line
  const RE2 part(line_part(crossing));
  const std::string text = "The campaign, which\nresearchers dubbed \"ZEBRA\", hit";
  re2::StringPiece m;
  REQUIRE(crossing.Match(text, 0, text.size(), RE2::UNANCHORED, &m, 1));
  CHECK(m.find('\n') != re2::StringPiece::npos);
  CHECK(RE2::PartialMatch("researchers dubbed \"ZEBRA\", hit", part));
}

TEST_CASE("patterns run line by line find what they find over the whole text") {
  const std::vector<std::string> patterns = {R"(\b[A-Z][a-z]+ (?:gang|crew)\b)", R"(\bthe [A-Z][a-z]+\b)", R"(\bx\b)"};
  RE2::Set set(RE2::Options(), RE2::UNANCHORED);
  std::vector<std::unique_ptr<RE2>> res;
  for (const auto& p : patterns) {
    REQUIRE(set.Add(p, nullptr) >= 0);
    res.push_back(std::make_unique<RE2>(p));
    REQUIRE_FALSE(may_match_newline(p));
  }
  REQUIRE(set.Compile());
  const std::string text = "Title: the Lazarus gang\n\nThe Conti gang struck.\nNothing here\nthe\nLapsus crew and the Clop gang\nx";
  PatternLines lines;
  std::vector<int> blank;
  set.Match("\n", &blank);
  lines.find(&set, blank, patterns.size(), text, 5);
  size_t hit = 0;
  for (size_t p = 0; p < patterns.size(); ++p) {
    const size_t first = hit;
    hit = lines.end_of(int(p), hit);
    std::vector<std::string> whole, by_line;
    re2::StringPiece m;
    for (size_t pos = 5; res[p]->Match(text, pos, text.size(), RE2::UNANCHORED, &m, 1); pos = size_t(m.data() - text.data()) + m.size())
      whole.emplace_back(m);
    for (size_t k = first; k < hit; ++k) {
      const auto [s, e] = lines.lines[lines.hits[k].second];
      for (size_t pos = std::max<size_t>(s, 5); res[p]->Match(text, pos, e, RE2::UNANCHORED, &m, 1); pos = size_t(m.data() - text.data()) + m.size())
        by_line.emplace_back(m);
    }
    CHECK(whole == by_line);
    CHECK_FALSE(whole.empty());
  }
}
