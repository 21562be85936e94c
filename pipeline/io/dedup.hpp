// Recognises a story seen earlier in the run: the same URL (scheme, "www.",
// fragment, utm_* parameters and a trailing slash ignored) or the same text
// (whitespace collapsed, ASCII case folded).
//
//   DuplicateFinder seen(1'000'000);
//   if (auto first = seen.check(article)) article.duplicate_of = *first;
//
// Memory is bounded: it remembers the last `capacity` distinct articles
// (about 100 bytes each plus the id), forgetting the oldest first. Keys are
// 64-bit hashes; two different stories colliding is about as likely as
// 1 in 10^7 over a million articles. Not thread-safe: the reader's thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/document.hpp"

namespace news {

std::string normalise_url(std::string_view url);

class DuplicateFinder {
 public:
  explicit DuplicateFinder(size_t capacity);
  // The id of an earlier article with the same URL or text; otherwise
  // remembers this one and returns nothing. Articles with errors are ignored.
  std::optional<std::string> check(const Article& a);

 private:
  struct Slot {
    std::string id;
    uint64_t url_key = 0, text_key = 0;  // 0: none
  };
  size_t capacity_;
  std::vector<Slot> ring_;
  size_t next_ = 0;
  std::unordered_map<uint64_t, size_t> slot_of_;  // key -> ring index
  void forget(size_t slot);
};

// Which of `shards` shards an article id belongs to: the first 8 bytes of
// SHA-1(id), big-endian, modulo shards. Stable across runs and machines.
uint64_t shard_of(std::string_view id, uint64_t shards);

}  // namespace news
