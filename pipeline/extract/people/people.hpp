// Stage: people not in the gazetteer, found by cues around capitalised names:
// a title before the name ("President Donald Trump", "researcher Jane Doe"),
// a known given name ("Christiaan Beek"), a speech verb ("said Jane Doe"),
// or an apposition ("Jane Doe, a senior analyst at X"). A later bare surname
// ("Doe said") refers back to the person.
//
//   find_people(doc, rules);  // adds actor candidates of kind person
#pragma once
#include "core/document.hpp"
#include "rules/ruleset.hpp"

namespace news {
void find_people(Document& doc, const RuleSet& rules);
}
