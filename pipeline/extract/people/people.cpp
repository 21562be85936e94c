#include "extract/people/people.hpp"

#include <algorithm>
#include <unordered_map>

namespace news {

namespace {

constexpr int kPersonPriority = 5;
constexpr RuleRef kPeopleFinder{UINT32_MAX, 0};  // built-in: rule_location says so

class PeopleFinder {
 public:
  PeopleFinder(Document& doc, const RuleSet& rules) : doc_(doc), rules_(rules), toks_(doc.tokens) {
    // Tokens that begin a known entity (a country, a group, a vendor...) are not part of a name.
    entity_start_.assign(toks_.size(), false);
    entity_end_.assign(toks_.size(), 0);
    org_at_start_.assign(toks_.size(), kNone);
    org_at_end_.assign(toks_.size(), kNone);
    for (uint32_t ci = 0; ci < doc.candidates.size(); ++ci) {
      const Candidate& c = doc.candidates[ci];
      const size_t t = doc.token_starting_at(c.start);
      if (t == std::string::npos) continue;
      if (!c.ambiguous) entity_start_[t] = true;
      entity_end_[t] = std::max(entity_end_[t], c.end);
      // Organisations a person may work for, by their first and last token.
      if (c.type == MentionType::Actor && !c.ambiguous && c.entry != UINT32_MAX && c.kind != "threat-group" && c.kind != "person") {
        org_at_start_[t] = ci;
        const size_t l = doc.token_ending_at(c.end);
        if (l != std::string::npos) org_at_end_[l] = ci;
      }
    }
  }

  void run() {
    for (size_t i = 0; i < toks_.size(); ++i) {
      // a given name that is also a country's ("Jordan Price, an analyst", "said Chad Morrison"): a
      // person's only with a cue that is no given name's
      const bool name_token = is_name_token(i);
      const bool country_first_name = !name_token && entity_start_[i] && doc_.has_cue(i, kGivenNamesAmbiguous) && name_token_but_entity(i);
      if (!name_token && !country_first_name) continue;
      const size_t end = name_end(i);
      const size_t len = end - i;
      if (len == 0 || (country_first_name && len < 2)) continue;
      const bool clause_cue = len >= 2 && len <= 3 && (country_first_name || !ends_an_institution_name(i));
      std::string cue;
      if (title_before(i)) cue = "title";
      else if (!country_first_name && len >= 2 && doc_.has_cue(i, kGivenNames)) cue = "given-name";
      else if (!country_first_name && len >= 2 && doc_.has_cue(i, kGivenNamesAmbiguous) && !entity_start_[i + 1]) cue = "given-name";
      else if (clause_cue && speech_next_to(i, end)) cue = "speech-verb";
      else if (clause_cue && apposition_after(end)) cue = "apposition";
      // (a country's given name: not an institution's name that runs on, "the Jordan Valley Authority")
      const bool no_person_name = country_first_name ? ends_an_institution_name(end - 1) : name_words(i, end) > 4;
      if (cue.empty() || no_person_name || continues_into_an_institution(end)) { i = end - 1; continue; }
      // "researchers at Check Point said", "Israel Defense Forces": a known name, even an ambiguous
      // one, is not a person.
      if (entity_end_[i] >= toks_[end - 1].end) { i = end - 1; continue; }
      add(i, end, cue);
      i = end - 1;
    }
    add_surname_references();
    // People the gazetteer knows get their organisation from the text the same way.
    for (auto& c : doc_.candidates) {
      if (c.type != MentionType::Actor || c.kind != "person" || c.entry == UINT32_MAX) continue;
      const size_t f = doc_.token_starting_at(c.start), l = doc_.token_ending_at(c.end);
      if (f != std::string::npos && l != std::string::npos) c.link = organisation_of(f, l + 1);
    }
  }

 private:
  Document& doc_;
  const RuleSet& rules_;
  const std::vector<Token>& toks_;
  std::vector<bool> entity_start_;
  std::vector<uint32_t> entity_end_;  // per token: the end of the longest gazetteer form starting there
  // Per token: the candidate of an organisation starting / ending there, or kNone (indexes: the
  // candidates that follow are people, added after).
  static constexpr uint32_t kNone = UINT32_MAX;
  std::vector<uint32_t> org_at_start_, org_at_end_;
  std::unordered_map<std::string, std::string> surname_to_name_;

  std::string_view text(size_t i) const { return doc_.token_text(toks_[i]); }

