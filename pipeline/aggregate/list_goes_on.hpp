#pragma once
// A sentence that opens by listing what the sentence before told of: "They included an energy
// trade association", "Those clients included banks, telecoms and carmakers" (after "broke into
// the providers to reach the networks of their clients"). Shared by the role and relation finders,
// which ask whether the sentence before tells of an attack.

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/document.hpp"

namespace news {

// The token of the listing verb ("included", "were"), npos when the sentence does not open so.
// Also "Among them were", "Among those hit was", "Among the victims are".
// "They", "These", "Those", "Others" alone, or "these"/"those" with up to three lower-case words whose
// last the sentence before also has ("those clients", "these smaller firms": the same things, named again).
size_t list_goes_on(const Document& doc, uint32_t sent);

// For a bullet item ("- banks and insurers;", "• the Ministry of Defence", "2. JAXA") of a list that a
// sentence ending in a colon opens ("Among those they went after:"), that sentence; npos otherwise.
// The items before it (and the further sentences of an item) lie between the two.
size_t bullet_list_lead(const Document& doc, uint32_t sent);

}  // namespace news
