#include "segment/segment.hpp"

#include <memory>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "core/text.hpp"

namespace news {

namespace {

icu::BreakIterator& sentence_iterator() {
  // Creating an iterator loads ICU's rule data: do it once per thread.
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> bi(
        icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
    if (U_FAILURE(status)) bi.reset();
    return bi;
  }();
  if (!it) throw std::runtime_error("ICU sentence break iterator unavailable");
  return *it;
}

void split_sentences(Document& doc) {
  const std::string& s = doc.norm;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, s.data(), int64_t(s.size()), &status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU could not open the text");
  auto& bi = sentence_iterator();
  bi.setText(ut, status);
  int32_t start = bi.first();
  for (int32_t end = bi.next(); end != icu::BreakIterator::DONE; start = end, end = bi.next())
    doc.sentences.push_back({uint32_t(start), uint32_t(end), 0, 0});
  utext_close(ut);
  if (doc.sentences.empty()) doc.sentences.push_back({0, uint32_t(s.size()), 0, 0});
}

// The vocabulary id of the folded token. Short ASCII tokens, nearly all of them, are
// lowered on the stack; the rest go through full case folding.
uint32_t find_folded(std::string_view token, const Vocabulary& vocab, std::string& scratch) {
  char lowered[64];
  if (token.size() <= sizeof lowered) {
    size_t n = 0;
    for (char ch : token) {
      if (static_cast<unsigned char>(ch) >= 0x80) break;
      lowered[n++] = ch >= 'A' && ch <= 'Z' ? char(ch + 32) : ch;
    }
    if (n == token.size()) return vocab.find(std::string_view(lowered, n));
  }
  scratch.clear();
  fold_into(token, scratch);
  return vocab.find(scratch);
}

}  // namespace

void segment(Document& doc, const RuleSet& rules) {
  split_sentences(doc);
  std::vector<RawToken> raw;
  raw.reserve(doc.norm.size() / 5 + 8);
  tokenize(doc.norm, raw);
  doc.tokens.reserve(raw.size());
  std::string folded;
  size_t sent = 0;
  for (const RawToken& r : raw) {
    while (sent + 1 < doc.sentences.size() && r.start >= doc.sentences[sent].end) ++sent;
    Token t;
    t.start = r.start;
    t.end = r.end;
    t.sentence = uint32_t(sent);
    t.is_word = r.is_word;
    t.is_digit = r.is_digit;
    t.is_upper_initial = r.upper_initial;
    t.is_all_lower = r.all_lower;
    t.is_all_upper = r.all_upper;
    t.space_before = r.space_before;
    t.vocab = find_folded(std::string_view(doc.norm).substr(r.start, r.end - r.start), rules.vocab, folded);
    doc.tokens.push_back(t);
  }
  for (size_t i = 0, s = 0; s < doc.sentences.size(); ++s) {
    doc.sentences[s].first_token = uint32_t(i);
    while (i < doc.tokens.size() && doc.tokens[i].sentence == s) ++i;
    doc.sentences[s].end_token = uint32_t(i);
  }
  doc.cue_bits.assign(doc.tokens.size(), 0);
}

}  // namespace news