  // A word that may be part of a person's name, whatever the gazetteer found there.
  bool name_token_but_entity(size_t i) const {
    const Token& t = toks_[i];
    if (!t.is_word || !t.is_upper_initial || t.is_digit) return false;
    if (t.is_all_upper && t.end - t.start > 1) return false;  // acronyms
    if (doc_.has_cue(i, kTitles) || doc_.has_cue(i, kCyberTerms) || doc_.has_cue(i, kGroupCues)) return false;
    if (rules_.is_calendar_word(t.vocab)) return false;
    return !doc_.has_cue(i, kNotNames);
  }
  // ... where no gazetteer name starts.
  bool is_name_token(size_t i) const { return !entity_start_[i] && name_token_but_entity(i); }

  // Names run over capitalised tokens, with "-" or "'" inside (Jean-Luc, O'Brien) and particles (van, de).
  size_t name_end(size_t i) const {
    size_t j = i + 1;
    // "Robert M. Lee": a middle initial and its full stop, after which the sentence
    // splitter may have cut.
    auto is_initial = [&](size_t k) { return text(k).size() == 1 && toks_[k].is_upper_initial; };
    auto after_initial = [&](size_t k) { return text(k - 1) == "." && k >= 2 && is_initial(k - 2); };
    while (j < toks_.size() && (toks_[j].sentence == toks_[i].sentence || after_initial(j)) && j - i < 8) {
      const auto tt = text(j);
      if (tt == "." && !toks_[j].space_before && is_initial(j - 1) && j + 1 < toks_.size() && toks_[j + 1].space_before &&
          is_name_token(j + 1)) { ++j; continue; }
      // "T.C. Broadnax": initials glued by their stops
      if (tt == "." && !toks_[j].space_before && is_initial(j - 1) && j + 1 < toks_.size() && !toks_[j + 1].space_before &&
          is_initial(j + 1)) { j += 2; continue; }
      if (is_name_token(j) && toks_[j].space_before) { ++j; continue; }
      // Jean-Luc, O'Brien, Hyun-woo: a hyphen or apostrophe inside the name joins any word.
      if ((tt == "-" || tt == "'" || tt == "’") && !toks_[j].space_before && j + 1 < toks_.size() && toks_[j + 1].is_word &&
          !toks_[j + 1].is_digit && !toks_[j + 1].space_before && toks_[j + 1].end - toks_[j + 1].start > 1 &&
          !toks_[j + 1].is_all_upper && !compound_adjective_tail(j + 1)) { j += 2; continue; }  // "X-FAB" is a company
      const bool particle = toks_[j].is_all_lower && rules_.words->name_particles.has(toks_[j].vocab);
      if (particle && j + 1 < toks_.size() && is_name_token(j + 1)) { j += 2; continue; }
      // "Abdel Fattah el-Sisi", "Bashar al-Assad"
      if (particle && j + 2 < toks_.size() && text(j + 1) == "-" && !toks_[j + 1].space_before && !toks_[j + 2].space_before &&
          toks_[j + 2].is_word && toks_[j + 2].is_upper_initial) { j += 3; continue; }
      break;
    }
    return j;
  }

  // "the Ministry of Roads and Urban Development said": capitalised words joined by "of" or
  // "and" to a capitalised word before them end a longer name, not a person's.
  bool ends_an_institution_name(size_t i) const {
    if (i < 2 || toks_[i - 2].sentence != toks_[i].sentence) return false;
    const auto joiner = text(i - 1);
    return (joiner == "of" || joiner == "and" || joiner == "&" || joiner == "for") && toks_[i - 2].is_upper_initial;
  }

  // "said Sichuan Silence Information Technology": a capitalised run that goes on with a
  // word never part of a person's name ("Information", "Group", "Bank") is an organisation's.
  bool continues_into_an_institution(size_t end) const {
    return end < toks_.size() && toks_[end].sentence == toks_[end - 1].sentence && toks_[end].space_before &&
           toks_[end].is_word && toks_[end].is_upper_initial && !toks_[end].is_all_upper && doc_.has_cue(end, kNotNames);
  }

  // "Georgian-born", "Kremlin-backed", "Russian-speaking": an adjective, not a name.
  bool compound_adjective_tail(size_t k) const { return rules_.words->compound_adjective_tails.has(toks_[k].vocab); }

  // Capitalised words of a name, without its particles, hyphens and initials' full stops.
  size_t name_words(size_t first, size_t end) const {
    size_t n = 0;
    for (size_t k = first; k < end; ++k) n += toks_[k].is_word && toks_[k].is_upper_initial;
    return n;
  }

  bool title_before(size_t i) const {
    if (i == 0) return false;
    size_t k = i - 1;
    if (text(k) == "." && k > 0) --k;  // "Dr. Jane Doe"
    // "a Chinese national Li Xiaoyu", but "Kenya's National Computer ... Committee": a status
    // noun is a title only in lower case
    if (toks_[k].is_upper_initial && rules_.words->status_titles.has(toks_[k].vocab)) return false;
    return doc_.has_cue(k, kTitles) && toks_[k].sentence == toks_[i].sentence;
  }

