// Reads articles from the command line's inputs, in order, one at a time:
// .jsonl/.ndjson files (one SCHEMA input object a line), .txt/.md files (one
// article each, with optional `---` front matter), folders (recursively, in
// sorted path order) and "-" for JSON Lines on stdin.
//
//   ArticleReader reader({"corpus/articles", "feed.jsonl"}, ReaderOptions{});
//   while (auto a = reader.next()) process(std::move(*a));
//
// Nothing is ever dropped: a line or file that cannot be read becomes an
// Article whose `errors` say why. Not thread-safe: one reader thread.
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/document.hpp"

namespace news {

struct ReaderOptions {
  size_t max_article_bytes = 8u << 20;  // larger articles get an "article-too-large" error record
  size_t max_json_depth = 256;          // deeper JSON nesting is refused before parsing
};

class ArticleReader {
 public:
  ArticleReader(std::vector<std::string> inputs, ReaderOptions options);
  ~ArticleReader();
  std::optional<Article> next();
  // Total bytes of the named regular-file inputs (for progress), 0 when unknown.
  uint64_t known_input_bytes() const { return total_bytes_; }
  uint64_t bytes_read() const { return bytes_read_; }

  // Parses one JSON Lines line into an article (exposed for tests and fuzzing).
  static Article parse_line(std::string_view line, const std::string& where, const ReaderOptions& o);
  // Splits optional front matter off a text file's content.
  static Article parse_text_file(std::string content, const std::string& path);

 private:
  struct Source { std::string path; bool is_jsonl; bool is_stdin; std::string error; };
  std::vector<Source> sources_;
  size_t current_ = 0;
  FILE* file_ = nullptr;
  bool own_file_ = false;
  uint64_t line_no_ = 0;
  ReaderOptions options_;
  uint64_t total_bytes_ = 0, bytes_read_ = 0;
  std::vector<char> buf_ = std::vector<char>(1u << 20);
  size_t buf_pos_ = 0, buf_len_ = 0;
  size_t line_limit() const;

  void expand(const std::string& input);
  bool open_current();
  void close_current();
  // Reads one line; false at end of file. Lines longer than the limit are skipped, `too_long` set.
  bool read_line(std::string& line, bool& too_long);
};

}  // namespace news
