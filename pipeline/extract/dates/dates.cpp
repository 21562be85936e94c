#include "extract/dates/dates.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <cctype>

#include "core/text.hpp"
#include "extract/dates/resolvers.hpp"

namespace news {

namespace {

struct Range { uint32_t start, end; };

std::vector<Range> blocked_spans(const Document& doc, const RuleSet& rules) {
  std::vector<Range> out;
  for (int idx : patterns_that_may_match(rules.date_blocker_prefilter.get(), rules.date_blockers.size(), doc.norm)) {
    const auto& re = rules.date_blockers[size_t(idx)];
    size_t pos = 0;
    re2::StringPiece m;
    while (pos < doc.norm.size() && re->Match(doc.norm, pos, doc.norm.size(), RE2::UNANCHORED, &m, 1)) {
      const uint32_t s = uint32_t(m.data() - doc.norm.data());
      out.push_back({s, s + uint32_t(m.size())});
      pos = s + std::max<size_t>(m.size(), 1);
    }
  }
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.start < b.start; });
  return out;
}

bool overlaps_blocked(const std::vector<Range>& blocked, uint32_t s, uint32_t e) {
  auto it = std::lower_bound(blocked.begin(), blocked.end(), e, [](const Range& r, uint32_t v) { return r.start < v; });
  while (it != blocked.begin()) {
    --it;
    if (it->end > s) return true;
    if (it->start + 4096 < s) break;  // blocked spans are short
  }
  return false;
}


bool is_plural_noun(std::string_view w) {
  static const char* not_plural[] = {"is", "was", "has", "as", "this", "its", "his", "us", "thus", "plus", "across", "versus", "less", "unless", "series", "news", "its", "various", "previous", "numerous", "always", "afterwards", "towards", "whereas", "does", "goes"};
  if (w.size() < 3 || w.back() != 's') return false;
  for (auto n : not_plural) if (w == n) return false;
  for (char ch : w) if (ch < 'a' || ch > 'z') return false;
  return true;
}

// "2014 employees", "2018 unique passwords", "2021 infected routers": a count, not a year.
// The capture is one or two lower-case words; with two, the first must read as an
// adjective of the count (listed in dates/lists/count-adjective.tsv, or a participle).
bool is_count(std::string_view words, const RuleSet& rules) {
  const size_t sp = words.find_first_of(" \t\n");
  if (sp == std::string_view::npos) return is_plural_noun(words) && !rules.date_list_value("after-year", words);
  const std::string_view first = words.substr(0, sp);
  const std::string_view second = words.substr(words.find_last_of(" \t\n") + 1);
  if (rules.date_list_value("after-year", first)) return false;
  if (is_plural_noun(first)) return true;
  if (!is_plural_noun(second)) return false;
  const bool participle = first.size() > 4 && (first.substr(first.size() - 2) == "ed" || first.substr(first.size() - 3) == "ing");
  return participle || rules.date_list_value("count-adjective", first);
}

// Words of the sentence (dates/lists/future-cue.tsv) that put a date without a year ahead
// of the publication date, besides context/future-cues.txt ("the deadline is Sept. 30").
// `future_cues` is that list (nullptr without one); a token's folded form is its key.
bool sentence_has_date_future_cue(const Document& doc, uint32_t sentence, const DateList* future_cues) {
  if (!future_cues) return false;
  const Sentence& s = doc.sentences[sentence];
  for (uint32_t t = s.first_token; t < s.end_token; ++t)
    if (doc.tokens[t].is_word && future_cues->contains(doc.folded_token(t))) return true;
  return false;
}

// A past-tense verb right next to the date ("officials said on Tuesday", "Sony on Wednesday
// canceled") outweighs a future cue elsewhere in the sentence ("planned surgery").
bool local_past(const Document& doc, size_t first, size_t last) {
  static const char* reporting[] = {"said", "announced", "reported", "confirmed", "disclosed", "revealed", "told", "was", "were", "had"};
  auto is_past = [&](size_t t, bool ed) {
    if (t >= doc.tokens.size() || !doc.tokens[t].is_word || doc.tokens[t].sentence != doc.tokens[first].sentence) return false;
    const std::string_view w = doc.folded_token(t);
    for (auto r : reporting) if (w == r) return true;
    return ed && w.size() > 4 && w.compare(w.size() - 2, 2, "ed") == 0 && w != "scheduled" && w != "planned" && w != "expected";
  };
  size_t before = first;
  if (before > 0 && doc.folded_token(before - 1) == "on") --before;
  if (before > 0 && is_past(before - 1, before < first)) return true;  // "was attacked on Monday"
  size_t after = last + 1;
  if (after < doc.tokens.size() && doc.token_text(doc.tokens[after]) == ",") ++after;
  return is_past(after, true);
}

