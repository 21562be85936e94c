#include "check/compare.hpp"

#include <algorithm>

namespace news {

using ojson = nlohmann::ordered_json;

const char* const kEntityTypes[7] = {"actor", "operation", "country", "role", "sector", "date", "relation"};

namespace {

std::string str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "-";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

template <class J>
EntityView view_of(const J& rec) {
  EntityView v;
  for (auto& t : kEntityTypes) v.by_type[t];
  const nlohmann::json r = nlohmann::json::parse(rec.dump());
  auto list = [&](const char* k) -> const nlohmann::json& {
    static const nlohmann::json empty = nlohmann::json::array();
    auto it = r.find(k);
    return it != r.end() && it->is_array() ? *it : empty;
  };
  for (const auto& a : list("actors")) v.by_type["actor"][str(a, "name")] = str(a, "kind") + ", " + str(a, "country");
  for (const auto& o : list("operations")) v.by_type["operation"][str(o, "name")] = "actor " + str(o, "actor");
  for (const auto& c : list("countries")) {
    std::vector<std::string> roles;
    if (c.contains("roles") && c["roles"].is_array())
      for (const auto& x : c["roles"]) if (x.is_string()) roles.push_back(x.template get<std::string>());
    std::sort(roles.begin(), roles.end());
    v.by_type["country"][str(c, "code")] = "";
    for (auto& role : roles) v.by_type["role"][str(c, "code") + " " + role] = "";
  }
  for (const auto& s : list("sectors")) v.by_type["sector"][str(s, "name")] = "";
  if (r.contains("relations") && r["relations"].is_array()) {
    for (const auto& x : r["relations"])
      v.by_type["relation"][str(x, "type") + " " + str(x, "source") + " -> " + str(x, "target")] = "";
  } else {
    v.unscored.insert("relation");
  }
  std::map<std::string, int> seen;
  for (const auto& d : list("dates")) {
    if (d.value("field", "") == "title") continue;
    const std::string text = str(d, "text");
    const int n = ++seen[text];
    std::string attrs = str(d, "value") + " " + str(d, "type");
    if (d.contains("mod") && !d["mod"].is_null()) attrs += " mod " + str(d, "mod");
    v.by_type["date"]["\"" + text + "\"" + (n > 1 ? " #" + std::to_string(n) : "")] = attrs;
  }
  return v;
}

}  // namespace

EntityView EntityView::from_record(const ojson& record) { return view_of(record); }
EntityView EntityView::from_expected(const nlohmann::json& expected) { return view_of(expected); }

ojson EntityView::expected_form(const ojson& rec) {
  ojson out;
  out["id"] = rec.value("id", "");
  out["published"] = rec.contains("published") ? rec["published"] : ojson(nullptr);
  ojson actors = ojson::array(), ops = ojson::array(), countries = ojson::array(), sectors = ojson::array(), dates = ojson::array();
  for (const auto& a : rec["actors"]) actors.push_back({{"name", a["name"]}, {"kind", a["kind"]}, {"country", a["country"]}});
  for (const auto& o : rec["operations"]) ops.push_back({{"name", o["name"]}, {"actor", o["actor"]}});
  for (const auto& c : rec["countries"]) countries.push_back({{"code", c["code"]}, {"roles", c["roles"]}});
  for (const auto& s : rec["sectors"]) sectors.push_back({{"name", s["name"]}});
  for (const auto& d : rec["dates"]) {
    if (d.value("field", "") == "title") continue;
    ojson e = {{"text", d["text"]}, {"value", d["value"]}, {"type", d["type"]}};
    if (d.contains("mod")) e["mod"] = d["mod"];
    dates.push_back(e);
  }
  out["actors"] = actors;
  out["operations"] = ops;
  out["countries"] = countries;
  out["sectors"] = sectors;
  out["dates"] = dates;
  ojson relations = ojson::array();
  if (rec.contains("relations"))
    for (const auto& x : rec["relations"])
      relations.push_back({{"type", x["type"]}, {"source", x["source"]}, {"target", x["target"]}});
  out["relations"] = relations;
  return out;
}

std::vector<Difference> compare(const EntityView& expected, const EntityView& got, const std::string& only_type) {
  std::vector<Difference> out;
  for (const char* type : kEntityTypes) {
    if (!only_type.empty() && only_type != type && !(only_type == "country" && std::string(type) == "role")) continue;
    if (expected.unscored.count(type)) continue;
    const auto& want = expected.by_type.at(type);
    const auto& have = got.by_type.at(type);
    for (const auto& [key, attrs] : want) {
      auto it = have.find(key);
      if (it == have.end()) out.push_back({type, key, "lost", attrs, ""});
      else if (it->second != attrs) out.push_back({type, key, "changed", attrs, it->second});
    }
    for (const auto& [key, attrs] : have)
      if (!want.count(key)) out.push_back({type, key, "gained", "", attrs});
  }
  return out;
}

void Scores::add(const EntityView& expected, const EntityView& got) {
  for (const char* type : kEntityTypes) {
    Counts& c = by_type[type];
    if (expected.unscored.count(type)) continue;
    const auto& want = expected.by_type.at(type);
    const auto& have = got.by_type.at(type);
    for (const auto& [key, attrs] : want) {
      auto it = have.find(key);
      if (it != have.end() && it->second == attrs) ++c.tp;
      else ++c.fn;
    }
    for (const auto& [key, attrs] : have) {
      auto it = want.find(key);
      if (it == want.end() || it->second != attrs) ++c.fp;
    }
  }
}

}  // namespace news
