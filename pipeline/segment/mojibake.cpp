#include "segment/mojibake.hpp"

#include <array>
#include <cstdint>
#include <vector>

#include <unicode/utf8.h>

#include "core/text.hpp"
#include "segment/edited_text.hpp"

namespace news {

namespace {

// The Windows-1252 byte a character was decoded from, or -1. Bytes 0x80-0x9F are its
// punctuation; the five it leaves undefined are taken as the C1 controls Latin-1 reads them as.
int cp1252_byte(UChar32 c) {
  if (c >= 0x80 && c <= 0xFF) return int(c);
  static constexpr std::array<std::pair<UChar32, int>, 27> kHigh = {{
      {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86},
      {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C},
      {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95},
      {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B},
      {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F}}};
  for (const auto& [from, byte] : kHigh)
    if (from == c) return byte;
  return -1;
}

// How many bytes a UTF-8 character that starts with `lead` has (2-4), or 0 for no lead byte
// of a character beyond ASCII.
int sequence_length(int lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

bool is_continuation(int byte) { return byte >= 0x80 && byte <= 0xBF; }

// What English news holds beyond ASCII, and so what its mojibake stands for: Latin letters with
// their marks, Greek and Cyrillic, typographic punctuation, currency and other symbols, emoji.
// Text as written can look like mojibake of something else: an accented capital before a dash
// or a quote ("CAFÉ—" would read as "ɗ", "PERÚ’s" as Arabic), a letter before an ellipsis and a
// guillemet ("café…»" as a CJK ideograph). Those readings are not taken.
// A C1 control (U+0080-U+009F, "Â" and a control) is no text of its own: it is a byte of mojibake
// made twice ("Ã¢â‚¬Â\u009D" for "”"), which the second repair reads.
bool plausible(UChar32 c) {
  return (c >= 0x80 && c <= 0x24F) || (c >= 0x370 && c <= 0x4FF) || (c >= 0x2000 && c <= 0x206F) ||
         (c >= 0x20A0 && c <= 0x20CF) || (c >= 0x2100 && c <= 0x21FF) || (c >= 0x2600 && c <= 0x27BF) ||
         (c >= 0x1F000 && c <= 0x1FAFF);
}

}  // namespace

bool repair_mojibake(std::string_view text, std::string& out, icu::Edits& edits) {
  struct Run {
    size_t start, end;
    std::string utf8;
  };
  thread_local std::vector<Run> runs;
  runs.clear();
  // Runs of one sort leave no doubt ("Ã©" for "é", "Â£" for "£", "â€™" for "’", "ðŸ”¥" for an
  // emoji); without one of them in the text, the rest ("Å‚" for "ł", "Ð" and a dash for Cyrillic)
  // may be text as written ("CAFÉ…"), and nothing is repaired.
  bool sure = false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const size_t size = text.size();
  // The Windows-1252 byte of the character at i (-1 for none), moving i past it.
  auto read = [&](size_t& i) {
    UChar32 c;
    U8_NEXT(bytes, i, size, c);
    return c < 0 ? -1 : cp1252_byte(c);
  };
  for_each_non_ascii(text, [&](size_t start, UChar32 first, size_t next) {
    const int lead = first < 0 ? -1 : cp1252_byte(first);
    const int length = sequence_length(lead);
    if (length == 0) return next;
    uint8_t utf8[4] = {uint8_t(lead)};
    size_t end = next;
    int have = 1;
    while (have < length && end < size && bytes[end] >= 0x80) {
      size_t after = end;
      const int byte = read(after);
      if (!is_continuation(byte)) break;
      utf8[have++] = uint8_t(byte);
      end = after;
    }
    if (have == length) {
      int32_t k = 0;
      UChar32 c;
      U8_NEXT(utf8, k, length, c);
      if (k == length && plausible(c)) {  // one valid character (not overlong, no surrogate), and a likely one
        runs.push_back({start, end, std::string(reinterpret_cast<const char*>(utf8), size_t(length))});
        sure = sure || (c >= 0xA0 && c <= 0xFF && (lead == 0xC2 || lead == 0xC3)) || (c >= 0x2010 && c <= 0x203A) || c >= 0x1F000;
        return end;
      }
    } else if (have == 2 && utf8[0] == 0xE2 && utf8[1] == 0x80) {  // "â€" whose 0x9D was dropped
      runs.push_back({start, end, "\u201D"});
      sure = true;
      return end;
    }
    return next;
  });
  if (!sure) return false;
  EditedText repaired(text, out, edits);
  for (const Run& r : runs) repaired.replace(r.start, r.end - r.start, r.utf8);
  if (runs.capacity() > 4096) runs = {};  // a huge article's runs are not kept for the next one
  return repaired.finish();
}

}  // namespace news
