// Stage: who did what to whom, sentence by sentence, from the settled mentions.
//
//   find_relations(doc, rules);  // fills doc.relations
//
// Attackers of a sentence: the groups and operations it names, and those it refers to ("the
// group", "the hackers" -> the last named group; "the campaign", "the operation", "the effort"
// -> the last named operation; "it", "they" -> the previous sentences' attacker; a lead's "a
// hacking group" -> the first group named later). A sentence with none goes on about the
// previous sentences' attacker (before any: the first the article names). Each entity pairs
// with the attacker nearest to it (and those listed with it), not with all of them.
//  - attributed-to: an operation to its group (the campaign list, else the one group of its
//    sentence or article); a group to a country with the attribution role;
//  - targets: countries with the target role, sectors (in a sentence that only goes on about
//    the attacker, with an attack word), organisations shown attacked (object of an attack
//    word, subject of a passive one, a speaker whose own files were hit), not the group's state;
//  - reported-by: vendors, agencies, media and organisations in the reporter's place ("said",
//    "according to", "tracked as X by", "told Reuters"), not when answering an accusation;
//  - uses: the malware and tools named.
// A cyber story that reads no country as a target makes the country of its lead (named there
// and again) the target, of the first attacker named (story_country).
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
