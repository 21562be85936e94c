// Stage: turn the settled mentions into the output record of
// ../shared/SCHEMA.md: one entry per actor, operation, country and sector
// (with the forms used and every mention), one per date occurrence.
//
//   std::string line; write_record(doc, rules, line);   // the JSON text, no tree built
//   nlohmann::ordered_json rec = build_record(doc, rules);  // the same, parsed
//
// Offsets are converted here, once, from normalised bytes to code points of
// the original text.
#pragma once
#include <nlohmann/json.hpp>

#include "core/document.hpp"
#include "rules/ruleset.hpp"

namespace news {
// Appends the record as one line of JSON (no newline), exactly what
// build_record(doc, rules).dump(-1, ' ', false, replace) gives.
void write_record(const Document& doc, const RuleSet& rules, std::string& out);
nlohmann::ordered_json build_record(const Document& doc, const RuleSet& rules);
// The record of an article that could not be processed.
nlohmann::ordered_json error_record(const Article& a, const std::vector<Error>& errors, bool keep_text = false);
// The record of a story seen earlier in the run: its header, `duplicate_of`, empty lists.
nlohmann::ordered_json duplicate_record(const Article& a, bool keep_text);
}
