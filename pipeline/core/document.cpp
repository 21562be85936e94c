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

}  // namespace news
