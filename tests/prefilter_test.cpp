#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "helpers.hpp"
#include "rules/prefilter.hpp"
#include "rules/ruleset.hpp"

using namespace news;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> atoms_of(const AtomMatcher& m, const std::vector<std::string>& names, std::string_view text) {
  LineAtoms found;
  found.line = 1;
  m.scan_line(text, 0, found);
  std::vector<std::string> out;
  for (int a : found.atoms) out.push_back(names[size_t(a)]);
  std::sort(out.begin(), out.end());
  return out;
}

// Every pattern that matches a line of `text` is among those the filter lists for that line.
void check_never_misses(const std::vector<std::string>& patterns, const std::string& text) {
  auto filter = PatternFilter::build(patterns);
  REQUIRE(filter);
  std::vector<std::unique_ptr<RE2>> res;
  RE2::Options options;
  options.set_max_mem(64 << 20);  // as the rules compile theirs
  for (const auto& p : patterns) {
    res.push_back(std::make_unique<RE2>(p, options));
    REQUIRE(res.back()->ok());
  }
  size_t lines = 0;
  filter->by_line(text, 0, [&](size_t start, size_t end, const std::vector<int>& which) {
    ++lines;
    const re2::StringPiece line(text.data() + start, end - start);
    for (size_t p = 0; p < patterns.size(); ++p)
      if (RE2::PartialMatch(line, *res[p])) {
        INFO("pattern " << patterns[p] << " on line '" << std::string(line) << "'");
        CHECK(std::binary_search(which.begin(), which.end(), int(p)));
      }
  });
  CHECK(lines == size_t(std::count(text.begin(), text.end(), '\n') + (text.empty() || text.back() != '\n' ? 1 : 0)));
}

}  // namespace

TEST_CASE("the atom matcher finds every atom, overlapping ones too, in any case") {
  const std::vector<std::string> atoms = {"he", "she", "his", "hers", "typhoon"};
  const AtomMatcher m(atoms);
  CHECK(atoms_of(m, atoms, "USHERS") == std::vector<std::string>{"he", "hers", "she"});
  CHECK(atoms_of(m, atoms, "Volt TYPHOON and his") == std::vector<std::string>{"his", "typhoon"});
  CHECK(atoms_of(m, atoms, "nothing").empty());
  // the scan stops after the line's "\n" and never joins two lines
  CHECK(atoms_of(m, atoms, "s\nhe").empty());
  LineAtoms found;
  found.line = 1;
  CHECK(m.scan_line("s\nhe", 0, found) == 2);
}

TEST_CASE("the atom matcher lower-cases non-ASCII letters, and gives up on a line with one RE2 may fold otherwise") {
  const std::vector<std::string> atoms = {"école", "kelvin"};
  const AtomMatcher m(atoms);
  CHECK(atoms_of(m, atoms, "L'ÉCOLE") == std::vector<std::string>{"école"});
  CHECK(atoms_of(m, atoms, "\u212Aelvin") == std::vector<std::string>{"kelvin"});  // KELVIN SIGN lowers to "k"
  LineAtoms found;
  found.line = 1;
  m.scan_line("\u017Fchool", 0, found);  // LONG S: its lower case is itself, its case fold "s"
  CHECK(found.every_atom);
  LineAtoms plain;
  plain.line = 1;
  m.scan_line("Kelvin \xff\xfe bytes that are not UTF-8", 0, plain);
  CHECK_FALSE(plain.every_atom);
  CHECK(plain.atoms.size() == 1);
}

TEST_CASE("the pattern filter never leaves out a pattern that matches a line") {
  const std::vector<std::string> patterns = {
      R"(\b(?P<name>[A-Z][a-z]+ Typhoon)\b)",             // one long atom
      R"(\b(?P<name>TA\d{3,4})\b)",                       // no atom of three bytes: the exact set
      R"(\b[A-Z][a-z]+ (?:RAT|malware|backdoor)\b)",     // a short atom ("rat"): the exact set
      R"((?i:calls itself) ["“]?[A-Z][A-Za-z]+)",         // case-insensitive, non-ASCII quote
      R"(\b(?:École|Universität) [A-Z][a-z]+)",          // non-ASCII letters in the atom
      R"(^$)",                                            // matches a blank line only
      R"(\bhit (?:the )?[A-Z][a-z]+ (?:Hospital|Council)\b)"};
  const std::string text =
      "Microsoft said Volt Typhoon hit the Mercy Hospital.\n"
      "\n"
      "Proofpoint tracks TA505 and TA4903; the Remcos RAT and the Agent malware followed.\n"
      "A group that CALLS ITSELF “Ghostwriter posted; l'ÉCOLE Polytechnique and the Universität Wien.\n"
      "VOLT TYPHOON in capitals is no match; Salt typhoon neither.\n"
      "\u212Aelvin and \u017Fome other letters; then Flax Typhoon\n"
      "last line without a break: TA1234";
  check_never_misses(patterns, text);
}

TEST_CASE("the name patterns' filter lists every pattern that matches a line of the sample articles") {
  Problems problems;
  auto rules = RuleSet::load(NEWS_EXTRACT_SOURCE_RULES, problems);
  REQUIRE(problems.empty());
  std::vector<std::string> patterns;
  for (const auto& np : rules->name_patterns) patterns.push_back(np.may_cross_lines ? line_part(*np.re) : np.re->pattern());
  std::string text;
  for (const auto& entry : fs::directory_iterator(fs::path(NEWS_EXTRACT_SOURCE_RULES).parent_path() / "corpus" / "articles")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    text += ss.str();
    if (!text.empty() && text.back() != '\n') text += '\n';
  }
  REQUIRE(text.size() > 100000);
  check_never_misses(patterns, text);
}

TEST_CASE("the pattern filter takes a pattern as large as the rules' own patterns may be") {
  // RE2's default budget (8 MB) refuses this one; the rules compile their patterns with 64 MB, and a
  // filter that refused it would leave every pattern to run on every line
  const std::vector<std::string> patterns = {R"((?:[\p{L}\p{N}]+ ){0,1000}ransomware gang)", R"(\b[A-Z][a-z]+ Typhoon\b)"};
  CHECK(PatternFilter::build(patterns) != nullptr);
  check_never_misses(patterns, "the Volt Typhoon crew\nan unnamed ransomware gang struck\nnothing here");
}
