// The pipeline: an article in, its record out, through small stages that
// each add one layer to the document.
//
//   Problems problems;
//   auto rules = RuleSet::load("rules", problems);
//   Pipeline p(*rules, ExtractOptions{});
//   nlohmann::ordered_json rec = p.process(std::move(article));
//
// process() never throws: a failure of any stage becomes the record's
// `errors` entry. Thread safety: process() may run on many threads at once;
// the rules and options are shared read-only, the profile uses atomics.
#pragma once

#include <array>
#include <atomic>
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "core/document.hpp"
#include "rules/ruleset.hpp"

namespace news {

class Pipeline {
 public:
  static constexpr std::array<const char*, 20> kStages = {
      "normalise", "boilerplate", "segment", "gazetteers", "people", "operations", "name-lines", "names", "short-forms", "evidence",
      "dates", "overlaps", "declared-aliases", "brands-as-tools", "sector-tiers", "roles", "link-dates", "relations", "sector-parents", "record"};

  Pipeline(const RuleSet& rules, const ExtractOptions& options) : rules_(rules), options_(options) {}

  nlohmann::ordered_json process(Article article);
  // The same record as one line of JSON text (process(...).dump() byte for byte), written
  // without building a tree; the codes of its errors go to `error_codes`.
  std::string process_text(Article article, std::vector<std::string>& error_codes);
  // The same for a group of articles, run stage by stage over all of them (faster: each
  // stage finds its tables in cache); texts[k] and error_codes[k] belong to articles[k].
  void process_texts(std::span<Article> articles, std::span<std::string> texts, std::span<std::vector<std::string>> error_codes);
  // Runs the stages and keeps the document (for explain and tests).
  std::unique_ptr<Document> analyse(Article article);

  const RuleSet& rules() const { return rules_; }
  const ExtractOptions& options() const { return options_; }
  // Nanoseconds spent in each stage so far, over all threads.
  std::array<uint64_t, kStages.size()> stage_nanos() const;

 private:
  std::unique_ptr<Document> start(Article article) const;
  void run_stage(size_t i, Document& doc);

  const RuleSet& rules_;
  ExtractOptions options_;
  std::array<std::atomic<uint64_t>, kStages.size()> nanos_{};
};

}  // namespace news
