// Stage "short-forms": an organisation named in full and later by the last word of its name
// with "the" ("the National Student Clearinghouse ... the Clearinghouse said", "Salford City
// Council ... the Council") gets a candidate there too, with the full name's value and kind.
// Not when two organisations of the article share that word, nor before the full name.
//
//   find_short_forms(doc, rules);
#pragma once
#include "core/document.hpp"
#include "rules/ruleset.hpp"

namespace news {
void find_short_forms(Document& doc, const RuleSet& rules);
}
