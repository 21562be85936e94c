// Everything the extractors know, loaded from a rules folder and compiled
// once into an immutable set that all worker threads share read-only.
//
//   Problems problems;
//   std::unique_ptr<const RuleSet> rules = RuleSet::load("rules", problems);
//   if (!problems.empty()) { for (auto& p : problems) std::cerr << p.to_string() << '\n'; return 2; }
//
// Thread safety: after load() returns, every member is read-only and safe to
// use from any number of threads.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "core/document.hpp"
#include "rules/prefilter.hpp"
#include "rules/tsv.hpp"

namespace news {

// Folded token -> id; 0 is "not a known token". Looked up once per token of every
// article, so it is an open-addressing table over one buffer of key bytes rather than
// a node-based map (which cost a cache miss or two per token).
class Vocabulary {
 public:
  uint32_t intern(const std::string& folded);
  uint32_t find(std::string_view folded) const;
  size_t size() const { return count_; }

 private:
  struct Slot {
    uint32_t hash = 0, id = 0;  // id 0: empty slot
    uint32_t offset = 0, length = 0;  // the key in chars_
  };
  std::vector<Slot> slots_;  // a power of two in size, at most half full
  std::string chars_;
  size_t count_ = 0;
  void grow();
};

// Phrases of vocabulary ids -> payloads, walked token by token. The root's edges are an
// array indexed by token (every token of an article asks it); the others are one flat
// open-addressing table keyed by (node, token), behind a bitset of their hashes small
// enough to stay in cache ("the" + most next words is no edge, and asking the table for
// it was a cache miss each time).
class PhraseTrie {
 public:
  static constexpr uint32_t kRoot = 0;
  void insert(const std::vector<uint32_t>& phrase, uint32_t payload);
  // Child of `node` by `token`, or UINT32_MAX.
  uint32_t child(uint32_t node, uint32_t token) const {
    if (node == kRoot) return token < root_.size() ? root_[token] : UINT32_MAX;
    if (edges_.empty()) return UINT32_MAX;
    const uint64_t key = (uint64_t(node) << 32) | token;
    const uint64_t bit = filter_bit(key);
    if (!((filter_[bit >> 6] >> (bit & 63)) & 1)) return UINT32_MAX;
    const size_t mask = edges_.size() - 1;
    for (size_t i = slot_of(key) & mask;; i = (i + 1) & mask) {
      if (edges_[i].key == key) return edges_[i].child;
      if (edges_[i].key == kNoKey) return UINT32_MAX;
    }
  }
  // After freeze(), the payloads of all nodes sit in one array (a per-node vector was a
  // cache miss for every cue word of every article).
  std::span<const uint32_t> payloads(uint32_t node) const {
    if (payload_start_.empty()) return payloads_[node];
    return {payload_data_.data() + payload_start_[node], payload_start_[node + 1] - payload_start_[node]};
  }
  size_t nodes() const { return payload_start_.empty() ? payloads_.size() : payload_start_.size() - 1; }
  // Ends building: insert() may not be called afterwards.
  void freeze();

