// Sentence boundaries as ICU gives them for "en@ss=standard": the UAX #29 sentence rules, then
// ICU's English abbreviation filter ("Mr.", "Inc." ...). Pure-ASCII text takes a fast path that
// applies the same rules over a byte table (built from ICU's own Sentence_Break property) under
// the very same ICU filter; any other text goes through ICU's rule-based iterator.
//
//   SentenceBreaks breaks;           // one per thread: it holds ICU iterators
//   breaks.each(text, [](uint32_t end) { ... });  // every boundary after 0, the last is text.size()
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace news {

// The first UAX #29 sentence boundary after `from` in pure-ASCII `text` (without the filter);
// text.size() when none comes before the end.
size_t next_ascii_sentence_break(std::string_view text, size_t from);

class SentenceBreaks {
 public:
  SentenceBreaks();
  ~SentenceBreaks();
  SentenceBreaks(const SentenceBreaks&) = delete;
  SentenceBreaks& operator=(const SentenceBreaks&) = delete;

  // Calls on_break(end) for every boundary after 0, in order. `allow_ascii_path` false forces ICU
  // (the reference the fast path is tested against).
  template <class F>
  void each(std::string_view text, F&& on_break, bool allow_ascii_path = true) {
    start(text, allow_ascii_path);
    for (int32_t end = advance(); end >= 0; end = advance()) on_break(uint32_t(end));
    finish();
  }

  // All boundaries after 0: the convenience form of each() for tests.
  std::vector<uint32_t> all(std::string_view text, bool allow_ascii_path = true);

 private:
  void start(std::string_view text, bool allow_ascii_path);
  int32_t advance();  // -1 when done
  void finish();

  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace news
