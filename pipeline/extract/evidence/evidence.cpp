#include "extract/evidence/evidence.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/text.hpp"
#include "extract/operations/operations.hpp"

namespace news {

namespace {

class Evidence {
 public:
  Evidence(Document& doc, const RuleSet& rules) : doc_(doc), rules_(rules) {
    // A sentence is about cyber security when it has a cyber term or names a known
    // threat group, security vendor or tool unambiguously.
    cyber_sentence_.assign(doc.sentences.size(), false);
    for (size_t t = 0; t < doc.tokens.size(); ++t)
      if (doc.has_cue(t, kCyberTerms)) cyber_sentence_[doc.tokens[t].sentence] = true;
    for (const auto& c : doc.candidates) {
      if (c.ambiguous || c.entry == UINT32_MAX) continue;
      const bool cyber_entity = c.type == MentionType::Tool ||
                                (c.type == MentionType::Actor && (rules.actors[c.entry].kind == "threat-group" ||
                                                                  rules.actors[c.entry].kind == "security-vendor"));
      if (!cyber_entity) continue;
      const size_t f = doc.token_starting_at(c.start);
      if (f != std::string::npos) cyber_sentence_[doc.tokens[f].sentence] = true;
    }
  }

  void run() {
    drop_bodies_of_another_country();
    drop_acronyms_of_other_names();
    for (const auto& c : doc_.candidates)
      if (c.type == MentionType::Country) countries_named_.insert(c.value);
    for (const auto& c : doc_.candidates)
      if (!c.ambiguous && c.entry != UINT32_MAX && (c.type == MentionType::Actor || c.type == MentionType::Tool)) {
        entity_edge_.push_back(c.start);
        entity_edge_.push_back(c.end);
      }
    std::sort(entity_edge_.begin(), entity_edge_.end());
    for (const auto& c : doc_.candidates)
      if (c.type == MentionType::Sector) {
        sector_starts_.push_back({c.start, &c.value});
        sector_ends_.push_back(c.end);
      }
    std::sort(sector_starts_.begin(), sector_starts_.end());
    std::sort(sector_ends_.begin(), sector_ends_.end());
    // decided before any candidate is moved: the tests read the others
    std::vector<bool> no_sector_hit(doc_.candidates.size(), false);
    for (size_t i = 0; i < doc_.candidates.size(); ++i) {
      const Candidate& c = doc_.candidates[i];
      no_sector_hit[i] = c.type == MentionType::Sector && (names_a_news_source(c) || names_a_workplace(c) || describes_a_thing(c) ||
                                                           speaks(c) || government_speaks(c) || inside_a_name(c) || modifies_another_sector(c) ||
                                                           names_clients(c));
    }
    std::vector<Candidate> kept;
    kept.reserve(doc_.candidates.size());
    // First the unambiguous forms: they are evidence for the ambiguous ones ("Lazarus Group" ... "Lazarus").
    std::vector<size_t> ambiguous, pending_sectors;
    for (size_t i = 0; i < doc_.candidates.size(); ++i) {
      Candidate& c = doc_.candidates[i];
      if (c.type == MentionType::Country && (trapped(c) || currency(c) || language(c) || city_as_place(c))) continue;
      if (no_sector_hit[i]) continue;
      // Outside cyber news a sector word names an industry hit only in a sentence about an attack or
      // next to a cue ("the mining industry"): "the charity said", "a local school" are not sectors hit.
      if (c.type == MentionType::Sector && (c.ambiguous || !(cyber() || sentence_has(c, kTargetCues) || cyber_sentence(c)))) {
        pending_sectors.push_back(i);
        continue;
      }
      // A police raid or a charity's "Operation Smile" is not a cyber operation: an operation found by
      // a pattern needs cyber news or a cyber word in its sentence (known campaigns need no more).
      if (c.type == MentionType::Operation && c.entry == UINT32_MAX && !cyber() && !cyber_sentence(c)) continue;
      const bool group = c.type == MentionType::Actor && (c.entry != UINT32_MAX ? rules_.actors[c.entry].kind == "threat-group" : c.kind == "threat-group");
      if ((group || c.type == MentionType::Tool) && called_another_thing(c)) continue;
      if (c.type == MentionType::Actor && c.entry != UINT32_MAX && rules_.actors[c.entry].kind == "government" && names_a_market(c)) continue;
      if (c.ambiguous) { ambiguous.push_back(i); continue; }
      if (c.entry != UINT32_MAX) unambiguous_.insert({int(c.type), c.entry});
      kept.push_back(std::move(c));
    }
    std::vector<size_t> unsettled;
    std::set<uint32_t> groups_read;  // threat groups an ambiguous name of which was read as the group
    for (size_t i : ambiguous) {
      Candidate& c = doc_.candidates[i];
      if (std::string why = reason(c); !why.empty()) {
        // A cue next to the name settles its reading: "the Cuba ransomware gang" is the group, not the country.
        // So does the same entity named in full elsewhere ("The New York Times" ... "the Times").
        if (why.ends_with("-cue") || why == "named-elsewhere") c.priority += 20;
        if (c.type == MentionType::Actor && c.entry != UINT32_MAX && rules_.actors[c.entry].kind == "threat-group") groups_read.insert(c.entry);
        c.cue = why;
        kept.push_back(std::move(c));
      } else {
        unsettled.push_back(i);
      }
    }
    // A one-word group name at the start of a sentence ("Anonymous supporters have claimed attacks
    // on ...", "Play first surfaced in 2022") in cyber news whose other sentences read the same name
    // as the group: the group too. Not before a speaker's noun ("Anonymous sources said").
    for (size_t i : unsettled) {
      Candidate& c = doc_.candidates[i];
      if (c.type == MentionType::Actor && c.entry != UINT32_MAX && groups_read.count(c.entry) && cyber() && sentence_initial(c) &&
          !doc_.in_title(c.start) && !capitalised_after(c) && !inside_a_longer_name(c) && !listed(words_.speaker_heads, end_token(c))) {
        c.cue = "read as the group elsewhere";
        kept.push_back(std::move(c));
      }
    }
    settle_sectors(pending_sectors, kept);
    doc_.candidates = std::move(kept);
  }

