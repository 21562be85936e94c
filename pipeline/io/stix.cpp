#include "io/stix.hpp"

#include <array>
#include <cctype>
#include <chrono>
#include <ctime>
#include <map>
#include <set>

#include "core/calendar.hpp"
#include "core/uuid.hpp"

namespace news {

using json = nlohmann::ordered_json;

std::string stix_now() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
  return buf;
}

namespace {

// Our own namespace for the name-based ids. STIX 2.1 (section 2.9) keeps
// 00abedb4-aa42-466c-9c01-fed23315a9b7 for cyber-observables and forbids it for
// domain and relationship objects.
constexpr std::array<uint8_t, 16> kNewsExtractNamespace = {0x5f, 0x1b, 0x0c, 0x2e, 0x9a, 0x43, 0x4d, 0x7e,
                                                           0x8c, 0x6a, 0x3e, 0x2d, 0x41, 0xb7, 0xa9, 0xf0};

std::string id_of(const std::string& type, const std::string& key) {
  return type + "--" + uuid5(kNewsExtractNamespace, type + ":" + key);
}

// The relationships STIX 2.1 defines between the object types we write (its
// relationship summary tables); anything else is written as related-to.
bool stix_allows(const std::string& source, const std::string& rel, const std::string& target) {
  static const std::set<std::string> allowed = {
      "campaign attributed-to intrusion-set", "campaign originates-from location", "campaign targets identity",
      "campaign targets location",            "campaign uses malware",             "campaign uses tool",
      "intrusion-set originates-from location", "intrusion-set targets identity", "intrusion-set targets location",
      "intrusion-set uses malware",           "intrusion-set uses tool",           "identity located-at location",
      "malware targets identity",             "malware targets location",          "malware originates-from location",
      "malware authored-by intrusion-set",    "tool targets identity",             "tool targets location",
      "campaign attributed-to threat-actor",  "threat-actor targets identity",     "threat-actor targets location",
      "threat-actor uses malware",            "threat-actor uses tool",            "threat-actor located-at location",
  };
  return allowed.count(source + " " + rel + " " + target) > 0;
}

// An absolute URI (RFC 3986): a scheme, a colon, then no spaces or control characters.
bool is_absolute_uri(const std::string& s) {
  const size_t colon = s.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == s.size()) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (size_t i = 1; i < colon; ++i) {
    const char c = s[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  for (size_t i = colon + 1; i < s.size(); ++i)
    if (static_cast<unsigned char>(s[i]) <= 0x20 || s[i] == 0x7f) return false;
  return true;
}

std::string text_or(const json& rec, const char* key, const std::string& fallback) {
  auto it = rec.find(key);
  return it != rec.end() && it->is_string() && !it->get<std::string>().empty() ? it->get<std::string>() : fallback;
}

const json& list_of(const json& rec, const char* key) {
  static const json empty = json::array();
  auto it = rec.find(key);
  return it != rec.end() && it->is_array() ? *it : empty;
}

class StixBuilder {
 public:
  StixBuilder(const json& rec, std::string time, const StixAliases& aliases)
      : rec_(rec), time_(std::move(time)), aliases_(aliases) {}

  json build() {
    for (const auto& a : list_of(rec_, "actors")) actor(a);
    for (const auto& o : list_of(rec_, "operations")) {
      const std::string name = text_or(o, "name", "");
      sdo("campaign", "operation", name, with_aliases(json::object(), aliases_.of_campaign(name)));
    }
    for (const auto& c : list_of(rec_, "countries")) {
      const std::string code = text_or(c, "code", "");
      sdo("location", "country", code, {{"name", text_or(c, "name", code)}, {"country", code}});
    }
    for (const auto& s : list_of(rec_, "sectors")) sector(text_or(s, "name", ""));
    for (const auto& t : list_of(rec_, "tools")) {
      const std::string name = text_or(t, "name", "");
      if (text_or(t, "kind", "") == "malware") sdo("malware", "tool", name, {{"is_family", true}});
      else sdo("tool", "tool", name, json::object());
    }
    for (const auto& r : list_of(rec_, "relations")) relationship(r);

    const std::string article = text_or(rec_, "id", "");
    json report = base("report", id_of("report", article), time_);
    report["name"] = text_or(rec_, "title", article.empty() ? "untitled article" : article);
    report["report_types"] = {"threat-report"};
    report["published"] = time_;
    json refs = json::array();
    for (const auto& o : objects_) refs.push_back(o["id"]);
    if (refs.empty()) refs.push_back(report["id"]);  // object_refs must not be empty: an article with nothing found
    report["object_refs"] = refs;
    auto meta = rec_.find("meta");
    if (meta != rec_.end() && meta->is_object()) {
      const std::string url = text_or(*meta, "url", "");
      if (is_absolute_uri(url)) report["external_references"] = {{{"source_name", "article"}, {"url", url}}};
    }
    json out = json::array({report});
    for (auto& o : objects_) out.push_back(std::move(o));
    return out;
  }

 private:
  const json& rec_;
  std::string time_;
  const StixAliases& aliases_;
  json objects_ = json::array();
  std::set<std::string> emitted_;
  std::map<std::string, std::string> ids_;  // "actor\tLazarus Group" -> STIX id, keyed by record type

  static json base(const std::string& type, const std::string& id, const std::string& time = kSharedObjectTime) {
    return {{"type", type}, {"spec_version", "2.1"}, {"id", id}, {"created", time}, {"modified", time}};
  }

  // The aliases the rules know, when there are any (STIX lists must not be empty).
  static json with_aliases(json props, const std::vector<std::string>* known) {
    if (known && !known->empty()) props["aliases"] = *known;
    return props;
  }

  // `record_type` and `key` name the entity as the record's relations do; the
  // id is derived from the STIX type and the key, so it is the same in every article.
  void sdo(const std::string& type, const std::string& record_type, const std::string& key, const json& props,
           const std::string& name = "") {
    if (key.empty()) return;
    const std::string id = id_of(type, key);
    ids_[record_type + "\t" + key] = id;
    if (!emitted_.insert(id).second) return;
    json o = base(type, id);
    if (!props.contains("name")) o["name"] = name.empty() ? key : name;
    for (auto it = props.begin(); it != props.end(); ++it) o[it.key()] = it.value();
    objects_.push_back(std::move(o));
  }

  void actor(const json& a) {
    const std::string name = text_or(a, "name", "");
    const std::string kind = text_or(a, "kind", "");
    if (kind == "threat-group") {
      sdo("intrusion-set", "actor", name, with_aliases(json::object(), aliases_.of_group(name)));
      return;
    }
    // A company that sells intrusion to governments (motivation mercenary) is the attacker of its
    // stories: a threat actor that spies for sale, not an identity (which can target nothing).
    if (text_or(a, "motivation", "") == "mercenary") {
      sdo("threat-actor", "actor", name,
          {{"threat_actor_types", {"spy"}}, {"resource_level", "organization"}, {"primary_motivation", "organizational-gain"}});
      return;
    }
    json props = {{"identity_class", kind == "person" ? "individual" : "organization"}};
    if (auto sectors = a.find("sectors"); sectors != a.end() && sectors->is_array() && !sectors->empty()) props["sectors"] = *sectors;
    sdo("identity", "actor", name, props);
  }

  void sector(const std::string& term) {
    if (term.empty()) return;
    const std::string key = "sector:" + term;
    const std::string id = id_of("identity", key);
    ids_["sector\t" + term] = id;
    if (!emitted_.insert(id).second) return;
    json o = base("identity", id);
    o["name"] = term + " sector";
    o["identity_class"] = "class";
    o["sectors"] = {term};
    objects_.push_back(std::move(o));
  }

  std::string ref(const json& r, const char* type_key, const char* value_key) const {
    auto it = ids_.find(text_or(r, type_key, "") + "\t" + text_or(r, value_key, ""));
    return it == ids_.end() ? std::string() : it->second;
  }

  void relationship(const json& r) {
    const std::string src = ref(r, "source_type", "source"), dst = ref(r, "target_type", "target");
    if (src.empty() || dst.empty() || src == dst) return;
    const std::string reading = text_or(r, "type", "");
    if (reading.empty()) return;
    // STIX 2.1 words: a group comes from a location rather than being attributed to it.
    std::string type = reading;
    if (type == "attributed-to" && text_or(r, "target_type", "") == "country")
      type = src.starts_with("threat-actor--") ? "located-at" : "originates-from";
    // "reported by" has no relationship of its own, nor has any pairing STIX does not define
    // (a government agency behind a campaign): related-to, with our reading kept.
    if (!stix_allows(src.substr(0, src.find("--")), type, dst.substr(0, dst.find("--")))) type = "related-to";
    const std::string id = id_of("relationship", reading + ":" + src + ":" + dst);
    if (!emitted_.insert(id).second) return;
    json o = base("relationship", id);
    o["relationship_type"] = type;
    o["source_ref"] = src;
    o["target_ref"] = dst;
    if (type == "related-to") o["x_news_extract_relation"] = reading;
    objects_.push_back(std::move(o));
  }
};

}  // namespace

StixAliases::StixAliases(const RuleSet& rules) {
  std::set<std::pair<bool, std::string>> seen;  // (campaign?, canonical + surface)
  for (const FormEntry& f : rules.forms) {
    if (f.generated || f.cue_list >= 0 || f.surface.empty()) continue;
    if (f.kind != FormKind::Name && f.kind != FormKind::Alias && f.kind != FormKind::Abbreviation) continue;
    std::unordered_map<std::string, std::vector<std::string>>* index = nullptr;
    std::string canonical;
    if (f.type == MentionType::Actor && f.entity < rules.actors.size() && rules.actors[f.entity].kind == "threat-group") {
      index = &groups_;
      canonical = rules.actors[f.entity].name;
    } else if (f.type == MentionType::Operation && f.entity < rules.campaigns.size()) {
      index = &campaigns_;
      canonical = rules.campaigns[f.entity].name;
    }
    if (!index || !seen.insert({index == &campaigns_, canonical + '\t' + f.surface}).second) continue;
    (*index)[canonical].push_back(f.surface);
  }
}

const std::vector<std::string>* StixAliases::of_group(const std::string& name) const {
  auto it = groups_.find(name);
  return it == groups_.end() ? nullptr : &it->second;
}
const std::vector<std::string>* StixAliases::of_campaign(const std::string& name) const {
  auto it = campaigns_.find(name);
  return it == campaigns_.end() ? nullptr : &it->second;
}


json stix_objects(const json& record, const std::string& fallback_time, const StixAliases& aliases) {
  std::string time = fallback_time;
  if (record.contains("published") && record["published"].is_string())
    if (auto d = parse_iso_date(record["published"].get<std::string>())) time = format_date(*d) + "T00:00:00.000Z";
  return StixBuilder(record, time, aliases).build();
}

json stix_bundle(const json& objects, const std::string& name) {
  return {{"type", "bundle"}, {"id", "bundle--" + uuid5(kNewsExtractNamespace, "bundle:" + name)}, {"objects", objects}};
}

}  // namespace news
