#include "aggregate/relations.hpp"

#include <algorithm>
#include <span>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include "aggregate/list_goes_on.hpp"
#include "aggregate/sentence_memo.hpp"
#include "core/text.hpp"
#include "extract/operations/operations.hpp"

namespace news {

namespace {

// The actor's kind: from its knowledge entry, else what the finder that found it said
// (an unknown gang "known as X" is a threat group, "the Port of Lisbon" an organisation).
const std::string& actor_kind(const Mention& m, const RuleSet& rules) { return rules.actor_kind(m); }

bool is_group(const Mention& m, const RuleSet& rules) { return rules.is_group(m); }

uint32_t sentence_of(const Document& doc, const Mention& m) {
  const size_t t = doc.token_starting_at(m.start);
  return t == std::string::npos ? 0 : doc.tokens[t].sentence;
}

// Words before an actor that make it the one who reports ("according to Proofpoint", "researchers at ESET").
bool reporter_before(std::string_view w) { return one_of(w, {"to", "by", "at", "from", "with"}); }
// Auxiliaries and adverbs that may stand between a body and its verb: "the FBI has also said",
// "Microsoft first named", "the NCA and the FBI jointly disrupted".
class RelationFinder {
 public:
  RelationFinder(Document& doc, const RuleSet& rules)
      : doc_(doc), rules_(rules), words_(*rules.words) {
    date_token_.assign(doc.tokens.size(), false);
    for (const auto& m : doc.mentions)
      if (m.type == MentionType::Date)
        doc.mark_tokens(m.start, m.end, date_token_);
    org_token_.assign(doc.tokens.size(), false);
    group_token_.assign(doc.tokens.size(), false);
    country_token_.assign(doc.tokens.size(), false);
    government_token_.assign(doc.tokens.size(), false);
    for (const auto& m : doc.mentions)
      if (m.type == MentionType::Operation && (m.entry != UINT32_MAX ? rules.campaigns[m.entry].takedown : police_operation(m)))
        takedowns_.insert(m.value);
    takedown_named_.assign(doc.sentences.size(), false);
    for (const auto& m : doc.mentions)
      if (m.type == MentionType::Operation && takedowns_.count(m.value)) takedown_named_[sentence_of(doc, m)] = true;
    for (const auto& m : doc.mentions) {
      if (m.type == MentionType::Country)
        doc.mark_tokens(m.start, m.end, country_token_);
      if (is_group(m, rules)) {
        names_group_ = true;
        doc.mark_tokens(m.start, m.end, group_token_);
      } else if (m.type == MentionType::Actor && actor_kind(m, rules) != "person") {  // ("citing Snowden documents")
        doc.mark_tokens(m.start, m.end, org_token_);
        if (actor_kind(m, rules) == "government") doc.mark_tokens(m.start, m.end, government_token_);
      }
    }
    for (const auto& m : doc.mentions)
      if (!doc.in_title(m.start) && state_body_attacks(m)) state_attackers_.insert(m.value);
    for (const auto& b : doc.mentions) {
      if (b.type != MentionType::Actor || !state_attackers_.count(b.value) || b.entry == UINT32_MAX) continue;
      for (const auto& g : doc.mentions)
        if (g.entry != UINT32_MAX && is_group(g, rules) && sentence_of(doc, g) == sentence_of(doc, b) &&
            rules.actors[g.entry].country == rules.actors[b.entry].country)
          body_groups_[b.value].insert(g.value);
    }
    // else the one group of the body's state the article names ("Russia's FSB" ... "Star Blizzard")
    for (const auto& b : doc.mentions) {
      if (b.type != MentionType::Actor || !state_attackers_.count(b.value) || b.entry == UINT32_MAX || body_groups_.count(b.value)) continue;
      std::set<std::string> same_state;
      for (const auto& g : doc.mentions)
        if (g.entry != UINT32_MAX && is_group(g, rules) && !doc.in_title(g.start) && rules.actors[g.entry].country == rules.actors[b.entry].country)
          same_state.insert(g.value);
      if (same_state.size() == 1) body_groups_[b.value] = same_state;
    }
    for (const auto& m : doc.mentions) {
      if (!attacker_kind(m)) continue;
      ++times_named_[m.value];
      if (doc.in_title(m.start)) continue;
      named_.push_back({m.value, attacker_kind(m), doc.token_starting_at(m.start), sentence_of(doc, m), std::string(), false});
    }
    for (size_t i = 0; i < named_.size(); ++i) {
      NamedOfKind& of_kind = named_of_kind(named_[i].kind);
      of_kind.main_upto.push_back(times_named(named_[i].name) >= 3 ? i : (of_kind.at.empty() ? SIZE_MAX : of_kind.main_upto.back()));
      of_kind.at.push_back(i);
    }
  }

  void run() {
    // A state's or hacktivists' group whose known home the article names as an attacker's country
    // ("Chinese state hackers" anywhere in the article) is attributed to it. Not a crew of
    // criminals: "a Russian national charged" in a story that lists Conti, REvil and Black Basta
    // among his clients says nothing of where each of them is (on 14 development sets: -16 wrong,
    // -3 right).
    std::set<std::string> attribution_countries;
    for (const auto& m : doc_.mentions)
      if (m.type == MentionType::Country && m.role == "attribution") attribution_countries.insert(m.value);
    // (a crew of criminals is, when it is the only group the article names: "the Russian-speaking
    // LockBit gang")
    std::set<std::string> groups_named;
    for (const auto& m : doc_.mentions)
      if (is_group(m, rules_) && !doc_.in_title(m.start)) groups_named.insert(m.value);
    for (const auto& m : doc_.mentions) {
      if (!is_group(m, rules_) || doc_.in_title(m.start)) continue;
      // an unknown group's country is the one its name gives ("<Word> Typhoon": CN) or its context
      const std::string& home = m.entry == UINT32_MAX ? m.country : rules_.actors[m.entry].country;
      if (m.entry != UINT32_MAX && rules_.actors[m.entry].motivation == "criminal" && groups_named.size() > 1) continue;
      if (!home.empty() && attribution_countries.count(home))
        add("attributed-to", m.value, "actor", home, "country", sentence_of(doc_, m), "the group's home, an attacker's country in the article");
    }
    // A state body that attacks is its state's: "GRU officers hacked" -> GRU attributed-to RU.
    for (const auto& m : doc_.mentions)
      if (m.type == MentionType::Actor && !doc_.in_title(m.start) && state_attackers_.count(m.value) && m.entry != UINT32_MAX)
        add("attributed-to", m.value, "actor", rules_.actors[m.entry].country, "country", sentence_of(doc_, m),
            "a state body the text makes the attacker, and its own state");
    std::map<uint32_t, std::vector<const Mention*>> by_sentence;
    for (const auto& m : doc_.mentions)
      by_sentence[sentence_of(doc_, m)].push_back(&m);
    by_sentence_ = &by_sentence;
    for (const auto& m : doc_.mentions)
      if (m.type == MentionType::Actor && !doc_.in_title(m.start) && org_is_victim(m)) victims_.insert(m.value);
    // The title pairs what it names with an attacker it names itself ("North Korea's Lazarus stole
    // over a terabyte from South Korean court network"); the body does not go on from it.
    for (uint32_t s = 0; s < doc_.sentences.size() && doc_.in_title(doc_.sentences[s].start); ++s)
      if (auto it = by_sentence.find(s); it != by_sentence.end()) sentence(s, it->second);
    focus_.clear();
    focus_list_.clear();
    for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
      if (doc_.in_title(doc_.sentences[s].start)) continue;
      auto it = by_sentence.find(s);
      static const std::vector<const Mention*> none;
      sentence(s, it == by_sentence.end() ? none : it->second);
    }
    reporters_referred_to(by_sentence);
    victims_of_the_only_attacker();
    claimants_of_the_attack_before();
    operations_led_by();
    associated_groups_share_victims();
    victim_seats();
    unpaired_victim_seats();
    story_country();
    victim_sectors();
    // (victim_sectors adds mentions: the pointers of the sentences' lists are built again)
    by_sentence.clear();
    for (const auto& m : doc_.mentions)
      by_sentence[sentence_of(doc_, m)].push_back(&m);
    operations_named_for_the_activity_before();
    vendors_with_no_part();
    no_state_spies_at_home();
  }

  // The body that leads a named operation reports it: "the FBI-led Operation Duck Hunt", "Operation
  // Trident Breach, an FBI-led crackdown", "a Europol-coordinated Operation Endgame".
  void operations_led_by() {
    for (const Mention& m : doc_.mentions) {
      if (m.type != MentionType::Actor) continue;
      const std::string& k = actor_kind(m, rules_);
      if (k != "government" && k != "security-vendor" && k != "organization") continue;
      const size_t f = doc_.token_starting_at(m.start), l = doc_.token_ending_at(m.end);
      if (f == std::string::npos || l == std::string::npos) continue;
      const uint32_t sent = doc_.tokens[f].sentence;
      if (!(in_sentence(l + 2, sent) && word(l + 1) == "-" && !doc_.tokens[l + 1].space_before &&
            one_of(word(l + 2), {"led", "run", "coordinated", "driven", "directed", "headed", "organised", "organized"})))
        continue;
      const auto it = by_sentence_->find(sent);
      if (it == by_sentence_->end()) continue;
      // (only the few mentions next to it: a hostile sentence holds thousands)
      const auto& ms = it->second;
      const auto here = std::lower_bound(ms.begin(), ms.end(), m.start, [](const Mention* o, uint32_t s) { return o->start < s; });
      const auto from = here - std::min<std::ptrdiff_t>(here - ms.begin(), 3);
      const auto to = here + std::min<std::ptrdiff_t>(ms.end() - here, 4);
      for (auto o = from; o != to; ++o) {
        const Mention* op = *o;
        if (op->type != MentionType::Operation) continue;
        const size_t of = doc_.token_starting_at(op->start), ol = doc_.token_ending_at(op->end);
        if (of == std::string::npos || ol == std::string::npos) continue;
        // right after it ("the FBI-led Operation Duck Hunt"), or the operation it describes right
        // before it ("Operation Trident Breach, an FBI-led crackdown")
        const bool after = of == l + 3;
        const bool described = f >= 2 && ol + 2 <= f && f <= ol + 3 && word(ol + 1) == "," && (ol + 2 == f || one_of(word(f - 1), {"a", "an", "the"}));
        if (after || described) add("reported-by", op->value, "operation", m.value, "actor", sent, "the body that leads the operation");
      }
    }
  }

  // One of the mentions of sentence `sent` is a tool the rules give to this group (rules/tools/owners.tsv).
  // Asked per country of the sentence, found once per sentence and group.
  bool names_a_tool_of(uint32_t sent, const std::vector<const Mention*>& ms, const std::string& group) const {
    const auto key = std::make_pair(sent, group);
    if (const auto known = tool_of_group_memo_.find(key); known != tool_of_group_memo_.end()) return known->second;
    const bool answer = std::any_of(ms.begin(), ms.end(), [&](const Mention* m) {
      return m->type == MentionType::Tool && m->entry != UINT32_MAX && owned_by(rules_.tools[m->entry], group);
    });
    tool_of_group_memo_.emplace(key, answer);
    return answer;
  }
  mutable std::map<std::pair<uint32_t, std::string>, bool> tool_of_group_memo_;
  // A crew of criminals: a group the rules give that motive, or one they do not know.
  bool criminal_group(const std::string& name) const {
    const ActorEntry* group = group_entry(name);
    return !group || group->motivation == "criminal";
  }
  // A group the rules list as criminal (not a state body such as the MSS, nor a name they do not know).
  bool known_criminal_group(const std::string& name) const {
    const ActorEntry* group = group_entry(name);
    return group && group->motivation == "criminal";
  }
  // The rules give the tool to this group (rules/tools/owners.tsv).
  bool owned_by(const ToolEntry& tool, const std::string& group) const {
    return std::any_of(tool.owners.begin(), tool.owners.end(), [&](uint32_t a) { return rules_.actors[a].name == group; });
  }
  // The group a tool belongs to: the first the text has shown using it, else the first group of the
  // article, named anywhere in it, that the rules give the tool to ("the WannaCry ransomware began
  // spreading ... It hit Spain's Telefonica" in a story that names the Lazarus Group only after).
  // (the rules' owner named in the article is found once per tool: a hostile text names thousands)
  std::string owner_of_tool(const Mention& tool) const {
    if (const auto it = tool_owner_.find(tool.value); it != tool_owner_.end()) return it->second;
    if (tool.entry == UINT32_MAX) return {};
    const auto [known, fresh] = rules_owner_named_.try_emplace(tool.entry);
    if (fresh) {
      const ToolEntry& entry = rules_.tools[tool.entry];
      for (const Attacker& a : named_)
        if (std::string_view(a.kind) == "actor" && owned_by(entry, a.name)) {
          known->second = a.name;
          break;
        }
    }
    return known->second;
  }
  mutable std::unordered_map<uint32_t, std::string> rules_owner_named_;  // tool entry -> its group the article names
  // A tool the rules give to other groups than this attacker.
  bool someone_elses_tool(const Mention& tool, const std::string& attacker, const char* kind) const {
    if (tool.entry == UINT32_MAX || std::string_view(kind) != "actor") return false;
    const ToolEntry& entry = rules_.tools[tool.entry];
    return !entry.owners.empty() && !owned_by(entry, attacker);
  }
  // A sentence that names a group on the word of "the agencies" (context/cosigner-nouns.txt) before
  // or after it names: they are the reporters of the sentence before, who report the group too: "On
  // December 1, the FBI, CISA and the EPA issued a joint advisory attributing the activity to the
  // IRGC. Since November 22, the agencies said, CyberAv3ngers had compromised ..."
  void reporters_referred_to(const std::map<uint32_t, std::vector<const Mention*>>& by_sentence) {
    for (const auto& [sent, ms] : by_sentence) {
      if (sent == 0 || doc_.in_title(doc_.sentences[sent].start)) continue;
      const auto before = by_sentence.find(sent - 1);
      if (before == by_sentence.end() || doc_.in_title(doc_.sentences[sent - 1].start)) continue;
      // (each once, and a dozen at most: a hostile run of names costs no more)
      std::set<std::string> groups, reporters;
      for (const Mention* g : ms)
        if (groups.size() < kListMembers && is_group(*g, rules_)) groups.insert(g->value);
      if (groups.empty()) continue;
      const size_t cited = cited_bodies_at(sent);
      if (cited == std::string::npos) continue;
      for (const Mention* m : before->second)
        if (reporters.size() < kListMembers && m->type == MentionType::Actor && !is_group(*m, rules_) && !attacker_kind(*m) &&
            one_of(actor_kind(*m, rules_), {"government", "security-vendor"}) && reporter_in_list(*m, before->second))
          reporters.insert(m->value);
      const std::string as = word(cited) == "it" ? "it" : "the " + std::string(word(cited));
      for (const auto& g : groups)
        for (const auto& r : reporters)
          add("reported-by", g, "actor", r, "actor", sent, "a reporter of the sentence before, referred to as '" + as + "'");
    }
  }
  // "the agencies said", "the partners added", "according to the agencies": the token of the noun, npos if none.
  size_t cited_bodies_at(uint32_t sent) const {
    const Sentence& s = doc_.sentences[sent];
    // the advisory or report the sentence before told of, saying what it says: "... a joint advisory
    // released on Thursday by the FBI and the NSA. It said Kimsuky operatives pose as journalists"
    if (const size_t f = s.first_token; s.end_token > f + 2 && sent >= 1) {
      const bool it = word(f) == "it";
      const bool noun = word(f) == "the" && listed(f + 1, words_.advisory_nouns) && doc_.tokens[f + 1].is_all_lower;
      const size_t verb = it ? f + 1 : f + 2;
      if ((it || noun) && in_sentence(verb, sent) && listed(verb, words_.reporter_verbs) && doc_.tokens[verb].is_all_lower) {
        const Sentence& b = doc_.sentences[sent - 1];
        for (size_t k = b.first_token; k < b.end_token; ++k)
          if (listed(k, words_.advisory_nouns) && doc_.tokens[k].is_all_lower) return it ? f : f + 1;
      }
    }
    for (size_t k = s.first_token; k + 1 < s.end_token; ++k) {
      if (word(k) != "the" || !listed(k + 1, words_.cosigner_nouns) || !doc_.tokens[k + 1].is_all_lower) continue;
      if (in_sentence(k + 2, sent) && listed(k + 2, words_.reporter_verbs) && doc_.tokens[k + 2].is_all_lower) return k + 1;
      if (k >= s.first_token + 2 && word(k - 1) == "to" && word(k - 2) == "according") return k + 1;
    }
    return std::string::npos;
  }

  // A state's own espionage group does not target its own state: its home named beside the victims
  // of a sentence the group is carried into ("Turla hackers broke into embassies. The group also hit
  // targets in Russia and Ukraine") is no victim of it. Criminal and hacktivist groups do hit their
  // own country (Scattered Spider in the US), so they keep theirs. On 14 development sets: 10
  // relations wrong dropped, 2 right (spies watching their own diaspora) lost.
  void no_state_spies_at_home() {
    std::erase_if(doc_.relations, [&](const Relation& r) {
      if (r.type != "targets" || r.source_type != "actor" || r.target_type != "country") return false;
      const ActorEntry* group = group_entry(r.source);
      return group && group->motivation == "state" && group->country == r.target;
    });
  }

  // An organisation the text shows attacked in a sentence that pairs it with no attacker, in an
  // article that names only one attacking group, within kOnlyAttackerReach sentences of a sentence
  // naming it: that group's victim ("the outage hit KBS, MBC and Shinhan Bank" next to "traced to
  // the Lazarus Group"; not "NATO condemned" in the one group's story, nor a victim of the
  // attacker's own state, nor one of a sentence about some other attacker, "crippled by the
  // NotPetya malware", nor one the story tells of far from the group, which is background).
  // On 84 development sets: 20 victims right, 17 wrong (with the sectors and seats they bring, 33
  // relations right, 27 wrong); any distance gained less, none at all lost (74 right, 123 wrong).
  void victims_of_the_only_attacker() {
    std::set<std::string> groups;
    for (const Attacker& a : named_)
      if (std::string_view(a.kind) == "actor") groups.insert(a.name);
    if (groups.size() != 1) return;
    const std::string& group = *groups.begin();
    std::vector<uint32_t> naming;  // the sentences that name it, in text order
    for (const Attacker& a : named_)
      if (a.name == group) naming.push_back(a.sentence);
    std::set<std::string> targeted = targeted_names();
    for (const Mention& m : doc_.mentions) {
      if (m.type != MentionType::Actor || doc_.in_title(m.start) || targeted.count(m.value) || attacker_kind(m)) continue;
      const std::string& k = actor_kind(m, rules_);
      if ((k != "organization" && k != "government" && k != "media") || names_its_members(m) || !org_is_victim(m) || named_as_parent(m)) continue;
      if (own_state_body(m, group, "actor")) continue;
      const uint32_t sent = sentence_of(doc_, m);
      if (other_attackers_sentences_.count(sent)) continue;
      const auto next = std::lower_bound(naming.begin(), naming.end(), sent);
      const bool close = (next != naming.end() && *next - sent <= kOnlyAttackerReach) ||
                         (next != naming.begin() && sent - *std::prev(next) <= kOnlyAttackerReach);
      if (!close) continue;
      add("targets", group, "actor", m.value, "actor", sent, "object of an attack word, the only group the article names, close by");
      targeted.insert(m.value);
    }
  }
  static constexpr uint32_t kOnlyAttackerReach = 3;
  // A group that claimed, in a relative clause, the attack named before it hit that attack's victim,
  // as did whoever the sentence pairs with it: "Mandiant linked APT44 to the December attack on
  // Kyivstar, Ukraine's largest mobile operator, which Solntsepek publicly claimed."
  void claimants_of_the_attack_before() {
    for (const Mention& g : doc_.mentions) {
      if (!is_group(g, rules_) || doc_.in_title(g.start)) continue;
      const size_t f = doc_.token_starting_at(g.start), l = doc_.token_ending_at(g.end);
      if (f == std::string::npos || l == std::string::npos || f < 2) continue;
      const uint32_t sent = doc_.tokens[f].sentence;
      if (!in_sentence(f - 1, sent) || !one_of(word(f - 1), {"which", "that"})) continue;
      size_t c = l + 1;
      if (in_sentence(c, sent) && doc_.tokens[c].is_all_lower && word(c).ends_with("ly")) ++c;  // "publicly", "later"
      if (in_sentence(c, sent) && one_of(word(c), {"later", "also", "quickly", "has", "had"})) ++c;
      if (!(in_sentence(c, sent) && one_of(word(c), {"claimed", "claims"}))) continue;
      // (the attack itself, not something said: "which Solntsepek later claimed to have warned")
      if (in_sentence(c + 1, sent) && one_of(word(c + 1), {"to", "that", "it", "they", "had", "was", "were"})) continue;
      // the attack word and its victim before "which": "the attack on Kyivstar, Ukraine's largest
      // mobile operator, which"
      for (size_t k = f - 1; k >= 1 && k + 16 >= f && in_sentence(k - 1, sent); --k) {
        if (!(listed(k - 1, words_.attack_event_nouns) && doc_.tokens[k - 1].is_all_lower && in_sentence(k, sent) &&
              one_of(word(k), {"on", "against", "at"})))
          continue;
        const Mention* victim = actor_at(in_sentence(k + 1, sent) && word(k + 1) == "the" ? k + 2 : k + 1, sent);
        if (victim && !is_group(*victim, rules_) && !attacker_kind(*victim))
          add("targets", g.value, "actor", victim->value, "actor", sent, "the group that claimed the attack on it");
        break;
      }
    }
  }
  // A group the text makes the front, subgroup or affiliate of another (context/group-link-nouns.txt)
  // gives that other its victims, countries and sectors hit: "Solntsepek, a front for Sandworm",
  // "Researchers regard TraderTraitor as a subgroup of Lazarus", "Scattered Spider, a BlackCat affiliate".
  void associated_groups_share_victims() {
    std::set<std::pair<std::string, std::string>> links;
    for (const Mention& a : doc_.mentions) {
      if (!is_group(a, rules_)) continue;
      const size_t l = doc_.token_ending_at(a.end);
      if (l == std::string::npos) continue;
      const uint32_t sent = doc_.tokens[l].sentence;
      size_t k = l + 1;
      if (in_sentence(k, sent) && word(k) == ",") ++k;
      if (in_sentence(k, sent) && one_of(word(k), {"as", "is", "was", "are", "were", "be"})) ++k;
      if (!(in_sentence(k, sent) && one_of(word(k), {"a", "an", "the", "its"}))) continue;
      ++k;
      // "a BlackCat affiliate"
      if (const Mention* b = actor_at(k, sent); b && is_group(*b, rules_)) {
        const size_t bl = doc_.token_ending_at(b->end);
        if (bl != std::string::npos && listed(bl + 1, words_.group_link_nouns) && doc_.tokens[bl + 1].is_all_lower && b->value != a.value)
          links.emplace(a.value, b->value);
        continue;
      }
      // "a front for Sandworm", "a Telegram persona of APT44"
      for (int n = 0; n < 3 && in_sentence(k, sent) && !listed(k, words_.group_link_nouns) && doc_.tokens[k].is_word; ++n) ++k;
      if (!(in_sentence(k + 1, sent) && listed(k, words_.group_link_nouns) && doc_.tokens[k].is_all_lower &&
            one_of(word(k + 1), {"of", "for", "within", "to", "inside"})))
        continue;
      k += 2;
      if (in_sentence(k, sent) && word(k) == "the") ++k;
      if (const Mention* b = actor_at(k, sent); b && is_group(*b, rules_) && b->value != a.value) links.emplace(a.value, b->value);
    }
    if (links.empty()) return;
    const std::vector<Relation> before = doc_.relations;  // add() grows the list
    // (from the part to the whole only: the whole's other victims are not the part's, "Researchers
    // regard TraderTraitor as a subgroup of Lazarus, which also hacked Sony Pictures")
    for (const auto& [part, whole] : links)
      for (const Relation& r : before)
        if (r.type == "targets" && r.source == part && r.source_type == "actor")
          add("targets", whole, "actor", r.target, r.target_type.c_str(), r.sentence, "the victim of " + part + ", which the text makes part of it");
  }
  // The actor mention that starts at token t of sentence `sent`, if any.
  const Mention* actor_at(size_t t, uint32_t sent) const {
    if (!in_sentence(t, sent)) return nullptr;
    const auto it = by_sentence_->find(sent);
    if (it == by_sentence_->end()) return nullptr;
    const uint32_t start = doc_.tokens[t].start;
    const auto& ms = it->second;
    for (auto o = std::lower_bound(ms.begin(), ms.end(), start, [](const Mention* m, uint32_t b) { return m->start < b; });
         o != ms.end() && (*o)->start == start; ++o)
      if ((*o)->type == MentionType::Actor && !(*o)->value.empty()) return *o;
    return nullptr;
  }
  std::set<uint32_t> other_attackers_sentences_;  // sentences about an attacker the article does not name

  // A security vendor that nothing above gave a part, named in a sentence with an attacker, is
  // its researcher: "Kaspersky, which has tracked the same activity since January 10, ... called
  // the group behind it TwoSail Junk", "Mandiant, which investigated the thefts for Snowflake,
  // tracks the intruders as UNC5537". Not a vendor whose product was the way in ("flaws in Check
  // Point security gateways", "a flaw in Fortinet's FortiOS"), nor one that was hit, nor the owner
  // of the vendor that spoke ("Fox-IT, which is owned by Britain's NCC Group, named the campaign").
  void vendors_with_no_part() {
    std::set<std::string> in_relation;
    for (const Relation& r : doc_.relations) {
      in_relation.insert(r.source);
      in_relation.insert(r.target);
    }
    std::multimap<uint32_t, const Mention*> attackers_in;  // sentence -> the attackers it names
    for (const auto& a : doc_.mentions)
      if (attacker_kind(a) && !doc_.in_title(a.start)) attackers_in.emplace(sentence_of(doc_, a), &a);
    for (const auto& m : doc_.mentions) {
      if (m.type != MentionType::Actor || doc_.in_title(m.start) || actor_kind(m, rules_) != "security-vendor" ||
          in_relation.count(m.value) || victims_.count(m.value) || product_flaw(m) || product_named_after(m) || named_as_owner(m))
        continue;
      const uint32_t sent = sentence_of(doc_, m);
      for (auto [it, end] = attackers_in.equal_range(sent); it != end; ++it)
        add("reported-by", it->second->value, attacker_kind(*it->second), m.value, "actor", sent,
            "a security vendor with no other part, named with the attacker");
    }
  }
  // "owned by Britain's NCC Group", "a unit of Alphabet", "acquired by Google"
  bool named_as_owner(const Mention& m) const {
    const size_t f = doc_.token_starting_at(m.start);
    if (f == std::string::npos) return false;
    const uint32_t sent = doc_.tokens[f].sentence;
    for (size_t k = f; k >= 2 && k + 5 >= f && in_sentence(k - 2, sent); --k)
      if (one_of(word(k - 1), {"by", "of"}) && listed(k - 2, words_.ownership_words)) return true;
    return false;
  }
  // The parent of a victim the sentence names, said to tell who owns it: "Envoy Air, a regional
  // subsidiary of American Airlines", "a UnitedHealth Group subsidiary", "UnitedHealth Group's Change
  // Healthcare unit", "Ticketmaster's parent Live Nation". (Not when the part hit has no name of its
  // own: "ICBC's US unit", "Brenntag's North America division" are ICBC and Brenntag hit.)
  bool named_as_parent(const Mention& m) const {
    const size_t f = doc_.token_starting_at(m.start), l = doc_.token_ending_at(m.end);
    if (f == std::string::npos || l == std::string::npos) return false;
    const uint32_t sent = doc_.tokens[f].sentence;
    auto owned_noun = [&](size_t k) { return in_sentence(k, sent) && doc_.tokens[k].is_all_lower && listed(k, words_.subsidiary_nouns); };
    // "a UnitedHealth Group subsidiary"
    if (owned_noun(l + 1) && f >= 1 && in_sentence(f - 1, sent) && one_of(word(f - 1), {"a", "an"})) return true;
    // "UnitedHealth Group's Change Healthcare unit": a name between that is an organisation's
    if (in_sentence(l + 3, sent) && word(l + 1) == "'" && word(l + 2) == "s") {
      size_t k = l + 3;
      bool org = false;
      for (size_t n = 0; n < 4 && in_sentence(k, sent) && doc_.tokens[k].is_upper_initial; ++n, ++k) org = org || org_token_[k];
      if (org && owned_noun(k)) return true;
    }
    // "a (regional) subsidiary of", "a unit of", "owned by", "acquired by", after the name of the part
    // ("Envoy Air, a regional subsidiary of"; not "the US arm of Industrial and Commercial Bank of China")
    auto part_named_before = [&](size_t k) {
      for (size_t n = 0; n < 6 && k >= 1 && in_sentence(k - 1, sent); ++n, --k) {
        if (org_token_[k - 1]) return true;
        if (!(doc_.tokens[k - 1].is_all_lower || word(k - 1) == "," || word(k - 1) == "-")) return false;
      }
      return false;
    };
    for (size_t k = f; k >= 2 && k + 3 >= f && in_sentence(k - 2, sent); --k) {
      if (word(k - 1) == "of" && listed(k - 2, words_.subsidiary_nouns)) return part_named_before(k - 2);
      if (word(k - 1) == "by" && one_of(word(k - 2), {"owned", "acquired", "bought", "controlled"})) return part_named_before(k - 2);
      if (!doc_.tokens[k - 1].is_word || doc_.tokens[k - 1].is_upper_initial) break;
    }
    // "Ticketmaster's parent Live Nation", "its parent company, Live Nation"
    size_t b = f;
    if (b >= 1 && in_sentence(b - 1, sent) && word(b - 1) == ",") --b;
    if (b >= 1 && in_sentence(b - 1, sent) && word(b - 1) == "company") --b;
    return b >= 1 && in_sentence(b - 1, sent) && word(b - 1) == "parent";
  }
  // "Fortinet's FortiOS VPN software", "Ivanti's remote-access gateways": the vendor's product, not
  // its research ("CrowdStrike's researchers", "Mandiant's report").
  bool product_named_after(const Mention& m) const {
    const size_t l = doc_.token_ending_at(m.end);
    if (l == std::string::npos) return false;
    const uint32_t sent = doc_.tokens[l].sentence;
    if (!in_sentence(l + 2, sent) || word(l + 1) != "'" || word(l + 2) != "s") return false;
    return !(in_sentence(l + 3, sent) && (listed(l + 3, words_.report_nouns) || listed(l + 3, words_.reporter_heads) ||
                                          doc_.has_cue(l + 3, kObserverNouns) || reporting_word(l + 3)));
  }