 private:
  // "Data stolen from Bank Syariah Indonesia ... BSI's mobile banking app": a known acronym whose
  // letters begin the words of another name in the article is that name's, not the entity the
  // rules list under it (the German BSI). A name of the entity itself spelling it ("the National
  // Cyber Security Centre ... NCSC") keeps it.
  void drop_acronyms_of_other_names() {
    const auto& toks = doc_.tokens;
    std::map<std::string, uint32_t> acronyms;  // text -> entry
    for (const auto& c : doc_.candidates) {
      if ((c.type != MentionType::Actor && c.type != MentionType::Tool) || c.entry == UINT32_MAX || c.end - c.start < 2 || c.end - c.start > 6)
        continue;
      const std::string_view text = doc_.span(c.start, c.end);
      if (std::all_of(text.begin(), text.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })) acronyms.emplace(std::string(text), c.entry);
    }
    if (acronyms.empty()) return;
    std::set<std::string> taken;  // acronyms another name of the article spells
    auto capital = [&](size_t k) { return toks[k].is_word && toks[k].is_upper_initial && !toks[k].is_all_upper && !toks[k].is_digit; };
    for (size_t i = 0; i < toks.size(); ++i) {
      if (!capital(i)) continue;
      const size_t phrase_end = doc_.capitalised_phrase_end(i, capital, 13);
      std::string initials;  // of its first seven capitalised words
      size_t e = i;
      for (; e < phrase_end && initials.size() < 7; ++e)
        if (capital(e)) initials += char(doc_.norm[toks[e].start]);
      if (initials.size() >= 2)
        if (auto it = acronyms.find(initials); it != acronyms.end()) {
          const bool same_entity = std::any_of(doc_.candidates.begin(), doc_.candidates.end(), [&](const Candidate& c) {
            return c.entry == it->second && c.start <= toks[i].start && c.end >= toks[e - 1].end;
          });
          if (!same_entity) taken.insert(initials);
        }
      i = e - 1;
    }
    if (taken.empty()) return;
    std::erase_if(doc_.candidates, [&](const Candidate& c) {
      return (c.type == MentionType::Actor || c.type == MentionType::Tool) && c.entry != UINT32_MAX &&
             taken.count(std::string(doc_.span(c.start, c.end)));
    });
  }

  // "the Vietnamese Ministry of Public Security", "Indonesia's Ministry of Defence", "the
  // Netherlands' National Cyber Security Centre", "the National Cyber Security Centre of the
  // Netherlands", "NSM's National Cyber Security Centre": a government body's form tied to
  // another country (or to another country's body) is that country's body, not the one the
  // gazetteer lists under the shared name.
  void drop_bodies_of_another_country() {
    auto national_body = [&](const Candidate& c) {
      if (c.type != MentionType::Actor || c.entry == UINT32_MAX) return false;
      const ActorEntry& actor = rules_.actors[c.entry];
      return actor.kind == "government" && !actor.country.empty() && actor.country != "-";
    };
    if (std::none_of(doc_.candidates.begin(), doc_.candidates.end(), national_body)) return;
    std::map<uint32_t, std::string> country_ending_at, country_starting_at;  // byte offset -> ISO code
    for (const auto& c : doc_.candidates) {
      if (c.ambiguous) continue;
      if (c.type == MentionType::Country) {
        country_ending_at[c.end] = c.value;
        country_starting_at[c.start] = c.value;
      } else if (c.type == MentionType::Actor && c.entry != UINT32_MAX && rules_.actors[c.entry].kind == "government") {
        const std::string& home = rules_.actors[c.entry].country;
        if (!home.empty() && home != "-") country_ending_at.emplace(c.end, home);
      }
    }
    if (country_ending_at.empty()) return;
    const auto& toks = doc_.tokens;
    auto word = [&](size_t t) { return doc_.token_text(toks[t]); };
    auto apostrophe = [&](size_t t) { return word(t) == "'" || word(t) == "’"; };
    auto country_before = [&](size_t f) -> std::string {
      if (f >= 2 && word(f - 1) == "s" && apostrophe(f - 2)) f -= 2;  // "Indonesia's"
      else if (f >= 2 && apostrophe(f - 1) && word(f - 2).ends_with("s")) f -= 1;  // "the Netherlands'"
      if (f == 0 || toks[f - 1].sentence != toks[f].sentence) return {};
      const auto it = country_ending_at.find(toks[f - 1].end);
      return it == country_ending_at.end() ? std::string() : it->second;
    };
    auto country_after = [&](size_t l) -> std::string {  // "... of the Netherlands"
      size_t k = l + 1;
      if (k >= toks.size() || word(k) != "of") return {};
      if (++k < toks.size() && word(k) == "the") ++k;
      if (k >= toks.size() || toks[k].sentence != toks[l].sentence) return {};
      const auto it = country_starting_at.find(toks[k].start);
      return it == country_starting_at.end() ? std::string() : it->second;
    };
    std::erase_if(doc_.candidates, [&](Candidate& c) {
      if (!national_body(c)) return false;
      const ActorEntry& actor = rules_.actors[c.entry];
      const size_t f = doc_.token_starting_at(c.start), l = doc_.token_ending_at(c.end);
      if (f == std::string::npos || l == std::string::npos) return false;
      std::string other = country_before(f);
      if (other.empty() || other == actor.country) other = country_after(l);
      if (other.empty() || other == actor.country) return false;
      const uint32_t body = rules_.government_body(other, fold(doc_.span(c.start, c.end)));
      if (body == UINT32_MAX) return true;
      c.entry = body;  // that country's body of the same name
      c.value = rules_.actors[body].name;
      c.rule = rules_.actors[body].rule;
      c.cue = "country-in-text";
      return false;
    });
  }

  Document& doc_;
  const RuleSet& rules_;
  const ContextWords& words_ = *rules_.words;
  std::set<std::pair<int, uint32_t>> unambiguous_;
  std::set<std::string> countries_named_;  // ISO codes the article names (starred forms too)
  std::vector<uint32_t> entity_edge_;  // byte offsets where an unambiguous known entity starts or ends, sorted
  std::vector<std::pair<uint32_t, const std::string*>> sector_starts_;  // where sector candidates start, and their sector
  std::vector<uint32_t> sector_ends_;                                    // where sector candidates end

  // An industry's noun right before the name, as the name's description: "the pharmacy chain Boots",
  // "the state broadcaster RT", "the oil major Shell", "carmaker Nissan".
  bool industry_noun_before(const Candidate& c) const {
    const size_t f = first_token(c);
    if (f == std::string::npos || f == 0 || !same_sentence(f, f - 1) || !doc_.tokens[f - 1].is_all_lower) return false;
    return std::binary_search(sector_ends_.begin(), sector_ends_.end(), doc_.tokens[f - 1].end);
  }
  bool entity_edge(uint32_t b) const { return std::binary_search(entity_edge_.begin(), entity_edge_.end(), b); }
  std::vector<bool> cyber_sentence_;
  std::map<uint32_t, std::vector<bool>> trap_sentences_;  // only traps with a cue in the article
  bool traps_scanned_ = false;

  bool cyber_sentence(const Candidate& c) const {
    const size_t f = first_token(c);
    return f != std::string::npos && cyber_sentence_[doc_.tokens[f].sentence];
  }

  size_t first_token(const Candidate& c) const { return doc_.token_starting_at(c.start); }
  size_t end_token(const Candidate& c) const { return doc_.token_ending_at(c.end) + 1; }

