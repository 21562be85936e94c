#include "resolve/sector_tiers.hpp"

#include <algorithm>
#include <unordered_set>

namespace news {

namespace {

// Where the words before token f end that a country may be: the token before it, or the name
// before a possessive ("Taiwan's government networks": the end of "Taiwan"). npos if none.
uint32_t country_end_before(const Document& doc, size_t f) {
  if (f == 0 || doc.tokens[f - 1].sentence != doc.tokens[f].sentence) return UINT32_MAX;
  if (f >= 3 && doc.folded_token(f - 1) == "s" && (doc.folded_token(f - 2) == "'" || doc.folded_token(f - 2) == "\u2019") &&
      doc.tokens[f - 3].sentence == doc.tokens[f].sentence)
    return doc.tokens[f - 3].end;
  return doc.tokens[f - 1].end;
}

}  // namespace

void set_sector_tiers(Document& doc, const RuleSet& rules) {
  if (rules.sector_tiers.empty()) return;
  std::unordered_set<uint32_t> country_ends;
  for (const auto& m : doc.mentions)
    if (m.type == MentionType::Country) country_ends.insert(m.end);
  for (auto& m : doc.mentions) {
    if (m.type != MentionType::Sector) continue;
    const size_t f = doc.token_starting_at(m.start);
    if (f == std::string::npos || f == 0) continue;
    for (const auto& tier : rules.sector_tiers) {
      if (m.value != tier.sector) continue;
      bool fits = false;
      std::string why;
      if (tier.after_country) {
        const uint32_t end = country_end_before(doc, f);
        fits = end != UINT32_MAX && country_ends.count(end) > 0;
        why = "a country right before it";
      } else if (doc.tokens[f - 1].sentence == doc.tokens[f].sentence) {
        const std::string_view before = doc.folded_token(f - 1);
        fits = std::find(tier.words.begin(), tier.words.end(), before) != tier.words.end();
        why = "'" + std::string(doc.token_text(doc.tokens[f - 1])) + "' before it";
      }
      if (!fits) continue;
      if (doc.options.explain) {
        m.cue = tier.tier + ", " + why + " (form " + rules.rule_location(m.rule) + ")" + (m.cue.empty() ? "" : "; " + m.cue);
      }
      m.value = tier.tier;
      m.rule = tier.rule;
      break;
    }
  }
}

}  // namespace news
