// Stage: names the knowledge files do not hold, found by how news writes a name of
// that kind (rules/names/*.tsv): an unknown gang ("a group known as X", "the X
// ransomware gang"), a campaign, a tool ("the X backdoor") or a victim organisation
// ("an attack on the Port of Lisbon"). Each becomes a candidate with its type, kind
// and rule; later bare uses of the same name in the article become candidates too.
// Runs only in articles with cyber context, like the operation patterns.
//
//   find_names(doc, rules);
#pragma once
#include "core/document.hpp"
#include "rules/ruleset.hpp"

namespace news {
// Stage "name-lines": which name patterns may match on which line of the body (the rules'
// PatternFilter, line by line), kept in doc.name_lines. The pipeline runs it over a group of
// documents before find_names runs the patterns over them: the filter's DFA states and the
// patterns' stay in cache (interleaved per document, each evicted the other's).
void find_name_lines(Document& doc, const RuleSet& rules);
// Finds the names; asks the filter itself when find_name_lines has not run.
void find_names(Document& doc, const RuleSet& rules);
}
