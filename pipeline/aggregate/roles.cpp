#include "aggregate/roles.hpp"

#include <set>

namespace news {

namespace {

class Roles {
 public:
  Roles(Document& doc, const RuleSet& rules) : doc_(doc), rules_(rules) {
    sector_start_.assign(doc.tokens.size(), false);
    for (const auto& m : doc.mentions) {
      const size_t f = doc.token_starting_at(m.start);
      if (f == std::string::npos) continue;
      if (m.type == MentionType::Sector) sector_start_[f] = true;
      if (m.type == MentionType::Actor && m.entry != UINT32_MAX && rules.actors[m.entry].kind == "threat-group" &&
          !rules.actors[m.entry].country.empty())
        group_countries_.insert({doc.tokens[f].sentence, rules.actors[m.entry].country});
    }
  }

  void run() {
    for (auto& m : doc_.mentions)
      if (m.type == MentionType::Country) m.role = role_of(m);
  }

 private:
  Document& doc_;
  const RuleSet& rules_;
  std::vector<bool> sector_start_;                          // per token: a sector mention starts here
  std::set<std::pair<uint32_t, std::string>> group_countries_;  // (sentence, home of a group named there)

  size_t first(const Mention& m) const { return doc_.token_starting_at(m.start); }
  size_t last(const Mention& m) const { return doc_.token_ending_at(m.end); }

  bool cue_in(size_t from, size_t to, uint32_t sent, int list) const {
    for (size_t k = from; k < to && k < doc_.tokens.size(); ++k)
      if (doc_.tokens[k].sentence == sent && doc_.has_cue(k, list)) return true;
    return false;
  }

  bool sector_starts_at(size_t t) const { return t < sector_start_.size() && sector_start_[t]; }

  bool is_sector_or_victim_after(size_t t, uint32_t sent) const {
    // "Ukrainian power grid", "American and European businesses", "US companies"
    for (size_t f = t + 1; f <= t + 4 && f < doc_.tokens.size() && doc_.tokens[f].sentence == sent; ++f)
      if (sector_start_[f]) return true;
    return cue_in(t + 1, t + 4, sent, kTargetCues) && !cue_in(t + 1, t + 4, sent, kGroupCues);
  }

  static bool victim_preposition(std::string_view w) {
    return w == "in" || w == "against" || w == "on" || w == "at" || w == "across" || w == "throughout" || w == "into" ||
           w == "inside" || w == "within";
  }

  std::string role_of(const Mention& m) const {
    const size_t f = first(m), l = last(m);
    if (f == std::string::npos || l == std::string::npos) return "mention";
    const uint32_t sent = doc_.tokens[f].sentence;
    const Sentence& s = doc_.sentences[sent];
    // "-linked", "-backed" glued after the name; "linked to", "backed by" before it.
    if (l + 2 < doc_.tokens.size() && doc_.token_text(doc_.tokens[l + 1]) == "-" && doc_.has_cue(l + 2, kAttributionCues))
      return "attribution";
    if (f >= 1 && cue_in(f >= 4 ? f - 4 : 0, f, sent, kAttributionCues)) return "attribution";
    // "North Korean hackers", "a Russian group", "China's military", "Chinese state-sponsored actors":
    // an attacker noun right after the country, before any victim noun.
    for (size_t k = l + 1; k < doc_.tokens.size() && k <= l + 3 && doc_.tokens[k].sentence == sent; ++k) {
      if (sector_starts_at(k)) break;
      if (doc_.has_cue(k, kAttackerNouns) || doc_.has_cue(k, kGroupCues)) return "attribution";
    }
    // The home of a threat group named in the same sentence.
    if (group_countries_.count({sent, m.value})) return "attribution";
    if (is_sector_or_victim_after(l, sent)) return "target";
    // A target verb earlier in the sentence: "targeted banks in Germany", "attacks on Turkish ministries".
    if (doc_.cue_before_in_sentence(f, kTargetCues)) return "target";
    return "mention";
  }
};

}  // namespace

void assign_roles(Document& doc, const RuleSet& rules) { Roles(doc, rules).run(); }

}  // namespace news
