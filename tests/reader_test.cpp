#include <doctest/doctest.h>

#include "io/reader.hpp"

using namespace news;

namespace {
std::string first_error(const Article& a) { return a.errors.empty() ? "" : a.errors[0].code; }
const ReaderOptions kOptions;
}  // namespace

TEST_CASE("JSON Lines: good lines and every kind of bad one") {
  auto ok = ArticleReader::parse_line(R"({"id":"a1","title":"T","published":"2019-03-04","text":"Body","url":"u"})", "f:1", kOptions);
  CHECK(ok.errors.empty());
  CHECK(ok.id == "a1");
  CHECK(ok.meta["url"] == "u");
  CHECK(ArticleReader::parse_line(R"({"body":"B"})", "f:2", kOptions).text == "B");
  CHECK(ArticleReader::parse_line(R"({"content":"C"})", "f:3", kOptions).text == "C");
  CHECK(ArticleReader::parse_line(R"({"text": "unterminated)", "f:4", kOptions).id == "f:4");
  CHECK(first_error(ArticleReader::parse_line(R"({"text": "unterminated)", "f:4", kOptions)) == "invalid-json");
  CHECK(first_error(ArticleReader::parse_line(R"([1,2,3])", "f:5", kOptions)) == "not-an-object");
  CHECK(first_error(ArticleReader::parse_line(R"({"id":"x"})", "f:6", kOptions)) == "missing-text");
  CHECK(first_error(ArticleReader::parse_line(R"({"text":null})", "f:7", kOptions)) == "missing-text");
  CHECK(first_error(ArticleReader::parse_line(R"({"text":42})", "f:8", kOptions)) == "bad-text-type");
  CHECK(first_error(ArticleReader::parse_line(R"({"text":["a"]})", "f:9", kOptions)) == "bad-text-type");
  CHECK(first_error(ArticleReader::parse_line("{\"text\":\"bad \xC0\xAF\"}", "f:10", kOptions)) == "invalid-utf8");
  CHECK(first_error(ArticleReader::parse_line(std::string(100000, '[') + std::string(100000, ']'), "f:11", kOptions)) == "invalid-json");
  auto numeric_id = ArticleReader::parse_line(R"({"id":17,"text":"x"})", "f:12", kOptions);
  CHECK(numeric_id.id == "17");
}

TEST_CASE("JSON Lines: the flat-object fast path reads a line as the JSON parser does") {
  // escapes, other fields in key order, null fields, a key twice (the parser's rule applies)
  auto a = ArticleReader::parse_line(R"({"text":"a\"b\\c\/d\n\u00e9\u20AC\uD83D\uDE00","zeta":"z","alpha":null,"id":"i","Beta":"b"})",
                                     "f:1", kOptions);
  CHECK(a.text == "a\"b\\c/d\n\u00e9\u20ac\U0001F600");
  CHECK(a.id == "i");
  CHECK(a.meta.dump() == R"({"Beta":"b","alpha":null,"zeta":"z"})");
  auto nulls = ArticleReader::parse_line(R"( { "id" : null , "title" : null, "published": null, "body": "B", "content": "C" } )", "f:2", kOptions);
  CHECK(nulls.id == "f:2");
  CHECK(nulls.text == "B");
  CHECK(nulls.meta.dump() == R"({"content":"C"})");
  CHECK(ArticleReader::parse_line(R"({"text":"first","text":"second"})", "f:3", kOptions).text == "second");
  CHECK(first_error(ArticleReader::parse_line(R"({"text":"a"} trailing)", "f:4", kOptions)) == "invalid-json");
  CHECK(first_error(ArticleReader::parse_line("{\"text\":\"raw\tcontrol\"}", "f:5", kOptions)) == "invalid-json");
  CHECK(first_error(ArticleReader::parse_line(R"({"text":"lone \uD800"})", "f:6", kOptions)) == "invalid-json");
}

TEST_CASE("JSON Lines: a line of many keys keeps every key once, in key order, on both paths") {
  // 20,000 keys, flat (the fast path) and with numbers (the parser's path)
  for (const bool flat : {true, false}) {
    std::string line = R"({"text":"t")";
    for (int k = 19999; k >= 0; --k) line += ",\"k" + std::to_string(k) + "\":" + (flat ? "\"v\"" : std::to_string(k));
    line += "}";
    auto a = ArticleReader::parse_line(line, "f:1", kOptions);
    REQUIRE(a.meta.size() == 20000);
    CHECK(a.meta.begin().key() == "k0");
    std::string previous;
    bool sorted = true;
    for (auto it = a.meta.begin(); it != a.meta.end(); ++it) {
      sorted = sorted && previous < it.key();
      previous = it.key();
    }
    CHECK(sorted);
  }
}

TEST_CASE("articles larger than the limit get an error, not a crash") {
  ReaderOptions small;
  small.max_article_bytes = 10;
  CHECK(first_error(ArticleReader::parse_line(R"({"text":"0123456789abc"})", "f:1", small)) == "article-too-large");
}

TEST_CASE("text files: front matter is read, offsets refer to the body") {
  auto a = ArticleReader::parse_text_file("---\nid: x1\ntitle: A title\npublished: 2020-01-02\nsource: wire\n---\nThe body.\n", "p.txt");
  CHECK(a.id == "x1");
  CHECK(a.title == "A title");
  CHECK(a.published_raw == "2020-01-02");
  CHECK(a.meta["source"] == "wire");
  CHECK(a.text == "The body.\n");
  auto plain = ArticleReader::parse_text_file("\xEF\xBB\xBFNo front matter here.", "q.txt");
  CHECK(plain.id == "q.txt");
  CHECK(plain.text == "No front matter here.");
}
