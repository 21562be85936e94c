#include "core/offsets.hpp"

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
  m.original_ = original;
  m.edits_ = std::move(edits);
  if (ascii_prefix(original) == original.size()) {  // most articles: no blocks needed to count code points
    m.one_byte_per_cp_ = true;
    return m;
  }
  const size_t blocks = original.size() / kBlock + 1;
  m.block_cp_.reserve(blocks);
  uint32_t cps = 0;
  size_t next_block = 0;
  for (size_t i = 0; i <= original.size(); ++i) {
    const bool start = i == original.size() || is_cp_start(static_cast<unsigned char>(original[i]));
    while (start && next_block * kBlock <= i && m.block_cp_.size() < blocks) {
      m.block_cp_.push_back(cps);
      ++next_block;
    }
    if (i < original.size() && is_cp_start(static_cast<unsigned char>(original[i]))) ++cps;
  }
  while (m.block_cp_.size() < blocks) m.block_cp_.push_back(cps);
  m.one_byte_per_cp_ = cps == original.size();
  return m;
}

uint32_t OffsetMap::original_byte(uint32_t norm_byte) const {
  if (!edits_) return norm_byte;
  UErrorCode status = U_ZERO_ERROR;
  auto it = edits_->getFineIterator();
  int32_t src = it.sourceIndexFromDestinationIndex(static_cast<int32_t>(norm_byte), status);
  if (U_FAILURE(status) || src < 0) return norm_byte;
  return static_cast<uint32_t>(src);
}

uint32_t OffsetMap::code_point(uint32_t norm_byte) const {
  uint32_t b = original_byte(norm_byte);
  if (b > original_.size()) b = static_cast<uint32_t>(original_.size());
  if (one_byte_per_cp_) return b;
  const uint32_t block = b / kBlock;
  // Find the first code point start at or after the block start, then count.
  uint32_t i = block * kBlock;
  while (i < original_.size() && !is_cp_start(static_cast<unsigned char>(original_[i]))) ++i;
  uint32_t cps = block_cp_[block];
  for (; i < b; ++i)
    if (is_cp_start(static_cast<unsigned char>(original_[i]))) ++cps;
  return cps;
}

}  // namespace news
