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
// the reading kept in x_news_extract_relation. Timestamps are the publication
// date (midnight UTC), or `fallback_time`. tests/stix-schemas holds the rules
// the output is checked against.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace news {

nlohmann::ordered_json stix_objects(const nlohmann::ordered_json& record, const std::string& fallback_time);
nlohmann::ordered_json stix_bundle(const nlohmann::ordered_json& objects, const std::string& name);
// "2026-11-28T10:32:22.000Z"
std::string stix_now();

}  // namespace news
