// Compares a record with its expected record entity by entity (not as text):
// what was gained, lost or changed per type, and precision/recall/F1.
//
//   EntityView got = EntityView::from_record(record), want = EntityView::from_expected(expected_json);
//   std::vector<Difference> diffs = compare(want, got);
//   Scores s; s.add(want, got);
//
// An entity is keyed by what names it (actor name, operation name, ISO code,
// STIX sector, date text and occurrence); its attributes (kind and country,
// actor, roles, value and type) are compared under the key. A relation is keyed by
// "type source -> target"; relations are scored only against expected records that
// have a `relations` list (hand annotation is under way), so the others count nothing.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace news {

extern const char* const kEntityTypes[7];  // actor, operation, country, role, sector, date, relation

struct EntityView {
  // type -> key -> attributes (a short readable string; "" when the type has none)
  std::map<std::string, std::map<std::string, std::string>> by_type;
  std::set<std::string> unscored;  // types this (expected) record has no truth for
  static EntityView from_record(const nlohmann::ordered_json& record);
  // The expected record: the same lists, without offsets.
  static EntityView from_expected(const nlohmann::json& expected);
  // The expected-record form of a record (what --accept writes).
  static nlohmann::ordered_json expected_form(const nlohmann::ordered_json& record);
};

struct Difference {
  std::string type, key, change;  // change: gained, lost, changed
  std::string expected, got;      // attributes
};

std::vector<Difference> compare(const EntityView& expected, const EntityView& got, const std::string& only_type = "");

struct Scores {
  struct Counts { uint64_t tp = 0, fp = 0, fn = 0; };
  std::map<std::string, Counts> by_type;
  void add(const EntityView& expected, const EntityView& got);
  static double precision(const Counts& c) { return c.tp + c.fp ? double(c.tp) / double(c.tp + c.fp) : 1.0; }
  static double recall(const Counts& c) { return c.tp + c.fn ? double(c.tp) / double(c.tp + c.fn) : 1.0; }
  static double f1(const Counts& c) {
    const double p = precision(c), r = recall(c);
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

}  // namespace news
