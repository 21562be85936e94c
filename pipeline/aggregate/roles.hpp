// Stage: the role of each country mention, read from its sentence, not from
// the country:
//  - `attribution`: an attribution cue before it through its preposition ("linked to Iran",
//    "on behalf of North Korea", "blamed Russia"), glued after it ("Beijing-backed",
//    "Russia-based hackers"), an attacker noun in its noun phrase ("North Korean hackers",
//    "China's military", "pro-Russian hacktivists"), "hackers from Iran", "Iran was behind",
//    or the home of a group named in the sentence;
//  - `target`: a victim noun or sector in its noun phrase in a sentence with an attack word
//    ("Ukrainian power grid", "attacks on Turkish ministries"), a victim or attack word before
//    "in/on/against" and the list it opens ("victims in Israel", "organizations in Japan, South
//    Korea and the United States"), or the passive ("Ukraine was hit");
//  - `mention` otherwise, and always for a person's background or workplace ("a former
//    Israeli officer", "a researcher at a British university"), and outside cyber context.
// The cue lists are data: rules/context/{attribution-cues,attribution-after,attacker-nouns,
// target-cues,victim-nouns,observer-nouns}.txt. With --explain each country mention's cue
// says which rule gave its role.
//
//   assign_roles(doc, rules);  // sets Mention::role on countries
#pragma once
#include "core/document.hpp"
#include "rules/ruleset.hpp"

namespace news {
void assign_roles(Document& doc, const RuleSet& rules);
}
