// libFuzzer target: bytes as a feed and as an HTML page (libxml2 and our DOM
// walk), each article found then through the whole pipeline. Run with
// tools/sanitize-and-fuzz.
#include <cstdint>
#include <string>

#include "io/markup.hpp"
#include "pipeline.hpp"
#include "project_rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static news::ExtractOptions extract = [] {
    news::ExtractOptions o;
    o.default_anchor = news::CivilDate{2021, 6, 16};
    return o;
  }();
  static news::Pipeline pipeline(project_rules(), extract);
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const news::MarkupOptions options;
  for (auto* parse : {&news::parse_feed, &news::parse_html_page}) {
    news::MarkupResult r = parse(bytes, "fuzz", options);
    for (auto& a : r.articles) {
      const auto record = pipeline.process(std::move(a));
      (void)record.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    }
  }
  (void)news::html_to_text(bytes);
  return 0;
}
