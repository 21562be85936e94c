// news-extract check: run the rules over the sample corpus and compare every
// record with its expected record, entity by entity; run the example files.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <boost/program_options.hpp>

#include "check/compare.hpp"
#include "check/examples.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/html.hpp"
#include "io/reader.hpp"

namespace news::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;
using ojson = nlohmann::ordered_json;

namespace {

struct CorpusArticle {
  fs::path text, expected;
};

std::vector<CorpusArticle> corpus_articles(const fs::path& dir) {
  std::vector<CorpusArticle> out;
  std::error_code ec;
  const fs::path articles = fs::is_directory(dir / "articles", ec) ? dir / "articles" : dir;
  for (auto it = fs::recursive_directory_iterator(articles, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file() || it->path().extension() != ".txt") continue;
    fs::path exp = it->path();
    exp.replace_extension(".expected.json");
    out.push_back({it->path(), exp});
  }
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.text < b.text; });
  return out;
}

std::string difference_key(const Difference& d) { return d.type + "\t" + d.key + "\t" + d.change + "\t" + d.expected + "\t" + d.got; }

// key -> readable text of the differences the expected record lists as reviewed and accepted.
std::map<std::string, std::string> accepted_differences(const nlohmann::json& expected, const std::string& only_type) {
  std::map<std::string, std::string> out;
  auto it = expected.find("accepted_differences");
  if (it == expected.end() || !it->is_array()) return out;
  for (const auto& a : *it) {
    Difference d{a.value("type", ""), a.value("entity", ""), a.value("change", ""), a.value("expected", ""), a.value("got", "")};
    if (!only_type.empty() && d.type != only_type && !(only_type == "country" && d.type == "role")) continue;
    out[difference_key(d)] = d.change + " " + d.type + " " + d.key;
  }
  return out;
}

void print_difference(const Difference& x, const char* prefix) {
  std::cout << "  " << prefix << x.change << std::string(8 - std::min<size_t>(7, x.change.size()), ' ') << x.type
            << std::string(10 - std::min<size_t>(9, x.type.size()), ' ') << x.key;
  if (x.change == "changed") std::cout << ": expected " << x.expected << ", got " << x.got;
  else if (!x.expected.empty()) std::cout << " (" << x.expected << ")";
  else if (!x.got.empty()) std::cout << " (" << x.got << ")";
  std::cout << '\n';
}

std::string pct(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", x);
  return buf;
}

}  // namespace

