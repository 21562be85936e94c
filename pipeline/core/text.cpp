#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

namespace news {

static bool is_word_cp(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  if (u_isalnum(c)) return true;
  const int8_t t = u_charType(c);
  return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

static bool is_space_cp(UChar32 c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0;
  return u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF;
}

namespace {
using text_detail::kAsciiClass;
using text_detail::kDigit;
using text_detail::kLower;
using text_detail::kSpace;
using text_detail::kSymbol;
using text_detail::kUpper;
}  // namespace

void tokenize(std::string_view text, std::vector<RawToken>& out, uint32_t base) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  bool space = true;
  while (i < n) {
    if (s[i] < 0x80 && kAsciiClass[s[i]] <= kSpace) {
      if (kAsciiClass[s[i]] == kSpace) {
        space = true;
      } else {
        RawToken t;
        t.start = base + uint32_t(i);
        t.end = t.start + 1;
        t.space_before = space;
        space = false;
        out.push_back(t);
      }
      ++i;
      continue;
    }
    const int32_t begin = i;
    if (s[i] >= 0x80) {  // an ASCII letter or digit starts a word at once
      UChar32 c;
      U8_NEXT(s, i, n, c);
      if (c < 0) {  // invalid byte: treat as a symbol of its own
        out.push_back({base + uint32_t(begin), base + uint32_t(i), false, false, false, false, false, space});
        space = false;
        continue;
      }
      if (is_space_cp(c)) { space = true; continue; }
      if (!is_word_cp(c)) {
        RawToken t;
        t.start = base + uint32_t(begin);
        t.end = base + uint32_t(i);
        t.space_before = space;
        space = false;
        out.push_back(t);
        continue;
      }
    }
    RawToken t;
    t.start = base + uint32_t(begin);
    t.space_before = space;
    space = false;
    bool any_letter = false, any_upper = false, any_lower = false, all_digit = true;
    bool first = true;
    int32_t j = begin;
    unsigned ascii_seen = 0;  // bit per AsciiClass of the ASCII letters and digits met
    while (j < n) {
      if (s[j] < 0x80) {
        const int32_t run = j;
        while (j < n && s[j] < 0x80 && kAsciiClass[s[j]] >= kDigit) ascii_seen |= 1u << kAsciiClass[s[j++]];
        if (j > run) {
          if (first) t.upper_initial = kAsciiClass[s[run]] == kUpper;
          first = false;
        }
        if (j == n || s[j] < 0x80) break;  // the end, or an ASCII byte that is no part of a word
      }
      const int32_t k = j;
      UChar32 d;
      U8_NEXT(s, j, n, d);
      if (d < 0 || !is_word_cp(d)) { j = k; break; }
      const bool digit = d < 0x80 ? (d >= '0' && d <= '9') : u_isdigit(d);
      if (!digit) all_digit = false;
      if (d < 0x80) {
        const bool up = d >= 'A' && d <= 'Z', lo = d >= 'a' && d <= 'z';
        if (up || lo) any_letter = true;
        any_upper |= up; any_lower |= lo;
        if (first) t.upper_initial = up;
      } else if (u_isalpha(d)) {
        any_letter = true;
        const bool up = u_isupper(d) || u_istitle(d);
        any_upper |= up; any_lower |= !up && u_islower(d);
        if (first) t.upper_initial = up;
      }
      first = false;
    }
    if (ascii_seen & (1u << kUpper | 1u << kLower)) {
      any_letter = true;
      all_digit = false;
    }
    any_upper |= (ascii_seen & 1u << kUpper) != 0;
    any_lower |= (ascii_seen & 1u << kLower) != 0;
    t.end = base + uint32_t(j);
    t.is_word = true;
    t.is_digit = all_digit;
    t.all_lower = any_letter && !any_upper;
    t.all_upper = any_upper && !any_lower;
    out.push_back(t);
    i = j;
  }
}

void fold_into(std::string_view token, std::string& out) {
  if (ascii_prefix(token) == token.size()) {  // lowered in place: one resize, not a push_back per byte
    const size_t at = out.size();
    out.resize(at + token.size());
    char* p = out.data() + at;
    for (size_t i = 0; i < token.size(); ++i) {
      const char ch = token[i];
      p[i] = ch >= 'A' && ch <= 'Z' ? char(ch + 32) : ch;
    }
    return;
  }
  // Full case folding (ß -> ss, İ -> i̇) through ICU, then typographic quotes and dashes straightened.
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(token.data(), int32_t(token.size())));
  u.foldCase();
  for (int32_t i = 0; i < u.length(); ++i) {
    switch (u.charAt(i)) {
      case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC: u.setCharAt(i, u'\''); break;
      case 0x201C: case 0x201D: case 0x201E: case 0x2033: u.setCharAt(i, u'"'); break;
      case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212: u.setCharAt(i, u'-'); break;
      default: break;
    }
  }
  u.toUTF8String(out);
}

std::string fold(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  fold_into(token, out);
  return out;
}

size_t ascii_prefix(std::string_view text) {
  const char* s = text.data();
  const size_t n = text.size();
  size_t i = 0;
  for (uint64_t w; i + 8 <= n; i += 8) {
    std::memcpy(&w, s + i, 8);
    if (w & 0x8080808080808080ull) break;
  }
  while (i < n && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

size_t find_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) { i += int32_t(ascii_prefix(text.substr(size_t(i)))); continue; }
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    // U8_NEXT rejects overlong forms, surrogates and truncated sequences.
    if (c < 0) return size_t(begin);
  }
  return std::string_view::npos;
}

bool nfc_if_needed(std::string_view s, std::string& out, void* edits_ptr) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return false;
  if (ascii_prefix(s) == s.size()) return false;  // ASCII is NFC
  if (nfc->isNormalizedUTF8(icu::StringPiece(s.data(), int32_t(s.size())), status) && U_SUCCESS(status))
    return false;
  status = U_ZERO_ERROR;
  std::string result;
  icu::StringByteSink<std::string> sink(&result);
  auto* edits = static_cast<icu::Edits*>(edits_ptr);
  nfc->normalizeUTF8(0, icu::StringPiece(s.data(), int32_t(s.size())), sink, edits, status);
  if (U_FAILURE(status)) return false;
  out = std::move(result);
  return true;
}

size_t json_nesting_depth(std::string_view s) {
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

}  // namespace news