 private:
  static constexpr uint64_t kNoKey = ~uint64_t(0);  // node UINT32_MAX never exists
  struct Edge {
    uint64_t key = kNoKey;
    uint32_t child = 0;
  };
  static size_t slot_of(uint64_t key) { return size_t((key * 0x9E3779B97F4A7C15ull) >> 32); }
  uint64_t filter_bit(uint64_t key) const { return ((key * 0xD6E8FEB86659FD93ull) >> 32) & (filter_.size() * 64 - 1); }
  void add_edge(uint64_t key, uint32_t child);
  std::vector<uint32_t> root_;  // token -> child of the root, or UINT32_MAX
  std::vector<Edge> edges_;  // a power of two in size, at most half full
  std::vector<uint64_t> filter_;  // bit filter_bit(key) set for every key in edges_; 8 bits per slot
  size_t edge_count_ = 0;
  std::vector<std::vector<uint32_t>> payloads_{1};  // while building
  std::vector<uint32_t> payload_start_, payload_data_;  // after freeze()
};

enum class FormKind : uint8_t { Name, Alias, Abbreviation, Informal, Demonym, Capital, Cue };

// What a gazetteer form stands for.
struct FormEntry {
  MentionType type = MentionType::Actor;  // Tool for tools; cue lists use `cue_list`
  uint32_t entity = 0;                    // index into actors / countries / sectors / campaigns / tools
  RuleRef rule;
  FormKind kind = FormKind::Name;
  bool ambiguous = false;
  bool generated = false;      // added by the loader (a regular plural), not written in the file
  bool all_caps = false;       // an acronym (FT, SEC): matches only an all-capitals occurrence
  bool needs_capital = false;  // written with capitals: an all-lower-case match does not count
  int8_t cue_list = -1;        // >= 0: this form is a cue word of that list
  std::string surface;         // the form as written in the rule
  std::vector<uint32_t> traps; // indexes into RuleSet::traps that apply to this form (countries)
  // A demonym for the people ("Russians", "Northern Mariana Islanders"), not the adjective.
  bool plural_demonym() const { return kind == FormKind::Demonym && surface.ends_with("s"); }
};

struct ActorEntry {
  std::string id, name, kind, country, mitre, motivation;
  std::vector<std::string> sectors;  // STIX industry sectors of an organisation (its `sectors` column)
  RuleRef rule;
};
// The sectors a victim of an actor kind belongs to when its own entry lists none
// (rules/sectors/actor-kinds.tsv: a state's ministry hit is government-national, NATO government,
// a newspaper communications).
struct KindSectors {
  std::vector<std::string> sectors;
  std::vector<std::string> national_sectors;  // for a body of one state (its entry has a country); empty: `sectors`
  RuleRef rule;
};
struct CountryEntry {
  std::string code, name;
  RuleRef rule;
};
struct CampaignEntry {
  std::string id, name;
  int actor = -1;  // index into actors
  RuleRef rule;
  bool takedown = false;  // a law-enforcement operation against the attackers (kind `takedown`)
};
struct ToolEntry {
  std::string id, name, kind;
  RuleRef rule;
  // rules/tools/owners.tsv: the groups known to use it, indexes into RuleSet::actors (empty: any
  // group may), and the line that says so
  std::vector<uint32_t> owners;
  RuleRef owners_rule;
};
struct TrapEntry {
  std::string form_folded;
  bool article_scope = false;
  std::vector<std::vector<uint32_t>> cues;  // phrases of vocab ids
  RuleRef rule;
};
// A line of a scraped page that is not the story (layout/boilerplate.tsv); the end of a title that
// names the site ("... | Reuters"; place TitleEnd); a dateline that opens the text ("KYIV, Jan 5
// (Reuters) -"; place TextStart); a line the text has had before (place Repeat). The last three have
// an RE2 of their own.
struct BoilerplateRule {
  enum class Place { Top, Bottom, Anywhere, TitleEnd, TextStart, Repeat };
  std::string id;
  Place place = Place::Anywhere;
  RuleRef rule;
  std::unique_ptr<RE2> re;  // TitleEnd: runs to the end of the title; TextStart: from the start of the text; Repeat: the whole line
  std::vector<int> skip_groups;  // TextStart: the captures named skip... (what is blanked); none: the whole match
};

struct OperationPattern {
  std::string id;
  int priority = 0;
  std::unique_ptr<RE2> re;
  int name_group = 0;  // index of the (?P<name>...) capture
  bool may_cross_lines = true;  // see news::may_cross_lines
  RuleRef rule;
};
struct DatePattern {
  std::string id, type, resolver;
  std::unique_ptr<RE2> re;
  int span_group = 0;  // index of the (?P<span>...) capture, 0 (the whole match) without one
  RuleRef rule;
};
// A named list of single words: a rules/context/*.txt file that is no cue list (reporting
// verbs, takedown verbs, ...), asked by token: is this token's vocabulary id in it.
struct WordList {
  uint32_t file = 0;                 // index into RuleSet::files
  // By vocabulary id, one bit: the list has the word. (A bit, not the word's line: the relation and
  // role stages ask lists hundreds of times a sentence, and a few kilobytes a list stay in cache.)
  std::vector<uint64_t> words;
  bool has(uint32_t vocab_id) const { return (vocab_id >> 6) < words.size() && (words[vocab_id >> 6] >> (vocab_id & 63) & 1) != 0; }
  void add(uint32_t vocab_id) {
    if ((vocab_id >> 6) >= words.size()) words.resize((vocab_id >> 6) + 1, 0);
    words[vocab_id >> 6] |= uint64_t(1) << (vocab_id & 63);
  }
};
// An unknown name written the way news writes names of its kind ("a group known as X",
// "X ransomware gang", "a campaign dubbed X"): rules/names/*.tsv.
struct NamePattern {
  std::string id;
  MentionType type = MentionType::Actor;  // Actor (with `kind`), Operation or Tool
  std::string kind;                       // actors: threat-group, organization, ...; tools: malware, tool
  int priority = 0;
  std::string country;  // a naming scheme's family gives the country ("<Word> Typhoon": CN); empty: from the context
  bool whole = false;   // the capture is the name as written: a leading sentence word means no name ("The Tempest")
  std::unique_ptr<RE2> re;
  int name_group = 0;  // index of the (?P<name>...) capture, or of (?P<list>...)
  // The capture is a list of names ("seven groups behind the wave: APT36, Pakistan Cyber Force and
  // Team Insane PK"): each of its names is one of this kind when another of them is a name of this
  // kind the rules know or another pattern found.
  bool list = false;
  // Captures named in_<list>: each must hold a word of rules/context/<list>.txt.
  struct ListedCapture {
    int group;
    const WordList* list;
  };
  std::vector<ListedCapture> listed;
  bool may_cross_lines = true;  // see news::may_cross_lines
  RuleRef rule;
};
// Hashes a std::string and a std::string_view alike, so a map keyed by strings is asked with a
// view (a token's folded form) without building a string.
struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// A date word list: folded form -> value.
struct DateList {
  std::string name;
  std::unordered_map<std::string, std::string, StringViewHash, std::equal_to<>> values;  // folded form -> value
  std::vector<std::pair<std::string, RuleRef>> forms;  // as written, for pattern expansion
  // Bit n of lengths_by_first[b]: a key starts with byte b and has n bytes (31: 31 or more).
  // Most words of a sentence are ruled out by it without hashing them.
  std::array<uint32_t, 256> lengths_by_first{};
  void note_key(std::string_view key) {
    if (!key.empty()) lengths_by_first[static_cast<unsigned char>(key[0])] |= 1u << std::min<size_t>(key.size(), 31);
  }
  bool contains(std::string_view key) const {
    if (key.empty() || !((lengths_by_first[static_cast<unsigned char>(key[0])] >> std::min<size_t>(key.size(), 31)) & 1)) return false;
    return values.contains(key);
  }
};

extern const std::array<const char*, 34> kStixSectors;

// Indexes (ascending) of the patterns that can match `text` according to `set`; all of
// them when there is no set. Empty when none can.
std::vector<int> patterns_that_may_match(const RE2::Set* set, size_t pattern_count, const re2::StringPiece& text);
// The same into `which` (its room kept between calls).
void patterns_that_may_match(const RE2::Set* set, size_t pattern_count, const re2::StringPiece& text, std::vector<int>& which);

// Whether some part of the RE2 pattern can match a line break ("\s", "[^.]", "\W", "." under
// (?s), ...). Errs towards true: false means that no match of it holds a "\n", so the
// pattern can run over each line on its own (with the whole text as context) and find the
// same matches as over the whole text.
bool may_match_newline(std::string_view pattern);
// Whether `re` can match the empty string somewhere (tried at every kind of boundary). Such a
// pattern could find the same empty match at the end of one line and the start of the next.
bool may_match_empty(const RE2& re);
// Whether a match of `re` may hold a "\n" other than as its last byte, or be empty: false lets
// it run line by line (PatternLines), each line with its "\n". Errs towards true.
bool may_cross_lines(const RE2& re);
// For a pattern that may cross lines: the longest run of its parts that cannot match a line break,
// as a pattern of its own ("["“'‘]Operation [A-Z0-9]" of "["“'‘](?P<name>Operation [A-Z0-9][^.]{1,40}?)["”'’]").
// Every match of the pattern holds a match of it within one line, so a set asking it line by line
// misses no article the pattern matches. "(?:)" (matches everywhere) when there is none.
std::string line_part(const RE2& re);

// Which patterns of a set may match on which line of a text: lines are [start, end) with their
// "\n", from the line holding `from` to the end; `hits` holds (pattern, line) pairs in order of
// pattern, then line. A pattern that cannot cross lines (may_cross_lines) has no match on a line
// it is not listed for there; running it over each of its lines with the whole text as context
// ([start, end) of RE2::Match) finds every match a run over the whole text finds, in the same
// order. Kept between articles so that its vectors are reused.
struct PatternLines {
  std::vector<std::pair<uint32_t, uint32_t>> lines;
  std::vector<std::pair<int, uint32_t>> hits;
  std::vector<int> which;
  // `blank`: what the set says of a blank line ("\n" alone), asked once when the rules load.
  void find(const RE2::Set* set, const std::vector<int>& blank, size_t pattern_count, const re2::StringPiece& text, size_t from);
  // The same with a PatternFilter, which may list a pattern on a line where it has no match.
  void find(const PatternFilter* filter, size_t pattern_count, std::string_view text, size_t from);
  // The range of `hits` for pattern p, given the index where the previous (smaller) pattern's ended.
  size_t end_of(int p, size_t begin) const {
    while (begin < hits.size() && hits[begin].first == p) ++begin;
    return begin;
  }
  // The next match of `re` at or after `pos`: on the lines of hits [hit, end_hit), moving `hit` on
  // to the line of the match; or, when `whole` (a pattern that may cross lines), over the whole
  // text from there if any line holds its line_part.
  bool next_match(const RE2& re, const re2::StringPiece& text, bool whole, size_t& hit, size_t end_hit, size_t& pos,
                  re2::StringPiece* m, int n) const {
    if (whole) return hit < end_hit && pos <= text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, m, n);
    for (; hit < end_hit; ++hit) {
      const auto [start, end] = lines[hits[hit].second];
      pos = std::max<size_t>(pos, start);
      if ((pos < end || (pos == end && end == text.size())) && re.Match(text, pos, end, RE2::UNANCHORED, m, n)) return true;
    }
    return false;
  }
};

