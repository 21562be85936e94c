#include "aggregate/relations.hpp"

#include <map>

#include <set>
#include "core/text.hpp"

namespace news {

namespace {

bool is_group(const Mention& m, const RuleSet& rules) {
  return m.type == MentionType::Actor && m.entry != UINT32_MAX && rules.actors[m.entry].kind == "threat-group";
}

uint32_t sentence_of(const Document& doc, const Mention& m) {
  const size_t t = doc.token_starting_at(m.start);
  return t == std::string::npos ? 0 : doc.tokens[t].sentence;
}

// Words after an actor that make it the one who reports ("Microsoft said", "FireEye calls the group").
bool reporter_after(std::string_view w) {
  static const char* words[] = {"said", "says", "say", "reported", "reports", "report", "tracks", "tracked", "calls", "called",
                                "named", "dubbed", "published", "attributed", "linked", "warned", "identified", "found",
                                "discovered", "observed", "disclosed", "revealed", "detected", "uncovered", "described",
                                "believes", "believed", "assessed", "told", "researchers", "analysts", "issued", "urged",
                                "exposed", "documented", "tied", "blamed", "accused", "indicted", "charged", "researcher"};
  for (auto x : words) if (w == x) return true;
  return false;
}
// Words before an actor that make it the one who reports ("according to Proofpoint", "researchers at ESET").
bool reporter_before(std::string_view w) {
  static const char* words[] = {"to", "by", "at", "from"};
  for (auto x : words) if (w == x) return true;
  return false;
}

bool reporting_word(std::string_view w) {
  static const char* words[] = {"said", "says", "say", "according", "report", "reported", "reports", "researchers",
                                "discovered", "found", "observed", "tracked", "tracks", "warned", "published",
                                "attributed", "blamed", "identified", "linked", "disclosed", "revealed", "detected",
                                "uncovered", "advisory", "analysis", "assessed", "named", "dubbed", "calls", "called"};
  for (auto x : words) if (w == x) return true;
  return false;
}

class RelationFinder {
 public:
  RelationFinder(Document& doc, const RuleSet& rules) : doc_(doc), rules_(rules) {
    for (const auto& m : doc.mentions)
      if (is_group(m, rules)) article_groups_.insert(m.value);
  }

  void run() {
    // A group whose known home the article names as an attacker's country ("a Russian-speaking
    // gang", "Chinese state hackers" anywhere in the article) is attributed to it.
    std::set<std::string> attribution_countries;
    for (const auto& m : doc_.mentions)
      if (m.type == MentionType::Country && m.role == "attribution") attribution_countries.insert(m.value);
    for (const auto& m : doc_.mentions) {
      if (!is_group(m, rules_) || doc_.in_title(m.start)) continue;
      const std::string& home = rules_.actors[m.entry].country;
      if (!home.empty() && attribution_countries.count(home))
        add("attributed-to", m.value, "actor", home, "country", sentence_of(doc_, m), "the group's home, an attacker's country in the article");
    }
    std::map<uint32_t, std::vector<const Mention*>> by_sentence;
    for (const auto& m : doc_.mentions)
      if (!doc_.in_title(m.start)) by_sentence[sentence_of(doc_, m)].push_back(&m);
    for (auto& [sent, ms] : by_sentence) sentence(sent, ms);
  }

 private:
  Document& doc_;
  const RuleSet& rules_;
  std::set<std::string> article_groups_;
  std::set<std::string> seen_;

  bool home_fits(const std::string& group, const std::string& country) const {
    for (const auto& a : rules_.actors)
      if (a.name == group) return a.country.empty() || a.country == country;
    return true;
  }

  void add(const std::string& type, const std::string& src, const char* st, const std::string& dst, const char* dt,
           uint32_t sent, const std::string& cue) {
    if (src.empty() || dst.empty() || src == dst) return;
    if (!seen_.insert(type + "\t" + src + "\t" + dst).second) return;
    const Sentence& s = doc_.sentences[sent];
    doc_.relations.push_back({type, src, st, dst, dt, sent, s.start, s.end, cue});
  }

