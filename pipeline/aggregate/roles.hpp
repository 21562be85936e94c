// Stage: the role of each country mention, read from its sentence, not from
// the country: `attribution` ("North Korean hackers", "linked to Iran",
// "Beijing-backed", the home of a group named in the sentence), `target`
// ("attacks on Turkish ministries", "victims in Israel", "against US
// companies"), `mention` otherwise. Also fills each operation's actor.
//
//   assign_roles(doc, rules);  // sets Mention::role on countries, value links on operations
#pragma once
#include "core/document.hpp"
#include "rules/ruleset.hpp"

namespace news {
void assign_roles(Document& doc, const RuleSet& rules);
}
