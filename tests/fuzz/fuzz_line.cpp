// libFuzzer target: one input line through the whole pipeline (reader, every
// stage, record). Run with tools/sanitize-and-fuzz.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

#include "io/reader.hpp"
#include "pipeline.hpp"
#include "project_rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const news::ReaderOptions options;
  static news::ExtractOptions extract = [] {
    news::ExtractOptions o;
    o.explain = true;
    o.default_anchor = news::CivilDate{2021, 6, 16};
    return o;
  }();
  static news::Pipeline pipeline(project_rules(), extract);
  const std::string line(reinterpret_cast<const char*>(data), size);
  news::Article a = news::ArticleReader::parse_line(line, "fuzz:1", options);
  // Also as the body of a text file, which skips the JSON layer.
  news::Article t = news::ArticleReader::parse_text_file(line, "fuzz.txt");
  for (news::Article* art : {&a, &t}) {
    const auto record = pipeline.process(*art);
    (void)record.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  }
  return 0;
}
