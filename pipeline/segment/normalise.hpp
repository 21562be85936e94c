// Stage: validate and normalise the article's title and text.
//
//   normalise(doc);  // fills doc.norm, doc.offsets, doc.body_start, doc.anchor
//
// Invalid UTF-8 is an error of the article (code "invalid-utf8"); text that
// is not in NFC is normalised, with the map back to the original kept.
#pragma once
#include "core/document.hpp"

namespace news {
void normalise(Document& doc);
// The line breaks of norm[from...] inside the sentences of hard-wrapped text, as spaces.
void join_wrapped_lines(std::string& norm, size_t from);
}
