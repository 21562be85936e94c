#include "resolve/declared_aliases.hpp"

#include <algorithm>
#include <map>

namespace news {

namespace {

constexpr size_t kMaxGap = 22;  // tokens between the two names

// The words between the end of one group's name (token a) and the start of the next (token b)
// declare them one name and another: a word of context/alias-words.txt, no word that sets them
// apart or joins two (context/alias-breakers.txt: "and", "overlaps", "unlike").
// `better`: the later name is called the better known.
bool declares_alias(const Document& doc, const RuleSet& rules, size_t a, size_t b, bool& better) {
  bool alias = false;
  better = false;
  for (size_t k = a + 1; k < b; ++k) {
    const Token& t = doc.tokens[k];
    if (rules.words->alias_breakers.has(t.vocab)) return false;
    if (t.is_all_lower && rules.words->alias_words.has(t.vocab)) alias = true;
    if (doc.folded_token(k) == "better") better = true;
  }
  return alias;
}

}  // namespace

void merge_declared_aliases(Document& doc, const RuleSet& rules) {
  // the groups' mentions in text order
  std::vector<size_t> groups;
  for (size_t i = 0; i < doc.mentions.size(); ++i)
    if (rules.is_group(doc.mentions[i])) groups.push_back(i);
  if (groups.size() < 2) return;
  std::sort(groups.begin(), groups.end(), [&](size_t x, size_t y) { return doc.mentions[x].start < doc.mentions[y].start; });
  std::map<std::string, int> times;
  for (size_t i : groups) ++times[doc.mentions[i].value];
  std::map<std::string, std::string> renamed;  // value -> the value it merges into
  auto root = [&](std::string v) {
    for (int n = 0; n < 8 && renamed.count(v); ++n) v = renamed[v];
    return v;
  };
  for (size_t g = 0; g + 1 < groups.size(); ++g) {
    const Mention& x = doc.mentions[groups[g]];
    const Mention& y = doc.mentions[groups[g + 1]];
    const size_t a = doc.token_ending_at(x.end), b = doc.token_starting_at(y.start);
    if (a == std::string::npos || b == std::string::npos || b <= a || b - a > kMaxGap || doc.tokens[a].sentence != doc.tokens[b].sentence) continue;
    const std::string rx = root(x.value), ry = root(y.value);
    if (rx == ry) continue;
    bool better = false;
    if (!declares_alias(doc, rules, a, b, better)) continue;
    // the name kept: the one called better known, else the one the article uses more, else the first
    const bool keep_y = better || times[ry] > times[rx];
    if (keep_y) renamed[rx] = ry;
    else renamed[ry] = rx;
  }
  if (renamed.empty()) return;
  // the entry and kind of each kept name, from one of its mentions
  std::map<std::string, const Mention*> kept;
  for (size_t i : groups) kept.try_emplace(doc.mentions[i].value, &doc.mentions[i]);
  for (auto& m : doc.mentions) {
    if (!rules.is_group(m) || !renamed.count(m.value)) continue;
    const Mention* into = kept[root(m.value)];
    if (doc.options.explain) m.cue += (m.cue.empty() ? "" : "; ") + std::string("named in the text as another name of ") + into->value;
    m.value = into->value;
    m.entry = into->entry;
    m.kind = into->kind;
    m.country = into->country;
  }
}

}  // namespace news
