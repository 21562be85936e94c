#include "io/reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace news {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

bool has_ext(const fs::path& p, std::initializer_list<const char*> exts) {
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return std::any_of(exts.begin(), exts.end(), [&](const char* x) { return e == x; });
}

bool is_jsonl(const fs::path& p) { return has_ext(p, {".jsonl", ".ndjson", ".jsonlines"}); }
bool is_text(const fs::path& p) { return has_ext(p, {".txt", ".text", ".md"}); }

// Deepest nesting of arrays and objects, counted outside strings, without parsing.
size_t json_depth(std::string_view s) {
  size_t depth = 0, max_depth = 0;
  bool in_string = false, escaped = false;
  for (char c : s) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') max_depth = std::max(max_depth, ++depth);
    else if ((c == ']' || c == '}') && depth > 0) --depth;
  }
  return max_depth;
}

std::string text_field_name(const json& obj) {
  for (const char* k : {"text", "body", "content"})
    if (obj.contains(k)) return k;
  return "";
}

}  // namespace

ArticleReader::ArticleReader(std::vector<std::string> inputs, ReaderOptions options) : options_(options) {
  if (inputs.empty()) inputs.push_back("-");
  for (const auto& in : inputs) expand(in);
}

ArticleReader::~ArticleReader() { close_current(); }

void ArticleReader::expand(const std::string& input) {
  if (input == "-") {
    sources_.push_back({"-", true, true, ""});
    return;
  }
  std::error_code ec;
  const fs::path p(input);
  if (fs::is_directory(p, ec)) {
    std::vector<fs::path> files;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      sources_.push_back({input, false, false, "cannot read the folder: " + ec.message()});
      return;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) { sources_.push_back({input, false, false, "cannot read the folder: " + ec.message()}); break; }
      std::error_code fe;
      if (it->is_regular_file(fe) && (is_jsonl(it->path()) || is_text(it->path()))) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (auto& f : files) {
      sources_.push_back({f.string(), is_jsonl(f), false, ""});
      total_bytes_ += fs::file_size(f, ec);
    }
    return;
  }
  if (!fs::exists(p, ec)) {
    sources_.push_back({input, is_jsonl(p), false, "no such file"});
    return;
  }
  sources_.push_back({input, !is_text(p), false, ""});
  total_bytes_ += fs::file_size(p, ec);
}

bool ArticleReader::open_current() {
  Source& s = sources_[current_];
  line_no_ = 0;
  if (s.is_stdin) {
    file_ = stdin;
    own_file_ = false;
    return true;
  }
  file_ = std::fopen(s.path.c_str(), "rb");
  own_file_ = true;
  if (!file_) {
    s.error = std::strerror(errno);
    return false;
  }
  return true;
}

void ArticleReader::close_current() {
  if (file_ && own_file_) std::fclose(file_);
  file_ = nullptr;
  buf_pos_ = buf_len_ = 0;
}

size_t ArticleReader::line_limit() const { return std::max<size_t>(options_.max_article_bytes * 2 + (1u << 16), 64u << 20); }

