#include "aggregate/sector_parents.hpp"

#include <algorithm>

namespace news {

namespace {

const RuleSet::SectorParent* parent_of(const Candidate& m, const RuleSet& rules) {
  if (m.type != MentionType::Sector) return nullptr;
  const auto it = rules.sector_parent.find(m.value);
  return it == rules.sector_parent.end() ? nullptr : &it->second;
}

}  // namespace

void add_sector_parents(Document& doc, const RuleSet& rules) {
  if (rules.sector_parent.empty()) return;
  if (std::none_of(doc.mentions.begin(), doc.mentions.end(), [&](const Mention& m) { return parent_of(m, rules); })) return;
  auto has_sector_at = [&](const Mention& m, const std::string& value) {
    return std::any_of(doc.mentions.begin(), doc.mentions.end(), [&](const Mention& o) {
      return o.type == MentionType::Sector && o.start == m.start && o.end == m.end && o.value == value;
    });
  };
  std::vector<Mention> out;
  out.reserve(doc.mentions.size() + 4);
  std::vector<int> new_index(doc.mentions.size());  // dates' range_with refers to mention indices
  for (size_t i = 0; i < doc.mentions.size(); ++i) {
    const Mention& m = doc.mentions[i];
    new_index[i] = int(out.size());
    out.push_back(m);
    const auto* p = parent_of(m, rules);
    if (!p || has_sector_at(m, p->parent)) continue;
    Mention twin = m;
    twin.value = p->parent;
    twin.rule = p->rule;
    twin.beaten.clear();
    if (doc.options.explain) twin.cue = "the general sector of " + m.value + (m.cue.empty() ? "" : "; " + m.cue);
    out.push_back(std::move(twin));
  }
  for (auto& m : out)
    if (m.range_with >= 0) m.range_with = new_index[size_t(m.range_with)];
  doc.mentions = std::move(out);

  std::vector<Relation> twins;
  for (const Relation& r : doc.relations) {
    if (r.target_type != "sector") continue;
    const auto it = rules.sector_parent.find(r.target);
    if (it == rules.sector_parent.end()) continue;
    auto same = [&](const Relation& o) { return o.type == r.type && o.source == r.source && o.target == it->second.parent && o.target_type == "sector"; };
    if (std::any_of(doc.relations.begin(), doc.relations.end(), same) || std::any_of(twins.begin(), twins.end(), same)) continue;
    Relation twin = r;
    twin.target = it->second.parent;
    if (doc.options.explain) twin.cue = "the general sector of " + r.target + (r.cue.empty() ? "" : "; " + r.cue);
    twins.push_back(std::move(twin));
  }
  doc.relations.insert(doc.relations.end(), twins.begin(), twins.end());
}

}  // namespace news