  // A cue of `list` within `before` tokens before or `after` tokens after, in the same sentence.
  bool cue_near(const Candidate& c, int list, size_t before, size_t after) const {
    const size_t f = first_token(c), e = end_token(c);
    if (f == std::string::npos || e == 0) return false;
    const uint32_t sent = doc_.tokens[f].sentence;
    for (size_t k = f >= before ? f - before : 0; k < f; ++k)
      if (doc_.tokens[k].sentence == sent && doc_.has_cue(k, list)) return true;
    for (size_t k = e; k < doc_.tokens.size() && k < e + after; ++k)
      if (doc_.tokens[k].sentence == sent && doc_.has_cue(k, list)) return true;
    return false;
  }

  // The apposition right after the name has a cue of the list among its first words: "Doppelganger,
  // a Kremlin-directed influence campaign" (", a" or ", the", then at most five words or hyphens).
  bool appositive_head_cue(const Candidate& c, int list) const {
    const size_t f = first_token(c), e = end_token(c);
    if (f == std::string::npos || e + 2 >= doc_.tokens.size() || !same_sentence(f, e + 2) || doc_.folded_token(e) != ",") return false;
    if (!one_of(doc_.folded_token(e + 1), {"a", "an", "the"})) return false;
    for (size_t k = e + 2; k < doc_.tokens.size() && same_sentence(f, k) && k <= e + 7; ++k) {
      if (!doc_.tokens[k].is_word && doc_.folded_token(k) != "-") return false;
      if (doc_.has_cue(k, list) && doc_.tokens[k].is_all_lower) return true;
    }
    return false;
  }
  // An apposition that calls the name something else than an attacker or malware: "held at Carbanak,
  // a Ukrainian restaurant in Midtown", "Fancy Bear, a three-year-old filly" (context/other-thing-nouns.txt).
  bool called_another_thing(const Candidate& c) const {
    const size_t f = first_token(c), e = end_token(c);
    // or a noun of such a thing right before it: "Martin Scorsese's 2016 film \"Silence\"", "the
    // racehorse Fancy Bear" (over an opening quote)
    size_t b = f;
    if (b >= 1 && same_sentence(f, b - 1) && one_of(doc_.folded_token(b - 1), {"\"", "\u201c", "'", "\u2018"})) --b;
    if (b >= 1 && same_sentence(f, b - 1) && doc_.tokens[b - 1].is_all_lower && listed(words_.other_thing_nouns, b - 1)) return true;
    if (e + 2 >= doc_.tokens.size() || !same_sentence(f, e + 2) || doc_.folded_token(e) != ",") return false;
    size_t k = e + 1;
    if (!one_of(doc_.folded_token(k), {"a", "an", "the"})) return false;
    for (size_t n = 0; ++k < doc_.tokens.size() && same_sentence(f, k) && n < 5; ++n) {
      if (!doc_.tokens[k].is_word && doc_.folded_token(k) != "-") return false;
      // (the head of the apposition, before anything that qualifies it: not "a backdoor for restaurant tills")
      if (one_of(doc_.folded_token(k), {"for", "of", "in", "with", "that", "which", "who", "from", "on", "by", "to", "and", "or"})) return false;
      if (doc_.tokens[k].is_all_lower && listed(words_.other_thing_nouns, k)) return true;
    }
    return false;
  }
  // A government body's name right before a noun of markets is the market's: "disrupted trading in
  // the US Treasury market", "Treasury yields rose" (context/instrument-nouns.txt).
  bool names_a_market(const Candidate& c) const {
    const size_t f = first_token(c), e = end_token(c);
    return e < doc_.tokens.size() && same_sentence(f, e) && doc_.tokens[e].is_all_lower && listed(words_.instrument_nouns, e);
  }
  // An apposition that calls it a group: "Patchwork, another India-linked group, was named".
  bool group_apposition(const Candidate& c) const {
    const size_t f = first_token(c), e = end_token(c);
    if (f == std::string::npos || e == 0 || e + 2 >= doc_.tokens.size()) return false;
    const uint32_t sent = doc_.tokens[f].sentence;
    if (doc_.token_text(doc_.tokens[e]) != "," || doc_.tokens[e + 1].sentence != sent) return false;
    const std::string_view det = doc_.folded_token(e + 1);
    if (det != "a" && det != "an" && det != "another" && det != "the" && det != "one") return false;
    // (a group of attackers: "India-linked", "state-backed", "hacking", "espionage"; not "a quilting group")
    bool attackers = false;
    for (size_t k = e + 2; k < doc_.tokens.size() && k <= e + 7 && doc_.tokens[k].sentence == sent; ++k) {
      if (doc_.token_text(doc_.tokens[k]) == ",") return false;
      if (doc_.has_cue(k, kGroupCues) && doc_.tokens[k].is_all_lower) return attackers;
      attackers = attackers || doc_.has_cue(k, kCyberTerms) || doc_.has_cue(k, kAttackerNouns) || doc_.has_cue(k, kAttributionCues);
    }
    return false;
  }

  bool contains_cue(const Candidate& c, int list) const {
    const size_t f = first_token(c), e = end_token(c);
    for (size_t k = f; k < e && k < doc_.tokens.size(); ++k)
      if (doc_.has_cue(k, list)) return true;
    return false;
  }

  // The name is where the news was told: "first reported on Monday by Motherboard", "according to
  // Motherboard", "told Motherboard" (for an outlet whose name is also a word).
  bool told_by_or_to(const Candidate& c) const {
    const size_t f = first_token(c);
    if (f < 1 || !same_sentence(f - 1, f)) return false;
    const std::string_view before = doc_.folded_token(f - 1);
    if (before == "told") return true;
    if (before == "to") return f >= 2 && same_sentence(f - 2, f) && doc_.folded_token(f - 2) == "according";
    if (before != "by") return false;
    for (size_t k = f - 1; k >= 1 && k + 5 >= f - 1 && same_sentence(k - 1, f); --k)
      if (one_of(doc_.folded_token(k - 1), {"reported", "published", "revealed", "disclosed", "obtained", "seen", "reviewed"})) return true;
    return false;
  }
  bool sentence_initial(const Candidate& c) const {
    const size_t f = first_token(c);
    if (f == std::string::npos) return true;
    const Sentence& s = doc_.sentences[doc_.tokens[f].sentence];
    size_t k = s.first_token;
    while (k < f && !doc_.tokens[k].is_word) ++k;  // opening quotes, bullets
    return k == f;
  }

  bool listed(const WordList& list, size_t t) const { return t < doc_.tokens.size() && list.has(doc_.tokens[t].vocab); }
  bool same_sentence(size_t a, size_t b) const { return doc_.tokens[a].sentence == doc_.tokens[b].sentence; }
  // A capitalised word that is not the first of its sentence: a name, a demonym, a weekday.
  bool capitalised_inside(size_t t) const {
    return doc_.tokens[t].is_upper_initial && t > 0 && same_sentence(t - 1, t) && doc_.tokens[t - 1].is_word;
  }
  bool source_filler(size_t t) const { return listed(words_.source_fillers, t) || capitalised_inside(t); }