int run_check(int argc, char** argv, const char* argv0) {
  po::options_description opts(
      "news-extract check [CORPUS]: run the rules over the corpus (default: the corpus/ beside the rules)\n"
      "and compare every record with its hand-made expected record entity by entity, then print\n"
      "precision, recall and F1 per type against those records; run the example files of\n"
      "CORPUS/examples. Differences an author reviewed and accepted (accepted_differences in the\n"
      "expected record) are known misses; any other difference, a fixed known miss, or a failing\n"
      "example makes the exit status 1.\n\n"
      "Examples:\n"
      "  news-extract check\n"
      "  news-extract check --rules /tmp/my-rules --type date\n"
      "  news-extract check --article a-apt28-bundestag-2015 --html /tmp/report.html\n\nOptions");
  std::string corpus, rules_dir, only_type, only_article, html;
  opts.add_options()
      ("help,h", "print this help")
      ("rules", po::value(&rules_dir), "rules folder to test (default: the installed rules)")
      ("accept", "record the current differences as reviewed in each expected record (its accepted_differences), printing them")
      ("show-known", "also print the differences accepted earlier (known misses and false alarms)")
      ("type", po::value(&only_type), "only this entity type: actor, operation, country, role, sector, date, relation")
      ("article", po::value(&only_article), "only the article with this id")
      ("json", "print the report as JSON")
      ("coverage", "also list rules that fired on no positive example and ambiguous forms without a negative example; fail on any")
      ("no-examples", "skip the example files")
      ("no-articles", "skip the articles (run only the example files)")
      ("html", po::value(&html), "write an HTML report with the mentions highlighted and the differences marked")
      ("corpus", po::value(&corpus), "corpus folder");
  po::positional_options_description pos;
  pos.add("corpus", 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(opts).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const std::exception& e) {
    std::cerr << "news-extract check: " << e.what() << '\n';
    return 2;
  }
  if (vm.count("help")) { std::cout << opts << '\n'; return 0; }
  if (!only_type.empty() && std::find_if(std::begin(kEntityTypes), std::end(kEntityTypes), [&](const char* t) { return only_type == t; }) == std::end(kEntityTypes)) {
    std::cerr << "news-extract check: unknown --type '" << only_type << "'\n";
    return 2;
  }
  if (rules_dir.empty()) rules_dir = default_rules_dir(argv0);
  if (corpus.empty()) corpus = (fs::path(rules_dir).parent_path() / "corpus").string();
  auto rules = load_rules_or_report(rules_dir);
  if (!rules) return 2;
  const bool as_json = vm.count("json") > 0, accept = vm.count("accept") > 0;

  ExtractOptions eo;
  eo.explain = true;
  Pipeline pipeline(*rules, eo);
  Scores scores;
  ojson report = {{"articles", ojson::array()}};
  std::vector<std::unique_ptr<Document>> docs;
  std::vector<HtmlArticle> pages;
  size_t differing = 0, checked = 0, missing_expected = 0, known_total = 0;
  const bool show_known = vm.count("show-known") > 0;
  const auto articles = vm.count("no-articles") ? std::vector<CorpusArticle>{} : corpus_articles(corpus);
  for (const auto& ca : articles) {
    std::ifstream in(ca.text, std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Article a = ArticleReader::parse_text_file(std::move(content), ca.text.string());
    if (!only_article.empty() && a.id != only_article) continue;
    ++checked;
    auto doc = pipeline.analyse(std::move(a));
    const ojson record = pipeline.process(doc->article);
    nlohmann::json expected;
    std::ifstream ein(ca.expected);
    bool have_expected = false;
    if (ein) {
      try { expected = nlohmann::json::parse(ein); have_expected = true; }
      catch (const std::exception& e) { std::cerr << ca.expected.string() << ": not valid JSON: " << e.what() << '\n'; return 2; }
    }
    if (!have_expected) ++missing_expected;
    const EntityView want = have_expected ? EntityView::from_expected(expected) : EntityView::from_expected(nlohmann::json::object());
    const EntityView got = EntityView::from_record(record);
    auto diffs = compare(want, got, only_type);
    if (have_expected) scores.add(want, got);
    // Differences reviewed and accepted earlier (known misses) do not fail the check; new ones
    // do, and so do accepted ones that went away (an improvement to accept).
    const auto accepted = accepted_differences(expected, only_type);
    std::vector<const Difference*> fresh, known;
    std::set<std::string> now;
    for (const auto& d : diffs) {
      now.insert(difference_key(d));
      (accepted.count(difference_key(d)) ? known : fresh).push_back(&d);
    }
    std::vector<std::string> resolved;
    for (const auto& [key, text] : accepted)
      if (!now.count(key)) resolved.push_back(text);
    known_total += known.size();
    if (!fresh.empty() || !resolved.empty() || !have_expected) ++differing;
    const std::string id = record.value("id", ca.text.string());
    if (as_json) {
      ojson d = ojson::array();
      for (auto* x : fresh) d.push_back({{"type", x->type}, {"entity", x->key}, {"change", x->change}, {"expected", x->expected}, {"got", x->got}});
      ojson k = ojson::array();
      for (auto* x : known) k.push_back({{"type", x->type}, {"entity", x->key}, {"change", x->change}, {"expected", x->expected}, {"got", x->got}});
      report["articles"].push_back({{"id", id}, {"file", ca.text.string()}, {"differences", d}, {"known", k}, {"resolved", resolved}});
    } else if (!fresh.empty() || !resolved.empty() || !have_expected || (show_known && !known.empty())) {
      std::cout << id << "  (" << ca.text.string() << ")" << (have_expected ? "" : "  no expected record") << '\n';
      for (auto* x : fresh) print_difference(*x, "");
      for (auto& r : resolved) std::cout << "  fixed   " << r << "  (an accepted difference is gone: review, then --accept)\n";
      if (show_known)
        for (auto* x : known) print_difference(*x, "known ");
    }
    if (accept && have_expected && (!fresh.empty() || !resolved.empty())) {
      // Keep the hand-made truth; record the reviewed differences as accepted.
      nlohmann::ordered_json updated = nlohmann::ordered_json::parse(expected.dump());
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const auto& d : diffs) list.push_back({{"type", d.type}, {"entity", d.key}, {"change", d.change}, {"expected", d.expected}, {"got", d.got}});
      updated["accepted_differences"] = list;
      std::ofstream out(ca.expected);
      out << updated.dump(1) << '\n';
    } else if (accept && !have_expected) {
      std::ofstream out(ca.expected);
      out << EntityView::expected_form(record).dump(1) << '\n';
    }
    if (!html.empty()) {
      docs.push_back(std::move(doc));
      pages.push_back({docs.back().get(), diffs});
    }
  }

  ExampleReport ex;
  const fs::path examples = fs::path(corpus) / "examples";
  std::error_code ec;
  const bool run_ex = !vm.count("no-examples") && only_article.empty() && fs::is_directory(examples, ec);
  if (run_ex) ex = run_examples(*rules, examples.string());
  std::vector<std::string> uncovered, unguarded;
  if (vm.count("coverage")) {
    uncovered = uncovered_rules(*rules, ex);
    unguarded = ambiguous_without_negative(*rules, ex);
  }

  if (as_json) {
    ojson table = ojson::object();
    for (auto& [type, c] : scores.by_type)
      table[type] = {{"tp", c.tp}, {"fp", c.fp}, {"fn", c.fn}, {"precision", Scores::precision(c)}, {"recall", Scores::recall(c)}, {"f1", Scores::f1(c)}};
    report["scores"] = table;
    report["examples"] = {{"positives", ex.positives}, {"negatives", ex.negatives}, {"passed", ex.passed}, {"failures", ex.failures}};
    if (vm.count("coverage")) report["coverage"] = {{"uncovered_rules", uncovered}, {"ambiguous_without_negative", unguarded}};
    std::cout << report.dump(1) << '\n';
  } else {
    std::cout << "\n" << checked << " articles, " << differing << " with new differences, " << known_total << " accepted differences"
              << (missing_expected ? ", " + std::to_string(missing_expected) + " without an expected record" : "") << "\n\n";
    std::cout << "type        precision  recall     F1     tp    fp    fn\n";
    Scores::Counts all;
    for (const char* type : kEntityTypes) {
      if (!only_type.empty() && only_type != type) continue;
      const auto& c = scores.by_type[type];
      all.tp += c.tp; all.fp += c.fp; all.fn += c.fn;
      std::printf("%-10s  %9s  %6s  %6s  %5llu %5llu %5llu\n", type, pct(Scores::precision(c)).c_str(), pct(Scores::recall(c)).c_str(),
                  pct(Scores::f1(c)).c_str(), (unsigned long long)c.tp, (unsigned long long)c.fp, (unsigned long long)c.fn);
    }
    std::printf("%-10s  %9s  %6s  %6s  %5llu %5llu %5llu\n", "all", pct(Scores::precision(all)).c_str(), pct(Scores::recall(all)).c_str(),
                pct(Scores::f1(all)).c_str(), (unsigned long long)all.tp, (unsigned long long)all.fp, (unsigned long long)all.fn);
    if (run_ex) {
      std::cout << "\nexamples: " << ex.passed << " of " << ex.positives + ex.negatives << " passed (" << ex.positives << " positive, "
                << ex.negatives << " negative)\n";
      for (auto& f : ex.failures) std::cout << "  FAIL " << f << '\n';
    }
    if (vm.count("coverage")) {
      std::cout << "\nrules that fired on no positive example: " << uncovered.size() << '\n';
      for (auto& r : uncovered) std::cout << "  " << r << '\n';
      std::cout << "ambiguous forms without a negative example: " << unguarded.size() << '\n';
      for (auto& r : unguarded) std::cout << "  " << r << '\n';
    }
    if (accept && differing) std::cout << "\naccepted: the differences above were recorded in " << differing << " expected records\n";
  }
  if (!html.empty()) {
    std::ofstream out(html);
    out << render_html(*rules, pages, "news-extract check: " + corpus);
    if (!out) { std::cerr << "news-extract check: cannot write " << html << '\n'; return 2; }
  }
  const bool failed = (differing && !accept) || !ex.failures.empty() || !uncovered.empty() || !unguarded.empty();
  return failed ? 1 : 0;
}

}  // namespace news::cli
