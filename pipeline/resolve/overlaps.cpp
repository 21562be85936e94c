#include "resolve/overlaps.hpp"

#include <algorithm>
#include <map>

namespace news {

namespace {
// An organisation or government body found by a name pattern, not listed in the rules.
bool unlisted_institution(const Candidate& c) {
  return c.type == MentionType::Actor && c.entry == UINT32_MAX && (c.kind == "organization" || c.kind == "government");
}
}  // namespace

bool outranks(const Candidate& a, const Candidate& b) {
  const uint32_t la = a.end - a.start, lb = b.end - b.start;
  if (la != lb) return la > lb;
  // the same words as a sector's ("the Ministry of Finance"): the body is named, its sector nests in it
  if (unlisted_institution(a) != unlisted_institution(b) && (a.type == MentionType::Sector || b.type == MentionType::Sector))
    return unlisted_institution(a);
  if (a.priority != b.priority) return a.priority > b.priority;
  if (a.start != b.start) return a.start < b.start;
  return a.type < b.type;
}

void resolve_overlaps(Document& doc) {
  auto& cands = doc.candidates;
  // A sector word inside a name ("the state-owned Bank of China", "Colonial Pipeline") is part
  // of the name: sectors give way to any actor, operation or tool they overlap. Not inside an
  // institution's name the rules do not list ("Heinrich Heine University", "Kansas Heart
  // Hospital"): no entry gives its sectors, so the word does, nested in the name as a country is.
  std::vector<std::pair<uint32_t, uint32_t>> names;
  for (const auto& c : cands)
    if ((c.type == MentionType::Actor && !unlisted_institution(c)) || c.type == MentionType::Operation || c.type == MentionType::Tool)
      names.emplace_back(c.start, c.end);
  if (!names.empty()) {
    std::sort(names.begin(), names.end());
    std::erase_if(cands, [&](const Candidate& c) {
      if (c.type != MentionType::Sector) return false;
      auto it = std::lower_bound(names.begin(), names.end(), std::make_pair(c.end, 0u));
      while (it != names.begin()) {
        --it;
        // Overlapping, and not just a name inside a longer sector phrase ("an NHS trust").
        if (it->second > c.start && !(c.start <= it->first && it->second <= c.end && c.end - c.start > it->second - it->first))
          return true;
        if (it->first + 256 < c.start) break;
      }
      return false;
    });
  }
  // Sorting indexes, not the candidates: a candidate is a dozen strings to move around.
  std::vector<uint32_t> order(cands.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return outranks(cands[a], cands[b]); });
  // Winners and nested countries and sectors are indexes into the candidates until the end, when each is
  // moved once into its mention (a Mention is a dozen strings).
  std::map<uint32_t, size_t> taken;  // start -> index in winners (non-overlapping spans)
  std::vector<uint32_t> winners, nested;
  std::vector<std::vector<Candidate>> beaten;  // parallel to winners
  winners.reserve(cands.size());
  beaten.reserve(cands.size());
  for (uint32_t ci : order) {
    const Candidate& c = cands[ci];
    // Winner overlapping [c.start, c.end): the last span starting before c.end.
    auto it = taken.lower_bound(c.end);
    bool clash = false;
    if (it != taken.begin()) {
      auto prev = std::prev(it);
      const Candidate& w = cands[winners[prev->second]];
      if (w.end > c.start) {
        clash = true;
        // A country named inside an organisation's name ("the U.S. Treasury", "Iran's Revolutionary
        // Guard Corps") is still a country mention; it nests in the actor's span. Not in a person's
        // ("Lisa Monaco", "Sofia Lindqvist").
        const bool nests = (c.type == MentionType::Country && w.type == MentionType::Actor && w.kind != "threat-group" && w.kind != "person") ||
                           (c.type == MentionType::Sector && unlisted_institution(w));
        if (nests && w.start <= c.start && c.end <= w.end &&
            ((w.end - w.start) > (c.end - c.start) || (c.type == MentionType::Sector && unlisted_institution(w))))
          nested.push_back(ci);
        std::vector<Candidate>& lost = beaten[prev->second];
        if (doc.options.explain && lost.size() < 16 && !(w.start == c.start && w.end == c.end && w.value == c.value && w.type == c.type))
          lost.push_back(c);
      }
    }
    if (clash) continue;
    taken.emplace(c.start, winners.size());
    winners.push_back(ci);
    beaten.emplace_back();
  }
  // Nested countries and sectors settle among themselves by the same policy ("U.S." over "U.S").
  const size_t winner_count = winners.size();
  for (uint32_t n : nested) {  // already in policy order: candidates were sorted before
    bool overlaps = false;
    for (size_t k = winner_count; k < winners.size(); ++k)
      overlaps |= cands[winners[k]].start < cands[n].end && cands[n].start < cands[winners[k]].end;
    if (!overlaps) winners.push_back(n);
  }
  // In text order; as above, the indexes are sorted and each mention moved once.
  std::vector<uint32_t> by_start(winners.size());
  for (uint32_t i = 0; i < by_start.size(); ++i) by_start[i] = i;
  std::sort(by_start.begin(), by_start.end(), [&](uint32_t a, uint32_t b) { return cands[winners[a]].start < cands[winners[b]].start; });
  size_t keep = winners.size();
  if (keep > doc.options.max_mentions) {
    doc.warnings.push_back("more than " + std::to_string(doc.options.max_mentions) + " mentions; the rest were dropped");
    keep = doc.options.max_mentions;
  }
  doc.mentions.clear();
  doc.mentions.reserve(keep);
  for (size_t i = 0; i < keep; ++i) {
    Mention& m = doc.mentions.emplace_back();
    static_cast<Candidate&>(m) = std::move(cands[winners[by_start[i]]]);
    if (by_start[i] < winner_count) m.beaten = std::move(beaten[by_start[i]]);
  }
  cands.clear();
}

}  // namespace news
