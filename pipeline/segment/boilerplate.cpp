#include "segment/boilerplate.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace news {

namespace {

constexpr size_t kTopLines = 4, kBottomLines = 6;
constexpr size_t kLongestLine = 400;  // a line longer than this is a paragraph of the story

bool is_blank_byte(char c) { return c == ' ' || c == '\t' || c == '\r'; }

struct Line {
  uint32_t start, end;  // trimmed of spaces at both ends
};

// The bytes of a list item's marker at the start of a line ("- ", "* ", "\u2022 ", "2. ", "b) "),
// with the space after it; 0 when the line opens no item.
size_t list_marker(std::string_view line) {
  static constexpr std::string_view kBullets[] = {"-", "*", "+", "\u2022", "\u00b7", "\u25aa", "\u25e6", "\u25cb", "\u25cf",
                                                  "\u25a0", "\u2023", "\u2013", "\u2014", "\u2043", "\u25b8", "\u25ba"};
  for (std::string_view b : kBullets)
    if (line.starts_with(b) && line.size() > b.size() + 1 && line[b.size()] == ' ' && line[b.size() + 1] != ' ') return b.size() + 1;
  size_t i = 0;
  while (i < line.size() && i < 2 && ((line[i] >= '0' && line[i] <= '9') || (i == 0 && line[i] >= 'a' && line[i] <= 'h' &&
                                                                               i + 1 < line.size() && line[i + 1] == ')')))
    ++i;
  if (i > 0 && i + 1 < line.size() && (line[i] == '.' || line[i] == ')') && line[i + 1] == ' ') return i + 2;
  return 0;
}

// The title's end that names the site ("... | Reuters", "... - BBC News"): the first rule of place
// title-end that matches up to the end of the title, from the leftmost start it can, as long as
// some of the title is left before it.
void skip_title_end(Document& doc, const RuleSet& rules) {
  const uint32_t title_end = doc.body_start >= 2 ? doc.body_start - 2 : 0;  // (before the "\n\n" that parts it from the text)
  const std::string_view title(doc.norm.data(), title_end);
  for (const BoilerplateRule& rule : rules.title_ends) {
    re2::StringPiece m;
    if (!rule.re->Match(title, 0, title.size(), RE2::UNANCHORED, &m, 1)) continue;
    const auto start = uint32_t(m.data() - title.data());
    // (a letter or digit left, of any script: bytes beyond ASCII count as letters)
    if (std::none_of(title.begin(), title.begin() + start, [](char c) { return (c & 0x80) || std::isalnum(static_cast<unsigned char>(c)); }))
      continue;
    doc.skipped.push_back({start, title_end, rule.rule});
    std::fill(doc.norm.begin() + start, doc.norm.begin() + title_end, ' ');
    return;
  }
}

// What opens the text and is not the story: a dateline's wire credit ("LONDON (Reuters) -"). The first
// rule of place text-start that matches from the start of the text's first line; what is blanked is
// every capture whose name starts with "skip", or the whole match without one. Some of the line must
// be left after it.
void skip_text_start(Document& doc, const RuleSet& rules) {
  size_t start = doc.body_start;
  while (start < doc.norm.size() && std::isspace(static_cast<unsigned char>(doc.norm[start]))) ++start;
  size_t end = doc.norm.find('\n', start);
  if (end == std::string::npos) end = doc.norm.size();
  const std::string_view line(doc.norm.data() + start, end - start);
  if (line.empty()) return;
  thread_local std::vector<re2::StringPiece> groups;
  for (const BoilerplateRule& rule : rules.text_starts) {
    const int n = rule.re->NumberOfCapturingGroups() + 1;
    groups.assign(size_t(n), {});
    if (!rule.re->Match(line, 0, line.size(), RE2::ANCHOR_START, groups.data(), n) || groups[0].size() >= line.size()) continue;
    auto blank = [&](const re2::StringPiece& g) {
      const auto from = uint32_t(g.data() - doc.norm.data());
      doc.skipped.push_back({from, from + uint32_t(g.size()), rule.rule});
      std::fill_n(doc.norm.begin() + from, g.size(), ' ');
    };
    for (int index : rule.skip_groups)
      if (groups[size_t(index)].data() && !groups[size_t(index)].empty()) blank(groups[size_t(index)]);
    if (rule.skip_groups.empty()) blank(groups[0]);
    std::sort(doc.skipped.begin(), doc.skipped.end(), [](const SkippedLine& a, const SkippedLine& b) { return a.start < b.start; });
    return;
  }
}

// A line the text has already had, word for word, that a rule of place repeat matches as a whole: the
// same story scraped twice into one text, a pull quote set again beside the story. Left out, so that
// what it names counts once. Lines already left out are blanked, so they are no longer compared.
void skip_repeated_lines(Document& doc, const RuleSet& rules, std::vector<Line>& lines) {
  if (rules.repeats.empty() || lines.size() < 2) return;
  thread_local std::unordered_set<std::string_view> seen;
  seen.clear();
  for (Line& line : lines) {
    const std::string_view text(doc.norm.data() + line.start, line.end - line.start);
    if (seen.insert(text).second) continue;
    for (const BoilerplateRule& rule : rules.repeats) {
      if (!RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *rule.re)) continue;
      doc.skipped.push_back({line.start, line.end, rule.rule});
      std::fill(doc.norm.begin() + line.start, doc.norm.begin() + line.end, ' ');
      line.end = line.start;  // (blank now: no other rule reads it)
      break;
    }
  }
  seen.clear();
  if (seen.bucket_count() > 4096) seen = {};  // a huge article's table is not kept for the next one
}

}  // namespace

