// Markup left in an article's plain text by whatever made it: HTML tags a scraper did not strip
// ("<p>", "<a href=...>Mandiant</a>", "<!-- ad -->") and Markdown from converters that write it
// ("**Lazarus Group**", "[Mandiant](https://...)", "## Heading"). Read as the text they mark up:
// a tag of a block (<p>, <li>, <br>) as a line break, any other tag, emphasis and link syntax as
// nothing. Only HTML's own element names count as tags ("a < b", "<Lazarus>" stay), and emphasis
// only where it opens or closes a word ("info_efi", "5 * 3" and "* item" stay).
//
//   std::string out; icu::Edits edits;
//   if (strip_markup_residue(text, out, edits)) ...;  // `edits` map `out` back to `text`
//
// Linear in the text: every look-ahead stops at the next '<', '[' or line break.
#pragma once

#include <string>
#include <string_view>

#include <unicode/edits.h>

namespace news {

// False (and nothing written) when the text holds no markup.
bool strip_markup_residue(std::string_view text, std::string& out, icu::Edits& edits);

}  // namespace news
