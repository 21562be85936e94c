// Stage: operations named in the text but not (or not yet) in the campaign
// list, found by the RE2 patterns of rules/operations/patterns.tsv
// ("Operation Frozen Lake", "a campaign dubbed Frozen Lake"). Patterns only
// run in articles with cyber context: a police or charity "Operation Smile"
// is not a cyber operation.
//
//   find_operations(doc, rules);
#pragma once
#include "core/document.hpp"
#include "rules/ruleset.hpp"

namespace news {
constexpr int kCyberContextThreshold = 3;  // distinct cyber terms an article needs to count as cyber news
// ... at least one of them no everyday word: "attack", "breach" and "exploited" make a stage race too
inline bool enough_cyber_terms(const Document& doc) { return doc.cyber_score >= kCyberContextThreshold && doc.cyber_strong >= 1; }
void find_operations(Document& doc, const RuleSet& rules);
// The article is cyber news: enough cyber terms, or a known threat group, campaign or tool named in it
// (for the stages after evidence: it reads the settled mentions).
bool cyber_news(const Document& doc, const RuleSet& rules);
}
