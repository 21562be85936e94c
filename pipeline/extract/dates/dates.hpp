// Stage: temporal expressions. Every pattern of rules/dates/patterns.tsv that
// the RE2::Set prefilter lets through is run; its named captures go to the
// pattern's resolver (resolvers.hpp). Spans inside blocked text (URLs, CVE
// ids, versions, money: rules/dates/blockers.tsv) are never dates.
//
//   find_dates(doc, rules);        // candidates, before overlaps are settled
//   link_dates(doc, rules);        // after: ranges and years taken from context
#pragma once
#include "core/document.hpp"
#include "rules/ruleset.hpp"

namespace news {
void find_dates(Document& doc, const RuleSet& rules);
void link_dates(Document& doc, const RuleSet& rules);
}
