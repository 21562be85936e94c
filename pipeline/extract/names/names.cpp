#include "extract/names/names.hpp"

#include <algorithm>
#include <cctype>
#include <climits>
#include <unordered_map>

#include "core/text.hpp"

namespace news {

namespace {

// The candidates found before this stage, by position: which ones overlap a span is a binary
// search, not a pass over all of them (per match, that was quadratic on hostile text).
class CandidateIndex {
 public:
  explicit CandidateIndex(const std::vector<Candidate>& cands) : cands_(cands) {
    by_start_.resize(cands.size());
    for (uint32_t i = 0; i < by_start_.size(); ++i) {
      by_start_[i] = i;
      longest_ = std::max(longest_, cands[i].end - cands[i].start);
    }
    std::sort(by_start_.begin(), by_start_.end(), [&](uint32_t a, uint32_t b) { return cands[a].start < cands[b].start; });
  }
  // Indexes of the candidates overlapping [s, e), in the order of the candidate list.
  const std::vector<uint32_t>& overlapping(uint32_t s, uint32_t e) {
    found_.clear();
    const uint32_t from = s > longest_ ? s - longest_ : 0;
    auto it = std::lower_bound(by_start_.begin(), by_start_.end(), from, [&](uint32_t i, uint32_t v) { return cands_[i].start < v; });
    for (; it != by_start_.end() && cands_[*it].start < e; ++it)
      if (s < cands_[*it].end) found_.push_back(*it);
    std::sort(found_.begin(), found_.end());
    return found_;
  }
  const Candidate& operator[](uint32_t i) const { return cands_[i]; }

