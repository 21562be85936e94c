#include "segment/normalise.hpp"

#include <unicode/edits.h>

#include "core/text.hpp"

namespace news {

namespace {

// Appends the NFC form of `text` to `norm` and returns the map for it.
OffsetMap append_normalised(std::string_view text, std::string& norm) {
  if (ascii_prefix(text) == text.size()) {  // ASCII is NFC
    norm += text;
    return OffsetMap::build(text, nullptr);
  }
  auto edits = std::make_unique<icu::Edits>();
  std::string nfc;
  if (nfc_if_needed(text, nfc, edits.get())) {
    norm += nfc;
    return OffsetMap::build(text, std::move(edits));
  }
  norm += text;
  return OffsetMap::build(text, nullptr);
}

bool ends_a_sentence(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
  if (line.empty()) return true;
  const unsigned char c = static_cast<unsigned char>(line.back());
  return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == '\'' || c == ')' || c >= 0x80;  // (and closing quotes, ellipses)
}

// A line that opens an item of a list, not the rest of a sentence: "- banks", "* ", "• ", "2. ".
bool opens_an_item(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i >= line.size()) return false;
  if (line[i] == '-' || line[i] == '*' || line[i] == '#' || line.substr(i).starts_with("\u2022")) return true;
  size_t d = i;
  while (d < line.size() && line[d] >= '0' && line[d] <= '9') ++d;
  return d > i && d < line.size() && (line[d] == '.' || line[d] == ')');
}

}  // namespace

// Text hard-wrapped at a fixed width (e-mail newsletters, plain-text wires, advisories) breaks
// its lines inside sentences; a paragraph is what the blank lines enclose. Read as line breaks,
// those would cut every sentence in pieces ("the network of" | "Boeing last week"). An article
// is taken as wrapped when most of the line breaks inside its paragraphs come where no sentence
// ends, and several go on in lower case; then each such break is read as a space (the same
// byte count: every offset stays). Text with one paragraph a line is left as it is.
void join_wrapped_lines(std::string& norm, size_t from) {
  // Each line break between two lines that hold text, to `visit(at, soft, lower, item)`: it comes
  // where no sentence ends, the next line goes on in lower case, the next line opens a list item.
  // Two passes over the text (count, then join) rather than a list of breaks: a hostile article of
  // millions of one-letter lines costs no memory.
  const auto each_break = [&](auto&& visit) {
    const std::string_view text(norm);
    size_t line_start = from;
    for (size_t nl = text.find('\n', line_start); nl != std::string_view::npos; nl = text.find('\n', line_start)) {
      const std::string_view line = text.substr(line_start, nl - line_start);
      const size_t next_start = nl + 1;
      size_t next_end = text.find('\n', next_start);
      if (next_end == std::string_view::npos) next_end = text.size();
      const std::string_view next = text.substr(next_start, next_end - next_start);
      const size_t first = next.find_first_not_of(" \t\r");
      if (line.find_first_not_of(" \t\r") != std::string_view::npos && first != std::string_view::npos) {
        const unsigned char c = static_cast<unsigned char>(next[first]);
        visit(nl, !ends_a_sentence(line), (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'), opens_an_item(next));
      }
      line_start = next_start;
    }
  };
  size_t breaks = 0, soft = 0, lower = 0;
  each_break([&](size_t, bool is_soft, bool is_lower, bool item) {
    ++breaks;
    soft += is_soft && !item;
    lower += is_soft && is_lower && !item;
  });
  if (breaks < 3 || soft * 2 < breaks || lower < 2) return;
  each_break([&](size_t at, bool, bool, bool item) {
    if (item) return;
    norm[at] = ' ';
    if (at > from && norm[at - 1] == '\r') norm[at - 1] = ' ';
  });
}

void normalise(Document& doc) {
  Article& a = doc.article;
  for (auto [field, s] : {std::pair<const char*, std::string*>{"text", &a.text}, {"title", &a.title}}) {
    if (const size_t bad = find_invalid_utf8(*s); bad != std::string::npos) {
      doc.errors.push_back({"invalid-utf8", std::string("invalid UTF-8 in ") + field + " at byte " + std::to_string(bad)});
      return;
    }
  }
  if (!a.published_raw.empty()) {
    doc.anchor = parse_iso_date(a.published_raw);
    if (!doc.anchor)
      doc.warnings.push_back("published '" + a.published_raw + "' is not a calendar date; relative dates stay unresolved");
  }
  if (!doc.anchor && doc.options.default_anchor) doc.anchor = doc.options.default_anchor;

  // The title first, so that one pass of every stage covers both fields.
  doc.norm.reserve(doc.norm.size() + a.title.size() + 2 + a.text.size());
  doc.title_offsets = append_normalised(a.title, doc.norm);
  doc.norm += "\n\n";
  doc.body_start = uint32_t(doc.norm.size());
  doc.offsets = append_normalised(a.text, doc.norm);
  join_wrapped_lines(doc.norm, doc.body_start);
}

}  // namespace news
