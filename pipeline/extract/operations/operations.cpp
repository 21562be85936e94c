#include "extract/operations/operations.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace news {

namespace {

// True when tokens [first, last] are exactly a known actor, tool or country
// ("what Microsoft calls Volt Typhoon", "the Russian hacking campaign").
bool names_something_else(const Document& doc, const RuleSet& rules, size_t first, size_t last) {
  uint32_t node = PhraseTrie::kRoot;
  for (size_t t = first; t <= last; ++t) {
    if (doc.tokens[t].vocab == 0) return false;
    node = rules.trie.child(node, doc.tokens[t].vocab);
    if (node == UINT32_MAX) return false;
  }
  for (uint32_t payload : rules.trie.payloads(node)) {
    const FormEntry& f = rules.forms[payload];
    if (f.cue_list < 0 && (f.type == MentionType::Actor || f.type == MentionType::Tool || f.type == MentionType::Country))
      return true;
  }
  return false;
}

}  // namespace

bool cyber_news(const Document& doc, const RuleSet& rules) {
  if (enough_cyber_terms(doc)) return true;
  return std::any_of(doc.mentions.begin(), doc.mentions.end(), [&](const Mention& m) {
    if (m.entry == UINT32_MAX) return false;
    return m.type == MentionType::Operation || (m.type == MentionType::Actor && rules.actors[m.entry].kind == "threat-group") ||
           m.type == MentionType::Tool;
  });
}

// "Microsoft, which tracks the company under the codename Sourgum": a vendor's name for an actor
// it tracks, not a campaign. A verb of rules/context/tracking-verbs.txt shortly before the pattern's
// match (which starts at token `match_first`) in the sentence of the name's first token `first`.
bool tracking_name(const Document& doc, const ContextWords& words, size_t match_first, size_t first) {
  if (match_first == std::string::npos) match_first = first;
  const uint32_t sent = doc.tokens[first].sentence;
  // (not over a word for a campaign: "has tracked a long-running malware campaign called Balada Injector")
  for (size_t k = first, n = 0; k > 0 && n < 10 && doc.tokens[k - 1].sentence == sent; --k, ++n) {
    if (words.operation_nouns.has(doc.tokens[k - 1].vocab)) return false;
    if (k <= match_first && words.tracking_verbs.has(doc.tokens[k - 1].vocab)) return true;
  }
  return false;
}

void find_operations(Document& doc, const RuleSet& rules) {
  if (doc.cyber_score == 0) return;  // evidence (weigh_evidence) later asks for cyber context per sentence
  const re2::StringPiece text(doc.norm);
  // Line by line, the set tells which patterns may match; a pattern that cannot cross lines runs
  // over those lines only, the others over the whole text (PatternLines, as the name patterns).
  thread_local PatternLines by_line;
  by_line.find(rules.operation_prefilter.get(), rules.operation_prefilter_blank, rules.operation_patterns.size(), text, 0);
  std::vector<re2::StringPiece> m;
  for (size_t idx = 0, hit = 0; idx < rules.operation_patterns.size(); ++idx) {
    const size_t first_hit = hit;
    hit = by_line.end_of(int(idx), hit);
    const auto& op = rules.operation_patterns[idx];
    const int group = op.name_group;
    const int ngroups = op.re->NumberOfCapturingGroups() + 1;
    m.assign(size_t(ngroups), {});
    size_t pos = 0, line = first_hit;
    while (by_line.next_match(*op.re, text, op.may_cross_lines, line, hit, pos, m.data(), ngroups)) {
      const size_t whole_end = size_t(m[0].data() - doc.norm.data()) + m[0].size();
      pos = whole_end > pos ? whole_end : pos + 1;
      if (m[group].data() == nullptr || m[group].empty()) continue;
      uint32_t s = uint32_t(m[group].data() - doc.norm.data());
      uint32_t e = s + uint32_t(m[group].size());
      // Snap to tokens; drop a trailing possessive or punctuation.
      const size_t first = doc.token_starting_at(s);
      size_t last = doc.token_ending_at(e);
      if (first == std::string::npos || last == std::string::npos) continue;
      while (last > first && !doc.tokens[last].is_word) --last;
      e = doc.tokens[last].end;
      if (names_something_else(doc, rules, first, last)) continue;
      // a day or month ("called the operation Monday"), or a possessive ("called the campaign Russia's
      // revenge"): no name
      if (first == last && rules.is_calendar_word(doc.tokens[first].vocab)) continue;
      if (last >= first + 2 && doc.folded_token(last) == "s" && one_of(doc.token_text(doc.tokens[last - 1]), {"'", "\u2019"})) continue;
      // "the Beijing-backed espionage campaign": an adjective, not the campaign's name
      if (last >= first + 2 && doc.token_text(doc.tokens[last - 1]) == "-" &&
          rules.words->compound_adjective_tails.has(doc.tokens[last].vocab))
        continue;
      if (tracking_name(doc, *rules.words, size_t(doc.token_starting_at(uint32_t(m[0].data() - doc.norm.data()))), first)) continue;
      Candidate c;
      c.type = MentionType::Operation;
      c.start = s;
      c.end = e;
      c.priority = op.priority;
      c.rule = op.rule;
      c.value = std::string(doc.span(s, e));
      c.cue = "pattern " + op.id;
      doc.candidates.push_back(std::move(c));
    }
  }
}

}  // namespace news
