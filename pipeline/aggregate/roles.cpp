#include "aggregate/roles.hpp"

#include <algorithm>
#include <set>

#include "aggregate/list_goes_on.hpp"
#include "aggregate/sentence_memo.hpp"
#include "core/text.hpp"
#include "extract/operations/operations.hpp"

namespace news {

namespace {

bool determiner(std::string_view w) { return one_of(w, {"the", "a", "an", "its", "their", "his", "her"}); }
bool list_joint(std::string_view w) { return one_of(w, {",", "and", "or", "as", "well", "also", "even"}); }
bool victim_preposition(std::string_view w) {
  return one_of(w, {"in", "against", "on", "at", "across", "throughout", "into", "inside", "within"});
}
bool link_preposition(std::string_view w) { return one_of(w, {"to", "by", "of", "for", "from", "in", "with", "at"}); }
bool phrase_stop(std::string_view w) {
  return one_of(w, {"on", "into", "against", "over", "about", "after", "before", "across", "under", "through", "including",
                    "while", "when", "since", "than", "that", "who", "which", "whose", "where", "said", "says", "say",
                    "told", "tells", "reported", "warned", "added", "but", "not", "it", "they", "he", "she", "we",
                    "denied", "denies", "deny", "rejected", "rejects", "condemned", "praised", "carrying", "claimed",
                    "blamed", "accused", "declined"});
}
bool be_verb(std::string_view w) {
  return one_of(w, {"was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "also", "reportedly", "allegedly"});
}

// How far before "in/on/at X" a victim noun may stand to make X the victims' place ("media groups
// in Seoul"; not "media groups, angry at their coverage of a festival in Pyongyang"). Attack
// words reach the whole clause.
constexpr size_t kVictimNounReach = 8;

class Roles {
 public:
  Roles(Document& doc, const RuleSet& rules)
      : doc_(doc), rules_(rules), words_(*rules.words) {
    sector_start_.assign(doc.tokens.size(), false);
    group_end_.assign(doc.tokens.size(), false);
    group_start_.assign(doc.tokens.size(), false);
    org_start_.assign(doc.tokens.size(), false);
    org_token_.assign(doc.tokens.size(), false);
    observer_start_.assign(doc.tokens.size(), false);
    vendor_start_.assign(doc.tokens.size(), false);
    date_token_.assign(doc.tokens.size(), false);
    body_end_.assign(doc.tokens.size(), false);
    spyware_start_.assign(doc.tokens.size(), false);
    for (const auto& m : doc.mentions) {
      const size_t f = doc.token_starting_at(m.start);
      if (f == std::string::npos) continue;
      // (an observer's: a vendor, an outlet, or a body the sentence cites, "according to", "a report
      // from", "shared through")
      if (m.type == MentionType::Actor && !rules.is_group(m) &&
          (one_of(rules.actor_kind(m), {"security-vendor", "media"}) ||
           (f >= 2 && one_of(doc.folded_token(f - 1), {"through", "to"}) && one_of(doc.folded_token(f - 2), {"shared", "published", "according"})) ||
           (f >= 2 && doc.folded_token(f - 1) == "from" && listed(f - 2, words_.report_nouns))))
        if (const size_t l = doc.token_ending_at(m.end); l != std::string::npos) body_end_[l] = true;
      if (m.type == MentionType::Date)
        doc.mark_tokens(m.start, m.end, date_token_);
      if (m.type == MentionType::Sector) sector_start_[f] = true;
      if (mercenary_or_its_spyware(m)) spyware_start_[f] = true;
      if (m.type == MentionType::Actor && m.entry != UINT32_MAX) {
        if (rules.actors[m.entry].kind != "threat-group") {
          org_start_[f] = true;
          doc.mark_tokens(m.start, m.end, org_token_);
        }
        if (rules.actors[m.entry].kind == "security-vendor") vendor_start_[f] = true;
        if (rules.actors[m.entry].kind == "security-vendor" || rules.actors[m.entry].kind == "media") observer_start_[f] = true;
        else if (const size_t l = doc.token_ending_at(m.end); l != std::string::npos) group_end_[l] = true;
        if (rules.actors[m.entry].kind == "threat-group") group_start_[f] = true;
      }
      // (and of a mercenary, a company selling spyware or hacking: "the Israeli spyware maker NSO Group")
      if (m.type == MentionType::Actor && m.entry != UINT32_MAX && (rules.is_group(m) || rules.is_mercenary(m)) &&
          !rules.actors[m.entry].country.empty())
        (rules.actors[m.entry].motivation == "criminal" ? criminal_group_countries_ : group_countries_)
            .insert({doc.tokens[f].sentence, rules.actors[m.entry].country});
    }
    spyware_sentence_.assign(doc.sentences.size(), false);
    for (size_t k = 0; k < doc.tokens.size(); ++k)
      if (spyware_at(k)) spyware_sentence_[doc.tokens[k].sentence] = true;
    cyber_ = cyber_news(doc, rules);
    dateline_end_ = dateline_end();
  }

  void run() {
    std::set<std::string> attribution;  // countries read as an attacker's somewhere in the article
    std::vector<Mention*> weak;          // target readings that rest only on an attack word in the sentence
    for (auto& m : doc_.mentions) {
      if (m.type != MentionType::Country && m.type != MentionType::Sector) continue;
      std::string why;
      bool weak_target = false;  // a target reading that rests only on an attack word in the sentence
      m.role = m.type == MentionType::Country ? role_of(m, why, weak_target, m.suspect_nationality) : sector_role(m, why);
      m.role_by_default = m.role == "mention" && why.empty();
      if (m.type == MentionType::Country) m.dateline_place = in_dateline(m);
      if (doc_.options.explain && !why.empty()) m.cue += (m.cue.empty() ? "" : "; ") + ("role: " + why);
      if (m.type != MentionType::Country) continue;
      if (m.role == "attribution") attribution.insert(m.value);
      if (m.role == "target" && weak_target) weak.push_back(&m);
    }
    // The attackers' own country is no victim on that evidence alone: "spying on German industry
    // fitted China's economic goals", "a North Korean trading company ... over WannaCry"
    for (Mention* m : weak)
      if (attribution.count(m->value)) {
        m->role = "mention";
        if (doc_.options.explain) m->cue += "; role: the attackers' country elsewhere, only an attack word in the sentence here";
      }
  }

 private:
  Document& doc_;
  const RuleSet& rules_;
  const ContextWords& words_;  // rules/context word lists
  bool cyber_ = false;
  size_t dateline_end_ = 0;  // dateline_end(), found once
  std::vector<bool> sector_start_;                              // per token: a sector mention starts here
  std::vector<bool> group_end_;                                 // per token: a threat group's name ends here
  std::vector<bool> group_start_;                               // per token: a threat group's name starts here
  std::vector<bool> org_start_;                                 // per token: another actor's name starts here
  std::vector<bool> org_token_;                                 // per token: inside another actor's name
  std::vector<bool> spyware_start_;                             // per token: a mercenary's or its spyware's name starts here
  std::vector<bool> spyware_sentence_;                          // per sentence: it names one, or says "spyware"
  std::vector<bool> date_token_;                                // per token: part of a date ("on Monday published")
  std::vector<bool> body_end_;                                  // per token: the name of an observer or a cited body ends here
  std::vector<bool> observer_start_;                            // per token: a vendor's or outlet's name starts here
  std::vector<bool> vendor_start_;                              // per token: a security vendor's name starts here
  std::set<std::pair<uint32_t, std::string>> group_countries_;  // (sentence, home of a group named there)
  std::set<std::pair<uint32_t, std::string>> criminal_group_countries_;  // the same for crews of criminals

  bool in_sentence(size_t k, uint32_t sent) const { return k < doc_.tokens.size() && doc_.tokens[k].sentence == sent; }
  // A vendor's or outlet's name in the country's phrase (ending at `end`): its home, "the British
  // security company NCC Group".
  bool observer_org_after(size_t l, size_t end) const { return any_of_tokens(observer_start_, l + 1, end); }
  // The verb whose subject the country's phrase (or the list it ends) is, npos if none.
  size_t subject_verb_after(size_t l, uint32_t sent) const { return verb_after(list_end(l, sent), sent); }
  // The dateline that opens the body: capitalised words, commas, dots and a day, then a spaced
  // dash or, after capitals only, a colon ("MANILA — The Philippine government", "KYIV, Ukraine —",
  // "LONDON, Nov 30 -", "MANAMA: Bahrain Petroleum"). Its city is where the reporter files from,
  // not the country's government. The token of its dash or colon, 0 when the body opens with none.
  size_t dateline_end() const {
    constexpr size_t kDatelineTokens = 8;
    const size_t first = size_t(std::partition_point(doc_.tokens.begin(), doc_.tokens.end(),
                                                     [&](const Token& t) { return doc_.in_title(t.start); }) -
                                doc_.tokens.begin());
    bool capitals = true;
    for (size_t k = first; k < doc_.tokens.size() && k < first + kDatelineTokens; ++k) {
      const Token& t = doc_.tokens[k];
      const std::string_view w = doc_.token_text(t);
      if (k > first && one_of(w, {"-", "—", "–", "--"}) && t.space_before) return k;
      if (k > first && w == ":" && capitals) return k;
      if (!(t.is_upper_initial || t.is_all_upper || t.is_digit || w == "," || w == ".")) return 0;
      capitals = capitals && (t.is_all_upper || !t.is_word);
    }
    return 0;
  }
  bool in_dateline(const Mention& m) const {
    const size_t f = doc_.token_starting_at(m.start);
    return f != std::string::npos && !doc_.in_title(m.start) && f < dateline_end_;
  }
  // The attack word of the sentence that opens the list whose item `sent` is ("Among those they went
  // after:" ... "- journalists in Uzbekistan;"), npos if `sent` is no such item: asked once per sentence.
  size_t attack_list_word(uint32_t sent) const {
    return attack_list_word_.ask(doc_, sent, [&](const Sentence&) {
      const size_t lead = bullet_list_lead(doc_, sent);
      return lead == std::string::npos ? std::string::npos : attack_word_in(uint32_t(lead));
    });
  }
  // Whether a per-token flag is set on any token of [from, to].
  static bool any_of_tokens(const std::vector<bool>& flags, size_t from, size_t to) {
    for (size_t k = from; k <= to && k < flags.size(); ++k)
      if (flags[k]) return true;
    return false;
  }
  std::string_view word(size_t k) const { return doc_.folded_token(k); }
  bool listed(size_t k, const WordList& l) const { return k < doc_.tokens.size() && l.has(doc_.tokens[k].vocab); }
  // Verbs after a country's noun phrase that make it the speaker ("Israel's military said").
  bool speaker_verb(size_t k) const { return listed(k, words_.country_speaker_verbs); }
  // "US threat intelligence company", "Dutch security company Fox-IT"
  bool vendor_word(size_t k) const { return listed(k, words_.vendor_words); }
  bool cue(size_t k, int list) const { return doc_.has_cue(k, list); }
  bool sector_at(size_t k) const { return k < sector_start_.size() && sector_start_[k]; }
  bool victim_at(size_t k) const { return sector_at(k) || cue(k, kVictimNouns); }
  // An observer noun that is itself the object of an attack word, over one adjective: "campaigns
  // against governments in Poland", "targeting researchers in Canada" (they are the victims there).
  bool attacked_observer(size_t k, uint32_t sent) const {
    size_t p = k;
    if (p >= 1 && in_sentence(p - 1, sent) && doc_.tokens[p - 1].is_all_lower && !cue(p - 1, kTargetCues) && !determiner(word(p - 1))) --p;
    while (p >= 1 && in_sentence(p - 1, sent) && determiner(word(p - 1))) --p;
    return p >= 1 && in_sentence(p - 1, sent) && doc_.tokens[p - 1].is_all_lower && (attack_verb(p - 1) || word(p - 1) == "against" || attack_phrase_end(p - 1));
  }
  // Token k lies inside a sector's words that start at most two tokens before it ("local authorities").
  bool inside_sector(size_t k) const { return sector_at(k) || (k >= 1 && sector_at(k - 1)) || (k >= 2 && sector_at(k - 2)); }
  // A verb form of an attack word ("attacked", "targeting", "hit"), not a noun ("the attack").
  bool attack_verb(size_t k) const {
    if (!cue(k, kTargetCues) || !doc_.tokens[k].is_all_lower) return false;
    return (verb_form(k) || listed(k, words_.irregular_attack_verbs)) && word(k) != "against";
  }
  // The preposition that ends a phrase of attack: "went after", "took aim at", "spied on", "broke into"
  bool attack_phrase_end(size_t k) const {
    return k >= 1 && one_of(word(k), {"after", "at", "on", "into"}) && cue(k, kTargetCues) && cue(k - 1, kTargetCues) &&
           doc_.tokens[k - 1].is_all_lower && in_sentence(k - 1, doc_.tokens[k].sentence);
  }
  // "Cambodia's National Election Commission": the country's possessive, then a capitalised name
  bool possessive_of_name(size_t l) const {
    const uint32_t sent = doc_.tokens[l].sentence;
    return in_sentence(l + 3, sent) && word(l + 1) == "'" && word(l + 2) == "s" && doc_.tokens[l + 3].is_upper_initial;
  }
  bool verb_form(size_t k) const { return is_verb_form(word(k)); }
  // Within the clause from token k: a passive attack ("were knocked offline", "had been encrypted").
  bool hit_after(size_t k, uint32_t sent) const {
    bool aux = false;
    for (size_t u = k; in_sentence(u, sent) && u <= k + 14; ++u) {
      const std::string_view w = word(u);
      if (one_of(w, {";", ":", "said", "says", "which", "that", "who"})) return false;
      if (one_of(w, {"was", "were", "been", "are", "is"})) { aux = true; continue; }
      if (aux && attack_verb(u)) return true;
      if (aux && !doc_.tokens[u].is_all_lower) return false;
    }
    return false;
  }

  // The tokens after a country name that belong to its noun phrase: "'s", "-", adjectives and
  // nouns up to the first punctuation, function word or verb-like cue; at most five.
  size_t phrase_end(size_t l, uint32_t sent) const {
    size_t k = l + 1, n = 0;
    while (in_sentence(k, sent) && n < 3) {
      const std::string_view w = word(k);
      if (w == "'" || w == "-") { ++k; continue; }
      if (w == "s" && word(k - 1) == "'") { ++k; continue; }  // the possessive
      if (!doc_.tokens[k].is_word || is_country_token(k)) break;
      if (determiner(w) || link_preposition(w) || list_joint(w) || be_verb(w) || phrase_stop(w)) break;
      ++k;
      ++n;
    }
    return k;
  }

  // Walks back from the token before a country over a list of countries and their glue
  // ("Japan, South Korea, India and the United States"), to the token before the list.
  // Where a walk stops depends only on where it is, so every token it passes remembers the
  // stop: a list of n countries costs n steps, not n * n (hostile text lists thousands).
  size_t list_start(size_t f, uint32_t sent) const {
    if (list_stop_.size() != doc_.tokens.size() + 1) list_stop_.assign(doc_.tokens.size() + 1, UINT32_MAX);
    size_t k = f;
    passed_.clear();
    while (k > 0 && in_sentence(k - 1, sent)) {
      if (list_stop_[k] != UINT32_MAX) { k = list_stop_[k]; break; }
      passed_.push_back(uint32_t(k));
      if (is_country_token(k - 1) || word(k - 1) == "." || word(k - 1) == "-") { --k; continue; }
      // glue ("," "and" "the") counts only between two countries: ", the Slovak company" is not a list
      size_t j = k;
      // "Morocco and Brazil, followed by Britain"
      auto glue = [&](size_t t) {
        return list_joint(word(t)) || word(t) == "the" || (word(t) == "by" && t >= 1 && word(t - 1) == "followed") ||
               (word(t) == "followed" && word(t + 1) == "by");
      };
      while (j > 0 && in_sentence(j - 1, sent) && glue(j - 1)) --j;
      if (j < k && j > 0 && is_country_token(j - 1)) { k = j; continue; }
      // "in 21 other countries, including Britain": the list names the countries of the phrase
      if (j < k && j > 0 && word(j - 1) != "including" && listed(j - 1, words_.list_leads) && listed(k, words_.list_leads)) { k = j; continue; }
      if (listed(k - 1, words_.list_leads)) { --k; continue; }
      // "in at least eight countries"
      if (k >= 2 && word(k - 1) == "least" && word(k - 2) == "at" && listed(k, words_.list_leads)) { k -= 2; continue; }
      if (doc_.tokens[k - 1].is_digit && listed(k, words_.list_leads)) { --k; continue; }  // "21 other countries"
      break;
    }
    for (uint32_t p : passed_) list_stop_[p] = uint32_t(k);
    while (k > 0 && in_sentence(k - 1, sent) && word(k - 1) == "the") --k;
    return k;
  }
  // The comma closing an aside of examples that opens at the comma at token k (", including Colorado,
  // Kentucky and Mississippi,", ", such as Kyivstar,"): names and list glue only; else k.
  size_t examples_aside_end(size_t k, uint32_t sent) const {
    if (word(k) != "," || !in_sentence(k + 2, sent)) return k;
    size_t j = k + 1;
    if (word(j) == "such" && word(j + 1) == "as") j += 2;
    else if (one_of(word(j), {"including", "notably", "especially", "particularly", "like"})) ++j;
    else return k;
    for (size_t n = 0; in_sentence(j, sent) && n < 24; ++j, ++n) {
      const std::string_view w = word(j);
      if (w == ",") {
        if (in_sentence(j + 1, sent) && (doc_.tokens[j + 1].is_upper_initial || one_of(word(j + 1), {"and", "or"}))) continue;
        return j;
      }
      if (!(doc_.tokens[j].is_upper_initial || one_of(w, {"and", "or", "the", "of", "'", "s", "-", "&"}))) return k;
    }
    return k;
  }
  // The last token of the list of countries the country ending at token l starts or goes on:
  // "Slovakia, Brazil and India" from Slovakia ends at India. l when none follows.
  // Every member's end is the list's: remembered, so a list of n countries costs n steps (hostile
  // text lists thousands).
  // The participle of harm of "among the most affected", "(were) the hardest hit", "the worst
  // infected" right after token e; npos when there is none.
  size_t ranked_by_harm_after(size_t e, uint32_t sent) const {
    size_t k = e + 1;
    if (in_sentence(k, sent) && one_of(word(k), {"were", "was", "are", "is", "being"})) ++k;
    if (in_sentence(k, sent) && word(k) == "among") ++k;
    if (!in_sentence(k + 2, sent) || word(k) != "the" || !one_of(word(k + 1), {"most", "worst", "hardest", "heaviest", "badly"})) return std::string::npos;
    k += 2;
    if (in_sentence(k, sent) && word(k) == "-") ++k;
    return in_sentence(k, sent) && one_of(word(k), {"affected", "hit", "infected", "targeted", "impacted", "attacked", "compromised"}) ? k : std::string::npos;
  }
  size_t list_end(size_t l, uint32_t sent) const {
    if (list_end_.size() != doc_.tokens.size()) list_end_.assign(doc_.tokens.size(), UINT32_MAX);
    if (list_end_[l] != UINT32_MAX) return list_end_[l];
    std::vector<size_t> members{l};
    size_t e = l, k = l + 1;
    while (in_sentence(k, sent)) {
      size_t j = k;
      while (in_sentence(j, sent) && (list_joint(word(j)) || word(j) == "the")) ++j;
      if (j == k || !in_sentence(j, sent) || !is_country_token(j)) break;
      while (in_sentence(j + 1, sent) && is_country_token(j + 1)) ++j;
      if (list_end_[j] != UINT32_MAX) { e = list_end_[j]; break; }
      members.push_back(j);
      e = j;
      k = j + 1;
    }
    for (size_t m : members) list_end_[m] = uint32_t(e);
    return e;
  }
  mutable std::vector<uint32_t> list_end_;  // last token of a country -> last token of its list
  // An auxiliary's participle: "had forced", "has been" (not "has customers").
  bool participle(size_t k) const {
    if (k >= doc_.tokens.size() || !doc_.tokens[k].is_all_lower) return false;
    const std::string_view w = word(k);
    return w.ends_with("ed") || w.ends_with("en") || one_of(w, {"found", "got", "put", "set"}) || listed(k, words_.irregular_attack_verbs);
  }
  // The first token from k that is not an adverb of time or degree ("had also been found").
  size_t after_adverbs(size_t k, uint32_t sent) const {
    while (in_sentence(k, sent) && one_of(word(k), {"also", "already", "since", "now", "reportedly", "allegedly", "previously", "apparently"})) ++k;
    return k;
  }
  mutable std::vector<uint32_t> list_stop_;  // token -> where a list walk from it stops
  mutable std::vector<uint32_t> passed_;

  bool is_country_token(size_t k) const {
    if (k >= doc_.tokens.size()) return false;
    return country_tokens()[k];
  }
  const std::vector<bool>& country_tokens() const {
    if (!country_tokens_built_) {
      country_tokens_.assign(doc_.tokens.size(), false);
      for (const auto& m : doc_.mentions) {
        if (m.type != MentionType::Country) continue;
        const size_t f = doc_.token_starting_at(m.start), l = doc_.token_ending_at(m.end);
        if (f == std::string::npos || l == std::string::npos) continue;
        for (size_t k = f; k <= l; ++k) country_tokens_[k] = true;
      }
      country_tokens_built_ = true;
    }
    return country_tokens_;
  }
  mutable std::vector<bool> country_tokens_;
  mutable bool country_tokens_built_ = false;

  // A mercenary (rules/actors/mercenaries.tsv) or a tool rules/tools/owners.tsv gives one.
  bool mercenary_or_its_spyware(const Mention& m) const {
    if (rules_.is_mercenary(m)) return true;
    if (m.type != MentionType::Tool || m.entry >= rules_.tools.size()) return false;
    const auto& owners = rules_.tools[m.entry].owners;
    return std::any_of(owners.begin(), owners.end(), [&](uint32_t a) { return rules_.actors[a].motivation == "mercenary"; });
  }
  bool spyware_at(size_t k) const { return spyware_start_[k] || (word(k) == "spyware" && doc_.tokens[k].is_all_lower); }
  // The country at f..l buys or runs a mercenary's spyware: "the Mexican government used Pegasus",
  // "Saudi Arabia deployed NSO Group's Pegasus", "Hungary bought Pegasus spyware" (a buyer verb, then
  // the spyware, its maker or the word "spyware" within six words), or is where its customers are:
  // "a government customer of Intellexa in Egypt", "clients in Morocco and Rwanda" (a sentence that
  // names the spyware or its maker).
  bool buys_spyware(size_t f, size_t l, uint32_t sent) const {
    size_t k = l + 1;
    for (int n = 0; n < 4 && in_sentence(k, sent) &&
                    one_of(word(k), {"'", "s", "government", "governments", "authorities", "officials", "agencies", "agency", "intelligence",
                                     "police", "security", "services", "service", "army", "military", "has", "had", "have", "allegedly",
                                     "reportedly", "also", "likely", "probably"});
         ++n)
      ++k;
    // (the subject: not "sold to Hungary", "spied on in Mexico using Pegasus")
    const bool object = f >= 1 && in_sentence(f - 1, sent) && one_of(word(f - 1), {"to", "from", "of", "in", "against", "on", "at", "by", "for", "with"});
    if (!object && in_sentence(k, sent) && listed(k, words_.buyer_verbs) && doc_.tokens[k].is_all_lower)
      for (size_t u = k + 1; u <= k + 6 && in_sentence(u, sent); ++u)
        if (spyware_at(u)) return true;
    auto client_noun = [&](size_t u) { return one_of(word(u), {"customer", "customers", "client", "clients"}); };
    bool client = false;
    // "clients in Morocco", "a government customer of Intellexa in Egypt"
    if (f >= 2 && in_sentence(f - 2, sent) && word(f - 1) == "in")
      for (size_t u = f - 1; u >= 1 && u + 5 >= f && in_sentence(u - 1, sent); --u)
        if (client_noun(u - 1)) client = true;
    // "a Mexican government customer of NSO", "identified Greece as one of the firm's likely government customers"
    size_t c = l + 1;
    if (in_sentence(c, sent) && word(c) == "as")
      for (size_t n = 0; n < 6 && in_sentence(c + 1, sent) && !client_noun(c) && doc_.tokens[c + 1].is_word; ++n) ++c;
    for (int n = 0; n < 2 && in_sentence(c, sent) && one_of(word(c), {"government", "state", "intelligence", "police", "security"}); ++n) ++c;
    if (in_sentence(c, sent) && client_noun(c)) client = true;
    return client && spyware_sentence_[sent];
  }

  std::string role_of(const Mention& m, std::string& why, bool& weak_target, bool& suspect) const {
    const size_t f = doc_.token_starting_at(m.start), l = doc_.token_ending_at(m.end);
    if (f == std::string::npos || l == std::string::npos) return "mention";
    const uint32_t sent = doc_.tokens[f].sentence;
    // (a sentence of a story that is no cyber news needs a cyber term that is no everyday word:
    // not "the Danish rider exploited the breach to attack")
    if (!cyber_ && !(sent < doc_.strong_cyber_sentence.size() && doc_.strong_cyber_sentence[sent])) { why = "no cyber context"; return "mention"; }
    const size_t end = phrase_end(l, sent);
    const std::string_view before1 = f >= 1 && in_sentence(f - 1, sent) ? word(f - 1) : "";
    const std::string_view before2 = f >= 2 && in_sentence(f - 2, sent) ? word(f - 2) : "";

    // The suspect's nationality in a story of charges or arrests: "Karim Baratov, a Canadian citizen,
    // was arrested", "identified him as a Russian national", "A British man who helped take over"
    // (the noun heads its phrase: not "a Russian national security expert")
    // (not those whose data was taken: "the records of Israeli citizens")
    if (legal_story() && before1 != "of" && in_sentence(l + 1, sent) && listed(l + 1, words_.suspect_nouns) && doc_.tokens[l + 1].is_all_lower &&
        !(in_sentence(l + 2, sent) && doc_.tokens[l + 2].is_word && doc_.tokens[l + 2].is_all_lower &&
          !verb_form(l + 2) && !one_of(word(l + 2), {"who", "was", "were", "is", "are", "has", "have", "had", "and", "born", "from", "in", "with"}))) {
      why = "a suspect's nationality ('" + word(l + 1) + "'), charges in the story";
      suspect = true;
      return "attribution";
    }
    // the same with the nationality as the noun: "a Romanian and a Moldovan were detained", "Vasile
    // Mereacre, a Canadian living in Toronto, pleaded guilty"
    if (legal_story() && one_of(before1, {"a", "an"}) && in_sentence(l + 1, sent) &&
        one_of(word(l + 1), {"and", "was", "were", "who", "living", "residing", "based"})) {
      why = "a suspect's nationality ('" + std::string(before1) + " ... " + word(l + 1) + "'), charges in the story";
      suspect = true;
      return "attribution";
    }

    if (buys_spyware(f, l, sent)) {
      why = "buys or runs a mercenary's spyware";
      return "attribution";
    }

    // A person's background or workplace: "a former Israeli intelligence officer", "a researcher
    // at a British university", "an analyst who studies Chinese operations", "U.S. intelligence officials".
    bool observer = before1 == "former" || before2 == "former";
    for (size_t k = l + 1; k < end; ++k)
      if (cue(k, kObserverNouns) && !inside_sector(k)) observer = true;  // (not "several French local authorities")
    bool affiliation = false;
    for (size_t k = f; k >= 2 && k + 3 >= f && in_sentence(k - 2, sent); --k) {
      const std::string_view a = word(k - 1);
      if (a == "a" || a == "an") {
        affiliation = word(k - 2) == "at" && !(k >= 3 && cue(k - 3, kTargetCues));
        // "compromised several accounts at a Ukrainian aviation organisation"
        for (size_t v = k - 2; affiliation && v >= 1 && v + 4 >= k - 2 && in_sentence(v - 1, sent); --v)
          if (attack_verb(v - 1)) affiliation = false;
        break;
      }
      if (!doc_.tokens[k - 1].is_all_lower) break;
    }

    // "its victims include the Chilean army", "among the victims were Israeli ministries": a victim,
    // whatever the noun after it
    {
      size_t k = f;
      while (k >= 1 && in_sentence(k - 1, sent) && determiner(word(k - 1))) --k;
      if (k >= 2 && in_sentence(k - 2, sent) && one_of(word(k - 1), {"include", "included", "includes", "including", "were", "was"}) &&
          one_of(word(k - 2), {"victims", "targets", "victim", "target"})) {
        why = "'" + word(k - 2) + " " + word(k - 1) + "'";
        return "target";
      }
    }

    // "with Turkey, Saudi Arabia and Pakistan among its most frequent targets" (the list, then "among"
    // and a victim noun)
    {
      size_t k = list_end(l, sent) + 1;
      if (in_sentence(k, sent) && one_of(word(k), {"were", "are", "was", "is"})) ++k;
      if (in_sentence(k, sent) && word(k) == "among")
        for (size_t u = k + 1; u <= k + 5 && in_sentence(u, sent) && doc_.tokens[u].is_word; ++u)
          if (one_of(word(u), {"targets", "victims"})) {
            why = "'among ... " + word(u) + "'";
            return "target";
          }
    }

    // the people whose personal data was taken or exposed: "the personal details of nearly 50 million
    // Turkish citizens", "the medical records of American Olympians" (rules/context/personal-data-nouns.txt;
    // not "details of a Russian hacking operation": no "a", nor an attacker after)
    {
      size_t k = f;
      while (k >= 1 && in_sentence(k - 1, sent) && f - k < 7 &&
             (doc_.tokens[k - 1].is_digit || one_of(word(k - 1), {"the", "every", "all", "some", "nearly", "about", "around", "almost", "over", "more", "than",
                                                                   "million", "millions", "billion", "thousand", "thousands", "hundreds", "of", "roughly", "at", "least", "up", "to"})))
        --k;
      // k is the first of the skipped words; the data noun and its "of" open them
      size_t of = std::string::npos;
      for (size_t j = k; j < f; ++j)
        if (word(j) == "of") { of = j; break; }
      const bool attacker_after = in_sentence(l + 1, sent) && (cue(l + 1, kAttackerNouns) || listed(l + 1, words_.hack_words) || listed(l + 1, words_.offensive_nouns));
      if (of != std::string::npos && of >= 1 && in_sentence(of - 1, sent) && listed(of - 1, words_.personal_data_nouns) &&
          doc_.tokens[of - 1].is_all_lower && !attacker_after) {
        why = "'" + word(of - 1) + " of' its people";
        return "target";
      }
    }

    // Where the attacker's machines are: "data sent to servers in China", "came from IP addresses of
    // Kremlin computers and Russian government institutions"
    // (a mention even after "traced": where the machines sit is not whom they serve; "traced the
    // connections to internet addresses in two Chinese provinces" is a mention in the corpus)
    // (also with the country as an adjective: "sent to a Chinese address", "routed through Russian servers")
    // (not a noun that names a business: "demanded $50 million from Taiwanese computer maker Acer")
    if (in_sentence(l + 1, sent) && listed(l + 1, words_.infrastructure_nouns) && doc_.tokens[l + 1].is_all_lower &&
        !(in_sentence(l + 2, sent) && listed(l + 2, words_.organization_descriptors))) {
      size_t k = f;
      while (k >= 1 && in_sentence(k - 1, sent) && determiner(word(k - 1))) --k;
      if (k >= 1 && in_sentence(k - 1, sent) && one_of(word(k - 1), {"to", "from", "via", "through"})) {
        why = "'" + word(k - 1) + " ... " + word(l + 1) + "' the attacker's machines, not a victim";
        return "mention";
      }
    }
    if (const size_t k = infrastructure_before(f, sent); k != std::string::npos) {
      why = "'" + word(k) + "' the attacker's machines, not a victim";
      return "mention";
    }

    // Attribution.
    // "an attempted Iranian hack on Israeli water systems", "a Russian attack against Ukraine", "North
    // Korean raids on crypto businesses"
    if (in_sentence(l + 2, sent) && (attack_word(l + 1) || listed(l + 1, words_.hack_words) || one_of(word(l + 1), {"raids", "heists", "thefts"})) &&
        doc_.tokens[l + 1].is_all_lower && !verb_form(l + 1) && one_of(word(l + 2), {"on", "against"})) {
      why = "'" + word(l + 1) + " " + word(l + 2) + "' after";
      return "attribution";
    }
    // "Pakistan-linked", "Beijing-backed" (and "Berlin-based" only before an attacker noun)
    if (in_sentence(l + 2, sent) && word(l + 1) == "-" && cue(l + 2, kAttributionCues)) {
      if (word(l + 2) != "based") { why = "glued attribution cue"; return "attribution"; }
      // (not one who studies them: "a Singapore-based threat intelligence consultant")
      bool observer_phrase = false;
      for (size_t k = l + 3; k < l + 8 && in_sentence(k, sent) && doc_.tokens[k].is_all_lower; ++k)
        observer_phrase = observer_phrase || cue(k, kObserverNouns);
      for (size_t k = l + 3; k < end && !observer_phrase; ++k)
        if (cue(k, kAttackerNouns)) { why = "based, before an attacker noun"; return "attribution"; }
    }
    // "pro-Russian hacktivists"
    if (before1 == "-" && before2 == "pro") { why = "pro-: a side taken, not the attackers' state"; return "mention"; }
    // "linked to Iran", "on behalf of North Korea", "backed by the government of China", "traced to Beijing"
    bool org_phrase = false;  // "run by U.S. satellite company Viasat": the cue is about the company
    // (and "developed by Vietnam-based Sky Mavis": an organisation's name in the phrase)
    // (not a state's own force: "groups linked to Beijing's military and intelligence services")
    for (size_t k = l + 1; k < end; ++k)
      if ((victim_at(k) && !cue(k, kAttackerNouns)) || cue(k, kObserverNouns) || cue(k, kSectorCues) || org_start_[k]) org_phrase = true;
    if (size_t k = org_phrase ? std::string::npos : attribution_cue_before(f, sent); k != std::string::npos) {
      // (a business or its things the state owns or runs, not attackers: "DP World, the ports giant
      // controlled by the government of the United Arab Emirates", "terminals run by the Danish group")
      for (size_t b = k; b >= 1 && b + 3 >= k && in_sentence(b - 1, sent) && doc_.tokens[b - 1].is_all_lower; --b)
        if (one_of(word(k), {"controlled", "run", "operated", "owned"}) &&
            (listed(b - 1, words_.business_words) || cue(b - 1, kVictimNouns) || cue(b - 1, kSectorCues) ||
             one_of(word(b - 1), {"giant", "terminals", "subsidiary", "unit", "operator", "company", "firm", "conglomerate"}))) {
          why = "'" + word(b - 1) + " " + word(k) + " by': a business the state owns, not an attacker";
          return "mention";
        }
      why = "attribution cue '" + word(k) + "' before";
      return "attribution";
    }
    // "accused Iran of breaking into a Swedish company", "accuses Russia and China of hacking"
    // (not the accused's answer: "Iran has denied carrying out cyber attacks ... and has accused the
    // United States and Israel of targeting its infrastructure")
    if (const size_t s0 = list_start(f, sent); s0 >= 1 && in_sentence(s0 - 1, sent) &&
        listed(s0 - 1, words_.accusation_verbs)) {
      const size_t le = list_end(l, sent);
      if (in_sentence(le + 1, sent) && word(le + 1) == "of")
        for (size_t k = le + 2; in_sentence(k, sent) && k <= le + 6; ++k)
          if ((cue(k, kTargetCues) || listed(k, words_.hack_words)) && doc_.tokens[k].is_all_lower && !listed(k, words_.target_cue_nouns) &&
              word(k) != "against" &&  // ("accusing Qatar or Turkey of plotting against Libya")
              !sentence_has_denial(sent)) {
            why = "'" + word(s0 - 1) + " ... of " + word(k) + "'";
            return "attribution";
          }
    }
    // the same cue before a list it is in: "working for the governments of China, Iran, North Korea and Turkey"
    if (const size_t s0 = list_start(f, sent); s0 < f && !org_phrase)
      if (size_t k = attribution_cue_before(s0, sent); k != std::string::npos) {
        why = "attribution cue '" + word(k) + "' before the list";
        return "attribution";
      }
    // named as attackers: "names Russia, Iran and North Korea as state adversaries", "sees China as a
    // threat" (not a clause: "warned Washington as the group broke into ...")
    if (const size_t e = list_end(l, sent); in_sentence(e + 2, sent) && word(e + 1) == "as" && word(e + 2) != "the")
      for (size_t k = e + 2; k <= e + 5 && in_sentence(k, sent) && doc_.tokens[k].is_all_lower; ++k)
        if (cue(k, kAttackerNouns)) {
          why = "named 'as' " + std::string(word(k));
          return "attribution";
        }
    // "North Korean hackers", "a Russian group", "China's military", "Lebanon's intelligence agencies";
    // not the speaker ("Israel's military said").
    const bool speaker = speaker_after(l, end, sent);
    if (!observer && !affiliation && !speaker) {
      for (size_t k = l + 1; k < end; ++k) {
        if (victim_at(k)) break;
        if (speaker_verb(k)) break;  // "Reserve Bank of Australia confirms hackers got into its network"
        // a capitalised noun after another capitalised word names an organisation: "Britain's NCC
        // Group", "South Korea's National Intelligence Service"
        if (doc_.tokens[k].is_upper_initial && !doc_.tokens[k].is_all_upper && k > l + 1 && doc_.tokens[k - 1].is_upper_initial &&
            !is_country_token(k - 1))
          break;
        if (vendor_word(k) && (vendor_word(k + 1) || one_of(word(k + 1), {"company", "firm", "vendor"}))) break;  // "US threat intelligence company"
        if (cue(k, kAttackerNouns) && k + 1 < org_start_.size() && org_start_[k + 1]) break;  // "Danish shipping group Maersk"
        // "Norwegian building materials group Moelven", "a South Korean research group, IssueMakersLab":
        // a capitalised name that is no threat group's after the noun names a company or a team
        if (cue(k, kAttackerNouns) && doc_.tokens[k].is_all_lower) {
          const size_t n = in_sentence(k + 1, sent) && word(k + 1) == "," ? k + 2 : k + 1;
          if (in_sentence(n, sent) && doc_.tokens[n].is_upper_initial && !group_start_[n] && !is_country_token(n)) break;
        }
        if (listed(k, words_.legal_action_words)) break;  // "US charges FSB officers": the country acts on the attackers
        if (listed(k, words_.business_words)) break;  // "the Japanese postal group", "the French media group": a business
        // an organisation's capitalised name right after: "the Dutch Military Intelligence and Security
        // Service" (not "Russia's GRU", whose attacker noun is the name)
        if (org_start_[k] && doc_.tokens[k].is_upper_initial && !doc_.tokens[k].is_all_upper) break;
        // "the British Army", "the Indian Army": a capitalised noun names the country's own
        // institution, not an attacker (unlike "Russian military hackers", "Russia's GRU")
        if (cue(k, kAttackerNouns) && k == l + 1 && doc_.tokens[k].is_upper_initial && !doc_.tokens[k].is_all_upper) break;
        // "South Korean military documents", "US military computers": the institution's own
        if (cue(k, kAttackerNouns) && in_sentence(k + 1, sent) && listed(k + 1, words_.owned_nouns) && doc_.tokens[k + 1].is_all_lower) break;
        // a dateline's dash: "SEOUL -- Hackers believed to be working for North Korea" (its place's
        // victims may follow: "WELLINGTON - Hospitals across the Waikato region were ...")
        if (word(k) == "-" && doc_.tokens[k].space_before) break;
        // "which U.S. intelligence agencies have linked to the GRU": the country's own who attribute
        if (cue(k, kAttackerNouns) && attributes_after(l, sent)) break;
        // (and "linked by US intelligence agencies to the theft"; "Germany's domestic intelligence
        // agency, the BfV": a service that works at home)
        if (cue(k, kAttackerNouns) && before1 == "by" && one_of(before2, {"linked", "tied", "attributed", "blamed", "connected", "traced", "identified"}))
          break;
        if (cue(k, kAttackerNouns) && k > l + 1 && one_of(word(k - 1), {"domestic", "counterintelligence", "counter-intelligence"})) break;
        // the object of an attack: "the largest leak ever to hit a Russian intelligence service",
        // "key agencies of the Philippine military", "a campaign against Ukrainian military targets"
        if (cue(k, kAttackerNouns) && attacked_phrase(f, sent)) break;
        // a business group's things that were hit: "The Danish group's container line and port
        // terminals were knocked offline" (not "the Russian group's malware")
        if (cue(k, kAttackerNouns) && in_sentence(k + 2, sent) && word(k + 1) == "'" && word(k + 2) == "s" && hit_after(k + 3, sent)) {
          why = "its things hit after '" + word(k) + "'s'";
          return "target";
        }
        // a state's armed forces (rules/context/force-nouns.txt) are no attackers after a preposition of
        // place or interest: "gone after Ukraine's military", "served in the US military"
        if (cue(k, kAttackerNouns) && listed(k, words_.force_nouns)) {
          size_t b = f;
          while (b >= 1 && in_sentence(b - 1, sent) && determiner(word(b - 1))) --b;
          if (b >= 1 && in_sentence(b - 1, sent) && one_of(word(b - 1), {"in", "after", "from", "at", "with", "for", "against", "on", "into", "within", "inside"})) break;
        }
        if (cue(k, kAttackerNouns)) { why = "attacker noun '" + word(k) + "' after"; return "attribution"; }
        // a member of the attackers: "Sebastien Raoult, a French member of the group", "a Russian
        // member of the LockBit gang" (a noun of members, "of", then the group's name or noun)
        if (one_of(word(k), {"member", "members"}) && in_sentence(k + 2, sent) && word(k + 1) == "of") {
          const size_t g = one_of(word(k + 2), {"the", "this", "that", "its"}) ? k + 3 : k + 2;
          if (in_sentence(g, sent) && (group_start_[g] || (cue(g, kAttackerNouns) && doc_.tokens[g].is_all_lower && !listed(g, words_.force_nouns)))) {
            why = "a member of the attackers";
            return "attribution";
          }
        }
        if (cue(k, kTargetCues) || cue(k, kAttributionCues)) break;
      }
    }
    // "hackers from Iran", "spies in Moscow", "the group, based in Russia"
    if (before1 == "from" && f >= 2 && cue(f - 2, kAttackerNouns) && !cue(f - 2, kTargetCues)) {
      why = "attacker noun, then '" + before1 + "'";
      return "attribution";
    }
    // "prepared by hackers in Russia", "cybercriminals in Nigeria" (people who attack, not "groups in";
    // rules/context/attacker-people.txt)
    if (before1 == "in" && f >= 2 && in_sentence(f - 2, sent) && listed(f - 2, words_.attacker_people)) {
      why = "'" + word(f - 2) + " in'";
      return "attribution";
    }
    // who the attackers' members are, and where: "many of its members were teenagers in Britain and
    // Brazil", "made up largely of teenagers and young adults in Britain and the US" (people, "in", the
    // list, context/member-people-nouns.txt; members or "made up of" shortly before)
    if (const size_t s0 = list_start(f, sent); s0 >= 3 && in_sentence(s0 - 2, sent) && word(s0 - 1) == "in" &&
        listed(s0 - 2, words_.member_people_nouns)) {
      for (size_t k = s0 - 2; k >= 1 && k + 10 >= s0 - 2 && in_sentence(k - 1, sent); --k) {
        if (attack_verb(k - 1)) break;  // (the people hit: "its members stole data from teenagers in Brazil")
        if ((listed(k - 1, words_.member_nouns) && doc_.tokens[k - 1].is_all_lower) || (word(k - 1) == "up" && k >= 2 && word(k - 2) == "made")) {
          why = "'" + word(k - 1) + " ... " + word(s0 - 2) + " in': where its members are";
          return "attribution";
        }
      }
    }
    // (and "hacking groups in Saudi Arabia and the United Arab Emirates": an attacker noun a hack
    // word makes plain, before the whole list)
    if (const size_t s0 = list_start(f, sent); s0 >= 3 && in_sentence(s0 - 3, sent) && word(s0 - 1) == "in" &&
        cue(s0 - 2, kAttackerNouns) && doc_.tokens[s0 - 2].is_all_lower && listed(s0 - 3, words_.hack_words)) {
      why = "'" + word(s0 - 3) + " " + word(s0 - 2) + " in'";
      return "attribution";
    }
    // where the attackers live or work: "the gang's members worked from Russia, Belarus, Ukraine and
    // Suriname", "its operators live in Russia" (an attacker or member noun, a verb of living or
    // working, then the list)
    if (const size_t s0 = list_start(f, sent); s0 >= 3 && in_sentence(s0 - 3, sent) && one_of(word(s0 - 1), {"from", "in"}) &&
        listed(s0 - 2, words_.residence_verbs))
      for (size_t k = s0 - 3; in_sentence(k, sent) && k + 4 >= s0; --k) {
        if ((cue(k, kAttackerNouns) || listed(k, words_.member_nouns)) && doc_.tokens[k].is_all_lower) {
          why = "'" + word(k) + " " + word(s0 - 2) + " " + word(s0 - 1) + "'";
          return "attribution";
        }
        if (k == 0) break;
      }
    // those charged, by their home: "Viktor Pleshchuk, 28, of St. Petersburg, Russia", "five
    // Russians left Taiwan before the police closed in"
    if (legal_story() && charged_from(f, sent)) {
      why = "the home of someone charged or sought, '<name>, <age>, of'";
      return "attribution";
    }
    // (not those hit: "the attacks hit four Americans")
    auto hit_before = [&](size_t k) { return k >= 1 && in_sentence(k - 1, sent) && (attack_verb(k - 1) || one_of(word(k - 1), {"of", "against", "on", "targeted", "victimised", "victimized"})); };
    // (a small count in words: "400 Singaporeans" and "35 million Koreans" are victims)
    auto small_count = [](std::string_view w) { return one_of(w, {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several"}); };
    if (legal_story() && plural_demonym(m) && f >= 1 && in_sentence(f - 1, sent) && !hit_before(f - 1) && small_count(before1)) {
      why = "'" + std::string(before1) + " <nationals>', a count of suspects in a legal story";
      suspect = true;
      return "attribution";
    }
    // ... and one more of another nation after it: "four Americans and a Briton"
    if (legal_story() && f >= 4 && in_sentence(f - 4, sent) && one_of(before1, {"a", "an", "one"}) && word(f - 2) == "and" &&
        is_country_token(f - 3) && small_count(word(f - 4)) && !hit_before(f - 4)) {
      why = "'" + std::string(word(f - 4)) + " <nationals> and " + std::string(before1) + " <national>', a count of suspects in a legal story";
      suspect = true;
      return "attribution";
    }
    // "North Korea was behind the attack", "the government of Iran was responsible"
    // (also "China was believed to be behind", "the Russian authorities were behind")
    for (size_t k = l + 1; in_sentence(k, sent) && k <= l + 7; ++k) {
      if (cue(k, kAttributionAfter)) { why = "'" + word(k) + "' after"; return "attribution"; }
      const std::string_view w = word(k);
      if (!(be_verb(w) || w == "'" || w == "s" || one_of(w, {"government", "itself", "state", "authorities", "regime", "leadership",
                                                             "believed", "thought", "suspected", "likely", "probably", "widely",
                                                             "to", "may", "might", "could", "have"})))
        break;
    }
    // The home of a threat group named in the same sentence.
    if (group_countries_.count({sent, m.value})) { why = "home of a group named in the sentence"; return "attribution"; }
    // (a crew of criminals hits its own country too: "breached casino groups MGM Resorts and Caesars
    // Entertainment in the US" is where the victims are, after the attack word; the rules below read
    // it. Not where the crew lives: "whose members live in the US")
    if (criminal_group_countries_.count({sent, m.value}) && !where_victims_are(f, sent)) {
      why = "home of a group named in the sentence";
      return "attribution";
    }

    if (observer || affiliation) {
      // the object of an attack verb is a victim, whoever it is: "targeted American officials",
      // "had also struck the French engineering consultancy Altran"
      size_t k = f;
      while (k >= 1 && in_sentence(k - 1, sent) && (determiner(word(k - 1)) || one_of(word(k - 1), {"current", "former", "and", "or", "senior", "serving", "retired"}))) --k;
      if (observer && k >= 1 && in_sentence(k - 1, sent) && (attack_verb(k - 1) || (attack_phrase_end(k - 1) && possessive_of_name(l)))) { why = "object of '" + word(k - 1) + "'"; return "target"; }
      // (or of the things of those people after one: "hit the Italian Senate and the websites of
      // Germany's federal police")
      if (observer && k >= 2 && in_sentence(k - 2, sent) && word(k - 1) == "of" && listed(k - 2, words_.owned_nouns) &&
          doc_.tokens[k - 2].is_all_lower && doc_.cue_before_in_sentence(k - 2, kTargetCues)) {
        why = "'" + word(k - 2) + " of' after an attack word";
        return "target";
      }
      // "hacking charges against serving Russian intelligence officials": the suspects' home
      if (k >= 2 && in_sentence(k - 2, sent) && word(k - 1) == "against" && listed(k - 2, words_.legal_action_words)) {
        why = "'" + word(k - 2) + " against'";
        return "attribution";
      }
      // "a phishing operation against current and former US officials"
      if (observer && k >= 2 && in_sentence(k - 2, sent) && word(k - 1) == "against" &&
          (doc_.cue_before_in_sentence(k - 1, kTargetCues) || one_of(word(k - 2), {"campaign", "operation", "attack", "attacks"}))) {
        why = "'against' after an attack word";
        return "target";
      }
      why = observer ? "a person's background" : "an affiliation ('at a ...')";
      return "mention";
    }

    // A country whose agencies join or sign an advisory: "agencies from the United States, Britain
    // and Canada added their names to the advisory", "together with partners in Australia"
    if (cosigner(f, sent)) { why = "its agencies join or sign an advisory"; return "mention"; }

    // "Officials in Moscow said": the noun before the country is who speaks, not a victim
    if (const size_t s0 = list_start(f, sent);
        speaker && s0 >= 2 && in_sentence(s0 - 2, sent) && victim_preposition(word(s0 - 1)) && (cue(s0 - 2, kTargetCues) || victim_at(s0 - 2))) {
      why = "'" + word(s0 - 2) + " " + word(s0 - 1) + " X said': a speaker";
      return "mention";
    }

    // The home of a product's maker: "firewalls made by the Taiwanese manufacturer Zyxel", "routers
    // made by MikroTik, a Latvian manufacturer", "software from a US supplier"
    if (const size_t k = maker_before(f, sent); k != std::string::npos) {
      why = "'" + word(k) + "' a product's maker, not a victim";
      return "mention";
    }

    // The side the victims back: "governments backing Ukraine", "countries that support Ukraine",
    // "aid to Ukraine", "Ukraine's most generous backers"
    if (const size_t k = supported_by(f, l, sent); k != std::string::npos) {
      why = "'" + word(k) + "': the side the victims back, not a victim";
      return "mention";
    }

    // The owner's home glued to what it owns: "IFX Networks, a US-owned telecommunications company"
    // (the company sits and was hit elsewhere)
    if (in_sentence(l + 2, sent) && word(l + 1) == "-" && !doc_.tokens[l + 1].space_before && one_of(word(l + 2), {"owned", "controlled"})) {
      why = "'" + word(l + 2) + "': the owner's home, not a victim";
      return "mention";
    }

    // Target.
    // an attack word, not only a noun like "companies" or "officials" (rules/context/target-cue-nouns.txt)
    // (or a verb of hacking, as for sectors: "used a front company to hack maritime and health
    // organisations in the United States and about a dozen other countries")
    const bool attack_sentence = attack_word_in(sent) != std::string::npos || hacking_verb_in(sent) != std::string::npos;
    // malicious code found at victims tells of an attack too: "found the wiper at organisations in
    // Ukraine, Latvia and Lithuania", "spyware on the phones of journalists in Mexico"
    const bool harm_sentence = attack_sentence || malware_found_in(sent);
    // A list of countries ranked by harm: "with Iran, Russia, Pakistan and China among the most
    // affected", "Ukraine and Poland were the hardest hit"
    if (const size_t r = ranked_by_harm_after(list_end(l, sent), sent); r != std::string::npos) {
      why = "'" + word(r - 1) + " " + word(r) + "' after the list";
      return "target";
    }
    // A sentence that opens with the country and tells of harm there (an attack word, or an outage:
    // context/outage-words.txt): "In Germany, wind turbine maker Enercon lost remote control of 5,800
    // turbines", "In New Zealand, schools said their systems were down" (not
    // a capital, which stands for its government, nor police work: "In Spain, police arrested ...").
    if ((harm_sentence || sentence_has_word(doc_, sent, words_.outage_words, outage_at_)) && opens_in_country(f, l, sent) && !police_work(sent) &&
        !(m.form != UINT32_MAX && rules_.forms[m.form].kind == FormKind::Capital)) {
      why = "'In " + std::string(doc_.span(m.start, m.end)) + ",' opening a sentence of harm";
      return "target";
    }
    // "Ukrainian power grid", "Israeli targets", "Brazil's health ministry", "U.S. defense contractors"
    // (not a security vendor named after the noun, "the US company Secureworks", nor a state's
    // agencies that speak, "three US agencies said"; a company that speaks is often the victim:
    // "the Japanese carmaker said the disruption began on Sunday")
    // (not those a state acts on: "sanctions aimed at Chinese companies", "punish Chinese companies")
    if (harm_sentence && !acted_on_by_state(f, sent) && !any_of_tokens(vendor_start_, l + 1, end))
      for (size_t k = l + 1; k < end; ++k) {
        if (speaker && one_of(word(k), {"agencies", "agency", "officials", "authorities", "government", "ministry", "ministries"})) break;
        if (vendor_word(k)) break;  // "Dutch security company Fox-IT", "a British threat intelligence firm"
        // (a sector word that qualifies a vendor: "the US industrial cyber security firm Dragos")
        bool vendor_ahead = false;
        for (size_t u = k + 1; u <= k + 3 && in_sentence(u, sent) && doc_.tokens[u].is_all_lower && !vendor_ahead; ++u)
          vendor_ahead = vendor_word(u) && in_sentence(u + 1, sent) && listed(u + 1, words_.security_vendor_descriptors);
        if (vendor_ahead) break;
        // a sector counts wherever the attack word is; a victim noun only after it ("hackers hit a
        // German carmaker", not "a Chinese company it said was involved in the intrusions")
        if (sector_at(k) || (cue(k, kVictimNouns) && (cue(k, kTargetCues) || doc_.cue_before_in_sentence(f, kTargetCues)))) {
          why = "victim noun '" + word(k) + "' after, attack word in the sentence";
          return "target";
        }
      }
    // "victims in Israel", "targeted banks in Germany", "attacks on Turkish ministries",
    // "organizations in Japan, South Korea and the United States"
    const size_t s = list_start(f, sent);
    // a company's home is not where victims are: "a telecom holding company headquartered in the Netherlands"
    // nor the place of a gathering: "the NATO summit held in Wales"
    const bool home_in = s >= 2 && in_sentence(s - 2, sent) && word(s - 1) == "in" &&
                         (listed(s - 2, words_.home_words) || listed(s - 2, words_.residence_verbs) ||
                          (word(s - 2) == "held" && s >= 3 && in_sentence(s - 3, sent) && listed(s - 3, words_.event_nouns)));
    // the place of a conflict or of other groups: "tension over the war in Gaza", "Iran-backed
    // groups in Lebanon"
    const bool place_of_other = s >= 2 && in_sentence(s - 2, sent) && (victim_preposition(word(s - 1)) || word(s - 1) == "of") &&
                                doc_.tokens[s - 2].is_all_lower &&
                                (listed(s - 2, words_.conflict_nouns) ||
                                 (cue(s - 2, kAttackerNouns) && s >= 4 && word(s - 4) == "-" && listed(s - 3, words_.compound_adjective_tails)));
    if (s >= 1 && in_sentence(s - 1, sent) && !home_in) {
      size_t p = s - 1;
      const std::string_view pw = word(p);
      // "a cyber campaign by APT28 against Germany, Czechia and Poland", "hackers against Ukraine"
      if (pw == "against" && p >= 1 &&
          ((p - 1 < group_end_.size() && group_end_[p - 1]) || (cue(p - 1, kAttackerNouns) && doc_.tokens[p - 1].is_all_lower) ||
           (listed(p - 1, words_.offensive_nouns) && doc_.tokens[p - 1].is_all_lower))) {
        why = "'" + word(p - 1) + " against'";
        return "target";
      }
      // (a sentence that goes on about the attack of the sentence before counts: "The group sent
      // phishing emails. They went to government organisations in Turkey, Pakistan and Tajikistan.")
      const bool harm_before = !harm_sentence && sent >= 1 && (attack_word_in(sent - 1) != std::string::npos || malware_found_in(sent - 1));
      // where the attacks came from is no victim: "the attacks came mostly from the United States"
      // (rules/context/origin-words.txt; not a lure's feigned sender: "appeared to come from the ministry")
      size_t origin_word = std::string::npos;  // the word of origin before "from", if one is
      if (pw == "from") {
        size_t q = p;
        while (q >= 1 && in_sentence(q - 1, sent) && one_of(word(q - 1), {"mostly", "mainly", "largely", "primarily", "partly", "also", "only", "directly", "apparently", "reportedly", "allegedly"})) --q;
        const bool feigned = q >= 3 && in_sentence(q - 3, sent) && word(q - 2) == "to" &&
                             one_of(word(q - 3), {"appeared", "appear", "appears", "pretended", "pretend", "purported", "purporting", "claimed", "claiming", "seemed", "seem", "made", "designed"});
        if (q >= 1 && in_sentence(q - 1, sent) && listed(q - 1, words_.origin_words) && !feigned) origin_word = q - 1;
      }
      if (origin_word != std::string::npos) {
        why = "'" + word(origin_word) + " ... from': where the attack came from, not a victim";
        return "mention";
      }
      if (!place_of_other && (((victim_preposition(pw) || pw == "from") && (harm_sentence || harm_before)) || (pw == "of" && p >= 1 && cue(p - 1, kTargetCues)))) {
        for (size_t k = p; k > 0 && k + 25 >= p && in_sentence(k - 1, sent); --k) {
          const size_t t = k - 1;
          const std::string_view w = word(t);
          // (nor past the verb of an arrest: "... attacks ever seen has been arrested in Spain")
          // (a passive one tells what was found, nobody speaks: "infections have been reported in")
          const bool passive = t >= 1 && in_sentence(t - 1, sent) && be_verb(word(t - 1));
          // an aside of the speaker's is passed over: "most of the victims are in Egypt, the
          // researchers said, with smaller numbers in Lebanon"
          if (speaker_verb(t) && word(t + 1) == "," && t + 1 < p) {
            size_t c = t;
            while (c > 0 && in_sentence(c - 1, sent) && t - c < 5 && word(c - 1) != ",") --c;
            if (c > 0 && in_sentence(c - 1, sent) && word(c - 1) == ",") { k = c; continue; }
          }
          if (w == "." || w == ";" || (speaker_verb(t) && !passive) || (one_of(w, {"has", "have", "had"}) && !participle(after_adverbs(t + 1, sent))) ||
              (listed(t, words_.legal_action_words) && doc_.tokens[t].is_all_lower) ||
              (cue(t, kObserverNouns) && !one_of(w, {"officials", "official"}) && !attacked_observer(t, sent)))
            break;
          // nor past a new clause of another verb: "accused the group of breaking into email accounts
          // and recalled its ambassador from Moscow"
          if (w == "and" && t + 1 < p && doc_.tokens[t + 1].is_all_lower && word(t + 1).ends_with("ed") && !attack_word(t + 1))
            break;
          // nor past a word of living or being based there: "his brother lives in Iran"
          if ((listed(t, words_.residence_verbs) || listed(t, words_.home_words)) && doc_.tokens[t].is_all_lower) break;
          // (not a takedown's verb in a sentence of police work: "arrested four people and disrupted
          // more than 100 servers in Bulgaria, Canada, ...", where the police acted)
          if (cue(t, kTargetCues) && w != "against" && pw != "against" && !(listed(t, words_.takedown_verbs) && police_work(sent))) {
            why = "'" + w + " ... " + pw + "'";
            return "target";
          }
          if (victim_at(t) && pw != "from" && p - t <= kVictimNounReach) { why = "'" + w + " ... " + pw + "', attack word in the sentence"; return "target"; }
        }
      }
      if (word(p) == "against" && p >= 1 && cue(p - 1, kTargetCues)) { why = "'" + word(p - 1) + " against'"; return "target"; }
      // "used against the former government of Afghanistan", "attacks on the people of Ukraine"
      if (pw == "of" && p >= 2 && (victim_at(p - 1) || one_of(word(p - 1), {"government", "governments", "people", "population"}))) {
        size_t k = p - 1;
        while (k >= 1 && in_sentence(k - 1, sent) && p - k < 4 && (determiner(word(k - 1)) || (doc_.tokens[k - 1].is_all_lower && !cue(k - 1, kTargetCues) && !link_preposition(word(k - 1)))))
          --k;
        if (k >= 1 && in_sentence(k - 1, sent) && one_of(word(k - 1), {"against", "on", "targeting", "at"}) && k >= 2 && in_sentence(k - 2, sent) &&
            (cue(k - 2, kTargetCues) || word(k - 1) == "against")) {
          why = "'" + word(k - 1) + " ... " + word(p - 1) + " of'";
          return "target";
        }
      }
    }
    // The object of an attack verb: "hit the Philippines", "attacked Estonia and Latvia"
    if (s >= 1 && in_sentence(s - 1, sent)) {
      size_t k = s;
      while (k >= 1 && in_sentence(k - 1, sent) && determiner(word(k - 1))) --k;
      if (k >= 1 && in_sentence(k - 1, sent) && cue(k - 1, kTargetCues) && word(k - 1) != "against" &&
          !doc_.tokens[k - 1].is_upper_initial) {
        why = "object of '" + word(k - 1) + "'";
        return "target";
      }
    }
    // A place set before the clause: "In Switzerland, it targeted websites during the conference"
    if (before1 == "in" && (f < 2 || !in_sentence(f - 2, sent) || word(f - 2) == ";") && in_sentence(l + 1, sent) && word(l + 1) == ",")
      for (size_t k = l + 2; in_sentence(k, sent) && k <= l + 12; ++k) {
        if (speaker_verb(k) || word(k) == ";") break;
        if (attack_verb(k)) { why = "'In X,' before '" + word(k) + "'"; return "target"; }
      }
    // A country that says its own were hit: "The Czech Republic said some of its state institutions had been targeted"
    if (speaker)
      for (size_t k = end + 1; in_sentence(k, sent); ++k)
        if (one_of(word(k), {"its", "their"})) {
          // (not the accused's answer: "Pakistan has rejected accusations of involvement in cyber
          // espionage against its neighbour")
          if (word(k - 1) == "against" && !sentence_has_denial(sent)) { why = "says attacks were against its own"; return "target"; }
          for (size_t u = k + 1; in_sentence(u, sent) && u <= k + 8; ++u) {
            if (cue(u, kAttackerNouns)) break;  // "Russia said its hackers had attacked": not its own victims
            if (attack_verb(u)) { why = "says its own were '" + word(u) + "'"; return "target"; }
          }
        }
    // A reduced relative: the country's things, then an attack participle and what did it or when
    // ("the 50th US education body struck by ransomware", "the US government accounts compromised in
    // the breach"; not "Russian spies compromised networks", whose participle takes an object)
    for (size_t k = l + 1, n = 0; in_sentence(k + 1, sent) && n < 3 && doc_.tokens[k].is_word && doc_.tokens[k].is_all_lower; ++k, ++n) {
      if (cue(k, kAttackerNouns) || determiner(word(k)) || link_preposition(word(k)) || be_verb(word(k)) || phrase_stop(word(k))) break;
      if (n == 0 || !attack_verb(k) || !(word(k).ends_with("ed") || listed(k, words_.irregular_attack_verbs))) continue;
      if (one_of(word(k + 1), {"by", "in", "during", "last", "this", "earlier", ","})) {
        why = "'" + word(l + 1) + " ... " + word(k) + " " + word(k + 1) + "': its things hit";
        return "target";
      }
      break;
    }

    // Passive voice: "Ukraine was hit", "South Korea's banks were attacked"
    // (after the whole list: "Operations at plants in Slovakia, Brazil and India were also disrupted")
    bool be = false, have = false;
    const size_t le = list_end(l, sent);
    // (over the comma that closes a place aside the country ends: "A small water utility in Erris, in
    // the west of Ireland, was hit")
    size_t from = le + 1;
    if (in_sentence(from, sent) && word(from) == ",")
      for (size_t b = f; b >= 2 && b + 6 >= f && in_sentence(b - 2, sent); --b) {
        if (word(b - 1) == "," ) break;
        if (one_of(word(b - 1), {"in", "near", "outside"}) && word(b - 2) == ",") { from = le + 2; break; }
      }
    for (size_t k = from, reach = from + 9; in_sentence(k, sent) && k <= reach; ++k) {
      // (past an aside of examples: "the websites of several U.S. states, including Colorado, Kentucky
      // and Mississippi, were knocked offline")
      if (const size_t e = examples_aside_end(k, sent); e > k) {
        reach += e - k;
        k = e;
        continue;
      }
      const std::string_view w = word(k);
      // the participle of an attack verb ("was hit", "were breached") or a victim noun ("have been
      // favourite targets"), not a preposition ("were caught in April with hacking equipment")
      // (after "has/had" only a victim noun: "Spain had the largest number of victim organisations")
      if (cue(k, kTargetCues) && (be || (have && cue(k, kVictimNouns) && !attack_verb(k))) && w != "against" && word(k - 1) != "to" &&
          (w.ends_with("ed") || w.ends_with("ing") || listed(k, words_.irregular_attack_verbs) || cue(k, kVictimNouns))) {
        // "Russia is attacking Estonia": the progressive is active, its subject the attacker
        const bool after_be = be_verb(word(k - 1)) || (k >= 2 && word(k - 1).ends_with("ly") && be_verb(word(k - 2)));
        if (attack_verb(k) && w.size() > 4 && w.substr(w.size() - 3) == "ing" && word(k - 1) != "being" && after_be) {
          why = "progressive '" + word(k - 1) + " " + w + "'";
          return "attribution";
        }
        // "China was itself a victim": the accused country's answer, not a report of a victim
        // ("China is itself a major victim of cyber attacks")
        for (size_t j = k - 1; j + 4 > k && j > le && in_sentence(j, sent); --j)
          if (one_of(word(j), {"itself", "themselves"})) { why = "'itself a victim'"; return "mention"; }
        if (w.ends_with("ing")) break;  // "caught with hacking equipment": no passive
        if (w == "locked" && in_sentence(k + 1, sent) && one_of(word(k + 1), {"in", "into"})) break;  // "locked in a territorial dispute"
        why = "passive '... " + w + "'";
        return "target";
      }
      // a form of "be" makes the passive; "had hacked" is active ("US and British intelligence
      // agencies had probably hacked into its networks")
      if (one_of(w, {"was", "were", "is", "are", "be", "been", "being"})) be = true;
      if (one_of(w, {"has", "have", "had"})) have = true;
      if (!(w == "'" || doc_.tokens[k].is_word) || phrase_stop(w)) break;
    }
    // Where the victims the sentence before counted are: "Of those, 1,660 were in Lebanon, 483 in
    // Israel", "About 80% of them were in Ukraine, with most of the rest in Romania, Poland and
    // Hungary", "The largest numbers were in Morocco and Brazil, followed by Britain and Spain"
    if (!attack_sentence && !home_in && !speaker && s >= 1 && in_sentence(s - 1, sent) &&
        (word(s - 1) == "in" || (word(s - 1) == "by" && s >= 2 && in_sentence(s - 2, sent) && word(s - 2) == "followed")) &&
        counts_out_victims(sent)) {
      why = "'" + word(s - 1) + "' in a sentence that counts out the victims of the sentence before";
      return "target";
    }
    // a tally in one sentence: "Spain had the largest number of victim organisations, 25, followed by
    // Pakistan with 22", "targets in the Palestinian territories were well ahead, followed by Jordan"
    if (!speaker && s >= 2 && in_sentence(s - 2, sent) && word(s - 1) == "by" && word(s - 2) == "followed" &&
        doc_.sentence_has_cue(sent, kTargetCues)) {
      why = "'followed by' in a tally of victims";
      return "target";
    }
    // (and the countries that rank after it in the same sentence: "..., and Bangladesh and Chile with two each")
    if (!attack_sentence && !speaker && tally_lead(sent) && counts_out_victims(sent)) {
      why = "a country that ranks in a tally of the victims of the sentence before";
      return "target";
    }
    // an item of a list that a sentence with an attack word opens: "Among those they went after:" ...
    // "- human rights activists and journalists in Uzbekistan;"
    if (!home_in && !place_of_other && !observer_org_after(l, end) && subject_verb_after(l, sent) == std::string::npos)
      if (const size_t k = attack_list_word(sent); k != std::string::npos) {
        why = "an item of the list '" + word(k) + " ...:' opens";
        return "target";
      }
    // Fallback: an attack word earlier in the same sentence ("the cyberattack that forced
    // JBS to halt plants in the United States"), no speaker or new clause between; not a
    // country things go to or come by ("moved its data to Ireland", "condemned by Germany").
    // a vendor's or outlet's home: "the British security company NCC Group and its Dutch subsidiary Fox-IT"
    const bool observer_org = observer_org_after(l, end);
    // not the subject of its own verb: "Britain and the United States accused a group", "police in
    // the Netherlands arrested a teenager", "Australian media reported"
    const size_t subject_verb = subject_verb_after(l, sent);
    if (attack_sentence && !home_in && !place_of_other && !observer_org && subject_verb == std::string::npos &&
        !(s >= 1 && in_sentence(s - 1, sent) && one_of(word(s - 1), {"to", "by", "with", "for", "outside", "beyond", "except", "excluding"})))
      for (size_t k = s; k > 0 && in_sentence(k - 1, sent); --k) {
        const std::string_view w = word(k - 1);
        if (w == ";" || speaker_verb(k - 1) || one_of(w, {"has", "have", "had", "while", "whereas", "but"})) break;
        // nor past a subordinate clause's opening: "go after countries that support Ukraine,
        // particularly when they host high-level Ukrainian delegations"
        if (one_of(w, {"when", "because", "although", "though", "if", "unless", "whether"})) break;
        // (a word of a name is none: "the US Cybersecurity and Infrastructure Security Agency")
        if (cue(k - 1, kTargetCues) && w != "against" && !(listed(k - 1, words_.takedown_verbs) && police_work(sent)) &&
            (doc_.tokens[k - 1].is_all_lower || k - 1 == doc_.sentences[sent].first_token || doc_.in_title(doc_.tokens[k - 1].start))) {
          why = "attack word '" + w + "' earlier in the sentence";
          weak_target = true;
          return "target";
        }
      }
    // "campaigns against governments in Poland": observers that are themselves attacked
    if (attack_sentence && s >= 2 && in_sentence(s - 2, sent) && one_of(word(s - 1), {"in", "at", "from"}) && cue(s - 2, kObserverNouns) &&
        attacked_observer(s - 2, sent)) {
      why = "'" + word(s - 2) + " " + word(s - 1) + "', themselves attacked";
      return "target";
    }
    // "researchers in Canada", "prosecutors in Washington": where an observer works (no role, but
    // a reason: the story's-country fallback of relations.cpp passes it by)
    if (s >= 2 && in_sentence(s - 2, sent) && one_of(word(s - 1), {"in", "at", "from"}) && cue(s - 2, kObserverNouns) && !attacked_observer(s - 2, sent)) {
      why = "'" + word(s - 2) + " " + word(s - 1) + "': where an observer works";
      return "mention";
    }
    return "mention";
  }

  // A sector is a victim's ("target") only in a sentence with an attack word; one named in passing
  // ("the banking trojan", "banks are barred from dealing with them") is a "mention".
  std::string sector_role(const Mention& m, std::string& why) const {
    const size_t f = doc_.token_starting_at(m.start);
    if (f == std::string::npos) return "mention";
    const uint32_t sent = doc_.tokens[f].sentence;
    // what a body named right before is, not an industry hit: "according to SektorCERT, the non-profit
    // security centre that protects ...", "EU DisinfoLab, a non-profit group, exposed it"
    if (const size_t n = described_body_before(f, sent); n != std::string::npos) {
      why = "describes the body named before it ('" + word(n) + "')";
      return "mention";
    }
    if (const size_t k = attack_word_in(sent); k != std::string::npos) {
      if (const size_t h = hypothetical_word_in(sent); h < k && !group_named_in(sent)) {
        why = "attack word '" + word(k) + "' in a sentence of what may happen ('" + word(h) + "'), no group named";
        return "mention";
      }
      why = "attack word '" + word(k) + "' in the sentence";
      return "target";
    }
    // a verb of hacking has victims too ("used a front company to hack maritime, defence and
    // health organisations", "hacked banks", "hacking into hospitals"; not a noun: "a hacking
    // group", "an attempted hack", "charges including hacking")
    if (const size_t k = hacking_verb_in(sent); k != std::string::npos) {
      why = "hacking verb '" + word(k) + "' in the sentence";
      return "target";
    }
    // a list that goes on from a sentence about an attack: "They included an energy trade association; ...",
    // "Those clients included banks"
    if (const size_t v = list_goes_on_.ask(doc_, sent, [&](const Sentence&) { return list_goes_on(doc_, sent); });
        v != std::string::npos && attack_word_in(sent - 1) != std::string::npos) {
      why = "'" + word(doc_.sentences[sent].first_token) + " ... " + word(v) + "' after a sentence with an attack word";
      return "target";
    }
    if (const size_t k = attack_list_word(sent); k != std::string::npos) {
      why = "an item of the list '" + word(k) + " ...:' opens";
      return "target";
    }
    why = "no attack word in the sentence";
    return "mention";
  }
  // The last token of an observer's or cited body's name followed by ", the|a|an" and at most three
  // more words before the sector word at token f; npos when there is none. (A victim's description
  // names the industry hit: "Bank Sepah, a state-owned lender", "CDK Global, the software company".)
  size_t described_body_before(size_t f, uint32_t sent) const {
    size_t k = f;
    for (int words = 0; k >= 1 && in_sentence(k - 1, sent) && words <= 3; ++words) {
      const std::string_view w = word(k - 1);
      if (one_of(w, {"the", "a", "an"})) break;
      if (!(doc_.tokens[k - 1].is_word || w == "-") || listed(k - 1, words_.reporter_verbs) || doc_.has_cue(k - 1, kTargetCues)) return std::string::npos;
      --k;
    }
    if (k < 3 || !in_sentence(k - 3, sent) || !one_of(word(k - 1), {"the", "a", "an"}) || word(k - 2) != ",") return std::string::npos;
    return body_end_[k - 3] ? k - 3 : std::string::npos;
  }
  // The sentence opens by counting out what the sentence before, which has an attack word, told
  // of: a word that refers back or a share ("of those", "80% of them", "the largest numbers",
  // "most of the rest") among its first six words.
  // A tally goes on over several sentences: "South Korea was hit most often, with ten incidents. India
  // followed with three, and Bangladesh and Chile with two each. Single cases were recorded in Costa
  // Rica, ..." (each sentence counts on from the one before, back to one with an attack word).
  bool counts_out_victims(uint32_t sent, int depth = 0) const {
    if (sent == 0 || depth > 3) return false;
    if (attack_word_in(sent - 1) == std::string::npos && !(tally_lead(sent - 1) && counts_out_victims(sent - 1, depth + 1)))
      return false;
    const size_t first = doc_.sentences[sent].first_token;
    for (size_t k = first; k < first + 6 && in_sentence(k, sent); ++k)
      if (one_of(word(k), {"those", "them", "these", "numbers", "rest", "majority", "others", "further", "remainder", "cases", "incidents"}))
        return true;
    return tally_lead(sent);
  }
  // The sentence opens with a country that ranks in a tally: "India followed with three", "Brazil came
  // next", "Germany accounted for 12%".
  bool tally_lead(uint32_t sent) const {
    const size_t first = doc_.sentences[sent].first_token;
    size_t k = first;
    bool country = false;
    // (several countries each with a share: "Mexico and Ireland each accounted for 9 percent")
    while (in_sentence(k, sent) && k < first + 12 && (is_country_token(k) || one_of(word(k), {"the", ",", "and", "each", "both"}))) {
      country = country || is_country_token(k);
      ++k;
    }
    if (!country || !in_sentence(k, sent) || !listed(k, words_.tally_verbs)) return false;
    // with a count or a rank: not "India followed with a complaint"
    for (size_t u = k + 1; u <= k + 4 && in_sentence(u, sent); ++u)
      if (doc_.tokens[u].is_digit || listed(u, words_.list_leads) || one_of(word(u), {"next", "second", "third", "fourth", "fifth"}))
        return true;
    return false;
  }
  // The country starting at token f follows "in" (or "across", "throughout"), an attack word comes
  // before it in the sentence, and no word of living or being based there comes before the preposition.
  bool where_victims_are(size_t f, uint32_t sent) const {
    size_t p = f;
    if (p >= 1 && in_sentence(p - 1, sent) && word(p - 1) == "the") --p;
    if (p < 2 || !in_sentence(p - 2, sent) || !one_of(word(p - 1), {"in", "across", "throughout"})) return false;
    if (listed(p - 2, words_.home_words) || listed(p - 2, words_.residence_verbs)) return false;
    const size_t k = attack_word_in(sent);
    return k != std::string::npos && k < p;
  }
  // The first word of the sentence that makes its attack a possibility, a duty or a defence
  // (context/hypothetical-words.txt; a modal before "have" tells of the past: "may have been
  // stolen"; so does a past modal denied, what victims were unable or unwilling to do: "cinemas
  // could not sell tickets", "the council would not say"), npos if none.
  size_t hypothetical_word_in(uint32_t sent) const {
    return hypothetical_at_.ask(doc_, sent, [&](const Sentence& s) {
      for (size_t k = s.first_token; k < s.end_token; ++k) {
        if (!doc_.tokens[k].is_all_lower || !listed(k, words_.hypothetical_words)) continue;
        const std::string_view next = in_sentence(k + 1, sent) ? word(k + 1) : std::string_view();
        const std::string_view after = in_sentence(k + 2, sent) ? word(k + 2) : std::string_view();
        if (next == "have" || (next == "not" && after == "have")) continue;
        if (one_of(word(k), {"could", "would"}) && (next == "not" || (next == "no" && after == "longer")) &&
            after != "have" && !(word(k) == "would" && after == "be"))  // "the attack would not be the last"
          continue;
        return k;
      }
      return std::string::npos;
    });
  }
  bool group_named_in(uint32_t sent) const {
    return group_named_.ask(doc_, sent, [&](const Sentence& s) { return s.end_token > s.first_token && any_of_tokens(group_start_, s.first_token, s.end_token - 1); });
  }
  // A form of "hack" used as a verb with an object: "to hack", "hacked" before a word (not after
  // an article), "hacking" before "into" or a determiner.
  // Asked per sector, found once per sentence.
  size_t hacking_verb_in(uint32_t sent) const {
    return hacking_verb_at_.ask(doc_, sent, [&](const Sentence& s) {
      for (size_t k = s.first_token; k + 1 < s.end_token; ++k) {
        if (exploits_those_hit(k, s)) return k;
        if (!listed(k, words_.hack_words) || !doc_.tokens[k].is_all_lower || !doc_.tokens[k + 1].is_word) continue;
        const std::string_view w = word(k), next = word(k + 1), before = k > s.first_token ? word(k - 1) : std::string_view();
        if (one_of(before, {"not", "never", "the", "a", "an"})) continue;
        // ("hacking" after an auxiliary or a verb of going on is a verb too: "were still hacking U.S.
        // organizations", "began hacking")
        if ((w == "hack" && before == "to") || (w == "hacked" && !cue(k + 1, kAttackerNouns)) ||
            (w == "hacking" && (one_of(next, {"into", "the", "a", "an", "their", "its", "his", "her"}) ||
                                (one_of(before, {"was", "were", "is", "are", "been", "be", "still", "also", "began", "started", "kept", "while"}) &&
                                 !cue(k + 1, kAttackerNouns)))))
          return k;
      }
      return std::string::npos;
    });
  }
  // "exploiting U.S. organizations in the education sector": exploiting those hit (a noun of
  // context/target-cue-nouns.txt within three words), not a flaw ("exploiting flaws in VPN products").
  bool exploits_those_hit(size_t k, const Sentence& s) const {
    if (!one_of(word(k), {"exploiting", "exploited", "exploit", "exploits"}) || !doc_.tokens[k].is_all_lower) return false;
    for (size_t u = k + 1, words = 0; words < 4 && u < s.end_token; words += doc_.tokens[u].is_word, ++u) {
      if (listed(u, words_.flaw_words)) return false;
      if (listed(u, words_.target_cue_nouns) && doc_.tokens[u].is_all_lower) return true;
    }
    return false;
  }
  // A target cue that is more than a noun for an organisation or people ("hit", "intrusions", "victims").
  bool attack_word(size_t k) const { return cue(k, kTargetCues) && !listed(k, words_.target_cue_nouns); }
  // The first attack word of the sentence (npos if none); asked per country and sector, found once.
  size_t attack_word_in(uint32_t sent) const {
    return attack_word_at_.ask(doc_, sent, [&](const Sentence& sentence) {
      // not a negated one: "offices in France and Brazil ... were not affected"
      for (size_t k = sentence.first_token; k < sentence.end_token; ++k)
        if (attack_word(k) && !(k >= sentence.first_token + 1 && one_of(word(k - 1), {"not", "never", "t", "un"})) &&
            !(k >= sentence.first_token + 2 && one_of(word(k - 2), {"not", "never"}) && word(k - 1) == "been"))
          return k;
      return std::string::npos;
    });
  }
  // Malicious code found or planted somewhere in the sentence: a verb of rules/context/malware-verbs.txt
  // shortly before a word of malware-nouns.txt ("found the wiper", "planted spyware", "detected a new
  // backdoor"); not "report every ransomware incident", "sanctioned the ransomware gang".
  // Asked per country, found once per sentence (a hostile sentence lists thousands of countries).
  bool malware_found_in(uint32_t sent) const {
    return malware_found_.ask(doc_, sent, [&](const Sentence& sentence) {
      for (size_t k = sentence.first_token; k < sentence.end_token; ++k) {
        if (!listed(k, words_.malware_nouns) || !doc_.tokens[k].is_all_lower) continue;
        if (k + 1 < sentence.end_token && doc_.tokens[k + 1].is_word && doc_.tokens[k + 1].is_all_lower &&
            !victim_preposition(word(k + 1)))
          continue;  // a modifier: "ransomware gang", "malware samples"
        for (size_t v = k; v > sentence.first_token && v + 4 > k; --v)
          if (listed(v - 1, words_.malware_verbs) && doc_.tokens[v - 1].is_all_lower) return true;
      }
      return false;
    });
  }
  // Questions about a whole sentence, answered once per sentence however many countries ask them.
  SentenceMemo malware_found_, denial_, group_named_, police_work_, outage_at_;
  // The country [f, l] opens the sentence after "In" (and "the") and a comma follows it.
  bool opens_in_country(size_t f, size_t l, uint32_t sent) const {
    const size_t first = doc_.sentences[sent].first_token;
    const size_t after_in = first + 1 + (in_sentence(first + 1, sent) && word(first + 1) == "the" ? 1 : 0);
    if (!(word(first) == "in" && f == after_in && in_sentence(l + 1, sent) && word(l + 1) == ",")) return false;
    // (not where a speaker is: "In Switzerland, police said the hacktivists targeted websites in Ukraine")
    for (size_t k = l + 2; k <= l + 7 && in_sentence(k, sent); ++k)
      if (speaker_verb(k)) return false;
    return true;
  }
  // The sentence tells of police work: an arrest, a raid, a seizure (context/police-action-words.txt).
  bool police_work(uint32_t sent) const { return sentence_has_word(doc_, sent, words_.police_action_words, police_work_); }
  SentenceTokenMemo attack_word_at_, hypothetical_at_, hacking_verb_at_, list_goes_on_, attack_list_word_;

  // The article tells of charges, indictments, sanctions or arrests.
  bool legal_story() const {
    if (legal_story_ < 0) {
      legal_story_ = 0;
      for (size_t k = 0; k < doc_.tokens.size() && !legal_story_; ++k)
        legal_story_ = listed(k, words_.legal_action_words) || listed(k, words_.legal_story_words);
    }
    return legal_story_ == 1;
  }
  mutable int8_t legal_story_ = -1;

  // "have linked", "has publicly blamed": the noun phrase ending at token l attributes an attack.
  bool attributes_after(size_t l, uint32_t sent) const {
    size_t k = phrase_end(l, sent);
    if (!in_sentence(k, sent) || !one_of(word(k), {"has", "have", "had"})) return false;
    ++k;
    while (in_sentence(k, sent) && (word(k) == "also" || (word(k).ends_with("ly") && doc_.tokens[k].is_all_lower))) ++k;
    return in_sentence(k, sent) && doc_.tokens[k].is_all_lower && cue(k, kAttributionCues) && word(k).ends_with("ed");
  }

  // "Russians", "Estonians": people of the country, written as a demonym.
  bool plural_demonym(const Mention& m) const { return m.form != UINT32_MAX && rules_.forms[m.form].plural_demonym(); }
  // "<Name>, 28, of St. Petersburg, Russia" or "<Name>, 25, of Tallinn": the country (or its
  // city) right after "<age>, of" following a capitalised name.
  bool charged_from(size_t f, uint32_t sent) const {
    size_t k = f;
    // over "<city>, " before the country: "Tallinn, Estonia", "St. Petersburg, Russia"
    if (k >= 2 && in_sentence(k - 2, sent) && word(k - 1) == "," && doc_.tokens[k - 2].is_upper_initial) {
      k -= 1;
      for (size_t n = 0; n < 5 && k >= 1 && in_sentence(k - 1, sent) && (doc_.tokens[k - 1].is_upper_initial || word(k - 1) == "."); ++n) --k;
    }
    if (k < 5 || !in_sentence(k - 5, sent) || word(k - 1) != "of" || word(k - 2) != "," || !doc_.tokens[k - 3].is_digit || word(k - 4) != ",")
      return false;
    return doc_.tokens[k - 5].is_upper_initial;
  }

  // The verb of which the noun phrase ending at token l (a country, its nouns: "Australian media")
  // is the subject: a speaker's verb, a legal action, an attribution cue ("linked", "blamed") or
  // "reported"; over "has", "also", adverbs and dates. npos if none.
  size_t verb_after(size_t l, uint32_t sent) const {
    const auto subject_verb = [&](size_t k) {
      return doc_.tokens[k].is_all_lower && (speaker_verb(k) || listed(k, words_.legal_action_words) || word(k) == "reported" ||
                                             (cue(k, kAttributionCues) && word(k).ends_with("ed")));
    };
    const size_t end = phrase_end(l, sent);
    for (size_t k = l + 1; k < end; ++k)  // the noun phrase reads on over a verb: "police in the Netherlands arrested a"
      if (subject_verb(k)) return k;
    size_t k = end;
    while (in_sentence(k, sent) && (one_of(word(k), {"has", "have", "had", "also", "on", "publicly", "jointly", "formally", "and", "or"}) ||
                                    date_token_[k] || (word(k).ends_with("ly") && doc_.tokens[k].is_all_lower)))
      ++k;
    return in_sentence(k, sent) && subject_verb(k) ? k : std::string::npos;
  }
  // The country's noun phrase is followed by a speaker verb ("Israel's military said", "Australian
  // intelligence determined", "Dutch intelligence had concluded").
  bool speaker_after(size_t l, size_t end, uint32_t sent) const {
    for (size_t k = l + 2; k < end; ++k)
      if (speaker_verb(k)) return true;
    size_t k = end;
    // over the body's name in apposition: "Norway's domestic intelligence agency, the Police Security
    // Service (PST), said", "Germany's domestic intelligence agency, the BfV, issued"
    if (in_sentence(k + 1, sent) && word(k) == ",") {
      size_t a = k + 1;
      if (word(a) == "the") ++a;
      if (in_sentence(a, sent) && doc_.tokens[a].is_upper_initial) {
        size_t close = a;
        while (in_sentence(close, sent) && close <= a + 12 && word(close) != ",") ++close;
        if (in_sentence(close + 1, sent) && word(close) == ",") k = close + 1;
      }
    }
    // "Australia's signals intelligence agency on Monday published", "has also said"
    while (in_sentence(k, sent) && (one_of(word(k), {"has", "have", "had", "also", "on", "publicly"}) || date_token_[k])) ++k;
    return in_sentence(k, sent) && speaker_verb(k);
  }

  // A legal or punishing word among the four before the country's list.
  bool acted_on_by_state(size_t f, uint32_t sent) const {
    for (size_t k = list_start(f, sent), n = 0; k >= 1 && n < 4 && in_sentence(k - 1, sent); --k, ++n)
      if (doc_.tokens[k - 1].is_all_lower && (listed(k - 1, words_.legal_action_words) || listed(k - 1, words_.punish_words))) return true;
    return false;
  }
  bool sentence_has_denial(uint32_t sent) const {
    return denial_.ask(doc_, sent, [&](const Sentence& s) {
      for (size_t k = s.first_token; k < s.end_token; ++k)
        if (listed(k, words_.denial_words)) return true;
      return false;
    });
  }

  // The country's phrase is what an attack word acts on: an attack verb or "against" right before
  // it (over determiners and up to two lower-case modifiers), or "of" after a victim noun.
  bool attacked_phrase(size_t f, uint32_t sent) const {
    size_t k = list_start(f, sent);
    while (k >= 1 && in_sentence(k - 1, sent) && determiner(word(k - 1))) --k;
    for (int n = 0; n < 2 && k >= 1 && in_sentence(k - 1, sent) && doc_.tokens[k - 1].is_all_lower && !cue(k - 1, kTargetCues) &&
                    !link_preposition(word(k - 1)) && word(k - 1) != "against" && !determiner(word(k - 1)) && !speaker_verb(k - 1);
         ++n)
      --k;
    if (k < 1 || !in_sentence(k - 1, sent)) return false;
    if (word(k - 1) == "against" || attack_verb(k - 1)) return true;
    return word(k - 1) == "of" && k >= 2 && in_sentence(k - 2, sent) && cue(k - 2, kVictimNouns) && doc_.tokens[k - 2].is_all_lower;
  }

  // A word of backing right before the country's list ("support Ukraine", "aid to Ukraine", "allies
  // of Ukraine") or after its possessive ("Ukraine's allies", "Ukraine's most generous backers").
  size_t supported_by(size_t f, size_t l, uint32_t sent) const {
    size_t k = list_start(f, sent);
    if (k >= 1 && in_sentence(k - 1, sent) && one_of(word(k - 1), {"to", "for", "of", "the", "with"})) --k;
    // (not the victims the list goes on to: "countries they see as supporting Israel, including Albania")
    bool including = false;
    for (size_t t = k; t < f && t < k + 40 && !including; ++t)  // (a hostile list of thousands is not walked per country)
      including = one_of(word(t), {"including", "such", "like", "notably", "especially"});
    if (!including && k >= 1 && in_sentence(k - 1, sent) && listed(k - 1, words_.support_words) && doc_.tokens[k - 1].is_all_lower) return k - 1;
    if (!in_sentence(l + 2, sent) || word(l + 1) != "'") return std::string::npos;
    size_t a = l + 2;
    if (word(a) == "s") ++a;
    for (size_t n = 0; in_sentence(a, sent) && n < 3 && doc_.tokens[a].is_all_lower; ++a, ++n)
      if (listed(a, words_.support_words)) return a;
    return std::string::npos;
  }

  // "made by", "sold by" or "<product> from" before the country's phrase (over its article and an
  // apposition's name: "made by MikroTik, a Latvian manufacturer"); returns the verb or product
  // noun, npos if none.
  size_t maker_before(size_t f, uint32_t sent) const {
    size_t k = f;
    auto back = [&](size_t t) { return t >= 1 && in_sentence(t - 1, sent); };
    while (back(k) && (determiner(word(k - 1)) || one_of(word(k - 1), {"another", "one"}))) --k;
    if (back(k) && word(k - 1) == "of") {  // the maker's home after its name: "made by Wincor Nixdorf of Germany"
      size_t j = k - 1;
      while (back(j) && doc_.tokens[j - 1].is_upper_initial && k - j < 5) --j;
      if (j < k - 1) k = j;
    } else if (back(k) && word(k - 1) == ",") {  // an apposition: "MikroTik, a Latvian manufacturer"
      size_t j = k - 1;
      while (back(j) && doc_.tokens[j - 1].is_upper_initial) --j;
      if (j < k - 1) k = j;
    }
    if (!back(k) || !back(k - 1)) return std::string::npos;
    if (word(k - 1) == "by" && listed(k - 2, words_.maker_verbs)) return k - 2;
    if (word(k - 1) == "from" && listed(k - 2, words_.product_nouns)) return k - 2;
    return std::string::npos;
  }

  // An infrastructure noun after "to", "from", "via", "through" that the country's phrase hangs from
  // ("sent to servers in China", "from IP addresses of Kremlin computers and Russian ...");
  // returns the direction word, npos if none.
  size_t infrastructure_before(size_t f, uint32_t sent) const {
    size_t s = list_start(f, sent);
    // over the city before the country: "a server in the Siberian city of Tomsk, Russia"
    if (s >= 2 && in_sentence(s - 2, sent) && word(s - 1) == "," && doc_.tokens[s - 2].is_upper_initial) s -= 2;
    for (size_t t = s; t > 0 && t + 10 >= s && in_sentence(t - 1, sent); --t) {
      const size_t k = t - 1;
      const std::string_view w = word(k);
      if (w == "." || w == ";" || w == "," || speaker_verb(k) || attack_verb(k)) break;
      if (!listed(k, words_.infrastructure_nouns) || !in_sentence(k + 1, sent)) continue;
      // "servers in", "a server located in", "domains registered in"
      const size_t p = listed(k + 1, words_.hosting_words) ? k + 2 : k + 1;
      if (!in_sentence(p, sent) || !one_of(word(p), {"in", "of", "at"})) continue;
      // not the victim's machines: "pushed an uninstaller to infected machines in the United States"
      // (over a possessive: "gained access to the gang's servers in Germany")
      for (size_t d = k; d > 0 && d + 5 >= k && in_sentence(d - 1, sent) && !cue(d - 1, kTargetCues); --d)
        if (one_of(word(d - 1), {"to", "from", "via", "through"})) return d - 1;
    }
    return std::string::npos;
  }

  // The country (or the list it is in) follows "partners in", "agencies from"..., the sentence is
  // about an advisory or statement, and no attack verb in it makes anyone a victim.
  bool cosigner(size_t f, uint32_t sent) const {
    const size_t s = list_start(f, sent);
    if (s < 2 || !in_sentence(s - 2, sent) || !one_of(word(s - 1), {"in", "from", "of"}) || !listed(s - 2, words_.cosigner_nouns))
      return false;
    return advisory_sentence(sent);
  }
  // A signing word and no attack verb in the sentence; one scan per sentence.
  bool advisory_sentence(uint32_t sent) const {
    if (advisory_.size() != doc_.sentences.size()) advisory_.assign(doc_.sentences.size(), -1);
    if (advisory_[sent] < 0) {
      bool cosign = false, attack = false;
      const Sentence& sentence = doc_.sentences[sent];
      for (size_t k = sentence.first_token; k < sentence.end_token && !attack; ++k) {
        attack = attack_verb(k);
        cosign = cosign || listed(k, words_.cosign_cues);
      }
      advisory_[sent] = cosign && !attack;
    }
    return advisory_[sent] == 1;
  }
  mutable std::vector<int8_t> advisory_;  // per sentence: -1 not scanned yet

  // An attribution cue right before the country, through a linking preposition and determiners:
  // "linked to [the] X", "sponsored by X", "on behalf of X", "blamed X", "pointed to X".
  size_t attribution_cue_before(size_t f, uint32_t sent) const {
    size_t k = f;
    auto back = [&]() { return k >= 1 && in_sentence(k - 1, sent) ? word(k - 1) : std::string_view(); };
    auto skip_heads = [&]() { while (determiner(back()) || one_of(back(), {"government", "governments", "state", "regime", "country"})) --k; };
    skip_heads();
    if (back() == "of" && k >= 2 && one_of(word(k - 2), {"government", "governments", "state", "regime"})) {  // "the government of X"
      --k;
      skip_heads();
    }
    // "intrusions blamed on Pyongyang", "pinned the intrusions on Moscow" (not "blamed for an attack on")
    if (back() == "on")
      for (size_t t = k - 1; t >= 1 && t + 6 >= k && in_sentence(t - 1, sent) && doc_.tokens[t - 1].is_word && word(t - 1) != "for"; --t)
        if (listed(t - 1, words_.blame_verbs)) return t - 1;
    std::string prep;
    if (link_preposition(back())) {
      prep = back();
      --k;
      while (k >= 1 && in_sentence(k - 1, sent) && listed(k - 1, words_.hedge_adverbs)) --k;
    }
    const bool back_in_sentence = k >= 1 && in_sentence(k - 1, sent);
    if (prep.empty() && !(back_in_sentence && listed(k - 1, words_.bare_attribution_cues))) return std::string::npos;
    if (prep == "with" && !(back_in_sentence && listed(k - 1, words_.with_attribution_cues))) return std::string::npos;
    size_t c = std::string::npos;
    if (k >= 1 && in_sentence(k - 1, sent) && cue(k - 1, kAttributionCues)) c = k - 1;
    // "linked the intrusions to China", "traced the hacking operation to Iran"
    if (c == std::string::npos && prep == "to")
      for (size_t t = k - 1; t + 6 >= k && t >= 1 && in_sentence(t - 1, sent); --t) {
        if (!doc_.tokens[t - 1].is_word) break;
        if (cue(t - 1, kAttributionCues)) { c = t - 1; break; }
      }
    if (c == std::string::npos) return c;
    // "diplomats based in Russia", "employees were based at the US embassy", "Bitfinex, which was
    // then based in Hong Kong": victims and organisations live there, attackers are not from there
    if (c >= 1 && in_sentence(c - 1, sent) && victim_at(c - 1)) return std::string::npos;
    for (size_t t = c; word(c) == "based" && t >= 1 && t + 6 >= c && in_sentence(t - 1, sent); --t) {
      if (victim_at(t - 1) || org_token_[t - 1]) return std::string::npos;
      const std::string_view w = word(t - 1);
      if (!(be_verb(w) || one_of(w, {",", "which", "who", "that", "then", "now", "still", "either", "all", "both", "mostly", "mainly", "also"}) ||
            (w.ends_with("ly") && doc_.tokens[t - 1].is_all_lower)))
        break;
    }
    return c;
  }

};

}  // namespace

void assign_roles(Document& doc, const RuleSet& rules) { Roles(doc, rules).run(); }

}  // namespace news