  // An operation a sentence names for what the sentences before told of: "APT10 broke into such
  // providers to reach their clients in at least 12 countries: Brazil, ... Those clients included
  // banks ... That campaign was first exposed by PwC and BAE Systems, which called it Operation
  // Cloud Hopper." The operation targeted what its group targeted there. The sentence opens with
  // the activity ("That campaign", "The attacks") and names the operation after it with a naming
  // verb (context/naming-verbs.txt: not "This campaign resembles Operation Sharpshooter"); the
  // sentences before are those back to the start of the paragraph of the one right before, at most
  // kActivitySentences.
  static constexpr uint32_t kActivitySentences = 4;
  void operations_named_for_the_activity_before() {
    std::map<std::string, std::string> group_of;
    for (const Relation& r : doc_.relations)
      if (r.type == "attributed-to" && r.source_type == "operation" && r.target_type == "actor") group_of.try_emplace(r.source, r.target);
    if (group_of.empty()) return;
    std::map<uint32_t, std::vector<size_t>> targets_in;  // sentence -> its "targets" relations
    for (size_t i = 0; i < doc_.relations.size(); ++i)
      if (doc_.relations[i].type == "targets") targets_in[doc_.relations[i].sentence].push_back(i);
    std::set<uint32_t> named_in;  // (one operation a sentence: the first it names so)
    for (const Mention& m : doc_.mentions) {
      if (m.type != MentionType::Operation || doc_.in_title(m.start)) continue;
      const auto g = group_of.find(m.value);
      const size_t t = doc_.token_starting_at(m.start);
      if (g == group_of.end() || t == std::string::npos) continue;
      const uint32_t sent = doc_.tokens[t].sentence;
      if (sent == 0 || named_in.count(sent)) continue;
      const size_t verb = activity_naming_verb_.ask(doc_, sent, [&](const Sentence&) { return activity_naming_verb(sent); });
      if (verb == std::string::npos || verb > t) continue;
      named_in.insert(sent);
      for (uint32_t s = activity_start(sent); s < sent; ++s) {
        const auto it = targets_in.find(s);
        if (it == targets_in.end()) continue;
        for (size_t i : it->second) {
          const Relation r = doc_.relations[i];  // a copy: add() grows the list
          if (r.source == g->second)
            add("targets", m.value, "operation", r.target, r.target_type.c_str(), r.sentence,
                r.cue + ", by way of " + m.value + ", the name given to that activity");
        }
      }
    }
  }
  SentenceTokenMemo activity_naming_verb_;
  // The sentence opens with the activity ("That campaign", "This espionage operation", "The
  // attacks") and has a naming verb after it: the verb's token, npos if not.
  size_t activity_naming_verb(uint32_t sent) const {
    const Sentence& s = doc_.sentences[sent];
    const size_t first = s.first_token;
    if (!one_of(word(first), {"that", "this", "the", "these", "those"})) return std::string::npos;
    size_t noun = std::string::npos;
    for (size_t k = first + 1; k <= first + 3 && k < s.end_token; ++k) {
      if (!doc_.tokens[k].is_all_lower) break;
      if (listed(k, words_.operation_nouns) || one_of(word(k), {"attacks", "intrusions", "hacks", "breaches", "spree", "operations"})) {
        noun = k;
        break;
      }
    }
    if (noun == std::string::npos) return std::string::npos;
    for (size_t k = noun + 1; k < s.end_token; ++k)
      if (doc_.tokens[k].is_all_lower && listed(k, words_.naming_verbs)) return k;
    return std::string::npos;
  }
  // The first of the sentences before `sent` that tell of the activity it names: back to the start
  // of the paragraph of the sentence right before, at most kActivitySentences.
  uint32_t activity_start(uint32_t sent) const {
    uint32_t from = sent - 1;
    while (from > 0 && sent - from < kActivitySentences && !doc_.in_title(doc_.sentences[from - 1].start) &&
           !paragraph_break_between(from - 1, from))
      --from;
    return from;
  }
  bool paragraph_break_between(uint32_t a, uint32_t b) const {
    const std::string_view gap = std::string_view(doc_.norm).substr(doc_.sentences[a].end, doc_.sentences[b].start - doc_.sentences[a].end);
    return gap.find('\n') != std::string_view::npos;
  }

  // A cyber story that reads no country as a victim is most often about one: the country it
  // names in its lead and again ("Indonesia has recalled its ambassador ... Jakarta", "FACC, the
  // Austrian supplier ... Austrian prosecutors"). That country is the target, of the first
  // attacker the article names. In the development sets it fired 25 times: 22 targets, 3 mentions.
  // Not in a story of a takedown, whose countries are those of the police forces.
  void story_country() {
    if (!cyber_news(doc_, rules_) || !takedowns_.empty()) return;
    const uint32_t lead_end = lead_end_byte();
    // country -> (times named, its first mention in the lead)
    std::map<std::string, std::pair<int, Mention*>> named;
    for (auto& m : doc_.mentions) {
      if (m.type != MentionType::Country) continue;
      if (m.role == "target") return;
      auto& [times, lead] = named[m.value];
      ++times;
      if (!lead && m.start < lead_end) lead = &m;
    }
    std::set<std::string> attribution;
    for (const auto& m : doc_.mentions)
      if (m.type == MentionType::Country && m.role == "attribution") attribution.insert(m.value);
    for (auto& [code, seen] : named) {
      auto [times, lead] = seen;
      // a lead that a rule read as a mention for a reason ("researchers in Canada") says where the
      // story is told from
      if (times < 2 || !lead || !lead->role_by_default || attribution.count(code)) continue;
      lead->role = "target";
      if (doc_.options.explain) lead->cue += "; role: the story's country (named in the lead and again; no other victim country)";
      if (!named_.empty())
        add("targets", named_.front().name, named_.front().kind, code, "country", sentence_of(doc_, *lead),
            "the story's country, and the first attacker the article names");
    }
  }
  // The title and the first three sentences of the body.
  uint32_t lead_end_byte() const {
    int body_sentences = 0;
    for (const auto& s : doc_.sentences) {
      if (s.start < doc_.body_start) continue;
      if (++body_sentences == 3) return s.end;
    }
    return UINT32_MAX;
  }

  // A known victim gives its sectors, also when no sector word says so: its entry's `sectors`
  // ("Toll Group": transportation), else its kind's (rules/sectors/actor-kinds.tsv: "APT28
  // breached the Foreign Office" is government). A sector no word names is listed at the
  // victim's own mention.
  void victim_sectors() {
    std::unordered_map<std::string_view, const Mention*> known_victim;  // name -> its first mention in the body
    for (const auto& m : doc_.mentions)
      if (m.type == MentionType::Actor && m.entry != UINT32_MAX && !doc_.in_title(m.start)) known_victim.emplace(m.value, &m);
    std::vector<Mention> listed;
    for (const auto& r : targeted_actors()) {
      const auto it = known_victim.find(r.target);
      if (it == known_victim.end()) continue;
      const Mention* victim = it->second;
      const ActorEntry& entry = rules_.actors[victim->entry];
      const auto [sectors, rule] = rules_.victim_sectors(entry);
      if (!sectors) continue;
      // (also a victim named once, often a past one the story recalls, "the group behind the Sony
      // Pictures hack": its attacker targets it, and so its sector; requiring two namings lost 50
      // true relations for 40 false ones on 28 development sets)
      // Only the main one: a chipmaker hit is technology, and news rarely counts it in
      // manufacturing as well.
      for (const std::string& sector : std::span(*sectors).first(1)) {
        add("targets", r.source, r.source_type == "operation" ? "operation" : "actor", sector, "sector", r.sentence,
            "the sector of " + r.target + ", which it targets");
        const auto named = [&](const Mention& m) { return m.type == MentionType::Sector && m.value == sector; };
        if (std::none_of(doc_.mentions.begin(), doc_.mentions.end(), named) && std::none_of(listed.begin(), listed.end(), named)) {
          Mention m;
          m.type = MentionType::Sector;
          m.start = victim->start;
          m.end = victim->end;
          m.value = sector;
          m.role = "target";
          m.rule = rule;
          m.cue = "the sector of the victim " + r.target;
          listed.push_back(std::move(m));
        }
      }
    }
    for (auto& m : listed) {  // in text order; dates keep pointing at their other ends
      const auto at = std::upper_bound(doc_.mentions.begin(), doc_.mentions.end(), m.start,
                                       [](uint32_t start, const Mention& o) { return start < o.start; });
      const int pos = int(at - doc_.mentions.begin());
      doc_.mentions.insert(at, std::move(m));
      for (auto& o : doc_.mentions)
        if (o.range_with >= pos) ++o.range_with;
    }
  }

  // The country a victim organisation is based in, given as "Estonia-based Atomic Wallet" or
  // "Harmony, a US-based blockchain company", is a target of its attacker (its sentence often tells
  // only what the company said).
  // The "targets" relations whose target is an actor, copied: adding relations may move them.
  // Whatever some relation says was targeted (names, codes and sectors alike).
  std::set<std::string> targeted_names() const {
    std::set<std::string> names;
    for (const Relation& r : doc_.relations)
      if (r.type == "targets") names.insert(r.target);
    return names;
  }
  std::vector<Relation> targeted_actors() const {
    std::vector<Relation> hits;
    for (const auto& r : doc_.relations)
      if (r.type == "targets" && r.target_type == "actor") hits.push_back(r);
    return hits;
  }

  void victim_seats() {
    for (const auto& r : targeted_actors()) {
      bool looked_elsewhere = false;  // once a victim: the article's mentions are the same for each of its names
      for (auto& m : doc_.mentions) {
        if (m.type != MentionType::Actor || m.value != r.target || doc_.in_title(m.start)) continue;
        Mention* seat = seat_country(m);
        if (!seat) seat = home_named(m);
        if (!seat && !looked_elsewhere) {
          seat = home_named(m, true);
          looked_elsewhere = true;
        }
        if (!seat || seat->role == "attribution") continue;
        seat->role = "target";
        add("targets", r.source, r.source_type == "operation" ? "operation" : "actor", seat->value, "country", sentence_of(doc_, *seat),
            "the seat of " + r.target + ", which it targets");
      }
    }
  }
  // The victim's home in the gazetteer when its sentence names that country: the mention of it
  // nearest the victim's ("Garmin, the U.S. navigation and fitness device maker").
  // With `anywhere`, the mention nearest the victim's in the whole article, unless one of them
  // names it as an attacker's, and not one that names it for its state: "Naivas said it had been
  // hit by ransomware" in a story that speaks of Kenyan firms further on. On 84 development sets
  // that gave 47 relations right, 20 wrong (18 of those a US firm).
  Mention* home_named(const Mention& m, bool anywhere = false) {
    if (m.entry == UINT32_MAX || rules_.actors[m.entry].country.empty()) return nullptr;
    const std::string& home = rules_.actors[m.entry].country;
    const uint32_t sent = sentence_of(doc_, m);
    Mention* nearest = nullptr;
    size_t nearest_distance = SIZE_MAX;
    for (auto& c : doc_.mentions) {
      if (c.type != MentionType::Country || c.value != home || doc_.in_title(c.start)) continue;
      if (anywhere) {
        if (c.role == "attribution") return nullptr;
        if (names_a_state_body(c)) continue;
      } else if (sentence_of(doc_, c) != sent) {
        continue;
      }
      // (not the state that acts over the attack: "US charges FSB officers over the Yahoo breach")
      if (const size_t cl = doc_.token_ending_at(c.end); cl != std::string::npos && in_sentence(cl + 1, sentence_of(doc_, c)) &&
          doc_.tokens[cl + 1].is_all_lower && (listed(cl + 1, words_.legal_action_words) || listed(cl + 1, words_.punish_words)))
        continue;
      const size_t d = c.start > m.start ? c.start - m.start : m.start - c.start;
      if (d < nearest_distance) {
        nearest = &c;
        nearest_distance = d;
      }
    }
    return nearest;
  }
  // An organisation shown attacked where no attacker is named or carried (so no relation): its
  // seat in its own sentence is a target country all the same ("the Kenyan retailer Naivas said it
  // had been hit by ransomware"). On 84 development sets: roles +10 right, -5 wrong.
  void unpaired_victim_seats() {
    const std::set<std::string> targeted = targeted_names();
    for (const Mention& m : doc_.mentions) {
      if (m.type != MentionType::Actor || doc_.in_title(m.start) || targeted.count(m.value) || !org_is_victim(m)) continue;
      Mention* seat = seat_country(m);
      if (!seat) seat = home_named(m);
      if (seat && seat->role != "attribution") seat->role = "target";
    }
  }
  // A country named as the state a body belongs to: "the U.S. Treasury", "Danish police",
  // "US officials"; or by its capital, which mostly stands for its government ("Washington
  // expected an explanation from Beijing").
  bool names_a_state_body(const Mention& c) const {
    if (c.form != UINT32_MAX && c.form < rules_.forms.size() && rules_.forms[c.form].kind == FormKind::Capital) return true;
    const size_t l = doc_.token_ending_at(c.end);
    if (l == std::string::npos) return false;
    if (government_token_[l]) return true;  // inside the body's name
    return in_sentence(l + 1, doc_.tokens[l].sentence) && (government_token_[l + 1] || listed(l + 1, words_.government_nouns));
  }
  Mention* seat_country(const Mention& m) {
    const size_t f = doc_.token_starting_at(m.start), l = doc_.token_ending_at(m.end);
    if (f == std::string::npos || l == std::string::npos) return nullptr;
    const uint32_t sent = doc_.tokens[f].sentence;
    auto based = [&](size_t k) { return in_sentence(k, sent) && one_of(word(k), {"based", "headquartered"}) && k >= 2 && word(k - 1) == "-"; };
    auto country_ending_at = [&](size_t k) -> Mention* {
      for (auto& c : doc_.mentions)
        if (c.type == MentionType::Country && doc_.token_ending_at(c.end) == k) return &c;
      return nullptr;
    };
    // "Estonia-based Atomic Wallet"
    if (f >= 3 && based(f - 1) && in_sentence(f - 3, sent))
      if (Mention* c = country_ending_at(f - 3)) return c;
    // "Harmony, a US-based blockchain company"
    if (in_sentence(l + 1, sent) && word(l + 1) == ",")
      for (size_t k = l + 2; in_sentence(k, sent) && k <= l + 5; ++k)
        if (based(k + 2)) return country_ending_at(k);
    // the nationality the text gives the company right before its name: "Danish shipping group
    // Maersk", "the French building materials company Saint-Gobain", "Japan's Toshiba"
    {
      size_t k = f;
      while (k > 0 && k + 4 > f && in_sentence(k - 1, sent) && lower_word(k - 1)) --k;
      if (k == f || org_head(f - 1)) {
        if (k >= 3 && in_sentence(k - 3, sent) && word(k - 1) == "s" && word(k - 2) == "'") {
          if (Mention* c = country_ending_at(k - 3)) return c;
        } else if (k >= 1 && in_sentence(k - 1, sent)) {
          if (Mention* c = country_ending_at(k - 1)) return c;
        }
      }
    }
    // ... or right after it: "Intel, the US chip giant", "Enel, the Italian energy group"
    if (in_sentence(l + 2, sent) && word(l + 1) == "," && one_of(word(l + 2), {"the", "a", "an"}))
      for (size_t c = l + 3; in_sentence(c, sent) && c <= l + 4; ++c) {
        Mention* country = country_starting_at(c);
        if (!country) {
          if (!lower_word(c)) break;
          continue;
        }
        size_t k = doc_.token_ending_at(country->end) + 1;
        while (in_sentence(k, sent) && k <= c + 5 && lower_word(k) && !org_head(k)) ++k;
        if (in_sentence(k, sent) && org_head(k)) return country;
        break;
      }
    return nullptr;
  }
  // A lower-case word of a noun phrase (not a function word, a verb form or a number).
  bool lower_word(size_t k) const {
    const Token& t = doc_.tokens[k];
    if (!t.is_word || !t.is_all_lower) return false;
    const std::string_view w = word(k);
    return !one_of(w, {"s", "the", "a", "an", "of", "in", "by", "for", "to", "and", "or", "with", "from", "at", "on", "its", "their",
                       "which", "that", "who", "was", "is", "were", "are", "has", "have", "had", "said", "says"}) &&
           !w.ends_with("ed") && !w.ends_with("ly");
  }
  // A head noun that introduces a company: "drugmaker", "company", "giant"; "group" after a trade
  // ("shipping group"), not alone (a hacking group)
  bool org_head(size_t k) const {
    return listed(k, words_.organization_descriptors) || (word(k) == "group" && k >= 1 && listed(k - 1, words_.business_words));
  }
  Mention* country_starting_at(size_t k) {
    for (auto& c : doc_.mentions)
      if (c.type == MentionType::Country && doc_.token_starting_at(c.start) == k) return &c;
    return nullptr;
  }

 private:
  // A group or operation, named or referred to ("the group", "the campaign", "it") at a token.
  struct Attacker {
    std::string name;
    const char* kind;  // actor | operation
    size_t token;
    uint32_t sentence;  // where it is named; carried over or referred to by a pronoun, where it last was
    std::string how;  // for --explain
    bool named = false;  // named or referred to in the sentence, not carried over from the ones before
    bool of_list = false;  // one of the groups a "they" refers to: each pairs as the nearest
    bool by_name = false;  // its name is written in the sentence
    bool carried = false;  // carried over from the sentences before: not named here, at most a pronoun ("it")
  };

  Document& doc_;
  const RuleSet& rules_;
  const std::map<uint32_t, std::vector<const Mention*>>* by_sentence_ = nullptr;  // the mentions of each sentence (run())
  const ContextWords& words_;  // rules/context word lists: "said", "according", "denied", "vulnerability"...
  bool names_group_ = false;  // the article names a threat group
  std::vector<bool> org_token_;  // per token: part of an actor's name that is no threat group nor person
  std::vector<bool> government_token_;  // per token: part of a government body's name
  std::vector<bool> group_token_;  // per token: part of a threat group's name
  // A lower-case attack word (rules/context/target-cues.txt), not a noun for those hit or their
  // things ("companies", "systems": target-cue-nouns.txt).
  bool attack_word(size_t t) const {
    return doc_.has_cue(t, kTargetCues) && doc_.tokens[t].is_all_lower && !listed(t, words_.target_cue_nouns);
  }
  // ... that names the act: not "against", the preposition of attacks
  bool attack_act(size_t t) const { return attack_word(t) && word(t) != "against"; }
  // the nouns for those hit, which are attack words too: "the victims", "a target"
  static bool victim_noun(std::string_view w) { return one_of(w, {"victims", "victim", "targets", "target"}); }
  // "its" after a group that is the subject of the verb before it: "Void Blizzard stepped up its
  // techniques" (not "the Conti attackers encrypted its files": the plural noun is the subject; nor
  // the object of an attack word between them, the speaker's: "Royal Mail said a LockBit attack had
  // disrupted its exports", "the council confirmed that LockBit had encrypted its servers")
  bool groups_own(size_t its) const {
    for (size_t k = its; k >= 1 && k + 4 >= its; --k) {
      if (k - 1 < group_token_.size() && group_token_[k - 1]) {
        for (size_t u = k; u < its; ++u)
          if (attack_act(u) && !victim_noun(word(u))) return false;
        return true;
      }
      if (!doc_.tokens[k - 1].is_all_lower || doc_.tokens[k - 1].sentence != doc_.tokens[its].sentence || doc_.has_cue(k - 1, kAttackerNouns))
        return false;
    }
    return false;
  }
  std::vector<bool> country_token_;  // per token: part of a country's name or adjective
  std::set<std::string> takedowns_;  // law-enforcement operations the article names (campaigns.tsv kind takedown)
  bool country_token(size_t k) const { return k < country_token_.size() && country_token_[k]; }
  std::set<std::string> state_attackers_;  // state bodies the text makes attackers ("GRU officers hacked")
  // such a body -> groups of its state named in a sentence with it: they carry its relations (add())
  std::map<std::string, std::set<std::string>> body_groups_;
  std::vector<Attacker> named_;       // every named group and operation of the body, in text order
  // named_ by kind, for last_named: the indexes of that kind's names, and for each, the last one up
  // to it that the article names three times or more (SIZE_MAX: none)
  struct NamedOfKind { std::vector<size_t> at, main_upto; };
  NamedOfKind named_groups_, named_operations_;
  NamedOfKind& named_of_kind(std::string_view kind) { return kind == "operation" ? named_operations_ : named_groups_; }
  const NamedOfKind& named_of_kind(std::string_view kind) const { return kind == "operation" ? named_operations_ : named_groups_; }
  std::map<std::string, int> times_named_;  // attacker -> how often the article (title too) names it
  // An attacker named once, in passing, while the sentences before were about one the article
  // names again and again: the story goes on about the latter ("... since 2021, when it said a
  // group known as Tick had attacked JAXA. ... the attackers sent emails" are MirrorFace's).
  bool passing_mention(const Attacker& a) const {
    if (!a.by_name || focus_.empty() || focus_[0].name == a.name) return false;
    return times_named(a.name) == 1 && times_named(focus_[0].name) >= 3;
  }
  std::vector<Attacker> focus_;       // the attacker(s) the previous sentences were about
  std::vector<Attacker> focus_list_;  // the groups of the list that opened the focus ("they")
  std::set<std::string> victims_;     // organisations the article shows attacked
  std::map<std::string, std::string> tool_owner_;  // tool -> the first group a "uses" relation gave it
  std::set<std::string> seen_;
  bool other_attacker_ = false;       // the sentence refers to an unnamed attacker other than those named
  std::vector<bool> date_token_;      // per token: part of a date ("on Friday imposed sanctions")

  const char* attacker_kind(const Mention& m) const {
    if (is_group(m, rules_)) return "actor";
    if (m.type == MentionType::Actor && state_attackers_.count(m.value)) return "actor";
    // (a mercenary, NSO Group or Candiru, is the attacker of the stories its spyware is found in)
    if (rules_.is_mercenary(m)) return "actor";
    if (m.type == MentionType::Operation) return "operation";
    return nullptr;
  }

  std::string_view word(size_t k) const { return doc_.folded_token(k); }
  bool listed(size_t k, const WordList& l) const { return k < doc_.tokens.size() && l.has(doc_.tokens[k].vocab); }
  // an auxiliary or adverb between a subject's name and its verb: "the FBI has", "Microsoft separately said"
  bool verb_filler(size_t k) const { return listed(k, words_.verb_fillers) && doc_.tokens[k].is_all_lower; }
  bool reporting_word(size_t k) const { return listed(k, words_.reporting_words); }
  bool speaker_verb(size_t k) const { return listed(k, words_.speaker_verbs); }
  bool in_sentence(size_t k, uint32_t sent) const { return k < doc_.tokens.size() && doc_.tokens[k].sentence == sent; }
  // "not", "never" or "n't" among the `reach` words before token k: "had not been inside its network".
  bool negated_before(size_t k, uint32_t sent, size_t reach) const {
    for (size_t u = k; u >= 1 && u + reach > k && in_sentence(u - 1, sent); --u)
      if (one_of(word(u - 1), {"not", "never", "n't"})) return true;
    return false;
  }
  bool negated_after(size_t k, uint32_t sent) const {
    for (size_t u = k + 1; in_sentence(u, sent) && u <= k + 8; ++u)
      if (one_of(word(u), {"not", "never", "n't"})) return true;
    return false;
  }

  // A story of sanctions (context/sanction-words.txt) anywhere in the article.
  bool sanctions_story() const {
    if (sanctions_story_ < 0) {
      sanctions_story_ = 0;
      for (size_t k = 0; k < doc_.tokens.size() && !sanctions_story_; ++k) sanctions_story_ = listed(k, words_.sanction_words);
    }
    return sanctions_story_ == 1;
  }
  mutable int8_t sanctions_story_ = -1;

  // The sentence tells of police work (an arrest, a raid: context/police-action-words.txt), of a
  // takedown (takedown-verbs.txt) or of an investigation (investigation-words.txt). Every name of the
  // sentence may ask: answered once per sentence.
  bool police_work(uint32_t sent) const { return sentence_lists(sent, words_.police_action_words, police_work_); }
  bool takedown_work(uint32_t sent) const { return sentence_lists(sent, words_.takedown_verbs, takedown_work_); }
  bool investigation_work(uint32_t sent) const { return sentence_lists(sent, words_.investigation_words, investigation_work_); }
  SentenceMemo police_work_, takedown_work_, legal_work_, investigation_work_, advisory_sentence_, attacker_sentence_, group_sentence_, attack_sentence_;
  SentenceTokenMemo list_goes_on_;
  // A government body in a sentence of a joint advisory or statement about an attacker the sentence
  // names: "the National Intelligence Service and the National Police Agency joined the FBI, the State
  // Department and the NSA in a joint advisory describing how Kimsuky operators impersonate
  // journalists" (context/cosign-cues.txt, advisory-nouns.txt). Each body signs it, whatever its place
  // in the sentence; not one the document only belongs to ("lures posing as draft joint statements of
  // the Foreign Ministry").
  bool cosigns_advisory(const Mention& m, uint32_t sent, const std::vector<Attacker>& attackers) const {
    if (m.type != MentionType::Actor || actor_kind(m, rules_) != "government") return false;
    const bool named_here = std::any_of(attackers.begin(), attackers.end(), [&](const Attacker& a) { return a.named && !a.carried && a.sentence == sent; });
    // (or the advisory and its group are the sentence before's, and this one tells who signed it:
    // "The advisory from the ASD said the group, known as APT40, ... It was co-signed by the NSA, ...")
    const bool named_before = sent >= 1 && std::any_of(attackers.begin(), attackers.end(), [&](const Attacker& a) {
      return a.by_name && a.carried && a.sentence + 1 == sent;
    });
    if (!(named_here || named_before) ||
        !advisory_sentence_.ask(doc_, sent, [&](const Sentence&) {
          return sentence_lists(sent, words_.cosign_cues) &&
                 (sentence_lists(sent, words_.advisory_nouns) ||
                  (sent >= 1 && sentence_lists(sent - 1, words_.advisory_nouns) && opens_with_advisory_reference(sent)));
        }))
      return false;
    // (over at most a dozen words of the name and its article: a hostile run of names costs no more)
    size_t f = doc_.token_starting_at(m.start);
    for (int n = 0; f != std::string::npos && f >= 1 && n < 12 && in_sentence(f - 1, sent) && (word(f - 1) == "the" || doc_.tokens[f - 1].is_upper_initial); ++n) --f;
    return !(f != std::string::npos && f >= 1 && in_sentence(f - 1, sent) && word(f - 1) == "of");
  }
  // The sentence opens by referring back to a document: "It was co-signed by", "The advisory was
  // also signed by", "The report was co-authored by".
  bool opens_with_advisory_reference(uint32_t sent) const {
    const size_t first = doc_.sentences[sent].first_token;
    if (!in_sentence(first, sent)) return false;
    if (word(first) == "it") return true;
    return one_of(word(first), {"the", "this", "that"}) && in_sentence(first + 1, sent) && listed(first + 1, words_.advisory_nouns);
  }
  // The sentences that name a law-enforcement operation ("under an operation code-named Elaborate").
  std::vector<bool> takedown_named_;
  bool takedown_named(uint32_t sent) const { return sent < takedown_named_.size() && takedown_named_[sent]; }
  // A state body the sentence makes the attacker: the subject of an attack word ("the GRU had also
  // tried to get into", "GRU officers hacked", "accused the GRU of trying to hack"), behind an attack
  // ("the FSB was behind"), or its agent ("hacked by the GRU"). Not a takedown ("the FBI disrupted
  // the botnet"), nor a body that was hit ("the Foreign Office was breached").
  bool state_body_attacks(const Mention& m) const {
    // (a body of no one state is none: "with help from the FBI and Interpol, targeted more than 100 locations")
    if (m.type != MentionType::Actor || m.entry == UINT32_MAX || rules_.actors[m.entry].kind != "government" || rules_.actors[m.entry].country.empty())
      return false;
    const size_t f = doc_.token_starting_at(m.start), l = doc_.token_ending_at(m.end);
    if (f == std::string::npos || l == std::string::npos) return false;
    const uint32_t sent = doc_.tokens[f].sentence;
    // the one who tells: "According to the Foreign Office, officers of Unit 26165 carried out ..."
    {
      const size_t k = f >= 1 && word(f - 1) == "the" ? f - 1 : f;
      if (k >= 2 && in_sentence(k - 2, sent) && word(k - 1) == "to" && word(k - 2) == "according") return false;
    }
    // blamed for the attacks: "the centre blamed the GRU for a string of intrusions", "accused the US
    // National Security Agency of a long-running cyberattack"
    size_t b = f;
    while (b >= 1 && in_sentence(b - 1, sent) && (word(b - 1) == "the" || country_token(b - 1))) --b;
    // (an accusation against a state names the attacker only when the article names no group:
    // "accused the Kremlin of a campaign" in a story about Dragonfly is about Dragonfly's sponsor)
    const bool accused = !names_group_ && b >= 1 && in_sentence(b - 1, sent) && listed(b - 1, words_.accusation_verbs);
    const bool blamed = b >= 1 && in_sentence(b - 1, sent) && (doc_.has_cue(b - 1, kAttributionCues) || accused);
    if (blamed && in_sentence(l + 1, sent) && (word(l + 1) == "for" || (accused && word(l + 1) == "of")))
      for (size_t k = l + 2; in_sentence(k, sent) && k <= l + 7; ++k)
        if (((doc_.has_cue(k, kTargetCues) && !listed(k, words_.target_cue_nouns)) || listed(k, words_.hack_words)) && doc_.tokens[k].is_all_lower)
          return true;
    // made to act by the attack: "hackers had forced the Treasury Board and the Department of Finance
    // to cut off internet access"
    for (size_t k = b; k >= 1 && k + 12 >= b && in_sentence(k - 1, sent); --k) {
      if (listed(k - 1, words_.compulsion_verbs)) return false;
      if (!(doc_.tokens[k - 1].is_upper_initial || one_of(word(k - 1), {"the", "and", ",", "'", "s"}))) break;
    }
    // the sponsor of those who attack: "hackers working for Iran's MOIS", "a group run by the GRU"
    for (size_t k = f; k >= 1 && k + 4 >= f && in_sentence(k - 1, sent); --k)
      if (doc_.has_cue(k - 1, kAttributionCues) || word(k - 1) == "for") return false;
    bool passive = false;
    for (size_t k = l + 1; in_sentence(k, sent) && k <= l + 8; ++k) {
      const std::string_view w = word(k);
      // (not police work: "the Brazilian Federal Police carried out Operation Grandoreiro, serving
      // arrest warrants on five suspected operators")
      if (doc_.has_cue(k, kAttributionAfter)) return !police_work(sent);
      // not an organisation noun: "Russian government officials" were the victims
      if ((doc_.has_cue(k, kTargetCues) || listed(k, words_.hack_words)) && doc_.tokens[k].is_all_lower &&
          !doc_.has_cue(k, kVictimNouns) && !listed(k, words_.target_cue_nouns) && w != "against") {
        // a noun the name qualifies tells what befell it: "the Bundestag hack", "the Foreign Office breach"
        if (k == l + 1 && f >= 1 && in_sentence(f - 1, sent) && word(f - 1) == "the" && !w.ends_with("ed") && !w.ends_with("ing")) return false;
        if (listed(k, words_.sanction_verbs) && sanctions_story()) return false;
        return !passive && !listed(k, words_.takedown_verbs);
      }
      if (one_of(w, {"was", "were", "is", "are"})) { passive = true; continue; }
      if (one_of(w, {"'", "s", ",", "of", "had", "has", "have", "also", "allegedly", "reportedly", "repeatedly", "then", "later",
                     "trying", "tried", "attempting", "attempted", "sought", "to", "unit", "units", "engineers", "officers",
                     "\"", "“", "”", "almost", "certainly", "likely", "highly", "probably", "most"}) ||
          doc_.tokens[k].is_digit || (doc_.has_cue(k, kAttackerNouns) && doc_.tokens[k].is_all_lower))
        continue;
      break;
    }
    size_t k = f;
    while (k >= 1 && in_sentence(k - 1, sent) && (one_of(word(k - 1), {"the", "'", "s"}) || doc_.tokens[k - 1].is_upper_initial)) --k;
    // the agent of an attack in the passive: "the ministry was hacked by the GRU", "attacks carried
    // out by the FSB"; not of another verb ("the intrusion had been spotted by the CSEC", "a network
    // used by the German Foreign Office"), nor police work ("servers taken offline by the FBI ...
    // under an operation code-named Elaborate")
    if (k >= 2 && word(k - 1) == "by" && !police_work(sent) && !takedown_named(sent))
      for (size_t t = k - 1; t >= 1 && t + 4 >= k - 1 && in_sentence(t - 1, sent); --t) {
        // (an attack word, not a victim noun or a preposition: "a push against malware infrastructure coordinated by Europol")
        if (doc_.has_cue(t - 1, kTargetCues) && doc_.tokens[t - 1].is_all_lower && !listed(t - 1, words_.takedown_verbs) &&
            !listed(t - 1, words_.target_cue_nouns) && word(t - 1) != "against")
          return true;
        if (is_verb_form(word(t - 1)) && doc_.tokens[t - 1].is_all_lower && !listed(t - 1, words_.instigation_verbs)) break;  // "spotted by", "used by"
      }
    // its members charged over hacking: "charged two officers of Russia's Federal Security Service ...
    // over the theft of data"; when the article names a group ("six officers of Russia's GRU ...
    // belong to Unit 74455, which researchers know as Sandworm"), the group is the attacker
    if (!names_group_ && k >= 3 && word(k - 1) == "of" && listed(k - 2, words_.member_nouns)) {
      bool legal = false, attack = false;
      const Sentence& s = doc_.sentences[sent];
      for (size_t t = s.first_token; t < s.end_token; ++t) {
        if (t + 4 >= k && t < k && listed(t, words_.legal_action_words)) legal = true;
        if (t < k - 2 && listed(t, words_.legal_action_words)) legal = true;
        if ((doc_.has_cue(t, kTargetCues) && !listed(t, words_.target_cue_nouns)) || listed(t, words_.hack_words)) attack = true;
      }
      return legal && attack;
    }
    return false;
  }

