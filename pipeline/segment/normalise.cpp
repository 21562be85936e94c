#include "segment/normalise.hpp"

#include <libxml/HTMLparser.h>
#include <unicode/edits.h>
#include <unicode/utf8.h>

#include "core/text.hpp"
#include "segment/edited_text.hpp"
#include "segment/markup_residue.hpp"
#include "segment/mojibake.hpp"

namespace news {

namespace {

// The code point a character reference at text[0] ("&amp;", "&#39;", "&#x2019;", "&rsquo;")
// stands for, and its length; 0 when it is none (or stands for a control character, a surrogate
// or no code point at all).
std::pair<char32_t, size_t> character_reference(std::string_view text) {
  const size_t semi = text.substr(0, 12).find(';');
  if (text.size() < 4 || semi == std::string_view::npos || semi < 2) return {0, 0};
  const std::string_view body = text.substr(1, semi - 1);
  char32_t cp = 0;
  if (body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return {0, 0};
    for (char c : digits) {
      const int v = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (v < 0 || cp > 0x10FFFF) return {0, 0};
      cp = cp * (hex ? 16 : 10) + char32_t(v);
    }
  } else {
    for (char c : body)
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return {0, 0};
    const std::string name(body);
    const htmlEntityDesc* entity = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()));
    if (!entity) return {0, 0};
    cp = entity->value;
  }
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F) return {0, 0};
  return {cp, semi + 1};
}

// Plain text that still holds HTML's character references ("AT&amp;T", "the group&#39;s", a
// scraper that did not unescape them) as the characters they stand for, with the edits that map
// every offset back. False when it holds none.
bool decode_character_references(std::string_view text, std::string& out, icu::Edits& edits) {
  EditedText decoded(text, out, edits);
  for (size_t amp = text.find('&'); amp != std::string_view::npos; amp = text.find('&', amp + 1)) {
    const auto [cp, length] = character_reference(text.substr(amp));
    if (!length) continue;
    uint8_t bytes[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(bytes, n, UChar32(cp));
    decoded.replace(amp, length, std::string_view(reinterpret_cast<const char*>(bytes), size_t(n)));
    amp += length - 1;
  }
  return decoded.finish();
}

// A reference escaped twice ("&amp;#39;", "&amp;rsquo;", from a feed that escaped its text again):
// its first decoding leaves a reference to decode.
bool escaped_twice(std::string_view text) {
  for (size_t amp = text.find("&amp;"); amp != std::string_view::npos; amp = text.find("&amp;", amp + 1)) {
    char inner[12] = {'&'};  // the "&" it stands for, and what follows (a reference ends within 12 bytes)
    const std::string_view rest = text.substr(amp + 5, sizeof inner - 1);
    std::copy(rest.begin(), rest.end(), inner + 1);
    if (character_reference(std::string_view(inner, rest.size() + 1)).second) return true;
  }
  return false;
}

// What scraped pages leave in and between words that no rule is written with, as what a rule
// expects: soft hyphens, zero-width spaces, word joiners, byte-order marks and bidirectional
// marks dropped ("Laz\u00ADarus Group" is "Lazarus Group"); no-break, thin and the other Unicode
// spaces as an ASCII space; line and paragraph separators as a line break. (Zero-width joiners
// and non-joiners stay: they spell words in several scripts.) False when the text has none.
bool plain_spacing(std::string_view text, std::string& out, icu::Edits& edits) {
  auto replacement = [](UChar32 c) -> const char* {
    if (c == 0x00AD || c == 0x200B || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF || c == 0x200E || c == 0x200F ||
        (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x180E)
      return "";
    if (c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000)
      return " ";
    if (c == 0x2028 || c == 0x2029 || c == 0x0085) return "\n";
    return nullptr;
  };
  EditedText spaced(text, out, edits);
  for_each_non_ascii(text, [&](size_t start, UChar32 c, size_t next) {
    if (const char* with = replacement(c)) spaced.replace(start, next - start, with);
    return next;
  });
  return spaced.finish();
}

// Chains `step` (from the text so far to the next form) after `edits` (from the article's text to
// the text so far). False when ICU cannot merge them.
bool chain(std::unique_ptr<icu::Edits>& edits, std::unique_ptr<icu::Edits> step) {
  if (!edits) {
    edits = std::move(step);
    return true;
  }
  auto both = std::make_unique<icu::Edits>();
  UErrorCode status = U_ZERO_ERROR;
  both->mergeAndAppend(*edits, *step, status);
  if (U_FAILURE(status)) return false;
  edits = std::move(both);
  return true;
}

// Appends `text` to `norm` with its mojibake repaired, its character references decoded, the markup left in it read as
// the text it marks up, its spacing made plain and in NFC, and returns the map back to it. A step whose edits cannot be merged is left out (the text
// as it was before that step rather than offsets that point wrong).
OffsetMap append_normalised(std::string_view text, std::string& norm) {
  std::unique_ptr<icu::Edits> edits;  // from `text` to what is appended; none: the same bytes
  std::string repaired, decoded, stripped, spaced, nfc;
  std::string_view plain = text;
  if (ascii_prefix(text) < text.size()) {
    for (int pass = 0; pass < 2; ++pass) {  // mojibake of mojibake ("Ã¢â‚¬â„¢" for "’") takes two
      auto step = std::make_unique<icu::Edits>();
      std::string next;
      if (!repair_mojibake(plain, next, *step) || !chain(edits, std::move(step))) break;
      repaired = std::move(next);
      plain = repaired;
    }
  }
  if (plain.find('&') != std::string_view::npos) {
    const bool twice = escaped_twice(plain);
    auto step = std::make_unique<icu::Edits>();
    if (decode_character_references(plain, decoded, *step) && chain(edits, std::move(step))) {
      plain = decoded;
      std::string again;
      step = std::make_unique<icu::Edits>();
      if (twice && decode_character_references(plain, again, *step) && chain(edits, std::move(step))) {
        decoded = std::move(again);
        plain = decoded;
      }
    }
  }
  {
    auto step = std::make_unique<icu::Edits>();
    if (strip_markup_residue(plain, stripped, *step) && chain(edits, std::move(step))) plain = stripped;
  }
  if (ascii_prefix(plain) == plain.size()) {  // ASCII is NFC, and plain
    norm += plain;
    return OffsetMap::build(text, std::move(edits));
  }
  {
    auto step = std::make_unique<icu::Edits>();
    if (plain_spacing(plain, spaced, *step) && chain(edits, std::move(step))) plain = spaced;
  }
  auto step = std::make_unique<icu::Edits>();
  if (nfc_if_needed(plain, nfc, step.get()) && chain(edits, std::move(step))) plain = nfc;
  norm += plain;
  return OffsetMap::build(text, std::move(edits));
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
