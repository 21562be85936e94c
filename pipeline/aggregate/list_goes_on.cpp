#include "aggregate/list_goes_on.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace news {

namespace {

bool listing_verb(std::string_view w) { return one_of(w, {"include", "included", "includes", "were", "are"}); }

// A verb that places what the sentence before told of in its fields, at token k: "Those clients
// worked in banking, telecommunications and mining", "They spanned energy and defence".
bool placing_verb(const Document& doc, size_t k, size_t end) {
  const std::string_view w = doc.folded_token(k);
  if (one_of(w, {"span", "spanned", "spans", "covered"})) return true;
  if (k + 1 >= end) return false;
  const std::string_view next = doc.folded_token(k + 1);
  return (one_of(w, {"worked", "work", "operate", "operated", "operating"}) && next == "in") || (w == "came" && next == "from");
}

// The previous sentence has the folded word.
bool said_before(const Document& doc, uint32_t sent, std::string_view w) {
  const Sentence& s = doc.sentences[sent - 1];
  for (uint32_t k = s.first_token; k < s.end_token; ++k)
    if (doc.folded_token(k) == w) return true;
  return false;
}

// The sentence opens a line of the body (the title is no list). A long run of blanks before it is
// layout, read as a line's indent (and costs no more than kIndent bytes however long).
bool opens_a_line(const Document& doc, uint32_t sent) {
  constexpr uint32_t kIndent = 64;
  const uint32_t start = doc.tokens[doc.sentences[sent].first_token].start;
  if (doc.in_title(start)) return false;
  uint32_t b = start;
  while (b > doc.body_start && (doc.norm[b - 1] == ' ' || doc.norm[b - 1] == '\t'))
    if (start - --b >= kIndent) return true;
  return b == doc.body_start || doc.norm[b - 1] == '\n';
}

// The sentence is a list item: its line opened with a bullet or a number, which the boilerplate
// stage blanked (Document::list_items).
bool bullet_item(const Document& doc, uint32_t sent) {
  const Sentence& s = doc.sentences[sent];
  if (s.first_token == s.end_token) return false;
  const uint32_t start = doc.tokens[s.first_token].start;
  return std::binary_search(doc.list_items.begin(), doc.list_items.end(), start);
}

constexpr uint32_t kListItemsBack = 40;  // sentences back to the colon at most: items of a list, each a sentence or more

}  // namespace

size_t bullet_list_lead(const Document& doc, uint32_t sent) {
  if (!bullet_item(doc, sent)) return std::string::npos;
  for (uint32_t k = sent; k > 0 && sent - k < kListItemsBack; --k) {
    const uint32_t before = k - 1;
    const Sentence& s = doc.sentences[before];
    if (s.end_token == s.first_token || doc.in_title(doc.tokens[s.first_token].start)) return std::string::npos;
    if (doc.token_text(doc.tokens[s.end_token - 1]) == ":") return before;
    // an earlier item, or a further sentence of one (which opens no line)
    if (!bullet_item(doc, before) && opens_a_line(doc, before)) return std::string::npos;
  }
  return std::string::npos;
}

size_t list_goes_on(const Document& doc, uint32_t sent) {
  if (sent == 0) return std::string::npos;
  const Sentence& s = doc.sentences[sent];
  const size_t first = s.first_token;
  if (first + 1 >= s.end_token) return std::string::npos;
  const std::string_view lead = doc.folded_token(first);
  if (one_of(lead, {"they", "these", "those", "others"}) &&
      (listing_verb(doc.folded_token(first + 1)) || placing_verb(doc, first + 1, s.end_token)))
    return first + 1;
  // "Among them were", "Among those hit was", "Among the victims are"
  if (lead == "among") {
    size_t k = first + 1;
    if (k < s.end_token && doc.folded_token(k) == "the") ++k;
    // (the things the sentence before told of, named again: "Among the agencies were", not "Among
    // the documents were" after a sentence about agencies)
    if (k + 1 < s.end_token && (one_of(doc.folded_token(k), {"them", "those", "these", "victims", "targets"}) ||
                                (doc.tokens[k].is_all_lower && said_before(doc, sent, doc.folded_token(k))))) {
      ++k;
      if (k + 1 < s.end_token && doc.tokens[k].is_all_lower && !one_of(doc.folded_token(k), {"were", "was", "are", "is"})) ++k;  // "those hit"
      if (k < s.end_token && one_of(doc.folded_token(k), {"were", "was", "are", "is"})) return k;
    }
    return std::string::npos;
  }
  if (!one_of(lead, {"these", "those"})) return std::string::npos;
  // (the noun itself names the things again, the words before it may describe them: "those smaller clients")
  for (size_t k = first + 1; k <= first + 3 && k + 1 < s.end_token; ++k) {
    if (!doc.tokens[k].is_all_lower) return std::string::npos;
    if (listing_verb(doc.folded_token(k + 1)) || placing_verb(doc, k + 1, s.end_token))
      return said_before(doc, sent, doc.folded_token(k)) ? k + 1 : std::string::npos;
  }
  return std::string::npos;
}

}  // namespace news