void skip_boilerplate(Document& doc, const RuleSet& rules) {
  if (!doc.errors.empty()) return;
  skip_title_end(doc, rules);
  skip_text_start(doc, rules);
  thread_local std::vector<Line> lines;  // the text's lines that are not blank (kept between articles)
  if (lines.capacity() > (size_t(1) << 20)) std::vector<Line>().swap(lines);  // (not a huge article's, though)
  lines.clear();
  const std::string& norm = doc.norm;
  for (size_t at = doc.body_start; at < norm.size();) {
    size_t end = norm.find('\n', at);
    if (end == std::string::npos) end = norm.size();
    size_t s = at, e = end;
    while (s < e && is_blank_byte(norm[s])) ++s;
    while (e > s && is_blank_byte(norm[e - 1])) --e;
    if (e > s) lines.push_back({uint32_t(s), uint32_t(e)});
    at = end + 1;
  }
  // A list's markers are no words of its items: "\u2022 Operation Cloud Hopper hit ..." opens its
  // sentence with the name, as the same text without the bullet does.
  for (Line& line : lines)
    if (const size_t marker = list_marker(std::string_view(norm).substr(line.start, line.end - line.start))) {
      std::fill_n(doc.norm.begin() + line.start, marker, ' ');
      line.start += uint32_t(marker);
      doc.list_items.push_back(line.start);
    }
  const size_t repeated = doc.skipped.size();
  skip_repeated_lines(doc, rules, lines);
  const bool sort = doc.skipped.size() > repeated;  // (those come before the lines after them are tried)
  thread_local std::vector<int> which;
  for (size_t i = 0; rules.boilerplate_set && i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.end == line.start || line.end - line.start > kLongestLine) continue;
    which.clear();
    if (!rules.boilerplate_set->Match(re2::StringPiece(norm.data() + line.start, line.end - line.start), &which)) continue;
    std::sort(which.begin(), which.end());
    for (int w : which) {
      const BoilerplateRule& rule = rules.boilerplate[size_t(w)];
      const bool fits = rule.place == BoilerplateRule::Place::Anywhere ||
                        (rule.place == BoilerplateRule::Place::Top && i < kTopLines) ||
                        (rule.place == BoilerplateRule::Place::Bottom && i + kBottomLines >= lines.size());
      if (!fits) continue;
      doc.skipped.push_back({line.start, line.end, rule.rule});
      std::fill(doc.norm.begin() + line.start, doc.norm.begin() + line.end, ' ');
      break;
    }
  }
  if (sort) std::sort(doc.skipped.begin(), doc.skipped.end(), [](const SkippedLine& a, const SkippedLine& b) { return a.start < b.start; });
}

}  // namespace news
