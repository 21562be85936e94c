// A self-contained HTML page of one article with its mentions highlighted,
// one colour per type, value and rule on hover; with `diff`, mentions the
// expected record lacks (gained) or entities it has and the run lost are marked.
#pragma once

#include <string>
#include <vector>

#include "check/compare.hpp"
#include "core/document.hpp"
#include "rules/ruleset.hpp"

namespace news::cli {

struct HtmlArticle {
  const Document* doc = nullptr;
  std::vector<Difference> diffs;  // empty outside `check`
};

std::string render_html(const RuleSet& rules, const std::vector<HtmlArticle>& articles, const std::string& title);

}  // namespace news::cli
