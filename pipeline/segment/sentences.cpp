#include "segment/sentences.hpp"

#include <array>
#include <stdexcept>

#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/schriter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "core/text.hpp"

namespace news {

namespace {

bool is_para_sep(uint8_t k) { return k == U_SB_CR || k == U_SB_LF || k == U_SB_SEP; }
bool is_sa_term(uint8_t k) { return k == U_SB_ATERM || k == U_SB_STERM; }

// ICU's Sentence_Break values of the ASCII code points, read once from ICU itself; and which
// of them may come right before a boundary out of a terminator's context (ParaSep, SATerm).
struct AsciiSentenceClasses {
  std::array<uint8_t, 128> of{};
  std::array<bool, 128> opens{};
};
const AsciiSentenceClasses& ascii_sentence_classes() {
  static const AsciiSentenceClasses classes = [] {
    AsciiSentenceClasses t;
    for (UChar32 c = 0; c < 128; ++c) {
      t.of[size_t(c)] = uint8_t(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
      t.opens[size_t(c)] = is_para_sep(t.of[size_t(c)]) || is_sa_term(t.of[size_t(c)]);
    }
    return t;
  }();
  return classes;
}

// The base iterator under ICU's filter on the fast path: next() is next_ascii_sentence_break.
// The filter asks it only for first(), next(), setText() and getUText(); the rest answers
// correctly but slowly, by walking from the start.
class AsciiSentenceIterator final : public icu::BreakIterator {
 public:
  AsciiSentenceIterator() = default;
  ~AsciiSentenceIterator() override { utext_close(text_); }

  void set_bytes(std::string_view bytes) { bytes_ = bytes, pos_ = 0; }

  bool operator==(const icu::BreakIterator& other) const override { return this == &other; }
  icu::BreakIterator* clone() const override {
    auto* copy = new AsciiSentenceIterator;
    copy->bytes_ = bytes_, copy->pos_ = pos_;
    UErrorCode status = U_ZERO_ERROR;
    if (text_) copy->text_ = utext_clone(nullptr, text_, false, true, &status);
    return copy;
  }
  UClassID getDynamicClassID() const override {
    static char id;
    return &id;
  }
  icu::CharacterIterator& getText() const override { return empty_chars_; }
  UText* getUText(UText* fill_in, UErrorCode& status) const override {
    return utext_clone(fill_in, text_, false, true, &status);
  }
  void setText(const icu::UnicodeString&) override { throw std::logic_error("AsciiSentenceIterator reads UTF-8 only"); }
  void setText(UText* text, UErrorCode& status) override {
    text_ = utext_clone(text_, text, false, true, &status);
    pos_ = 0;
  }
  void adoptText(icu::CharacterIterator* it) override {
    delete it;
    throw std::logic_error("AsciiSentenceIterator reads UTF-8 only");
  }
  int32_t first() override { return pos_ = 0; }
  int32_t last() override { return pos_ = int32_t(bytes_.size()); }
  int32_t next() override {
    if (size_t(pos_) >= bytes_.size()) return icu::BreakIterator::DONE;
    return pos_ = int32_t(next_ascii_sentence_break(bytes_, size_t(pos_)));
  }
  int32_t current() const override { return pos_; }
  int32_t previous() override {
    if (pos_ == 0) return icu::BreakIterator::DONE;
    int32_t before = 0;
    for (size_t b = 0; (b = next_ascii_sentence_break(bytes_, b)) < size_t(pos_);) before = int32_t(b);
    return pos_ = before;
  }
  int32_t following(int32_t offset) override {
    first();
    int32_t b;
    while ((b = next()) != icu::BreakIterator::DONE && b <= offset) {
    }
    return b;
  }
  int32_t preceding(int32_t offset) override {
    pos_ = offset < 0 ? 0 : offset > int32_t(bytes_.size()) ? int32_t(bytes_.size()) : offset;
    if (isBoundary(pos_)) return previous();
    following(pos_);
    return previous();
  }
  UBool isBoundary(int32_t offset) override {
    if (offset == 0) return (first(), true);
    return following(offset - 1) == offset;
  }
  int32_t next(int32_t n) override {
    int32_t b = pos_;
    for (; n > 0 && b != icu::BreakIterator::DONE; --n) b = next();
    for (; n < 0 && b != icu::BreakIterator::DONE; ++n) b = previous();
    return b;
  }
  icu::BreakIterator* createBufferClone(void*, int32_t&, UErrorCode& status) override {
    status = U_UNSUPPORTED_ERROR;
    return nullptr;
  }
  icu::BreakIterator& refreshInputText(UText* input, UErrorCode& status) override {
    text_ = utext_clone(text_, input, false, true, &status);
    return *this;
  }

 private:
  UText* text_ = nullptr;
  std::string_view bytes_;
  int32_t pos_ = 0;
  mutable icu::StringCharacterIterator empty_chars_{icu::UnicodeString()};
};

}  // namespace

// UAX #29 rules SB3-SB11 for text without Extend, Format or Sep (none is ASCII). The left
// context "SATerm Close* Sp*" of each position is carried forward; a break never follows a
// letter, so the context starts empty at `from`, a boundary.
size_t next_ascii_sentence_break(std::string_view text, size_t from) {
  const auto& classes = ascii_sentence_classes();
  auto at = [&](size_t i) { return classes.of[static_cast<unsigned char>(text[i]) & 0x7f]; };
  const size_t n = text.size();
  enum class After { nothing, term_close, term_space };  // after SATerm Close*, after SATerm Close* Sp+
  After after = After::nothing;
  bool after_aterm = false;  // the SATerm of that context is an ATerm
  // SB8's look-ahead (skip all but OLetter, Upper, Lower, ParaSep, SATerm; then a Lower?) ends
  // at the same place for every position before that place: it is found once per stretch.
  size_t lookahead_end = 0;
  bool lookahead_lower = false, lookahead_known = false;
  for (size_t j = from + 1; j < n; ++j) {
    if (after == After::nothing) {
      // Out of a terminator's context only a ParaSep or an SATerm before j can lead to a break.
      while (!classes.opens[static_cast<unsigned char>(text[j - 1]) & 0x7f])
        if (++j == n) return n;
    }
    const uint8_t c = at(j - 1), d = at(j);
    if (is_sa_term(c))
      after = After::term_close, after_aterm = c == U_SB_ATERM;
    else if (c == U_SB_CLOSE && after == After::term_close) {
    } else if (c == U_SB_SP && after != After::nothing)
      after = After::term_space;
    else
      after = After::nothing;

    if (c == U_SB_CR && d == U_SB_LF) continue;  // SB3
    if (is_para_sep(c)) return j;                 // SB4
    if (c == U_SB_ATERM) {
      if (d == U_SB_NUMERIC) continue;  // SB6
      if (d == U_SB_UPPER && j >= 2 && (at(j - 2) == U_SB_UPPER || at(j - 2) == U_SB_LOWER)) continue;  // SB7
    }
    if (after == After::nothing) continue;  // SB998
    if (after_aterm) {                      // SB8
      if (!lookahead_known || j > lookahead_end) {
        size_t e = j;
        for (; e < n; ++e) {
          const uint8_t k = at(e);
          if (k == U_SB_OLETTER || k == U_SB_UPPER || k == U_SB_LOWER || is_para_sep(k) || is_sa_term(k)) break;
        }
        lookahead_end = e, lookahead_known = true;
        lookahead_lower = e < n && at(e) == U_SB_LOWER;
      }
      if (lookahead_lower) continue;
    }
    if (d == U_SB_SCONTINUE || is_sa_term(d)) continue;                                             // SB8a
    if (after == After::term_close && (d == U_SB_CLOSE || d == U_SB_SP || is_para_sep(d))) continue;  // SB9
    if (d == U_SB_SP || is_para_sep(d)) continue;                                                   // SB10
    return j;                                                                                       // SB11
  }
  return n;
}

struct SentenceBreaks::State {
  std::unique_ptr<icu::BreakIterator> icu;    // ICU's own, for any text
  std::unique_ptr<icu::BreakIterator> ascii;  // ICU's filter over AsciiSentenceIterator
  AsciiSentenceIterator* ascii_base = nullptr;
  icu::BreakIterator* current = nullptr;
  UText* text = nullptr;    // UTF-8, for ICU's iterator
  UText* text16 = nullptr;  // UTF-16, for the filter on the fast path (its indexes are the byte offsets)
  std::vector<UChar> utf16;
  bool at_start = true;
};

SentenceBreaks::SentenceBreaks() : state_(std::make_unique<State>()) {
  const icu::Locale locale("en@ss=standard");
  UErrorCode status = U_ZERO_ERROR;
  state_->icu.reset(icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status) || !state_->icu) throw std::runtime_error("ICU sentence break iterator unavailable");
  // The builder createSentenceInstance uses for "ss=standard", over the ASCII iterator instead.
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(icu::FilteredBreakIteratorBuilder::createInstance(locale, status));
  if (U_FAILURE(status) || !builder) throw std::runtime_error("ICU sentence break filter unavailable");
  auto* base = new AsciiSentenceIterator;
  state_->ascii_base = base;
  state_->ascii.reset(builder->build(base, status));
  if (U_FAILURE(status) || !state_->ascii) throw std::runtime_error("ICU sentence break filter unavailable");
}

SentenceBreaks::~SentenceBreaks() {
  utext_close(state_->text);
  utext_close(state_->text16);
}

void SentenceBreaks::start(std::string_view text, bool allow_ascii_path) {
  UErrorCode status = U_ZERO_ERROR;
  if (allow_ascii_path && ascii_prefix(text) == text.size()) {
    // The filter steps back and forth over the text at every boundary: over UTF-8 each step
    // converts a chunk, over UTF-16 it is an array index.
    state_->utf16.assign(text.begin(), text.end());
    state_->text16 = utext_openUChars(state_->text16, state_->utf16.data(), int64_t(text.size()), &status);
    state_->ascii_base->set_bytes(text);
    state_->current = state_->ascii.get();
    state_->current->setText(state_->text16, status);
  } else {
    state_->text = utext_openUTF8(state_->text, text.data(), int64_t(text.size()), &status);
    state_->current = state_->icu.get();
    if (U_SUCCESS(status)) state_->current->setText(state_->text, status);
  }
  if (U_FAILURE(status)) throw std::runtime_error("ICU could not open the text");
  state_->current->first();
}

int32_t SentenceBreaks::advance() {
  const int32_t end = state_->current->next();
  return end == icu::BreakIterator::DONE ? -1 : end;
}

void SentenceBreaks::finish() {
  state_->ascii_base->set_bytes({});
  // the thread's UTF-16 copy is given back after a huge article (memory stays flat), kept otherwise
  if (state_->utf16.capacity() > (size_t(1) << 22)) std::vector<UChar>().swap(state_->utf16);
}

std::vector<uint32_t> SentenceBreaks::all(std::string_view text, bool allow_ascii_path) {
  std::vector<uint32_t> out;
  each(text, [&](uint32_t end) { out.push_back(end); }, allow_ascii_path);
  return out;
}

}  // namespace news
