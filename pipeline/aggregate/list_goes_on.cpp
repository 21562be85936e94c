#include "aggregate/list_goes_on.hpp"

#include "core/text.hpp"

namespace news {

namespace {

bool listing_verb(std::string_view w) { return one_of(w, {"include", "included", "includes", "were", "are"}); }

// The previous sentence has the folded word.
bool said_before(const Document& doc, uint32_t sent, std::string_view w) {
  const Sentence& s = doc.sentences[sent - 1];
  for (uint32_t k = s.first_token; k < s.end_token; ++k)
    if (doc.folded_token(k) == w) return true;
  return false;
}

}  // namespace

size_t list_goes_on(const Document& doc, uint32_t sent) {
  if (sent == 0) return std::string::npos;
  const Sentence& s = doc.sentences[sent];
  const size_t first = s.first_token;
  if (first + 1 >= s.end_token) return std::string::npos;
  const std::string_view lead = doc.folded_token(first);
  if (one_of(lead, {"they", "these", "those", "others"}) && listing_verb(doc.folded_token(first + 1))) return first + 1;
  if (!one_of(lead, {"these", "those"})) return std::string::npos;
  // (the noun itself names the things again, the words before it may describe them: "those smaller clients")
  for (size_t k = first + 1; k <= first + 3 && k + 1 < s.end_token; ++k) {
    if (!doc.tokens[k].is_all_lower) return std::string::npos;
    if (listing_verb(doc.folded_token(k + 1))) return said_before(doc, sent, doc.folded_token(k)) ? k + 1 : std::string::npos;
  }
  return std::string::npos;
}

}  // namespace news
