#include "core/document.hpp"

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
  if (b / kTokenBlock >= token_block.size()) return tokens.size();  // past the text, or not segmented
  size_t i = token_block[b / kTokenBlock];
  while (i < tokens.size() && tokens[i].start < b) ++i;
  return i;
}

size_t Document::token_starting_at(uint32_t b) const {
  const size_t i = token_at_or_after(b);
  return i < tokens.size() && tokens[i].start == b ? i : std::string::npos;
}

// Tokens are ordered and never overlap: the one ending at b is the last one starting before b.
size_t Document::token_ending_at(uint32_t b) const {
  const size_t next = token_at_or_after(b);
  return next > 0 && tokens[next - 1].end == b ? next - 1 : std::string::npos;
}

}  // namespace news
