// Text primitives shared by rule loading and document processing, so that a
// rule's form and an article's words are cut and folded the same way.
//
//   std::vector<RawToken> toks; tokenize("North Korea's hackers", toks);
//   fold("LAZARUS") == "lazarus";  fold("’") == "'"
//
// Pure functions, thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/utf8.h>

namespace news {

struct RawToken {
  uint32_t start = 0, end = 0;  // bytes
  bool is_word = false, is_digit = false, upper_initial = false, all_lower = false, all_upper = false;
  bool space_before = false;
};

// Words are maximal runs of letters, digits and combining marks; every other
// non-space code point is a token of its own.
void tokenize(std::string_view text, std::vector<RawToken>& out, uint32_t base = 0);

namespace text_detail {
// Classes of the ASCII bytes, so that the common case of a word needs neither U8_NEXT nor ICU
// (the same answers as tokenize's code point tests give below 0x80).
enum AsciiClass : uint8_t { kSymbol, kSpace, kDigit, kUpper, kLower };
inline constexpr std::array<uint8_t, 128> kAsciiClass = [] {
  std::array<uint8_t, 128> t{};
  for (char c : {' ', '\t', '\n', '\r', '\f', '\v', '\0'}) t[size_t(c)] = kSpace;
  for (int c = '0'; c <= '9'; ++c) t[size_t(c)] = kDigit;
  for (int c = 'A'; c <= 'Z'; ++c) t[size_t(c)] = kUpper;
  for (int c = 'a'; c <= 'z'; ++c) t[size_t(c)] = kLower;
  return t;
}();
}  // namespace text_detail

// tokenize() of a text known to be ASCII: the same tokens, handed to on_token(const RawToken&)
// one by one as they are cut (no vector, no test for multi-byte sequences).
template <class OnToken>
void tokenize_ascii(std::string_view text, OnToken&& on_token) {
  using namespace text_detail;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const size_t n = text.size();
  bool space = true;
  for (size_t i = 0; i < n;) {
    const uint8_t k = kAsciiClass[s[i] & 0x7f];
    if (k == kSpace) {
      space = true;
      ++i;
      continue;
    }
    RawToken t;
    t.start = uint32_t(i);
    t.space_before = space;
    space = false;
    if (k == kSymbol) {
      t.end = uint32_t(++i);
      on_token(t);
      continue;
    }
    unsigned seen = 0;  // bit per class of the word's bytes
    size_t j = i;
    for (uint8_t c; j < n && (c = kAsciiClass[s[j] & 0x7f]) >= kDigit; ++j) seen |= 1u << c;
    const bool upper = seen & (1u << kUpper), lower = seen & (1u << kLower);
    t.end = uint32_t(j);
    t.is_word = true;
    t.is_digit = !upper && !lower;
    t.upper_initial = k == kUpper;
    t.all_lower = (upper || lower) && !upper;
    t.all_upper = upper && !lower;
    on_token(t);
    i = j;
  }
}

// Case-folded form with typographic quotes and dashes straightened.
std::string fold(std::string_view token);
void fold_into(std::string_view token, std::string& out);

// The length of the run of ASCII bytes (< 0x80) that starts the text, read eight bytes at a time.
size_t ascii_prefix(std::string_view text);

// Calls visit(start, c, next) for each character of `text` beyond ASCII, from its byte offset
// `start` to `next` (c < 0 for bytes that are no UTF-8), passing over runs of ASCII eight bytes at a
// time; visit returns the offset to go on from (`next`, or further on).
template <class Visit>
void for_each_non_ascii(std::string_view text, Visit&& visit) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto size = int32_t(text.size());
  for (int32_t i = int32_t(ascii_prefix(text)); i < size;) {
    if (bytes[i] < 0x80) {
      i += int32_t(ascii_prefix(text.substr(size_t(i))));
      continue;
    }
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, size, c);
    i = int32_t(visit(size_t(start), c, size_t(i)));
  }
}

// The length of the run that starts the text with nothing a JSON string must escape: no '"',
// '\\' or control character (nor, with `stop_at_non_ascii`, a byte >= 0x80), eight bytes at a time.
inline size_t json_plain_prefix(std::string_view text, bool stop_at_non_ascii) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  auto has_zero = [](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const uint64_t high = stop_at_non_ascii ? kHigh : 0;
  const char* s = text.data();
  const size_t n = text.size();
  size_t i = 0;
  for (uint64_t w; i + 8 <= n; i += 8) {
    std::memcpy(&w, s + i, 8);
    // a byte below 0x20 (w - 0x20 borrows into its top bit, which w lacks), '"', '\\', or >= 0x80
    if (((w - 0x20 * kOnes) & ~w & kHigh) | has_zero(w ^ ('"' * kOnes)) | has_zero(w ^ ('\\' * kOnes)) | (w & high)) break;
  }
  // the rest byte by byte: 1 for the bytes that stop a run, 2 for those that stop it only at non-ASCII
  static constexpr auto kStop = [] {
    std::array<uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c) t[size_t(c)] = c < 0x20 || c == '"' || c == '\\' ? 1 : c >= 0x80 ? 2 : 0;
    return t;
  }();
  const uint8_t stops = stop_at_non_ascii ? 3 : 1;
  while (i < n && !(kStop[static_cast<unsigned char>(s[i])] & stops)) ++i;
  return i;
}

// Byte offset of the first invalid UTF-8 sequence, or npos when valid.
size_t find_invalid_utf8(std::string_view s);

// Deepest nesting of JSON arrays and objects, counted outside strings without
// parsing: a guard against input that would recurse a parser off its stack.
size_t json_nesting_depth(std::string_view s);

// `w` is one of `words`: stages compare a token with the grammar words they name ("the", "said").
// Inlined, so that the sizes of the literals are constants: most words are ruled out by their
// size or first byte without a call to memcmp (relations asks this millions of times).
[[gnu::always_inline]] inline bool one_of(std::string_view w, std::initializer_list<std::string_view> words) {
  for (auto x : words)
    if (w.size() == x.size() && (x.empty() || (w[0] == x[0] && std::memcmp(w.data(), x.data(), x.size()) == 0))) return true;
  return false;
}

// A past participle or a present participle by its ending: "-ed", "-ing".
inline bool is_verb_form(std::string_view w) {
  return (w.size() > 3 && w.ends_with("ed")) || (w.size() > 4 && w.ends_with("ing"));
}

// Explanations join quoted words of the text ("'" + word(k) + "'"), which are views.
inline std::string operator+(const char* a, std::string_view b) { return std::string(a).append(b); }
inline std::string operator+(std::string a, std::string_view b) { return std::move(a.append(b)); }

// NFC normalisation; returns false (and leaves out untouched) when s is already NFC.
bool nfc_if_needed(std::string_view s, std::string& out, void* edits /* icu::Edits* */);

}  // namespace news