// "patch by December 24", "until Friday", "Easter, which falls on April 20": words before
// the date that point ahead of the publication date, even in past narrative.
bool points_ahead(const Document& doc, size_t first) {
  auto word = [&](size_t back) -> std::string_view {
    if (first < back) return {};
    const Token& t = doc.tokens[first - back];
    return t.sentence == doc.tokens[first].sentence ? doc.folded_token(first - back) : std::string_view();
  };
  const std::string_view w1 = word(1), w2 = word(2);
  if (w1 == "by" || w1 == "until" || w1 == "till" || w1 == "before") return true;
  if (w1 == "of" && w2 == "ahead") return true;
  return w1 == "on" && (w2 == "falls" || w2 == "fall" || w2 == "is" || w2 == "are" || w2 == "due");
}

bool preceded_by_the(const Document& doc, size_t first) {
  if (first == 0) return false;
  const Token& prev = doc.tokens[first - 1];
  if (!prev.is_word || prev.sentence != doc.tokens[first].sentence) return false;
  const std::string_view w = doc.folded_token(first - 1);
  return w == "the" || w == "this" || w == "that" || w == "its" || w == "their";
}

}  // namespace

void find_dates(Document& doc, const RuleSet& rules) {
  if (rules.date_patterns.empty()) return;
  const std::string_view view = doc.norm;  // (its Unicode spaces are ASCII ones: "June 8,\u00a02021" matches `\s`)
  const auto blocked = blocked_spans(doc, rules);
  std::vector<int8_t> future_cache(doc.sentences.size(), -1);  // per sentence: a date future cue? (-1 unknown)
  std::vector<re2::StringPiece> m;
  thread_local std::vector<int> which;  // the patterns that may match a line
  Captures caps;
  const auto future_list = rules.date_lists.find("future-cue");
  const DateList* future_cues = future_list == rules.date_lists.end() ? nullptr : &future_list->second;
  // Paragraph by paragraph (lines: a date never crosses a line break, but it may cross a
  // sentence boundary the splitter put after "Oct."), the RE2::Set tells which patterns can
  // match at all; only those run, and only over that paragraph.
  for (size_t line_start = 0; line_start < view.size();) {
   size_t line_end = view.find('\n', line_start);
   line_end = line_end == std::string::npos ? view.size() : line_end + 1;
   const re2::StringPiece piece(view.data() + line_start, line_end - line_start);
   line_start = line_end;
   // a blank line holds no date (half the lines of news text): no need to ask the set
   if (std::all_of(piece.begin(), piece.end(), [](char ch) { return ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t'; })) continue;
   patterns_that_may_match(rules.date_prefilter.get(), rules.date_patterns.size(), piece, which);
   for (int idx : which) {
    const DatePattern& dp = rules.date_patterns[size_t(idx)];
    const int n = dp.re->NumberOfCapturingGroups() + 1;
    m.assign(size_t(n), {});
    const auto& names = dp.re->CapturingGroupNames();  // index -> name
    const int span_group = dp.span_group;
    size_t pos = 0;
    while (pos <= piece.size() && dp.re->Match(piece, pos, piece.size(), RE2::UNANCHORED, m.data(), n)) {
      const re2::StringPiece& sp = m[size_t(span_group)].data() ? m[size_t(span_group)] : m[0];
      // Go on after the mention, not after the context that follows it: "January, February
      // and March 2018" gives January (followed by February), then February.
      const size_t mend = size_t(sp.data() - piece.data()) + sp.size();
      pos = mend > pos ? mend : pos + 1;
      const uint32_t s = uint32_t(sp.data() - view.data()), e = s + uint32_t(sp.size());
      if (e <= s) continue;
      const size_t first = doc.token_starting_at(s);
      const size_t last = doc.token_ending_at(e);
      if (first == std::string::npos || last == std::string::npos) continue;  // not on token boundaries
      // Not glued to a neighbouring word or number ("x2019", "2019a", "1/2019/3").
      if (first > 0 && !doc.tokens[first].space_before && doc.tokens[first - 1].is_word) continue;
      if (last + 1 < doc.tokens.size() && !doc.tokens[last + 1].space_before && doc.tokens[last + 1].is_word) continue;
      if (overlaps_blocked(blocked, s, e)) continue;
      caps.clear();
      for (auto& [i, name] : names)
        if (m[size_t(i)].data()) caps.add(name, std::string_view(m[size_t(i)].data(), m[size_t(i)].size()));
      if (auto it = caps.find("reject"); it != caps.end() && !it->second.empty()) continue;
      if (auto it = caps.find("count_noun"); it != caps.end() && is_count(it->second, rules) && !preceded_by_the(doc, first)) continue;
      const uint32_t sent = doc.tokens[first].sentence;
      if (future_cache[sent] < 0) future_cache[sent] = sentence_has_date_future_cue(doc, sent, future_cues) ? 1 : 0;
      DateContext ctx{doc.anchor,
                      (doc.sentence_has_cue(sent, kFutureCues) || future_cache[sent] == 1) &&
                          !local_past(doc, first, last),
                      doc.options.day_first, points_ahead(doc, first)};
      auto r = resolve_date(dp.resolver, dp.type, caps, ctx, rules);
      if (!r) continue;
      Candidate c;
      c.type = MentionType::Date;
      c.start = s;
      c.end = e;
      c.rule = dp.rule;
      c.priority = 10;
      c.date = std::move(r->value);
      c.value = c.date->value;
      if (!r->linked.empty()) c.cue = r->linked;
      else if (r->year_inferred) c.cue = "year-inferred";
      else if (r->explicit_year) c.cue = "explicit-year";
      // A huge article's candidates grow once, into room never written unless used (see
      // match_gazetteers), not by doublings that hold two arrays of them at once.
      if (doc.candidates.size() == doc.candidates.capacity() && doc.norm.size() > (size_t(1) << 20))
        doc.candidates.reserve(doc.candidates.size() + doc.norm.size() / 4);
      doc.candidates.push_back(std::move(c));
    }
   }
  }
}

// After overlaps are settled: "between March and May 2020" gives March the
// year of May 2020; a date without a year takes the year another date of
// its sentence states; ranges are linked both ways.
void link_dates(Document& doc, const RuleSet& rules) {
  std::vector<size_t> dates;
  for (size_t i = 0; i < doc.mentions.size(); ++i)
    if (doc.mentions[i].type == MentionType::Date) dates.push_back(i);
  auto set_year = [](Mention& m, std::string_view year) {
    if (m.value.size() >= 4 && year.size() == 4 && m.date->type != "DURATION" && m.date->type != "SET") {
      m.value.replace(0, 4, year);
      m.date->value = m.value;
      m.cue = "year-from-context";
    }
  };
  // "the same day": the previous date of the text, at that precision; "a day earlier", "two
  // weeks later": that date moved.
  auto linked = [](const Mention& m) { return m.cue.rfind("same-", 0) == 0 || m.cue.rfind("offset-", 0) == 0; };
  // The calendar dates before date k, nearest first (not the whole text), until `use` takes one.
  auto earlier_dates = [&](size_t k, auto use) {
    for (size_t j = k; j-- > 0 && k - j <= 64;) {
      const Mention& o = doc.mentions[dates[j]];
      if (o.date->type == "DATE" && !o.value.empty() && !linked(o) && std::isdigit(static_cast<unsigned char>(o.value[0])) && use(o)) return;
    }
  };
  for (size_t k = 0; k < dates.size(); ++k) {
    Mention& m = doc.mentions[dates[k]];
    if (m.cue.rfind("offset-", 0) == 0) {  // "offset-<unit>:<signed count>", from the nearest date
      const size_t colon = m.cue.find(':');
      if (colon == std::string::npos) continue;
      const std::string unit = m.cue.substr(7, colon - 7);
      const int n = std::atoi(m.cue.c_str() + colon + 1);
      earlier_dates(k, [&](const Mention& o) {
        const bool has_day = o.value.size() >= 10 && o.value[7] == '-';
        const bool has_month = o.value.size() >= 7 && o.value[4] == '-' && std::isdigit(static_cast<unsigned char>(o.value[5]));
        std::optional<CivilDate> base;
        if (has_day) base = parse_iso_date(o.value.substr(0, 10));
        else if (has_month && (unit == "M" || unit == "Y")) base = parse_iso_date(o.value.substr(0, 7) + "-01");
        else if (unit == "Y" && o.value.size() == 4) base = parse_iso_date(o.value + "-01-01");
        if (base) m.value = m.date->value = shift_unit(*base, unit, n);
        return true;  // a date too coarse for the unit: the value counted from publication stays
      });
      continue;
    }
    if (m.cue.rfind("same-", 0) != 0) continue;
    const std::string unit = m.cue.substr(5);
    earlier_dates(k, [&](const Mention& o) {  // the nearest one with that precision
      std::string v;
      if (unit == "D" && o.value.size() >= 10 && o.value[7] == '-') v = o.value.substr(0, 10);
      else if (unit == "W" && o.value.size() >= 10 && o.value[7] == '-') {
        if (auto d = parse_iso_date(o.value.substr(0, 10))) v = format_week(iso_week(*d));
      } else if (unit == "W" && o.value.size() >= 8 && o.value[5] == 'W') v = o.value.substr(0, 8);
      else if (unit == "M" && o.value.size() >= 7 && o.value[4] == '-' && std::isdigit(static_cast<unsigned char>(o.value[5]))) v = o.value.substr(0, 7);
      else if (unit == "Y" && o.value.size() >= 4) v = o.value.substr(0, 4);
      if (v.empty()) return false;
      m.value = m.date->value = v;
      return true;
    });
  }
  for (size_t k = 0; k + 1 < dates.size(); ++k) {
    Mention& a = doc.mentions[dates[k]];
    Mention& b = doc.mentions[dates[k + 1]];
    const size_t ta = doc.token_ending_at(a.end), tb = doc.token_starting_at(b.start);
    if (ta == std::string::npos || tb == std::string::npos || tb <= ta || tb - ta > 3) continue;
    bool joined = false;
    for (size_t t = ta + 1; t < tb; ++t) {
      const auto w = doc.token_text(doc.tokens[t]);
      if (w == "and" || w == "to" || w == "through" || w == "until" || w == "till" || w == "-" || w == "–" ||
          w == "—" || w == "thru" || w == "into")
        joined = true;
      else if (w != "," && w != "the" && w != "of") { joined = false; break; }
    }
    if (!joined || a.date->type != "DATE" || b.date->type != "DATE") continue;
    a.range_with = int(dates[k + 1]);
    b.range_with = int(dates[k]);
    if (a.cue == "year-inferred" && b.cue == "explicit-year") set_year(a, std::string_view(b.value).substr(0, 4));
  }
  // Sentence context: one explicit year in the sentence dates the others. Only a date with its
  // month gives its year to the sentence: a bare year is often a contrast ("arrested in January
  // ... extorted JBS in 2021", "since 1983").
  std::map<uint32_t, std::set<std::string>> sentence_years;
  for (size_t j : dates) {
    const Mention& o = doc.mentions[j];
    if (o.cue != "explicit-year" || o.date->type != "DATE" || o.value.size() < 7 || o.value[4] != '-') continue;
    sentence_years[doc.tokens[doc.token_starting_at(o.start)].sentence].insert(o.value.substr(0, 4));
  }
  for (size_t i : dates) {
    Mention& m = doc.mentions[i];
    if (m.cue != "year-inferred" || m.date->type != "DATE") continue;
    auto it = sentence_years.find(doc.tokens[doc.token_starting_at(m.start)].sentence);
    if (it != sentence_years.end() && it->second.size() == 1) set_year(m, *it->second.begin());
  }
}

}  // namespace news