// Cue lists, by number (FormEntry::cue_list).
enum CueList : int8_t {
  kCyberTerms = 0, kGroupCues, kSectorCues, kToolCues, kTitles, kGivenNames, kGivenNamesAmbiguous,
  kAttributionCues, kTargetCues, kFutureCues, kNotNames, kOrgCues, kAttackerNouns, kVictimNouns, kObserverNouns,
  kAttributionAfter, kCueListCount
};

class RuleSet;
// The rules/context word lists the stages read, found once when the rules load (not by name per
// article). A missing file stops the load: the stage would silently find nothing.
struct ContextWords {
  ContextWords(const RuleSet& rules, Problems& problems);
  // the relation finder
  const WordList &reporter_verbs, &reporting_words, &speaker_verbs, &denial_words, &flaw_words, &takedown_verbs, &hack_words,
      &operation_nouns, &not_attacker_references, &reporter_titles, &reporter_heads, &report_nouns, &authorship_verbs,
      &target_cue_nouns, &legal_action_words, &infrastructure_nouns, &leak_site_words,
      &split_attack_verbs, &split_attack_particles, &security_vendor_descriptors, &sanction_verbs, &sanction_words, &account_nouns, &offensive_nouns, &investigation_words, &accusation_verbs,
      &member_nouns, &software_nouns, &web_page_nouns, &incident_verbs, &suffer_verbs, &disclosure_verbs, &response_words, &police_action_words, &damage_verbs, &outbreak_verbs, &other_thing_nouns, &instrument_nouns, &organization_name_heads, &government_name_heads, &comparison_words, &alias_words, &alias_breakers,
      &weak_cyber_terms, &ownership_words, &payment_verbs, &ransom_nouns, &instigation_verbs, &advisory_nouns, &naming_verbs, &taking_verbs, &demand_verbs, &operator_verbs,
      &compulsion_verbs, &advice_verbs, &member_state_nouns, &attack_event_nouns, &crew_nouns, &impersonation_words,
      &intruder_nouns, &name_nouns, &claim_words, &verb_fillers, &recovery_verbs, &deployment_words, &client_nouns, &group_link_nouns, &theft_words, &buyer_verbs, &victim_people_nouns, &device_nouns, &member_people_nouns, &sum_words,
      &partnership_words, &subsidiary_nouns, &filing_nouns, &employee_nouns, &possession_nouns;
  // country roles (and the lists above they share)
  const WordList &country_speaker_verbs, &bare_attribution_cues, &with_attribution_cues, &list_leads, &vendor_words,
      &irregular_attack_verbs, &home_words, &cosigner_nouns, &cosign_cues, &business_words, &force_nouns, &origin_words, &personal_data_nouns,
      &organization_descriptors, &maker_verbs, &product_nouns, &suspect_nouns, &owned_nouns, &legal_story_words, &attacker_people,
      &malware_nouns, &malware_verbs, &support_words, &event_nouns, &punish_words, &message_nouns, &helper_verbs,
      &tally_verbs, &hosting_words, &blame_verbs, &hedge_adverbs, &conflict_nouns, &hypothetical_words, &residence_verbs, &outage_words;
  // the evidence stage: a capital named as a place
  const WordList &place_prepositions, &government_nouns;
  // the operations finder: a vendor's tracking name is no campaign
  const WordList &tracking_verbs;
  // unknown names
  const WordList &not_name_words, &not_cluster_words, &name_joiners, &company_suffixes;
  // the evidence stage: sector words that name the story's source or a speaker's workplace
  const WordList &news_source_nouns, &source_leads, &source_verbs, &source_fillers, &workplace_nouns, &workplace_verbs, &workplace_modifiers, &staff_titles, &sector_description_heads,
      &speaker_heads, &sector_speaker_verbs, &client_verbs;
  // the evidence stage: a demonym that names a language
  const WordList &language_nouns, &language_adjectives, &language_leads;
  // the sentence splitter
  const WordList &abbreviations_never_final, &abbreviations_maybe_final, &sentence_starters;
  // the people finder
  const WordList &compound_adjective_tails, &status_titles, &quote_verbs, &name_particles;
};

