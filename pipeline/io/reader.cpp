#include "io/reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "io/markup.hpp"

namespace news {

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

// The extension that says what a file holds, under any ".gz".
std::string content_extension(const fs::path& p) {
  std::string name = p.filename().string();
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  if (name.size() > 3 && name.ends_with(".gz")) name.resize(name.size() - 3);
  const size_t dot = name.rfind('.');
  return dot == std::string::npos ? "" : name.substr(dot);
}

bool is_jsonl(const std::string& e) { return one_of(e, {".jsonl", ".ndjson", ".jsonlines"}); }
bool is_text(const std::string& e) { return one_of(e, {".txt", ".text", ".md"}); }
bool is_markup(const std::string& e) { return one_of(e, {".xml", ".rss", ".atom", ".rdf", ".html", ".htm", ".xhtml"}); }
bool is_html(const std::string& e) { return one_of(e, {".html", ".htm", ".xhtml"}); }

// The field that holds the article's text: the first of "text", "body", "content" the line has.
template <class Has>
std::string text_field_name(Has has) {
  for (const char* k : {"text", "body", "content"})
    if (has(k)) return k;
  return "";
}

bool json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A JSON string at s[i] (the opening quote) decoded into `out`, i moved past it; false for
// anything the fast path leaves to nlohmann (a raw control character, a bad escape, a
// surrogate escape, the end of the line).
bool read_json_string(std::string_view s, size_t& i, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.clear();
  ++i;
  while (true) {
    const size_t run = i;
    i += json_plain_prefix(s.substr(i), false);
    out.append(s.data() + run, i - run);
    if (i >= s.size() || s[i] != '\\') {
      if (i >= s.size() || s[i] != '"') return false;
      ++i;
      return true;
    }
    if (++i >= s.size()) return false;
    switch (s[i++]) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '/': out += '/'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        if (i + 4 > s.size()) return false;
        uint32_t cp = 0;
        for (size_t k = 0; k < 4; ++k) {
          const char c = char(std::tolower(static_cast<unsigned char>(s[i + k])));
          const char* d = std::strchr(kHex, c);
          if (c == '\0' || d == nullptr) return false;
          cp = cp * 16 + uint32_t(d - kHex);
        }
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDFFF) return false;  // surrogate pairs: nlohmann's business
        if (cp < 0x80) {
          out += char(cp);
        } else if (cp < 0x800) {
          out += char(0xC0 | (cp >> 6));
          out += char(0x80 | (cp & 0x3F));
        } else {
          out += char(0xE0 | (cp >> 12));
          out += char(0x80 | ((cp >> 6) & 0x3F));
          out += char(0x80 | (cp & 0x3F));
        }
        break;
      }
      default: return false;
    }
  }
}

// The usual line, read without building a tree: one object whose values are all strings or
// null, every key once, valid UTF-8. Fills `fields` (key, value; nullopt for null) in the
// order of the line and `by_key` (their indexes in key order); false for any other line, which
// nlohmann parses (and reports) as before.
bool read_flat_object(std::string_view s, std::vector<std::pair<std::string, std::optional<std::string>>>& fields,
                      std::vector<uint32_t>& by_key) {
  fields.clear();
  if (find_invalid_utf8(s) != std::string_view::npos) return false;
  size_t i = 0;
  auto skip = [&] { while (i < s.size() && json_space(s[i])) ++i; };
  skip();
  if (i >= s.size() || s[i] != '{') return false;
  ++i;
  skip();
  if (i < s.size() && s[i] == '}') {
    ++i;
  } else {
    while (true) {
      if (i >= s.size() || s[i] != '"') return false;
      auto& [key, value] = fields.emplace_back();
      if (!read_json_string(s, i, key)) return false;
      skip();
      if (i >= s.size() || s[i] != ':') return false;
      ++i;
      skip();
      if (i < s.size() && s[i] == '"') {
        value.emplace();
        if (!read_json_string(s, i, *value)) return false;
      } else if (s.substr(i, 4) == "null") {
        i += 4;
      } else {
        return false;
      }
      skip();
      if (i < s.size() && s[i] == ',') {
        ++i;
        skip();
        continue;
      }
      if (i < s.size() && s[i] == '}') {
        ++i;
        break;
      }
      return false;
    }
  }
  skip();
  if (i != s.size()) return false;
  // the fields by key (the tree's order), a repeated key left to nlohmann's rule of which one counts
  by_key.resize(fields.size());
  for (uint32_t k = 0; k < by_key.size(); ++k) by_key[k] = k;
  std::sort(by_key.begin(), by_key.end(), [&](uint32_t x, uint32_t y) { return fields[x].first < fields[y].first; });
  for (size_t k = 1; k < by_key.size(); ++k)
    if (fields[by_key[k - 1]].first == fields[by_key[k]].first) return false;
  return true;
}

