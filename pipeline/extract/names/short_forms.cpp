#include "extract/names/short_forms.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace news {

namespace {

// An organisation's name of two or more words whose last word is a capitalised word (not an
// acronym): that word, as written; empty otherwise.
std::string_view last_word(const Document& doc, const Candidate& c) {
  const size_t f = doc.token_starting_at(c.start), l = doc.token_ending_at(c.end);
  if (f == std::string::npos || l == std::string::npos || l <= f) return {};
  const Token& t = doc.tokens[l];
  if (!t.is_word || !t.is_upper_initial || t.is_all_upper || t.end - t.start < 4) return {};
  return doc.token_text(t);
}

}  // namespace

void find_short_forms(Document& doc, const RuleSet& /*rules: the stage signature; the candidates hold all it needs*/) {
  // The organisations of the article by the last word of their names; a word two of them share
  // ("the Agency" after the National Security Agency and CISA's full name) refers to neither.
  struct Named {
    size_t candidate;
    uint32_t first_end;  // where the name is first written: a short form refers back only
    bool shared = false;
  };
  std::unordered_map<std::string_view, Named> by_last_word;
  for (size_t i = 0; i < doc.candidates.size(); ++i) {
    const Candidate& c = doc.candidates[i];
    if (c.type != MentionType::Actor || c.ambiguous || !(c.kind == "organization" || c.kind == "government")) continue;
    const std::string_view w = last_word(doc, c);
    if (w.empty()) continue;
    auto [it, fresh] = by_last_word.try_emplace(w, Named{i, c.end});
    if (fresh) continue;
    if (doc.candidates[it->second.candidate].value != c.value) it->second.shared = true;
    it->second.first_end = std::min(it->second.first_end, c.end);
  }
  if (by_last_word.empty()) return;
  // "the Clearinghouse said", "The Library has": "the", the word, and no more name after it
  std::vector<Candidate> added;
  for (size_t k = 1; k + 1 < doc.tokens.size(); ++k) {
    const Token& t = doc.tokens[k];
    if (!t.is_word || !t.is_upper_initial || t.is_all_upper) continue;
    const auto it = by_last_word.find(doc.token_text(t));
    if (it == by_last_word.end() || it->second.shared || t.start < it->second.first_end) continue;
    if (doc.folded_token(k - 1) != "the" || doc.tokens[k - 1].sentence != t.sentence) continue;
    const Token& next = doc.tokens[k + 1];
    if (next.sentence == t.sentence && next.is_word && (next.is_upper_initial || doc.folded_token(k + 1) == "of")) continue;
    Candidate c = doc.candidates[it->second.candidate];
    c.start = t.start;
    c.end = t.end;
    c.priority -= 2;
    c.cue = "short form of " + c.value;
    added.push_back(std::move(c));
  }
  for (auto& c : added) doc.candidates.push_back(std::move(c));
}

}  // namespace news