class RuleSet {
 public:
  // `threads` above 1 lets the sets of patterns compile in parallel with the rest of the load.
  static std::unique_ptr<RuleSet> load(const std::string& dir, Problems& problems, unsigned threads = 1);

  std::string dir;
  std::vector<std::string> files;  // RuleRef::file indexes this, paths as "rules/actors/x.tsv"
  std::string rule_location(const RuleRef& r) const;

  Vocabulary vocab;
  PhraseTrie trie;
  std::vector<FormEntry> forms;
  // What the gazetteer asks of every matched form, packed beside `forms` (same index) so
  // that a cue word does not pull its whole FormEntry into cache.
  struct FormMatchBits {
    int8_t cue_list = -1;
    bool needs_capital = false, all_caps = false;
    // a cyber term made only of everyday words (rules/context/weak-cyber-terms.txt) and articles:
    // "attack", "the attackers"; set once the word lists are loaded
    bool weak_cyber = false;
  };
  std::vector<FormMatchBits> form_bits;

  std::vector<ActorEntry> actors;
  std::vector<CountryEntry> countries;
  std::vector<std::string> sectors;  // STIX terms, index = entity
  std::vector<CampaignEntry> campaigns;
  std::vector<ToolEntry> tools;
  std::vector<TrapEntry> traps;
  // Vocabulary id -> the (trap, cue) pairs whose cue phrase starts with that token, so one
  // scan of an article finds the cues of every trap: trap_cue_refs[trap_cue_start[id] ..
  // trap_cue_start[id + 1]) (ids past the end start none).
  std::vector<uint32_t> trap_cue_start;
  std::vector<std::pair<uint32_t, uint32_t>> trap_cue_refs;
  std::vector<OperationPattern> operation_patterns;
  std::vector<NamePattern> name_patterns;
  // Asked line by line (PatternLines): a pattern that may cross lines is there by its line_part.
  // A PatternFilter, not one RE2::Set: over text it has not seen, a set of these patterns (names
  // of every shape before or after a descriptor) builds DFA states at 3-10 MB/s.
  std::unique_ptr<PatternFilter> name_prefilter;
  // rules/context/<name>.txt files that are no cue list, by <name>.
  std::unordered_map<std::string, WordList> word_lists;
  // The list of that name; an empty one when the rules folder has none.
  const WordList& word_list(const std::string& name) const;
  std::unique_ptr<const ContextWords> words;  // set by load()
  std::vector<BoilerplateRule> boilerplate;
  std::unique_ptr<RE2::Set> boilerplate_set;  // their patterns, in order, each matched against a whole line
  std::vector<BoilerplateRule> title_ends;    // the rows of place title-end, in order
  std::vector<BoilerplateRule> text_starts;   // the rows of place text-start, in order
  std::vector<BoilerplateRule> repeats;       // the rows of place repeat, in order
  std::unique_ptr<RE2::Set> operation_prefilter;  // line by line, as name_prefilter
  std::vector<int> operation_prefilter_blank;
  std::vector<DatePattern> date_patterns;
  std::unique_ptr<RE2::Set> date_prefilter;  // which date patterns can match an article at all
  std::vector<std::unique_ptr<RE2>> date_blockers;  // spans where no date may be found
  std::unique_ptr<RE2::Set> date_blocker_prefilter;
  std::unordered_map<std::string, DateList> date_lists;
  // By vocabulary id: the token is a month or weekday name (never a person's name). Made
  // once at load so that the people finder needs no lookup per capitalised token.
  std::vector<bool> calendar_word;
  bool is_calendar_word(uint32_t vocab_id) const { return vocab_id < calendar_word.size() && calendar_word[vocab_id]; }
  // An actor mention's kind: its entry's, else the one the finder that found it gave.
  const std::string& actor_kind(const Candidate& m) const { return m.entry != UINT32_MAX ? actors[m.entry].kind : m.kind; }
  bool is_group(const Candidate& m) const { return m.type == MentionType::Actor && actor_kind(m) == "threat-group"; }
  // A company that sells intrusion or surveillance to governments (rules/actors/mercenaries.tsv).
  bool is_mercenary(const Candidate& m) const {
    return m.type == MentionType::Actor && m.entry != UINT32_MAX && actors[m.entry].motivation == "mercenary";
  }

