#include <doctest/doctest.h>

#include "resolve/overlaps.hpp"

using namespace news;

namespace {
Candidate cand(MentionType t, uint32_t s, uint32_t e, int prio, const char* v) {
  Candidate c;
  c.type = t;
  c.start = s;
  c.end = e;
  c.priority = prio;
  c.value = v;
  return c;
}
}  // namespace

TEST_CASE("overlap policy: longest span, then priority, then leftmost, losers kept") {
  ExtractOptions o;
  o.explain = true;
  Document doc(Article{}, o);
  doc.candidates = {
      cand(MentionType::Actor, 0, 6, 10, "Cobalt Group"),          // "Cobalt"
      cand(MentionType::Tool, 0, 13, 10, "Cobalt Strike"),         // "Cobalt Strike" is longer
      cand(MentionType::Country, 20, 26, 5, "GE"),
      cand(MentionType::Actor, 20, 26, 9, "Georgia person"),       // same span, higher priority
      cand(MentionType::Date, 30, 34, 10, "2019"),
      cand(MentionType::Date, 32, 36, 10, "later"),                // same length, starts later
  };
  resolve_overlaps(doc);
  REQUIRE(doc.mentions.size() == 3);
  CHECK(doc.mentions[0].value == "Cobalt Strike");
  CHECK(doc.mentions[0].beaten.size() == 1);
  CHECK(doc.mentions[0].beaten[0].value == "Cobalt Group");
  CHECK(doc.mentions[1].value == "Georgia person");
  CHECK(doc.mentions[2].value == "2019");
  CHECK(outranks(cand(MentionType::Actor, 0, 10, 0, ""), cand(MentionType::Actor, 0, 5, 99, "")));
}

TEST_CASE("the mention cap keeps the first mentions and warns") {
  ExtractOptions o;
  o.max_mentions = 2;
  Document doc(Article{}, o);
  for (uint32_t i = 0; i < 5; ++i) doc.candidates.push_back(cand(MentionType::Date, i * 10, i * 10 + 4, 1, "x"));
  resolve_overlaps(doc);
  CHECK(doc.mentions.size() == 2);
  CHECK(doc.warnings.size() == 1);
}
