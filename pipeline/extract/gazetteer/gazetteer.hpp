// Stage: one pass over the tokens through the phrase trie of every gazetteer
// (actors, countries, sectors, campaigns, tools) and cue list.
//
//   match_gazetteers(doc, rules);  // adds doc.candidates and the cue marks of every token
//
// Every match at every start is kept; overlaps are settled later.
#pragma once
#include "core/document.hpp"
#include "rules/ruleset.hpp"

namespace news {
void match_gazetteers(Document& doc, const RuleSet& rules);
}