  // "according to the newspaper", "the news agency ANI", "Swiss newspapers have reported": a
  // news outlet the story cites is its source, not a communications company that was hit.
  bool names_a_news_source(const Candidate& c) const {
    const size_t f = first_token(c), e = end_token(c);
    if (f == std::string::npos || e == 0 || e > doc_.tokens.size()) return false;
    // "a technology news site", "the business newspaper": the sector word describes an outlet.
    if (e < doc_.tokens.size() && same_sentence(f, e) && doc_.tokens[e].space_before && listed(words_.news_source_nouns, e)) return true;
    bool news_noun = false;
    for (size_t k = f; k < e; ++k) news_noun = news_noun || listed(words_.news_source_nouns, k);
    if (!news_noun) return false;
    for (size_t k = e; k < doc_.tokens.size() && k < e + 4 && same_sentence(f, k); ++k) {
      if (listed(words_.source_verbs, k)) return true;
      if (!source_filler(k) && doc_.token_text(doc_.tokens[k]) != ",") break;
    }
    for (size_t k = f; k-- > 0 && f - k <= 5 && same_sentence(f, k);) {
      if (listed(words_.source_leads, k)) return true;
      // "Channel One, a Russian state television network": what a named outlet is.
      if (doc_.token_text(doc_.tokens[k]) == "," && k > 0 && same_sentence(k - 1, k) && doc_.tokens[k - 1].is_upper_initial) {
        const std::string_view det = doc_.token_text(doc_.tokens[k + 1]);
        if (det == "a" || det == "an" || det == "the") return true;
      }
      if (!source_filler(k)) break;
    }
    return false;
  }

  // "the Information Technology Act", "the Senate Banking Committee": capitalised sector words that
  // modify the next word of a longer name (in the body: a title capitalises every word).
  bool inside_a_name(const Candidate& c) const {
    const size_t f = first_token(c), e = end_token(c);
    if (f == std::string::npos || e == 0 || doc_.in_title(c.start)) return false;
    for (size_t k = f; k < e; ++k)
      if (doc_.tokens[k].is_word && !doc_.tokens[k].is_upper_initial) return false;
    auto capital_word = [&](size_t k) {
      return k < doc_.tokens.size() && same_sentence(f, k) && doc_.tokens[k].is_word && doc_.tokens[k].is_upper_initial &&
             doc_.tokens[k].space_before;
    };
    if (capital_word(e)) return true;  // (the head of a name is a sector: "Heinrich Heine University", "Odesa International Airport")
    // (the last word of a body's title: "the Ministry of Science, Innovation, Technology and
    // Telecommunications", "the Minister of Communication and Information Technology")
    for (size_t k = f; k-- > 0 && f - k <= 12 && same_sentence(f, k);) {
      const std::string_view w = doc_.folded_token(k);
      if (w == "of") return k >= 1 && same_sentence(f, k - 1) && doc_.tokens[k - 1].is_upper_initial &&
                            (listed(words_.government_name_heads, k - 1) || listed(words_.organization_name_heads, k - 1) ||
                             listed(words_.reporter_titles, k - 1));
      if (!(w == "," || w == "and" || w == "&" || (doc_.tokens[k].is_word && doc_.tokens[k].is_upper_initial))) return false;
    }
    return false;
  }

  // "a university hospital", "an energy trade association": a sector word right before another
  // sector's word modifies it; the head names the sector.
  bool modifies_another_sector(const Candidate& c) const {
    const size_t e = end_token(c);
    if (e == 0 || e >= doc_.tokens.size() || !doc_.tokens[e].space_before || !same_sentence(e - 1, e)) return false;
    const uint32_t next = doc_.tokens[e].start;
    for (auto it = std::lower_bound(sector_starts_.begin(), sector_starts_.end(), std::pair<uint32_t, const std::string*>{next, nullptr});
         it != sector_starts_.end() && it->first == next; ++it)
      if (*it->second != c.value) return true;
    return false;
  }

  // "a banking trojan", "bank details", "a bank loan": the sector word describes a thing.
  bool describes_a_thing(const Candidate& c) const {
    const size_t f = first_token(c), e = end_token(c);
    return f != std::string::npos && e < doc_.tokens.size() && same_sentence(f, e) && listed(words_.sector_description_heads, e);
  }

  // "government officials stressed", "a foreign ministry spokesman said": who speaks for it.
  bool speaks(const Candidate& c) const {
    const size_t f = first_token(c);
    size_t k = end_token(c);
    if (f == std::string::npos) return false;
    // (a sector word that speaks alone is often the victim itself: "the carmaker said production stopped")
    if (k >= doc_.tokens.size() || !same_sentence(f, k) || !listed(words_.speaker_heads, k)) return false;
    ++k;
    while (k < doc_.tokens.size() && same_sentence(f, k) && source_filler(k)) ++k;
    return k < doc_.tokens.size() && same_sentence(f, k) && listed(words_.sector_speaker_verbs, k);
  }

  // "the health ministry has told hospitals", "South Korea's finance ministry said it had no plan":
  // a government body that speaks alone answers for the state, unless it tells of its own that
  // were hit ("the foreign ministry said its network had been breached").
  bool government_speaks(const Candidate& c) const {
    if (!c.value.starts_with("government")) return false;
    const size_t f = first_token(c);
    size_t k = end_token(c);
    if (f == std::string::npos) return false;
    while (k < doc_.tokens.size() && same_sentence(f, k) && listed(words_.source_fillers, k)) ++k;
    if (k >= doc_.tokens.size() || !same_sentence(f, k) || !listed(words_.sector_speaker_verbs, k) || !doc_.tokens[k].is_all_lower) return false;
    for (size_t t = k + 1; t < doc_.tokens.size() && same_sentence(f, t) && t <= k + 12; ++t)
      if (one_of(doc_.token_text(doc_.tokens[t]), {"its", "their", "our"}))
        for (size_t u = t + 1; u < doc_.tokens.size() && same_sentence(f, u) && u <= t + 16; ++u)
          if (doc_.has_cue(u, kTargetCues) && doc_.tokens[u].is_all_lower) return false;
    return true;
  }

  // "NSO sells only to vetted government agencies", "sold its products to governments": those a
  // vendor sells to are its clients, not victims (rules/context/client-verbs.txt).
  bool names_clients(const Candidate& c) const {
    const size_t f = first_token(c);
    if (f == std::string::npos) return false;
    size_t k = f;
    while (k > 0 && f - k < 3 && same_sentence(f, k - 1) && doc_.tokens[k - 1].is_all_lower && doc_.token_text(doc_.tokens[k - 1]) != "to") --k;
    if (k < 2 || !same_sentence(f, k - 1) || doc_.token_text(doc_.tokens[k - 1]) != "to") return false;
    for (size_t v = k - 1; v > 0 && k - 1 - v < 4 && same_sentence(f, v - 1); --v)
      if (listed(words_.client_verbs, v - 1)) return true;
    return false;
  }

