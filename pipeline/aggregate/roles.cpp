#include "aggregate/roles.hpp"

namespace news {

namespace {

class Roles {
 public:
  Roles(Document& doc, const RuleSet& rules) : doc_(doc), rules_(rules) {}

  void run() {
    for (auto& m : doc_.mentions)
      if (m.type == MentionType::Country) m.role = role_of(m);
  }

 private:
  Document& doc_;
  const RuleSet& rules_;

  size_t first(const Mention& m) const { return doc_.token_starting_at(m.start); }
  size_t last(const Mention& m) const { return doc_.token_ending_at(m.end); }

  bool cue_in(size_t from, size_t to, uint32_t sent, int list) const {
    for (size_t k = from; k < to && k < doc_.tokens.size(); ++k)
      if (doc_.tokens[k].sentence == sent && doc_.has_cue(k, list)) return true;
    return false;
  }

  bool sector_starts_at(size_t t) const {
    for (const auto& m : doc_.mentions)
      if (m.type == MentionType::Sector && doc_.token_starting_at(m.start) == t) return true;
    return false;
  }

  bool is_sector_or_victim_after(size_t t, uint32_t sent) const {
    // "Ukrainian power grid", "American and European businesses", "US companies"
    for (const auto& m : doc_.mentions) {
      if (m.type != MentionType::Sector) continue;
      const size_t f = doc_.token_starting_at(m.start);
      if (f != std::string::npos && f > t && f <= t + 4 && doc_.tokens[f].sentence == sent) return true;
    }
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
    for (const auto& o : doc_.mentions) {
      if (o.type != MentionType::Actor || o.entry == UINT32_MAX) continue;
      const auto& a = rules_.actors[o.entry];
      if (a.kind != "threat-group" || a.country != m.value) continue;
      const size_t of = doc_.token_starting_at(o.start);
      if (of != std::string::npos && doc_.tokens[of].sentence == sent) return "attribution";
    }
    if (is_sector_or_victim_after(l, sent)) return "target";
    // A target verb earlier in the sentence: "targeted banks in Germany", "attacks on Turkish ministries".
    if (cue_in(s.first_token, f, sent, kTargetCues)) return "target";
    return "mention";
  }
};

}  // namespace

void assign_roles(Document& doc, const RuleSet& rules) { Roles(doc, rules).run(); }

}  // namespace news
