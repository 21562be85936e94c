// UTF-8 text that was once read as Windows-1252 (or Latin-1) and written out again as UTF-8:
// "North Koreaâ€™s", "â€œLazarusâ€\u009d", "KrakÃ³w", "Â£3m". Scrapers and feeds that guess an
// encoding wrong leave it, and no rule is written with it. A run of characters is repaired when
// their Windows-1252 bytes are one valid UTF-8 character of more than one byte: a lead byte
// ("â", "Ã", "Â") and exactly the continuation bytes it asks for, and that character is one
// English news holds (Latin letters with marks, Greek, Cyrillic, punctuation, symbols, emoji).
// Text as written ("café", "Ørsted", "Göteborg", "São Paulo", "CAFÉ—", "café…»") stays as it is; so
// does a text with no run that leaves no doubt ("Ã©", "Â£", "â€™", "ðŸ”¥"). Mojibake made twice
// ("Ã¢â‚¬â„¢" for "’") is repaired by calling this twice. "â€" before anything
// that cannot continue it is "”" whose last byte (0x9D, which Windows-1252 leaves undefined) the
// first decoder dropped.
//
//   std::string out; icu::Edits edits;
//   if (repair_mojibake(text, out, edits)) ...;  // `edits` map `out` back to `text`
#pragma once

#include <string>
#include <string_view>

#include <unicode/edits.h>

namespace news {

// False (and nothing written) when the text holds no such run.
bool repair_mojibake(std::string_view text, std::string& out, icu::Edits& edits);

}  // namespace news
