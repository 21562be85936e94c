#include "pipeline.hpp"

#include <chrono>

#include "aggregate/record.hpp"
#include "aggregate/relations.hpp"
#include "aggregate/roles.hpp"
#include "extract/dates/dates.hpp"
#include "extract/evidence/evidence.hpp"
#include "extract/gazetteer/gazetteer.hpp"
#include "extract/names/names.hpp"
#include "extract/operations/operations.hpp"
#include "extract/people/people.hpp"
#include "resolve/overlaps.hpp"
#include "segment/normalise.hpp"
#include "segment/segment.hpp"

namespace news {

std::array<uint64_t, Pipeline::kStages.size()> Pipeline::stage_nanos() const {
  std::array<uint64_t, kStages.size()> out{};
  for (size_t i = 0; i < out.size(); ++i) out[i] = nanos_[i].load(std::memory_order_relaxed);
  return out;
}

std::unique_ptr<Document> Pipeline::analyse(Article article) {
  auto doc = std::make_unique<Document>(std::move(article), options_);
  if (!doc->article.errors.empty()) {
    doc->errors = doc->article.errors;
    return doc;
  }
  const RuleSet& r = rules_;
  using Stage = void (*)(Document&, const RuleSet&);
  static const std::array<Stage, kStages.size() - 1> stages = {
      [](Document& d, const RuleSet&) { normalise(d); },
      segment,
      match_gazetteers,
      find_people,
      find_operations,
      find_names,
      find_dates,
      weigh_evidence,
      [](Document& d, const RuleSet&) { resolve_overlaps(d); },
      assign_roles,
      link_dates,
      find_relations};
  for (size_t i = 0; i < stages.size(); ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    try {
      stages[i](*doc, r);
    } catch (const std::exception& e) {
      doc->errors.push_back({"stage-failed", std::string(kStages[i]) + ": " + e.what()});
    } catch (...) {
      doc->errors.push_back({"stage-failed", std::string(kStages[i]) + ": unknown error"});
    }
    nanos_[i].fetch_add(uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0).count()),
                        std::memory_order_relaxed);
    if (!doc->errors.empty()) break;
  }
  return doc;
}

// One path for both forms: the text is what the workers write; the tree is read back from it
// (build_record() does the same), so the two can never disagree.
nlohmann::ordered_json Pipeline::process(Article article) {
  std::vector<std::string> error_codes;
  return nlohmann::ordered_json::parse(process_text(std::move(article), error_codes));
}

std::string Pipeline::process_text(Article article, std::vector<std::string>& error_codes) {
  const std::string id = article.id;
  auto failed = [&](const Article& a, const std::vector<Error>& errors) {
    for (const auto& e : errors) error_codes.push_back(e.code);
    return error_record(a, errors, options_.keep_text).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  };
  if (!article.duplicate_of.empty())
    return duplicate_record(article, options_.keep_text).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  try {
    auto doc = analyse(std::move(article));
    if (!doc->errors.empty()) return failed(doc->article, doc->errors);
    const auto t0 = std::chrono::steady_clock::now();
    std::string text;
    write_record(*doc, rules_, text);
    nanos_.back().fetch_add(uint64_t(std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0).count()),
                            std::memory_order_relaxed);
    return text;
  } catch (const std::exception& e) {
    Article a;
    a.id = id;
    return failed(a, {{"internal", e.what()}});
  } catch (...) {
    Article a;
    a.id = id;
    return failed(a, {{"internal", "unknown error"}});
  }
}

}  // namespace news
