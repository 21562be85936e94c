#include "extract/gazetteer/gazetteer.hpp"

#include <algorithm>

namespace news {

namespace {

// An alias written with capitals does not match an all-lower-case occurrence.
bool case_fits(const Document& doc, const RuleSet::FormMatchBits& f, size_t first, size_t end) {
  if (!f.needs_capital) return true;
  if (f.all_caps) {  // "FT", "SEC": not "Ft." or "Sec."
    for (size_t i = first; i < end; ++i) {
      const Token& t = doc.tokens[i];
      if (t.is_word && !t.is_digit && !t.is_all_upper) return false;
    }
    return true;
  }
  for (size_t i = first; i < end; ++i) {
    const Token& t = doc.tokens[i];
    if (t.is_word && !t.is_all_lower && !t.is_digit) return true;
  }
  return false;
}

std::string value_of(const RuleSet& rules, const FormEntry& f) {
  switch (f.type) {
    case MentionType::Actor: return rules.actors[f.entity].name;
    case MentionType::Country: return rules.countries[f.entity].code;
    case MentionType::Sector: return kStixSectors[f.entity];
    case MentionType::Operation: return rules.campaigns[f.entity].name;
    case MentionType::Tool: return rules.tools[f.entity].name;
    case MentionType::Date: return {};
  }
  return {};
}

}  // namespace

void match_gazetteers(Document& doc, const RuleSet& rules) {
  const auto& toks = doc.tokens;
  // The first stage to add candidates: room for about one per four tokens (mentions and the
  // candidates they beat come to about one per eight words in news; later stages add more), so
  // that a Candidate (a dozen strings) is not moved again at every doubling. Capped: a huge
  // article (over a megabyte) gets room for one per four bytes instead: capacity never written
  // costs no memory, while a vector of candidates that doubles holds both arrays for a time.
  const size_t room = doc.norm.size() > (size_t(1) << 20) ? doc.norm.size() / 4 : std::min<size_t>(toks.size() / 4 + 16, 8192);
  doc.candidates.reserve(doc.candidates.size() + room);
  std::vector<uint32_t> cyber_forms;  // the cyber terms (rules/context/cyber-terms.txt lines) seen so far
  doc.strong_cyber_sentence.assign(doc.sentences.size(), 0);
  for (size_t i = 0; i < toks.size(); ++i) {
    if (toks[i].vocab == 0) continue;
    // A form starts at a word boundary: not in the middle of "APT28" or after a letter-joined hyphen.
    uint32_t node = PhraseTrie::kRoot;
    for (size_t j = i; j < toks.size(); ++j) {
      if (toks[j].vocab == 0) break;
      node = rules.trie.child(node, toks[j].vocab);
      if (node == UINT32_MAX) break;
      for (uint32_t payload : rules.trie.payloads(node)) {
        const RuleSet::FormMatchBits& bits = rules.form_bits[payload];
        if (!case_fits(doc, bits, i, j + 1)) continue;
        if (bits.cue_list >= 0) {
          for (size_t k = i; k <= j; ++k) doc.cue_bits[k] |= uint16_t(1u << bits.cue_list);
          // distinct terms: one word said three times ("the attack ... an attack") is no cyber story
          if (bits.cue_list == kCyberTerms) {
            const bool strong = !bits.weak_cyber;
            if (strong) doc.strong_cyber_sentence[toks[i].sentence] = 1;
            if (std::find(cyber_forms.begin(), cyber_forms.end(), payload) == cyber_forms.end()) {
              cyber_forms.push_back(payload);
              ++doc.cyber_score;
              if (strong) ++doc.cyber_strong;
            }
          }
          continue;
        }
        const FormEntry& f = rules.forms[payload];
        Candidate c;
        c.type = f.type;
        c.start = toks[i].start;
        c.end = toks[j].end;
        c.rule = f.rule;
        c.entry = f.entity;
        c.form = payload;
        c.ambiguous = f.ambiguous;
        c.value = value_of(rules, f);
        if (f.type == MentionType::Actor) c.kind = rules.actors[f.entity].kind;
        // Known names outrank pattern matches (operation patterns use priorities below 100).
        c.priority = f.kind == FormKind::Name ? 120 : 110;
        doc.candidates.push_back(std::move(c));
      }
    }
  }
  doc.sentence_first_cue.assign(doc.sentences.size() * Document::kCueLists, UINT32_MAX);
  for (size_t t = 0; t < toks.size(); ++t) {
    if (!doc.cue_bits[t]) continue;
    for (int list = 0; list < Document::kCueLists; ++list) {
      if (!((doc.cue_bits[t] >> list) & 1)) continue;
      uint32_t& first = doc.sentence_first_cue[size_t(toks[t].sentence) * Document::kCueLists + size_t(list)];
      if (first == UINT32_MAX) first = uint32_t(t);
    }
  }
}

}  // namespace news