  // The country a group (or an operation's group) is tied to, empty if none is known.
  std::string home_of(const std::string& name, const char* kind) const {
    std::string group = name;
    if (std::string_view(kind) == "operation")
      for (const auto& m : doc_.mentions)
        if (m.type == MentionType::Operation && m.value == name) { group = operation_group(doc_, rules_, m); break; }
    const ActorEntry* entry = group_entry(group);
    return entry ? entry->country : std::string();
  }
  // A body of the attacker's own state, which a state's spies do not attack ("GRU officers broke
  // into"); a crew of criminals or hacktivists does hit its own state ("Anonymous Philippines
  // defaced the website of the Commission on Elections").
  bool own_state_body(const Mention& m, const std::string& attacker, const char* kind) const {
    if (actor_kind(m, rules_) != "government" || m.entry == UINT32_MAX || rules_.actors[m.entry].country.empty()) return false;
    if (home_of(attacker, kind) != rules_.actors[m.entry].country) return false;
    const ActorEntry* group = group_entry(attacker);
    const bool crew = group && (group->motivation == "criminal" || group->motivation == "hacktivist");
    // (the crew's own state, right after an attack word only: "the Treasury imposed sanctions on six
    // officials of the IRGC" in a story of the IRGC's hacktivist front is no attack on the IRGC)
    if (const size_t f = doc_.token_starting_at(m.start); crew && f != std::string::npos)
      return !attack_word_just_before(f, doc_.tokens[f].sentence);
    return true;
  }
  // The gazetteer's threat group of this canonical name (null: an unknown one).
  const ActorEntry* group_entry(const std::string& name) const {
    for (uint32_t i : rules_.actors_named(name))
      if (rules_.actors[i].kind == "threat-group") return &rules_.actors[i];
    return nullptr;
  }

  // The attacker's state: a group's or operation's home, or a state body's own country.
  std::string attacker_home(const std::string& name, const char* kind) const {
    std::string home = home_of(name, kind);
    if (home.empty() && state_attackers_.count(name))
      if (const auto& named = rules_.actors_named(name); !named.empty()) return rules_.actors[named.front()].country;
    return home;
  }

  // Before any attacker is named, a sentence that blames a country ("North Korean hackers broke
  // into ...", "an Iranian state-backed group sent ...") is about the first group of that country
  // the article names later, and more than once, within kLaterOfCountry sentences (kFirstAttackerAhead
  // bounds a guess without that evidence): the story names the group once its background is told. A
  // group named once, or much later, is most often another story's ("Security companies have tied
  // WannaCry to the Lazarus Group"). On 48 dev sets: 14 right, 2 wrong.
  static constexpr uint32_t kLaterOfCountry = 24;
  const Attacker* later_of_country(uint32_t sent, const std::vector<const Mention*>& ms) const {
    std::string blamed;
    for (const Mention* m : ms)
      if (m->type == MentionType::Country && m->role == "attribution") {
        if (!blamed.empty() && blamed != m->value) return nullptr;  // two states: which one?
        blamed = m->value;
      }
    if (blamed.empty()) return nullptr;
    // (named_ is in text order: from the first name after the sentence, not from the article's first)
    const auto after = std::upper_bound(named_.begin(), named_.end(), sent, [](uint32_t s, const Attacker& a) { return s < a.sentence; });
    for (auto a = after; a != named_.end() && a->sentence <= sent + kLaterOfCountry; ++a)
      if (std::string_view(a->kind) == "actor" && times_named(a->name) >= 2 && attacker_home(a->name, a->kind) == blamed) return &*a;
    return nullptr;
  }

  bool home_fits(const std::string& group, const std::string& country) const {
    const auto& named = rules_.actors_named(group);
    if (named.empty()) return true;
    const ActorEntry& entry = rules_.actors[named.front()];
    // (a mercenary's only country is its own: the attackers' countries of its sentences are its
    // customers', "a government customer of Intellexa in Egypt")
    if (entry.motivation == "mercenary") return entry.country == country;
    // (a crew of criminals or hacktivists is often spread over several countries, LAPSUS$ in Britain
    // and Brazil; a state's group has the one sponsor)
    return entry.country.empty() || entry.country == country || entry.motivation == "criminal" || entry.motivation == "hacktivist";
  }

  void add(const std::string& type, const std::string& src, const char* st, const std::string& dst, const char* dt,
           uint32_t sent, const std::string& cue) {
    if (src.empty() || dst.empty() || src == dst) return;
    if (type != "reported-by" && takedowns_.count(src)) return;  // "Operation Tovar" disrupted GameOver Zeus; it did not use it
    // what a state body did, the group the text ties to it did ("GRU unit 26165, which researchers
    // track as APT28"): the group is the attacker, the body its sponsor
    if (auto it = body_groups_.find(src); it != body_groups_.end()) {
      // (only when the text ties it to one group: a body with several units in the story, "the GRU's
      // units 26165 and 74455", did each thing through one of them, which the text does not say)
      if (type != "attributed-to" && it->second.size() == 1)
        add(type, *it->second.begin(), "actor", dst, dt, sent, cue + ", through " + src);
      return;
    }
    if (!seen_.insert(type + "\t" + src + "\t" + dst).second) return;
    const Sentence& s = doc_.sentences[sent];
    doc_.relations.push_back({type, src, st, dst, dt, sent, s.start, s.end, cue});
    if (type == "uses" && std::string_view(st) == "actor") tool_owner_.emplace(dst, src);  // the first group shown using it
  }

  // An operation the rules do not list, named in a sentence of police work: "the launch of
  // Operation Gold Digger, in which officers detained two people".
  bool police_operation(const Mention& m) const {
    const size_t f = doc_.token_starting_at(m.start);
    if (f == std::string::npos) return false;
    const uint32_t sent = doc_.tokens[f].sentence;
    if (police_work(sent) || takedown_work(sent)) return true;
    // one that police or investigators work under: "investigators from the ASD and the AFP, working
    // together under Operation Aquila, had linked him to the theft"
    if (f >= 1 && word(f - 1) == "under") {
      const Sentence& s = doc_.sentences[sent];
      for (size_t k = s.first_token; k < s.end_token; ++k)
        if (doc_.tokens[k].is_all_lower && one_of(word(k), {"police", "investigators", "prosecutors", "officers", "detectives", "agents"}))
          return true;
    }
    return false;
  }
  // A word of police, takedown or legal action: "arrested", "disrupted", "charged", "sanctioned".
  bool enforcement_word(size_t k) const {
    return listed(k, words_.police_action_words) || listed(k, words_.takedown_verbs) || listed(k, words_.legal_action_words);
  }
  bool enforcement_sentence(uint32_t sent) const {
    return police_work(sent) || takedown_work(sent) || sentence_lists(sent, words_.legal_action_words, legal_work_);
  }
  // The name is the subject of a police action: "the Dutch National Police and the FBI disrupted",
  // "officers from the Ministry of Public Security arrested", "Sri Lanka Police have arrested".
  bool police_act_after(const Mention& m) const {
    const size_t l = doc_.token_ending_at(m.end);
    if (l == std::string::npos) return false;
    const uint32_t sent = doc_.tokens[l].sentence;
    for (size_t k = l + 1; k <= l + 10 && in_sentence(k, sent); ++k) {
      if (doc_.tokens[k].is_all_lower && enforcement_word(k)) return true;
      const std::string_view w = word(k);
      if (!(doc_.tokens[k].is_upper_initial || one_of(w, {"and", ",", "the", "of", "'", "s"}) || verb_filler(k)))
        return false;
    }
    return false;
  }
  // A body named as the agent of a police action, over the other names of its list: "whose servers
  // were seized by the FBI", "were arrested by the Cyber Police of Ukraine", "sanctioned by the
  // Treasury and the State Department". (Those that led, supported or worked with a takedown are
  // not: the annotators of the unseen sets gave them no reported-by, 2 times in 11.)
  bool agent_of_police_action(const Mention& m) const {
    const size_t f = doc_.token_starting_at(m.start), l = doc_.token_ending_at(m.end);
    if (f == std::string::npos || l == std::string::npos) return false;
    const uint32_t sent = doc_.tokens[f].sentence;
    auto in_list = [&](size_t k) {
      return org_token_[k] || country_token_[k] || doc_.tokens[k].is_upper_initial || doc_.has_cue(k, kObserverNouns) ||
             one_of(word(k), {"and", ",", "the", "'", "s", "of", "in", "from", "also", "both", "including"});
    };
    for (size_t k = f; k > 0 && f - k < 16 && in_sentence(k - 1, sent); --k) {
      const size_t t = k - 1;
      if (doc_.tokens[t].is_all_lower || t == doc_.sentences[sent].first_token) {
        const std::string_view w = word(t);
        const bool after_verb = t >= 1 && in_sentence(t - 1, sent) && doc_.tokens[t - 1].is_all_lower;
        if (w == "by" && after_verb && enforcement_word(t - 1))
          return true;
      }
      if (!in_list(t)) break;
    }
    return false;
  }
  // A word of punishing (context/punish-words.txt) in the clause the body at m opens: "the ICO said it
  // intended to fine the airline" (not another's, "Viginum documented the copies, and OpenAI said it
  // had banned accounts").
  bool punishes_after(const Mention& m, uint32_t sent) const {
    const size_t l = doc_.token_ending_at(m.end);
    if (l == std::string::npos) return false;
    for (size_t k = l + 1; k <= l + 14 && in_sentence(k, sent); ++k) {
      if (one_of(word(k), {";", "and", "but", "while"}) || org_token_[k]) return false;
      if (doc_.tokens[k].is_all_lower && listed(k, words_.punish_words)) return true;
    }
    return false;
  }
  // The sentence holds a lower-case word of the list.
  bool sentence_lists(uint32_t sent, const WordList& list) const {
    const Sentence& s = doc_.sentences[sent];
    for (size_t k = s.first_token; k < s.end_token; ++k)
      if (doc_.tokens[k].is_all_lower && listed(k, list)) return true;
    return false;
  }
  bool sentence_lists(uint32_t sent, const WordList& list, const SentenceMemo& memo) const {
    return sentence_has_word(doc_, sent, list, memo);
  }

  // The last named attacker of a kind before token t (the nearest in text), else the first
  // one after it: a lead sentence often describes the attack before the group is named.
  // A group named once in passing does not take the reference from one the article keeps naming.
  const Attacker* last_named(const char* kind, size_t t) const {
    const NamedOfKind& of_kind = named_of_kind(kind);
    // (a binary search, not a pass over every name before t: a hostile text naming a campaign
    // thousands of times and referring to it as often was quadratic)
    const auto p = size_t(std::lower_bound(of_kind.at.begin(), of_kind.at.end(), t, [&](size_t i, size_t tok) { return named_[i].token < tok; }) -
                          of_kind.at.begin());
    // none before: the first after (the lead tells of "the hackers" the story names far on); an
    // operation only when it comes soon, as for a lead (kFirstAttackerAhead): "the operation" long
    // before any is named is some other ("Kaspersky named the group behind the operation Kimsuky"
    // seven sentences before Operation Troy comes up)
    if (p == 0) {
      if (of_kind.at.empty()) return nullptr;
      const Attacker* after = &named_[of_kind.at[0]];
      return std::string_view(kind) == "actor" || after->sentence <= doc_.tokens[t].sentence + kFirstAttackerAhead ? after : nullptr;
    }
    const Attacker* before = &named_[of_kind.at[p - 1]];
    const size_t main = of_kind.main_upto[p - 1];
    if (main != SIZE_MAX && times_named(before->name) == 1) return &named_[main];
    return before;
  }
  // The attacker the article names most often (the first of those named as often).
  const Attacker& most_named() const {
    const Attacker* best = &named_.front();
    for (const Attacker& a : named_)
      if (times_named(a.name) > times_named(best->name)) best = &a;
    return *best;
  }
  int times_named(const std::string& name) const {
    const auto it = times_named_.find(name);
    return it == times_named_.end() ? 0 : it->second;
  }

  // References to an attacker named elsewhere: "the group", "the hackers", "this gang" (a group),
  // "the campaign", "the operation", "the effort" (an operation), "it", "they" (whatever the
  // previous sentences were about). Returns (token, kind) with kind actor|operation|pronoun.
  std::vector<std::pair<size_t, std::string>> references(uint32_t sent) const {
    std::vector<std::pair<size_t, std::string>> out;
    const Sentence& s = doc_.sentences[sent];
    for (size_t k = s.first_token; k < s.end_token; ++k) {
      const std::string_view w = word(k);
      // (not "IT" in capitals, the trade: "Akira hit Südwestfalen-IT", "the IT provider")
      if (one_of(w, {"it", "they"}) && !doc_.tokens[k].is_all_upper && !reporting_after(k)) { out.emplace_back(k, "pronoun"); continue; }
      // "a separate Chinese state-sponsored group", "another gang": an attacker other than those named
      if (w == "another" || (one_of(w, {"a", "an"}) && one_of(word(k + 1), {"separate", "different", "unrelated", "second"}))) {
        for (size_t j = k + 1; j <= k + 6 && in_sentence(j, sent); ++j) {
          if (!doc_.tokens[j].is_word && word(j) != "-") break;
          if (doc_.has_cue(j, kAttackerNouns) && doc_.tokens[j].is_all_lower && !listed(j, words_.not_attacker_references)) {
            out.emplace_back(j, "other");
            break;
          }
        }
        continue;
      }
      if (!one_of(w, {"the", "this", "that", "these", "those", "a", "an"})) continue;
      // up to two modifiers: "the Russian-speaking gang", "the espionage campaign"
      for (size_t j = k + 1; j <= k + 4 && in_sentence(j, sent); ++j) {
        const std::string_view h = word(j);
        if (!doc_.tokens[j].is_word && h != "-") break;
        if (listed(j, words_.operation_nouns)) {
          if (w == "a" || w == "an") { if (!last_before_sentence("operation", sent)) out.emplace_back(j, "operation"); }
          else out.emplace_back(j, "operation");
          break;
        }
        if (doc_.has_cue(j, kAttackerNouns) && doc_.tokens[j].is_all_lower && !listed(j, words_.not_attacker_references)) {
          // "the group APT31" names the group; "the hackers' servers" still refers to them
          const bool names_next = in_sentence(j + 1, sent) && doc_.tokens[j + 1].is_upper_initial;
          // "a hacking group" only before any group is named: the lead introduces the one named later
          if (!names_next && ((w != "a" && w != "an") || !last_before_sentence("actor", sent))) out.emplace_back(j, "actor");
          break;
        }
        if (!doc_.tokens[j].is_all_lower && h != "-") break;
      }
    }
    return out;
  }
  // The sentence opens with a quotation mark.
  bool quoted(uint32_t sent) const {
    const Sentence& s = doc_.sentences[sent];
    return s.first_token < s.end_token && one_of(doc_.token_text(doc_.tokens[s.first_token]), {"\"", "\u201c", "'", "\u2018"});
  }
  bool last_before_sentence(const char* kind, uint32_t sent) const {
    for (const auto& a : named_)
      if (std::string_view(a.kind) == kind && a.sentence < sent) return true;
    return false;
  }
  // "it said", "they told": a speaker, not an attacker.
  bool reporting_after(size_t k) const {
    const std::string_view n = word(k + 1);
    return one_of(n, {"said", "says", "say", "told", "added", "noted", "was", "is", "would", "will", "could"});
  }

  // The group an operation of the article belongs to (operation_group), when the article names it.
  // Worked out once per operation: a reference ("the campaign") asks at every use, and a hostile text
  // of thousands of them would scan the mentions each time.
  const std::string& group_of_operation(const std::string& operation) const {
    const auto [it, fresh] = operation_groups_.try_emplace(operation);
    if (fresh) it->second = find_group_of_operation(operation);
    return it->second;
  }
  mutable std::unordered_map<std::string, std::string> operation_groups_;
  std::string find_group_of_operation(const std::string& operation) const {
    for (const Mention& m : doc_.mentions) {
      if (m.type != MentionType::Operation || m.value != operation) continue;
      std::string group = operation_group(doc_, rules_, m);
      if (group.empty()) return {};
      // (named before the operation: the story is the group's, and the operation one of its campaigns;
      // else the operation leads, its group perhaps only suspected: "resembles Lazarus Group's tools")
      for (const Mention& g : doc_.mentions) {
        if (g.type == MentionType::Operation && g.value == operation) return {};
        if (g.value == group && is_group(g, rules_)) return group;
      }
      return {};
    }
    return {};
  }

  // The attacker a reference word at token t stands for: `a`, or the group of an operation `a` the
  // article gives to a group named before it (group_of_operation): "Operation Cloud Hopper ... the
  // campaign hit firms in Japan" is menuPass's targeting of Japan, the operation menuPass's by
  // attributed-to.
  Attacker referred(const Attacker& a, size_t t, uint32_t sent, const char* which) const {
    if (std::string_view(a.kind) == "operation")
      if (const std::string& group = group_of_operation(a.name); !group.empty())
        return {group, "actor", t, sent, "'" + word(t) + "' refers to " + which + ", whose group is " + group, true};
    return {a.name, a.kind, t, sent, "'" + word(t) + "' refers to " + which, true};
  }

  std::vector<Attacker> attackers_of(uint32_t sent, const std::vector<const Mention*>& ms) {
    std::vector<Attacker> out;
    for (const Mention* m : ms)
      if (const char* kind = attacker_kind(*m); kind && !venue(*m))
        out.push_back({m->value, kind, doc_.token_starting_at(m->start), sent, "named in the sentence", true, false, true});
    const size_t named_here = out.size();
    for (const auto& [t, kind] : references(sent)) {
      if (kind == "other") {
        other_attacker_ = true;
        continue;
      }
      // a reference that the name follows closely introduces it: "a campaign it calls Operation
      // C-Major", "the group, known as Gamaredon", "the hackers, dubbed Volt Typhoon"
      bool introduces = false;
      for (size_t i = 0; i < named_here; ++i)
        if (out[i].token > t && out[i].token <= t + 6 && (kind == "pronoun" || kind == out[i].kind)) introduces = true;
      if (introduces) continue;
      // "it" after a group the sentence names before it is that group: "Scattered Spider, which
      // Mandiant tracks as UNC3944, first drew attention in 2023 when it breached MGM Resorts",
      // "researchers named it the main suspect". Not after a verb of saying, whose "it" is the speaker
      // ("the Storting said it had been attacked"), nor a claim's, which is the attack ("LockBit claimed it").
      if (kind == "pronoun" && word(t) == "it" && t >= 1 && !speaker_verb(t - 1) && !one_of(word(t - 1), {"claimed", "claims", "claim", "claiming"})) {
        const Attacker* before = nullptr;
        for (size_t i = 0; i < named_here; ++i)
          if (out[i].token < t && std::string_view(out[i].kind) == "actor") before = &out[i];
        if (before) {
          out.push_back({before->name, before->kind, t, sent, "'it', " + before->name + " named before it in the sentence", true, false, false, false});
          continue;
        }
      }
      if (kind == "pronoun") {
        // "they" after a list of groups is all of them: "named four groups ... Blacktech, Taidoor,
        // MustangPanda and APT40. He said they had penetrated ..."
        const std::vector<Attacker>& those = word(t) == "they" && focus_list_.size() > 1 ? focus_list_ : focus_;
        for (size_t i = 0; i < those.size() && (i == 0 || &those == &focus_list_); ++i)
          out.push_back({those[i].name, those[i].kind, t, those[i].sentence, "'" + word(t) + "', the attacker of the sentences before", false, &those == &focus_list_, false, true});
        continue;
      }
      // "the groups", "these gangs" after a list of groups: all of them ("identified seven groups behind
      // the wave: APT36, Pakistan Cyber Force, ... The groups used DDoS attacks against government portals")
      // (named in the sentence right before; not in a quotation, which speaks of gangs at large: "the
      // gangs know it," said an analyst)
      // (and what they did together: "Victims of the joint operation were found in Cuba")
      if (focus_list_.size() > 1 && focus_list_.front().sentence + 1 == sent && !quoted(sent) &&
          ((kind == "actor" && one_of(word(t), {"groups", "gangs", "crews", "collectives", "outfits"})) ||
           (t >= 1 && word(t - 1) == "joint"))) {
        for (const Attacker& a : focus_list_)
          out.push_back({a.name, a.kind, t, a.sentence, "'" + word(t) + "', the groups of the sentences before", false, true, false, true});
        continue;
      }
      // before any of its kind named in this sentence, the one the sentences before were about
      // (the first of theirs), not one named in passing after it: "LulzSec presented the leak as
      // part of a campaign it announced with the Anonymous movement. The small group has posted ..."
      const size_t at = t;
      const std::string& of_kind = kind;  // (clang 14 cannot capture a structured binding in a lambda)
      // (or carried over from the sentence before by a pronoun: "Black Basta surfaced in 2022 and is
      // regarded as one of Conti's successors. It built up a list of victims. ... across the group")
      if (!focus_.empty() && kind == focus_[0].kind && (focus_[0].named || (focus_[0].carried && sent - focus_[0].sentence <= 2)) &&
          focus_[0].sentence < sent &&
          std::none_of(out.begin(), out.begin() + named_here, [&](const Attacker& o) { return o.token < at && o.kind == of_kind; })) {
        out.push_back(referred(focus_[0], t, sent, "the attacker of the sentences before"));
        continue;
      }
      // "the campaign" before any operation is named, while the sentences before were about a group,
      // is that group's, not an operation the text names only in a later paragraph ("Tarakanov said the
      // campaign was narrowly targeted" in a story of Kimsuky, a paragraph before Operation Troy)
      // (one named in a later paragraph: in the same one, "the campaign" most often introduces it)
      if (kind == "operation" && !focus_.empty() && std::string_view(focus_[0].kind) == "actor" && focus_[0].named && focus_[0].sentence < sent)
        if (const Attacker* op = last_named("operation", t);
            op && (op->token > t && op->token < doc_.tokens.size() &&
                    std::string_view(doc_.norm).substr(doc_.tokens[t].end, doc_.tokens[op->token].start - doc_.tokens[t].end).find('\n') != std::string_view::npos)) {
          out.push_back(referred(focus_[0], t, sent, "the attacker of the sentences before"));
          continue;
        }
      // else the nearest named one before the reference, in this sentence or earlier
      if (const Attacker* a = last_named(kind.c_str(), t))
        out.push_back(referred(*a, t, sent, kind == "actor" ? "the last named group" : "the last named operation"));
    }
    std::sort(out.begin(), out.end(), [](const Attacker& a, const Attacker& b) { return a.token < b.token; });
    return out;
  }

