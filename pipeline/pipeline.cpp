#include "pipeline.hpp"

#include <chrono>

#include "aggregate/record.hpp"
#include "aggregate/relations.hpp"
#include "aggregate/roles.hpp"
#include "aggregate/sector_parents.hpp"
#include "extract/dates/dates.hpp"
#include "extract/evidence/evidence.hpp"
#include "extract/gazetteer/gazetteer.hpp"
#include "extract/names/names.hpp"
#include "extract/names/short_forms.hpp"
#include "extract/operations/operations.hpp"
#include "extract/people/people.hpp"
#include "resolve/overlaps.hpp"
#include "resolve/declared_aliases.hpp"
#include "resolve/brands_as_tools.hpp"
#include "resolve/sector_tiers.hpp"
#include "segment/boilerplate.hpp"
#include "segment/normalise.hpp"
#include "segment/segment.hpp"

namespace news {

std::array<uint64_t, Pipeline::kStages.size()> Pipeline::stage_nanos() const {
  std::array<uint64_t, kStages.size()> out{};
  for (size_t i = 0; i < out.size(); ++i) out[i] = nanos_[i].load(std::memory_order_relaxed);
  return out;
}

namespace {

using Stage = void (*)(Document&, const RuleSet&);
const std::array<Stage, Pipeline::kStages.size() - 1> kStageFunctions = {
    [](Document& d, const RuleSet&) { normalise(d); },
    skip_boilerplate,
    segment,
    match_gazetteers,
    find_people,
    find_operations,
    find_name_lines,
    find_names,
    find_short_forms,
    // Dates after the evidence: it neither reads nor drops them, and it copies every candidate it
    // keeps into a new vector; a text full of numbers (hundreds of thousands of date candidates)
    // would be copied whole. The order of the candidates fed to the overlaps changes only between
    // a date and another type, which the overlap policy orders on its own (outranks: type last).
    weigh_evidence,
    find_dates,
    [](Document& d, const RuleSet&) { resolve_overlaps(d); },
    merge_declared_aliases,
    brands_as_tools,
    set_sector_tiers,
    assign_roles,
    link_dates,
    find_relations,
    add_sector_parents};

}  // namespace

std::unique_ptr<Document> Pipeline::start(Article article) const {
  auto doc = std::make_unique<Document>(std::move(article), options_);
  if (!doc->article.errors.empty()) doc->errors = doc->article.errors;
  return doc;
}

void Pipeline::run_stage(size_t i, Document& doc) {
  const auto t0 = std::chrono::steady_clock::now();
  try {
    kStageFunctions[i](doc, rules_);
  } catch (const std::exception& e) {
    doc.errors.push_back({"stage-failed", std::string(kStages[i]) + ": " + e.what()});
  } catch (...) {
    doc.errors.push_back({"stage-failed", std::string(kStages[i]) + ": unknown error"});
  }
  nanos_[i].fetch_add(uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0).count()),
                      std::memory_order_relaxed);
}

std::unique_ptr<Document> Pipeline::analyse(Article article) {
  auto doc = start(std::move(article));
  for (size_t i = 0; i < kStageFunctions.size() && doc->errors.empty(); ++i) run_stage(i, *doc);
  return doc;
}

// One path for both forms: the text is what the workers write; the tree is read back from it
// (build_record() does the same), so the two can never disagree.
nlohmann::ordered_json Pipeline::process(Article article) {
  std::vector<std::string> error_codes;
  return nlohmann::ordered_json::parse(process_text(std::move(article), error_codes));
}

std::string Pipeline::process_text(Article article, std::vector<std::string>& error_codes) {
  std::string text;
  process_texts(std::span<Article>(&article, 1), std::span<std::string>(&text, 1),
                std::span<std::vector<std::string>>(&error_codes, 1));
  return text;
}

// Stage by stage over the group, not article by article: a stage's working set (RE2's DFA
// states, the phrase trie) stays in cache while it goes over every document, instead of being
// evicted by the eleven other stages between two articles.
void Pipeline::process_texts(std::span<Article> articles, std::span<std::string> texts,
                             std::span<std::vector<std::string>> error_codes) {
  auto failed = [&](size_t k, const Article& a, const std::vector<Error>& errors) {
    for (const auto& e : errors) error_codes[k].push_back(e.code);
    texts[k] = error_record(a, errors, options_.keep_text).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  };
  auto internal = [&](size_t k, const std::string& id, const char* what) {
    Article a;
    a.id = id;
    failed(k, a, {{"internal", what}});
  };
  std::vector<std::unique_ptr<Document>> docs(articles.size());
  std::vector<std::string> ids(articles.size());
  for (size_t k = 0; k < articles.size(); ++k) {
    if (!articles[k].duplicate_of.empty()) {
      texts[k] = duplicate_record(articles[k], options_.keep_text).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
      continue;
    }
    ids[k] = articles[k].id;
    try {
      docs[k] = start(std::move(articles[k]));
    } catch (const std::exception& e) {
      internal(k, ids[k], e.what());
    } catch (...) {
      internal(k, ids[k], "unknown error");
    }
  }
  for (size_t i = 0; i < kStageFunctions.size(); ++i)
    for (auto& doc : docs) {
      if (!doc || !doc->errors.empty()) continue;
      run_stage(i, *doc);
      // Once normalised, the stages read the body from norm (offsets map it back): the original
      // is given back unless the record carries it (for a huge article, one copy fewer). Not in
      // analyse(), whose document keeps its article whole.
      if (i == 0 && !options_.keep_text) std::string().swap(doc->article.text);
    }
  for (size_t k = 0; k < docs.size(); ++k) {
    if (!docs[k]) continue;
    const Document& doc = *docs[k];
    if (!doc.errors.empty()) {
      failed(k, doc.article, doc.errors);
      continue;
    }
    try {
      const auto t0 = std::chrono::steady_clock::now();
      write_record(doc, rules_, texts[k]);
      nanos_.back().fetch_add(uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0).count()),
                              std::memory_order_relaxed);
    } catch (const std::exception& e) {
      texts[k].clear();
      internal(k, ids[k], e.what());
    } catch (...) {
      texts[k].clear();
      internal(k, ids[k], "unknown error");
    }
    docs[k].reset();
  }
}

}  // namespace news
