// Maps byte offsets in the normalised text back to code point offsets in the
// original text, the unit the output uses (SCHEMA: Python str indices).
//
//   OffsetMap map = OffsetMap::build(original, edits);  // once per field
//   uint32_t cp = map.code_point(norm_byte);
//
// Built once per article field; immutable afterwards. It keeps no reference to the original
// text (which may be released once normalised): a bit per byte marks where code points start.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include <unicode/edits.h>

namespace news {

class OffsetMap {
 public:
  OffsetMap();
  ~OffsetMap();
  OffsetMap(OffsetMap&&) noexcept;
  OffsetMap& operator=(OffsetMap&&) noexcept;

  // `edits` describes how normalising changed `original` (nullptr when it did not).
  static OffsetMap build(std::string_view original, std::unique_ptr<icu::Edits> edits);

  // Code point offset in the original text of the byte `norm_byte` of the
  // normalised text (a byte at a code point start, or the end).
  uint32_t code_point(uint32_t norm_byte) const;
  uint32_t original_byte(uint32_t norm_byte) const;
  // The same for the end of a span: a byte right after what normalising dropped (a tag, a soft
  // hyphen) maps to before it, so that "<b>Sony</b>" gives "Sony" rather than "Sony</b>".
  uint32_t code_point_end(uint32_t norm_byte) const;
  uint32_t original_end_byte(uint32_t norm_byte) const;

 private:
  uint32_t code_point_of_original(uint32_t original_byte) const;

  static constexpr uint32_t kBlock = 64;  // a look-up counts the code point starts of one word of bits
  // The spans of the normalised text that have some length, in order: a span that was copied
  // maps byte for byte; one that was replaced maps its start to the start of what it replaced
  // and any byte after that to its end, as icu::Edits' fine iterator does. Empty: no edits.
  struct Span {
    uint32_t norm_start, norm_length, original_start, original_length;
    bool changed;
  };
  uint32_t original_size_ = 0;
  std::vector<Span> spans_;
  std::vector<uint32_t> block_cp_;    // code points that start before byte block*kBlock
  std::vector<uint64_t> cp_starts_;   // bit i of word w: byte w*kBlock+i of the original starts a code point
  bool one_byte_per_cp_ = false;    // ASCII: a byte offset is the code point offset
};

}  // namespace news