  // The attackers an entity at token t belongs to: the one nearest before it in the sentence
  // (else nearest after), with those listed together with it ("APT28 and APT29"); for a reporter
  // whose name ends at token reporter_last, also those of the sentence it names itself
  // (given_its_name).
  std::vector<const Attacker*> nearest(const std::vector<Attacker>& as, size_t t, bool prefer_after,
                                       size_t reporter_last = std::string::npos) const {
    std::vector<const Attacker*> out;
    if (!as.empty() && as.front().token == std::string::npos) {
      for (const auto& a : as) out.push_back(&a);
      return out;
    }
    // (not one named inside an aside the sentence closes before the entity, when another is named
    // outside it: "Black Basta, which researchers believe includes former members of the Conti
    // operation, has also claimed attacks on Synlab")
    const auto in_aside = [&](const Attacker& a) { return a.token < t && closed_aside_around(a.token, t); };
    const bool some_outside = std::any_of(as.begin(), as.end(), [&](const Attacker& a) { return a.token != t && !in_aside(a); });
    const Attacker* best = nullptr;
    for (const auto& a : as) {
      if (a.token == t) continue;
      if (some_outside && in_aside(a)) continue;
      if (!best) { best = &a; continue; }
      const bool a_side = prefer_after ? a.token > t : a.token < t, b_side = prefer_after ? best->token > t : best->token < t;
      const size_t da = a.token > t ? a.token - t : t - a.token, db = best->token > t ? best->token - t : t - best->token;
      if ((a_side && !b_side) || (a_side == b_side && da < db)) best = &a;
    }
    if (!best) return out;
    for (const auto& a : as)
      if (&a == best || (a.of_list && best->of_list && a.token == best->token) || coordinated(a.token, best->token) ||
          (reporter_last != std::string::npos && a.by_name && a.sentence == best->sentence && given_its_name(a.token, reporter_last)))
        out.push_back(&a);
    return out;
  }
  // The group's name at token g (over a noun of attackers after it) ends in a possessive: "the APT41
  // group's", "Lazarus's".
  bool possessive_after_group(size_t g) const {
    const uint32_t sent = doc_.tokens[g].sentence;
    size_t k = g;
    while (k < group_token_.size() && in_sentence(k, sent) && group_token_[k]) ++k;
    if (in_sentence(k, sent) && doc_.tokens[k].is_all_lower && doc_.has_cue(k, kAttackerNouns)) ++k;
    return in_sentence(k + 1, sent) && one_of(word(k), {"'", "\u2019"}) && word(k + 1) == "s";
  }
  // A country glued into an adjective of the attacker named right after it: "the Russia-based Conti
  // operation", "the Beijing-backed APT41".
  bool compound_before_attacker(const Mention& m, const std::vector<Attacker>& attackers) const {
    if (m.type != MentionType::Country) return false;
    const size_t l = doc_.token_ending_at(m.end);
    if (l == std::string::npos || !in_sentence(l + 2, doc_.tokens[l].sentence) || word(l + 1) != "-" || doc_.tokens[l + 1].space_before ||
        doc_.tokens[l + 2].space_before || !doc_.tokens[l + 2].is_all_lower)
      return false;
    return std::any_of(attackers.begin(), attackers.end(), [&](const Attacker& a) { return a.named && a.token > l + 2 && a.token <= l + 4; });
  }
  // Token k is inside an aside opened by ", which" (", who", ", whose") and closed by a comma before
  // token t: "Black Basta, which researchers believe includes former members of the Conti operation,".
  bool closed_aside_around(size_t k, size_t t) const { return aside_close(k) < t; }
  // The comma that closes the aside token k is in (at most kAsideLength tokens on), npos if none:
  // worked out once per token (each entity of a sentence asks about each attacker).
  static constexpr size_t kAsideLength = 40;
  size_t aside_close(size_t k) const {
    const auto [it, fresh] = aside_close_.try_emplace(k, std::string::npos);
    if (!fresh) return it->second;
    const uint32_t sent = doc_.tokens[k].sentence;
    bool open = false;
    for (size_t u = k; u >= 2 && u + 25 >= k && in_sentence(u - 2, sent); --u) {
      const std::string_view w = word(u - 1);
      if (one_of(w, {"which", "who", "whose"}) && word(u - 2) == ",") { open = true; break; }
      if (one_of(w, {",", ";", ":"})) break;
    }
    if (open)
      for (size_t u = k + 1; u <= k + kAsideLength && in_sentence(u, sent); ++u)
        if (word(u) == ",") { it->second = u; break; }
    return it->second;
  }
  mutable std::unordered_map<size_t, size_t> aside_close_;
  // A group named as the place where something is or happens, not as a doer: "data offered on the
  // BreachForums marketplace", "a crackdown on LockBit" (not its own place: "on LockBit's leak site").
  bool venue(const Mention& m) const {
    const size_t f = doc_.token_starting_at(m.start), l = doc_.token_ending_at(m.end);
    if (m.type != MentionType::Actor || f == std::string::npos || l == std::string::npos || f < 1) return false;
    const uint32_t sent = doc_.tokens[f].sentence;
    size_t p = f - 1;
    if (word(p) == "the" && p >= 1) --p;
    if (!in_sentence(p, sent) || !one_of(word(p), {"on", "via"})) return false;
    // (blame put on it: "blamed the attack on DarkSide", "pinned the hack on Lazarus", context/blame-verbs.txt)
    for (size_t u = p; u >= 1 && u + 10 >= p && in_sentence(u - 1, sent); --u)
      if (listed(u - 1, words_.blame_verbs)) return false;
    return !(in_sentence(l + 2, sent) && one_of(word(l + 1), {"'", "\u2019"}) && word(l + 2) == "s");
  }
  // The sentence opens a paragraph with a date: "In 2017, ...", "Last year, ...", "Earlier this
  // month, ..." (a paragraph of background more often than the story's attacker going on).
  bool opens_a_dated_paragraph(uint32_t sent) const {
    const Sentence& s = doc_.sentences[sent];
    if (sent == 0 || s.first_token >= s.end_token) return false;
    const Sentence& before = doc_.sentences[sent - 1];
    bool blank = before.first_token >= before.end_token;  // a paragraph's break is a sentence of no token
    if (!blank) {
      const uint32_t gap_start = doc_.tokens[before.end_token - 1].end, gap_end = doc_.tokens[s.first_token].start;
      blank = std::string_view(doc_.norm).substr(gap_start, gap_end - gap_start).find('\n') != std::string_view::npos;
    }
    if (!blank) return false;
    size_t k = s.first_token;
    if (one_of(word(k), {"in", "on", "by", "since", "during", "last", "earlier", "back", "as", "until"}) && k + 1 < s.end_token) ++k;
    return k < date_token_.size() && date_token_[k];
  }
  // The sentence is short and tells of an attack in its first words, with no name in it: "Companies
  // were hit too.", "Schools were also targeted."
  bool attack_opens(uint32_t sent) const {
    const Sentence& s = doc_.sentences[sent];
    // (or one that opens on those hit: "The victims stretch well beyond the United States", "Other
    // victims included ...", "Among the victims were ...")
    size_t k = s.first_token;
    if (k < s.end_token && word(k) == "among") ++k;
    if (k < s.end_token && one_of(word(k), {"the", "other", "further", "more", "its", "their"})) ++k;
    if (k < s.end_token && one_of(word(k), {"victims", "targets"})) return true;
    if (s.end_token - s.first_token > 8) return false;
    bool attack = false;
    for (size_t k = s.first_token; k < s.end_token; ++k) {
      if (doc_.tokens[k].is_upper_initial && k != s.first_token) return false;
      attack = attack || attack_act(k);
    }
    return attack;
  }
  // The sentence naming the article's first attacker ties an attack told before to it: "the
  // attacks have been widely linked to Scattered Spider", "the breach was claimed by RansomHub".
  // Then a lead of any length is about that attacker, not only one that names it soon.
  bool puts_the_attack_down_to(const Attacker& first) const {
    if (first.token == std::string::npos) return false;
    // (asked for every sentence before the first naming: answered once for it)
    if (tie_memo_token_ == first.token) return tie_memo_;
    tie_memo_token_ = first.token;
    tie_memo_ = find_puts_the_attack_down_to(first);
    return tie_memo_;
  }
  mutable size_t tie_memo_token_ = std::string::npos;
  mutable bool tie_memo_ = false;
  bool find_puts_the_attack_down_to(const Attacker& first) const {
    const auto it = by_sentence_->find(first.sentence);
    if (it == by_sentence_->end()) return false;
    for (const Mention* m : it->second)
      if (is_group(*m, rules_) && m->value != first.name) return false;  // one group only
    const uint32_t sent = first.sentence;
    const Sentence& s = doc_.sentences[sent];
    // "the attacks", "these intrusions", "the ransomware attack" in [from, to)
    auto an_attack = [&](size_t from, size_t to) {
      for (size_t k = std::max<size_t>(from, s.first_token); k < to && k < s.end_token; ++k)
        if (one_of(word(k), {"the", "these", "those", "this", "both"}))
          for (size_t u = k + 1; u <= k + 3 && u < s.end_token && doc_.tokens[u].is_all_lower; ++u)
            if (listed(u, words_.attack_event_nouns)) return true;
      return false;
    };
    const size_t g = first.token;
    // the attack before, tied to the group: "the attacks have been widely linked to Scattered Spider"
    // (or the verb before the attack it ties: "later tied the intrusion to RansomHouse", "blamed the
    // breach on Lazarus")
    for (size_t k = g, n = 0; k > s.first_token && n < 4; --k, ++n) {
      const std::string_view w = word(k - 1);
      if ((doc_.has_cue(k - 1, kAttributionCues) || listed(k - 1, words_.blame_verbs)) && doc_.tokens[k - 1].is_all_lower)
        return an_attack(s.first_token, k - 1);
      if (one_of(w, {"to", "on"}) && k >= 4 && k - 4 >= s.first_token && listed(k - 2, words_.attack_event_nouns) &&
          one_of(word(k - 3), {"the", "this", "that", "these", "those"}) && doc_.tokens[k - 4].is_all_lower &&
          (doc_.has_cue(k - 4, kAttributionCues) || listed(k - 4, words_.blame_verbs)))
        return true;
      if (!one_of(w, {"to", "on", "by", "widely", "also", "firmly", "publicly", "since", "now"})) break;
    }
    // those who did it, given their name: "The hackers call themselves Gonjeshke Darande", "the
    // attackers, known to researchers as Scattered Spider"; or a blame laid on the group for the
    // incidents: "people familiar with both investigations blame a hacking collective known as ..."
    for (size_t k = g, n = 0; k > s.first_token && n < 10; --k, ++n) {
      const std::string_view w = word(k - 1);
      const bool naming = one_of(w, {"themselves", "itself", "as"}) || (listed(k - 1, words_.naming_verbs) && doc_.tokens[k - 1].is_all_lower);
      const bool blame = listed(k - 1, words_.blame_verbs) && doc_.tokens[k - 1].is_all_lower;
      if (!naming && !blame) {
        if (!doc_.tokens[k - 1].is_all_lower && !doc_.tokens[k - 1].is_word) break;  // punctuation ends the phrase
        continue;
      }
      for (size_t u = s.first_token; u + 1 < k - 1; ++u) {
        if (!one_of(word(u), {"the", "these", "those", "both"})) continue;
        if (naming && doc_.has_cue(u + 1, kAttackerNouns) && doc_.tokens[u + 1].is_all_lower && word(u + 1) != "group") return true;
        if (blame && (listed(u + 1, words_.attack_event_nouns) || listed(u + 1, words_.investigation_words))) return true;
      }
    }
    // the group, then a claim of the attack: "RansomHub claimed the attack", "LockBit was behind the breach"
    size_t k = g;
    while (in_sentence(k, sent) && group_token_.size() > k && group_token_[k]) ++k;
    if (in_sentence(k, sent) && doc_.has_cue(k, kGroupCues)) ++k;  // "the Rhysida gang"
    for (size_t n = 0; n < 3 && in_sentence(k, sent) && one_of(word(k), {"was", "were", "is", "has", "have", "had", "later", "quickly", "also"}); ++n) ++k;
    if (in_sentence(k, sent) && (listed(k, words_.claim_words) || doc_.has_cue(k, kAttributionAfter))) return an_attack(k + 1, k + 7);
    return false;
  }
  // The sentence blames a state other than the home the rules give attacker a, and not that home:
  // "Chinese hackers broke into the hospital" is not the Kimsuky the article names later.
  bool blames_another_state(uint32_t sent, const std::vector<const Mention*>& ms, const Attacker& a) const {
    const std::string home = attacker_home(a.name, a.kind);
    if (home.empty()) return false;
    bool other = false;
    for (const Mention* m : ms)
      if (m->type == MentionType::Country && m->role == "attribution" && !m->suspect_nationality) {
        if (m->value == home) return false;  // "hackers linked to Iran and Israel" blames its home too
        other = true;
      }
    return other;
  }
  // The one group the sentence after `sent` names, when it holds it responsible ("REvil was
  // responsible", "blamed the attack on", "claimed", "attributed") and `sent` tells of an attack.
  std::optional<Attacker> held_responsible_next(uint32_t sent) const {
    if (sent + 1 >= doc_.sentences.size() || !tells_of_an_attack(sent)) return std::nullopt;
    const auto it = by_sentence_->find(sent + 1);
    if (it == by_sentence_->end()) return std::nullopt;
    // (or the one named operation it ties the attack to: "McAfee researchers later tied that attack to
    // a wider espionage effort they called Operation Troy")
    const Mention* group = nullptr;
    const Mention* operation = nullptr;
    for (const Mention* m : it->second) {
      if (is_group(*m, rules_)) {
        if (group && group->value != m->value) return std::nullopt;
        group = m;
      }
      if (m->type == MentionType::Operation) {
        if (operation && operation->value != m->value) return std::nullopt;
        operation = m;
      }
    }
    if (!group && !operation) return std::nullopt;
    const Sentence& next = doc_.sentences[sent + 1];
    // (not when the next sentence opens another incident, with a company of its own, whose attack is
    // the one it blames: "On September 19, ransomware hit Collins Aerospace. Then on September 29
    // Asahi halted production after a ransomware attack later claimed by Qilin")
    if (next.first_token < next.end_token && one_of(word(next.first_token), {"then", "separately", "meanwhile", "elsewhere", "later", "also"}))
      for (const Mention* m : it->second)
        if (m->type == MentionType::Actor && !attacker_kind(*m) && actor_kind(*m, rules_) == "organization") return std::nullopt;
    for (size_t k = next.first_token; k < next.end_token; ++k) {
      if (group && one_of(word(k), {"responsible", "behind", "claimed", "blamed", "attributed"}))
        return Attacker{group->value, "actor", std::string::npos, sent + 1, "the group the next sentence holds responsible", false, false, false, false};
      // ("tied that attack to", "linked the breach to": the attack of this sentence, then its doer)
      if (!group && one_of(word(k), {"tied", "linked", "traced", "attributed"}) && k + 2 < next.end_token &&
          one_of(word(k + 1), {"that", "the", "this", "those", "these"}) && listed(k + 2, words_.attack_event_nouns))
        return Attacker{operation->value, "operation", std::string::npos, sent + 1, "the operation the next sentence ties the attack to", false, false, false, false};
    }
    return std::nullopt;
  }
  // The attacker's name at token t follows a verb of naming whose subject is a pronoun or the reporter
  // itself, with at most three lower-case words or "as" between: "the campaign it calls Operation
  // DreamJob", "which it tracks as UNC5537", "Microsoft names Thallium" (not "a group that Proofpoint
  // named when it exposed Operation LagTime IT", said by another vendor).
  bool given_its_name(size_t t, size_t reporter_last) const {
    if (t == std::string::npos) return false;
    const uint32_t sent = doc_.tokens[t].sentence;
    for (size_t k = t, n = 0; k >= 1 && in_sentence(k - 1, sent) && n < 4; --k, ++n) {
      if (listed(k - 1, words_.naming_verbs) && doc_.tokens[k - 1].is_all_lower) {
        size_t s = k - 1;
        for (int a = 0; a < 3 && s >= 1 && in_sentence(s - 1, sent) && verb_filler(s - 1); ++a) --s;
        return s >= 1 && in_sentence(s - 1, sent) && (s - 1 == reporter_last || one_of(word(s - 1), {"it", "which", "they", "we", "that", "who"}));
      }
      if (!doc_.tokens[k - 1].is_all_lower || !doc_.tokens[k - 1].is_word) return false;
    }
    return false;
  }
  // Two groups the sentence says act together: "GhostSec has joined forces with the Stormous
  // ransomware gang", "Scattered Spider teamed up with ALPHV", "LockBit, working with Evil Corp".
  bool partnered(size_t x, size_t y) const {
    const size_t lo = std::min(x, y), hi = std::max(x, y);
    if (x == y || hi - lo > 10) return false;
    bool with = false, together = false;
    for (size_t k = lo + 1; k < hi; ++k) {
      const std::string_view w = word(k);
      if (one_of(w, {";", ":", ".", "against", "than", "not", "from", "rival", "rivals"})) return false;
      with = with || one_of(w, {"with", "alongside"});
      together = together || listed(k, words_.partnership_words);
    }
    return with && together;
  }
  bool sentence_denies(uint32_t sent) const {
    for (size_t k = doc_.sentences[sent].first_token; k < doc_.sentences[sent].end_token; ++k)
      if (listed(k, words_.denial_words) && doc_.tokens[k].is_all_lower) return true;
    return false;
  }
  // Two attackers named in one list: only names, commas, "and", "or", "as well as" between.
  bool coordinated(size_t x, size_t y) const {
    if (x == y) return false;
    const size_t lo = std::min(x, y), hi = std::max(x, y);
    if (hi - lo > 12) return false;
    bool glue = false, and_seen = false;
    for (size_t k = lo + 1; k < hi; ++k) {
      const std::string_view w = word(k);
      if (one_of(w, {",", "and", "or", "as", "well", "the"})) {
        glue = glue || w != "the";
        and_seen = and_seen || w == "and" || w == "or";
        continue;
      }
      // the preposition said again: "tied it to ScarCruft and to the Lazarus Group"
      if (one_of(w, {"to", "with"}) && k >= 1 && one_of(word(k - 1), {"and", "or"})) continue;
      // inside a name between its capitalised words: "the Cyber Army of Russia Reborn, Turla and Sandworm"
      if (one_of(w, {"of", "for"}) && doc_.tokens[k - 1].is_upper_initial && k + 1 < hi && doc_.tokens[k + 1].is_upper_initial) continue;
      // the next one's noun after "and": "tied APT40 and a second group, APT31, to the MSS"
      if (and_seen && one_of(w, {"a", "an", "another", "second", "third", "fourth", "separate", "related", "different", "group", "gang", "crew",
                                 "cluster", "unit", "team", "actor"}))
        continue;
      if (!doc_.tokens[k].is_upper_initial && !doc_.tokens[k].is_digit && !one_of(w, {"-", "(", ")", "."})) return false;
    }
    return glue;
  }

  // The actor is in the reporter's place: "Microsoft said", "Microsoft's researchers", "according to
  // Proofpoint", "research by McAfee", "researchers at Kaspersky", "told Reuters"; not when it
  // answers an accusation ("the ministry called the accusations", "Beijing denied").
  bool reporter_position(const Mention& m) const {
    return reporter_position_memo_.ask(doc_, m, [&](const Mention& x) { return find_reporter_position(x); });
  }
  MentionMemo reporter_position_memo_;
  bool find_reporter_position(const Mention& m) const {
    const size_t f = doc_.token_starting_at(m.start), l = doc_.token_ending_at(m.end);
    if (f == std::string::npos || l == std::string::npos) return false;
    const uint32_t sent = doc_.tokens[f].sentence;
    auto w_at = [&](size_t k) { return in_sentence(k, sent) ? word(k) : std::string_view(); };
    for (size_t k = l + 1; k <= l + 4; ++k)
      if (in_sentence(k, sent) && listed(k, words_.denial_words)) return false;
    // the owner of the one who speaks: "Mandiant, the incident response firm owned by Google, which is
    // also investigating, said" (context/ownership-words.txt)
    if (f >= 2 && in_sentence(f - 2, sent) && w_at(f - 1) == "by" && listed(f - 2, words_.ownership_words)) return false;
    // the one a filing went to: "In a filing with the US Securities and Exchange Commission, Caesars said"
    {
      size_t b = f;
      while (b >= 1 && in_sentence(b - 1, sent) && (word(b - 1) == "the" || (doc_.tokens[b - 1].is_all_upper && b + 1 >= f))) --b;
      if (b >= 2 && in_sentence(b - 2, sent) && one_of(word(b - 1), {"with", "to"}) && listed(b - 2, words_.filing_nouns))
        return false;
    }
    // the object of an attack is no subject: "Criminals behind a ransomware attack on Hackney Council
    // last autumn have published ..."
    size_t o = f;
    if (o >= 1 && in_sentence(o - 1, sent) && word(o - 1) == "(") {  // an acronym in brackets: from its full name
      --o;
      for (int n = 0; n < 12 && o >= 1 && in_sentence(o - 1, sent) && (doc_.tokens[o - 1].is_upper_initial || one_of(word(o - 1), {"of", "and", "for", "'", "s"})); ++n) --o;
    }
    // (over the victim's description after its article: "the attack on the business phone software
    // maker 3CX disclosed in March")
    size_t d = o;
    for (int n = 0; n < 5 && d >= 1 && in_sentence(d - 1, sent) && doc_.tokens[d - 1].is_all_lower && doc_.tokens[d - 1].is_word &&
                    !one_of(word(d - 1), {"the", "a", "an", "its", "their", "on", "against", "into"});
         ++n)
      --d;
    if (d < o && d >= 1 && in_sentence(d - 1, sent) && one_of(word(d - 1), {"the", "a", "an"})) o = d;
    while (o >= 1 && in_sentence(o - 1, sent) && one_of(word(o - 1), {"the", "a", "an", "its", "their"})) --o;
    const bool attacked_object = (o >= 2 && in_sentence(o - 2, sent) && one_of(word(o - 1), {"on", "against", "into"}) &&
                                  doc_.has_cue(o - 2, kTargetCues) && doc_.tokens[o - 2].is_all_lower) ||
                                 (o >= 1 && in_sentence(o - 1, sent) && word(o - 1) == "from" && theft_from(o - 1, sent));
    bool title = false;  // "FBI Director Christopher Wray announced"
    const size_t after = bracketed_after(l, sent);  // "the Multi-State ... Center (MS-ISAC) said"
    bool list_closed = f >= 1 && in_sentence(f - 1, sent) && word(f - 1) == "and";  // the last of a list
    for (size_t k = after + 1, n = 0; !attacked_object && k <= after + 4 + n && in_sentence(k, sent); ++k) {
      const std::string_view w = w_at(k);
      if (listed(k, words_.reporter_verbs)) return true;
      if (k < date_token_.size() && date_token_[k] && n < 8) { ++n; continue; }
      if (n < 8 && (listed(k, words_.reporter_titles) ||
                    (title && doc_.tokens[k].is_upper_initial))) {
        title = true;
        ++n;
        continue;
      }
      // (not a second verb of the sentence's subject: "it claimed intrusions at Nvidia and Okta and
      // published source code")
      if (w == "and" && in_sentence(k + 1, sent) && doc_.tokens[k + 1].is_all_lower && listed(k + 1, words_.reporter_verbs)) break;
      // over a coordinated name: "the FBI and Japan's National Police Agency said"
      if (n < 8 && (w == "and" || (n > 0 && (doc_.tokens[k].is_upper_initial || w == "the")))) {
        // a list that a plural of bodies closes: "CISA, the FBI and cyber agencies from six other
        // countries published a joint advisory"
        if (w == "and" && bodies_then_reporter_verb(k + 1, sent)) return true;
        list_closed = list_closed || w == "and";
        ++n;
        continue;
      }
      // on along a list of names, before its "and": "CISA, the FBI and ..." (not a clause after the
      // list, "AT&T, Verizon and Lumen Technologies, The Wall Street Journal reported", nor after a
      // date, "retailers Marks & Spencer, Co-op and Harrods this spring, the NCA said")
      if (n < 8 && w == "," && !list_closed && (doc_.tokens[k - 1].is_upper_initial || doc_.tokens[k - 1].is_all_upper) &&
          !(k - 1 < date_token_.size() && date_token_[k - 1]) && in_sentence(k + 1, sent) &&
          (doc_.tokens[k + 1].is_upper_initial || word(k + 1) == "the")) {
        ++n;
        continue;
      }
      // over where the name sits: "the Government of Nova Scotia in Canada also confirmed"
      if (n < 6 && w == "in" && in_sentence(k + 1, sent) && doc_.tokens[k + 1].is_upper_initial &&
          !(k + 1 < date_token_.size() && date_token_[k + 1])) {
        size_t e = k + 1;
        while (e + 1 <= k + 3 && in_sentence(e + 1, sent) && doc_.tokens[e + 1].is_upper_initial) ++e;
        n += e - k + 1;
        k = e;
        continue;
      }
      // (the bracket closing around an acronym: "Colombia's Ministry of Information and Communications
      // Technologies (MinTIC) said")
      const bool bracketed_name = w == ")" && k == after + 1 && f >= 1 && in_sentence(f - 1, sent) && word(f - 1) == "(";
      if (!(bracketed_name || one_of(w, {"'", "s", "on"}) || verb_filler(k) || listed(k, words_.reporter_heads))) {
        if (legal_action_object(k, sent)) return true;
        break;
      }
    }
    if (!attacked_object && appositive_then_reporter_verb(after, sent)) return true;
    // the subject of a participle of reporting after a comma: "Microsoft was more direct, attributing
    // the campaign to Lace Tempest" (no other name between)
    if (!attacked_object && (f == doc_.sentences[sent].first_token || (f == doc_.sentences[sent].first_token + 1 && word(f - 1) == "the")))
      for (size_t k = after + 1; k <= after + 8 && in_sentence(k + 1, sent); ++k) {
        if (org_token_[k] || (k < group_token_.size() && group_token_[k]) || doc_.tokens[k].is_upper_initial) break;
        if (word(k) == "," ) {
          if (word(k + 1).ends_with("ing") && doc_.tokens[k + 1].is_all_lower && listed(k + 1, words_.reporter_verbs)) return true;
          break;
        }
      }
    if (gives_the_name(f, after, sent)) return true;
    // the name as the apposition of its description: "India's national computer emergency team,
    // CERT-In, issued an advisory"
    if (!attacked_object && f >= 1 && in_sentence(f - 1, sent) && word(f - 1) == "," && in_sentence(after + 2, sent) && word(after + 1) == "," &&
        listed(after + 2, words_.reporter_verbs) && doc_.tokens[after + 2].is_all_lower)
      return true;
    // (over what the reporter is: "according to the New Zealand-based security firm Emsisoft",
    // "a study published by the threat-intelligence firm Recorded Future")
    for (size_t k = f; k >= 1 && k + 8 >= f; --k) {
      const std::string_view w = w_at(k - 1);
      if (w == "told") return true;
      if (reporter_before(w)) {
        // ("according to Reuters", "in messages to the technology news site BleepingComputer")
        // (not the attack's own messages: "had sent phishing emails to the Labour Party")
        if (w == "to")
          return w_at(k - 2) == "according" || (k >= 3 && in_sentence(k - 3, sent) && listed(k - 2, words_.message_nouns) &&
                                                !doc_.has_cue(k - 3, kTargetCues) && !listed(k - 3, words_.hack_words) && !listed(k - 3, words_.offensive_nouns));
        // an organisation's own things taken from it: "released data from Minneapolis Public Schools"
        // (a vendor's or an outlet's data tell: "according to data from Chainalysis")
        // ("spreadsheets it said came from Acer")
        if (w == "from" && k >= 2 && in_sentence(k - 2, sent) &&
            (listed(k - 2, words_.owned_nouns) || listed(k - 2, words_.taking_verbs)) && doc_.tokens[k - 2].is_all_lower &&
            one_of(actor_kind(m, rules_), {"organization", "government"}))
          return false;
        // (a sum stolen from it: "the theft of $1.5 billion from Bybit")
        if (w == "from" && theft_from(k - 1, sent)) return false;
        // the victim's helpers: "the council said it was working with the National Crime Agency"
        if (w == "with" && k >= 2 && in_sentence(k - 2, sent) && listed(k - 2, words_.helper_verbs)) return false;
        // nor a name the attack is compared with: "noted similarities with Keralty"
        if (w == "with" && k >= 2 && in_sentence(k - 2, sent) && listed(k - 2, words_.comparison_words)) return false;
        // a reporting word or a reporter's title shortly before: "tracked as Onyx Sleet by Microsoft",
        // "published on Monday by PwC", "researchers at ESET", "the head of cybersecurity at the SBU";
        // not "updates from SolarWinds", "hit by"
        for (size_t b = k - 1; b >= 1 && b + 6 >= k - 1 && in_sentence(b - 1, sent); --b) {
          if (doc_.has_cue(b - 1, kTargetCues) && doc_.tokens[b - 1].is_all_lower) return false;
          // (not the staff whose things were taken: "the laptop of a support engineer at Sitel")
          if (doc_.has_cue(b - 1, kObserverNouns) && staff_of_the_hit(b - 1, sent)) return false;
          if (reporting_word(b - 1) || doc_.has_cue(b - 1, kObserverNouns) || listed(b - 1, words_.report_nouns) ||
              (w == "by" && listed(b - 1, words_.reporter_verbs) && doc_.tokens[b - 1].is_all_lower && word(b - 1).ends_with("ed")))  // "first exposed in April 2017 by PwC"
            return true;
        }
        return false;
      }
      if (!(one_of(w, {"the", "a", "an", "cyber", ",", "agency", "-", "based", "site", "website", "blog"}) ||
            listed(k - 1, words_.vendor_words) || listed(k - 1, words_.security_vendor_descriptors) ||
            listed(k - 1, words_.news_source_nouns) || (listed(k - 1, words_.source_fillers) && w != "in") ||  // "the technology news site"
            country_token(k - 1) ||  // "by the US National Security Agency"
            // a country's possessive: "backed by the United States' CISA", "by Britain's NCSC"
            ((w == "'" || w == "s") && k >= 3 && (country_token(k - 2) || (word(k - 2) == "'" && country_token(k - 3))))))
        break;
    }
    return false;
  }

  // The one whose name for the group the text gives: "Salt Typhoon is the name Microsoft gives the
  // group", "the moniker Mandiant uses", "Storm-0978 is Microsoft's name for the actor"
  // (context/name-nouns.txt).
  // (in a sentence that names a group: not "Outlook is the name Microsoft gives its mail client")
  bool gives_the_name(size_t f, size_t after, uint32_t sent) const {
    auto name_noun = [&](size_t k) { return in_sentence(k, sent) && doc_.tokens[k].is_all_lower && listed(k, words_.name_nouns); };
    bool gives = false;
    if (f >= 1 && name_noun(f - 1) && in_sentence(after + 1, sent) && doc_.tokens[after + 1].is_all_lower) {
      const std::string_view verb = word(after + 1);
      gives = one_of(verb, {"gives", "gave", "uses", "used", "assigned", "assigns", "applies", "applied"}) ||
              (one_of(verb, {"has", "had"}) && in_sentence(after + 2, sent) && one_of(word(after + 2), {"given", "used", "assigned", "applied"}));
    }
    gives = gives || (in_sentence(after + 4, sent) && word(after + 1) == "'" && word(after + 2) == "s" && name_noun(after + 3) && word(after + 4) == "for");
    // "Microsoft, which tracks the group as Forest Blizzard, patched ...", "CrowdStrike, which calls
    // them Wizard Spider, said ..."
    if (!gives && in_sentence(after + 3, sent) && word(after + 1) == "," && one_of(word(after + 2), {"which", "who"})) {
      const std::string_view verb = word(after + 3);
      // (or that blamed it, or described someone as its member: "The State Department, which described
      // Rim as an Andariel operative, offered a reward")
      if (one_of(verb, {"tracks", "tracked", "calls", "called", "dubs", "dubbed", "names", "named", "follows", "monitors", "described",
                        "identified", "attributed", "blamed", "linked", "tied"}))
        for (size_t k = after + 4; in_sentence(k, sent) && k <= after + 10; ++k) {
          if (k < group_token_.size() && group_token_[k]) { gives = true; break; }
          if (word(k) == ",") break;
        }
    }
    return gives && names_a_group(sent);
  }
  // The sentence holds an attack word (attack_act); asked per name of the list after it, found once.
  bool tells_of_an_attack(uint32_t sent) const {
    return attack_sentence_.ask(doc_, sent, [&](const Sentence& s) {
      for (size_t u = s.first_token; u < s.end_token; ++u)
        if (attack_act(u)) return true;
      return false;
    });
  }
  bool names_a_group(uint32_t sent) const {
    return group_sentence_.ask(doc_, sent, [&](const Sentence& s) {
      for (uint32_t t = s.first_token; t < s.end_token && t < group_token_.size(); ++t)
        if (group_token_[t]) return true;
      return false;
    });
  }
  // From token k: a lower-case phrase holding a noun of bodies or officials, then a reporting verb:
  // "cyber agencies from six other countries published", "their counterparts in Europe said".
  bool bodies_then_reporter_verb(size_t k, uint32_t sent) const {
    bool bodies = false;
    for (size_t u = k; in_sentence(u, sent) && u <= k + 7; ++u) {
      if (bodies && listed(u, words_.reporter_verbs) && doc_.tokens[u].is_all_lower) return true;
      if (!doc_.tokens[u].is_all_lower && !doc_.tokens[u].is_digit) return false;
      bodies = bodies || listed(u, words_.government_nouns) || listed(u, words_.reporter_heads);
    }
    return false;
  }
  // The last token of a short bracketed aside right after token l ("Agency (CISA)", "ESET (Slovakia)"),
  // else l itself.
  size_t bracketed_after(size_t l, uint32_t sent) const {
    if (!in_sentence(l + 1, sent) || word(l + 1) != "(") return l;
    for (size_t k = l + 2; k <= l + 5 && in_sentence(k, sent); ++k)
      if (word(k) == ")") return k;
    return l;
  }

  // A verb whose object is a legal action, right after the body: "placed sanctions on", "unsealed an
  // indictment", "expanded its sanctions listing", "brought charges against" (the verb itself is
  // no reporting verb; "imposed" and "sanctioned" are).
  bool legal_action_object(size_t k, uint32_t sent) const {
    if (!in_sentence(k, sent) || !doc_.tokens[k].is_word || !doc_.tokens[k].is_all_lower || listed(k, words_.denial_words)) return false;
    for (size_t u = k + 1; u <= k + 3 && in_sentence(u, sent); ++u) {
      if (listed(u, words_.legal_action_words)) return true;
      if (!doc_.tokens[u].is_word || !doc_.tokens[u].is_all_lower || !one_of(word(u), {"a", "an", "its", "their", "new", "further", "fresh", "more", "criminal", "financial"}))
        return false;
    }
    return false;
  }
  // A description set off by commas between the name and its verb: "SektorCERT, the country's
  // security centre for critical infrastructure, described", "Cyvers, which spotted the transfers
  // as they happened, said", "Trend Micro, which tracks the same actor as Pawn Storm, also said".
  bool appositive_then_reporter_verb(size_t l, uint32_t sent) const {
    if (!in_sentence(l + 1, sent) || word(l + 1) != ",") return false;
    // one description, no other organisation in it: not a list ("the FBI, CISA, the NSA ... said"); a
    // relative clause may name others ("Aer Lingus, which like BA belongs to International Airlines
    // Group, said")
    const bool relative = in_sentence(l + 2, sent) && one_of(word(l + 2), {"which", "who", "whose"});
    for (size_t k = l + 2; in_sentence(k, sent) && k <= l + 30; ++k) {
      const std::string_view w = word(k);
      if (w == ";" || w == ":" || w == "(" || w == "\"" || (!relative && k < org_token_.size() && org_token_[k])) return false;
      if (w != ",") continue;
      if (k < l + 4) return false;
      size_t v = k + 1;
      while (in_sentence(v, sent) && (one_of(word(v), {"also", "has", "had", "have", "on", "publicly", "later"}) ||
                                      (v < date_token_.size() && date_token_[v])))
        ++v;
      if (!in_sentence(v, sent) || !listed(v, words_.reporter_verbs) || !doc_.tokens[v].is_all_lower) return false;
      // "Progress Software, which makes MOVEit, disclosed the vulnerability": about its flaw, not the attacker
      size_t o = v + 1;
      while (in_sentence(o, sent) && one_of(word(o), {"the", "a", "an", "its"})) ++o;
      return !(in_sentence(o, sent) && listed(o, words_.flaw_words));
    }
    return false;
  }