  // "a researcher at a Dutch university", "an analyst at a think tank", "an incident responder at a
  // Warsaw-based security consultancy", "a partner at the Santiago consultancy Andes Ciber", "who
  // runs a security consultancy in Bogota": where a speaker works. Words of the workplace's own
  // description (place, "-based", "security", "cyber") may stand between the preposition and the
  // sector word. A title that also fits a victim's staff ("an IT manager at the hospital") counts
  // only before an indefinite article ("a manager at a Midwest hospital chain").
  bool names_a_workplace(const Candidate& c) const {
    const size_t f = first_token(c);
    if (f == std::string::npos) return false;
    auto text = [&](size_t t) { return doc_.token_text(doc_.tokens[t]); };
    auto preposition = [&](size_t t) {
      const std::string_view w = text(t);
      return w == "at" || w == "of" || w == "from" || w == "with";
    };
    size_t k = f;
    while (k > 0 && f - k < 7 && same_sentence(f, k - 1) && !preposition(k - 1) &&
           (source_filler(k - 1) || listed(words_.workplace_modifiers, k - 1) || text(k - 1) == "'" || text(k - 1) == "’"))
      --k;
    const bool indefinite = k < f && (text(k) == "a" || text(k) == "an");
    if (k >= 1 && same_sentence(f, k - 1) && indefinite && listed(words_.workplace_verbs, k - 1)) return true;  // "who runs a consultancy"
    if (k < 2 || !same_sentence(f, k - 2) || !preposition(k - 1)) return false;
    return listed(words_.workplace_nouns, k - 2) || (indefinite && listed(words_.staff_titles, k - 2));
  }

  bool cyber() const { return enough_cyber_terms(doc_); }

  bool sentence_has(const Candidate& c, int list) const {
    const size_t f = first_token(c);
    return f != std::string::npos && doc_.sentence_has_cue(doc_.tokens[f].sentence, list);
  }

  // "the tech sector", "telecom companies": the head noun after a sector word belongs to the mention.
  void extend_over_sector_head(Candidate& c) const {
    size_t e = doc_.token_ending_at(c.end);
    if (e == std::string::npos) return;
    for (int k = 0; k < 2 && e + 1 < doc_.tokens.size(); ++k) {
      const Token& next = doc_.tokens[e + 1];
      if (!next.is_word || !next.space_before || !doc_.has_cue(e + 1, kSectorCues) || next.sentence != doc_.tokens[e].sentence) break;
      c.end = next.end;
      ++e;
    }
  }
  bool named_elsewhere(const Candidate& c) const { return unambiguous_.count({int(c.type), c.entry}) > 0; }
  // Two words or more, apart by a space ("Volt Typhoon"; not a dotted abbreviation, "E.U.").
  bool multi_word(const Candidate& c) const {
    return end_token(c) - first_token(c) > 1 && std::string_view(doc_.norm).substr(c.start, c.end - c.start).find(' ') != std::string_view::npos;
  }
  // A capital inside a word ("SideWinder", "BlackEnergy"): a name as written, no ordinary word at
  // the start of a sentence.
  bool inner_capital(const Candidate& c) const {
    const std::string_view text = std::string_view(doc_.norm).substr(c.start, c.end - c.start);
    for (size_t i = 1; i < text.size(); ++i)
      if (text[i] >= 'A' && text[i] <= 'Z' && text[i - 1] >= 'a' && text[i - 1] <= 'z') return true;
    return false;
  }

  // "Sichuan Silence Information Technology": an ambiguous name between capitalised words,
  // in mid-sentence (or one of several words followed by one), is a word of a longer name (a known entity, a group cue or a title next
  // to it does not count: "Kaspersky Silence report", "the Russian Silence Gang").
  bool inside_a_longer_name(const Candidate& c) const {
    const size_t f = doc_.token_starting_at(c.start), l = doc_.token_ending_at(c.end);
    if (f == std::string::npos || l == std::string::npos) return false;
    const auto& toks = doc_.tokens;
    auto capitalised_word = [&](size_t t) {
      return toks[t].is_word && toks[t].is_upper_initial && !toks[t].is_digit && toks[t].sentence == toks[f].sentence &&
             !doc_.has_cue(t, kGroupCues) && !doc_.has_cue(t, kTitles) && !entity_edge(toks[t].start) &&
             !entity_edge(toks[t].end);
    };
    const bool before = f > 0 && toks[f].space_before && capitalised_word(f - 1) &&
                        !(f - 1 == doc_.sentences[toks[f].sentence].first_token);
    const bool after = l + 1 < toks.size() && toks[l + 1].space_before && capitalised_word(l + 1);
    if (before && after) return true;
    // a name of several words needs only a capitalised word after it: "The National Assembly",
    // "the National Bank of Georgia" (even one that begins a known name)
    return l > f && l + 1 < toks.size() && toks[l + 1].space_before && toks[l + 1].is_word && toks[l + 1].is_upper_initial &&
           !toks[l + 1].is_digit && toks[l + 1].sentence == toks[f].sentence && !doc_.has_cue(l + 1, kGroupCues);
  }

  // "Ekans, also known as Snake, a ransomware strain": an ambiguous name given as another name of the
  // tool named right before it ("also known as", "aka", "or", a bracket) names that tool, not a group
  // (Turla's "Snake").
  bool another_name_of_a_tool(const Candidate& c) const {
    const size_t f = doc_.token_starting_at(c.start);
    if (f == std::string::npos || f < 2) return false;
    const uint32_t sent = doc_.tokens[f].sentence;
    auto w = [&](size_t t) { return doc_.tokens[t].sentence == sent ? doc_.folded_token(t) : std::string_view(); };
    size_t k = f;
    if (k >= 3 && w(k - 1) == "as" && w(k - 2) == "known") {
      k -= 2;
      if (k >= 1 && w(k - 1) == "also") --k;
    } else if (one_of(w(k - 1), {"aka", "or", "("})) {
      --k;
    } else {
      return false;
    }
    if (k >= 1 && w(k - 1) == ",") --k;
    if (k == 0 || doc_.tokens[k - 1].sentence != sent) return false;
    if (!tool_ends_) {
      tool_ends_.emplace();
      for (const Candidate& t : doc_.candidates)
        if (t.type == MentionType::Tool) tool_ends_->insert(t.end);
    }
    return tool_ends_->count(doc_.tokens[k - 1].end) > 0;
  }
  mutable std::optional<std::unordered_set<uint32_t>> tool_ends_;  // where the tool candidates end (found once)

