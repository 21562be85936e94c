// Shared by the unit tests: the project's rules, loaded once, and a helper
// that runs the whole pipeline over a text at the examples' anchor date.
#pragma once

#include <memory>
#include <string>

#include "pipeline.hpp"
#include "rules/ruleset.hpp"

namespace news::test {

inline const RuleSet& project_rules() {
  static std::unique_ptr<RuleSet> rules = [] {
    Problems problems;
    auto r = RuleSet::load(NEWS_EXTRACT_SOURCE_RULES, problems);
    if (!problems.empty()) throw std::runtime_error("project rules do not load: " + problems.front().to_string());
    return r;
  }();
  return *rules;
}

inline std::unique_ptr<Document> analyse(const std::string& text, const char* published = "2021-06-16") {
  static ExtractOptions options;
  Pipeline p(project_rules(), options);
  Article a;
  a.id = "test";
  a.text = text;
  if (published) a.published_raw = published;
  return p.analyse(std::move(a));
}

// The values of the mentions of one type, in text order, joined by "|".
inline std::string values(const Document& doc, MentionType type) {
  std::string out;
  for (const auto& m : doc.mentions)
    if (m.type == type) out += (out.empty() ? "" : "|") + m.value;
  return out;
}

}  // namespace news::test