  // In the reporter's place itself, or listed with one that is: "the FBI, the Cybersecurity and
  // Infrastructure Security Agency and HHS said", "the civilian AIVD and the military MIVD said".
  // The list may run on past 20 tokens through its members: "co-signed by the NCSC, the US ... Agency
  // (CISA), the National Security Agency (NSA) and the FBI, the Canadian Centre for Cyber Security,
  // New Zealand's NCSC-NZ and the Australian Signals Directorate" (each member's answer kept: a
  // hostile list of thousands of names is walked once).
  bool reporter_in_list(const Mention& m, const std::vector<const Mention*>& ms) const {
    const auto known = reporter_memo_.find(&m);
    if (known != reporter_memo_.end()) return known->second;
    const bool answer = find_reporter_in_list(m, ms);
    reporter_memo_.emplace(&m, answer);
    return answer;
  }
  mutable std::unordered_map<const Mention*, bool> reporter_memo_;
  bool find_reporter_in_list(const Mention& m, const std::vector<const Mention*>& ms) const {
    if (reporter_position(m)) return true;
    const size_t f = doc_.token_starting_at(m.start), l = doc_.token_ending_at(m.end);
    if (f == std::string::npos || l == std::string::npos) return false;
    // (only the mentions within 20 tokens can be its list's: the sentence's are in text order, and a
    // hostile one holds thousands)
    const uint32_t from = doc_.tokens[f >= 21 ? f - 21 : 0].start, to = doc_.tokens[std::min(l + 21, doc_.tokens.size() - 1)].end;
    const auto lo_it = std::lower_bound(ms.begin(), ms.end(), from, [](const Mention* o, uint32_t s) { return o->start < s; });
    for (auto o_it = lo_it; o_it != ms.end() && (*o_it)->start <= to; ++o_it) {
      const Mention* o = *o_it;
      if (o == &m || o->type != MentionType::Actor || o->entry == UINT32_MAX) continue;
      const std::string& k = rules_.actors[o->entry].kind;
      if (k == "threat-group" || k == "person") continue;
      const size_t of = doc_.token_starting_at(o->start), ol = doc_.token_ending_at(o->end);
      if (of == std::string::npos || ol == std::string::npos) continue;
      const size_t lo = of > l ? l : ol, hi = of > l ? of : f;  // the tokens between the two names
      if (hi <= lo || hi - lo > 20 || !listed_between(lo, hi)) continue;
      // a reporter after the list closes it with "and": "A, B and C said", not "A, B and D, C said"
      if (of > l) {
        size_t k = of;
        while (k > l + 1 && !one_of(word(k - 1), {",", "and"})) --k;
        if (word(k - 1) != "and") continue;
      }
      // (earlier members only, so that the walk ends)
      if (of < f ? reporter_in_list(*o, ms) : reporter_position(*o)) return true;
    }
    return false;
  }
  // A noun of advisories in the sentence ("a joint advisory", "an alert"): found once per sentence.
  bool advisory_in(uint32_t sent) const { return sentence_has_word(doc_, sent, words_.advisory_nouns, advisory_memo_); }
  SentenceMemo advisory_memo_;
  // Only names and list glue between tokens lo and hi: ",", "and", "the", "of", capitalised
  // words and at most `max_lower_run` lower-case modifiers in a row ("the military MIVD").
  bool listed_between(size_t lo, size_t hi, int max_lower_run = 2) const {
    bool glue = false;
    int lower_run = 0;
    for (size_t k = lo + 1; k < hi; ++k) {
      const std::string_view w = word(k);
      // (a group between is the subject of another clause: "According to Mandiant, APT44 uses several
      // Telegram personas")
      if (k < group_token_.size() && group_token_[k]) return false;
      if (one_of(w, {",", "and"})) { glue = true; lower_run = 0; continue; }
      // "(CISA)": an acronym in brackets after its name
      if (one_of(w, {"the", "of", "'", "s", "-", "&", "(", ")"}) || doc_.tokens[k].is_upper_initial || doc_.tokens[k].is_all_upper) { lower_run = 0; continue; }
      // (the stop of an abbreviation: "Merck, U.S. drugmaker Pfizer")
      if (w == "." && !doc_.tokens[k].space_before && k > lo + 1 && doc_.tokens[k - 1].is_upper_initial) continue;
      if (!doc_.tokens[k].is_word || reporting_word(k) || doc_.has_cue(k, kTargetCues) || ++lower_run > max_lower_run) return false;
    }
    return glue;
  }

  // The sentence has attackers or researchers in it ("the attackers", "a China-based hacking group",
  // "researchers at"), not only a kind of attack ("a ransomware attack", "a ransomware incident").
  // With `one_observer` false, a single observer ("said Kenji Nakamura, a professor at Keio
  // University") does not count: a team does ("researchers at BAE Systems found").
  // (once a sentence and flag: asked for every name of a sentence, which may hold thousands)
  bool speaks_of_attackers(uint32_t sent, bool one_observer = true) const {
    if (speaks_of_attackers_memo_.size() != 2 * doc_.sentences.size()) speaks_of_attackers_memo_.assign(2 * doc_.sentences.size(), -1);
    int8_t& known = speaks_of_attackers_memo_[2 * size_t(sent) + (one_observer ? 1 : 0)];
    if (known < 0) known = find_speaks_of_attackers(sent, one_observer) ? 1 : 0;
    return known == 1;
  }
  mutable std::vector<int8_t> speaks_of_attackers_memo_;
  bool find_speaks_of_attackers(uint32_t sent, bool one_observer) const {
    const Sentence& s = doc_.sentences[sent];
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      const bool observers = doc_.has_cue(t, kObserverNouns) && (one_observer || word(t).ends_with('s'));
      if (!(doc_.tokens[t].is_all_lower || t == s.first_token) || !(doc_.has_cue(t, kAttackerNouns) || observers)) continue;
      const bool modifier = t + 1 < s.end_token && (doc_.has_cue(t + 1, kTargetCues) || listed(t + 1, words_.hack_words) || word(t + 1) == "incident");
      if (!modifier) return true;
    }
    return false;
  }

  // The body's name stands for its members, which are neither victims nor reporters: "targeted
  // government websites in Romania and Italy, among other NATO members", "in NATO and European Union
  // member states" (context/member-state-nouns.txt).
  bool names_its_members(const Mention& m) const {
    const size_t l = doc_.token_ending_at(m.end);
    if (l == std::string::npos) return false;
    const uint32_t sent = doc_.tokens[l].sentence;
    return in_sentence(l + 1, sent) && listed(l + 1, words_.member_state_nouns) && doc_.tokens[l + 1].is_all_lower;
  }
  // The person at token t is one whose things were taken or broken into: "the laptop of a support
  // engineer", "credentials belonging to an employee" (rules/context/possession-nouns.txt).
  bool staff_of_the_hit(size_t t, uint32_t sent) const {
    size_t k = t;
    for (int n = 0; n < 3 && k >= 1 && in_sentence(k - 1, sent) && doc_.tokens[k - 1].is_all_lower && !one_of(word(k - 1), {"of", "to"}); ++n) --k;
    if (k < 2 || !in_sentence(k - 2, sent)) return false;
    return (word(k - 1) == "of" && listed(k - 2, words_.possession_nouns)) || (word(k - 1) == "to" && word(k - 2) == "belonging");
  }
  // The name after observers that work there: "Researchers at BAE Systems found the malware".
  bool observers_at(const Mention& m) const {
    const size_t f = doc_.token_starting_at(m.start);
    if (f == std::string::npos || f < 2) return false;
    const uint32_t sent = doc_.tokens[f].sentence;
    size_t t = f;
    if (in_sentence(t - 1, sent) && word(t - 1) == "the") --t;
    return t >= 2 && in_sentence(t - 2, sent) && one_of(word(t - 1), {"at", "from", "with"}) && doc_.has_cue(t - 2, kObserverNouns);
  }
  // Where the description of the name starting at token f starts: its articles and up to three
  // lower-case or country words ("the computer maker Acer", "the Japanese carmaker Nissan", "the video
  // game studio Insomniac Games"); f when there is none.
  size_t description_start(size_t f, uint32_t sent) const {
    size_t d = f;
    auto article = [&](size_t k) { return in_sentence(k, sent) && one_of(word(k), {"the", "a", "an"}); };
    while (d >= 1 && article(d - 1)) --d;
    for (int n = 0; n < 3 && d >= 1 && in_sentence(d - 1, sent) && doc_.tokens[d - 1].is_word &&
                    (doc_.tokens[d - 1].is_all_lower || country_token(d - 1)) && !one_of(word(d - 1), {"from", "to", "of", "in", "at", "by", "and", "or"});
         ++n) {
      --d;
      // (a place's "-based" as one word: "the Tokyo-based exchange")
      if (one_of(word(d), {"based", "headquartered"}) && d >= 2 && in_sentence(d - 2, sent) && word(d - 1) == "-" &&
          !doc_.tokens[d].space_before && doc_.tokens[d - 2].is_upper_initial)
        d -= 2;
    }
    while (d >= 1 && article(d - 1)) --d;
    return d;
  }
  // The name at f is the subject that opens the sentence after a time phrase and a place's
  // possessive: "At the end of January Chicago's Lurie Children's Hospital was forced ...", "In
  // May, the Irish health service ..." (not a name inside the time phrase's clause: "After the
  // attack on Acme" has no date before the name).
  bool subject_after_time_and_place(size_t f, size_t lead, uint32_t sent) const {
    size_t k = f;
    if (k >= 1 && in_sentence(k - 1, sent) && word(k - 1) == "the") --k;
    // "Chicago's", "Britain's"
    if (k >= lead + 3 && word(k - 1) == "s" && word(k - 2) == "'" && doc_.tokens[k - 3].is_upper_initial) k -= 3;
    if (k >= 1 && in_sentence(k - 1, sent) && word(k - 1) == ",") --k;
    // (or a place: "In the US, Ascension, one of the largest hospital operators, has spent a month ...")
    if (k > lead && country_token(k - 1)) {
      while (k > lead && (country_token(k - 1) || word(k - 1) == "the")) --k;
      if (k > lead && one_of(word(k - 1), {"in", "across"})) --k;
      return k == lead;
    }
    if (k == lead || k < 1 || !(k - 1 < date_token_.size() && date_token_[k - 1])) return false;
    while (k > lead && k - 1 < date_token_.size() && date_token_[k - 1]) --k;
    if (k > lead && one_of(word(k - 1), {"in", "on", "at", "by", "since", "during", "until", "late", "early", "earlier", "later", "last"})) --k;
    return k == lead;
  }
  // Attackers found inside its things: "one of two Russian teams that researchers found inside the
  // Democratic National Committee's network" (context/owned-nouns.txt), the attackers named or
  // referred to among the ten words before (not "equipment inside Türk Telekom's network").
  // Also inside it or the things of it after a verb of being, hiding or moving there: "it was found
  // inside AT&T, Verizon and Lumen", "had been inside the systems of Kyivstar", "lurked in
  // Kyivstar's network for months", "moved through Air India's network undetected".
  bool attackers_inside(size_t f, size_t l, uint32_t sent) const {
    size_t t = f;
    if (t >= 1 && in_sentence(t - 1, sent) && word(t - 1) == "the") --t;
    const bool its_things = in_sentence(l + 3, sent) && word(l + 1) == "'" && word(l + 2) == "s" && listed(l + 3, words_.owned_nouns) &&
                            doc_.tokens[l + 3].is_all_lower;
    // "inside the systems of Kyivstar": the place is the things before "of"
    if (t >= 3 && in_sentence(t - 3, sent) && word(t - 1) == "of" && listed(t - 2, words_.owned_nouns) && doc_.tokens[t - 2].is_all_lower) {
      size_t u = t - 2;
      if (u >= 1 && in_sentence(u - 1, sent) && one_of(word(u - 1), {"the", "its", "their"})) --u;
      if (u >= 1 && in_sentence(u - 1, sent) && one_of(word(u - 1), {"inside", "in", "through"}) && stays_inside(u - 1, sent, true))
        return attacker_before(u - 1, sent, true);
      return false;
    }
    if (t < 1 || !in_sentence(t - 1, sent)) return false;
    const std::string_view place = word(t - 1);
    if (place == "inside" && its_things) return attacker_before(t - 1, sent, false) || (stays_inside(t - 1, sent, false) && attacker_before(t - 1, sent, true));
    if (place == "inside") return stays_inside(t - 1, sent, false) && attacker_before(t - 1, sent, true);
    if (one_of(place, {"in", "through"}) && its_things) return stays_inside(t - 1, sent, true) && attacker_before(t - 1, sent, true);
    return false;
  }
  // The verb right before the preposition at p says the attackers were there: being or found there
  // ("had been inside", "was found inside"), or, with `moving`, hiding or moving about there
  // ("lurked in", "moved through", "spent months inside").
  bool stays_inside(size_t p, uint32_t sent, bool moving) const {
    if (p < 1 || !in_sentence(p - 1, sent)) return false;
    size_t v = p - 1;
    // (over an adverb: "had been quietly inside")
    if (v >= 1 && in_sentence(v - 1, sent) && doc_.tokens[v].is_all_lower && word(v).ends_with("ly")) --v;
    const std::string_view w = word(v);
    if (one_of(w, {"lurked", "lurking", "lurk", "lurks", "hid", "hiding", "hidden", "roamed", "roaming", "moved", "moving", "burrowed",
                   "burrowing", "persisted", "nested", "camped", "sat", "sitting", "remained", "stayed", "operated", "operating", "spread"}))
      return true;
    if (moving) return false;
    return one_of(w, {"been", "was", "were", "found", "discovered", "detected", "spotted", "seen", "is", "are"});
  }
  // The attackers named or referred to among the ten words before token p: a group's name, an
  // attacker noun, or with `pronoun` also "it" or "they" (the group of the sentences before).
  bool attacker_before(size_t p, uint32_t sent, bool pronoun) const {
    for (size_t k = p; k >= 1 && k + 10 >= p && in_sentence(k - 1, sent); --k)
      if ((k - 1 < group_token_.size() && group_token_[k - 1]) || (doc_.tokens[k - 1].is_all_lower && doc_.has_cue(k - 1, kAttackerNouns)) ||
          (pronoun && one_of(word(k - 1), {"it", "they"}) && (names_an_attacker(sent) || (sent >= 1 && names_an_attacker(sent - 1)))))
        return true;
    return false;
  }
  // The owner of things an attack word hit: "leaked files belonging to the video game studio Insomniac
  // Games", "crippled hospitals run by Prospect Medical Holdings" (context/owned-nouns.txt; not
  // "servers used by the hackers").
  bool owns_what_was_attacked(size_t f, uint32_t sent) const {
    const size_t t = description_start(f, sent);
    if (t < 4 || !in_sentence(t - 4, sent)) return false;
    const bool owned = (word(t - 1) == "to" && word(t - 2) == "belonging") || (word(t - 1) == "by" && listed(t - 2, words_.operator_verbs));
    // the things right before ("a provider owned by Microsoft" that rented servers is not)
    if (!owned || !listed(t - 3, words_.owned_nouns)) return false;
    for (size_t u = t - 3; u >= 1 && u + 5 >= t - 3 && in_sentence(u - 1, sent); --u) {
      const std::string_view v = word(u - 1);
      if (attack_word(u - 1) || (listed(u - 1, words_.hack_words) && doc_.tokens[u - 1].is_all_lower)) return true;
      // (the things the attack took from or came down on: a taking "from", over its amount, "the theft
      // of $620 million from the Ronin network run by Sky Mavis"; an attack right before "on", "into",
      // "against"; not where the attack came from, "launched attacks on ministries from servers run by
      // Hetzner")
      if (one_of(v, {"on", "into", "against"})) return u >= 2 && in_sentence(u - 2, sent) && attack_word(u - 2);
      if (v == "from") {
        for (size_t k = u - 1; k >= 1 && k + 8 >= u - 1 && in_sentence(k - 1, sent); --k) {
          const std::string_view w = word(k - 1);
          if (attack_word(k - 1) || listed(k - 1, words_.theft_words)) return listed(k - 1, words_.taking_verbs) || listed(k - 1, words_.theft_words);
          if (!(doc_.tokens[k - 1].is_digit || one_of(w, {"of", "about", "nearly", "almost", "around", "some", "more", "than", "over", "$", "million",
                                                          "billion", "worth", "in", "the", "its", "their"}) || doc_.tokens[k - 1].is_all_lower))
            break;
          if (one_of(w, {"on", "at", "against", "to", "for", "with", "by"})) break;
        }
        return false;
      }
      // (over a lower-case word of the thing's name right before it: "the Ronin blockchain network")
      const bool modifier = u == t - 3 && doc_.tokens[u - 1].is_all_lower && doc_.tokens[u - 1].is_word && !listed(u - 1, words_.theft_words);
      if (!(one_of(v, {"the", "a", "an", "its", "their", "some", "several", "many", "two", "three", "dozens", "of"}) || modifier ||
            doc_.tokens[u - 1].is_upper_initial || doc_.tokens[u - 1].is_digit || (doc_.tokens[u - 1].is_all_lower && listed(u - 1, words_.owned_nouns))))
        return false;
    }
    return false;
  }

  // The sentence names a threat group or refers to attackers ("the hackers", "the gang"). Every name of
  // the sentence may ask: answered once per sentence.
  bool names_an_attacker(uint32_t sent) const {
    return attacker_sentence_.ask(doc_, sent, [&](const Sentence& s) {
      for (uint32_t t = s.first_token; t < s.end_token; ++t)
        if ((t < group_token_.size() && group_token_[t]) || (doc_.tokens[t].is_all_lower && doc_.has_cue(t, kAttackerNouns))) return true;
      return false;
    });
  }

  bool has_reporting_word(uint32_t sent) const {
    const Sentence& s = doc_.sentences[sent];
    for (uint32_t t = s.first_token; t < s.end_token; ++t)
      if (reporting_word(t)) return true;
    return false;
  }

  // A victim is not the one who speaks in its sentence; an organisation named at the start of
  // a sentence that reports ("Microsoft, which has been helping investigate, said") is not one.
  bool reporting_sentence_subject(const Mention& m) const {
    const size_t f = doc_.token_starting_at(m.start);
    if (f == std::string::npos) return false;
    const Sentence& s = doc_.sentences[doc_.tokens[f].sentence];
    return f <= s.first_token + 1 && has_reporting_word(doc_.tokens[f].sentence);
  }