  // The known tools of the candidates by sentence, with where each starts (found once), and whether
  // rules/tools/owners.tsv gives one to the actor entry `owner` (the sentences that name `owner`'s
  // tool, or the one starting at `start` when given).
  struct ToolAt { uint32_t start, entry; };
  bool owns_a_tool_in(uint32_t sent, uint32_t owner, uint32_t start = UINT32_MAX) const {
    if (!tools_by_sentence_) {
      tools_by_sentence_.emplace();
      for (const Candidate& t : doc_.candidates)
        if (t.type == MentionType::Tool && t.entry < rules_.tools.size())
          if (const size_t tf = doc_.token_starting_at(t.start); tf != std::string::npos)
            tools_by_sentence_->emplace(doc_.tokens[tf].sentence, ToolAt{t.start, t.entry});
    }
    for (auto [it, end] = tools_by_sentence_->equal_range(sent); it != end; ++it) {
      if (start != UINT32_MAX && it->second.start != start) continue;
      const auto& owners = rules_.tools[it->second.entry].owners;
      if (std::find(owners.begin(), owners.end(), owner) != owners.end()) return true;
    }
    return false;
  }
  mutable std::optional<std::unordered_multimap<uint32_t, ToolAt>> tools_by_sentence_;
  // A group's or a mercenary's name, then "'s" and a tool rules/tools/owners.tsv gives it:
  // "Sandworm's Industroyer2 malware", "Paragon's Graphite spyware".
  bool owner_of_tool_after(const Candidate& c) const {
    const size_t l = doc_.token_ending_at(c.end);
    if (l == std::string::npos || l + 3 >= doc_.tokens.size() || doc_.folded_token(l + 1) != "'" || doc_.folded_token(l + 2) != "s") return false;
    return owns_a_tool_in(doc_.tokens[l + 3].sentence, c.entry, doc_.tokens[l + 3].start);
  }
  // A tool rules/tools/owners.tsv gives the group anywhere in its sentence: "Sandworm unleashed
  // NotPetya", "Sandworm's hackers used Industroyer2" (a film's sandworm has no malware).
  bool own_tool_in_sentence(const Candidate& c) const {
    const size_t f = first_token(c);
    if (f == std::string::npos) return false;
    const uint32_t sent = doc_.tokens[f].sentence;
    return owns_a_tool_in(sent, c.entry);
  }

  std::string reason(const Candidate& c) const {
    if ((c.type == MentionType::Actor || c.type == MentionType::Tool) && inside_a_longer_name(c)) return "";
    if (c.type == MentionType::Actor && another_name_of_a_tool(c)) return "";
    if (c.entry != UINT32_MAX && named_elsewhere(c)) return "named-elsewhere";
    switch (c.type) {
      case MentionType::Actor: {
        const auto& a = rules_.actors[c.entry];
        if (a.kind == "threat-group") {
          if (cue_near(c, kGroupCues, 3, 3) || group_apposition(c)) return "group-cue";
          if (owner_of_tool_after(c)) return "its-tool-after";
          if (own_tool_in_sentence(c)) return "its-tool-in-sentence";
          // At the start of a sentence a single capitalised word may be any word ("Play it safe");
          // in cyber news two or more ("Volt Typhoon", "Midnight Blizzard") are a name.
          // (a word of a longer name is not: "members of the Royal Families" is no Royal gang)
          if ((cyber() || cyber_sentence(c)) && !sentence_initial(c) && (multi_word(c) || !capitalised_after(c))) return "cyber-context";
          if ((cyber() || cyber_sentence(c)) && inner_capital(c)) return "cyber-context";
          if (cyber() && multi_word(c)) return "cyber-context";
          return "";
        }
        if (a.kind == "person") return "";
        // "the National Election Commission" in a story about Cambodia is not South Korea's: an
        // ambiguous body's name counts only in a story that names its country
        if (a.kind == "government" && !a.country.empty() && a.country != "-" && !countries_named_.count(a.country)) return "";
        if (cue_near(c, kOrgCues, 2, 2)) return "organization-cue";
        if (industry_noun_before(c)) return "industry-noun-before";
        if (a.motivation == "mercenary" && owner_of_tool_after(c)) return "its-tool-after";
        if (a.kind == "media" && cyber() && told_by_or_to(c)) return "reporter-cue";
        if ((cyber() || cyber_sentence(c)) && multi_word(c) && !sentence_initial(c)) return "cyber-context";
        // "Apple", "Amazon": a company's one-word name written with its capital inside a sentence of
        // cyber news (not in the title, which capitalises every word), alone: not a word of a longer
        // name ("Tiananmen Square")
        // (a state body too, once its country is named: "members of Congress", "the Treasury's Office")
        if (cyber() && cyber_sentence(c) && !sentence_initial(c) && !doc_.in_title(c.start) &&
            doc_.tokens[first_token(c)].is_upper_initial && !doc_.tokens[first_token(c)].is_all_upper && !capitalised_neighbour(c))
          return "cyber-context";
        return "";
      }
      case MentionType::Tool:
        if (cue_near(c, kToolCues, 2, 2)) return "tool-cue";
        if ((cyber() || cyber_sentence(c)) && !sentence_initial(c)) return "cyber-context";
        return "";
      case MentionType::Operation:  // a bare name ("Aurora", "Olympic Games") needs a cue next to it
        // (or right after a quoted name and one word: "'Doppelganger' influence campaign"; or as the
        // head of its apposition: "Doppelganger, a Kremlin-directed influence campaign")
        if (cue_near(c, kGroupCues, 2, 3) || appositive_head_cue(c, kGroupCues)) return "campaign-cue";
        return "";
      case MentionType::Country:
        return "no-trap";  // traps were checked for every country candidate
      default:
        return "";
    }
  }

  bool capitalised_after(const Candidate& c) const {
    const size_t f = first_token(c), e = end_token(c);
    return e < doc_.tokens.size() && same_sentence(f, e) && doc_.tokens[e].is_word && doc_.tokens[e].is_upper_initial;
  }

  bool capitalised_neighbour(const Candidate& c) const {
    const size_t f = first_token(c), e = end_token(c);
    auto capital = [&](size_t k) { return k < doc_.tokens.size() && same_sentence(f, k) && doc_.tokens[k].is_word && doc_.tokens[k].is_upper_initial; };
    return (f >= 1 && capital(f - 1)) || capital(e);
  }

  bool phrase_at(size_t t, const std::vector<uint32_t>& phrase) const {
    if (t + phrase.size() > doc_.tokens.size()) return false;
    for (size_t k = 0; k < phrase.size(); ++k)
      if (doc_.tokens[t + k].vocab != phrase[k]) return false;
    return true;
  }

  // Per trap, the sentences holding one of its cues, for the traps with any: found for all
  // traps in one scan of the article, the first time a form with a trap appears.
  const std::vector<bool>* trap_sentences(uint32_t trap) {
    if (!traps_scanned_) {
      traps_scanned_ = true;
      const auto& start = rules_.trap_cue_start;
      for (size_t t = 0; t < doc_.tokens.size(); ++t) {
        const uint32_t id = doc_.tokens[t].vocab;
        if (id + 1 >= start.size()) continue;
        for (uint32_t r = start[id]; r < start[id + 1]; ++r) {
          const auto [which, cue] = rules_.trap_cue_refs[r];
          if (!phrase_at(t, rules_.traps[which].cues[cue])) continue;
          auto& hits = trap_sentences_[which];
          if (hits.empty()) hits.assign(doc_.sentences.size(), false);
          hits[doc_.tokens[t].sentence] = true;
        }
      }
    }
    auto it = trap_sentences_.find(trap);
    return it == trap_sentences_.end() ? nullptr : &it->second;
  }

