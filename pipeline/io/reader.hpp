// Reads articles from the command line's inputs, in order, one at a time:
// .jsonl/.ndjson files (one SCHEMA input object a line), .txt/.md files (one
// article each, with optional `---` front matter), RSS/Atom feeds (one
// article per item), HTML pages (one article each), any of them gzipped,
// folders (recursively, in sorted path order) and "-" for stdin (JSON Lines,
// or a feed or page when it starts with markup).
//
//   ArticleReader reader({"corpus/articles", "feed.jsonl", "news.xml.gz"}, ReaderOptions{});
//   while (auto a = reader.next()) process(std::move(*a));
//
// A file's kind comes from its extension when that is definite (.jsonl,
// .txt), else from its first bytes: "<" is markup (feed or page), "{" is
// JSON Lines, anything else a text article. Nothing is ever dropped: a line,
// item or file that cannot be read becomes an Article whose `errors` say why.
// Not thread-safe: one reader thread.
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "io/byte_stream.hpp"

namespace news {

struct ReaderOptions {
  size_t max_article_bytes = 8u << 20;  // larger articles get an "article-too-large" error record
  size_t max_json_depth = 256;          // deeper JSON nesting is refused before parsing
  // Feeds and pages are parsed whole: larger ones get a "file-too-large" error
  // record. The default is the larger of 16 MiB and twice max_article_bytes.
  size_t max_markup_bytes = 0;
};

class ArticleReader {
 public:
  ArticleReader(std::vector<std::string> inputs, ReaderOptions options);
  ~ArticleReader();
  std::optional<Article> next();
  // Total bytes of the named regular-file inputs (for progress), 0 when unknown.
  uint64_t known_input_bytes() const { return total_bytes_; }
  uint64_t bytes_read() const { return done_bytes_ + (stream_.is_open() ? stream_.raw_bytes() : 0); }

  // Parses one JSON Lines line into an article (exposed for tests and fuzzing).
  static Article parse_line(std::string_view line, const std::string& where, const ReaderOptions& o);
  // Splits optional front matter off a text file's content.
  static Article parse_text_file(std::string content, const std::string& path);

 private:
  enum class Kind { Sniff, JsonLines, Text, Markup };
  struct Source {
    std::string path;
    Kind kind;
    bool is_stdin;
    std::string error;
    uint64_t size = 0;
  };
  std::vector<Source> sources_;
  size_t current_ = 0;
  ByteStream stream_;
  Kind kind_ = Kind::Sniff;  // of the open source
  uint64_t line_no_ = 0;
  ReaderOptions options_;
  uint64_t total_bytes_ = 0, done_bytes_ = 0;
  std::vector<char> buf_ = std::vector<char>(1u << 20);
  size_t buf_pos_ = 0, buf_len_ = 0;
  std::vector<Article> pending_;  // items of a parsed feed, in reverse order
  size_t line_limit() const;
  size_t markup_limit() const;

  void expand(const std::string& input);
  bool open_current();
  void close_current();
  Kind sniff();
  bool fill();
  // Reads one line; false at end of file. Lines longer than the limit are skipped, `too_long` set.
  bool read_line(std::string& line, bool& too_long);
  // Reads the rest of the source; false (content cleared) when it exceeds `limit`.
  bool read_all(std::string& content, size_t limit);
  Article file_error(const Source& s, std::string code, std::string message) const;
  std::optional<Article> stream_error(const Source& s);
  void parse_markup(const Source& s, std::string content);
};

}  // namespace news