  // An organisation or agency the sentence shows attacked: the object of an attack word close
  // before it ("a ransomware attack on Xplain", "hackers breached the State Department", "the
  // network of Kyivstar"), or the subject of a passive one ("Norsk Hydro was hit"). Not one
  // the attackers work for ("hackers working for Russia's GRU").
  // Asked for every mention once up front and again per attacker of its sentence: answered once.
  bool org_is_victim(const Mention& m) const {
    return victim_memo_.ask(doc_, m, [&](const Mention& x) { return find_org_is_victim(x); });
  }
  MentionMemo victim_memo_;
  // The member of the list of names that m opens or continues, later in it, that is in the reporter's
  // place ("A, B and C said"), else its last member: nullptr when m is itself in the reporter's place
  // or is in no list.
  const Mention* speaker_of_its_list(const Mention& m, size_t l, uint32_t sent) const {
    if (by_sentence_ == nullptr || reporter_position(m)) return nullptr;
    const auto it = by_sentence_->find(sent);
    if (it == by_sentence_->end()) return nullptr;
    size_t end = l, members = 0;
    const Mention* last = nullptr;
    // (from the mentions after m: the sentence's are in text order, and a hostile one holds thousands)
    const auto& ms = it->second;
    const auto after = std::upper_bound(ms.begin(), ms.end(), m.start, [](uint32_t s, const Mention* o) { return s < o->start; });
    for (auto o_it = after; o_it != ms.end(); ++o_it) {
      const Mention* o = *o_it;
      const size_t of = doc_.token_starting_at(o->start), ol = doc_.token_ending_at(o->end);
      if (of == std::string::npos || ol == std::string::npos || of <= end) continue;
      if (o->type == MentionType::Sector || o->type == MentionType::Country) continue;  // "pharmacy chain Boots", "Britain's BT"
      // (the owner of a member is no member: "Merck, FedEx's TNT Express unit and Mondelez", "Merck,
      // the TNT Express unit of FedEx and Mondelez")
      if (o->type == MentionType::Actor && !is_group(*o, rules_) && owner_in_list(of, ol, end, sent)) {
        if (word(of - 1) == "of") end = ol;
        continue;
      }
      // (a longer description before a member: "and French building materials group Saint-Gobain")
      if (o->type != MentionType::Actor || is_group(*o, rules_) || of - end > 8 || !listed_between(end, of, 3) || ++members > kListMembers)
        break;
      // (a name after "with" opens another phrase: "a zero-day in Fortra's GoAnywhere software, with
      // Hitachi Energy and Procter & Gamble among those confirming data theft")
      bool with = false;
      for (size_t k = end + 1; k < of && !with; ++k) with = word(k) == "with";
      if (with) break;
      if (reporter_position(*o)) return o;
      last = o;
      end = ol;
    }
    // (or the last member, whose verb may be no reporter's: "... and Saint-Gobain all reported heavy losses")
    return last;
  }
  // The name at tokens of..ol names the owner of a list member: possessive right before the member
  // ("FedEx's TNT Express"), or after the member ends at `end` with a word of ownership and "of"
  // ("the TNT Express unit of FedEx"; context/ownership-words.txt).
  bool owner_in_list(size_t of, size_t ol, size_t end, uint32_t sent) const {
    if (in_sentence(ol + 3, sent) && word(ol + 1) == "'" && word(ol + 2) == "s" && doc_.tokens[ol + 3].is_upper_initial) return true;
    return of >= end + 3 && of <= end + 4 && word(of - 1) == "of" && listed(of - 2, words_.ownership_words) && doc_.tokens[of - 2].is_all_lower;
  }
  // The name at ..l makes the device after it, which is what was hit: "compromised Unitronics Vision
  // Series PLCs" (its product's name, then a plural of capitals or context/device-nouns.txt), or the tools the
  // attackers used: "using legitimate Microsoft administrative tools". Not its software, whose maker
  // a supply-chain attack hits ("the compromise of SolarWinds software"), nor its own servers.
  bool maker_of_product_after(size_t l, uint32_t sent) const {
    size_t k = l + 1;
    const bool possessive = in_sentence(k + 1, sent) && word(k) == "'" && word(k + 1) == "s";
    if (possessive) k += 2;
    size_t named = 0;
    while (named < 3 && in_sentence(k, sent) && (doc_.tokens[k].is_upper_initial || doc_.tokens[k].is_all_upper) && !org_token_[k]) ++k, ++named;
    // the device noun, over up to two words that say what kind ("Vision Series programmable logic
    // controllers"); right after the maker only without a possessive ("a Unitronics controller",
    // "Cisco industrial routers"; "Acme's routers" are Acme's own)
    auto device_within = [&](size_t from) {
      for (size_t u = from; u < from + 3 && in_sentence(u, sent) && doc_.tokens[u].is_all_lower && doc_.tokens[u].is_word; ++u)
        if (listed(u, words_.device_nouns)) return true;
      return false;
    };
    if (named > 0) {
      // (a plural of capitals: "PLCs")
      const std::string_view w = doc_.token_text(doc_.tokens[k - 1]);
      if (w.size() >= 3 && w.back() == 's' && std::all_of(w.begin(), w.end() - 1, [](char c) { return c >= 'A' && c <= 'Z'; })) return true;
      return device_within(k);
    }
    if (!possessive && device_within(k)) return true;
    for (size_t n = 0; n < 2 && in_sentence(k, sent) && doc_.tokens[k].is_all_lower && doc_.tokens[k].is_word; ++n, ++k)
      if (one_of(word(k), {"tools", "tool"})) return true;
    return false;
  }
  bool find_org_is_victim(const Mention& m) const {
    const std::string& k = actor_kind(m, rules_);
    if (k != "organization" && k != "government" && k != "security-vendor" && k != "media") return false;
    const size_t f = doc_.token_starting_at(m.start), l = doc_.token_ending_at(m.end);
    if (f == std::string::npos || l == std::string::npos) return false;
    const uint32_t sent = doc_.tokens[f].sentence;
    // what was found not to have happened: "Mandiant found no sign that Snowflake's own corporate
    // environment had been breached", "there is no evidence that the ministry was hit"
    for (size_t t = f; t >= 2 && t + 8 >= f && in_sentence(t - 2, sent); --t)
      if (word(t - 2) == "no" && one_of(word(t - 1), {"sign", "signs", "evidence", "indication", "indications", "trace", "proof"})) return false;
    // the subject of a blame in the clause that describes the attack: "lost $308 million in an attack
    // the FBI and Japanese police later blamed on TraderTraitor"
    if (blames_after(l, sent) || subject_of_reduced_relative(f, l, sent)) return false;
    // one of a list of speakers reads as the last, which holds the verb: "British Airways, the BBC and
    // pharmacy chain Boots said that details of their staff had been stolen"
    // (only then: "hackers hit Acme, the FBI said" leaves Acme to the readings below)
    if (const Mention* holder = speaker_of_its_list(m, l, sent); holder && org_is_victim(*holder)) return true;
    if (maker_of_product_after(l, sent)) return false;
    // the employer of people charged or sanctioned: "charged two employees of the state broadcaster RT"
    {
      size_t k = f;
      for (int n = 0; n < 4 && k >= 1 && in_sentence(k - 1, sent) && doc_.tokens[k - 1].is_word && word(k - 1) != "of"; ++n) --k;
      if (k >= 2 && in_sentence(k - 2, sent) && word(k - 1) == "of" && listed(k - 2, words_.employee_nouns))
        for (size_t t = k - 2; t >= 1 && t + 4 >= k - 2 && in_sentence(t - 1, sent); --t)
          if (listed(t - 1, words_.legal_action_words) && doc_.tokens[t - 1].is_all_lower) return false;
    }
    // the one who leads the action, not its object: "an FBI-led operation called Operation Duck Hunt
    // dismantled Qakbot's infrastructure"
    if (in_sentence(l + 2, sent) && word(l + 1) == "-" && !doc_.tokens[l + 1].space_before &&
        one_of(word(l + 2), {"led", "run", "backed", "coordinated", "organised", "organized", "sponsored", "funded", "directed", "driven",
                             "affiliated", "linked", "aligned", "controlled", "tied", "connected"}))
      return false;
    // the mask the attackers wore, not their victim: "emails posing as representatives of the World
    // Health Organization", "impersonating Microsoft support staff" (rules/context/impersonation-words.txt)
    for (size_t t = f; t >= 1 && t + 6 >= f && in_sentence(t - 1, sent); --t) {
      if (listed(t - 1, words_.impersonation_words) && doc_.tokens[t - 1].is_all_lower) return false;
      if (one_of(word(t - 1), {",", ";", ":", "and", "but"})) break;
    }
    // a speaker whose own things were hit: "the HSE said the attackers encrypted its files", "the
    // Energy Department confirmed that records from two of its entities had been compromised"
    // also the subject that opens the sentence: "Royal Mail has asked customers to stop sending letters
    // abroad after its international export services were hit"
    // (after a dateline too: "NEW YORK - The New York Times said on Wednesday that hackers ...")
    size_t lead = doc_.sentences[sent].first_token;
    for (size_t t = lead; t < f && t < lead + 5; ++t)
      if (word(t) == "-" && doc_.tokens[t].space_before && std::all_of(doc_.tokens.begin() + lead, doc_.tokens.begin() + t, [](const Token& x) { return x.is_all_upper; })) {
        lead = t + 1;
        break;
      }
    const bool opens = f == lead || (f == lead + 1 && word(f - 1) == "the") || subject_after_time_and_place(f, lead, sent);
    // (an outlet only as the subject: "first reported by BleepingComputer, showed that the bank ... its")
    bool past_attacker = false, addressed_others = false;
    if ((((k == "organization" || k == "government") && reporter_position(m)) || opens) && k != "security-vendor")
      for (size_t t = bracketed_after(l, sent) + 1; in_sentence(t, sent); ++t) {  // (past "(CCSS)")
        // (after a verb of telling others what to do, "their" is theirs: "CISA urged developers to
        // rotate their credentials after a worm compromised 500 packages")
        if (listed(t, words_.advice_verbs)) addressed_others = true;
        if (addressed_others && word(t) == "their") continue;
        // past the attackers named or referred to by a noun, "its" before the attack word is theirs: "the
        // FBI published an advisory on the group, saying ... that its affiliates gained access" (after
        // it, the speaker's still: "the HSE said the Conti attackers encrypted its files")
        if ((t < group_token_.size() && group_token_[t]) ||
            (doc_.has_cue(t, kAttackerNouns) && t >= 1 && (one_of(word(t - 1), {"the", "this", "that"}) || (word(t - 1) == "same" && t >= 2 && word(t - 2) == "the"))))
          past_attacker = true;
        // the subject's own: no other name between ("United Nations experts have estimated that North
        // Korea finances ... its missile program with stolen cryptocurrency")
        // (a date is no name: "since an attack on May 8 took down its electronic health records")
        if (opens && !reporter_position(m) && doc_.tokens[t].is_upper_initial && !(t < date_token_.size() && date_token_[t])) break;
        // (not the attackers' own: "the FBI said the gang and its affiliates had compromised")
        // (or its relative clause: "The London Borough of Hackney, whose IT systems have been crippled")
        // (the attackers inside it: "disclosed that Turla had been inside its network")
        // (over two words of what they are: "inside its cloud email environment")
        if (past_attacker && one_of(word(t), {"its", "their", "our"}) && word(t - 1) == "inside" && !negated_after(t, sent) &&
            !negated_before(t - 1, sent, 3))
          for (size_t o = t + 1; in_sentence(o, sent) && o <= t + 3 && doc_.tokens[o].is_all_lower; ++o)
            if (listed(o, words_.owned_nouns)) return true;
        // (nor the attackers' people: "warned that its administrators had urged affiliates to go after hospitals")
        if (one_of(word(t), {"its", "their"}) && in_sentence(t + 1, sent) && listed(t + 1, words_.crew_nouns)) continue;
        if ((one_of(word(t), {"its", "their", "our"}) || (word(t) == "whose" && t <= l + 2)) && !groups_own(t) &&
            !(t >= 2 && in_sentence(t - 2, sent) && one_of(word(t - 1), {"and", ","}) && doc_.has_cue(t - 2, kAttackerNouns))) {
          // (a phrasal attack right before: "the attack that took down its hosted Exchange service")
          if (t >= 2 && in_sentence(t - 2, sent) && listed(t - 1, words_.split_attack_particles) && listed(t - 2, words_.split_attack_verbs) &&
              doc_.tokens[t - 2].is_all_lower && !negated_after(t, sent) && !speaker_acts(t - 2, sent))
            return true;
          // (or an attack on it just before: "disclosed an attack on its systems", "broke into a small
          // percentage of its corporate email accounts")
          // (and things taken from it: "an unauthorised party had taken files from its MOVEit server")
          for (size_t u = t >= 1 && one_of(word(t - 1), {"on", "of", "into", "to", "from"}) ? std::max(t >= 6 ? t - 6 : 0, l + 1) : t - 1,
                      reach = past_attacker ? t : t + 8;
               in_sentence(u, sent) && u <= reach; ++u) {
            // (over an aside about its things: "one of its own Salesforce instances, used to store
            // contact details, had been hit")
            if (!past_attacker && word(u) == ",")
              for (size_t c = u + 1; in_sentence(c + 1, sent) && c <= u + 14; ++c)
                if (word(c) == ",") {
                  if (one_of(word(c + 1), {"had", "has", "have", "was", "were", "is", "are"}) &&
                      !(in_sentence(c + 2, sent) && one_of(word(c + 2), {"not", "never", "n't"})))
                    reach = std::max(reach, c + 5);
                  break;
                }
            // (an attack word, not a noun for the things: "urged organisations to check their systems")
            const bool taken_from = t >= 1 && word(t - 1) == "from" && u < t && listed(u, words_.taking_verbs) && doc_.tokens[u].is_all_lower;
            if ((taken_from || (attack_act(u) && !victim_noun(word(u)))) &&
                !negated_after(t, sent) &&  // "Liminal said its own platform had not been breached"
                !speaker_acts(u, sent))     // "Microsoft said it had cut off their access"
              return true;
          }
        }
      }
    // a company that says it was attacked: "CMA CGM ... confirmed on Monday that it was dealing with
    // a cyberattack", "the retailer said it had been hit by ransomware" (not "said it was
    // investigating the attack")
    // (and a state body that serves the public, found by its name or listed with sectors of its own:
    // "the Louisiana Office of Motor Vehicles ... said driving licence data on millions of residents
    // had been taken"; an agency that says so tells of others' losses, "the FBI said data had been
    // stolen")
    const bool serving_body = k == "government" && (m.entry == UINT32_MAX || !rules_.actors[m.entry].sectors.empty());
    if ((k == "organization" || k == "media" || serving_body) && reporter_position(m) &&
        (says_it_was_attacked(l, sent) || says_it_found_them_inside(l, sent)))
      return true;
    // its devices, not the maker: "broke into poorly maintained Cisco routers" (its software may be
    // the maker's own compromise: "the compromise of SolarWinds software")
    if (k == "organization" && in_sentence(l + 1, sent) && listed(l + 1, words_.product_nouns) && doc_.tokens[l + 1].is_all_lower &&
        !listed(l + 1, words_.software_nouns))
      return false;
    // its product named after it, the things hit: "the mass hacking of Microsoft Exchange email servers",
    // "attacks on Citrix NetScaler appliances" (their owners were hit, not the maker)
    if (k == "organization" && in_sentence(l + 1, sent) && doc_.tokens[l + 1].is_upper_initial && doc_.tokens[l + 1].space_before && !org_token_[l + 1]) {
      size_t n = l + 1;
      while (n <= l + 3 && in_sentence(n + 1, sent) && doc_.tokens[n + 1].is_upper_initial && doc_.tokens[n + 1].space_before) ++n;
      for (size_t p = n + 1; p <= n + 2 && in_sentence(p, sent) && doc_.tokens[p].is_all_lower; ++p)
        if (listed(p, words_.product_nouns) ||
            one_of(word(p), {"accounts", "account", "mailboxes", "customers", "users", "instances", "deployments", "installations", "systems", "email"}))
          return false;
    }
    // its product with a flaw the attackers used: "a zero-day in Fortra's GoAnywhere MFT software", "a
    // flaw in Ivanti's Connect Secure VPN" (the product's users were hit, not its maker)
    // (nor the maker whose product's users were the target: "a campaign against users of Progress
    // Software's MOVEit Transfer product")
    if (k == "organization" && possessive_product_after(l, sent) &&
        (flaw_before(f, sent) || (f >= 2 && word(f - 1) == "of" && one_of(word(f - 2), {"users", "customers", "clients", "owners", "operators"}))))
      return false;
    // (or a flaw in its product named right after it: "flaws in Microsoft Exchange", "a bug in Fortinet FortiOS")
    if (k == "organization" && flaw_before(f, sent) && in_sentence(l + 1, sent) && doc_.tokens[l + 1].is_word && !doc_.tokens[l + 1].is_all_lower &&
        doc_.tokens[l + 1].space_before)
      return false;
    if (k != "security-vendor" && (suffered_attack(l, sent, k) || lost_in_attack(l, sent) || named_as_victim(l, sent) || ransom_payer(l, sent) || hit_in_its_clause(l, sent) ||
                                 one_of_those_hit(l, sent)))
      return true;
    if (reporter_position(m)) return false;  // the one who tells: "stole $300 million from an exchange, the FBI said"
    if (k == "organization" && platform_used(f, l, sent) && !agent_between_attack_and_object(agent_by_before(f, sent), f, sent)) return false;
    if (attacked_before(f, sent) || in_attack_list(sent) || on_leak_site(l, sent) || claimed_by_attacker(f, l, sent) || object_of_split_attack(f, l, sent) || owns_what_was_attacked(f, sent) ||
        attackers_inside(f, l, sent) || (k != "security-vendor" && names_the_attack(l, sent)) || hit_by_the_group_it_describes(l, sent))
      return true;
    // a company's intruders: "paid to the Colonial Pipeline hackers" (a company the rules know with
    // sectors of its own: "Hamas hackers" are Hamas's own)
    if (k == "organization" && m.entry != UINT32_MAX && !rules_.actors[m.entry].sectors.empty() && in_sentence(l + 1, sent) &&
        doc_.tokens[l + 1].is_all_lower && listed(l + 1, words_.intruder_nouns))
      return true;
    if ((k == "organization" || k == "government") && (acts_after_attack(f, l, sent) || bears_the_attack_before(f, l, sent))) return true;
    if ((k == "organization" || k == "government" || k == "media") && recovers_from_attack(l, sent)) return true;
    if (k == "organization" && investigates_its_incident(l, sent)) return true;
    if ((k == "organization" || k == "government") && taken_from_or_sent_to(f, sent)) return true;
    // a later member of a list of victims: "hacking into the networks of the American ratings firm
    // Moody's Analytics, the German industrial group Siemens and the satellite-navigation company
    // Trimble", "victims include the Reserve Bank of New Zealand, ..., the law firm Jones Day"
    if (const size_t s0 = name_list_start(f, sent); s0 < f && (attacked_before(s0, sent) || ((k == "organization" || k == "government") && taken_from_or_sent_to(s0, sent))))
      return true;
    // (or a later item of a list set off by semicolons, whose first item is a victim: "Akira's victims
    // include Stanford University, which disclosed a breach; Nissan Oceania, ...; and the Finnish IT
    // services group Tietoevry")
    if (semicolon_list_of_victims(f, sent)) return true;
    // (or after attackers found inside: "it was found inside AT&T, Verizon and Lumen Technologies";
    // the list's start may take in lower-case words before its first name)
    if (size_t n0 = name_list_start(f, sent); n0 < f) {
      while (n0 < f && !doc_.tokens[n0].is_upper_initial) ++n0;
      if (n0 < f && attackers_inside(n0, n0, sent)) return true;
    }
    // (the name of one who reports, as a modifier of its work: "What makes the Reuters findings
    // uncomfortable ... is how little the affected companies said")
    if ((k == "media" || k == "security-vendor") && in_sentence(l + 1, sent) && doc_.tokens[l + 1].is_all_lower &&
        (listed(l + 1, words_.report_nouns) || one_of(word(l + 1), {"findings", "report", "reports", "analysis", "story", "reporting", "article"})))
      return false;
    bool be = false;
    size_t after_be = 0, before_be = 0, counted = 0;
    // the names of a list and their glue do not count: "the broadcasters KBS, MBC and YTN and at
    // Shinhan Bank, Nonghyup and Jeju Bank were knocked out"
    // (and at most kVictimReach tokens in all: a hostile run of thousands of names costs no more)
    for (size_t t = description_end(l, sent) + 1; in_sentence(t, sent) && counted <= 14 && t <= l + kVictimReach; ++t) {
      const std::string_view w = word(t);
      if (!(doc_.tokens[t].is_upper_initial || w == "," || w == "and")) ++counted;
      // not a noun of people or firms: "has urged customers running on-premises servers"
      // (a passive or a state, not the progressive of its own attack: "Hamas has been luring officers")
      if (be && attack_act(t) && !(is_verb_form(w) && w.ends_with("ing"))) return true;
      if (one_of(w, {"was", "were", "is", "are", "been", "has", "have", "had"})) { be = true; continue; }
      if (be && w == "among" && after_be <= 1) return among_victims(t, sent);  // "was among the group's victims"
      // (or no verb, after "with": "with Hitachi Energy and Procter & Gamble among those confirming data theft")
      if (!be && w == "among" && counted <= 1 && before_be == 0)
        if (const size_t s0 = name_list_start(f, sent); s0 >= 1 && in_sentence(s0 - 1, sent) && word(s0 - 1) == "with") return among_victims(t, sent);
      // (the subject tells of or blames an attack, it is not hit: "Elliptic had pinned the theft on
      // Lazarus Group", "the FBI has identified 17 victims")
      if (be && (listed(t, words_.blame_verbs) || reporting_word(t) || doc_.has_cue(t, kAttributionCues))) break;
      if (be) {
        if (!doc_.tokens[t].is_all_lower || ++after_be > 3) break;  // "was also badly hit", "were among the victims"
      } else if (!(w == "'" || w == "s" || w == "-" || w == "&" || w == "and" || w == "," || w == "the" || doc_.has_cue(t, kVictimNouns) || doc_.tokens[t].is_upper_initial ||
                   (w == "also" && in_sentence(t + 1, sent) && one_of(word(t + 1), {"was", "were", "had", "has", "have"})))) {
        // its own place or unit: "a Foxconn electronics plant in Mexico was hit"
        if (!doc_.tokens[t].is_all_lower || !doc_.tokens[t].is_word || ++before_be > 4 || reporting_word(t) || speaker_verb(t) ||
            one_of(w, {"which", "who", "that", "also", "not", "did", "does", "do", "will", "would", "could", "can", "may", "might"}) ||
            doc_.has_cue(t, kTargetCues))
          break;
      }
    }
    return false;
  }
  // The subject of a verb of going through an attack, with the attack as its object: "Royal Mail
  // suffered a ransomware attack", "Tietoevry fell victim to the attack", "the city was the latest
  // victim of a ransomware attack", "the ministry disclosed a breach of its email system". A verb of
  // telling (context/disclosure-verbs.txt) needs an attack of its own, the first thing after the verb
  // ("a breach"; not "the attack", which is someone else's), and no outlet tells of its own (it
  // reports others'). An attack whose object is named ("disclosed an attack on the hospital", "a
  // breach at Okta") is not the subject's.
  // A word that says how much was lost: "heavy losses", "significant disruption".
  static bool size_word(std::string_view w) {
    return one_of(w, {"heavy", "significant", "major", "large", "big", "huge", "serious", "severe", "widespread", "substantial"});
  }
  bool suffered_attack(size_t l, uint32_t sent, const std::string& kind) const {
    size_t k = description_end(bracketed_after(l, sent), sent) + 1;
    // past the other subjects the name shares its verb with: "discount retailer Rusta and timber
    // manufacturer Moelven reported disruptions", "Advance Auto Parts, Neiman Marcus and LendingTree
    // have also disclosed breaches"
    for (int members = 0; members < kListMembers && in_sentence(k, sent) && (word(k) == "and" || word(k) == ","); ++members) {
      size_t u = k + 1;
      if (word(k) == "," && in_sentence(u, sent) && word(u) == "and") ++u;
      size_t last_name = std::string::npos;
      for (const size_t from = u; in_sentence(u, sent) && u <= from + 7; ++u) {
        if (doc_.tokens[u].is_upper_initial) last_name = u;
        else if (!(doc_.tokens[u].is_all_lower || word(u) == "-" || word(u) == "&") || last_name != std::string::npos) break;
      }
      if (last_name == std::string::npos || !in_sentence(last_name + 1, sent)) break;
      const std::string_view next = word(last_name + 1);
      if (!(doc_.tokens[last_name + 1].is_all_lower || next == "," || next == "and")) break;
      k = last_name + 1;
    }
    for (int skipped = 0; in_sentence(k, sent) && skipped < 4; ++k, ++skipped) {
      const std::string_view w = word(k);
      if (!(one_of(w, {"also", "has", "had", "have", "recently", "previously", "earlier", "itself", "later", "first", "all", "both"}) ||
            (k < date_token_.size() && date_token_[k])))
        break;
    }
    if (!in_sentence(k, sent) || !doc_.tokens[k].is_all_lower) return false;
    size_t from = k + 1;
    bool told = false;
    if (listed(k, words_.disclosure_verbs)) {
      if (kind == "media") return false;
      told = true;
    } else if (!listed(k, words_.suffer_verbs)) {
      // "fell victim to", "was the latest victim of", "became a target of"
      size_t v = k;
      if (one_of(word(v), {"was", "were", "is", "are", "became", "becomes", "fell", "falls", "been"})) ++v;
      for (int n = 0; in_sentence(v, sent) && n < 3 && one_of(word(v), {"the", "a", "an", "latest", "newest", "biggest", "largest", "main", "primary", "first", "one", "of", "another", "prime"}); ++v, ++n) {}
      if (v == k || !in_sentence(v + 1, sent) || !victim_noun(word(v)) ||
          !one_of(word(v + 1), {"of", "to", "in"}))
        return false;
      from = v + 2;
      // (the attackers' own: "became the latest victim of LockBit", "fell victim to the Clop gang")
      if (in_sentence(from, sent) && word(from) == "the") ++from;
      if (in_sentence(from, sent) && from < group_token_.size() && group_token_[from]) return true;
    }
    for (size_t u = from; in_sentence(u, sent) && u <= from + 6; ++u) {
      const std::string_view w = word(u);
      if (one_of(w, {",", ";", ":", "(", "that", "which", "who", "by", "after", "before", "since", "following"})) return false;
      // (a disclosed incident is an attack in a story of one: "disclosed related incidents")
      // (and the loss it made, in a story of an attack: "also reported lost sales and disrupted production")
      // (over one word that says how much: "all reported heavy losses")
      const bool incident = told && (one_of(w, {"incident", "incidents"}) ||
                                     ((u == from || (u == from + 1 && doc_.tokens[from].is_all_lower && size_word(word(from)))) &&
                                      one_of(w, {"lost", "losses", "disrupted", "disruption", "disruptions", "outages", "downtime"})));
      if (told && u == from && !one_of(w, {"a", "an", "its", "their", "our", "related", "similar", "separate", "security", "cyber", "cybersecurity"}) &&
          !size_word(w) && !attack_word(u) && !incident)
        return false;
      if (!(attack_act(u) || incident) || victim_noun(w)) continue;
      // the attack's own object, when it is named: not the subject's
      // (not its time: "suffered a ransomware attack on Tuesday")
      for (size_t o = u + 1; in_sentence(o, sent) && o <= u + 2; ++o)
        if (one_of(word(o), {"on", "against", "at", "of", "into", "targeting", "affecting", "hitting"}) && in_sentence(o + 1, sent) &&
            !(o + 1 < date_token_.size() && date_token_[o + 1]))
          return one_of(word(o + 1), {"its", "their", "our"});
      return true;
    }
    return false;
  }
  // The name at f..l right after an attack noun, with no preposition between, and right before a
  // verb in the past is the subject of the clause that describes the attack, not its object: "The
  // attack chain Mandiant pieced together", "the intrusion Microsoft disclosed in July" (not "the
  // breach at Okta disclosed in October", nor "hacked Acme-owned servers").
  bool subject_of_reduced_relative(size_t f, size_t l, uint32_t sent) const {
    if (f < 1 || !in_sentence(f - 1, sent) || !in_sentence(l + 1, sent)) return false;
    const size_t n = f - 1;
    if (!doc_.tokens[n].is_all_lower || !(listed(n, words_.attack_event_nouns) || one_of(word(n), {"chain", "campaign", "campaigns", "operation"})))
      return false;
    const std::string_view v = word(l + 1);
    return doc_.tokens[l + 1].is_all_lower && doc_.tokens[l + 1].space_before && v.size() > 3 && v.ends_with("ed") &&
           !one_of(v, {"based", "owned", "backed", "linked", "led", "run", "operated", "affected", "hit", "targeted"});
  }
  // The name at f opens an item after a semicolon ("; and the Finnish IT services group Tietoevry")
  // of a list whose first item, after "include", is read as a victim.
  bool semicolon_list_of_victims(size_t f, uint32_t sent) const {
    size_t t = description_start(f, sent);
    if (t >= 1 && in_sentence(t - 1, sent) && word(t - 1) == "and") --t;
    if (t < 1 || !in_sentence(t - 1, sent) || word(t - 1) != ";") return false;
    const Sentence& s = doc_.sentences[sent];
    // (the list's lead within its first 60 words: a hostile sentence of thousands of items and a
    // long first one costs no more)
    size_t first_semicolon = s.first_token;
    while (first_semicolon < t - 1 && first_semicolon < s.first_token + 60 && word(first_semicolon) != ";") ++first_semicolon;
    if (word(first_semicolon) != ";") return false;
    for (size_t u = s.first_token; u + 1 < first_semicolon; ++u)
      if (one_of(word(u), {"include", "includes", "included", "including"})) {
        size_t n = u + 1;
        while (n < first_semicolon && !doc_.tokens[n].is_upper_initial) ++n;
        return n < first_semicolon && attacked_before(n, sent);
      }
    return false;
  }
  // The name at l, maybe with others and its people, is the subject of a verb of blame or
  // attribution right after it: "the FBI and Japanese police later blamed on", "the FBI has
  // attributed to".
  bool blames_after(size_t l, uint32_t sent) const {
    int lower = 0;
    for (size_t k = l + 1; in_sentence(k, sent) && k <= l + 8; ++k) {
      if (listed(k, words_.blame_verbs) && doc_.tokens[k].is_all_lower) return true;
      if (doc_.has_cue(k, kAttributionCues) && doc_.tokens[k].is_all_lower && one_of(word(k), {"attributed", "linked", "tied", "traced"})) return true;
      if (doc_.tokens[k].is_upper_initial || doc_.tokens[k].is_all_upper || one_of(word(k), {"and", "the", "'", "s"})) continue;
      if (one_of(word(k), {"later", "also", "has", "have", "had", "publicly", "formally", "officially", "since", "then", "now"})) continue;
      if (doc_.tokens[k].is_all_lower && doc_.tokens[k].is_word && ++lower <= 1) continue;  // "Japanese police"
      return false;
    }
    return false;
  }
  // The subject that lost something in an attack: "Japan's DMM Bitcoin lost about $308 million in
  // bitcoin in an attack", "Harmony lost $100 million to the hack" (not "lost a contract after the
  // vote").
  bool lost_in_attack(size_t l, uint32_t sent) const {
    size_t k = description_end(bracketed_after(l, sent), sent) + 1;
    if (in_sentence(k, sent) && one_of(word(k), {"has", "had", "also", "reportedly"})) ++k;
    if (!in_sentence(k, sent) || !one_of(word(k), {"lost", "loses", "lose", "losing"}) || !doc_.tokens[k].is_all_lower) return false;
    for (size_t u = k + 1; in_sentence(u + 1, sent) && u <= k + 10; ++u) {
      if (one_of(word(u), {";", ":", "which", "who", "because"})) return false;
      if (!one_of(word(u), {"in", "to", "during", "after", "through"})) continue;
      size_t a = u + 1;
      for (int n = 0; n < 3 && in_sentence(a, sent) && doc_.tokens[a].is_all_lower && !attack_act(a); ++n) ++a;
      if (in_sentence(a, sent) && attack_act(a) && !victim_noun(word(a))) return true;
    }
    return false;
  }
  // "crippled by the NotPetya malware", "hit by WannaCry": the tool is the attack's agent.
  bool tool_is_agent(const Mention& m) const {
    size_t f = doc_.token_starting_at(m.start);
    if (f == std::string::npos) return false;
    const uint32_t sent = doc_.tokens[f].sentence;
    // the subject of an attack verb: "the Shamoon wiper destroyed data at Saudi Aramco"
    size_t k = doc_.token_ending_at(m.end);
    if (k != std::string::npos) {
      for (++k; in_sentence(k, sent) && listed(k, words_.malware_nouns) && doc_.tokens[k].is_all_lower; ++k) {}
      // (a verb, not "the NotPetya attack of 2017")
      if (in_sentence(k, sent) && doc_.tokens[k].is_all_lower &&
          ((doc_.has_cue(k, kTargetCues) && (word(k).ends_with("ed") || listed(k, words_.irregular_attack_verbs))) || listed(k, words_.damage_verbs) ||
           listed(k, words_.outbreak_verbs)))
        return true;
    }
    while (f >= 1 && in_sentence(f - 1, sent) && one_of(word(f - 1), {"the", "a", "an"})) --f;
    if (f < 2 || !in_sentence(f - 2, sent) || word(f - 1) != "by") return false;
    for (size_t k = f - 1; k >= 1 && k + 3 >= f - 1 && in_sentence(k - 1, sent); --k)
      if (attack_word(k - 1)) return true;
    return false;
  }
  // After the speaker's verb at token `verb`: attackers took or attacked what is the speaker's own,
  // "AT&T said on Friday that hackers had downloaded records of calls of nearly all of its customers"
  // (an attacker noun, an attack or taking verb within five words, then "its" or "our", or the
  // people it serves, context/client-nouns.txt).
  bool attackers_took_its_own(size_t verb, uint32_t sent) const {
    for (size_t t = verb + 1; in_sentence(t, sent) && t <= verb + 5; ++t) {  // ("said on Friday that hackers")
      if (!(doc_.has_cue(t, kAttackerNouns) && doc_.tokens[t].is_all_lower)) continue;
      bool act = false;
      for (size_t u = t + 1; in_sentence(u, sent) && u <= t + 20; ++u) {
        if (one_of(word(u), {";", "but", "while", "which", "who"}) || speaker_verb(u)) return false;
        if (!act && u <= t + 5 && (attack_act(u) || (listed(u, words_.taking_verbs) && doc_.tokens[u].is_all_lower))) act = true;
        else if (act && one_of(word(u), {"its", "our"})) return true;
        // (or its people's: "said hackers had stolen data on 9.4 million passengers")
        else if (act && u < org_token_.size() && org_token_[u]) return false;
        else if (act && speakers_people_at(u, sent)) return true;
      }
      return false;
    }
    return false;
  }
  // Token u is a noun of the people an organisation serves (context/client-nouns.txt) that are the
  // speaker's: "data on 9.4 million passengers", "passenger data"; not others' ("their client
  // lists"), a noun it only modifies ("client lists"), nor another organisation's ("customers of
  // Ticketmaster").
  bool speakers_people_at(size_t u, uint32_t sent) const {
    if (!doc_.tokens[u].is_all_lower || !listed(u, words_.client_nouns) || one_of(word(u - 1), {"their", "his", "her"})) return false;
    if (in_sentence(u + 1, sent) && doc_.tokens[u + 1].is_all_lower && doc_.tokens[u + 1].is_word && !listed(u + 1, words_.personal_data_nouns) &&
        !one_of(word(u + 1), {"of", "at", "and", "or"}))
      return false;
    size_t o = u + 1;
    if (!in_sentence(o, sent) || !one_of(word(o), {"of", "at"})) return true;
    ++o;
    if (in_sentence(o, sent) && word(o) == "the") ++o;
    return !(o < org_token_.size() && in_sentence(o, sent) && org_token_[o]);
  }
  // After the speaker's verb at token `verb`: its data was taken, "Aer Lingus ... confirmed that data had
  // been taken", "said records belonging to two of its entities had been compromised" (a noun of
  // data, context/personal-data-nouns.txt, then within eight words a passive attack or taking verb).
  // (over whom it told and when, "told staff on Monday that", and a list of data, "names, addresses,
  // national insurance numbers and in some cases bank details had been taken")
  bool its_data_was_taken(size_t verb, uint32_t sent) const {
    for (size_t t = verb + 1; in_sentence(t, sent) && t <= verb + 7; ++t) {
      if (!(listed(t, words_.personal_data_nouns) && doc_.tokens[t].is_all_lower)) continue;
      if (one_of(word(t - 1), {"no", "any"})) return false;  // "that no data had been taken"
      bool passive = false;
      for (size_t u = t + 1; in_sentence(u, sent) && u <= t + 20; ++u) {
        const std::string_view w = word(u);
        if (one_of(w, {"was", "were", "been", "be"})) { passive = true; continue; }
        if (w == "," && !passive && u <= t + 14) continue;
        if (w == "not" || w == "," || speaker_verb(u) || (!passive && u > t + 9 && !doc_.tokens[u].is_all_lower)) return false;
        if (passive && doc_.tokens[u].is_all_lower && (attack_act(u) || listed(u, words_.taking_verbs))) return true;
      }
      return false;
    }
    return false;
  }
  // The attack word at u is what the speaker itself did: "it", "we" or "they" right before it, over
  // auxiliaries and adverbs that make no passive ("said it had cut off their access", "said we
  // blocked the intruders"; not "said it had been hit").
  bool speaker_acts(size_t u, uint32_t sent) const {
    for (size_t k = u; k >= 1 && k + 4 >= u && in_sentence(k - 1, sent); --k) {
      const std::string_view w = word(k - 1);
      if (one_of(w, {"it", "we", "they"})) return true;
      if (one_of(w, {"been", "was", "were", "is", "are", "be", "being"})) return false;
      // (over the attack phrase's own words: "cut off")
      if (!one_of(w, {"had", "has", "have", "would", "will", "could", "also", "then", "quickly", "later", "since", "already", "swiftly"}) &&
          !attack_act(k - 1))
        return false;
    }
    return false;
  }
  // A speaker that says it found the attackers' malware or activity in its own things: "Bayer said
  // it had detected malicious software associated with the hacking group Winnti on its network"
  // (a verb of finding, then "on", "in" or "inside" its own things: not "found the same malware on
  // customers' machines").
  bool says_it_found_them_inside(size_t l, uint32_t sent) const {
    const size_t t = speaker_itself_after(reporter_verb_after(l, sent), sent, 4);
    if (t == std::string::npos) return false;
    size_t u = t + 1;
    while (in_sentence(u, sent) && u <= t + 3 && one_of(word(u), {"had", "has", "have", "also", "recently", "first"})) ++u;
    if (!in_sentence(u, sent) || !one_of(word(u), {"detected", "found", "discovered", "identified", "spotted", "uncovered"})) return false;
    for (size_t k = u + 1; in_sentence(k + 2, sent) && k <= u + 16; ++k) {
      if (one_of(word(k), {";", "but", "which", "who"})) return false;
      if (one_of(word(k), {"on", "in", "inside", "within"}) && one_of(word(k + 1), {"its", "our"}) && listed(k + 2, words_.owned_nouns))
        return true;
    }
    return false;
  }
  // The reporting verb that follows the name ending at l, over "on Monday that" and however long an
  // apposition before it (at most 25 tokens on).
  size_t reporter_verb_after(size_t l, uint32_t sent) const {
    size_t verb = l + 1;
    while (in_sentence(verb, sent) && verb <= l + 25 && !listed(verb, words_.reporter_verbs)) ++verb;
    return verb;
  }
  // "it" or "we" among the `reach` tokens after that verb: the speaker speaking of itself; npos if none.
  size_t speaker_itself_after(size_t verb, uint32_t sent, size_t reach) const {
    for (size_t t = verb + 1; in_sentence(t, sent) && t <= verb + reach; ++t)
      if (one_of(word(t), {"it", "we"})) return t;
    return std::string::npos;
  }
  // After the reporting verb that follows the name: "it was dealing with a cyberattack", "it had been
  // hit", "we suffered a breach".
  bool says_it_was_attacked(size_t l, uint32_t sent) const {
    const size_t verb = reporter_verb_after(l, sent);
    if (attackers_took_its_own(verb, sent) || its_data_was_taken(verb, sent)) return true;
    if (const size_t t = speaker_itself_after(verb, sent, 5); t != std::string::npos) {
      if (found_intruders_on_its_own(t, sent)) return true;
      // (a passive or an incident it went through: "it was hit", "it had been breached", "it had
      // suffered a cyberattack"; not what it did itself: "it had cut off their access", "it had hit
      // three steel makers")
      bool aux = false, passive = false;
      for (size_t u = t + 1; in_sentence(u, sent) && u <= t + 7; ++u) {
        const std::string_view w = word(u);
        if (one_of(w, {"was", "had", "has", "been", "is"}) || listed(u, words_.incident_verbs)) {
          aux = true;
          passive = passive || (w != "had" && w != "has");
          continue;
        }
        if (!aux || listed(u, words_.reporting_words) || listed(u, words_.response_words) || w == "not")
          break;
        // "it was also among the Zellis clients caught up in the breach"
        if (w == "among" && passive) {
          for (size_t a = u + 1; in_sentence(a, sent) && a <= u + 10; ++a)
            if (attack_act(a) && !victim_noun(word(a))) return true;
          return false;
        }
        if (attack_act(u))
          return passive || !(is_verb_form(w) || listed(u, words_.irregular_attack_verbs) || one_of(word(u - 1), {"had", "has"}));
      }
    }
    return false;
  }
  // After the speaker's "it": it found the intruders' activity on its own things: "it had detected
  // suspicious activity on its US network", "it had identified unauthorised access to its systems"
  // (not "no suspicious activity").
  bool found_intruders_on_its_own(size_t it, uint32_t sent) const {
    size_t u = it + 1;
    while (in_sentence(u, sent) && u <= it + 3 && one_of(word(u), {"had", "has", "have", "also", "recently", "first"})) ++u;
    if (!in_sentence(u, sent) || !one_of(word(u), {"detected", "identified", "discovered", "spotted", "found", "observed", "noticed"})) return false;
    size_t a = u + 1;
    if (in_sentence(a, sent) && one_of(word(a), {"some", "the"})) ++a;
    if (!(in_sentence(a + 1, sent) && one_of(word(a), {"suspicious", "unusual", "malicious", "unauthorised", "unauthorized", "anomalous"}) &&
          one_of(word(a + 1), {"activity", "access", "behaviour", "behavior"})))
      return false;
    for (size_t k = a + 2; in_sentence(k + 1, sent) && k <= a + 4; ++k)
      if (one_of(word(k), {"on", "in", "within", "to"}) && one_of(word(k + 1), {"its", "our"})) return true;
    return false;
  }
  // The owner of things right after an attack verb and its particle: "took down Boeing's website",
  // "knocked out the servers of the ministry", "took down the official Boeing website"
  // (context/owned-nouns.txt, web-page-nouns.txt).
  bool owner_after_phrasal_attack(size_t f, size_t l, uint32_t sent) const {
    auto things = [&](size_t k) {
      return in_sentence(k, sent) && doc_.tokens[k].is_all_lower && (listed(k, words_.owned_nouns) || listed(k, words_.web_page_nouns));
    };
    auto phrasal_before = [&](size_t k) {  // the verb and its particle end right before token k (over "the" and one adjective)
      if (k >= 1 && in_sentence(k - 1, sent) && word(k - 1) == "the") --k;
      else if (k >= 2 && in_sentence(k - 2, sent) && word(k - 2) == "the" && doc_.tokens[k - 1].is_all_lower) k -= 2;
      if (!(k >= 2 && in_sentence(k - 2, sent) && doc_.tokens[k - 1].is_all_lower && doc_.tokens[k - 2].is_all_lower &&
            listed(k - 1, words_.split_attack_particles) && listed(k - 2, words_.split_attack_verbs)))
        return false;
      // (not police or a company doing it: "Police took down the servers of Genesis Market")
      return !(k >= 3 && in_sentence(k - 3, sent) && (org_token_[k - 3] || doc_.has_cue(k - 3, kObserverNouns)));
    };
    if (police_work(sent) || takedown_work(sent) || takedown_named_[sent]) return false;  // "police took down the servers of"
    const bool possessive = in_sentence(l + 2, sent) && word(l + 1) == "'" && word(l + 2) == "s";
    if (possessive) return things(l + 3) && phrasal_before(f);
    if (things(l + 1)) return phrasal_before(f);
    size_t t = f;
    if (t >= 1 && in_sentence(t - 1, sent) && word(t - 1) == "the") --t;
    return t >= 2 && in_sentence(t - 2, sent) && word(t - 1) == "of" && things(t - 2) && phrasal_before(t - 2);
  }
  // Between an attack verb and its particle: "knocked Microsoft's Outlook and Azure services offline",
  // "knocked the French broadcaster TV5Monde off the air", "took the ministry's website down".
  bool object_of_split_attack(size_t f, size_t l, uint32_t sent) const {
    if (owner_after_phrasal_attack(f, l, sent)) return true;
    bool verb = false;
    for (size_t t = f; t >= 1 && t + 6 >= f && in_sentence(t - 1, sent); --t) {
      if (listed(t - 1, words_.split_attack_verbs) && doc_.tokens[t - 1].is_all_lower) { verb = true; break; }
      // (a clause or list mark; not the dots of "the U.S. Justice Department's website")
      const bool abbreviation_dot = word(t - 1) == "." && !doc_.tokens[t - 1].space_before;
      if ((!doc_.tokens[t - 1].is_word && !abbreviation_dot) || one_of(word(t - 1), {"which", "who", "that", "by"})) break;
    }
    if (!verb) return false;
    for (size_t t = l + 1; in_sentence(t, sent) && t <= l + 8; ++t) {
      if (listed(t, words_.split_attack_particles) && doc_.tokens[t].is_all_lower) return true;
      if (one_of(word(t), {",", ";", ":", "(", "\"", "which", "who", "that"})) return false;
    }
    return false;
  }
  // The name the gang put on its site: "listed Boeing on its leak site", "added the hospital to its
  // data leak site on Friday".
  bool on_leak_site(size_t l, uint32_t sent) const {
    // (or its things: "posted Boeing's data on its leak site")
    if (in_sentence(l + 3, sent) && word(l + 1) == "'" && word(l + 2) == "s")
      for (size_t k = l + 3; in_sentence(k, sent) && k <= l + 5 && doc_.tokens[k].is_all_lower; ++k)
        if (listed(k, words_.owned_nouns) || listed(k, words_.personal_data_nouns)) l = k;
    // (or the first of those listed there: "listed the oil company Shell and a number of American
    // universities on its leak site")
    if (in_sentence(l + 1, sent) && one_of(word(l + 1), {"and", ","}))
      for (size_t k = l + 2; in_sentence(k, sent) && k <= l + 8; ++k) {
        if (one_of(word(k), {"on", "to"})) { l = k - 1; break; }
        if (!doc_.tokens[k].is_word || listed(k, words_.reporter_verbs) || listed(k, words_.verb_fillers)) break;
      }
    if (!in_sentence(l + 1, sent) || !one_of(word(l + 1), {"on", "to"})) return false;
    bool leak = false;
    for (size_t t = l + 2; in_sentence(t, sent) && t <= l + 8; ++t) {
      const std::string_view w = word(t);
      if (listed(t, words_.web_page_nouns)) return leak;
      leak = leak || listed(t, words_.leak_site_words);
      if (!doc_.tokens[t].is_word && w != "'" && w != "-") return false;
    }
    return false;
  }
  // Named as one of those hit: "named Khuzestan Steel Company, Mobarakeh Steel Company and Hormozgan
  // Steel Company as its targets", "listed Boeing as a victim", "counted the Bundestag among its targets",
  // "added Boeing to its list of victims".
  bool named_as_victim(size_t l, uint32_t sent) const {
    size_t t = l + 1;
    // (over names written with a hyphen or an ampersand: "Sonic Drive-In", "Marks & Spencer")
    for (size_t n = 0; in_sentence(t, sent) && n < 24 && (one_of(word(t), {",", "and", "'", "s", "-", "&"}) || doc_.tokens[t].is_upper_initial); ++t, ++n) {}
    if (!in_sentence(t, sent) || !one_of(word(t), {"as", "among", "to"})) return false;
    // ("added Boeing to its list of victims": "to" only before a list)
    if (word(t) == "to" && !(in_sentence(t + 3, sent) && one_of(word(t + 1), {"its", "their", "the"}) && one_of(word(t + 2), {"list", "tally", "roster"}) &&
                             word(t + 3) == "of"))
      return false;
    for (size_t u = t + 1; in_sentence(u, sent) && u <= t + 4; ++u) {
      if (victim_noun(word(u))) return true;
      // (or what was hit, said by its participle: "name Chipotle and Arby's among the businesses breached")
      if (word(t) == "among" && u > t + 2 && attack_act(u) && (word(u).ends_with("ed") || listed(u, words_.irregular_attack_verbs))) return true;
      if (!doc_.tokens[u].is_all_lower || !doc_.tokens[u].is_word) return false;
    }
    return false;
  }
  // "from" at token `from` closes a theft, a sum between ("the theft of 4,502.9 bitcoin, then worth
  // about $308 million, from", "stole $100 million from", "took $100 million from") or the theft word
  // right before it ("stolen from"): what follows is the victim, not the source of a report.
  bool theft_from(size_t from, uint32_t sent) const {
    bool sum = false;
    for (size_t u = from; u >= 1 && u + 18 >= from && in_sentence(u - 1, sent); --u) {
      const std::string_view v = word(u - 1);
      if (one_of(v, {";", ":"}) || listed(u - 1, words_.reporter_verbs)) return false;
      if (listed(u - 1, words_.theft_words) && doc_.tokens[u - 1].is_all_lower) return sum || u == from;
      if (sum && listed(u - 1, words_.taking_verbs) && doc_.tokens[u - 1].is_all_lower) return true;  // "took $100 million from"
      sum = sum || v == "$" || v == "€" || v == "£" || doc_.tokens[u - 1].is_digit || listed(u - 1, words_.ransom_nouns) ||
            listed(u - 1, words_.sum_words);
    }
    return false;
  }
  // The payer, or refuser, of a ransom: "the Bank of Zambia has refused to pay a ransom to the Hive
  // group", "Colonial Pipeline paid a ransom of $4.4 million", "the city would not pay the gang".
  bool ransom_payer(size_t l, uint32_t sent) const {
    size_t k = description_end(bracketed_after(l, sent), sent) + 1;
    // (its unit that paid: "its Change Healthcare unit paid the BlackCat gang a $22m ransom")
    if (in_sentence(k, sent) && listed(k, words_.ownership_words) && doc_.tokens[k].is_all_lower) ++k;
    for (int n = 0; in_sentence(k, sent) && !listed(k, words_.payment_verbs); ++k, ++n)
      if (n >= 5 || !doc_.tokens[k].is_all_lower ||
          !one_of(word(k), {"has", "had", "have", "refused", "declined", "to", "did", "does", "not", "would", "will", "agreed", "eventually",
                            "reportedly", "also", "never", "chose", "decided"}))
        return false;
    if (!in_sentence(k, sent) || !doc_.tokens[k].is_all_lower) return false;
    // (over a sum: "paid about $4.4 million to DarkSide"; the group as the one paid, not the speaker
    // after a comma: "paid its staff overtime after the attack, DarkSide said")
    for (size_t u = k + 1; in_sentence(u, sent) && u <= k + 9; ++u) {
      if (one_of(word(u), {",", ";", ":"})) return false;
      if (listed(u, words_.ransom_nouns)) return true;
      if (u < group_token_.size() && group_token_[u] && (u == k + 1 || one_of(word(u - 1), {"to", "the"}))) return true;
    }
    return false;
  }
  // "among" after a form of be, then an attack word within the phrase: "among the group's victims",
  // "among about ten businesses that were struck" (not "among the companies that sponsored it").
  bool among_victims(size_t t, uint32_t sent) const {
    for (size_t u = t + 1; in_sentence(u, sent) && u <= t + 8; ++u) {
      if (one_of(word(u), {",", ";", ":", "("})) break;
      if (attack_act(u)) return true;
      // (those that told of their own exposure: "were among the firms that disclosed exposure")
      if (listed(u, words_.disclosure_verbs) && doc_.tokens[u].is_all_lower)
        for (size_t v = u + 1; in_sentence(v, sent) && v <= u + 3; ++v)
          if (attack_act(v) || one_of(word(v), {"exposure", "impact", "compromise", "compromises"})) return !negated_after(u, sent);
    }
    return false;
  }
  // Where what the text says of the name ending at token l ends, before the name's own verb: a
  // relative clause (relative_clause_end), else a description set off by commas (appositive_end).
  size_t description_end(size_t l, uint32_t sent) const {
    const size_t clause_end = relative_clause_end(l, sent);
    return clause_end > l ? clause_end : appositive_end(l, sent);
  }
  // The comma closing a relative clause after the name at l, when a verb of the name follows it:
  // "Cencosud, which runs supermarkets, chains and stores across South America, was hit by"; else l.
  size_t relative_clause_end(size_t l, uint32_t sent) const {
    if (!in_sentence(l + 2, sent) || word(l + 1) != "," || !one_of(word(l + 2), {"which", "who"})) return l;
    for (size_t k = l + 3; in_sentence(k + 1, sent) && k <= l + 40; ++k) {
      const std::string_view w = word(k);
      if (w == ";" || w == ":" || w == "(" || w == "\"") return l;
      if (w == "," && one_of(word(k + 1), {"was", "were", "is", "are", "has", "have", "had", "suffered", "fell", "became", "also"})) return k;
    }
    return l;
  }
  // One of those the group hit, in the clause after them: "Boeing was one of several companies
  // LockBit hit last month", "one of the companies that LockBit hit", "among the victims the gang
  // breached".
  bool one_of_those_hit(size_t l, uint32_t sent) const {
    size_t k = l + 1;
    if (!in_sentence(k + 1, sent) || !one_of(word(k), {"was", "is", "were", "are", "became", "becomes"})) return false;
    ++k;
    if (word(k) == "one" && in_sentence(k + 1, sent) && word(k + 1) == "of") k += 2;
    else if (word(k) == "among") ++k;
    else return false;
    for (int n = 0; in_sentence(k, sent) && n < 5 && (doc_.tokens[k].is_all_lower || doc_.tokens[k].is_digit) && !(k < group_token_.size() && group_token_[k]);
         ++k, ++n)
      if (one_of(word(k), {"which", "who", "by"}) || (word(k) == "that" && !(k + 1 < group_token_.size() && group_token_[k + 1]))) return false;
    if (!in_sentence(k, sent) || k >= group_token_.size() || !group_token_[k]) return false;
    while (k < group_token_.size() && in_sentence(k, sent) && group_token_[k]) ++k;
    if (in_sentence(k, sent) && one_of(word(k), {"had", "has", "have"})) ++k;
    return in_sentence(k, sent) && doc_.tokens[k].is_all_lower && attack_act(k) && !victim_noun(word(k)) &&
           (word(k).ends_with("ed") || listed(k, words_.irregular_attack_verbs));
  }
  // A clause right after the name that says it was hit: "Toyota, which was hit by LockBit last
  // year, said", "the insurer, which suffered a breach in 2023, said", "Okta, breached by the same
  // crew in 2022, said" (then it is a victim that speaks, not a reporter).
  bool hit_in_its_clause(size_t l, uint32_t sent) const {
    if (!in_sentence(l + 3, sent) || word(l + 1) != ",") return false;
    auto passive_attack = [&](size_t k) {
      return in_sentence(k, sent) && doc_.tokens[k].is_all_lower && attack_act(k) && !victim_noun(word(k)) &&
             (word(k).ends_with("ed") || listed(k, words_.irregular_attack_verbs));
    };
    size_t k = l + 2;
    if (!one_of(word(k), {"which", "who"})) {
      // a participle: "Okta, breached by the same crew"
      if (passive_attack(k))
        return in_sentence(k + 1, sent) &&
               (one_of(word(k + 1), {"by", "in", "last", "earlier", "during", "this", "twice"}) || (k + 1 < date_token_.size() && date_token_[k + 1]));
      // an apposition that calls it a victim: "Boeing, a recent LockBit victim,", "one of LockBit's victims"
      for (size_t u = k; in_sentence(u, sent) && u <= k + 7; ++u) {
        if (word(u) == ",") return false;
        if (victim_noun(word(u))) return in_sentence(u + 1, sent) && one_of(word(u + 1), {",", "of"});
        if (!(doc_.tokens[u].is_all_lower || (u < group_token_.size() && group_token_[u]) || word(u) == "'")) return false;
      }
      return false;
    }
    bool passive = false;
    for (++k; in_sentence(k, sent) && k <= l + 8; ++k) {
      const std::string_view w = word(k);
      if (one_of(w, {"was", "were", "been", "is", "are"})) { passive = true; continue; }
      if (one_of(w, {"had", "has", "have", "itself", "themselves"}) || verb_filler(k)) continue;
      break;
    }
    if (!in_sentence(k, sent)) return false;
    if (passive) return passive_attack(k);
    if (!listed(k, words_.suffer_verbs)) return false;
    for (size_t u = k + 1; in_sentence(u, sent) && u <= k + 5; ++u)
      if (attack_act(u) && !victim_noun(word(u)))
        return !(in_sentence(u + 1, sent) && one_of(word(u + 1), {"on", "against", "at", "into", "targeting"}));
    return false;
  }
  // The object of a relative clause whose subject is a group, after the name ending at token l or its
  // description: "Keralty, a Colombian health care company that RansomHouse claimed to have breached",
  // "Colonial Pipeline, which DarkSide hit in 2021".
  bool hit_by_the_group_it_describes(size_t l, uint32_t sent) const {
    size_t k = l + 1;
    if (!in_sentence(k, sent) || word(k) != ",") return false;
    ++k;
    // (over a description: lower-case words, "a Colombian health care company")
    for (size_t from = k; in_sentence(k, sent) && k < from + 10 && !one_of(word(k), {"which", "that", "whom"}); ++k)
      if (!doc_.tokens[k].is_word || (!doc_.tokens[k].is_all_lower && !country_token(k)) || (k < group_token_.size() && group_token_[k])) return false;
    if (!in_sentence(k + 1, sent) || !one_of(word(k), {"which", "that", "whom"}) || k + 1 >= group_token_.size() || !group_token_[k + 1]) return false;
    for (k += 1; k < group_token_.size() && in_sentence(k, sent) && group_token_[k]; ++k) {}
    for (int n = 0; in_sentence(k, sent) && n < 4 &&
                    (one_of(word(k), {"claimed", "claims", "said", "says", "to", "have", "has", "had", "also", "reportedly", "allegedly", "previously"}));
         ++k, ++n) {}
    return in_sentence(k, sent) && doc_.tokens[k].is_all_lower && attack_act(k) && (word(k).ends_with("ed") || listed(k, words_.irregular_attack_verbs));
  }
  // The last token of a description set off by commas right after the name ending at token l ("Netnod,
  // a Swedish internet infrastructure company that disclosed an attack in February, was among ..."):
  // lower-case at its start, no other organisation, no quote or clause mark in it. l when there is none.
  size_t appositive_end(size_t l, uint32_t sent) const {
    if (!in_sentence(l + 2, sent) || word(l + 1) != "," || !doc_.tokens[l + 2].is_all_lower || !doc_.tokens[l + 2].is_word) return l;
    for (size_t k = l + 2; in_sentence(k, sent) && k <= l + 25; ++k) {
      const std::string_view w = word(k);
      if (w == ";" || w == ":" || w == "(" || w == "\"" || (k < org_token_.size() && org_token_[k])) return l;
      if (w == ",") return k > l + 3 ? k : l;
    }
    return l;
  }
  // A platform the text uses, not one attacked: an account or channel on it ("the firm's Twitter
  // account was hijacked", "boasted of the attack on its Telegram channel"), or the place where
  // something is said ("claimed responsibility on Twitter", "a spree of attacks it announces on
  // Twitter"; not "the attack on Twitter").
  bool platform_used(size_t f, size_t l, uint32_t sent) const {
    if (in_sentence(l + 1, sent) && listed(l + 1, words_.account_nouns) && doc_.tokens[l + 1].is_all_lower) return true;
    // (its own machines are no platform: "encrypted files on Boeing's servers")
    if (in_sentence(l + 3, sent) && one_of(word(l + 1), {"'", "\u2019"}) && word(l + 2) == "s" && doc_.tokens[l + 3].is_all_lower &&
        listed(l + 3, words_.owned_nouns) && !listed(l + 3, words_.account_nouns))
      return false;
    size_t p = f;
    if (p >= 1 && in_sentence(p - 1, sent) && one_of(word(p - 1), {"its", "their", "his", "her", "a"})) --p;
    if (p < 2 || !in_sentence(p - 2, sent) || !one_of(word(p - 1), {"on", "via", "through"})) return false;
    return !(doc_.has_cue(p - 2, kTargetCues) || listed(p - 2, words_.hack_words));
  }
  // The "by" a few words before the name at token f; f if none.
  size_t agent_by_before(size_t f, uint32_t sent) const {
    for (size_t u = f; u >= 1 && u + 6 >= f && in_sentence(u - 1, sent); --u)
      if (word(u - 1) == "by") return u - 1;
    return f;
  }
  // The attack's agent between the attack and its object, the name at token f: "an attack claimed
  // by the BlackCat gang on Change Healthcare", "a breach carried out by Scattered Spider against
  // MGM Resorts" (b is the token of "by").
  bool agent_between_attack_and_object(size_t b, size_t f, uint32_t sent) const {
    if (f < b + 3 || !one_of(word(f - 1), {"on", "against"})) return false;
    bool group = false;
    for (size_t u = b + 1; u + 1 < f; ++u) {
      const bool group_word = u < group_token_.size() && group_token_[u];
      group = group || group_word;
      if (!(group_word || one_of(word(u), {"the", "a", "an", "-"}) ||
            (doc_.tokens[u].is_all_lower && (listed(u, words_.crew_nouns) || listed(u, words_.malware_nouns) || doc_.has_cue(u, kAttackerNouns)))))
        return false;
    }
    if (!group) return false;
    // (over the participle of the agent, in the attack's own phrase: "claimed", "carried out"; not a
    // clause's verb, "the attack was claimed by NoName057(16) on Telegram", where it was said)
    for (size_t u = b; u >= 1 && u + 3 >= b && in_sentence(u - 1, sent) && doc_.tokens[u - 1].is_all_lower; --u) {
      if (one_of(word(u - 1), {"was", "were", "is", "are", "been", "be", "has", "have", "had"})) return false;
      if (attack_act(u - 1) && !victim_noun(word(u - 1))) return true;
    }
    return false;
  }

