#include "core/document.hpp"

#include <algorithm>

namespace news {

const char* to_string(MentionType t) {
  switch (t) {
    case MentionType::Actor: return "actor";
    case MentionType::Operation: return "operation";
    case MentionType::Country: return "country";
    case MentionType::Sector: return "sector";
    case MentionType::Date: return "date";
    case MentionType::Tool: return "tool";
  }
  return "?";
}

size_t Document::token_at_or_after(uint32_t b) const {
  if (b / kTokenBlock < token_block.size()) {
    size_t i = token_block[b / kTokenBlock];
    while (i < tokens.size() && tokens[i].start < b) ++i;
    return i;
  }
  auto it = std::lower_bound(tokens.begin(), tokens.end(), b, [](const Token& t, uint32_t v) { return t.start < v; });
  return size_t(it - tokens.begin());
}

size_t Document::token_starting_at(uint32_t b) const {
  const size_t i = token_at_or_after(b);
  return i < tokens.size() && tokens[i].start == b ? i : std::string::npos;
}

size_t Document::token_ending_at(uint32_t b) const {
  if (!token_block.empty()) {
    // Tokens are ordered and never overlap: the one ending at b is the last one starting before b.
    const size_t next = token_at_or_after(b);
    return next > 0 && tokens[next - 1].end == b ? next - 1 : std::string::npos;
  }
  auto it = std::lower_bound(tokens.begin(), tokens.end(), b, [](const Token& t, uint32_t v) { return t.end < v; });
  return it != tokens.end() && it->end == b ? size_t(it - tokens.begin()) : std::string::npos;
}

}  // namespace news