  // The actor is in the reporter's place: "Microsoft said", "Microsoft's researchers", "according to
  // Proofpoint", "research by McAfee", "researchers at Kaspersky", "Proofpoint tracks the group as".
  bool reporter_position(const Mention& m) const {
    const size_t f = doc_.token_starting_at(m.start), l = doc_.token_ending_at(m.end);
    if (f == std::string::npos || l == std::string::npos) return false;
    const uint32_t sent = doc_.tokens[f].sentence;
    auto word = [&](size_t k) { return k < doc_.tokens.size() && doc_.tokens[k].sentence == sent ? fold(doc_.token_text(doc_.tokens[k])) : std::string(); };
    for (size_t k = l + 1; k <= l + 3; ++k) {
      const std::string w = word(k);
      if (reporter_after(w)) return true;
      if (!(w == "'" || w == "s" || w == "has" || w == "had" || w == "have" || w == "also" || w == "on" || w == "publicly" || w == "first" || w == "later" || w == "threat" || w == "security" || w == "intelligence")) break;
    }
    for (size_t k = f; k >= 1 && k + 4 >= f; --k) {
      const std::string w = word(k - 1);
      if (reporter_before(w)) {
        const std::string b = word(k - 2);
        return w != "to" || b == "according";
      }
      if (!(w == "the" || w == "a" || w == "security" || w == "company" || w == "firm" || w == "vendor" || w == "research" ||
            w == "cybersecurity" || w == "cyber" || w == "," || w == "agency"))
        break;
    }
    return false;
  }

  bool has_word(uint32_t sent, bool (*pred)(std::string_view)) const {
    const Sentence& s = doc_.sentences[sent];
    for (uint32_t t = s.first_token; t < s.end_token; ++t)
      if (doc_.tokens[t].is_word && pred(doc_.token_text(doc_.tokens[t]))) return true;
    return false;
  }

  // A victim is not the one who speaks in its sentence; an organisation named at the start of
  // a sentence that reports ("Microsoft, which has been helping investigate, said") is not one.
  bool reporting_sentence_subject(const Mention& m) const {
    const size_t f = doc_.token_starting_at(m.start);
    if (f == std::string::npos) return false;
    const Sentence& s = doc_.sentences[doc_.tokens[f].sentence];
    return f <= s.first_token + 1 && has_word(doc_.tokens[f].sentence, reporting_word);
  }

  void sentence(uint32_t sent, const std::vector<const Mention*>& ms) {
    std::vector<std::pair<std::string, const char*>> attackers;  // (name, actor|operation)
    for (const Mention* m : ms) {
      if (is_group(*m, rules_)) attackers.emplace_back(m->value, "actor");
      if (m->type == MentionType::Operation) {
        attackers.emplace_back(m->value, "operation");
        const std::string group = operation_group(doc_, rules_, *m);
        add("attributed-to", m->value, "operation", group, "actor", sent,
            m->entry != UINT32_MAX ? "campaign list" : "the group of the sentence or article");
      }
    }
    std::string attacker_cue = "named in the sentence";
    if (attackers.empty() && article_groups_.size() == 1) {
      attackers.emplace_back(*article_groups_.begin(), "actor");
      attacker_cue = "the article's only group";
    }
    if (attackers.empty()) return;
    const bool attack_sentence = doc_.sentence_has_cue(sent, kTargetCues);
    for (const Mention* m : ms) {
      for (const auto& [name, kind] : attackers) {
        switch (m->type) {
          case MentionType::Country:
            if (m->role == "target") add("targets", name, kind, m->value, "country", sent, "target role, " + attacker_cue);
            if (m->role == "attribution" && std::string(kind) == "actor" && home_fits(name, m->value))
              add("attributed-to", name, kind, m->value, "country", sent, "attribution role, " + attacker_cue);
            break;
          case MentionType::Sector:
            add("targets", name, kind, m->value, "sector", sent, "sector in the sentence, " + attacker_cue);
            break;
          case MentionType::Tool:
            add("uses", name, kind, m->value, "tool", sent, "tool in the sentence, " + attacker_cue);
            break;
          case MentionType::Actor: {
            if (m->entry == UINT32_MAX) break;
            const std::string& k = rules_.actors[m->entry].kind;
            const bool reporter = reporter_position(*m);
            if ((k == "security-vendor" || k == "government" || k == "media" || k == "organization") && reporter)
              add("reported-by", name, kind, m->value, "actor", sent, "in the reporter's place, " + attacker_cue);
            else if ((k == "organization" || k == "government") && attack_sentence && !reporting_sentence_subject(*m))
              add("targets", name, kind, m->value, "actor", sent, "attack word, " + attacker_cue);
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
