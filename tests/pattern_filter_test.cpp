#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "helpers.hpp"
#include "rules/pattern_filter.hpp"

using namespace news;

namespace {

bool has_clause(const PatternFilter::Reading& r, std::vector<std::string> clause) {
  std::sort(clause.begin(), clause.end());
  return std::find(r.clauses.begin(), r.clauses.end(), clause) != r.clauses.end();
}

std::vector<int> candidates(const PatternFilter& f, std::string_view text) {
  std::vector<int> out;
  f.candidates(text, out);
  return out;
}

// Every line of the sample articles and of the date examples, and a few texts made to
// trip the reader (case, digits, spaces, the signs RE2 folds into ASCII letters).
std::vector<std::string> sample_texts() {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(NEWS_EXTRACT_SOURCE_RULES).parent_path();
  std::vector<std::string> texts = {
      "On 3\tJUNE 2021, in\nMay", "ops on 12/31/99 at 10:30 P.M.", "Q3 FY2021 and H1 2020", "the 1990s, '90s",
      "la\xC5\xBFt week", "\xE2\x84\xAA" "B5001234", "“Operation Ghost Rider” and #OpNotNull",
      "a campaign dubbed “Sea Turtle”", "ten  days\u00a0ago", ""};
  for (const char* dir : {"corpus/articles", "corpus/examples/dates", "corpus/examples/operations"})
    for (auto& e : fs::directory_iterator(root / dir)) {
      std::ifstream in(e.path());
      std::string line;
      while (std::getline(in, line)) texts.push_back(line + "\n");
    }
  return texts;
}

void check_sound(const PatternFilter& f, const std::vector<const RE2*>& res) {
  REQUIRE(f.size() == res.size());
  size_t checked = 0;
  for (const auto& text : sample_texts()) {
    const auto which = candidates(f, text);
    for (size_t p = 0; p < res.size(); ++p) {
      if (!RE2::PartialMatch(text, *res[p])) continue;
      ++checked;
      INFO("pattern ", res[p]->pattern(), " on '", text, "'");
      CHECK(std::binary_search(which.begin(), which.end(), int(p)));
    }
  }
  CHECK(checked > 0);
}

}  // namespace

TEST_CASE("the pattern reader finds the strings every match holds") {
  auto r = PatternFilter::read("\\b(?i:last|next)\\s+(?i:week)\\b");
  CHECK(r.understood);
  CHECK(r.within_lines == false);  // \s may be a line break
  CHECK(has_clause(r, {"last week", "next week"}));  // a run of spaces reads as one space

  r = PatternFilter::read("\\b(?i:last|next)\\s+(?i:week)\\w*\\s+(?:on|at)\\b");
  CHECK(has_clause(r, {"last week", "next week"}));
  CHECK(has_clause(r, {" at", " on"}));

  r = PatternFilter::read("\\b(?P<year>(?:1[6-9]|20)\\d\\d)\\b");
  CHECK(has_clause(r, {"0000"}));
  CHECK(r.within_lines);

  r = PatternFilter::read("\\bQ(?P<q>[1-4])\\b");
  CHECK(has_clause(r, {"q0"}));

  // A digit run then a dot then a digit run: "0.0" whatever the lengths.
  r = PatternFilter::read("\\b\\d+\\.\\d+\\b");
  CHECK(has_clause(r, {"0.0"}));

  // An optional piece implies nothing; a lone letter is too common to be worth a clause.
  r = PatternFilter::read("(?:foo)?bar");
  CHECK(r.clauses == std::vector<std::vector<std::string>>{{"bar"}});
  r = PatternFilter::read("\\bv\\S+");
  CHECK(r.clauses.empty());

  // Non-ASCII under (?i) has other spellings the reader does not know: nothing is required.
  r = PatternFilter::read("(?i)é");
  CHECK(r.clauses.empty());
  r = PatternFilter::read("[“\"]Sea");
  CHECK(has_clause(r, {"“sea", "\"sea"}));

  // Syntax the reader does not know: the pattern always runs, over the whole text.
  r = PatternFilter::read("a\\Qb\\E");
  CHECK_FALSE(r.understood);
  CHECK(r.clauses.empty());
  CHECK_FALSE(r.within_lines);
}

TEST_CASE("a pattern can be looked for line by line only when no match crosses a line or is empty") {
  CHECK(PatternFilter::read("Operation [A-Z]\\w+").within_lines);
  CHECK_FALSE(PatternFilter::read("Operation\\s[A-Z]").within_lines);
  CHECK_FALSE(PatternFilter::read("\"[^\"]+\"").within_lines);  // a negated class holds '\n'
  CHECK(PatternFilter::read("\"[^\"\\n]+\"").within_lines);
  CHECK_FALSE(PatternFilter::read("(?s)a.b").within_lines);
  CHECK(PatternFilter::read("a.b").within_lines);
  CHECK_FALSE(PatternFilter::read("x*").within_lines);
}

TEST_CASE("the filter skips only patterns that cannot match") {
  PatternFilter f;
  f.build({"\\bOperation [A-Z]\\w+", "(?i)\\bQ[1-4]\\b", "(?i)\\blast\\s+week\\b", "\\b[a-z]+\\b"});
  CHECK(candidates(f, "In Q3 the team met") == std::vector<int>{1, 3});  // the last one has no clause
  CHECK(candidates(f, "Operation Aurora, last\n WEEK") == std::vector<int>{0, 2, 3});
  CHECK(candidates(f, "operation aurora") == std::vector<int>{0, 3});  // letters are read in lower case
  // U+017F LONG S matches (?i)s: a text holding it runs every pattern.
  CHECK(candidates(f, "la\xC5\xBFt week") == std::vector<int>{0, 1, 2, 3});

  PatternFilter::ByLine by;
  f.build({"\\bQ[1-4]\\b", "Q[1-4]\\s+20\\d\\d"});
  f.candidates_by_line("Q1\nQ2 2020 and\nnothing", by);
  REQUIRE(by.lines() == 3);
  CHECK(by.line_start == std::vector<uint32_t>{0, 3, 15, 22});
  CHECK(std::vector<int>(by.line_which.begin() + by.line_begin[0], by.line_which.begin() + by.line_begin[1]) == std::vector<int>{0});
  CHECK(std::vector<int>(by.line_which.begin() + by.line_begin[1], by.line_which.begin() + by.line_begin[2]) == std::vector<int>{0, 1});
  CHECK(by.line_begin[2] == by.line_begin[3]);
  CHECK(by.whole == std::vector<int>{0, 1});
}

TEST_CASE("filters over the project's patterns keep every pattern that matches a sample line") {
  const RuleSet& rules = test::project_rules();
  // The date patterns and blockers run behind RE2::Sets, but they are the largest patterns
  // the reader could be given.
  for (int which = 0; which < 2; ++which) {
    std::vector<const RE2*> res;
    std::vector<std::string> patterns;
    if (which == 0) for (auto& d : rules.date_patterns) res.push_back(d.re.get());
    else for (auto& b : rules.date_blockers) res.push_back(b.get());
    for (auto* re : res) patterns.push_back(re->pattern());
    PatternFilter f;
    f.build(patterns);
    check_sound(f, res);
  }
  std::vector<const RE2*> res;
  for (auto& o : rules.operation_patterns) res.push_back(o.re.get());
  check_sound(rules.operation_filter, res);
}
