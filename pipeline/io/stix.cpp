#include "io/stix.hpp"

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

std::string id_of(const std::string& type, const std::string& key) { return type + "--" + uuid5(kStixNamespace, type + ":" + key); }

class StixBuilder {
 public:
  StixBuilder(const json& rec, std::string time) : rec_(rec), time_(std::move(time)) {}

  json build() {
    for (const auto& a : rec_["actors"]) actor(a);
    for (const auto& o : rec_["operations"]) sdo("campaign", o["name"], {{"name", o["name"]}, {"aliases", o["aliases"]}});
    for (const auto& c : rec_["countries"])
      sdo("location", c["code"], {{"name", c["name"]}, {"country", c["code"]}});
    for (const auto& s : rec_["sectors"]) sector(s["name"]);
    for (const auto& t : rec_["tools"]) {
      if (t["kind"] == "malware") sdo("malware", t["name"], {{"name", t["name"]}, {"is_family", true}});
      else sdo("tool", t["name"], {{"name", t["name"]}});
    }
    for (const auto& r : rec_["relations"]) relationship(r);
    json report = base("report", id_of("report", rec_.value("id", "")));
    report["name"] = rec_.contains("title") ? rec_["title"] : rec_["id"];
    report["report_types"] = {"threat-report"};
    report["published"] = time_;
    json refs = json::array();
    for (const auto& o : objects_) refs.push_back(o["id"]);
    if (refs.empty()) refs.push_back(report["id"]);  // object_refs must not be empty
    report["object_refs"] = refs;
    if (rec_.contains("meta") && rec_["meta"].contains("url"))
      report["external_references"] = {{{"source_name", "article"}, {"url", rec_["meta"]["url"]}}};
    json out = json::array({report});
    for (auto& o : objects_) out.push_back(std::move(o));
    return out;
  }

 private:
  const json& rec_;
  std::string time_;
  json objects_ = json::array();
  std::map<std::string, std::string> ids_;  // "actor\tLazarus Group" -> STIX id

  json base(const std::string& type, const std::string& id) const {
    return {{"type", type}, {"spec_version", "2.1"}, {"id", id}, {"created", time_}, {"modified", time_}};
  }

  void sdo(const std::string& type, const std::string& key, const json& props, const std::string& ref_key = "") {
    const std::string id = id_of(type, key);
    json o = base(type, id);
    for (auto it = props.begin(); it != props.end(); ++it) o[it.key()] = it.value();
    objects_.push_back(std::move(o));
    ids_[ref_key.empty() ? key : ref_key] = id;
  }

  void actor(const json& a) {
    const std::string name = a["name"];
    const std::string kind = a.value("kind", "");
    if (kind == "threat-group") {
      sdo("intrusion-set", name, {{"name", name}, {"aliases", a["aliases"]}}, "actor\t" + name);
      return;
    }
    json props = {{"name", name}, {"identity_class", kind == "person" ? "individual" : "organization"}};
    sdo("identity", name, props, "actor\t" + name);
  }

  void sector(const std::string& term) {
    sdo("identity", "sector:" + term, {{"name", term + " sector"}, {"identity_class", "class"}, {"sectors", {term}}},
        "sector\t" + term);
  }

  std::string ref(const std::string& type, const std::string& value) const {
    static const std::map<std::string, std::string> prefix = {{"actor", "actor\t"}, {"operation", ""}, {"country", ""},
                                                              {"sector", "sector\t"}, {"tool", ""}};
    auto p = prefix.find(type);
    if (p == prefix.end()) return {};
    auto it = ids_.find(p->second + value);
    return it == ids_.end() ? std::string() : it->second;
  }

  void relationship(const json& r) {
    const std::string src = ref(r["source_type"], r["source"]), dst = ref(r["target_type"], r["target"]);
    if (src.empty() || dst.empty()) return;
    std::string type = r["type"];
    json extra = json::object();
    // STIX 2.1 names: a group comes from a location; "reported by" has no relationship of its
    // own, so it is related-to with the reading kept in a custom property.
    if (type == "attributed-to" && r["target_type"] == "country") type = "originates-from";
    if (type == "reported-by") {
      type = "related-to";
      extra["x_news_extract_relation"] = "reported-by";
    }
    const std::string key = type + ":" + src + ":" + dst;
    json o = base("relationship", id_of("relationship", key));
    o["relationship_type"] = type;
    o["source_ref"] = src;
    o["target_ref"] = dst;
    for (auto it = extra.begin(); it != extra.end(); ++it) o[it.key()] = it.value();
    objects_.push_back(std::move(o));
  }
};

}  // namespace

json stix_objects(const json& record, const std::string& fallback_time) {
  std::string time = fallback_time;
  if (record.contains("published") && record["published"].is_string())
    if (auto d = parse_iso_date(record["published"].get<std::string>())) time = format_date(*d) + "T00:00:00.000Z";
  return StixBuilder(record, time).build();
}

json stix_bundle(const json& objects, const std::string& name) {
  return {{"type", "bundle"}, {"id", "bundle--" + uuid5(kStixNamespace, "bundle:" + name)}, {"objects", objects}};
}

}  // namespace news