// A key the object holds once, added at the end of `meta` without the linear look-up of
// ordered_json's operator[] (a line of 200,000 keys took minutes).
void append_meta(nlohmann::ordered_json& meta, const std::string& key, nlohmann::ordered_json value) {
  auto& fields = meta.get_ref<nlohmann::ordered_json::object_t&>();
  using Container = nlohmann::ordered_json::object_t::Container;
  static_cast<Container&>(fields).emplace_back(key, std::move(value));
}

void missing_text(Article& a) { a.errors.push_back({"missing-text", "no \"text\" (or \"body\", \"content\") field"}); }
void null_text(Article& a, std::string_view field) {
  a.errors.push_back({"missing-text", "\"" + std::string(field) + "\" is null"});
}
void set_text(Article& a, std::string text, const ReaderOptions& o) {
  a.text = std::move(text);
  if (a.text.size() > o.max_article_bytes) {
    a.errors.push_back({"article-too-large", "the text has " + std::to_string(a.text.size()) + " bytes; the limit is " +
                                                 std::to_string(o.max_article_bytes) + " (--max-article-bytes)"});
    a.text.clear();
  }
}

}  // namespace

ArticleReader::ArticleReader(std::vector<std::string> inputs, ReaderOptions options) : options_(options) {
  if (inputs.empty()) inputs.push_back("-");
  for (const auto& in : inputs) expand(in);
}

ArticleReader::~ArticleReader() { close_current(); }

void ArticleReader::expand(const std::string& input) {
  if (input == "-") {
    sources_.push_back({"-", Kind::Sniff, true, "", 0});
    return;
  }
  std::error_code ec;
  const fs::path p(input);
  if (fs::is_directory(p, ec)) {
    std::vector<fs::path> files;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      sources_.push_back({input, Kind::Sniff, false, "cannot read the folder: " + ec.message()});
      return;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) { sources_.push_back({input, Kind::Sniff, false, "cannot read the folder: " + ec.message()}); break; }
      std::error_code fe;
      const std::string ext = content_extension(it->path());
      if (it->is_regular_file(fe) && (is_jsonl(ext) || is_text(ext) || is_markup(ext))) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (auto& f : files) {
      const std::string ext = content_extension(f);
      const uint64_t size = fs::file_size(f, ec);
      sources_.push_back({f.string(), is_jsonl(ext) ? Kind::JsonLines : is_text(ext) ? Kind::Text : Kind::Sniff, false, "",
                          ec ? 0 : size});
      total_bytes_ += ec ? 0 : size;
    }
    return;
  }
  if (!fs::exists(p, ec)) {
    sources_.push_back({input, Kind::Sniff, false, "no such file"});
    return;
  }
  const std::string ext = content_extension(p);
  const uint64_t size = fs::file_size(p, ec);
  sources_.push_back({input, is_jsonl(ext) ? Kind::JsonLines : is_text(ext) ? Kind::Text : Kind::Sniff, false, "",
                      ec ? 0 : size});
  total_bytes_ += ec ? 0 : size;
}

bool ArticleReader::open_current() {
  Source& s = sources_[current_];
  line_no_ = 0;
  buf_pos_ = buf_len_ = 0;
  const bool ok = s.is_stdin ? stream_.open_stdin() : stream_.open(s.path);
  if (!ok) s.error = stream_.error();
  kind_ = s.kind;
  return ok;
}

void ArticleReader::close_current() {
  if (current_ < sources_.size() && stream_.is_open()) done_bytes_ += sources_[current_].size;
  stream_.close();
  buf_pos_ = buf_len_ = 0;
}

