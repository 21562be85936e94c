#include "aggregate/record.hpp"

#include "aggregate/relations.hpp"

#include <map>
#include <set>

namespace news {

using json = nlohmann::ordered_json;

namespace {

struct Span {
  uint32_t start, end;
  bool title;
};

class RecordBuilder {
 public:
  RecordBuilder(const Document& doc, const RuleSet& rules) : doc_(doc), rules_(rules) {}

  json build() {
    json rec = header(doc_.article, doc_.options.keep_text);
    for (const auto& m : doc_.mentions) spans_.push_back(span_of(m));
    rec["actors"] = actors();
    rec["operations"] = operations();
    rec["countries"] = countries();
    rec["sectors"] = sectors();
    rec["dates"] = dates();
    rec["tools"] = tools();
    rec["relations"] = relations();
    rec["mentions"] = mentions();
    json errors = json::array();
    for (const auto& e : doc_.errors) errors.push_back({{"code", e.code}, {"message", e.message}});
    rec["errors"] = errors;
    if (!doc_.warnings.empty() || !doc_.article.warnings.empty()) {
      json w = json::array();
      for (auto& s : doc_.article.warnings) w.push_back(s);
      for (auto& s : doc_.warnings) w.push_back(s);
      rec["warnings"] = w;
    }
    return rec;
  }

  static json header(const Article& a, bool keep_text) {
    json rec;
    rec["id"] = a.id;
    if (!a.title.empty()) rec["title"] = a.title;
    rec["published"] = a.published_raw.empty() ? json(nullptr) : json(a.published_raw);
    if (!a.meta.empty()) rec["meta"] = a.meta;
    if (!a.duplicate_of.empty()) rec["duplicate_of"] = a.duplicate_of;
    if (keep_text) rec["text"] = a.text;
    return rec;
  }

 private:
  const Document& doc_;
  const RuleSet& rules_;
  std::vector<Span> spans_;  // code point spans, parallel to doc_.mentions

  Span span_of(const Mention& m) const {
    if (doc_.in_title(m.start))
      return {doc_.title_offsets.code_point(m.start), doc_.title_offsets.code_point(m.end), true};
    return {doc_.offsets.code_point(m.start - doc_.body_start), doc_.offsets.code_point(m.end - doc_.body_start), false};
  }

  std::string text_of(const Mention& m) const { return std::string(doc_.span(m.start, m.end)); }

  // Entities of one type, in order of first appearance, keyed by their value.
  template <class Fill>
  json group_by_value(MentionType type, Fill fill) const {
    std::vector<std::string> order;
    std::map<std::string, std::vector<size_t>> by_value;
    for (size_t i = 0; i < doc_.mentions.size(); ++i) {
      const auto& m = doc_.mentions[i];
      if (m.type != type) continue;
      auto [it, fresh] = by_value.try_emplace(m.value);
      if (fresh) order.push_back(m.value);
      it->second.push_back(i);
    }
    json out = json::array();
    for (const auto& v : order) {
      const auto& idx = by_value[v];
      json e;
      fill(e, doc_.mentions[idx.front()], idx);
      std::vector<std::string> aliases;
      json spans = json::array();
      for (size_t i : idx) {
        const std::string t = text_of(doc_.mentions[i]);
        if (std::find(aliases.begin(), aliases.end(), t) == aliases.end()) aliases.push_back(t);
        if (!spans_[i].title) spans.push_back({spans_[i].start, spans_[i].end});
      }
      e["aliases"] = aliases;
      e["mentions"] = spans;
      out.push_back(std::move(e));
    }
    return out;
  }

  json actors() const {
    return group_by_value(MentionType::Actor, [&](json& e, const Mention& m, const std::vector<size_t>& idx) {
      e["name"] = m.value;
      if (m.entry != UINT32_MAX) {
        const auto& a = rules_.actors[m.entry];
        e["kind"] = a.kind;
        e["country"] = a.country.empty() ? json(nullptr) : json(a.country);
        if (!a.motivation.empty()) e["motivation"] = a.motivation;
        if (!a.mitre.empty()) e["mitre"] = a.mitre;
        e["id"] = a.id;
      } else {
        e["kind"] = "person";
        e["country"] = nullptr;
      }
      if (e["kind"] == "person")
        for (size_t i : idx)
          if (!doc_.mentions[i].link.empty()) {
            e["organization"] = doc_.mentions[i].link;
            break;
          }
    });
  }

  json operations() const {
    return group_by_value(MentionType::Operation, [&](json& e, const Mention& m, const std::vector<size_t>& idx) {
      e["name"] = m.value;
      std::string actor;
      for (size_t i : idx)
        if (actor.empty()) actor = operation_group(doc_, rules_, doc_.mentions[i]);
      e["actor"] = actor.empty() ? json(nullptr) : json(actor);
    });
  }

