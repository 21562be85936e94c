// Stage: settle overlapping candidates with one policy: the longest span
// wins, then the higher rule priority, then the leftmost. Losers are kept on
// the winner (Mention::beaten) for --explain. Before it, a sector word that
// overlaps a name ("Bank of China") gives way to the name. After it, a country
// named inside a longer organisation's name ("the U.S. Treasury") stays, nested.
//
//   resolve_overlaps(doc);  // doc.candidates -> doc.mentions, in text order
#pragma once
#include "core/document.hpp"

namespace news {
// true when `a` beats `b` under the policy
bool outranks(const Candidate& a, const Candidate& b);
void resolve_overlaps(Document& doc);
}