size_t ArticleReader::line_limit() const { return std::max<size_t>(options_.max_article_bytes * 2 + (1u << 16), 64u << 20); }
size_t ArticleReader::markup_limit() const {
  return options_.max_markup_bytes ? options_.max_markup_bytes : std::max<size_t>(options_.max_article_bytes * 2, 16u << 20);
}

bool ArticleReader::fill() {
  buf_len_ = stream_.read(buf_.data(), buf_.size());
  buf_pos_ = 0;
  return buf_len_ > 0;
}

// "<" (after a byte order mark and blanks) is markup, "{" or "[" JSON Lines;
// anything else is a text article, or a broken feed or page when the
// extension says markup. stdin is JSON Lines unless it starts with "<".
ArticleReader::Kind ArticleReader::sniff() {
  const Source& s = sources_[current_];
  if (buf_pos_ == buf_len_) fill();
  std::string_view head(buf_.data() + buf_pos_, buf_len_ - buf_pos_);
  if (head.rfind("\xFE\xFF", 0) == 0 || head.rfind("\xFF\xFE", 0) == 0) return Kind::Markup;  // UTF-16: XML
  if (head.rfind("\xEF\xBB\xBF", 0) == 0) head.remove_prefix(3);
  const size_t first = head.find_first_not_of(" \t\r\n");
  const char c = first == std::string_view::npos ? '\0' : head[first];
  if (c == '<') return Kind::Markup;
  if (s.is_stdin || c == '{' || c == '[') return Kind::JsonLines;
  if (is_markup(content_extension(s.path))) return Kind::Markup;  // empty or binary: a broken feed or page
  return Kind::Text;
}