  bool is_speech_verb(size_t k) const { return toks_[k].is_all_lower && rules_.words->quote_verbs.has(toks_[k].vocab); }

  bool speech_next_to(size_t first, size_t end) const {
    if (end < toks_.size() && toks_[end].sentence == toks_[first].sentence && is_speech_verb(end)) return true;
    if (first > 0 && is_speech_verb(first - 1)) return true;
    if (first > 1 && text(first - 1) == "to" && text(first - 2) == "according") return true;
    return false;
  }

  // "Jane Doe, a senior analyst at X" / "Jane Doe, McAfee's lead scientist"
  bool apposition_after(size_t end) const {
    if (end >= toks_.size() || text(end) != ",") return false;
    if (end + 1 < toks_.size() && toks_[end + 1].sentence == toks_[end].sentence) {
      // "Robb Pitts, who chairs the county commission" (organisations take "which")
      if (text(end + 1) == "who") return true;
      // an age: "Thalha Jubair, 19, from east London"
      const std::string_view n = text(end + 1);
      // (then a lower-case word: not a street number, "Acme Widgets, 45, Main Street")
      if (n.size() == 2 && toks_[end + 1].is_digit && n >= "14" && n <= "99" && end + 3 < toks_.size() &&
          ((text(end + 2) == "," && toks_[end + 3].is_all_lower) || text(end + 2) == "of" || text(end + 2) == "from" || text(end + 2) == "and"))
        return true;
    }
    for (size_t k = end + 1; k < toks_.size() && k < end + 7; ++k) {
      if (toks_[k].sentence != toks_[end].sentence) break;
      if (doc_.has_cue(k, kTitles)) return true;
    }
    return false;
  }

  // The organisation the text ties a person to: "Jane Doe, a senior analyst at ESET,",
  // "Jane Doe of Mandiant", "ESET researcher Jane Doe", "McAfee's Jane Doe".
  std::string organisation_of(size_t first, size_t end) const {
    const uint32_t sent = toks_[first].sentence;
    if (end < toks_.size() && (text(end) == "," || text(end) == "of" || text(end) == "from" || text(end) == "at")) {
      for (size_t k = end + 1; k < toks_.size() && k < end + 12 && toks_[k].sentence == sent; ++k) {
        if (org_at_start_[k] != kNone) return doc_.candidates[org_at_start_[k]].value;
        const auto w = text(k);
        if (w == "," || w == ";" || w == "said" || w == "says" || w == "told") break;
      }
    }
    // Before the name, past a title and a possessive: "ESET researcher", "McAfee's lead scientist".
    for (size_t k = first, steps = 0; k-- > 0 && steps < 5 && toks_[k].sentence == sent; ++steps) {
      if (org_at_end_[k] != kNone) return doc_.candidates[org_at_end_[k]].value;
      const auto w = text(k);
      if (!(doc_.has_cue(k, kTitles) || w == "'" || w == "’" || w == "s" || toks_[k].is_all_lower)) break;
    }
    return {};
  }

  void add(size_t first, size_t end, const std::string& cue) {
    Candidate c;
    c.link = organisation_of(first, end);
    c.type = MentionType::Actor;
    c.start = toks_[first].start;
    c.end = toks_[end - 1].end;
    c.priority = kPersonPriority;
    c.rule = kPeopleFinder;
    c.value = std::string(doc_.span(c.start, c.end));
    c.cue = cue;
    c.kind = "person";
    if (end - first >= 2) surname_to_name_[std::string(text(end - 1))] = c.value;
    doc_.candidates.push_back(std::move(c));
  }

  void add_surname_references() {
    if (surname_to_name_.empty()) return;
    for (size_t i = 0; i < toks_.size(); ++i) {
      if (!toks_[i].is_upper_initial) continue;
      auto it = surname_to_name_.find(std::string(text(i)));
      if (it == surname_to_name_.end()) continue;
      // Part of a longer name: already covered.
      if (i > 0 && is_name_token(i - 1) && toks_[i].space_before) continue;
      if (i + 1 < toks_.size() && is_name_token(i + 1) && toks_[i + 1].space_before) continue;
      Candidate c;
      c.type = MentionType::Actor;
      c.start = toks_[i].start;
      c.end = toks_[i].end;
      c.priority = kPersonPriority - 1;
      c.rule = kPeopleFinder;
      c.value = it->second;
      c.cue = "surname";
      c.kind = "person";
      doc_.candidates.push_back(std::move(c));
    }
  }
};

}  // namespace

void find_people(Document& doc, const RuleSet& rules) { PeopleFinder(doc, rules).run(); }

}  // namespace news
