#include "core/offsets.hpp"

#include <algorithm>
#include <bit>

#include <unicode/edits.h>

#include "core/text.hpp"

namespace news {

OffsetMap::OffsetMap() = default;
OffsetMap::~OffsetMap() = default;
OffsetMap::OffsetMap(OffsetMap&&) noexcept = default;
OffsetMap& OffsetMap::operator=(OffsetMap&&) noexcept = default;

static bool is_cp_start(unsigned char c) { return (c & 0xC0) != 0x80; }

OffsetMap OffsetMap::build(std::string_view original, std::unique_ptr<icu::Edits> edits) {
  OffsetMap m;
  m.original_size_ = uint32_t(original.size());
  if (edits) {  // a table searched in log time: an article with thousands of edits looks each offset up fast
    UErrorCode status = U_ZERO_ERROR;
    auto it = edits->getFineIterator();
    while (it.next(status))
      if (it.newLength() > 0)
        m.spans_.push_back({uint32_t(it.destinationIndex()), uint32_t(it.newLength()), uint32_t(it.sourceIndex()),
                            uint32_t(it.oldLength()), it.hasChange() != 0});
    if (U_FAILURE(status)) m.spans_.clear();
  }
  if (ascii_prefix(original) == original.size()) {  // most articles: no blocks needed to count code points
    m.one_byte_per_cp_ = true;
    return m;
  }
  const size_t blocks = original.size() / kBlock + 1;
  m.block_cp_.resize(blocks);
  m.cp_starts_.resize(blocks);
  uint32_t cps = 0;
  for (size_t block = 0; block < blocks; ++block) {
    m.block_cp_[block] = cps;
    uint64_t bits = 0;
    const size_t end = std::min(original.size(), (block + 1) * kBlock);
    for (size_t i = block * kBlock; i < end; ++i)
      if (is_cp_start(static_cast<unsigned char>(original[i]))) bits |= uint64_t(1) << (i - block * kBlock);
    m.cp_starts_[block] = bits;
    cps += uint32_t(std::popcount(bits));
  }
  m.one_byte_per_cp_ = cps == original.size();
  return m;
}

uint32_t OffsetMap::original_byte(uint32_t norm_byte) const {
  if (spans_.empty()) return norm_byte;
  auto after = std::upper_bound(spans_.begin(), spans_.end(), norm_byte,
                                [](uint32_t b, const Span& s) { return b < s.norm_start; });
  if (after == spans_.begin()) return norm_byte;
  const Span& s = *std::prev(after);
  if (norm_byte >= s.norm_start + s.norm_length) return original_size_;  // the end of the text
  if (!s.changed) return s.original_start + (norm_byte - s.norm_start);
  return norm_byte == s.norm_start ? s.original_start : s.original_start + s.original_length;
}

uint32_t OffsetMap::original_end_byte(uint32_t norm_byte) const {
  auto after = std::lower_bound(spans_.begin(), spans_.end(), norm_byte,
                                [](const Span& s, uint32_t b) { return s.norm_start < b; });
  if (after == spans_.begin()) return original_byte(norm_byte);
  const Span& s = *std::prev(after);  // the last span that starts before the byte
  if (norm_byte > s.norm_start + s.norm_length) return original_byte(norm_byte);
  return s.changed ? s.original_start + s.original_length : s.original_start + (norm_byte - s.norm_start);
}

uint32_t OffsetMap::code_point(uint32_t norm_byte) const { return code_point_of_original(original_byte(norm_byte)); }

uint32_t OffsetMap::code_point_end(uint32_t norm_byte) const {
  return code_point_of_original(original_end_byte(norm_byte));
}

uint32_t OffsetMap::code_point_of_original(uint32_t b) const {
  if (b > original_size_) b = original_size_;
  if (one_byte_per_cp_) return b;
  const uint32_t block = b / kBlock, in_block = b % kBlock;
  const uint64_t before = in_block ? cp_starts_[block] & ((uint64_t(1) << in_block) - 1) : 0;
  return block_cp_[block] + uint32_t(std::popcount(before));
}

}  // namespace news
