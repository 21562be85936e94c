#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "helpers.hpp"
#include "runner.hpp"

using namespace news;

namespace {

// Records as text, in the order the runner hands them over.
std::vector<std::string> run_file(const std::string& path, unsigned threads, size_t exclusive_bytes) {
  ArticleReader reader({path}, ReaderOptions{});
  ExtractOptions options;
  Pipeline pipeline(test::project_rules(), options);
  std::vector<std::string> lines;
  RunOptions run;
  run.threads = threads;
  run.read_ahead_articles = 16;  // several groups in flight, and the bound reached
  run.stage_group = 4;
  run.exclusive_article_bytes = exclusive_bytes;
  run.text_sink = [&](const std::string& line) { lines.push_back(line); };
  run_articles(reader, pipeline, [](const nlohmann::ordered_json&) {}, run);
  return lines;
}

}  // namespace

TEST_CASE("large articles run one at a time and keep their place in the output") {
  const auto path = (std::filesystem::temp_directory_path() / "news-extract-runner-test.jsonl").string();
  {
    std::ofstream out(path);
    for (int i = 0; i < 60; ++i) {
      std::string text = "Hackers linked to North Korea stole $" + std::to_string(i) + " million from a bank in Japan last week.";
      if (i % 3 == 0)  // every third article is long: above the exclusive size set below
        for (int k = 0; k < 40; ++k) text += " Researchers at ESET said the Lazarus Group used new malware against banks in Chile.";
      out << nlohmann::json{{"id", "a" + std::to_string(i)}, {"published", "2021-06-16"}, {"text", text}}.dump() << '\n';
    }
  }
  const auto one = run_file(path, 1, 1000);
  const auto four = run_file(path, 4, 1000);
  const auto unlimited = run_file(path, 4, SIZE_MAX);
  std::remove(path.c_str());
  REQUIRE(one.size() == 60);
  CHECK(four == one);
  CHECK(unlimited == one);
  for (int i = 0; i < 60; ++i) CHECK(nlohmann::json::parse(four[size_t(i)])["id"] == "a" + std::to_string(i));
}