  // The name starting at token f opens its sentence, after "the" at most.
  bool subject_opens(size_t f, uint32_t sent) const {
    const size_t lead = doc_.sentences[sent].first_token;
    return f == lead || (f == lead + 1 && word(lead) == "the");
  }
  // A company investigating an incident with no object of its own has had it: "Boeing is
  // investigating a cyber incident", "Acme said it was investigating a cybersecurity incident" (not a
  // vendor or an agency, which investigate others': the caller asks for organisations only; not "an
  // attack on its customers").
  bool investigates_its_incident(size_t l, uint32_t sent) const {
    size_t k = description_end(l, sent) + 1;
    if (in_sentence(k, sent) && listed(k, words_.reporter_verbs) && doc_.tokens[k].is_all_lower) {  // "said it was"
      ++k;
      if (in_sentence(k, sent) && word(k) == "that") ++k;
      if (!(in_sentence(k, sent) && word(k) == "it")) return false;
      ++k;
    }
    for (int n = 0; in_sentence(k, sent) && n < 4 && word(k) != "investigating"; ++k, ++n)
      if (!(verb_filler(k) || one_of(word(k), {"is", "was", "are", "were", "been", "has", "had", "still", "currently", "now"}))) return false;
    if (!in_sentence(k, sent) || word(k) != "investigating") return false;
    for (size_t u = k + 1; in_sentence(u, sent) && u <= k + 5; ++u) {
      if (one_of(word(u), {"incident", "incidents", "cyberattack", "cyberattacks", "attack", "attacks", "breach", "intrusion", "hack"}))
        return !(in_sentence(u + 2, sent) && one_of(word(u + 1), {"on", "against", "at", "into", "targeting", "affecting"}) &&
                 !one_of(word(u + 2), {"its", "their", "our"}));
      if (!doc_.tokens[u].is_all_lower || !doc_.tokens[u].is_word) return false;
    }
    return false;
  }
  // The subject getting over an attack with no object of its own: "Toyota is still restoring systems
  // after a ransomware attack", "the council was struggling to recover from a LockBit attack", "the
  // retailer is dealing with the fallout of a cyberattack" (context/recovery-verbs.txt).
  bool recovers_from_attack(size_t l, uint32_t sent) const {
    size_t k = description_end(l, sent) + 1;
    for (int n = 0; in_sentence(k, sent) && n < 6 && !listed(k, words_.recovery_verbs); ++k, ++n)
      if (!(verb_filler(k) || one_of(word(k), {"is", "was", "are", "were", "been", "be", "to", "continues", "continued", "working", "struggling",
                                               "trying", "scrambling", "racing", "began", "begun", "slowly", "gradually", "fully"})))
        return false;
    if (!in_sentence(k, sent) || !listed(k, words_.recovery_verbs) || !doc_.tokens[k].is_all_lower) return false;
    for (size_t t = k + 1; in_sentence(t, sent) && t <= k + 8; ++t) {
      if ((t < org_token_.size() && org_token_[t]) || one_of(word(t), {";", ":", "which", "that", "who", "but"})) return false;
      if (!one_of(word(t), {"from", "after", "following", "with"})) continue;
      for (size_t u = t + 1; in_sentence(u, sent) && u <= t + 6; ++u) {
        if (attack_act(u) && !victim_noun(word(u))) {
          // (the attack's own object: "after the attack on Okta"; not "on its network")
          const bool other_object = in_sentence(u + 2, sent) && one_of(word(u + 1), {"on", "against", "at", "into", "targeting"}) &&
                                    !one_of(word(u + 2), {"its", "their", "our"}) && !(u + 2 < date_token_.size() && date_token_[u + 2]);
          return !other_object;
        }
        if (!(doc_.tokens[u].is_all_lower || (u < group_token_.size() && group_token_[u]) || (u < date_token_.size() && date_token_[u]))) break;
      }
      return false;
    }
    return false;
  }
  // The sentence's subject acted after an attack with no object of its own, so one on it: "Marks &
  // Spencer was forced to suspend online orders for almost seven weeks after an attack claimed by
  // DragonForce", "the hospital had to postpone thousands of operations following a ransomware
  // attack" (not "police arrested a man after an attack on a bank", nor a body that looks into it).
  bool acts_after_attack(size_t f, size_t l, uint32_t sent) const {
    if (!subject_opens(f, sent)) return false;
    if (investigation_work(sent) || police_work(sent)) return false;
    for (size_t t = l + 1; in_sentence(t, sent) && t <= l + 25; ++t) {
      if (t < org_token_.size() && org_token_[t]) return false;  // another organisation's clause
      // (telling others what to do after it is a response: "CISA urged developers to rotate
      // credentials after a worm compromised hundreds of packages")
      if (listed(t, words_.advice_verbs)) return false;
      if (!one_of(word(t), {"after", "following"})) continue;
      for (size_t u = t + 1; in_sentence(u, sent) && u <= t + 4; ++u) {
        if (attack_act(u))
          return !(in_sentence(u + 1, sent) && one_of(word(u + 1), {"on", "against", "at", "into", "of", "targeting"}));
        if (!(doc_.tokens[u].is_all_lower || (u < group_token_.size() && group_token_[u]))) break;
      }
      return false;
    }
    return false;
  }
  // The sentence's subject could not go on as before, right after a sentence that tells of an attack:
  // "The Rhysida group claimed the attack. Lurie Children's Hospital was forced to take its systems
  // offline", "Filmstaden, the country's largest cinema chain, could not sell tickets online" (not
  // "The FBI had to wait for a warrant" in a story of police work).
  bool bears_the_attack_before(size_t f, size_t l, uint32_t sent) const {
    if (sent == 0 || !subject_opens(f, sent)) return false;
    if (!tells_of_an_attack(sent - 1) || investigation_work(sent) || police_work(sent)) return false;
    size_t t = description_end(l, sent) + 1;
    if (in_sentence(t, sent) && one_of(word(t), {"also", "then", "later", "still"})) ++t;
    if (!in_sentence(t + 1, sent)) return false;
    const std::string_view a = word(t), b = word(t + 1);
    const bool forced = one_of(a, {"was", "were", "has", "have", "had"}) && one_of(b, {"forced", "unable"}) && in_sentence(t + 2, sent) && word(t + 2) == "to";
    const bool had_to = a == "had" && b == "to";
    const bool could_not = (a == "could" && b == "not") || a == "couldn" || (one_of(a, {"was", "were"}) && b == "unable");
    if (!(forced || had_to || could_not)) return false;
    for (size_t u = t + 2; in_sentence(u, sent) && u <= t + 25 && word(u) != ";"; ++u)
      if (u < org_token_.size() && org_token_[u]) return false;  // another organisation's part in its clause
    return true;
  }
  // The victim's name as the modifier of the attack: "the 2021 Colonial Pipeline attack", "the
  // Royal Mail ransomware attack", "the Sony Pictures hack" (rules/context/attack-event-nouns.txt).
  // Not when the attack goes on with its object ("the GRU attack on the DNC": the name is the
  // attacker's) or the noun heads something else ("the Microsoft attack surface", "the FireEye
  // breach investigation").
  bool names_the_attack(size_t l, uint32_t sent) const {
    size_t t = l + 1;
    for (int n = 0; n < 3 && in_sentence(t, sent) && doc_.tokens[t].is_all_lower && !listed(t, words_.attack_event_nouns) &&
                    (listed(t, words_.malware_nouns) || one_of(word(t), {"cyber", "-", "data", "email", "network", "computer", "systems", "supply", "chain"}));
         ++n)
      ++t;
    if (!in_sentence(t, sent) || !doc_.tokens[t].is_all_lower || !listed(t, words_.attack_event_nouns)) return false;
    if (!in_sentence(t + 1, sent)) return true;
    const std::string_view next = word(t + 1);
    if (one_of(next, {"on", "against", "targeting", "of", "at", "into", "-"})) return false;
    return !(doc_.tokens[t + 1].is_all_lower && doc_.tokens[t + 1].is_word &&
             (listed(t + 1, words_.investigation_words) || listed(t + 1, words_.report_nouns) || listed(t + 1, words_.advisory_nouns) ||
              one_of(next, {"surface", "surfaces", "vector", "vectors", "simulation", "simulations", "team", "teams", "path", "paths", "notification", "notifications", "tools", "techniques", "detection", "protection", "prevention"})));
  }
  // A possessive and a product after the name ending at token l: "Fortra's GoAnywhere", "Cisco's routers",
  // "Apple's iMessage".
  bool possessive_product_after(size_t l, uint32_t sent) const {
    if (!in_sentence(l + 3, sent) || !one_of(word(l + 1), {"'", "’"}) || word(l + 2) != "s") return false;
    // (a name with a capital anywhere: "Apple's iMessage")
    const Token& next = doc_.tokens[l + 3];
    return (next.is_word && !next.is_all_lower && !next.is_digit) || (next.is_all_lower && listed(l + 3, words_.product_nouns));
  }
  // "a flaw in", "zero-days in", "a vulnerability of" right before token f (context/flaw-words.txt), or
  // over a few lower-case words of the product's part: "two bugs in the web interface of".
  bool flaw_before(size_t f, uint32_t sent) const {
    if (f < 2 || !in_sentence(f - 2, sent) || !one_of(word(f - 1), {"in", "of"})) return false;
    for (size_t u = f - 1; u >= 1 && u + 6 >= f && in_sentence(u - 1, sent); --u) {
      if (one_of(word(u), {"in", "of"}) && listed(u - 1, words_.flaw_words)) return true;
      if (!doc_.tokens[u - 1].is_all_lower) break;
    }
    return f >= 4 && in_sentence(f - 4, sent) && one_of(word(f - 2), {"day", "days"}) && word(f - 3) == "-" && word(f - 4) == "zero";
  }
  // An attack word ends the phrase before the colon at token c, over at most five lower-case words
  // or numbers of what was hit: "had hit three steel makers:", "breached two more agencies:".
  bool attack_before_colon(size_t c, uint32_t sent) const {
    for (size_t u = c; u >= 1 && u + 6 >= c && in_sentence(u - 1, sent); --u) {
      if (attack_act(u - 1) && !after_time_preposition(u - 1, sent)) return true;
      if (!(doc_.tokens[u - 1].is_all_lower || doc_.tokens[u - 1].is_digit) || speaker_verb(u - 1) || one_of(word(u - 1), {"which", "who", "that", "by"}))
        return false;
    }
    return false;
  }
  // The sentence is an item of a list that a sentence with an attack word or a noun for those hit
  // opens: "the targets included:" ... "- the Japan Aerospace Exploration Agency (JAXA);".
  // Asked by every name of the item, answered once per sentence.
  bool in_attack_list(uint32_t sent) const {
    return attack_list_.ask(doc_, sent, [&](const Sentence&) {
      const size_t lead = bullet_list_lead(doc_, sent);
      if (lead == std::string::npos) return false;
      const Sentence& s = doc_.sentences[lead];
      for (size_t t = s.first_token; t < s.end_token; ++t)
        if (attack_act(t) || (doc_.has_cue(t, kVictimNouns) && doc_.tokens[t].is_all_lower)) return true;
      return false;
    });
  }
  SentenceMemo attack_list_;
  // An attack word close before the name starting at token f: its object ("hacked into X", "the
  // network of X", "stole ... from X", "victims include X").
  bool attacked_before(size_t f, uint32_t sent) const {
    for (size_t t = f; t >= 1 && t + 9 >= f && in_sentence(t - 1, sent); --t) {
      const std::string_view w = word(t - 1);
      const bool glued = t >= 2 && word(t - 2) == "-";  // "the Tokyo-based exchange"
      // a list the colon opens after its attack: "said it had hit three steel makers: Khuzestan Steel, ..."
      if (w == ":") return t == f && attack_before_colon(t - 1, sent);
      // (nor past the opening of another clause: "learned of the breach in November, when an FBI agent called")
      // (but things of the name: "made off with records belonging to AT&T")
      const bool belonging = w == "to" && t >= 2 && in_sentence(t - 2, sent) && one_of(word(t - 2), {"belonging", "belonged", "belongs"});
      if (w == "by" && agent_between_attack_and_object(t - 1, f, sent)) return true;
      if (w == "by" || w == ";" || (w == "to" && !belonging) || speaker_verb(t - 1) || (doc_.has_cue(t - 1, kAttributionCues) && !glued) ||
          one_of(w, {"which", "who", "that", "when", "while", "because", "although", "though", "whereas", "until"}))
        break;
      // (not the time of the attack: "Three days after the attack, the FBI, CISA and ... issued")
      // (a verb of damage too: "claimed to have destroyed data at Bank Sepah")
      if ((doc_.has_cue(t - 1, kTargetCues) || listed(t - 1, words_.hack_words) || listed(t - 1, words_.damage_verbs)) && doc_.tokens[t - 1].is_all_lower &&
          !listed(t - 1, words_.target_cue_nouns))
        return !after_time_preposition(t - 1, sent);
      // a phrasal attack with its particle first: "the worm took down ministries, banks, Kyiv's
      // Boryspil International Airport"
      // (the name in the list that is its object, not past a phrase of place: "an attack that shut down
      // fuel deliveries along the US East Coast, the JBS incident")
      if (t >= 2 && in_sentence(t - 2, sent) && listed(t - 1, words_.split_attack_particles) && listed(t - 2, words_.split_attack_verbs) &&
          doc_.tokens[t - 1].is_all_lower && doc_.tokens[t - 2].is_all_lower) {
        bool phrase = false;
        for (size_t u = t; u < f && !phrase; ++u) phrase = one_of(word(u), {"along", "in", "at", "on", "across", "for", "from", "with", "to", "into", "of", "the"});
        if (!phrase) return true;
      }
      if (doc_.has_cue(t - 1, kVictimNouns) && one_of(word(t), {"of", "at"})) return true;  // "the network of Kyivstar"
      // a list of examples after the victims: "went after about 200 companies ..., including defence
      // contractors, electronics makers such as Mitsubishi Electric and Hitachi"
      // (not the attackers' machines: "the servers the group used, including IP addresses registered with China Unicom")
      bool machines = false;
      for (size_t u = t; u < f; ++u) machines = machines || listed(u, words_.infrastructure_nouns);
      // (and "among them": "its victims included environmental groups, among them Greenpeace")
      if ((one_of(w, {"including", "include", "included", "includes"}) || (w == "as" && t >= 2 && word(t - 2) == "such") ||
           (w == "them" && t >= 2 && word(t - 2) == "among")) &&
          !machines)
        for (size_t u = t - 1; u >= 1 && u + 30 >= t && in_sentence(u - 1, sent); --u) {
          const std::string_view v = word(u - 1);
          // (past who named them: "Victims named by the Justice Department include ...")
          const bool named_by = v == "by" && u >= 2 && in_sentence(u - 2, sent) &&
                                one_of(word(u - 2), {"named", "identified", "listed", "cited", "confirmed", "reported", "disclosed"});
          if (v == ";" || v == ":" || speaker_verb(u - 1) || one_of(v, {"which", "who"}) || (v == "by" && !named_by)) break;  // not "that": "in that period"
          // (also the sentence's first word: "Targets included the Foreign Ministry and JAXA")
          if (((doc_.has_cue(u - 1, kTargetCues) && !listed(u - 1, words_.target_cue_nouns)) || listed(u - 1, words_.hack_words)) &&
              (doc_.tokens[u - 1].is_all_lower || u - 1 == doc_.sentences[sent].first_token) && v != "against")
            return true;
          // (those caught up in it: "Those caught up included Stanford University, ...")
          if (v == "up" && u >= 2 && in_sentence(u - 2, sent) && one_of(word(u - 2), {"caught", "swept", "ensnared"})) return true;
        }
      // a list that goes on from a sentence about an attack or its victims: "Kimsuky spied on 11
      // organisations. They include the Sejong Institute, ..."
      if (one_of(w, {"include", "included", "includes", "were", "was", "are", "is"}) && !machines && list_goes_on_.ask(doc_, sent, [&](const Sentence&) { return list_goes_on(doc_, sent); }) == t - 1 && word(doc_.sentences[sent].first_token) != "others") {
        if (tells_of_an_attack(sent - 1)) return true;  // ("had identified 11 targets in South Korea" too)
      }
      // "stole $308 million in bitcoin from the exchange DMM Bitcoin", "a wave of attacks on the ministry"
      // (not the source of a report: "compromised 22 energy companies, according to a report from SektorCERT")
      if (w == "from" && t >= 2 && in_sentence(t - 2, sent) && (listed(t - 2, words_.report_nouns) || reporting_word(t - 2))) break;
      if (one_of(w, {"from", "on", "against", "into"}))
        for (size_t u = t - 1; u >= 1 && u + 12 >= t && in_sentence(u - 1, sent); --u) {
          const std::string_view v = word(u - 1);
          if (v == ";" || speaker_verb(u - 1) || one_of(v, {"which", "who", "that", "by"})) break;
          // (a hacking word too: "to pay for hacks on NASA")
          if ((doc_.has_cue(u - 1, kTargetCues) || listed(u - 1, words_.hack_words)) && doc_.tokens[u - 1].is_all_lower) return true;
        }
    }
    return false;
  }
  // The object of an attacker's claim, as a leak site lists its victims: "Last year it claimed the
  // Kansas City Area Transportation Authority", "Medusa claimed the school district" (not a claim
  // about it: "the gang claimed the FBI was lying").
  bool claimed_by_attacker(size_t f, size_t l, uint32_t sent) const {
    size_t t = f;
    if (t >= 1 && in_sentence(t - 1, sent) && word(t - 1) == "the") --t;
    if (t < 2 || !in_sentence(t - 2, sent) || !one_of(word(t - 1), {"claimed", "claims", "claiming"}) || !doc_.tokens[t - 1].is_all_lower) return false;
    if (in_sentence(l + 1, sent) && (one_of(word(l + 1), {"was", "were", "is", "are", "had", "has", "have", "would", "will", "did", "of", "as", "to"}) ||
                                     (word(l + 1) == "'" && in_sentence(l + 2, sent) && word(l + 2) == "s")))
      return false;
    // its subject: the group, an attacker noun or a pronoun, among the three words before
    for (size_t k = t - 1; k >= 1 && k + 3 >= t - 1 && in_sentence(k - 1, sent); --k)
      if ((k - 1 < group_token_.size() && group_token_[k - 1]) || (doc_.tokens[k - 1].is_all_lower && doc_.has_cue(k - 1, kAttackerNouns)) ||
          (one_of(word(k - 1), {"it", "they"}) && !doc_.tokens[k - 1].is_all_upper))
        return true;
    return false;
  }
  // An attack word among the six words before token f, with no punctuation between: "broke into
  // cyber security company FireEye" (not "the group's targeting fitted Moscow's goals, a
  // conclusion Kaspersky did not dispute").
  bool attack_word_just_before(size_t f, uint32_t sent) const {
    for (size_t t = f; t >= 1 && t + 6 >= f && in_sentence(t - 1, sent); --t) {
      if (!doc_.tokens[t - 1].is_word) return false;
      if (attack_word(t - 1)) return true;
    }
    return false;
  }
  // "released data from Minneapolis Public Schools", "sent phishing emails to the Labour Party",
  // "documents taken from the Arizona Department of Public Safety", "demanded $50 million from the
  // computer maker Acer"
  bool taken_from_or_sent_to(size_t f, uint32_t sent) const {
    size_t t = f;
    while (t >= 1 && in_sentence(t - 1, sent) && one_of(word(t - 1), {"the", "a", "an"})) --t;
    if (t < 3 || !in_sentence(t - 3, sent)) return false;
    // (past a description: "from the computer maker Acer")
    if (const size_t d = description_start(f, sent); d < t && d >= 3 && in_sentence(d - 3, sent) && word(d - 1) == "from") t = d;
    // (past a country's possessive: "taken from South Korea's Samsung")
    if (t >= 5 && word(t - 1) == "s" && word(t - 2) == "'" && country_token(t - 3)) {
      size_t c = t - 3;
      while (c >= 1 && country_token(c - 1)) --c;
      if (c >= 3 && in_sentence(c - 3, sent) && word(c - 1) == "from") t = c;
    }
    const std::string_view w = word(t - 1);
    if (w == "from") {
      // (not help given: "with support from Europol, the FBI and authorities in Romania")
      if (listed(t - 2, words_.owned_nouns) && doc_.tokens[t - 2].is_all_lower && !listed(t - 2, words_.support_words) &&
          speaks_of_attackers(sent, false))
        return true;
      // (not a sender it only posed as: "emails that appeared to come from the Bank of Russia")
      if (names_an_attacker(sent) && listed(t - 2, words_.taking_verbs) && doc_.tokens[t - 2].is_all_lower && word(t - 3) != "to") return true;
      if (theft_from(t - 1, sent) && (names_an_attacker(sent) || pronoun_opens_demand(t - 1, sent))) return true;
      // a demand with a sum or a ransom word between it and "from" (whoever makes it, "it" too:
      // "Earlier this year it demanded $50 million from Taiwanese computer maker Acer")
      bool sum = false;
      for (size_t u = t - 1; u >= 1 && u + 8 >= t && in_sentence(u - 1, sent); --u) {
        const std::string_view v = word(u - 1);
        if (one_of(v, {",", ";", ":", "and"})) break;
        sum = sum || v == "$" || doc_.tokens[u - 1].is_digit || listed(u - 1, words_.ransom_nouns);
        if (listed(u - 1, words_.demand_verbs) && doc_.tokens[u - 1].is_all_lower) return sum && (names_an_attacker(sent) || pronoun_opens_demand(u - 1, sent));
      }
      return false;
    }
    if (w == "to")
      return listed(t - 2, words_.message_nouns) && doc_.tokens[t - 3].is_all_lower &&
             (doc_.has_cue(t - 3, kTargetCues) || listed(t - 3, words_.hack_words) || listed(t - 3, words_.offensive_nouns));
    return false;
  }
  // The demand verb at v has a pronoun for its subject that opens the sentence, maybe after a time
  // phrase: "Earlier this year it demanded $50 million from ..." (the attacker the story is about; not
  // a speaker's "it": "the company said it had sought $2 million from its insurer").
  bool pronoun_opens_demand(size_t v, uint32_t sent) const {
    size_t p = v;
    while (p >= 1 && in_sentence(p - 1, sent) && verb_filler(p - 1)) --p;
    if (p < 1 || !in_sentence(p - 1, sent) || !one_of(word(p - 1), {"it", "they"})) return false;
    for (size_t k = doc_.sentences[sent].first_token + 1; k + 1 < p; ++k)
      if (doc_.tokens[k].is_upper_initial || speaker_verb(k) || listed(k, words_.reporter_verbs)) return false;
    return true;
  }
  // The attack word at k is the object of a time preposition: "after the attack", "since the breach".
  bool after_time_preposition(size_t k, uint32_t sent) const {
    for (size_t j = k; j >= 1 && j + 3 >= k && in_sentence(j - 1, sent); --j) {
      const std::string_view w = word(j - 1);
      // ("since" right after an auxiliary is an adverb: "the group has since hit Boeing")
      if (w == "since" && j == k && j >= 2 && in_sentence(j - 2, sent) && one_of(word(j - 2), {"has", "have", "had"})) return false;
      if (one_of(w, {"after", "before", "since", "following", "during", "until"})) return true;
      if (!one_of(w, {"the", "a", "an", "this", "that", "last", "latest", "first", "initial"})) return false;
    }
    return false;
  }

