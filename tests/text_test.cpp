#include <doctest/doctest.h>

#include <unicode/edits.h>

#include "core/offsets.hpp"
#include "core/text.hpp"

using namespace news;

TEST_CASE("tokens: words, digits, punctuation, non-ASCII letters") {
  std::vector<RawToken> t;
  tokenize("North Korea’s APT38 hit São Paulo-based banks, 2019.", t);
  std::vector<std::string> words;
  const std::string s = "North Korea’s APT38 hit São Paulo-based banks, 2019.";
  for (auto& x : t) words.push_back(s.substr(x.start, x.end - x.start));
  CHECK(words == std::vector<std::string>{"North", "Korea", "’", "s", "APT38", "hit", "São", "Paulo", "-", "based", "banks", ",", "2019", "."});
  CHECK(t[0].upper_initial);
  CHECK(t[4].all_upper);
  CHECK(t[12].is_digit);
  CHECK(t[5].all_lower);
}

TEST_CASE("folding: case, typographic quotes and dashes") {
  CHECK(fold("LAZARUS") == "lazarus");
  CHECK(fold("’") == "'");
  CHECK(fold("–") == "-");
  CHECK(fold("TÜRKİYE") == fold("türki̇ye"));  // full case folding: İ is i + combining dot
  CHECK(fold("STRASSE") == fold("straße"));
}

TEST_CASE("invalid UTF-8 is found: stray continuation, overlong, surrogate, truncated") {
  CHECK(find_invalid_utf8("plain ascii") == std::string::npos);
  CHECK(find_invalid_utf8("caf\xC3\xA9") == std::string::npos);
  CHECK(find_invalid_utf8("a\x80") == 1);
  CHECK(find_invalid_utf8("\xC0\xAF") == 0);          // overlong "/"
  CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1);     // encoded surrogate
  CHECK(find_invalid_utf8("end\xE2\x82") == 3);       // truncated at the end
}

TEST_CASE("offsets: normalised bytes map back to code points of the original") {
  // "Cafe\u0301 in Zu\u0308rich": NFC composes é and ü, so normalised bytes differ from the original.
  const std::string original = "Cafe\xCC\x81 in Zu\xCC\x88rich ok";
  auto edits = std::make_unique<icu::Edits>();
  std::string nfc;
  REQUIRE(nfc_if_needed(original, nfc, edits.get()));
  OffsetMap map = OffsetMap::build(original, std::move(edits));
  const size_t z = nfc.find("Z");
  const size_t ok = nfc.find("ok");
  CHECK(map.code_point(uint32_t(z)) == 9);     // C a f e ◌́ space i n space -> Z at code point 9
  CHECK(map.code_point(uint32_t(ok)) == 17);
}

TEST_CASE("offsets: the span table maps every byte as icu::Edits' own iterator does") {
  // Copies, replacements that grow and shrink, deletions, an insertion, and two changes in a row.
  const int32_t steps[][3] = {{0, 3, 3}, {1, 2, 1}, {0, 2, 2}, {1, 3, 0}, {0, 2, 2}, {1, 1, 3},
                              {1, 2, 0}, {1, 1, 1}, {1, 0, 2}, {0, 1, 1}, {1, 3, 0}};
  auto edits = std::make_unique<icu::Edits>();
  int32_t original_size = 0;
  for (const auto& s : steps) {
    if (s[0]) edits->addReplace(s[1], s[2]);
    else edits->addUnchanged(s[1]);
    original_size += s[1];
  }
  const icu::Edits reference = *edits;
  const int32_t norm_size = reference.lengthDelta() + original_size;
  OffsetMap map = OffsetMap::build(std::string(size_t(original_size), 'x'), std::move(edits));
  for (int32_t b = 0; b <= norm_size; ++b) {
    UErrorCode status = U_ZERO_ERROR;
    auto it = reference.getFineIterator();
    const int32_t expected = it.sourceIndexFromDestinationIndex(b, status);
    REQUIRE(U_SUCCESS(status));
    CHECK(map.original_byte(uint32_t(b)) == uint32_t(expected));
  }
}

TEST_CASE("offsets: emoji and CJK count as one code point each") {
  const std::string original = "\xF0\x9F\x94\x92 \xE6\x94\xBB\xE5\x87\xBB Lazarus";
  OffsetMap map = OffsetMap::build(original, nullptr);
  CHECK(map.code_point(uint32_t(original.find("Lazarus"))) == 5);
}

TEST_CASE("json_plain_prefix stops at the first byte a JSON string escapes, across word boundaries") {
  const std::string plain = "A plain ASCII run of some length, then";
  CHECK(json_plain_prefix(plain, true) == plain.size());
  for (const std::string& stop : std::vector<std::string>{"\"", "\\", "\n", std::string(1, '\0'), "\x1f"})
    for (size_t at = 0; at < 20; ++at) {
      const std::string s = std::string(at, 'x') + stop + "tail tail tail";
      CHECK(json_plain_prefix(s, true) == at);
      CHECK(json_plain_prefix(s, false) == at);
    }
  const std::string accent = "caf\xC3\xA9 and more text after it";
  CHECK(json_plain_prefix(accent, true) == 3);
  CHECK(json_plain_prefix(accent, false) == accent.size());
  CHECK(json_plain_prefix("\x7F\x20 ok", true) == 5);  // DEL and space are plain
}

TEST_CASE("tokens: tokenize_ascii cuts an ASCII text as tokenize does") {
  auto same = [](std::string_view text) {
    std::vector<RawToken> expected, got;
    tokenize(text, expected);
    tokenize_ascii(text, [&](const RawToken& t) { got.push_back(t); });
    bool equal = expected.size() == got.size();
    for (size_t i = 0; equal && i < got.size(); ++i) {
      const RawToken &a = expected[i], &b = got[i];
      equal = a.start == b.start && a.end == b.end && a.is_word == b.is_word && a.is_digit == b.is_digit &&
              a.upper_initial == b.upper_initial && a.all_lower == b.all_lower && a.all_upper == b.all_upper &&
              a.space_before == b.space_before;
    }
    return equal;
  };
  CHECK(same("North Korea's APT38 hit Sao Paulo-based banks, 2019."));
  CHECK(same(""));
  CHECK(same("  \t\n"));
  CHECK(same(std::string("a\0b\x7f" "C\x01" "9z", 8)));
  // Every byte below 0x80, in runs of letters, digits, spaces and symbols.
  uint32_t state = 12345;
  auto next = [&] { return state = state * 1103515245u + 12345u, state >> 8; };
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    for (uint32_t n = next() % 60; n > 0; --n) {
      const uint32_t pick = next() % 4;
      const char c = pick == 0 ? char(next() % 128) : pick == 1 ? char('a' + next() % 26) : pick == 2 ? char('A' + next() % 26) : char('0' + next() % 10);
      text += c;
    }
    if (!same(text)) {
      CHECK_MESSAGE(false, "tokens differ on: " << text);
      break;
    }
  }
}
