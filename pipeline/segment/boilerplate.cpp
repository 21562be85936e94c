#include "segment/boilerplate.hpp"

#include <algorithm>

namespace news {

namespace {

constexpr size_t kTopLines = 4, kBottomLines = 6;
constexpr size_t kLongestLine = 400;  // a line longer than this is a paragraph of the story

bool is_blank_byte(char c) { return c == ' ' || c == '\t' || c == '\r'; }

struct Line {
  uint32_t start, end;  // trimmed of spaces at both ends
};

}  // namespace

void skip_boilerplate(Document& doc, const RuleSet& rules) {
  if (!rules.boilerplate_set || !doc.errors.empty()) return;
  std::vector<Line> lines;  // the text's lines that are not blank
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
  std::vector<int> which;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.end - line.start > kLongestLine) continue;
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
}

}  // namespace news