// Buffered line reading that keeps NUL bytes and never holds more than the
// line limit of one line: the rest of a longer line is skipped unread.
bool ArticleReader::read_line(std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  bool any = false;
  while (true) {
    if (buf_pos_ == buf_len_ && !fill()) return any;
    any = true;
    const char* start = buf_.data() + buf_pos_;
    const size_t avail = buf_len_ - buf_pos_;
    const void* nl = std::memchr(start, '\n', avail);
    const size_t take = nl ? size_t(static_cast<const char*>(nl) - start) : avail;
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

bool ArticleReader::read_all(std::string& content, size_t limit) {
  content.clear();
  while (true) {
    if (buf_pos_ == buf_len_ && !fill()) return true;
    const size_t avail = buf_len_ - buf_pos_;
    if (content.size() + avail > limit) {
      content.clear();
      content.shrink_to_fit();
      return false;
    }
    content.append(buf_.data() + buf_pos_, avail);
    buf_pos_ = buf_len_;
  }
}

Article ArticleReader::file_error(const Source& s, std::string code, std::string message) const {
  Article a;
  a.id = s.is_stdin ? "stdin" : s.path;
  a.errors.push_back({std::move(code), std::move(message)});
  return a;
}

// The error of a source that stopped early (a gzip file cut short, an I/O error).
std::optional<Article> ArticleReader::stream_error(const Source& s) {
  if (stream_.error().empty()) return std::nullopt;
  const std::string where = s.is_stdin ? "stdin" : s.path;
  const std::string after = line_no_ ? " after line " + std::to_string(line_no_) : "";
  return file_error(s, stream_.corrupt() ? "corrupt-gzip" : "unreadable", where + ": " + stream_.error() + after);
}

void ArticleReader::parse_markup(const Source& s, std::string content) {
  const std::string where = s.is_stdin ? "stdin" : s.path;
  MarkupOptions mo;
  mo.max_article_bytes = options_.max_article_bytes;
  const bool html = sniff_markup(std::string_view(content).substr(0, 4096), is_html(content_extension(s.path))) ==
                    MarkupKind::Html;
  MarkupResult r = html ? parse_html_page(content, where, mo) : parse_feed(content, where, mo);
  content.clear();
  std::vector<Article> out = std::move(r.articles);
  if (auto e = stream_error(s)) {
    // The markup was cut by the broken stream: that is the one thing to report.
    e->errors.front().message += "; " + std::to_string(out.size()) + (out.size() == 1 ? " item" : " items") + " recovered";
    for (auto& a : out) a.warnings.push_back("read from a damaged file: " + e->errors.front().message);
    out.push_back(std::move(*e));
  } else {
    for (auto& e : r.file_errors) out.push_back(file_error(s, e.code, e.message));
  }
  pending_.assign(std::make_move_iterator(out.rbegin()), std::make_move_iterator(out.rend()));
}

Article ArticleReader::parse_line(std::string_view line, const std::string& where, const ReaderOptions& o) {
  Article a;
  a.id = where;
  // The fast path gives the article the tree below would give (its depth is 1).
  thread_local std::vector<std::pair<std::string, std::optional<std::string>>> fields;
  thread_local std::vector<uint32_t> by_key;
  if (o.max_json_depth >= 1 && read_flat_object(line, fields, by_key)) {
    auto field_of = [&](std::string_view k) -> std::optional<std::string>* {
      for (auto& f : fields)
        if (f.first == k) return &f.second;
      return nullptr;
    };
    if (auto* id = field_of("id"); id && *id) a.id = std::move(**id);
    if (auto* t = field_of("title"); t && *t) a.title = std::move(**t);
    if (auto* p = field_of("published"); p && *p) a.published_raw = std::move(**p);
    const std::string field = text_field_name([&](const char* k) { return field_of(k) != nullptr; });
    for (uint32_t k : by_key) {
      const std::string& key = fields[k].first;
      if (key == "id" || key == "title" || key == "published" || key == field) continue;
      if (fields[k].second) append_meta(a.meta, key, std::move(*fields[k].second));
      else append_meta(a.meta, key, nullptr);
    }
    if (field.empty()) {
      missing_text(a);
      return a;
    }
    auto* text = field_of(field);
    if (!*text) {
      null_text(a, field);
      return a;
    }
    set_text(a, std::move(**text), o);
    return a;
  }
  if (json_nesting_depth(line) > o.max_json_depth) {
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
  const std::string field = text_field_name([&](const char* k) { return obj.contains(k); });
  for (auto it = obj.begin(); it != obj.end(); ++it) {  // a json object: keys in order, each once
    const std::string& k = it.key();
    if (k == "id" || k == "title" || k == "published" || k == field) continue;
    append_meta(a.meta, k, *it);
  }
  if (field.empty()) {
    missing_text(a);
    return a;
  }
  const json& text = obj[field];
  if (text.is_null()) {
    null_text(a, field);
    return a;
  }
  if (!text.is_string()) {
    a.errors.push_back({"bad-text-type", "\"" + field + "\" is a JSON " + std::string(text.type_name()) + ", not a string"});
    return a;
  }
  set_text(a, text.get<std::string>(), o);
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
  while (true) {
    if (!pending_.empty()) {
      Article a = std::move(pending_.back());
      pending_.pop_back();
      return a;
    }
    if (current_ >= sources_.size()) return std::nullopt;
    Source& s = sources_[current_];
    if (!s.error.empty()) {
      Article a = file_error(s, "unreadable", s.path + ": " + s.error);
      ++current_;
      return a;
    }
    if (!stream_.is_open()) {
      if (!open_current()) continue;  // the error becomes a record on the next turn
      if (kind_ == Kind::Sniff) kind_ = sniff();
    }
    if (kind_ == Kind::Text || kind_ == Kind::Markup) {
      std::string content;
      const size_t limit = kind_ == Kind::Text ? options_.max_article_bytes : markup_limit();
      const bool fits = read_all(content, limit);
      std::optional<Article> result;
      if (!fits) {
        const bool text = kind_ == Kind::Text;
        result = file_error(s, text ? "article-too-large" : "file-too-large",
                            "the " + std::string(text ? "file" : "feed or page") + " has more than " + std::to_string(limit) +
                                " bytes" + (text ? " (--max-article-bytes)" : "; feeds and pages are parsed whole"));
      } else if (kind_ == Kind::Text) {
        result = stream_error(s);
        if (!result) result = parse_text_file(std::move(content), s.path);
      } else {
        parse_markup(s, std::move(content));
      }
      close_current();
      ++current_;
      if (result) return result;
      continue;
    }
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
    auto error = stream_error(s);
    close_current();
    ++current_;
    if (error) return error;
  }
}

}  // namespace news