  // Government bodies by their country and a name their forms end with ("NL|national cyber
  // security centre" from "Dutch National Cyber Security Centre"): a shared name the text
  // ties to a country ("the Netherlands' National Cyber Security Centre") finds that
  // country's body. A name two bodies of one country end with is left out.
  std::unordered_map<std::string, uint32_t> government_body_by_country_name;
  // countries/subdivisions.tsv: a state, province or city (folded) -> the code of its country
  struct Subdivision { std::string country; RuleRef rule; };
  std::unordered_map<std::string, Subdivision> subdivision_country;
  // The index into actors, or UINT32_MAX.
  uint32_t government_body(std::string_view country, std::string_view folded_name) const;

  std::unordered_map<std::string, KindSectors> sectors_of_kind;
  // rules/sectors/parents.tsv: a specific sector -> its general one, and the rule that says so
  struct SectorParent { std::string parent; RuleRef rule; };
  std::unordered_map<std::string, SectorParent> sector_parent;
  // rules/sectors/tiers.tsv: a general sector read as one of its tiers when what comes right
  // before says which ("Ukrainian government agencies": government-national).
  struct SectorTier {
    std::string sector, tier;
    bool after_country = false;       // a country's name, adjective or possessive comes before
    std::vector<std::string> words;   // or one of these words (folded)
    RuleRef rule;
  };
  std::vector<SectorTier> sector_tiers;
  // The sectors a victim belongs to, and the rule that says so: the entry's own, else its kind's.
  std::pair<const std::vector<std::string>*, RuleRef> victim_sectors(const ActorEntry& a) const;

  size_t sectors_count() const { return kStixSectors.size(); }
  int country_index(std::string_view code) const;
  int actor_index(std::string_view id) const;
  // Entries whose canonical name is `name`, in file order (a name may be shared across kinds).
  const std::vector<uint32_t>& actors_named(std::string_view name) const;
  const std::string* date_list_value(const std::string& list, std::string_view text) const;

 private:
  friend class RuleLoader;
  void index_government_bodies();
  void mark_weak_cyber_terms();
  uint32_t file_ref(const std::string& path);
  std::unordered_map<std::string, int> country_by_code_, actor_by_id_;
  std::unordered_map<std::string, std::vector<uint32_t>> actors_by_name_;
};

}  // namespace news
