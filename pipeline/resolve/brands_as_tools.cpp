#include "resolve/brands_as_tools.hpp"

#include <algorithm>

namespace news {

namespace {

constexpr size_t kWordsBack = 5;  // from the brand back to the verb or noun of running it

bool malware_noun(const Document& doc, const RuleSet& rules, size_t k) {
  const Token& t = doc.tokens[k];
  return t.is_all_lower && rules.words->malware_nouns.has(t.vocab);
}

// The token of the malware noun the brand at mention `i` heads, over other brands listed with it
// ("the HelloKitty and Zeppelin ransomware"); npos if none. `list` gets the listed mentions.
size_t malware_noun_after(const Document& doc, const RuleSet& rules, const std::vector<size_t>& group_at, size_t l, std::vector<size_t>& list) {
  const uint32_t sent = doc.tokens[l].sentence;
  size_t k = l + 1;
  for (int members = 0; members < 4 && k + 1 < doc.tokens.size() && doc.tokens[k].sentence == sent &&
                        (doc.folded_token(k) == "and" || doc.folded_token(k) == ",") && group_at[k + 1] != std::string::npos;
       ++members) {
    const size_t next = group_at[k + 1];
    const size_t next_last = doc.token_ending_at(doc.mentions[next].end);
    if (next_last == std::string::npos) break;
    list.push_back(next);
    k = next_last + 1;
  }
  if (k >= doc.tokens.size() || doc.tokens[k].sentence != sent || !malware_noun(doc, rules, k)) return std::string::npos;
  // (not the crew or its operation: "the Zeppelin ransomware gang", "a LockBit ransomware attack")
  if (k + 1 < doc.tokens.size() && doc.tokens[k + 1].sentence == sent && doc.tokens[k + 1].is_all_lower &&
      (doc.has_cue(k + 1, kAttackerNouns) || doc.has_cue(k + 1, kTargetCues) || rules.words->crew_nouns.has(doc.tokens[k + 1].vocab) ||
       rules.words->operation_nouns.has(doc.tokens[k + 1].vocab)))
    return std::string::npos;
  return k;
}

// A word of running or copying malicious code within kWordsBack tokens before token f, over
// determiners and "of" (context/deployment-words.txt); npos if none.
size_t deployment_before(const Document& doc, const RuleSet& rules, size_t f) {
  const uint32_t sent = doc.tokens[f].sentence;
  for (size_t k = f; k >= 1 && k + kWordsBack >= f && doc.tokens[k - 1].sentence == sent; --k) {
    const Token& t = doc.tokens[k - 1];
    if (t.is_all_lower && rules.words->deployment_words.has(t.vocab)) return k - 1;
    const std::string_view w = doc.folded_token(k - 1);
    if (!(w == "the" || w == "a" || w == "an" || w == "its" || w == "their" || w == "of" || w == "own" || w == "new" || w == "custom" ||
          w == "modified" || w == "leaked" || w == "older" || w == "later"))
      return std::string::npos;
  }
  return std::string::npos;
}

}  // namespace

void brands_as_tools(Document& doc, const RuleSet& rules) {
  std::vector<size_t> groups;
  for (size_t i = 0; i < doc.mentions.size(); ++i)
    if (rules.is_group(doc.mentions[i]) && doc.mentions[i].entry != UINT32_MAX && rules.actors[doc.mentions[i].entry].motivation == "criminal")
      groups.push_back(i);
  if (groups.empty()) return;
  std::vector<size_t> group_at(doc.tokens.size() + 1, std::string::npos);  // first token -> criminal group mention
  for (size_t i : groups)
    if (const size_t f = doc.token_starting_at(doc.mentions[i].start); f != std::string::npos) group_at[f] = i;
  std::vector<size_t> to_tool;
  for (size_t i : groups) {
    const Mention& m = doc.mentions[i];
    const size_t f = doc.token_starting_at(m.start), l = doc.token_ending_at(m.end);
    if (f == std::string::npos || l == std::string::npos || doc.in_title(m.start)) continue;
    std::vector<size_t> list{i};
    if (malware_noun_after(doc, rules, group_at, l, list) == std::string::npos) continue;
    const size_t verb = deployment_before(doc, rules, f);
    if (verb == std::string::npos) continue;
    // the group that ran it: the last other group the text names before the verb (in the sentence or
    // the ones before: "the group" of "the group has relied on versions of ...")
    std::vector<std::string> listed_names;
    for (size_t j : list) listed_names.push_back(doc.mentions[j].value);
    const Mention* user = nullptr;
    for (const auto& o : doc.mentions)
      if (rules.is_group(o) && o.start < doc.tokens[verb].start && !doc.in_title(o.start) &&
          std::find(listed_names.begin(), listed_names.end(), o.value) == listed_names.end() && (!user || o.start > user->start))
        user = &o;
    if (!user) continue;
    to_tool.insert(to_tool.end(), list.begin(), list.end());
  }
  for (size_t i : to_tool) {
    Mention& m = doc.mentions[i];
    if (m.type != MentionType::Actor) continue;
    if (doc.options.explain) m.cue = "a brand another group ran (" + rules.rule_location(m.rule) + ")" + (m.cue.empty() ? "" : "; " + m.cue);
    m.type = MentionType::Tool;
    m.entry = UINT32_MAX;
    m.kind = "malware";
  }
}

}  // namespace news
