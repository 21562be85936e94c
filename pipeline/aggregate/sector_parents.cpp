#include "aggregate/sector_parents.hpp"

#include <algorithm>
#include <unordered_set>

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
  auto& ms = doc.mentions;
  // Whether the general term is already there at the same span (mentions are in text order: look
  // at the neighbours that start where it does).
  auto has_sector_at = [&](size_t i, const std::string& value) {
    auto same = [&](size_t k) { return ms[k].type == MentionType::Sector && ms[k].end == ms[i].end && ms[k].value == value; };
    for (size_t k = i; k-- > 0 && ms[k].start == ms[i].start;)
      if (same(k)) return true;
    for (size_t k = i + 1; k < ms.size() && ms[k].start == ms[i].start; ++k)
      if (same(k)) return true;
    return false;
  };
  std::vector<std::pair<size_t, const RuleSet::SectorParent*>> with_twin;  // the mentions that get a twin right after them
  for (size_t i = 0; i < ms.size(); ++i)
    if (const auto* p = parent_of(ms[i], rules); p && !has_sector_at(i, p->parent)) with_twin.emplace_back(i, p);
  if (!with_twin.empty()) {
    // In place, from the back (a huge article's mentions are not held twice): mention i moves up
    // by the number of twins before it.
    const size_t n = ms.size();
    ms.resize(n + with_twin.size());
    size_t shift = with_twin.size();
    for (size_t i = n; i-- > 0 && shift > 0;) {
      if (with_twin[shift - 1].first == i) {
        const auto* p = with_twin[shift - 1].second;
        Mention twin = ms[i];
        twin.value = p->parent;
        twin.rule = p->rule;
        twin.beaten.clear();
        if (doc.options.explain) twin.cue = "the general sector of " + ms[i].value + (ms[i].cue.empty() ? "" : "; " + ms[i].cue);
        ms[i + shift] = std::move(twin);
        --shift;
      }
      if (shift > 0) ms[i + shift] = std::move(ms[i]);
    }
    for (auto& m : ms)  // dates' range_with refers to mention indices
      if (m.range_with >= 0) {
        const auto before = std::lower_bound(with_twin.begin(), with_twin.end(), size_t(m.range_with),
                                             [](const auto& twin, size_t index) { return twin.first < index; }) -
                            with_twin.begin();
        m.range_with += int(before);
      }
  }

  // the sector relations there are, by (type, source, target): a twin is made once, and never
  // beside the general one already found (a set, not a scan per relation: a hostile article may
  // hold thousands of relations)
  auto key = [](const Relation& r, const std::string& target) { return r.type + '\n' + r.source + '\n' + target; };
  std::unordered_set<std::string> present;
  for (const Relation& r : doc.relations)
    if (r.target_type == "sector") present.insert(key(r, r.target));
  std::vector<Relation> twins;
  for (const Relation& r : doc.relations) {
    if (r.target_type != "sector") continue;
    const auto it = rules.sector_parent.find(r.target);
    if (it == rules.sector_parent.end() || !present.insert(key(r, it->second.parent)).second) continue;
    Relation twin = r;
    twin.target = it->second.parent;
    if (doc.options.explain) twin.cue = "the general sector of " + r.target + (r.cue.empty() ? "" : "; " + r.cue);
    twins.push_back(std::move(twin));
  }
  doc.relations.insert(doc.relations.end(), twins.begin(), twins.end());
}

}  // namespace news
