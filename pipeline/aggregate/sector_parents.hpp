// A sector hit under a specific STIX term is also hit under its general one
// (rules/sectors/parents.tsv: government-national -> government): each such sector
// mention gets a twin with the general term, right after it, and each relation that
// targets the specific term a twin that targets the general one.
#pragma once

#include "core/document.hpp"
#include "rules/ruleset.hpp"

namespace news {

void add_sector_parents(Document& doc, const RuleSet& rules);

}  // namespace news
