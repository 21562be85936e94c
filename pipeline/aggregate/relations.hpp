// Stage: who did what to whom, sentence by sentence, from the settled mentions.
//
//   find_relations(doc, rules);  // fills doc.relations
//
//  - attributed-to: an operation to its group (the campaign list, else the one group of its
//    sentence or article); a group to a country the sentence ties it to (attribution role);
//  - targets: the attackers of a sentence (its groups and operations, else the article's only
//    group) to the countries with the target role, the sectors, and, in a sentence with an
//    attack word, the organisations there;
//  - reported-by: the attackers of a sentence to the vendors, agencies and media of a sentence
//    that reports ("said", "according to", "researchers at", "report");
//  - uses: the attackers of a sentence to the malware and tools named there.
// Each relation keeps its sentence as evidence and, for --explain, the cue.
#pragma once
#include "core/document.hpp"
#include "rules/ruleset.hpp"

namespace news {
void find_relations(Document& doc, const RuleSet& rules);
// The group behind an operation mention: the campaign list for a known campaign; for one
// found by a pattern, the only group in its sentence, else in the article. Empty if none.
std::string operation_group(const Document& doc, const RuleSet& rules, const Mention& operation);
}
