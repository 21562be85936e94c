// The project's rules, loaded once per fuzzing process.
#pragma once

#include <memory>
#include <stdexcept>

#include "rules/ruleset.hpp"

inline const news::RuleSet& project_rules() {
  static std::unique_ptr<news::RuleSet> rules = [] {
    news::Problems p;
    auto loaded = news::RuleSet::load(NEWS_EXTRACT_SOURCE_RULES, p);
    if (!p.empty()) throw std::runtime_error(p.front().to_string());
    return loaded;
  }();
  return *rules;
}
