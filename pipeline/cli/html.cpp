#include "cli/html.hpp"

#include <set>

namespace news::cli {

namespace {

std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string entity_key(const Mention& m, std::string_view text) {
  switch (m.type) {
    case MentionType::Date: return "date\t\"" + std::string(text) + "\"";
    default: return std::string(to_string(m.type)) + "\t" + m.value;
  }
}

}  // namespace

std::string render_html(const RuleSet& rules, const std::vector<HtmlArticle>& articles, const std::string& title) {
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>\n<style>\n"
       "body{font:15px/1.6 system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}\n"
       "article{border-top:1px solid #ccc;padding-top:1em;margin-top:2em}\n"
       ".text{white-space:pre-wrap}\n"
       "mark{border-radius:3px;padding:0 2px;cursor:help}\n"
       "mark.actor{background:#ffd8a8}mark.operation{background:#d0bfff}mark.country{background:#a5d8ff}"
       "mark.sector{background:#b2f2bb}mark.date{background:#ffec99}mark.tool{background:#e9ecef}\n"
       "mark.gained{outline:2px solid #2b8a3e}\n"
       ".legend mark{margin-right:.5em}.lost{color:#c92a2a}.diff{font-size:90%}\n"
       "</style></head><body>\n<h1>" + escape(title) + "</h1>\n<p class=\"legend\">"
       "<mark class=\"actor\">actor</mark><mark class=\"operation\">operation</mark><mark class=\"country\">country</mark>"
       "<mark class=\"sector\">sector</mark><mark class=\"date\">date</mark><mark class=\"tool\">tool</mark>"
       "<mark class=\"actor gained\">gained (not in the expected record)</mark></p>\n";
  for (const auto& art : articles) {
    const Document& doc = *art.doc;
    std::set<std::string> gained;
    for (const auto& d : art.diffs)
      if (d.change == "gained" || d.change == "changed") gained.insert(d.type + "\t" + d.key);
    h += "<article data-id=\"" + escape(doc.article.id) + "\"><h2>" + escape(doc.article.title.empty() ? doc.article.id : doc.article.title) + "</h2>\n";
    h += "<p class=\"meta\">" + escape(doc.article.id) + (doc.anchor ? " · published " + format_date(*doc.anchor) : "") + "</p>\n<div class=\"text\">";
    uint32_t pos = doc.body_start;
    for (const auto& m : doc.mentions) {
      if (m.start < doc.body_start || m.start < pos) continue;  // title, or nested in the previous mention
      const std::string_view text = doc.span(m.start, m.end);
      h += escape(doc.span(pos, m.start));
      std::string cls = to_string(m.type);
      const std::string key = entity_key(m, text);
      if (gained.count(key)) cls += " gained";
      std::string tip = std::string(to_string(m.type)) + ": " + (m.value.empty() ? "(no value)" : m.value);
      if (m.type == MentionType::Date) tip += " " + m.date->type + (m.date->mod.empty() ? "" : " " + m.date->mod);
      if (m.type == MentionType::Country) tip += " (" + m.role + ")";
      tip += "\nrule: " + rules.rule_location(m.rule);
      h += "<mark class=\"" + cls + "\" data-type=\"" + to_string(m.type) + "\" data-value=\"" + escape(m.value) + "\" title=\"" + escape(tip) + "\">" + escape(text) + "</mark>";
      pos = m.end;
    }
    h += escape(doc.span(pos, uint32_t(doc.norm.size()))) + "</div>\n";
    if (!art.diffs.empty()) {
      h += "<ul class=\"diff\">";
      for (const auto& d : art.diffs)
        h += "<li class=\"" + d.change + "\">" + escape(d.change + " " + d.type + " " + d.key + (d.expected.empty() ? "" : ": expected " + d.expected) + (d.got.empty() ? "" : ", got " + d.got)) + "</li>";
      h += "</ul>\n";
    }
    h += "</article>\n";
  }
  h += "</body></html>\n";
  return h;
}

}  // namespace news::cli
