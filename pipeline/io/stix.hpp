// STIX 2.1 from an output record: a report for the article, intrusion sets for
// groups, campaigns for operations, identities for vendors, agencies, media,
// organisations, people and targeted sectors, locations for countries, malware
// and tools, and relationships for the record's relations.
//
//   nlohmann::ordered_json objects = stix_objects(record);      // SDOs and SROs
//   nlohmann::ordered_json bundle = stix_bundle(objects, "bundle name");
//
// Ids are UUIDv5, in a namespace of our own, over the object type and canonical
// name (the article id for the report), so reruns and other articles give the
// same id to the same group. A relation STIX 2.1 has no relationship for
// (reported-by, or a pairing its tables do not list) becomes related-to with
// the reading kept in x_news_extract_relation.
//
// Every object but the report is shared between articles, so it must be the
// same object wherever it appears (STIX: one id, one `created`; the same
// `modified`, the same content): its content comes from the rules alone (a
// group's aliases are all those the rules know, not the forms one article
// used) and its timestamps are the fixed kSharedObjectTime. The report carries
// the article: its publication date (midnight UTC), or `fallback_time`.
// tests/stix-schemas holds the rules the output is checked against.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "rules/ruleset.hpp"

namespace news {

inline constexpr const char* kSharedObjectTime = "2020-01-01T00:00:00.000Z";

// Canonical name -> every alias the rules give, for groups and campaigns.
// Built once per rule set; read-only and thread-safe after construction.
class StixAliases {
 public:
  explicit StixAliases(const RuleSet& rules);
  const std::vector<std::string>* of_group(const std::string& name) const;
  const std::vector<std::string>* of_campaign(const std::string& name) const;

 private:
  std::unordered_map<std::string, std::vector<std::string>> groups_, campaigns_;
};

nlohmann::ordered_json stix_objects(const nlohmann::ordered_json& record, const std::string& fallback_time,
                                    const StixAliases& aliases);
nlohmann::ordered_json stix_bundle(const nlohmann::ordered_json& objects, const std::string& name);
// "2026-11-28T10:32:22.000Z"
std::string stix_now();

}  // namespace news