// Buffered line reading that keeps NUL bytes and never holds more than the
// line limit of one line: the rest of a longer line is skipped unread.
bool ArticleReader::read_line(std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  bool any = false;
  while (true) {
    if (buf_pos_ == buf_len_) {
      buf_len_ = std::fread(buf_.data(), 1, buf_.size(), file_);
      buf_pos_ = 0;
      if (buf_len_ == 0) return any;
    }
    any = true;
    const char* start = buf_.data() + buf_pos_;
    const size_t avail = buf_len_ - buf_pos_;
    const void* nl = std::memchr(start, '\n', avail);
    const size_t take = nl ? size_t(static_cast<const char*>(nl) - start) : avail;
    bytes_read_ += take + (nl ? 1 : 0);
    if (!too_long) {
      if (line.size() + take > line_limit()) { too_long = true; line.clear(); line.shrink_to_fit(); }
      else line.append(start, take);
    }
    buf_pos_ += take + (nl ? 1 : 0);
    if (nl) break;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

Article ArticleReader::parse_line(std::string_view line, const std::string& where, const ReaderOptions& o) {
  Article a;
  a.id = where;
  if (json_depth(line) > o.max_json_depth) {
    a.errors.push_back({"invalid-json", "JSON nested deeper than " + std::to_string(o.max_json_depth) + " levels"});
    return a;
  }
  json obj;
  try {
    obj = json::parse(line);
  } catch (const json::exception& e) {
    std::string msg = e.what();
    if (auto p = msg.find("] "); p != std::string::npos) msg = msg.substr(p + 2);
    const bool utf8 = msg.find("UTF-8") != std::string::npos;
    a.errors.push_back({utf8 ? "invalid-utf8" : "invalid-json", msg});
    return a;
  }
  if (!obj.is_object()) {
    a.errors.push_back({"not-an-object", std::string("the line is a JSON ") + obj.type_name() + ", not an object"});
    return a;
  }
  if (auto id = obj.find("id"); id != obj.end() && !id->is_null())
    a.id = id->is_string() ? id->get<std::string>() : id->dump();
  if (auto t = obj.find("title"); t != obj.end() && t->is_string()) a.title = t->get<std::string>();
  if (auto p = obj.find("published"); p != obj.end() && !p->is_null()) {
    if (p->is_string()) a.published_raw = p->get<std::string>();
    else a.warnings.push_back("published is not a string; ignored");
  }
  const std::string field = text_field_name(obj);
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& k = it.key();
    if (k == "id" || k == "title" || k == "published" || k == field) continue;
    a.meta[k] = *it;
  }
  if (field.empty()) {
    a.errors.push_back({"missing-text", "no \"text\" (or \"body\", \"content\") field"});
    return a;
  }
  const json& text = obj[field];
  if (text.is_null()) {
    a.errors.push_back({"missing-text", "\"" + field + "\" is null"});
    return a;
  }
  if (!text.is_string()) {
    a.errors.push_back({"bad-text-type", "\"" + field + "\" is a JSON " + std::string(text.type_name()) + ", not a string"});
    return a;
  }
  a.text = text.get<std::string>();
  if (a.text.size() > o.max_article_bytes) {
    a.errors.push_back({"article-too-large", "the text has " + std::to_string(a.text.size()) + " bytes; the limit is " +
                                                 std::to_string(o.max_article_bytes) + " (--max-article-bytes)"});
    a.text.clear();
  }
  return a;
}

Article ArticleReader::parse_text_file(std::string content, const std::string& path) {
  Article a;
  a.id = path;
  if (content.rfind("\xEF\xBB\xBF", 0) == 0) content.erase(0, 3);
  // Front matter: "---" line, "key: value" lines, "---" line.
  if (content.rfind("---\n", 0) == 0 || content.rfind("---\r\n", 0) == 0) {
    const size_t end = content.find("\n---", 3);
    if (end != std::string::npos && end < 8192) {
      size_t body = content.find('\n', end + 1);
      body = body == std::string::npos ? content.size() : body + 1;
      std::string_view head(content.data() + 4, end - 4 + 1);
      size_t pos = 0;
      while (pos < head.size()) {
        size_t nl = head.find('\n', pos);
        if (nl == std::string_view::npos) nl = head.size();
        std::string_view line = head.substr(pos, nl - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        pos = nl + 1;
        const size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        std::string key(line.substr(0, colon));
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        if (key == "id") a.id = value;
        else if (key == "title") a.title = value;
        else if (key == "published") a.published_raw = value;
        else if (!key.empty()) a.meta[key] = std::string(value);
      }
      content.erase(0, body);
    }
  }
  a.text = std::move(content);
  return a;
}

std::optional<Article> ArticleReader::next() {
  while (current_ < sources_.size()) {
    Source& s = sources_[current_];
    if (!s.error.empty()) {
      Article a;
      a.id = s.path;
      a.errors.push_back({"unreadable", s.path + ": " + s.error});
      ++current_;
      return a;
    }
    if (!s.is_jsonl) {
      ++current_;
      std::error_code ec;
      const auto size = fs::file_size(s.path, ec);
      Article fail;
      fail.id = s.path;
      if (!ec && size > options_.max_article_bytes) {
        fail.errors.push_back({"article-too-large", "the file has " + std::to_string(size) + " bytes; the limit is " +
                                                        std::to_string(options_.max_article_bytes) + " (--max-article-bytes)"});
        return fail;
      }
      std::ifstream in(s.path, std::ios::binary);
      std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (!in.good() && !in.eof()) {
        fail.errors.push_back({"unreadable", s.path + ": " + std::strerror(errno)});
        return fail;
      }
      if (ec || !in.is_open()) {
        fail.errors.push_back({"unreadable", s.path + ": cannot open the file"});
        return fail;
      }
      bytes_read_ += content.size();
      return parse_text_file(std::move(content), s.path);
    }
    if (!file_ && !open_current()) continue;  // the error becomes a record on the next turn
    std::string line;
    bool too_long = false;
    while (read_line(line, too_long)) {
      ++line_no_;
      if (line_no_ == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
      const std::string where = (s.is_stdin ? std::string("stdin") : s.path) + ":" + std::to_string(line_no_);
      if (too_long) {
        Article a;
        a.id = where;
        a.errors.push_back({"line-too-long", "the line is longer than " + std::to_string(line_limit()) +
                                                 " bytes (64 MiB, or twice --max-article-bytes); skipped unread"});
        return a;
      }
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank lines are not articles
      return parse_line(line, where, options_);
    }
    if (std::ferror(file_)) {
      Article a;
      a.id = s.path;
      a.errors.push_back({"unreadable", s.path + ": read error after line " + std::to_string(line_no_)});
      close_current();
      ++current_;
      return a;
    }
    close_current();
    ++current_;
  }
  return std::nullopt;
}

}  // namespace news