 private:
  const std::vector<Candidate>& cands_;
  std::vector<uint32_t> by_start_, found_;
  uint32_t longest_ = 0;
};

// A gazetteer candidate (known actor, tool, country) overlaps [s, e): the words are something
// known ("the Russian-speaking gang", "the Microsoft Exchange flaw"). A person the people finder
// guessed is not: "Sichuan Silence, a Chinese hacking group" is no person. An organisation's name
// may hold a country or capital after its first word ("Port of Lisbon", "Bank of Ireland"): that is
// its country.
// With `people_too`, a person found there is no organisation either ("said Paul Kerrigan, a former
// water plant operator").
bool overlaps_known(CandidateIndex& known, uint32_t s, uint32_t e, bool organisation, std::string& country, bool people_too = false) {
  for (uint32_t i : known.overlapping(s, e)) {
    const Candidate& c = known[i];
    if (people_too && c.type == MentionType::Actor && c.kind == "person") return true;
    // (or opens it, with more of the name after: "the Scottish Environment Protection Agency")
    // (the first, when it holds two: "the Russian embassy in Berlin" is Russia's)
    if (c.type == MentionType::Country && organisation && c.start >= s && c.end <= e && (c.start > s || c.end < e)) {
      if (country.empty()) country = c.value;
      continue;
    }
    // (nor an ambiguous name that opens a longer institution's: "the National Electric Energy Agency"
    // is no outlet called The National)
    if (c.type == MentionType::Actor && c.ambiguous && organisation && c.start <= s && c.end < e) continue;
    if (c.type == MentionType::Tool || c.type == MentionType::Country || (c.type == MentionType::Actor && c.kind != "person")) return true;
  }
  return false;
}

// A gazetteer actor (no person) ends with the token: a known name stops there.
bool known_actor_ends(CandidateIndex& known, const Token& t) {
  for (uint32_t i : known.overlapping(t.start, t.end)) {
    const Candidate& c = known[i];
    if (c.type == MentionType::Actor && c.kind != "person" && c.end == t.end) return true;
  }
  return false;
}

// "the District of Columbia": an institution's words that are all a state's or province's name
// (countries/subdivisions.tsv) name the place, not a body in it.
bool a_place_whole(const Document& doc, const RuleSet& rules, size_t first, size_t last) {
  return rules.subdivision_country.contains(fold(doc.span(doc.tokens[first].start, doc.tokens[last].end)));
}

// "the Private Office of the Dalai Lama", "the Joint Command of the Armed Forces": "of" or "for" and
// a capitalised word right after the capture carry the name on; its head alone names another body
// (no name rather than a wrong one, when the longer one holds something the rules know).
bool name_goes_on_with_of(const Document& doc, size_t last) {
  size_t k = last + 1;
  if (k + 1 >= doc.tokens.size() || doc.tokens[k].sentence != doc.tokens[last].sentence) return false;
  const std::string_view joiner = doc.folded_token(k);
  if (joiner != "of" && joiner != "for") return false;
  if (doc.folded_token(k + 1) == "the" && k + 2 < doc.tokens.size()) ++k;
  return doc.tokens[k + 1].is_upper_initial && doc.tokens[k + 1].sentence == doc.tokens[last].sentence;
}

// "New Jersey", "Northern Ireland": a country form right after a capitalised word names
// another place.
bool inside_a_place_name(const Document& doc, const Candidate& country) {
  const size_t f = doc.token_starting_at(country.start);
  if (f == std::string::npos || f == 0) return false;
  const Token& prev = doc.tokens[f - 1];
  return prev.is_word && prev.is_upper_initial && !prev.is_all_upper && prev.sentence == doc.tokens[f].sentence &&
         f - 1 != doc.sentences[prev.sentence].first_token;
}

// "in" or "," right after a name: a country after it is where the name is.
bool one_of_in(const Document& doc, size_t k) { return doc.folded_token(k) == "in" || doc.folded_token(k) == ","; }

// "the Ministry of Defence", "the Foreign Ministry", "the Supreme Court" in a story plainly
// about one country: that country's body of the name, when the rules list one whose name
// ends so (RuleSet::government_body). The whole capitalised phrase must be the name.
void bodies_of_the_article_country(Document& doc, const RuleSet& rules, const std::string& country) {
  const auto& toks = doc.tokens;
  auto capital = [&](size_t k) { return toks[k].is_word && toks[k].is_upper_initial && !toks[k].is_digit; };
  for (size_t i = 0; i < toks.size(); ++i) {
    if (!capital(i) || toks[i].start < doc.body_start) continue;
    const size_t e = doc.capitalised_phrase_end(i, capital, 10);
    const size_t first = doc.folded_token(i) == "the" ? i + 1 : i;
    const bool starts_the_phrase = !(i > 0 && toks[i - 1].sentence == toks[i].sentence && capital(i - 1));
    // the whole phrase, else its longest head that is a body's name ("the Ministry of Foreign
    // Affairs and International Cooperation")
    for (size_t end = e; starts_the_phrase && end >= first + 2; --end) {
      if (!capital(end - 1)) continue;
      std::string name;
      for (size_t k = first; k < end; ++k) {
        if (k > first) name += ' ';
        name += doc.folded_token(k);
      }
      if (const uint32_t body = rules.government_body(country, name); body != UINT32_MAX) {
        Candidate c;
        c.type = MentionType::Actor;
        c.kind = "government";
        c.start = toks[first].start;
        c.entry = body;
        c.value = rules.actors[body].name;
        c.rule = rules.actors[body].rule;
        c.priority = 100;  // below a name the gazetteer knows as written
        c.cue = "the body of the country the story is about";
        c.end = toks[end - 1].end;
        doc.candidates.push_back(std::move(c));
        break;
      }
    }
    i = e - 1;
  }
}

// "the Americas, the firm said": a verb of saying right after a description word.
bool said_after_description(const Document& doc, const NamePattern& np, const std::vector<re2::StringPiece>& m,
                            const WordList& speaker_verbs) {
  for (const NamePattern::ListedCapture& lc : np.listed) {
    const re2::StringPiece& c = m[size_t(lc.group)];
    if (c.data() == nullptr) continue;
    const size_t last = doc.token_ending_at(uint32_t(c.data() - doc.norm.data() + c.size()));
    if (last != std::string::npos && last + 1 < doc.tokens.size() && doc.tokens[last + 1].sentence == doc.tokens[last].sentence &&
        speaker_verbs.has(doc.tokens[last + 1].vocab))
      return true;
  }
  return false;
}

// Each capture named in_<list> holds a word of its list.
bool captures_listed(const Document& doc, const NamePattern& np, const std::vector<re2::StringPiece>& m) {
  for (const NamePattern::ListedCapture& lc : np.listed) {
    const re2::StringPiece& c = m[size_t(lc.group)];
    if (c.data() == nullptr) continue;  // an optional part that did not take part
    const uint32_t s = uint32_t(c.data() - doc.norm.data()), e = s + uint32_t(c.size());
    const size_t first = doc.token_starting_at(s), last = doc.token_ending_at(e);
    if (first == std::string::npos || last == std::string::npos) return false;
    bool listed = false;
    for (size_t k = first; k <= last && !listed; ++k) listed = lc.list->has(doc.tokens[k].vocab);
    if (!listed) return false;
  }
  return true;
}

}  // namespace

void find_name_lines(Document& doc, const RuleSet& rules) {
  if (doc.cyber_score == 0 || rules.name_patterns.empty()) return;
  thread_local PatternLines by_line;
  by_line.find(rules.name_prefilter.get(), rules.name_patterns.size(), doc.norm, doc.body_start);
  doc.name_lines.lines.assign(by_line.lines.begin(), by_line.lines.end());
  doc.name_lines.hits.assign(by_line.hits.begin(), by_line.hits.end());
  doc.name_lines.found = true;
}

// A name a pattern found, with the pattern and the name's words (to find its bare uses later).
struct FoundName {
  const NamePattern* pattern;
  std::vector<uint32_t> vocab;  // the name's tokens, to find its bare uses
  std::string value;
};

// Where a list that starts at `start` ends: before ";", "!", "?" or the line's end, or after
// kListChars characters. The pattern marks only the start ("(?P<list>[A-Z0-9])"): a pattern that
// took the list itself ("[^;!?\n]{0,400}") made RE2's DFA build a state for every count in flight,
// and over unseen text that one pattern cost as much as all the others.
namespace {
constexpr size_t kListChars = 400;
uint32_t end_of_clause(std::string_view text, uint32_t start) {
  size_t i = start, chars = 0;
  while (i < text.size() && chars < kListChars) {
    const char c = text[i];
    if (c == ';' || c == '!' || c == '?' || c == '\n') break;
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;  // the rest of a UTF-8 character
    ++chars;
  }
  return uint32_t(i);
}
}  // namespace

// The names of a list a (?P<list>...) capture holds, over [start, end): runs of capitalised words,
// numbers and what is glued to them ("NoName057(16)"), apart by commas, "and", "or"; the list ends
// at any other word or mark. They are names of the pattern's kind when another of them is one (a
// known name, not an ambiguous one, or one another pattern found); each that is nothing known becomes
// one. Not a word that opens sentences or describes ("The", context/not-name-words.txt), nor a last
// name that a verb of saying follows ("... and Kimsuky, and Smith said").
// `by_patterns` indexes the names the other patterns found (the first of `added`): lists never overlap
// each other (one pattern's matches follow one another).
void names_of_a_list(Document& doc, const RuleSet& rules, const NamePattern& np, uint32_t start, uint32_t end, CandidateIndex& known,
                     CandidateIndex& by_patterns, std::vector<FoundName>& found, std::vector<Candidate>& added) {
  constexpr size_t kMostWords = 6, kMostNames = 40;
  size_t k = doc.token_starting_at(start);
  if (k == std::string::npos) return;
  const uint32_t sent = doc.tokens[k].sentence;
  struct Member { size_t first, last; };
  std::vector<Member> members;
  size_t first = std::string::npos;
  bool last_cut = false;
  auto close = [&](size_t last) {
    if (first != std::string::npos && last + 1 - first <= kMostWords) members.push_back({first, last});
    first = std::string::npos;
  };
  for (; k < doc.tokens.size() && doc.tokens[k].start < end && doc.tokens[k].sentence == sent && members.size() < kMostNames; ++k) {
    const Token& t = doc.tokens[k];
    const std::string_view w = doc.folded_token(k);
    if (w == "," || w == "and" || w == "or") {
      close(k - 1);
      continue;
    }
    if (t.is_word && (t.is_upper_initial || t.is_digit || t.is_all_upper)) {
      if (first == std::string::npos) first = k;
      continue;
    }
    // a mark glued inside a name: "NoName057(16)", "Cyber.Army"
    if (!t.is_word && first != std::string::npos && !t.space_before && k + 1 < doc.tokens.size() &&
        (!doc.tokens[k + 1].space_before || w == ")")) continue;
    // the list ends; a last name that a verb of saying follows is the speaker's, and one the end
    // is glued to was no name ("North Korea's")
    last_cut = t.is_word && rules.words->speaker_verbs.has(t.vocab);
    if (t.is_word && !t.space_before) first = std::string::npos;
    break;
  }
  if (first != std::string::npos) close(k - 1);
  if (last_cut && !members.empty()) members.pop_back();
  const auto of_kind = [&](const Candidate& c) { return c.type == np.type && c.kind == np.kind && !c.ambiguous; };
  std::string some_known;
  for (const Member& mb : members) {
    const uint32_t s = doc.tokens[mb.first].start, e = doc.tokens[mb.last].end;
    for (uint32_t i : known.overlapping(s, e))
      if (of_kind(known[i])) some_known = known[i].value;
    for (uint32_t i : by_patterns.overlapping(s, e))
      if (of_kind(by_patterns[i])) some_known = by_patterns[i].value;
  }
  // (or the words before the list tell what the groups did: "three groups had claimed the attempts:
  // Cyber Horus Group, Anubis.Hacker and Security Bypass")
  if (some_known.empty() && np.type == MentionType::Actor && np.kind == "threat-group" && !members.empty())
    for (size_t u = members.front().first, n = 0; u >= 1 && n < 14 && doc.tokens[u - 1].sentence == sent; --u, ++n) {
      const Token& t = doc.tokens[u - 1];
      if (t.is_all_lower && (doc.has_cue(u - 1, kTargetCues) || rules.words->hack_words.has(t.vocab) || rules.words->claim_words.has(t.vocab))) {
        some_known = "the attacks told before it";
        break;
      }
    }
  if (some_known.empty()) return;
  for (const Member& mb : members) {
    const uint32_t s = doc.tokens[mb.first].start, e = doc.tokens[mb.last].end;
    if (rules.words->not_name_words.has(doc.tokens[mb.first].vocab) || !doc.tokens[mb.first].is_word) continue;
    bool calendar = false;
    for (size_t u = mb.first; u <= mb.last; ++u) calendar = calendar || rules.is_calendar_word(doc.tokens[u].vocab);
    std::string country;
    // (a country inside a longer name is the group's: "Pakistan Cyber Force", "Mysterious Bangladesh")
    if (calendar || overlaps_known(known, s, e, true, country, true) || !by_patterns.overlapping(s, e).empty()) continue;
    Candidate c;
    c.type = np.type;
    c.kind = np.kind;
    c.start = s;
    c.end = e;
    c.priority = np.priority;
    c.rule = np.rule;
    c.value = std::string(doc.span(s, e));
    c.cue = "pattern " + np.id + ", in a list with " + some_known;
    c.country = country;
    FoundName f{&np, {}, c.value};
    for (size_t u = mb.first; u <= mb.last; ++u) f.vocab.push_back(doc.tokens[u].vocab);
    found.push_back(std::move(f));
    added.push_back(std::move(c));
  }
}

void find_names(Document& doc, const RuleSet& rules) {
  if (doc.cyber_score == 0 || rules.name_patterns.empty()) return;
  const WordList& not_names = rules.words->not_name_words;
  const WordList& org_heads = rules.words->organization_name_heads;
  const WordList& gov_heads = rules.words->government_name_heads;
  const WordList& not_cluster = rules.words->not_cluster_words;
  const WordList& joiners = rules.words->name_joiners;
  const WordList& company_suffixes = rules.words->company_suffixes;
  const WordList& speaker_verbs = rules.words->speaker_verbs;
  const WordList& sentence_starters = rules.words->sentence_starters;
  const re2::StringPiece text(doc.norm);
  std::vector<FoundName> found;
  std::vector<Candidate> added;
  struct ListSpan {
    const NamePattern* pattern;
    uint32_t start, end;
  };
  std::vector<ListSpan> lists;
  CandidateIndex known(doc.candidates);
  // The country the article is about (named at least twice and more often than all others
  // together), unless a known group of the article comes from there: a company the press introduces
  // without its seat ("discount retailer Rusta" in a story on Swedish outages) is most often from
  // there; the attackers' home is not the victims'.
  std::string main_country, lead_country;
  {
    std::unordered_map<std::string, int> times;
    for (const Candidate& c : doc.candidates)
      if (c.type == MentionType::Actor && c.kind == "threat-group" && c.entry < rules.actors.size() && !rules.actors[c.entry].country.empty())
        times[rules.actors[c.entry].country] = INT_MIN / 2;
    // nor a country named as the attackers' ("Chinese hackers", "a Russian group")
    for (const Candidate& c : doc.candidates)
      if (c.type == MentionType::Country && c.start >= doc.body_start)
        if (const size_t l = doc.token_ending_at(c.end); l != std::string::npos && doc.has_cue(l + 1, kAttackerNouns))
          times[c.value] = INT_MIN / 2;
    int most = 0, all = 0;
    for (const Candidate& c : doc.candidates)
      if (c.type == MentionType::Country && c.start >= doc.body_start) {
        if (times[c.value] < 0) continue;  // the attackers' country is not what the story is about
        ++all;
        if (++times[c.value] > most) {
          most = times[c.value];
          main_country = c.value;
        }
      }
    // the country named most often, ahead of every other: the likely home of an institution the
    // text names without its state ("the House of Assembly" in a story about Bermuda)
    int second = 0;
    for (const auto& [code, n] : times)
      if (code != main_country) second = std::max(second, n);
    if (most > second) lead_country = main_country;
    if (most < 2 || 2 * most <= all) main_country.clear();  // no country the article is about
  }
  if (!main_country.empty()) bodies_of_the_article_country(doc, rules, main_country);
  // Known actors named in the article, by canonical name: "Heartland, a card-payment
  // processor" is the Heartland Payment Systems the article names in full.
  std::vector<std::pair<std::string_view, uint32_t>> known_names;
  for (const Candidate& c : doc.candidates)
    if (c.type == MentionType::Actor && !c.ambiguous && c.entry < rules.actors.size() && c.kind != "person")
      known_names.emplace_back(rules.actors[c.entry].name, c.entry);
  auto the_known_actor_it_shortens = [&](Candidate& c, const auto& names) {
    for (const auto& [name, entry] : names)
      if (name.size() > c.value.size() + 1 && name.starts_with(c.value) && name[c.value.size()] == ' ' &&
          rules.actors[entry].kind == c.kind) {
        c.entry = entry;
        c.value = std::string(name);
        c.country.clear();
        c.cue += "; short for " + c.value;
        return;
      }
  };
  // Line by line, the set tells which patterns may match; a pattern that cannot match a line
  // break runs over those lines only (PatternLines), the others over the whole body.
  thread_local PatternLines by_line;
  if (doc.name_lines.found) {
    by_line.lines.assign(doc.name_lines.lines.begin(), doc.name_lines.lines.end());
    by_line.hits.assign(doc.name_lines.hits.begin(), doc.name_lines.hits.end());
  } else {
    by_line.find(rules.name_prefilter.get(), rules.name_patterns.size(), doc.norm, doc.body_start);
  }
  std::vector<re2::StringPiece> m;
  for (size_t idx = 0, hit = 0; idx < rules.name_patterns.size(); ++idx) {
    const size_t first_hit = hit;
    hit = by_line.end_of(int(idx), hit);
    const NamePattern& np = rules.name_patterns[idx];
    const int group = np.name_group;
    const int ngroups = np.re->NumberOfCapturingGroups() + 1;
    m.assign(static_cast<size_t>(ngroups), {});
    size_t pos = doc.body_start, line = first_hit;
    while (by_line.next_match(*np.re, text, np.may_cross_lines, line, hit, pos, m.data(), ngroups)) {
      const size_t whole_end = size_t(m[0].data() - doc.norm.data()) + m[0].size();
      pos = whole_end > pos ? whole_end : pos + 1;
      if (!captures_listed(doc, np, m)) {
        // "and the Saudi maintenance firm Alsalam": a shape whose words are not listed may hide a
        // listed one that starts inside it; look again from the next word
        pos = size_t(m[0].data() - doc.norm.data()) + 1;
        continue;
      }
      if (m[group].data() == nullptr || m[group].empty()) continue;
      if (np.list) {  // its names are read once all the other patterns have run
        const uint32_t ls = uint32_t(m[group].data() - doc.norm.data());
        const uint32_t le = std::max(ls + uint32_t(m[group].size()), end_of_clause(doc.norm, ls));
        lists.push_back({&np, ls, le});
        pos = std::max<size_t>(pos, le);  // the next list of the pattern starts after this one
        continue;
      }
      const uint32_t s = uint32_t(m[group].data() - doc.norm.data());
      const size_t first_found = doc.token_starting_at(s);
      size_t last = doc.token_ending_at(s + uint32_t(m[group].size()));
      if (first_found == std::string::npos || last == std::string::npos) continue;
      while (last > first_found && !doc.tokens[last].is_word) --last;
      // no name runs on into the next sentence: "hit Trafford Council. Trafford Council said" (a name's
      // word may end in a full stop, as "St." does, so the pattern may cross one)
      while (last > first_found && doc.tokens[last].sentence != doc.tokens[first_found].sentence) --last;
      while (last > first_found && !doc.tokens[last].is_word) --last;
      // "... were in the Americas, the firm said": a description the text closes with a verb of
      // saying points back at the speaker, not at the name before it
      if (said_after_description(doc, np, m, speaker_verbs)) continue;
      if (np.kind != "threat-group" && np.type == MentionType::Actor) {
        // "Wuhan Xiaoruizhiyuan Science and Technology, a company": the capture is only the tail of a
        // longer name joined by "and", "of"; no name rather than a wrong one
        // (not after a name the rules know, which ends there: "Karolinska Institutet and Stockholm University")
        if (first_found >= 2 && joiners.has(doc.tokens[first_found - 1].vocab) && doc.tokens[first_found - 2].is_upper_initial &&
            doc.tokens[first_found - 2].sentence == doc.tokens[first_found].sentence && !known_actor_ends(known, doc.tokens[first_found - 2]))
          continue;
        // "Sichuan Silence Information Technology, a contractor": a capitalised word before the capture
        // (not one that starts sentences) means the name is longer than the pattern takes
        if (first_found >= 1 && doc.tokens[first_found - 1].is_upper_initial &&
            doc.tokens[first_found - 1].sentence == doc.tokens[first_found].sentence) {
          const size_t before = first_found - 1;
          const bool starts_sentence = before == 0 || doc.tokens[before - 1].sentence != doc.tokens[before].sentence;
          if (!(starts_sentence && not_names.has(doc.tokens[before].vocab))) continue;  // "the New York State Assembly"
        }
        // "Bayer AG": the company's legal form is not part of the name news uses
        while (last > first_found && company_suffixes.has(doc.tokens[last].vocab)) {
          --last;
          while (last > first_found && !doc.tokens[last].is_word) --last;
        }
      }
      // "The ransomware gang", "New malware": a word that starts sentences or describes is no name
      // "The Moonfall ransomware gang", "South Asian espionage groups": leading words that start
      // sentences or describe are not part of a name; nothing left, no name
      // The subdivision (countries/subdivisions.tsv) that opens an institution's name at token k
      // ("Baden-Württemberg", "New South Wales", as written and folded), or nullptr.
      const bool institution = np.kind == "government" || np.kind == "organization";
      auto subdivision_at = [&](size_t k) -> const RuleSet::Subdivision* {
        for (size_t e = k; institution && e <= last && e < k + 4; ++e)
          if (auto it = rules.subdivision_country.find(fold(doc.span(doc.tokens[k].start, doc.tokens[e].end)));
              it != rules.subdivision_country.end())
            return &it->second;
        return nullptr;
      };
      // "the University of Northmoor's network": a possessive closing the capture is no part of the name
      if (institution && last >= first_found + 3 && doc.folded_token(last) == "s" && !doc.tokens[last].space_before &&
          !doc.tokens[last - 1].space_before && one_of(doc.token_text(doc.tokens[last - 1]), {"'", "\u2019"}))
        last -= 2;
      size_t first = first_found;
      // "Chicago-based Trading Technologies": a compound adjective opening the capture is no part of the name
      for (size_t k = first_found; institution && k + 2 <= last && k < first_found + 4; ++k)
        if (doc.token_text(doc.tokens[k]) == "-" && !doc.tokens[k].space_before && doc.tokens[k + 1].is_all_lower &&
            rules.words->compound_adjective_tails.has(doc.tokens[k + 1].vocab)) {
          first = k + 2;
          break;
        }
      // (a subdivision stays, though its first word starts sentences: "New South Wales", "North Rhine-Westphalia")
      // (and a word that starts the sentence and seldom a name: "No ransomware gang had claimed", but
      // "the hacker collective No Name Crew")
      const auto sentence_start = [&](size_t k) {
        return k == doc.sentences[doc.tokens[k].sentence].first_token && sentence_starters.has(doc.tokens[k].vocab);
      };
      while (first <= last && (!doc.tokens[first].is_word || (not_names.has(doc.tokens[first].vocab) && !subdivision_at(first)) || sentence_start(first)))
        ++first;
      // only words of a kind or trade, no name among them: "Automotive Industries were hit"
      if (institution && first <= last) {
        bool generic = true;
        for (size_t k = first; k <= last && generic; ++k)
          generic = !doc.tokens[k].is_word || doc.has_cue(k, kSectorCues) ||
                    org_heads.has(doc.tokens[k].vocab) || gov_heads.has(doc.tokens[k].vocab);
        if (generic) continue;
      }
      // "the New York State Assembly": a capitalised word dropped inside the sentence was part of the
      // institution's name, which is longer than what is left (no name rather than a wrong one)
      const auto dropped_capital = [&] {
        for (size_t k = first_found; k < first && k <= last; ++k)
          if (doc.tokens[k].is_upper_initial && k != doc.sentences[doc.tokens[k].sentence].first_token) return true;
        return false;
      };
      if (np.listed.empty() && (np.kind == "organization" || np.kind == "government")) {
        bool cut_name = dropped_capital();
        // nor a number or ordinal right before: "the 54th Research Institute", "Unit 61398"
        const size_t before = first_found - 1;
        if (first_found > 0 && doc.tokens[before].sentence == doc.tokens[first_found].sentence &&
            doc.tokens[before].start < doc.tokens[before].end && std::isdigit(static_cast<unsigned char>(doc.norm[doc.tokens[before].start])))
          cut_name = true;
        if (cut_name) continue;
      } else if (np.type == MentionType::Actor && dropped_capital()) {
        continue;  // the same for a group: "the New York crew" is no crew called York
      }
      // a vendor's cluster name is two words or a code: "The Tempest" is no cluster, nor "Super Typhoon"
      if (np.whole && (first != first_found || not_cluster.has(doc.tokens[first].vocab))) continue;
      if (first > last || !(doc.tokens[first].is_upper_initial || doc.tokens[first].is_digit)) continue;  // "Rust-based": no name left
      if (institution && (a_place_whole(doc, rules, first, last) || name_goes_on_with_of(doc, last))) continue;
      // "Putting malware samples out": a single word in -ing is a verb, not a name; "the Foreign
      // Ministry": an organisation's head word alone is no name
      const std::string_view w1 = doc.token_text(doc.tokens[first]);
      const bool gerund = first == last && w1.size() > 5 && w1.ends_with("ing");
      // (the head-noun patterns; a pattern that describes the organisation with listed words
      // captures its name, and one word is a name: "Zservers, a hosting company")
      const bool bare_head = first == last && (np.kind == "organization" || np.kind == "government") && np.listed.empty();
      // "Copy-paste malware": a lower-case word inside makes a compound, not a group's or tool's name
      bool lower_inside = false;
      for (size_t k = first + 1; k <= last && np.kind != "organization"; ++k) {
        // a short particle glued by a hyphen is part of the name: "Edalat-e Ali", "Jund al-Islam"
        const bool particle = doc.tokens[k].end - doc.tokens[k].start <= 2 && doc.token_text(doc.tokens[k - 1]) == "-" &&
                              !doc.tokens[k - 1].space_before && !doc.tokens[k].space_before;
        // and a joiner between capitalised words: "Cutting Sword of Justice"
        const bool joiner = k < last && joiners.has(doc.tokens[k].vocab) && doc.tokens[k + 1].is_upper_initial;
        // and a body's head word as news writes it: "the Chinese embassy in Prague"
        const bool head = np.kind == "government" && (gov_heads.has(doc.tokens[k].vocab) || (doc.folded_token(k) == "in" && gov_heads.has(doc.tokens[k - 1].vocab)));
        lower_inside = lower_inside || (doc.tokens[k].is_word && doc.tokens[k].is_all_lower && !particle && !joiner && !head);
      }
      bool calendar = false;  // "On Tuesday, the gang's leak site"
      for (size_t k = first; k <= last; ++k) calendar = calendar || rules.is_calendar_word(doc.tokens[k].vocab);
      std::string country = np.country;
      if (gerund || bare_head || calendar || lower_inside ||
          overlaps_known(known, doc.tokens[first].start, doc.tokens[last].end, np.kind == "organization" || np.kind == "government", country, !np.listed.empty()))
        continue;
      // the country the rest of the match or the words right after give: "a Russian group known as
      // X", "X, a Chinese hacking group", "the Port of Sines in Portugal"
      if (country.empty() && np.type == MentionType::Actor) {
        const uint32_t ms = uint32_t(m[0].data() - doc.norm.data()), me = uint32_t(whole_end);
        uint32_t after = doc.tokens[last].end;
        if (last + 2 < doc.tokens.size() && one_of_in(doc, last + 1) && doc.tokens[last + 1].sentence == doc.tokens[last].sentence)
          after = doc.tokens[doc.folded_token(last + 2) == "the" ? last + 3 < doc.tokens.size() ? last + 3 : last + 2 : last + 2].end;
        for (uint32_t i : known.overlapping(std::min(ms, doc.tokens[last].end), std::max(me, after))) {
          const Candidate& o = known[i];
          if (o.type == MentionType::Country && !inside_a_place_name(doc, o) && ((o.start >= ms && o.end <= me) || (o.start >= doc.tokens[last].end && o.end <= after)) &&
              !(o.start < doc.tokens[last].end && doc.tokens[first].start < o.end)) {
            country = o.value;
            break;
          }
        }
      }
      // an institution without its state in the name: the state of a province or city that opens the
      // name ("the Texas Department of Transportation", countries/subdivisions.tsv), else the country
      // the story is about ("the Ministry of National Defense" in a story about South Korea; one a
      // pattern describes, "discount retailer Rusta", only when the story is plainly about it)
      // (the subdivision over a country form inside it: "New South Wales" is AU's, not GB's)
      std::string country_why;
      if (const RuleSet::Subdivision* sub = subdivision_at(first)) {
        country = sub->country;
        if (doc.options.explain) country_why = "; country " + country + " from " + rules.rule_location(sub->rule);
      } else if (country.empty() && institution) {
        country = np.listed.empty() ? lead_country : main_country;
      }
      Candidate c;
      c.type = np.type;
      c.kind = np.kind;
      c.start = doc.tokens[first].start;
      c.end = doc.tokens[last].end;
      c.priority = np.priority;
      c.rule = np.rule;
      c.value = std::string(doc.span(c.start, c.end));
      c.cue = "pattern " + np.id + country_why;
      c.country = country;
      FoundName f{&np, {}, c.value};
      if (np.type == MentionType::Actor) the_known_actor_it_shortens(c, known_names);
      for (size_t k = first; k <= last; ++k) f.vocab.push_back(doc.tokens[k].vocab);
      found.push_back(std::move(f));
      added.push_back(std::move(c));
    }
  }
  if (!lists.empty()) {
    CandidateIndex by_patterns(added);  // (the names found so far: those of lists come after them)
    for (const ListSpan& l : lists) names_of_a_list(doc, rules, *l.pattern, l.start, l.end, known, by_patterns, found, added);
  }
  // A found name that opens a longer found name of the same kind is its short form: "the Anka
  // Neferler hackers" after "a group calling itself Anka Neferler Tim".
  {
    std::vector<std::pair<std::string_view, size_t>> by_value;
    for (size_t i = 0; i < added.size(); ++i) by_value.emplace_back(found[i].value, i);
    std::sort(by_value.begin(), by_value.end());
    for (size_t i = 0; i < added.size(); ++i) {
      if (added[i].value != found[i].value) continue;  // already the short form of a listed name
      const std::string longer_prefix = found[i].value + " ";
      for (auto it = std::lower_bound(by_value.begin(), by_value.end(), std::pair<std::string_view, size_t>(longer_prefix, 0));
           it != by_value.end() && it->first.starts_with(longer_prefix); ++it) {
        const Candidate& longer = added[it->second];
        if (longer.type != added[i].type || longer.kind != added[i].kind) continue;
        added[i].value = longer.value;
        added[i].entry = longer.entry;
        added[i].country = longer.country;
        added[i].cue += "; short for " + longer.value;
        break;
      }
    }
  }
  // Bare uses of a found name elsewhere in the article: the same words, written the same way.
  // Their places come from one pass over the tokens with a look-up of each run as long as some
  // name (a scan of the article per name was quadratic: 40,000 names took 30 s). The first
  // kMaxTemplates matches of a name stand for it: more only repeat it.
  constexpr size_t kMaxTemplates = 8;
  const size_t direct = added.size();
  std::unordered_map<std::string_view, std::vector<size_t>> matches_of;  // name -> indexes in found
  size_t longest = 0;
  for (size_t i = 0; i < direct; ++i) {
    auto& m = matches_of[found[i].value];
    if (m.size() < kMaxTemplates) m.push_back(i);
    longest = std::max(longest, found[i].vocab.size());
  }
  std::unordered_map<std::string_view, std::vector<size_t>> uses_of;  // name -> first tokens of its uses
  for (size_t k = 0; k < doc.tokens.size() && !matches_of.empty(); ++k)
    for (size_t n = 1; n <= longest && k + n <= doc.tokens.size(); ++n) {
      const size_t last = k + n - 1;
      if (doc.tokens[last].sentence != doc.tokens[k].sentence) break;
      auto it = matches_of.find(doc.span(doc.tokens[k].start, doc.tokens[last].end));
      if (it != matches_of.end() && found[it->second.front()].vocab.size() == n) uses_of[it->first].push_back(k);
    }
  for (size_t i = 0; i < direct; ++i) {
    const auto& templates = matches_of[found[i].value];
    if (std::find(templates.begin(), templates.end(), i) == templates.end()) continue;
    const size_t n = found[i].vocab.size();
    for (size_t k : uses_of[found[i].value]) {
      const size_t last = k + n - 1;
      if (doc.tokens[k].start == added[i].start) continue;
      std::string country;
      // (a country inside the name stays in it: "Pakistan Cyber Force" again)
      if (overlaps_known(known, doc.tokens[k].start, doc.tokens[last].end, true, country)) continue;
      Candidate c = added[i];
      c.start = doc.tokens[k].start;
      c.end = doc.tokens[last].end;
      c.priority -= 1;
      c.cue = "same name as pattern " + found[i].pattern->id;
      added.push_back(std::move(c));
    }
  }
  std::sort(added.begin(), added.end(), [](const Candidate& a, const Candidate& b) {
    return a.start != b.start ? a.start < b.start : a.priority > b.priority;
  });
  for (size_t i = 0; i < added.size(); ++i)
    if (i == 0 || added[i].start != added[i - 1].start || added[i].end != added[i - 1].end) doc.candidates.push_back(added[i]);
}

}  // namespace news
