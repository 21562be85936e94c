#include "segment/markup_residue.hpp"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <vector>

#include "io/markup.hpp"
#include "segment/edited_text.hpp"

namespace news {

namespace {

struct Cut {
  size_t at, length;
  std::string_view with;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_ascii_punct(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u > 0x20 && u < 0x7F && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
}

// HTML's element names, HTML 4's from libxml2's table and HTML5's newer ones; `block` when the
// element breaks the text (a paragraph, an item, a line break).
bool html_element(std::string_view name, bool& block) {
  static constexpr std::string_view kNewBlocks[] = {"figure", "header", "footer", "nav", "aside"};
  static constexpr std::string_view kNewInline[] = {"time", "mark", "picture", "source", "video", "audio", "svg", "wbr"};
  std::string lower(name);
  for (char& c : lower) c = char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  block = is_block_element(lower) || std::find(std::begin(kNewBlocks), std::end(kNewBlocks), lower) != std::end(kNewBlocks);
  return block || htmlTagLookup(reinterpret_cast<const xmlChar*>(lower.c_str())) ||
         std::find(std::begin(kNewInline), std::end(kNewInline), lower) != std::end(kNewInline);
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::vector<Cut> run() {
    bool line_start = true;
    size_t i = 0;
    while (i < text_.size()) {
      if (link_close_ != std::string_view::npos && i > link_close_) link_close_ = std::string_view::npos;  // (a tag ran over it)
      if (link_close_ != std::string_view::npos && i == link_close_) {  // "](https://...)" of a link opened before
        cuts_.push_back({i, link_end_ - i, ""});
        i = link_end_;
        link_close_ = std::string_view::npos;
        continue;
      }
      const char c = text_[i];
      if (c == '\n') {
        line_start = true;
        ++i;
        continue;
      }
      if (line_start) {
        line_start = false;
        if (const size_t after = heading_marker(i)) {
          i = after;
          continue;
        }
      }
      size_t next = 0;
      if (c == '<') next = tag(i);
      else if (c == '[' || (c == '!' && i + 1 < text_.size() && text_[i + 1] == '[')) next = link_open(i);
      else if (c == '*' || c == '_') next = emphasis(i);
      i = next ? next : i + 1;
    }
    return std::move(cuts_);
  }

 private:
  char at(size_t i) const { return i < text_.size() ? text_[i] : ' '; }

  // "## Heading": the marker at the start of a line (after up to three spaces).
  size_t heading_marker(size_t i) {
    size_t j = i;
    while (j < text_.size() && text_[j] == ' ' && j - i < 3) ++j;
    size_t k = j;
    while (k < text_.size() && text_[k] == '#' && k - j < 7) ++k;
    if (k == j || k - j > 6 || at(k) != ' ') return 0;
    cuts_.push_back({j, k + 1 - j, ""});
    return k + 1;
  }

  // "<p>", "</a>", "<br/>", "<a href=\"...\">", "<!-- ... -->": the end of the tag, or 0.
  size_t tag(size_t i) {
    if (text_.substr(i, 4) == "<!--") {
      if (no_comment_end_) return 0;
      const size_t end = text_.find("-->", i + 4);
      if (end == std::string_view::npos) {
        no_comment_end_ = true;  // (and no later "<!--" needs to look again)
        return 0;
      }
      cuts_.push_back({i, end + 3 - i, ""});
      return end + 3;
    }
    size_t j = i + 1;
    if (at(j) == '/') ++j;
    const size_t name_start = j;
    while (j < text_.size() && j - name_start < 16 &&
           ((text_[j] >= 'a' && text_[j] <= 'z') || (text_[j] >= 'A' && text_[j] <= 'Z') ||
            (j > name_start && text_[j] >= '0' && text_[j] <= '9')))
      ++j;
    if (j == name_start || !(at(j) == '>' || at(j) == '/' || is_space(at(j)))) return 0;
    const std::string_view name = text_.substr(name_start, j - name_start);
    size_t close = j;
    while (close < text_.size() && close - j < 4096 && text_[close] != '>' && text_[close] != '<') ++close;
    if (at(close) != '>') return 0;
    bool block = false;
    if (!html_element(name, block)) return 0;
    cuts_.push_back({i, close + 1 - i, block ? "\n" : ""});
    return close + 1;
  }

  // "[text](url)" or "![alt](url)": the opening bracket goes now, "](url)" when the scan reaches it.
  size_t link_open(size_t i) {
    const size_t bracket = text_[i] == '!' ? i + 1 : i;
    if (link_close_ != std::string_view::npos) return 0;
    size_t close = bracket + 1;
    while (close < text_.size() && close - bracket < 1000 && text_[close] != ']' && text_[close] != '[' &&
           text_[close] != '\n')
      ++close;
    if (at(close) != ']' || close == bracket + 1 || at(close + 1) != '(') return 0;
    size_t end = close + 2;
    while (end < text_.size() && end - close < 2048 && text_[end] != ')' && text_[end] != '(' && !is_space(text_[end]))
      ++end;
    if (at(end) != ')' || end == close + 2) return 0;
    cuts_.push_back({i, bracket + 1 - i, ""});
    link_close_ = close;
    link_end_ = end + 1;
    return bracket + 1;
  }

  // A run of one to three '*' or '_' that opens or closes a word ("**Lazarus Group**", "_Fancy
  // Bear_"), not one inside a word ("info_efi") or between spaces ("5 * 3", "* item").
  size_t emphasis(size_t i) {
    size_t j = i;
    while (j < text_.size() && text_[j] == text_[i]) ++j;
    if (j - i > 3) return j;
    const char before = i > 0 ? text_[i - 1] : ' ', after = at(j);
    const bool opens = !is_space(after) && (is_space(before) || is_ascii_punct(before));
    const bool closes = !is_space(before) && (is_space(after) || is_ascii_punct(after));
    if (!opens && !closes) return j;
    cuts_.push_back({i, j - i, ""});
    return j;
  }

  std::string_view text_;
  std::vector<Cut> cuts_;
  bool no_comment_end_ = false;
  size_t link_close_ = std::string_view::npos, link_end_ = 0;
};

}  // namespace

bool strip_markup_residue(std::string_view text, std::string& out, icu::Edits& edits) {
  if (text.find_first_of("<[*_#") == std::string_view::npos) return false;
  const std::vector<Cut> cuts = Scanner(text).run();
  if (cuts.empty()) return false;
  EditedText stripped(text, out, edits);
  for (const Cut& cut : cuts) stripped.replace(cut.at, cut.length, cut.with);
  return stripped.finish();
}

}  // namespace news
