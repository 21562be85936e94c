// A general sector named with what says its tier is read as that tier (rules/sectors/tiers.tsv):
// "Ukrainian government agencies", "Taiwan's government networks" are a state's own government,
// government-national. Runs once the overlaps are settled, before roles and relations read the
// sectors; the general term comes back as the tier's parent (sector_parents).
#pragma once

#include "core/document.hpp"
#include "rules/ruleset.hpp"

namespace news {

void set_sector_tiers(Document& doc, const RuleSet& rules);

}  // namespace news
