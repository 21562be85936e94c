// Shared by the CLI's commands: finding and loading the rules.
#pragma once

#include <memory>
#include <string>

#include "rules/ruleset.hpp"

namespace news::cli {

// --rules when given, else $NEWS_EXTRACT_RULES, else the rules installed
// beside the executable (../share/news-extract/rules), else the source tree's.
std::string default_rules_dir(const char* argv0);

// Loads the rules; on problems prints every one as "path:line: reason" to
// stderr and returns nullptr.
// `threads`: how many the run may use (above 1, the load uses them too).
std::unique_ptr<RuleSet> load_rules_or_report(const std::string& dir, unsigned threads = 1);

}  // namespace news::cli
