// Stage: cut the normalised text into sentences (ICU) and tokens, and look
// every token up in the rule vocabulary once, for all extractors.
//
//   segment(doc, rules);  // fills doc.sentences, doc.tokens
#pragma once
#include "core/document.hpp"
#include "rules/ruleset.hpp"

namespace news {
void segment(Document& doc, const RuleSet& rules);
}
