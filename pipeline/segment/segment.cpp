#include "segment/segment.hpp"

#include <algorithm>
#include <array>
#include <memory>

#include "core/text.hpp"
#include "segment/sentences.hpp"

namespace news {

namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// ICU breaks after "U.S." in "the U.S. Treasury" and after "Gen." in "Gen. Nakasone": a break
// after an abbreviation no sentence ends with is joined, and one after an abbreviation that may
// end a sentence (or a name's initials) unless the next word is one a sentence starts with.
bool break_after_abbreviation(std::string_view text, size_t sentence_start, size_t at, const RuleSet& rules) {
  size_t e = at;
  while (e > sentence_start && is_space(text[e - 1])) --e;
  if (e == sentence_start || text[e - 1] != '.' || e == at) return false;  // no full stop, or no space after it
  size_t w = e - 1;
  while (w > sentence_start && !is_space(text[w - 1]) && text[w - 1] != '(' && text[w - 1] != '"') --w;
  const std::string_view word = text.substr(w, e - 1 - w);  // without the final full stop
  if (word.empty() || word.size() > 8 || !(word[0] >= 'A' && word[0] <= 'Z')) return false;
  std::string bare;
  for (char c : word)
    if (c != '.') bare += c;
  size_t n = at;
  while (n < text.size() && is_space(text[n])) ++n;
  size_t ne = n;
  while (ne < text.size() && !is_space(text[ne]) && text[ne] != ',' && text[ne] != '.' && text[ne] != ';' && text[ne] != ':') ++ne;
  if (n == ne) return false;
  const ContextWords& words = *rules.words;
  const uint32_t id = rules.vocab.find(fold(bare));
  if (words.abbreviations_never_final.has(id)) return true;
  // a name's initials: "Robert M. Lee", "A.P. Moller-Maersk", "J.P. Morgan" (capitals, each with its stop)
  bool initials = word.size() >= 3;
  for (size_t i = 0; i < word.size(); ++i) initials = initials && (i % 2 == 0 ? word[i] >= 'A' && word[i] <= 'Z' : word[i] == '.');
  const bool initial = bare.size() == 1 || initials;
  if (!initial && !words.abbreviations_maybe_final.has(id)) return false;
  // a word of capitals written without stops inside takes no stop of its own: "to hit the UK.
  // Australia, Canada and Japan said ..." ends there ("the U.S. Treasury" has its stops)
  if (!initial && word.size() == bare.size() && std::all_of(bare.begin(), bare.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return false;
  return !words.sentence_starters.has(rules.vocab.find(fold(text.substr(n, ne - n))));
}

bool blank(std::string_view s, uint32_t start, uint32_t end) {
  for (uint32_t i = start; i < end; ++i)
    if (!is_space(s[i])) return false;
  return true;
}

// ICU's English abbreviation filter keeps some one-letter abbreviations ("G.", "O.", "T.", "Z.")
// from ending a sentence without looking at the letters before them, so an all-capital word that
// ends in one of them did not end its sentence either: "backdoors such as AIRBREAK and PHOTO. CISA
// and the FBI released an advisory", "a breach at AT&T. The carrier said", "GCHQ. It". Breaks there
// go back in: after a word of capitals (and digits, "&"), at least two, with no full stop inside, that
// is no abbreviation of ours ("MR. Smith"), before a capital letter.
size_t capital_word_break(std::string_view s, size_t from, size_t to, const RuleSet& rules) {
  const std::string_view sentence = s.substr(0, to);  // (no search past the sentence: a hostile text may have no ". " at all)
  for (size_t dot = sentence.find(". ", from); dot != std::string_view::npos && dot + 2 < to; dot = sentence.find(". ", dot + 1)) {
    size_t w = dot;
    bool capitals = true;
    while (w > from && !is_space(s[w - 1]) && s[w - 1] != '(' && s[w - 1] != '"') {
      const char c = s[w - 1];
      capitals = capitals && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '&');
      --w;
    }
    if (!capitals || dot - w < 2 || !(s[dot - 1] >= 'A' && s[dot - 1] <= 'Z')) continue;
    size_t n = dot + 1;
    while (n < to && s[n] == ' ') ++n;
    if (n >= to || !(s[n] >= 'A' && s[n] <= 'Z')) continue;
    if (rules.words) {
      const ContextWords& words = *rules.words;
      const uint32_t id = rules.vocab.find(fold(s.substr(w, dot - w)));
      if (words.abbreviations_never_final.has(id) || words.abbreviations_maybe_final.has(id)) continue;
    }
    return n;
  }
  return std::string_view::npos;
}

void split_sentences(Document& doc, const RuleSet& rules) {
  // Creating the iterators loads ICU's rule data: once per thread.
  thread_local SentenceBreaks breaks;
  const std::string& s = doc.norm;
  uint32_t start = 0;
  breaks.each(s, [&](uint32_t end) {
    if (end < s.size() && rules.words && break_after_abbreviation(s, start, end, rules)) return;
    // Blank lines between two paragraphs are one slot however many there are ("\n\n\n" of a
    // page's <p> tags, "\n\n" of plain text): distances in sentences do not depend on the layout.
    if (blank(s, start, end) && !doc.sentences.empty() && blank(s, doc.sentences.back().start, doc.sentences.back().end))
      doc.sentences.back().end = end;
    else {
      for (size_t at = capital_word_break(s, start, end, rules); at != std::string_view::npos; at = capital_word_break(s, start, end, rules)) {
        doc.sentences.push_back({start, uint32_t(at), 0, 0});
        start = uint32_t(at);
      }
      doc.sentences.push_back({start, end, 0, 0});
    }
    start = end;
  });
  if (doc.sentences.empty()) doc.sentences.push_back({0, uint32_t(s.size()), 0, 0});
}

constexpr auto kAsciiLower = [] {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) t[size_t(c)] = char(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return t;
}();

// Appends the folded token to `folded`: ASCII tokens, nearly all of them, are lowered
// byte by byte; the rest go through full case folding.
void append_folded(std::string_view token, std::string& folded) {
  const size_t at = folded.size();
  folded.resize(at + token.size());
  char* out = folded.data() + at;
  for (size_t i = 0; i < token.size(); ++i) {
    const char ch = token[i];
    if (static_cast<unsigned char>(ch) >= 0x80) {
      folded.resize(at);
      fold_into(token, folded);
      return;
    }
    out[i] = ch >= 'A' && ch <= 'Z' ? char(ch + 32) : ch;
  }
}

}  // namespace

void segment(Document& doc, const RuleSet& rules) {
  split_sentences(doc, rules);
  // An ASCII text is cut into tokens as they are stored, and folds byte by byte into no more
  // bytes than it has: written in place through a pointer, then cut to size. Any other text is
  // tokenized into a vector first (the thread's, kept between articles; a huge one gives it
  // back) and appends token by token (folding may lengthen one).
  const bool ascii = ascii_prefix(doc.norm) == doc.norm.size();
  const size_t expected_tokens = doc.norm.size() / 5 + 8;
  doc.tokens.reserve(expected_tokens);
  doc.folded_start.clear();
  doc.folded_start.reserve(expected_tokens + 1);
  doc.folded.clear();
  if (ascii) doc.folded.resize(doc.norm.size());
  else doc.folded.reserve(doc.norm.size());
  size_t folded_size = 0;
  size_t sent = 0;
  auto add = [&](const RawToken& r) __attribute__((always_inline)) {
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
    doc.folded_start.push_back(uint32_t(folded_size));
    if (ascii) {
      char* out = doc.folded.data() + folded_size;
      const char* in = doc.norm.data() + r.start;
      for (uint32_t i = 0, n = r.end - r.start; i < n; ++i) out[i] = kAsciiLower[static_cast<unsigned char>(in[i])];
      t.vocab = rules.vocab.find(std::string_view(out, r.end - r.start));
      folded_size += r.end - r.start;
    } else {
      append_folded(std::string_view(doc.norm).substr(r.start, r.end - r.start), doc.folded);
      t.vocab = rules.vocab.find(std::string_view(doc.folded).substr(folded_size));
      folded_size = doc.folded.size();
    }
    doc.tokens.push_back(t);
  };
  if (ascii) {
    tokenize_ascii(doc.norm, add);
  } else {
    thread_local std::vector<RawToken> raw;
    raw.clear();
    raw.reserve(expected_tokens);
    tokenize(doc.norm, raw);
    for (const RawToken& r : raw) add(r);
    // (Not `raw = {}`: that assigns an empty initializer list and keeps the capacity.)
    if (raw.capacity() > (size_t(1) << 20)) std::vector<RawToken>().swap(raw);
  }
  doc.folded.resize(folded_size);
  doc.folded_start.push_back(uint32_t(doc.folded.size()));
  doc.token_block.assign(doc.norm.size() / Document::kTokenBlock + 1, 0);
  for (size_t block = 0, t = 0; block < doc.token_block.size(); ++block) {
    while (t < doc.tokens.size() && doc.tokens[t].start < block * Document::kTokenBlock) ++t;
    doc.token_block[block] = uint32_t(t);
  }
  for (size_t i = 0, s = 0; s < doc.sentences.size(); ++s) {
    doc.sentences[s].first_token = uint32_t(i);
    while (i < doc.tokens.size() && doc.tokens[i].sentence == s) ++i;
    doc.sentences[s].end_token = uint32_t(i);
  }
  doc.cue_bits.assign(doc.tokens.size(), 0);
}

}  // namespace news
