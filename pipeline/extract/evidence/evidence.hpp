// Stage: decide whether ambiguous candidates ("Zinc", "Georgia", "energy",
// "the Times") count. Each type has its policy:
//  - threat groups and tools: a cue word next to the form ("the Zinc group",
//    "Snake malware"), the same entity named unambiguously elsewhere in the
//    article, or a cyber-security article where the form is not the first
//    word of its sentence;
//  - other actors: the entity named unambiguously elsewhere, or a cue;
//  - countries: no trap cue (Georgia with Atlanta, turkey with gravy);
//  - sectors: a sector cue next to it, or a list with another sector;
//  - operations: the full name elsewhere, a cue, or cyber context.
// Rejected candidates are removed; the reason for an accepted one goes to `cue`.
//
//   weigh_evidence(doc, rules);
#pragma once
#include "core/document.hpp"
#include "rules/ruleset.hpp"

namespace news {
void weigh_evidence(Document& doc, const RuleSet& rules);
}
