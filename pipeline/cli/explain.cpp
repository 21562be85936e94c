// news-extract explain: every mention of a text with its type, value, rule
// (path:line), the cue that let an ambiguous form count, and the candidates
// it beat when overlaps were settled.
#include <fstream>
#include <iostream>
#include <iterator>

#include <boost/program_options.hpp>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/html.hpp"
#include "io/reader.hpp"

namespace news::cli {

namespace po = boost::program_options;

int run_explain(int argc, char** argv, const char* argv0) {
  po::options_description opts(
      "news-extract explain [TEXT|FILE|-]: print each mention of the text with its type, value and rule\n"
      "(path:line), and the candidates it beat.\n\n"
      "Examples:\n"
      "  news-extract explain \"Hackers tied to Fancy Bear hit German ministries last week.\" --published 2019-03-04\n"
      "  news-extract explain story.txt --html /tmp/story.html\n\nOptions");
  std::string input, rules_dir, published, html;
  opts.add_options()
      ("help,h", "print this help")
      ("rules", po::value(&rules_dir), "rules folder")
      ("published", po::value(&published), "publication date (YYYY-MM-DD), the anchor of relative dates")
      ("html", po::value(&html), "also write a self-contained HTML page with the mentions highlighted")
      ("input", po::value(&input), "the text itself, a file, or - for stdin");
  po::positional_options_description pos;
  pos.add("input", 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(opts).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const std::exception& e) {
    std::cerr << "news-extract explain: " << e.what() << '\n';
    return 2;
  }
  if (vm.count("help")) { std::cout << opts << '\n'; return 0; }
  if (rules_dir.empty()) rules_dir = default_rules_dir(argv0);
  auto rules = load_rules_or_report(rules_dir);
  if (!rules) return 2;
  ExtractOptions eo;
  eo.explain = true;
  if (!published.empty()) {
    eo.default_anchor = parse_iso_date(published);
    if (!eo.default_anchor) { std::cerr << "news-extract explain: --published is not a date\n"; return 2; }
  }
  std::vector<Article> articles;
  if (input.empty() || input == "-") {
    Article a;
    a.text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    a.id = "stdin";
    articles.push_back(std::move(a));
  } else if (std::ifstream f(input, std::ios::binary); f) {
    // A file of any kind the reader takes: a text, a page, every item of a feed.
    ArticleReader reader({input}, ReaderOptions{});
    while (auto a = reader.next()) articles.push_back(std::move(*a));
  } else {
    Article a;
    a.text = input;
    a.id = "argument";
    articles.push_back(std::move(a));
  }
  Pipeline pipeline(*rules, eo);
  std::vector<std::unique_ptr<Document>> docs;
  bool failed = false;
  for (auto& a : articles) {
    auto doc = pipeline.analyse(std::move(a));
    if (articles.size() > 1) std::cout << "== " << doc->article.id << '\n';
    failed |= !doc->errors.empty();
    for (const auto& e : doc->errors) std::cout << "error " << e.code << ": " << e.message << '\n';
    for (const auto& m : doc->mentions) {
      const auto where = doc->in_title(m.start) ? "title " : "";
      std::cout << where << to_string(m.type) << "\t\"" << doc->span(m.start, m.end) << "\"\t" << (m.value.empty() ? "null" : m.value);
      if (m.type == MentionType::Date) std::cout << " " << m.date->type << (m.date->mod.empty() ? "" : " " + m.date->mod);
      if (m.type == MentionType::Country) std::cout << " (" << m.role << ")";
      std::cout << "\t" << rules->rule_location(m.rule);
      if (!m.cue.empty()) std::cout << "\tcue: " << m.cue;
      std::cout << '\n';
      for (const auto& b : m.beaten)
        std::cout << "    beat " << to_string(b.type) << " \"" << doc->span(b.start, b.end) << "\" " << b.value << "\t"
                  << rules->rule_location(b.rule) << '\n';
    }
    docs.push_back(std::move(doc));
  }
  if (!html.empty() && !docs.empty()) {
    std::vector<HtmlArticle> shown;
    for (const auto& d : docs) shown.push_back({d.get(), {}});
    std::ofstream out(html);
    out << render_html(*rules, shown, "news-extract explain: " + input);
    if (!out) { std::cerr << "news-extract explain: cannot write " << html << '\n'; return 2; }
  }
  return failed ? 1 : 0;
}

}  // namespace news::cli
