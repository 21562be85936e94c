// Stage: leave out the lines of the text that are not the story (rules/layout/boilerplate.tsv):
// bylines over it, promotions of other stories ("NOW WATCH: ..."), prompts to
// share or subscribe, picture credits, the wire's reporting line, copyright; and the markers of
// list items ("- ", "\u2022 ", "2. "), so that an item opens on its first word; and the end of the
// title that names the site it was scraped from ("... | Reuters", "... - BBC News").
//
//   skip_boilerplate(doc, rules);  // after normalise: blanks those lines and markers of doc.norm, fills doc.skipped
//
// A line, marker or title's end is blanked with spaces, byte for byte, so that every offset stays.
#pragma once

#include "core/document.hpp"
#include "rules/ruleset.hpp"

namespace news {
void skip_boilerplate(Document& doc, const RuleSet& rules);
}