  // How many sentences after its name an attacker carried over (named in none of them) still has
  // reporters, and, past the article's first kLeadSentences sentences, victims named and victims'
  // sectors: further on, a paragraph is mostly background about other incidents ("In July a
  // ransomware attack on City Power ..."), while the lead still tells the story ("Among the victims
  // were AT&T, Verizon and Lumen"). On 36 dev sets, beyond these: reporters right 14 times and wrong
  // 56; victims and sectors together, right 15 times and wrong 79. Countries hit stay (cutting them
  // lost more than it gained).
  static constexpr uint32_t kCarriedReporter = 2, kCarriedVictim = 2, kCarriedSector = 4, kLeadSentences = 12;
  // A sentence before any attacker is named pairs with the first one the article names only when
  // that one comes at most this many sentences later (on 36 dev sets, further: 30 right, 81 wrong).
  static constexpr uint32_t kFirstAttackerAhead = 6;
  // The first token of a list of names the name at token f ends: names (with their article and
  // at most three lower-case words of description, "the law firm Jones Day", "South Korea's Samsung")
  // joined by ",", "and", "as well as". f itself when the name is not a later member of a list.
  static constexpr int kListMembers = 12;  // a hostile list of thousands costs no more than this per name
  static constexpr size_t kVictimReach = 80;  // tokens after a name that may hold its passive attack verb
  static constexpr size_t kMemberReach = 24;  // tokens one list member may span
  size_t name_list_start(size_t f, uint32_t sent) const {
    size_t k = member_start(f, sent, true), start = f;
    for (int members = 0; members < kListMembers && k >= 2 && in_sentence(k - 2, sent); ++members) {
      const size_t g = list_glue_start(k, sent);
      if (g == k) break;
      const size_t j = member_start(g, sent, false);
      if (j == g) break;
      k = start = j;
    }
    return start;
  }
  // Where the glue of a list before the member starting at token k starts: ",", "and", "or", "as well
  // as", ", along with", ", and", ", as well as", with the member's preposition said again ("intrusions at Impresa and
  // at Nvidia", "the networks of KBS and of YTN"); k when there is none.
  size_t list_glue_start(size_t k, uint32_t sent) const {
    size_t g = k;
    auto at = [&](size_t back, std::string_view w) { return g >= back && in_sentence(g - back, sent) && word(g - back) == w; };
    auto preposition = [&](size_t t) { return one_of(word(t), {"at", "on", "into", "against", "of", "from"}); };
    if (g >= 2 && in_sentence(g - 2, sent) && preposition(g - 1) && one_of(word(g - 2), {"and", "or", ",", "as"})) --g;
    if (at(1, "and") || at(1, "or")) --g;
    else if (at(1, "as") && at(2, "well") && at(3, "as")) g -= 3;
    else if (at(1, "with") && at(2, "along")) g -= 2;  // ", along with the FBI"
    if (at(1, ",")) --g;
    return g < k && !preposition(g) ? g : k;
  }
  // Where the list member ending before token g starts: a capitalised name with its article and at
  // most three lower-case words of description; g when there is none (no capitalised word).
  size_t member_start(size_t g, uint32_t sent, bool name) const {
    size_t j = g, lower = 0;
    while (j >= 1 && in_sentence(j - 1, sent) && g - j < kMemberReach) {
      const Token& t = doc_.tokens[j - 1];
      const std::string_view w = word(j - 1);
      if (t.is_upper_initial && t.is_word) { name = true; lower = 0; --j; continue; }
      if (w == "'" || w == "s" || w == "-" || w == "&" || t.is_digit) { --j; continue; }
      // (the stop of an abbreviation: "the U.S. arm of")
      if (w == "." && !t.space_before && j >= 2 && in_sentence(j - 2, sent) && doc_.tokens[j - 2].is_upper_initial) { --j; continue; }
      // (and its place: "Mobarakeh Steel Company in Isfahan")
      if ((w == "of" || w == "in") && j >= 2 && doc_.tokens[j - 2].is_upper_initial && name) { --j; continue; }
      // (a member described by what it belongs to: "the U.S. arm of German solar panel maker
      // SolarWorld", "a unit of Siemens"; context/ownership-words.txt)
      if (w == "of" && j >= 2 && in_sentence(j - 2, sent) && name && doc_.tokens[j - 2].is_all_lower && listed(j - 2, words_.ownership_words)) {
        --j;
        continue;
      }
      if (one_of(w, {"the", "a", "an"})) { --j; break; }
      // (a noun for those hit describes: "US technology companies Nvidia and Microsoft")
      if (t.is_word && t.is_all_lower && ++lower <= 3 && (!doc_.has_cue(j - 1, kTargetCues) || listed(j - 1, words_.target_cue_nouns)) &&
          !listed(j - 1, words_.hack_words) &&
          !one_of(w, {"of", "in", "by", "for", "to", "from", "at", "on", "with", "and", "or", "which", "who", "that", "said", "says"})) {
        --j;
        continue;
      }
      break;
    }
    return name ? j : g;
  }

  // A flaw in a product, not a tool someone used: "a ConnectWise ScreenConnect vulnerability",
  // "a flaw in Exchange".
  bool product_flaw(const Mention& m) const {
    const size_t f = doc_.token_starting_at(m.start), l = doc_.token_ending_at(m.end);
    if (f == std::string::npos || l == std::string::npos) return false;
    const uint32_t sent = doc_.tokens[f].sentence;
    if (in_sentence(l + 1, sent) && listed(l + 1, words_.flaw_words)) return true;
    size_t k = f;
    while (k >= 1 && in_sentence(k - 1, sent) && one_of(word(k - 1), {"the", "a", "an"})) --k;
    return k >= 2 && in_sentence(k - 2, sent) && word(k - 1) == "in" && listed(k - 2, words_.flaw_words);
  }
  // "BitPaymer, the ransomware used by the Evil Corp gang": the tool belongs to the group after it.
  bool used_by_after(const Mention& m) const {
    const size_t l = doc_.token_ending_at(m.end);
    if (l == std::string::npos) return false;
    const uint32_t sent = doc_.tokens[l].sentence;
    for (size_t k = l + 1; k + 1 < doc_.tokens.size() && k <= l + 6 && in_sentence(k + 1, sent); ++k)
      if (listed(k, words_.authorship_verbs) && word(k + 1) == "by") return true;
    return false;
  }

  void sentence(uint32_t sent, const std::vector<const Mention*>& ms) {
    for (const Mention* m : ms)
      if (m->type == MentionType::Operation)
        add("attributed-to", m->value, "operation", operation_group(doc_, rules_, *m), "actor", sent,
            m->entry != UINT32_MAX ? "campaign list" : "the group of the sentence or article");
    other_attacker_ = false;
    std::vector<Attacker> attackers = attackers_of(sent, ms);
    // an attack the sentence puts down to a tool no group of the article was shown using is some
    // other attacker's: "Danish rival Maersk was crippled by the NotPetya malware in 2017"
    if (attackers.empty())
      for (const Mention* m : ms)
        if (m->type == MentionType::Tool && owner_of_tool(*m).empty() && tool_is_agent(*m)) other_attacker_ = true;
    // a state's measures, not an attack: "Treasury also targeted three Garantex executives"
    if (attackers.empty() && sanctions_story())
      for (const Mention* m : ms)
        if (m->type == MentionType::Actor && actor_kind(*m, rules_) == "government")
          for (size_t k = doc_.token_ending_at(m->end) + 1, n = 0; n < 3 && in_sentence(k, sent); ++k, ++n)
            if (listed(k, words_.sanction_verbs)) return;
    // an attack the sentence ties to another state than the one the sentences before were about:
    // "the compromise of 3CX, which investigators blamed on North Korean hackers" in a story of a
    // Chinese group
    if (attackers.empty() && !focus_.empty())
      if (const std::string home = attacker_home(focus_[0].name, focus_[0].kind); !home.empty())
        for (const Mention* m : ms)
          // (not a charged member's nationality: a crew's members come from several countries, "four
          // Americans and a Briton")
          if (m->type == MentionType::Country && m->role == "attribution" && m->value != home && !m->suspect_nationality) other_attacker_ = true;
    // an attack told with no attacker that the next sentence puts down to a group other than the one
    // the sentences before were about: "JBS halted slaughterhouses after hackers encrypted its
    // systems. The FBI said that REvil was responsible" (not DarkSide, the story's group so far)
    // (also when the sentences before were about no attacker)
    if (attackers.empty() && !other_attacker_)
      if (const auto next = held_responsible_next(sent); next && (focus_.empty() || next->name != focus_[0].name)) attackers.push_back(*next);
    if (attackers.empty() && other_attacker_) {  // about some other attacker: nothing to carry over
      other_attackers_sentences_.insert(sent);
      focus_.clear();
      focus_list_.clear();
      return;
    }
    // a sentence about a tool the text has shown a group using is about that group: "CaddyWiper
    // was first uncovered by the Slovak security firm ESET" after "Sandworm deployed CaddyWiper"
    if (attackers.empty()) {
      for (const Mention* m : ms)
        if (const std::string owner = m->type == MentionType::Tool ? owner_of_tool(*m) : std::string(); !owner.empty()) {
          attackers.push_back({owner, "actor", std::string::npos, sent, "the group that uses " + m->value, true});
          break;
        }
    }
    if (doc_.in_title(doc_.sentences[sent].start) && (attackers.empty() || std::any_of(attackers.begin(), attackers.end(), [](const Attacker& a) { return !a.named; })))
      return;
    if (attackers.empty()) {
      // nothing named or referred to: the sentence goes on about the attacker before it, and a
      // lead sentence about the attacker named first
      // "It" opening the sentence after one about some other attacker's tool is that tool: "the
      // WannaCry ransomware began spreading. It hit Telefonica" names no group of the article
      if (focus_.empty() && sent >= 1 && other_attackers_sentences_.count(sent - 1) &&
          one_of(word(doc_.sentences[sent].first_token), {"it", "its"})) {
        other_attackers_sentences_.insert(sent);
        return;
      }
      if (!focus_.empty() && opens_a_dated_paragraph(sent)) {
        other_attackers_sentences_.insert(sent);
        focus_.clear();
        focus_list_.clear();
        return;
      }
      if (!focus_.empty()) {
        // (a sentence that tells of the attack again, "Companies were hit too", keeps the story on it:
        // the sentences after count from there)
        const bool goes_on = attack_opens(sent);
        for (auto a : focus_) {
          a.how = "the attacker of the sentences before";
          a.named = false;
          a.carried = true;
          attackers.push_back(a);
        }
        if (goes_on)
          for (auto& f : focus_) f.sentence = sent;
      } else if (const Attacker* a = later_of_country(sent, ms)) {
        Attacker b = *a;
        b.how = "the first attacker the article names from the country the sentence blames";
        attackers.push_back(b);
      } else if (!named_.empty() && (named_.front().sentence <= sent + kFirstAttackerAhead ||
                                     (sent < named_.front().sentence && puts_the_attack_down_to(named_.front()) &&
                                      !blames_another_state(sent, ms, named_.front())))) {
        // (a lead that names its attacker soon; one named only much later was about something else:
        // "Hospitals, power suppliers and railway operators must from Tuesday report cyber attacks")
        // (past the lead, the one the story is about: the attacker it names most, "Microsoft blamed
        // Hafnium" named five times after a list of "Tick, LuckyMouse, Calypso")
        Attacker a = sent > named_.front().sentence ? most_named() : named_.front();
        a.how = sent > named_.front().sentence && a.name != named_.front().name ? "the attacker the article names most" : "the first attacker the article names";
        attackers.push_back(a);
      }
      for (auto& a : attackers) a.token = std::string::npos;  // the whole sentence: every entity pairs with them
    } else if (!passing_mention(attackers.front())) {
      focus_ = {attackers.front()};
      // a list of groups named together: "Blacktech, Taidoor, MustangPanda and APT40"
      // (two names of one group are no list: "the GRU, Russia's military intelligence")
      auto listed_together = [&](const Attacker& a, const Attacker& b) {
        return b.named && a.token != std::string::npos && std::string_view(a.kind) == b.kind &&
               (coordinated(a.token, b.token) || partnered(a.token, b.token));
      };
      focus_list_.clear();
      for (size_t i = 0, j = 0; i < attackers.size() && focus_list_.size() < 2; i = j + 1) {
        focus_list_.clear();
        for (j = i; j + 1 < attackers.size() && listed_together(attackers[j], attackers[j + 1]); ++j) {}
        for (size_t k = i; k <= j; ++k)
          if (std::none_of(focus_list_.begin(), focus_list_.end(), [&](const Attacker& a) { return a.name == attackers[k].name; }))
            focus_list_.push_back(attackers[k]);
      }
      if (focus_list_.size() < 2) focus_list_.clear();
    }
    if (attackers.empty()) return;
    for (const Mention* m : ms) {
      const size_t t = doc_.token_starting_at(m->start);
      // a name the text itself calls a vendor or outlet ("the security news site SecurityAffairs")
      // reports as a listed one does
      const bool reporter = m->type == MentionType::Actor &&
                            (((m->entry != UINT32_MAX || one_of(m->kind, {"security-vendor", "media"})) && reporter_in_list(*m, ms)) ||
                             cosigns_advisory(*m, sent, attackers));
      // (a reporter also tells of the attackers of its sentence it names itself: "attributed the intrusion
      // to the Lazarus Group ... the campaign it calls Operation DreamJob")
      for (const Attacker* a : nearest(attackers, t, reporter || (m->type == MentionType::Tool && used_by_after(*m)) || compound_before_attacker(*m, attackers),
                                       reporter ? doc_.token_ending_at(m->end) : std::string::npos)) {
        const std::string& name = a->name;
        const char* kind = a->kind;
        const std::string cue = a->how;
        // sentences since the attacker carried over was named (a pronoun does not name it: "it also hit"
        // twenty sentences on is as loose as no word at all): a victim, a sector or a reporter far from
        // it is the story's background more often than the attacker's (kCarried*)
        const uint32_t carried_for = a->carried && sent > a->sentence ? sent - a->sentence : 0;
        switch (m->type) {
          case MentionType::Country:
            if (m->role == "target") add("targets", name, kind, m->value, "country", sent, "target role, " + cue);
            // (the attacker's home needs the attacker in the sentence: carried over, 9 of 9 were wrong)
            if (m->role == "attribution" && std::string(kind) == "actor" && a->named && home_fits(name, m->value))
              add("attributed-to", name, kind, m->value, "country", sent, "attribution role, " + cue);
            // a charged member's nationality is the crew's, carried over too, whatever home the rules give
            // it: "a Latvian national accused of writing code for the malware" in a story of Trickbot (a
            // crew the article names only later when the sentence names its own tool, "a Russian man
            // accused of writing code for the Trickbot malware"; not "charged a Russian national who built
            // Qakbot. He sold access to crews including Conti")
            else if (m->role == "attribution" && m->suspect_nationality && std::string(kind) == "actor" && criminal_group(name) &&
                     (a->sentence <= sent || names_a_tool_of(sent, ms, name)) && !(a->carried && carried_for > kCarriedReporter))
              add("attributed-to", name, kind, m->value, "country", sent, "a charged member's nationality, " + cue);
            break;
          case MentionType::Sector:
            // a victim's sector (roles.cpp: an attack word in its sentence, "many of the victims were
            // banks", or a list going on from one), not one named in passing ("the telecom company said")
            if (m->role == "target" && !(carried_for > kCarriedSector && sent >= kLeadSentences)) add("targets", name, kind, m->value, "sector", sent, "victim's sector in the sentence, " + cue);
            break;
          case MentionType::Tool:
            // (not a name in a list of attackers: "ransomware crews including Conti, REvil, ProLock and
            // Egregor", where a ransomware brand is one crew among the others)
            // (nor a tool the rules give to other groups: "NotPetya" in a story about Ragnar Locker is
            // the background's, tools_to_their_groups pairs it with its own group)
            // (an apposition that gives the tool to the group is no list: "ShadowPad, the APT41 group's
            // signature backdoor")
            if (!product_flaw(*m) && !(a->named && coordinated(t, a->token) && !(a->token > t && possessive_after_group(a->token))) &&
                !someone_elses_tool(*m, name, kind))
              add("uses", name, kind, m->value, "tool", sent, "tool in the sentence, " + cue);
            break;
          case MentionType::Actor: {
            if (attacker_kind(*m)) break;  // an attacker itself (a state body that attacks)
            if (names_its_members(*m)) break;
            const std::string& k = actor_kind(*m, rules_);
            // a victim somewhere in the article, unless here it tells of attackers named in the sentence
            // and is not itself attacked ("Microsoft said hackers it calls Strontium went after think
            // tanks" in a story where a Microsoft service is also named among those hit)
            const bool victim = victims_.count(m->value) > 0 && !(a->named && speaks_of_attackers(sent) && !org_is_victim(*m));
            // a body of the attacker's own state answers, it does not report ("China's foreign ministry said
            // the country was itself a victim" about the MSS)
            // (but a crew of criminals at home is one its state's agencies warn of: "The FBI and CISA warned
            // about the group in a joint advisory")
            const bool own_state = k == "government" && m->entry != UINT32_MAX && !rules_.actors[m->entry].country.empty() &&
                                   attacker_home(name, kind) == rules_.actors[m->entry].country &&
                                   !(known_criminal_group(name) && !sentence_denies(sent));
            // a plain organisation speaking of an attacker only carried over from the sentences before
            // tells of its own incident, it does not report the attacker ("Shell said that data held on
            // its FTA platform had been accessed", "Sky Mavis said it would reimburse users")
            // (not one that tells of the attackers or its researchers: "Microsoft said it had seen the
            // attackers forge tokens", "Researchers at BAE Systems found")
            const bool own_incident = k == "organization" && !a->named && !speaks_of_attackers(sent, false);
            // a state body that looks into it or helps, in a sentence naming no attacker, tells nobody's name
            // (not police that act: "the NCA said it had taken part" in a takedown, "the RCMP arrested him
            // in an investigation run with the FBI and Europol")
            const bool only_investigates = (k == "government" && !a->named && !takedowns_.count(name) && investigation_work(sent) && !police_work(sent) &&
                                            !takedown_work(sent)) ||
                                           // (or a regulator that punishes the victim: "the ICO said it intended to fine the airline")
                                           (k == "government" && !a->named && punishes_after(*m, sent));
            // (an attacker carried over from more than two sentences back has left the story: "The White
            // House said the summit would go ahead", "Avast said about 2.27 million people had installed
            // it"; on 36 dev sets such reporters were right 14 times and wrong 56)
            // (a plain organisation reports an attacker carried over only when its sentence speaks of
            // attackers: "Microsoft said it had seen the attackers forge login tokens"; else it tells of
            // its own incident or its products, "Yamaha said its Philippine unit had been hit")
            // (nor a body or outlet whose sentence has only a tool the text gave a group, "the White House
            // described NotPetya as the most damaging attack": it speaks of the malware, not the group; a
            // vendor that uncovered the tool does report its group)
            const bool far_carried = carried_for > kCarriedReporter ||
                                     (k == "organization" && a->carried && !a->named && !names_an_attacker(sent) && !observers_at(*m)) ||
                                     (k != "security-vendor" && a->how.rfind("the group that uses ", 0) == 0);
            if ((k == "security-vendor" || k == "government" || k == "media" || k == "organization") && reporter && !own_state &&
                !own_incident && !only_investigates && !(victim && k != "security-vendor") && !far_carried)
              add("reported-by", name, kind, m->value, "actor", sent, "in the reporter's place, " + cue);
            // the forces that ran a takedown report it, wherever the story tells what they did: "the
            // Dutch National Police and the FBI disrupted the RedLine stealer", "Sri Lanka Police arrested 12"
            else if (k == "government" && (takedowns_.count(name) || (a->by_name && !a->carried && a->sentence == sent)) && police_act_after(*m))
              add("reported-by", name, kind, m->value, "actor", sent, "police acting in the takedown, " + cue);
            // and the agent of a police action told in the passive: "whose servers were seized by the FBI"
            else if (k == "government" &&
                     (takedowns_.count(name) || (a->named && !a->carried && a->sentence == sent && enforcement_sentence(sent))) &&
                     agent_of_police_action(*m))
              add("reported-by", name, kind, m->value, "actor", sent, "the agent of a police action, " + cue);
            // (a security vendor is a victim only of an attacker the sentence names, or as the object of
            // an attack word right before it, "the hackers who broke into cyber security company
            // FireEye": else the attack words of its sentence are about its research, "the group used
            // Roundcube flaws, ESET said, to break into ..."; 0 of 12 were right on 32 dev sets)
            else if (!(k == "security-vendor" && !a->by_name && !attack_word_just_before(doc_.token_starting_at(m->start), sent)) &&
                     org_is_victim(*m) && !(carried_for > kCarriedVictim && sent >= kLeadSentences) && !own_state_body(*m, name, kind) &&
                     !named_as_parent(*m))
              add("targets", name, kind, m->value, "actor", sent, "object of an attack word, " + cue);
            break;
          }
          default:
            break;
        }
      }
    }
  }
};

}  // namespace

std::string operation_group(const Document& doc, const RuleSet& rules, const Mention& m) {
  if (m.entry != UINT32_MAX) {  // a known campaign: its group, or none (takedowns have none)
    const int actor = rules.campaigns[m.entry].actor;
    return actor >= 0 ? rules.actors[size_t(actor)].name : std::string();
  }
  std::set<std::string> in_sentence, in_article;
  const uint32_t sent = sentence_of(doc, m);
  for (const auto& o : doc.mentions) {
    if (!is_group(o, rules)) continue;
    in_article.insert(o.value);
    if (sentence_of(doc, o) == sent) in_sentence.insert(o.value);
  }
  if (in_sentence.size() == 1) return *in_sentence.begin();
  if (in_article.size() == 1) return *in_article.begin();
  return {};
}

void find_relations(Document& doc, const RuleSet& rules) { RelationFinder(doc, rules).run(); }

}  // namespace news
