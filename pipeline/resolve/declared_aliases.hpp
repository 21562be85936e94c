// Two groups the text itself declares one: "TraderTraitor, the label it uses for the hackers better
// known as the Lazarus Group", "ShinyHunters, also tracked as UNC6040", "Muddled Libra (aka
// Scattered Spider)". The rules may keep them apart (a subgroup, a vendor's cluster); the article
// says they are the same, so its record has one actor, the other name among its aliases. Runs once
// the overlaps are settled, before roles and relations read the groups.
#pragma once

#include "core/document.hpp"
#include "rules/ruleset.hpp"

namespace news {

void merge_declared_aliases(Document& doc, const RuleSet& rules);

}  // namespace news
