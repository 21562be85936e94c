#include "check/examples.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "core/text.hpp"
#include "pipeline.hpp"
#include "rules/tsv.hpp"

namespace news {

namespace fs = std::filesystem;

namespace {

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

MentionType type_of_folder(const std::string& folder, bool& ok) {
  ok = true;
  if (folder == "actors") return MentionType::Actor;
  if (folder == "operations") return MentionType::Operation;
  if (folder == "countries" || folder == "roles") return MentionType::Country;
  if (folder == "sectors") return MentionType::Sector;
  if (folder == "dates") return MentionType::Date;
  if (folder == "tools") return MentionType::Tool;
  ok = false;
  return MentionType::Actor;
}

// relations/: "+<TAB>text<TAB>type source -> target" (the record has that relation) or "-" (it
// has not). The text is one short article: relations may cross its sentences. A text
// "title: <title> || <body>" has a title; " ¶ " in it breaks a paragraph (relations read paragraphs).
void run_relation_examples(const RuleSet& rules, const std::string& shown, ExampleReport& report) {
  std::ifstream in(shown);
  ExtractOptions eo;
  eo.explain = true;
  size_t line_no = 0;
  for (std::string l; std::getline(in, l);) {
    ++line_no;
    if (!l.empty() && l.back() == '\r') l.pop_back();
    if (l.empty() || l[0] == '#') continue;
    const std::string where = shown + ":" + std::to_string(line_no);
    std::vector<std::string> cols;
    for (size_t p = 0;;) {
      const size_t t = l.find('\t', p);
      cols.push_back(l.substr(p, t == std::string::npos ? std::string::npos : t - p));
      if (t == std::string::npos) break;
      p = t + 1;
    }
    if (cols.size() != 3 || (cols[0] != "+" && cols[0] != "-")) {
      report.failures.push_back(where + ": a relation example is '+' or '-', the text, and 'type source -> target'");
      continue;
    }
    const bool positive = cols[0] == "+";
    Pipeline pipeline(rules, eo);
    Article a;
    a.id = where;
    a.text = cols[1];
    if (a.text.starts_with("title: "))
      if (const size_t bar = a.text.find(" || "); bar != std::string::npos) {
        a.title = a.text.substr(7, bar - 7);
        a.text.erase(0, bar + 4);
      }
    for (size_t p; (p = a.text.find(" \u00b6 ")) != std::string::npos;) a.text.replace(p, std::string_view(" \u00b6 ").size(), "\n\n");
    auto doc = pipeline.analyse(std::move(a));
    std::string found, all;
    for (const auto& r : doc->relations) {
      const std::string key = r.type + " " + r.source + " -> " + r.target;
      all += (all.empty() ? "" : "; ") + key;
      if (key == cols[2]) found = r.cue;
    }
    if (positive) ++report.positives;
    else ++report.negatives;
    if (positive == !found.empty()) ++report.passed;
    else if (positive) report.failures.push_back(where + ": expected relation " + cols[2] + ", got " + (all.empty() ? "none" : all));
    else report.failures.push_back(where + ": expected no relation " + cols[2] + ", got it (" + found + ")");
  }
}

}  // namespace

ExampleReport run_examples(const RuleSet& rules, const std::string& examples_dir) {
  ExampleReport report;
  std::vector<fs::path> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(examples_dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".tsv") files.push_back(it->path());
  std::sort(files.begin(), files.end());
  if (files.empty()) report.failures.push_back(examples_dir + ": no example files");
  for (const auto& path : files) {
    bool ok;
    const MentionType type = type_of_folder(path.parent_path().filename().string(), ok);
    const std::string shown = path.string();
    if (path.parent_path().filename() == "relations") {
      run_relation_examples(rules, shown, report);
      continue;
    }
    // roles/: country examples whose fourth column is the mention's role (target, attribution, mention)
    const bool roles = path.parent_path().filename() == "roles";
    if (!ok) { report.failures.push_back(shown + ": not in a folder named after an extractor"); continue; }
    // Example files have no header line: read them line by line.
    std::ifstream in(shown);
    std::vector<std::string> all;
    for (std::string l; std::getline(in, l);) all.push_back(l);
    ExtractOptions eo;
    eo.explain = true;
    for (size_t i = 0; i < all.size(); ++i) {
      std::string l = all[i];
      if (!l.empty() && l.back() == '\r') l.pop_back();
      if (l.empty() || l[0] == '#') continue;
      std::vector<std::string> cols;
      for (size_t p = 0;;) {
        size_t t = l.find('\t', p);
        cols.push_back(l.substr(p, t == std::string::npos ? std::string::npos : t - p));
        if (t == std::string::npos) break;
        p = t + 1;
      }
      const std::string where = shown + ":" + std::to_string(i + 1);
      if (cols[0] == "@anchor") {
        eo.default_anchor = cols.size() > 1 ? parse_iso_date(cols[1]) : std::nullopt;
        if (!eo.default_anchor) report.failures.push_back(where + ": bad @anchor");
        continue;
      }
      if ((cols[0] != "+" && cols[0] != "-") || cols.size() < 2) {
        report.failures.push_back(where + ": a line starts with + or - and has the text in its second column");
        continue;
      }
      const bool positive = cols[0] == "+";
      std::string text = cols[1];
      size_t span_start = 0, span_end = 0;
      const size_t open = text.find('['), close = text.find(']');
      if (positive && open != std::string::npos && close != std::string::npos && close > open) {
        span_start = code_points(text.substr(0, open));
        span_end = span_start + code_points(text.substr(open + 1, close - open - 1));
        text = text.substr(0, open) + text.substr(open + 1, close - open - 1) + text.substr(close + 1);
      } else {
        span_end = code_points(text);
      }
      const std::string want_value = cols.size() > 2 ? cols[2] : "";
      Pipeline pipeline(rules, eo);
      Article a;
      a.id = where;
      a.text = text;
      auto doc = pipeline.analyse(std::move(a));
      std::vector<const Mention*> of_type;
      for (const auto& m : doc->mentions)
        if (m.type == type) of_type.push_back(&m);
      auto cp = [&](uint32_t b) { return doc->offsets.code_point(b - doc->body_start); };
      if (!positive) {
        ++report.negatives;
        report.negative_texts.push_back(fold(text));
        if (!want_value.empty()) report.negated_values.insert(std::string(to_string(type)) + "\t" + want_value);
        std::string bad;
        const std::string want_role = roles && cols.size() > 3 ? cols[3] : "";
        for (auto* m : of_type)
          if ((want_value.empty() || m->value == want_value) && (want_role.empty() || m->role == want_role)) bad += (bad.empty() ? "" : ", ") + std::string(doc->span(m->start, m->end)) + " -> " + m->value + " (" + rules.rule_location(m->rule) + ")";
        if (bad.empty()) ++report.passed;
        else report.failures.push_back(where + ": expected no " + to_string(type) + (want_value.empty() ? "" : " " + want_value) + ", got " + bad);
        continue;
      }
      ++report.positives;
      std::vector<const Mention*> over;
      for (auto* m : of_type)
        if (cp(m->start) < span_end && cp(m->end) > span_start) over.push_back(m);
      // a sector's twin under its general term (rules/sectors/parents.tsv) shares the span: the
      // example names the one it means by its value
      if (over.size() > 1 && std::all_of(over.begin(), over.end(), [&](const Mention* m) { return m->start == over[0]->start && m->end == over[0]->end; }))
        std::erase_if(over, [&](const Mention* m) { return m->value != want_value; });
      std::string problem;
      if (over.size() != 1) {
        problem = "expected one " + std::string(to_string(type)) + " over [" + std::to_string(span_start) + "," + std::to_string(span_end) + "), got " + std::to_string(over.size());
        for (auto* m : of_type) problem += "; " + std::string(doc->span(m->start, m->end)) + " -> " + m->value;
      } else {
        const Mention& m = *over[0];
        const std::string got_text(doc->span(m.start, m.end));
        if (cp(m.start) != span_start || cp(m.end) != span_end) problem = "span '" + got_text + "' is not the bracketed one";
        else if (m.value != want_value) problem = "value " + (m.value.empty() ? std::string("null") : m.value) + ", expected " + want_value;
        else if (roles && cols.size() > 3 && m.role != cols[3]) problem = "role " + m.role + ", expected " + cols[3] + (m.cue.empty() ? "" : " (" + m.cue + ")");
        else if (type == MentionType::Date && cols.size() > 3 && !cols[3].empty() && m.date->type != cols[3]) problem = "type " + m.date->type + ", expected " + cols[3];
        else if (type == MentionType::Date && cols.size() > 4 && !cols[4].empty() && m.date->mod != cols[4]) problem = "mod '" + m.date->mod + "', expected " + cols[4];
        if (!problem.empty()) problem += " (" + rules.rule_location(m.rule) + ")";
        else report.rules_fired.insert(rules.rule_location(m.rule));
      }
      if (problem.empty()) ++report.passed;
      else report.failures.push_back(where + ": " + problem);
    }
  }
  return report;
}

std::vector<std::string> uncovered_rules(const RuleSet& rules, const ExampleReport& report) {
  std::vector<std::string> out;
  std::set<std::string> all;
  for (const auto& f : rules.forms)
    if (f.cue_list < 0) all.insert(rules.rule_location(f.rule));
  for (const auto& p : rules.operation_patterns) all.insert(rules.rule_location(p.rule));
  for (const auto& p : rules.date_patterns) all.insert(rules.rule_location(p.rule));
  for (const auto& p : rules.name_patterns) all.insert(rules.rule_location(p.rule));
  for (const auto& r : all)
    if (!report.rules_fired.count(r) && r.find("ICU") == std::string::npos) out.push_back(r);
  return out;
}

std::vector<std::string> ambiguous_without_negative(const RuleSet& rules, const ExampleReport& report) {
  std::vector<std::string> out;
  for (const auto& f : rules.forms) {
    if (!f.ambiguous || f.cue_list >= 0 || f.generated) continue;
    const std::string folded = fold(f.surface);
    bool found = false;
    for (const auto& t : report.negative_texts)
      if (t.find(folded) != std::string::npos) { found = true; break; }
    if (!found) out.push_back(rules.rule_location(f.rule) + ": " + f.surface);
  }
  return out;
}

}  // namespace news
