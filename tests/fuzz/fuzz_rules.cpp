// libFuzzer target: the rule loader's file parsing on arbitrary bytes: the TSV
// reader with its header check, list files, list splitting, forms tokenised and
// folded, and patterns compiled by RE2 the way the loader does.
#include <cstdint>
#include <cstdio>
#include <string>
#include <unistd.h>

#include <re2/re2.h>

#include "core/text.hpp"
#include "rules/tsv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/news-extract-fuzz-rules-" + std::to_string(::getpid()) + ".tsv";
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  } else {
    return 0;
  }
  news::Problems problems;
  auto table = news::TsvTable::read(path, {"id", "name"}, {"kind", "country", "aliases", "pattern"}, problems);
  for (const auto& row : table.rows) {
    for (const auto& field : row.fields) {
      for (const auto& item : news::split_list(field)) {
        std::vector<news::RawToken> toks;
        news::tokenize(item, toks);
        for (const auto& t : toks) (void)news::fold(std::string_view(item).substr(t.start, t.end - t.start));
      }
    }
    if (row.has("pattern")) {
      RE2::Options o;
      o.set_log_errors(false);
      o.set_max_mem(8 << 20);
      RE2 re(std::string(row.get("pattern")), o);
      if (re.ok()) (void)re.NamedCapturingGroups();
    }
  }
  for (const auto& p : problems) (void)p.to_string();
  (void)news::read_list(path, problems);
  return 0;
}
