#include "cli/common.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <unistd.h>

namespace news::cli {

namespace fs = std::filesystem;

std::string default_rules_dir(const char* argv0) {
  if (const char* env = std::getenv("NEWS_EXTRACT_RULES"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) exe = fs::absolute(argv0, ec);
  const fs::path beside = exe.parent_path().parent_path() / "share" / "news-extract" / "rules";
  if (fs::is_directory(beside, ec)) return beside.string();
  if (fs::is_directory(NEWS_EXTRACT_INSTALLED_RULES, ec)) return NEWS_EXTRACT_INSTALLED_RULES;
  return NEWS_EXTRACT_SOURCE_RULES;
}

std::unique_ptr<RuleSet> load_rules_or_report(const std::string& dir, unsigned threads) {
  Problems problems;
  auto rules = RuleSet::load(dir, problems, threads);
  if (problems.empty()) return rules;
  for (const auto& p : problems) std::cerr << p.to_string() << '\n';
  std::cerr << "news-extract: " << problems.size() << " problem" << (problems.size() == 1 ? "" : "s")
            << " in the rules; nothing was processed\n";
  return nullptr;
}

}  // namespace news::cli