  json countries() const {
    return group_by_value(MentionType::Country, [&](json& e, const Mention& m, const std::vector<size_t>& idx) {
      e["code"] = m.value;
      e["name"] = rules_.countries[m.entry].name;
      std::vector<std::string> roles;
      for (const char* r : {"target", "attribution"})
        for (size_t i : idx)
          if (doc_.mentions[i].role == r) { roles.push_back(r); break; }
      if (roles.empty()) roles.push_back("mention");
      e["roles"] = roles;
    });
  }

  json sectors() const {
    return group_by_value(MentionType::Sector, [&](json& e, const Mention& m, const std::vector<size_t>&) { e["name"] = m.value; });
  }

  json tools() const {
    return group_by_value(MentionType::Tool, [&](json& e, const Mention& m, const std::vector<size_t>&) {
      e["name"] = m.value;
      e["kind"] = rules_.tools[m.entry].kind;
    });
  }

  json dates() const {
    json out = json::array();
    std::map<size_t, size_t> date_index;  // mention index -> index in dates
    for (size_t i = 0; i < doc_.mentions.size(); ++i)
      if (doc_.mentions[i].type == MentionType::Date) date_index[i] = date_index.size();
    for (size_t i = 0; i < doc_.mentions.size(); ++i) {
      const auto& m = doc_.mentions[i];
      if (m.type != MentionType::Date) continue;
      json d;
      d["text"] = text_of(m);
      d["value"] = m.date.value.empty() ? json(nullptr) : json(m.date.value);
      d["type"] = m.date.type;
      d["start"] = spans_[i].start;
      d["end"] = spans_[i].end;
      if (spans_[i].title) d["field"] = "title";
      if (!m.date.mod.empty()) d["mod"] = m.date.mod;
      if (m.date.anchored) d["anchor"] = doc_.anchor ? "published" : "unknown";
      if (m.range_with >= 0) {
        const size_t other = date_index.at(size_t(m.range_with));
        d["range"] = {{"role", size_t(m.range_with) > i ? "begin" : "end"}, {"with", other}};
      }
      out.push_back(std::move(d));
    }
    return out;
  }

  json relations() const {
    json out = json::array();
    for (const auto& r : doc_.relations) {
      json j = {{"type", r.type}, {"source", r.source}, {"target", r.target}, {"source_type", r.source_type},
                {"target_type", r.target_type}, {"sentence", r.sentence},
                {"evidence", {code_point(r.evidence_start), code_point(r.evidence_end)}}};
      if (doc_.options.explain) j["cue"] = r.cue;
      out.push_back(std::move(j));
    }
    return out;
  }

  uint32_t code_point(uint32_t b) const {
    return doc_.in_title(b) ? doc_.title_offsets.code_point(std::min<uint32_t>(b, uint32_t(doc_.article.title.size())))
                            : doc_.offsets.code_point(b - doc_.body_start);
  }

  json mentions() const {
    json out = json::array();
    for (size_t i = 0; i < doc_.mentions.size(); ++i) {
      const auto& m = doc_.mentions[i];
      json j;
      j["type"] = to_string(m.type);
      j["start"] = spans_[i].start;
      j["end"] = spans_[i].end;
      j["text"] = text_of(m);
      j["value"] = m.value.empty() ? json(nullptr) : json(m.value);
      if (spans_[i].title) j["field"] = "title";
      if (m.type == MentionType::Country) j["role"] = m.role;
      if (doc_.options.explain) {
        j["rule"] = rules_.rule_location(m.rule);
        if (!m.cue.empty()) j["cue"] = m.cue;
        if (!m.beaten.empty()) {
          json beaten = json::array();
          for (const auto& b : m.beaten)
            beaten.push_back({{"type", to_string(b.type)}, {"text", std::string(doc_.span(b.start, b.end))},
                              {"value", b.value}, {"rule", rules_.rule_location(b.rule)}});
          j["beaten"] = beaten;
        }
      }
      out.push_back(std::move(j));
    }
    return out;
  }
};

}  // namespace

json build_record(const Document& doc, const RuleSet& rules) { return RecordBuilder(doc, rules).build(); }

namespace {
json empty_record(const Article& a, const std::vector<Error>& errors, bool keep_text) {
  json rec = RecordBuilder::header(a, keep_text);
  for (const char* k : {"actors", "operations", "countries", "sectors", "dates", "tools", "relations", "mentions"})
    rec[k] = json::array();
  json e = json::array();
  for (const auto& err : errors) e.push_back({{"code", err.code}, {"message", err.message}});
  rec["errors"] = e;
  if (!a.warnings.empty()) rec["warnings"] = a.warnings;
  return rec;
}
}  // namespace

json error_record(const Article& a, const std::vector<Error>& errors, bool keep_text) {
  return empty_record(a, errors, keep_text);
}

json duplicate_record(const Article& a, bool keep_text) { return empty_record(a, {}, keep_text); }

}  // namespace news
