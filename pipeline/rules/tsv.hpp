// Reads one tab-separated rule file with a header line.
//
//   Problems problems;
//   auto table = TsvTable::read("rules/actors/vendors.tsv", {"id", "name"}, {"mitre"}, problems);
//   for (const auto& row : table.rows) use(row.get("name"), row.line);
//
// Problems are collected, never thrown: the loader reports all of them at once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace news {

struct Problem {
  std::string path;
  uint32_t line = 0;  // 0: the file as a whole
  std::string reason;
  std::string to_string() const;
};
using Problems = std::vector<Problem>;

struct TsvRow {
  uint32_t line = 0;
  std::vector<std::string> fields;
  std::shared_ptr<const std::vector<std::string>> header;
  // The field of that column, or "" when the column is absent from the header.
  std::string_view get(std::string_view column) const;
  bool has(std::string_view column) const;
};

struct TsvTable {
  std::string path;
  std::vector<std::string> header;
  std::vector<TsvRow> rows;
  std::vector<std::pair<std::string, std::string>> directives;  // "@name<TAB>value" lines

  // `required` columns must be in the header; others must be in `optional`.
  static TsvTable read(const std::string& path, const std::vector<std::string>& required,
                       const std::vector<std::string>& optional, Problems& problems);
};

// A plain list file: one entry a line, '#' comments. Returns (line, text).
std::vector<std::pair<uint32_t, std::string>> read_list(const std::string& path, Problems& problems);

// Splits "a|b|c" into items, trimming spaces; empty items are reported.
std::vector<std::string> split_list(std::string_view s);

std::string_view trim(std::string_view s);

}  // namespace news