  bool trapped(const Candidate& c) {
    if (c.form == UINT32_MAX) return false;
    const size_t ft = first_token(c);
    if (ft == std::string::npos) return false;
    const uint32_t sent = doc_.tokens[ft].sentence;
    for (uint32_t trap : rules_.forms[c.form].traps) {
      const auto* hits = trap_sentences(trap);
      if (hits && (rules_.traps[trap].article_scope || (*hits)[sent]))
        return true;
    }
    return false;
  }

  // "US$50 million", "NZ$2 million": a currency, not the country.
  bool currency(const Candidate& c) const {
    const size_t e = end_token(c);
    return e < doc_.tokens.size() && doc_.tokens[e].start == c.end && doc_.token_text(doc_.tokens[e]) == "$";
  }

  // A demonym that names a language: "written in fluent Spanish", "in Ukrainian, Russian and Polish",
  // "from English into Chinese", "Polish-language", "Italian-speaking countries", "a Ukrainian
  // keyboard layout", "set to Russian". The words are rules/context/language-*.txt.
  bool language(const Candidate& c) const {
    // (a plural names people: "sent to Northern Mariana Islanders")
    if (c.form == UINT32_MAX || rules_.forms[c.form].kind != FormKind::Demonym || rules_.forms[c.form].plural_demonym()) return false;
    const size_t f = first_token(c), e = end_token(c);
    if (f == std::string::npos || e == std::string::npos) return false;
    auto in = [&](size_t k) { return k < doc_.tokens.size() && same_sentence(f, k); };
    auto w = [&](size_t k) { return doc_.folded_token(k); };
    auto in_list = [&](size_t k, const WordList& l) { return in(k) && listed(l, k); };
    // after: "-language", "-speaking", "speakers", "keyboard"
    // (not a crew it names: "a Russian-speaking extortion gang" ties the gang to the country, as
    // news and annotators read it)
    if (in(e) && w(e) == "-" && in_list(e + 1, words_.language_nouns)) {
      for (size_t k = e + 2; k <= e + 4 && in(k) && doc_.tokens[k].is_all_lower; ++k)
        if (doc_.has_cue(k, kAttackerNouns)) return false;
      return true;
    }
    if (in_list(e, words_.language_nouns)) return true;
    // before: "in", "into", "from", "to" (over "fluent", "good", "broken"), and the word after ends
    // the phrase (not "in Russian hands", "to Chinese hackers")
    size_t b = f;
    while (b >= 1 && in(b - 1) && in_list(b - 1, words_.language_adjectives)) --b;
    const bool ends = !in(e) || !doc_.tokens[e].is_word || one_of(w(e), {"and", "or", "but", "as", "with", "by", "on", "than"});
    if (!ends) return false;
    if (b >= 1 && in(b - 1) && in_list(b - 1, words_.language_leads)) return true;
    // a later member of a list that opens so: "in Ukrainian, Russian and Polish", "in Chinese and English"
    for (size_t k = f, n = 0; k >= 2 && in(k - 1) && n < 12; --k, ++n) {
      const std::string_view g = w(k - 1);
      if (!(g == "," || g == "and" || g == "or" || doc_.tokens[k - 1].is_upper_initial)) break;
      if (doc_.tokens[k - 1].is_upper_initial && k >= 2 && in(k - 2) && in_list(k - 2, words_.language_leads)) return true;
    }
    return false;
  }

  // A capital named as a place, not for its government: "the EU delegation in Moscow", "a summit in
  // Helsinki", "Moscow-based". It names no country (news writes "Moscow denied", "Beijing-backed",
  // "blamed Moscow", "officials in Pyongyang" for the government; those stay). The words before are
  // rules/context/place-prepositions.txt. A dateline ("WELLINGTON - Hospitals across the region")
  // stays: it places the story's victims.
  bool city_as_place(const Candidate& c) const {
    if (c.form == UINT32_MAX || rules_.forms[c.form].kind != FormKind::Capital) return false;
    const size_t f = first_token(c), e = end_token(c);
    if (f == std::string::npos || e == std::string::npos || e == 0) return false;
    const auto& toks = doc_.tokens;
    auto in = [&](size_t k) { return k < toks.size() && same_sentence(f, k); };
    if (in(e + 1) && doc_.token_text(toks[e]) == "-" && doc_.folded_token(e + 1) == "based") return true;
    // a place whose name joins it to another: "the Athens-Clarke County Library"
    if (in(e + 1) && doc_.token_text(toks[e]) == "-" && !toks[e].space_before && !toks[e + 1].space_before && toks[e + 1].is_upper_initial &&
        !toks[e + 1].is_all_upper && in(e + 2) && toks[e + 2].is_upper_initial)
      return true;
    size_t b = f;
    if (b >= 1 && in(b - 1) && doc_.folded_token(b - 1) == "the") --b;
    if (!(b >= 1 && in(b - 1) && listed(words_.place_prepositions, b - 1))) return false;
    // "officials in Pyongyang denied", "the government in Tehran": the capital stands for its government
    for (size_t k = b - 1; k >= 1 && in(k - 1) && k + 3 > b; --k)
      if (listed(words_.government_nouns, k - 1)) return false;
    // the place ends there: not "in Beijing's name", "from Moscow-backed groups"
    return !in(e) || !(doc_.token_text(toks[e]) == "'" || doc_.token_text(toks[e]) == "’" || doc_.token_text(toks[e]) == "-");
  }

  static bool coordinator(std::string_view w) { return w == "and" || w == "or" || w == "," || w == "&" || w == "as" || w == "well"; }

