// Runs Duckling-style example files (corpus/examples/<extractor>/*.tsv) at
// their fixed anchor date:
//   +<TAB>text with [span]<TAB>value[<TAB>type[<TAB>mod]]   exactly one mention of the
//         extractor's type over the span, with that value (and type, mod)
//   -<TAB>text[<TAB>value]                                 no mention of that type
//         (with a value: none with that value)
// In roles/ the lines are country examples with the role as a fourth column:
//   +<TAB>[North Korean] hackers hit banks.<TAB>KP<TAB>attribution
//   -<TAB>A researcher at a British university said.<TAB>GB<TAB>target   (no GB with that role)
//
//   ExampleReport r = run_examples(pipeline_factory, "corpus/examples");
//   for (auto& f : r.failures) std::cerr << f << '\n';   // "file:line: what went wrong"
//
// It also records which rules fired on a passing positive example (coverage).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "rules/ruleset.hpp"

namespace news {

struct ExampleReport {
  size_t positives = 0, negatives = 0, passed = 0;
  std::vector<std::string> failures;
  std::set<std::string> rules_fired;      // "rules/x.tsv:12" of passing positive examples
  std::set<std::string> negated_values;   // "type\tvalue" of negative lines (the forms they guard)
  std::vector<std::string> negative_texts;
};

ExampleReport run_examples(const RuleSet& rules, const std::string& examples_dir);

// Rules (file:line) that no passing positive example exercised.
std::vector<std::string> uncovered_rules(const RuleSet& rules, const ExampleReport& report);
// Ambiguous forms (marked *) that no negative example contains: "file:line: form".
std::vector<std::string> ambiguous_without_negative(const RuleSet& rules, const ExampleReport& report);

}  // namespace news
