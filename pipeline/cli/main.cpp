// news-extract: news articles in, one JSON record per article out.
// Thin command line over the pipeline library; see --help.
#include <csignal>
#include <cstdio>
#include <optional>
#include <cstring>
#include <iostream>
#include <thread>

#include <boost/program_options.hpp>
#include <unistd.h>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include <set>

#include "io/reader.hpp"
#include "io/stix.hpp"
#include "io/writer.hpp"
#include "pipeline.hpp"
#include "runner.hpp"

namespace po = boost::program_options;
using namespace news;

namespace {

constexpr const char* kUsage = R"(news-extract: who did what to whom, from news articles.

Usage:
  news-extract [OPTIONS] [INPUT...]       extract records (JSON Lines on stdout)
  news-extract check [CORPUS] [OPTIONS]   compare with the corpus' expected records
  news-extract explain [TEXT|FILE|-]      show every mention and the rule behind it

INPUT is a .jsonl file (one {"id","title","published","text"} object a line),
a .txt/.md file (one article), an RSS or Atom feed (one article per item), an
HTML page (one article), any of these gzipped (.gz), a folder (read
recursively, in path order), or "-" for stdin (the default): JSON Lines, or a
feed or page when it starts with "<". Files are told apart by content when
their extension does not settle it.

Examples:
  news-extract corpus/articles > records.jsonl
  news-extract --published 2019-03-04 --pretty story.txt
  zcat feed.jsonl.gz | news-extract --threads 8 -o records.jsonl
  news-extract --explain --rules my-rules/ story.txt
  news-extract --format stix --stix-bundle run-bundle.json corpus/articles > bundles.jsonl
  news-extract --keep-text corpus/feeds/rss/news.xml feeds/*.xml.gz
  news-extract --shard 3/8 backlog.jsonl.gz > part-3.jsonl     # one of 8 machines

Exit status: 0 every article processed; 1 some articles failed (their records
carry "errors"; a summary goes to stderr); 2 unusable invocation or rules.

Options)";

void on_signal(int sig) {
  RecordWriter::remove_temporary_now();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

int run_extract(int argc, char** argv) {
  po::options_description opts(kUsage);
  std::vector<std::string> inputs;
  std::string output, published, rules_dir, format = "json", stix_bundle_path;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  size_t max_bytes = 8u << 20, max_mentions = 5000, dedup_memory = 1'000'000;
  std::string shard_spec;
  opts.add_options()
      ("help,h", "print this help")
      ("version", "print the version")
      ("output,o", po::value(&output), "write records to FILE (atomically: a temporary file renamed when complete)")
      ("published", po::value(&published), "publication date (YYYY-MM-DD) for articles that have none: the anchor of relative dates")
      ("rules", po::value(&rules_dir), "rules folder (default: the rules installed with news-extract)")
      ("threads", po::value(&threads), "worker threads (default: every core); output keeps input order")
      ("pretty", "indent the JSON records")
      ("format", po::value(&format), "json (SCHEMA records, the default) or stix (one STIX 2.1 bundle per article)")
      ("stix-bundle", po::value(&stix_bundle_path), "also write one STIX 2.1 bundle with the objects of the whole run to FILE")
      ("explain", "every mention carries its rule (path:line), cue and the candidates it beat")
      ("day-first", "read 03/12/2018 as 3 December (default: US order, March 12)")
      ("max-article-bytes", po::value(&max_bytes), "articles larger than this get an 'article-too-large' error record (default 8388608 = 8 MiB)")
      ("max-mentions", po::value(&max_mentions), "keep at most this many mentions per article, with a warning (default 5000)")
      ("keep-text", "each record carries the article's text (what the offsets refer to: the text extracted from a feed item or page)")
      ("no-dedup", "process every article, even a story seen earlier in the run (same URL or same text)")
      ("dedup-memory", po::value(&dedup_memory), "remember this many stories for deduplication (default 1000000, about 150 MB)")
      ("shard", po::value(&shard_spec), "K/N: keep only the articles whose id falls in shard K of N (0 <= K < N, a stable hash of the id); no deduplication")
      ("profile", "print the time spent in each stage and the throughput to stderr at the end")
      ("quiet,q", "no progress line on stderr")
      ("input", po::value(&inputs), "input files or folders");
  po::positional_options_description pos;
  pos.add("input", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(opts).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const std::exception& e) {
    std::cerr << "news-extract: " << e.what() << "\nTry 'news-extract --help'.\n";
    return 2;
  }
  if (vm.count("help")) { std::cout << opts << '\n'; return 0; }
  if (vm.count("version")) { std::cout << "news-extract " << NEWS_EXTRACT_VERSION << '\n'; return 0; }
  if (threads == 0) { std::cerr << "news-extract: --threads must be at least 1\n"; return 2; }
  if (format != "json" && format != "stix") { std::cerr << "news-extract: --format is json or stix\n"; return 2; }

  uint64_t shards = 0, shard = 0;
  if (!shard_spec.empty()) {
    unsigned long long k = 0, n = 0;
    char extra = 0;
    if (std::sscanf(shard_spec.c_str(), "%llu/%llu%c", &k, &n, &extra) != 2 || n == 0 || k >= n) {
      std::cerr << "news-extract: --shard '" << shard_spec << "' is not K/N with 0 <= K < N (for example 0/4)\n";
      return 2;
    }
    shard = k;
    shards = n;
  }
  if (dedup_memory == 0) { std::cerr << "news-extract: --dedup-memory must be at least 1 (use --no-dedup to turn it off)\n"; return 2; }

  ExtractOptions eo;
  eo.keep_text = vm.count("keep-text") > 0;
  eo.explain = vm.count("explain") > 0;
  eo.day_first = vm.count("day-first") > 0;
  eo.max_mentions = max_mentions;
  if (!published.empty()) {
    eo.default_anchor = parse_iso_date(published);
    if (!eo.default_anchor) { std::cerr << "news-extract: --published '" << published << "' is not a date (YYYY-MM-DD)\n"; return 2; }
  }
  if (rules_dir.empty()) rules_dir = cli::default_rules_dir(argv[0]);
  auto loaded = cli::load_rules_or_report(rules_dir, threads);
  if (!loaded) return 2;
  // Never freed: the process ends with the run, and tearing down a large rule set one node at
  // a time took half the start-up time with 100,000 extra entries. Reachable, so no leak report.
  static const RuleSet* const kept_rules = loaded.release();
  const RuleSet* const rules = kept_rules;
  for (const auto& in : inputs) {
    if (in != "-" && access(in.c_str(), F_OK) != 0) {
      std::cerr << "news-extract: " << in << ": no such file or folder\n";
      return 2;
    }
  }

  std::signal(SIGPIPE, SIG_IGN);
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  Pipeline pipeline(*rules, eo);
  ReaderOptions ro;
  ro.max_article_bytes = max_bytes;
  ArticleReader reader(inputs, ro);
  RunOptions run;
  run.threads = threads;
  run.shards = shards;
  run.shard = shard;
  // A shard keeps no state between articles: a story and its duplicate may
  // fall in different shards, so deduplication would depend on the split.
  std::optional<DuplicateFinder> duplicates;
  if (!vm.count("no-dedup") && shards == 0) duplicates.emplace(dedup_memory);
  run.duplicates = duplicates ? &*duplicates : nullptr;
  run.progress = !vm.count("quiet") && isatty(STDERR_FILENO) && !(output.empty() && isatty(STDOUT_FILENO));
  RunStats stats;
  try {
    RecordWriter writer(output, vm.count("pretty") > 0);
    if (format == "json" && stix_bundle_path.empty() && !vm.count("pretty"))
      run.text_sink = [&](const std::string& line) { writer.write_raw(line); };
    // STIX timestamps: the publication date; else --published; else now.
    const std::string now = eo.default_anchor ? format_date(*eo.default_anchor) + "T00:00:00.000Z" : stix_now();
    nlohmann::ordered_json run_objects = nlohmann::ordered_json::array();
    std::set<std::string> run_ids;
    const StixAliases stix_aliases(*rules);
    stats = run_articles(reader, pipeline, [&](const auto& rec) {
      if (format == "json" && stix_bundle_path.empty()) { writer.write(rec); return; }
      auto objects = stix_objects(rec, now, stix_aliases);
      if (!stix_bundle_path.empty())
        for (const auto& o : objects)
          if (run_ids.insert(o["id"].template get<std::string>()).second) run_objects.push_back(o);
      if (format == "stix") writer.write(stix_bundle(objects, rec.value("id", "")));
      else writer.write(rec);
    }, run);
    writer.commit();
    if (!stix_bundle_path.empty()) {
      RecordWriter bundle(stix_bundle_path, vm.count("pretty") > 0);
      bundle.write(stix_bundle(run_objects, "run:" + now));
      bundle.commit();
    }
  } catch (const RecordWriter::PipeClosed&) {
    return 0;  // the reader went away (| head): nothing to say
  } catch (const std::exception& e) {
    std::cerr << "news-extract: " << e.what() << '\n';
    return 3;
  }
  std::string summary = "news-extract: " + std::to_string(stats.processed) + " articles, " +
                        std::to_string(stats.processed - stats.failed - stats.duplicates) + " processed, " +
                        std::to_string(stats.duplicates) + " duplicates, " + std::to_string(stats.failed) + " failed";
  if (shards) summary += "; " + std::to_string(stats.other_shards) + " left to other shards";
  if (!stats.errors_by_code.empty()) {
    summary += " (";
    bool first = true;
    for (auto& [code, n] : stats.errors_by_code) { summary += (first ? "" : ", ") + code + ": " + std::to_string(n); first = false; }
    summary += ")";
  }
  if (stats.failed || !vm.count("quiet")) std::cerr << summary << '\n';
  if (vm.count("profile")) cli::print_profile(pipeline, stats);
  return stats.failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "check") == 0) return cli::run_check(argc - 1, argv + 1, argv[0]);
  if (argc > 1 && std::strcmp(argv[1], "explain") == 0) return cli::run_explain(argc - 1, argv + 1, argv[0]);
  return run_extract(argc, argv);
}
