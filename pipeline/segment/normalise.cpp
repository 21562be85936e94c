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

}  // namespace

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
}

}  // namespace news