  void settle_sectors(const std::vector<size_t>& pending_idx, std::vector<Candidate>& kept) {
    // Accepted sector mentions by their first and last token, so that a pending one looks
    // only at its neighbours (a list is at most a few tokens away), never at every sector.
    std::vector<uint8_t> starts(doc_.tokens.size() + 1, 0), ends(doc_.tokens.size() + 1, 0);
    auto mark = [&](const Candidate& a) {
      const size_t f = first_token(a), l = doc_.token_ending_at(a.end);
      if (f != std::string::npos) starts[f] = 1;
      if (l != std::string::npos) ends[l] = 1;
    };
    for (const auto& k : kept)
      if (k.type == MentionType::Sector) mark(k);
    auto listed_with_accepted = [&](const Candidate& c) {
      const size_t f = first_token(c), l = doc_.token_ending_at(c.end);
      if (f == std::string::npos || l == std::string::npos) return false;
      // Left: "..., banks and [energy]"; right: "[energy] and telecommunications"; "the" after the
      // glue too ("government bodies, the military, the defence industry and the media").
      auto glue = [&](size_t k, bool after_coordinator) {
        const std::string_view w = doc_.token_text(doc_.tokens[k]);
        return coordinator(w) || (after_coordinator && doc_.folded_token(k) == "the");
      };
      for (size_t k = f; k-- > 0 && f - k <= 4;) {
        if (ends[k] && k + 1 < f) return true;
        if (!glue(k, k > 0 && coordinator(doc_.token_text(doc_.tokens[k - 1])))) break;
      }
      for (size_t k = l + 1; k < doc_.tokens.size() && k - l <= 4; ++k) {
        if (starts[k] && k > l + 1) return true;
        if (!glue(k, coordinator(doc_.token_text(doc_.tokens[k - 1])))) break;
      }
      return false;
    };
    // One noun of sectors shared by a list of words: "companies in the industrial, technology, media
    // and telecommunications sectors" (each word of the list, one word each, then the noun).
    auto list_shares_cue = [&](const Candidate& c) {
      const size_t l = doc_.token_ending_at(c.end);
      if (l == std::string::npos) return false;
      size_t k = l + 1;
      for (int items = 0; items < 8; ++items) {
        bool glued = false;
        while (k < doc_.tokens.size() && same_sentence(l, k) && coordinator(doc_.token_text(doc_.tokens[k]))) ++k, glued = true;
        if (!glued || k >= doc_.tokens.size() || !same_sentence(l, k) || !doc_.tokens[k].is_word || !doc_.tokens[k].is_all_lower) return false;
        ++k;  // the next word of the list
        if (k < doc_.tokens.size() && same_sentence(l, k) && doc_.has_cue(k, kSectorCues) && doc_.tokens[k].is_all_lower) return true;
      }
      return false;
    };
    // A noun of sectors, then "in": "compromised organisations in finance, transportation and
    // construction", "companies in the energy and mining" (the list's other words follow it there).
    auto cue_then_in = [&](const Candidate& c) {
      size_t k = first_token(c);
      if (k == std::string::npos || k < 2) return false;
      if (doc_.folded_token(k - 1) == "the") --k;
      if (k < 2 || doc_.folded_token(k - 1) != "in" || !same_sentence(k - 2, k)) return false;
      return doc_.tokens[k - 2].is_all_lower && doc_.has_cue(k - 2, kSectorCues);
    };
    // A state's government right after an attack word: "hacked the Czech government", "attacks on
    // Germany's government" (tiers.tsv then reads it as the national one).
    // (the first token of the country candidate ending at each byte: found once, not per sector word)
    std::unordered_map<uint32_t, size_t> country_first_by_end;
    for (const Candidate& o : doc_.candidates)
      if (o.type == MentionType::Country) country_first_by_end[o.end] = first_token(o);
    auto attacked_state_government = [&](const Candidate& c) {
      if (c.value != "government") return false;
      size_t k = first_token(c);
      if (k == std::string::npos || k < 2) return false;
      if (k >= 3 && doc_.folded_token(k - 1) == "s" && doc_.folded_token(k - 2) == "'") k -= 2;
      const auto country = country_first_by_end.find(doc_.tokens[k - 1].end);
      if (country == country_first_by_end.end() || country->second == std::string::npos || country->second < 1) return false;
      k = country->second;
      if (k >= 1 && one_of(doc_.folded_token(k - 1), {"the", "a"})) --k;
      // (over a preposition of attacks or the things of the government: "attacks on", "targeted
      // officials of", "breached the networks of")
      // (not "on behalf of the Iranian government": the thing before "of" is one that is hit)
      if (k >= 3 && doc_.folded_token(k - 1) == "of") {
        if (!(doc_.tokens[k - 2].is_all_lower && (doc_.has_cue(k - 2, kSectorCues) || doc_.has_cue(k - 2, kVictimNouns)))) return false;
        for (size_t b = k - 2; b >= 1 && b + 4 >= k && same_sentence(b - 1, k); --b) {
          if (!doc_.tokens[b - 1].is_all_lower) return false;
          if (doc_.has_cue(b - 1, kTargetCues) && doc_.folded_token(b - 1) != "on") return true;
        }
        return false;
      }
      if (k >= 2 && one_of(doc_.folded_token(k - 1), {"on", "at", "into"})) --k;
      return k >= 1 && same_sentence(k - 1, first_token(c)) && doc_.tokens[k - 1].is_all_lower && doc_.has_cue(k - 1, kTargetCues);
    };
    // People (context/victim-people-nouns.txt) as the object of an attack word, over a number or a
    // determiner: "used to target journalists", "spyware used against two activists" (in cyber news).
    auto attacked_object = [&](const Candidate& c) {
      size_t k = first_token(c);
      const size_t l = doc_.token_ending_at(c.end);
      if (k == std::string::npos || k < 1 || l == std::string::npos || !(cyber() || cyber_sentence(c))) return false;
      if (!rules_.words->victim_people_nouns.has(doc_.tokens[l].vocab)) return false;
      if (k >= 2 && same_sentence(k - 1, k) && (doc_.tokens[k - 1].is_digit ||
                                                  one_of(doc_.folded_token(k - 1), {"the", "two", "three", "several", "dozens", "many", "prominent", "some"})))
        --k;
      return same_sentence(k - 1, first_token(c)) && doc_.tokens[k - 1].is_all_lower && doc_.has_cue(k - 1, kTargetCues) &&
             !doc_.has_cue(k - 1, kSectorCues);
    };
    std::vector<Candidate> newly;
    std::vector<bool> done(pending_idx.size(), false);
    for (bool changed = true; changed;) {  // a list accepts its members one after another
      changed = false;
      for (size_t i = 0; i < pending_idx.size(); ++i) {
        if (done[i]) continue;
        Candidate& c = doc_.candidates[pending_idx[i]];
        std::string why;
        if (cue_near(c, kSectorCues, 1, 3) || (!c.ambiguous && contains_cue(c, kSectorCues)) || list_shares_cue(c) || cue_then_in(c))
          why = "sector-cue";
        else if (attacked_state_government(c))
          why = "a state's government attacked";
        else if (attacked_object(c))
          why = "object of an attack word";
        else if ((cyber() || cyber_sentence(c)) && listed_with_accepted(c)) why = "sector-list";
        if (why.empty()) continue;
        c.cue = why;
        done[i] = true;
        changed = true;
        mark(c);
        newly.push_back(c);
      }
    }
    for (auto& c : newly) kept.push_back(std::move(c));
    for (auto& c : kept)
      if (c.type == MentionType::Sector) extend_over_sector_head(c);
  }
};

}  // namespace

void weigh_evidence(Document& doc, const RuleSet& rules) { Evidence(doc, rules).run(); }

}  // namespace news
