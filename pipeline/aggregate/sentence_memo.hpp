#pragma once
// Answers about a whole sentence, found once per sentence however many names in it ask (a hostile
// sentence lists thousands). Shared by the role and relation finders.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "rules/ruleset.hpp"

namespace news {

// A yes/no question about a sentence.
struct SentenceMemo {
  mutable std::vector<int8_t> answers;  // -1 not asked, 0 no, 1 yes
  template <class F>
  bool ask(const Document& doc, uint32_t sent, F&& find) const {
    if (answers.size() != doc.sentences.size()) answers.assign(doc.sentences.size(), -1);
    if (answers[sent] < 0) answers[sent] = find(doc.sentences[sent]) ? 1 : 0;
    return answers[sent] == 1;
  }
};

// ... and a token of the sentence, the first that answers it (npos: none).
struct SentenceTokenMemo {
  static constexpr size_t kNotLooked = std::string::npos - 1;
  mutable std::vector<size_t> first;
  template <class F>
  size_t ask(const Document& doc, uint32_t sent, F&& find) const {
    if (first.size() != doc.sentences.size()) first.assign(doc.sentences.size(), kNotLooked);
    if (first[sent] == kNotLooked) first[sent] = find(doc.sentences[sent]);
    return first[sent];
  }
};

// A yes/no question about a mention of doc.mentions, answered once per mention (the list walks ask
// it of each member again); one that is not in doc.mentions is answered afresh.
struct MentionMemo {
  mutable std::vector<int8_t> answers;  // -1 not asked, 0 no, 1 yes
  template <class F>
  bool ask(const Document& doc, const Mention& m, F&& find) const {
    const Mention* first = doc.mentions.data();
    const std::less<const Mention*> before;
    if (before(&m, first) || !before(&m, first + doc.mentions.size())) return find(m);
    const size_t i = size_t(&m - first);
    if (answers.size() != doc.mentions.size()) answers.assign(doc.mentions.size(), -1);
    if (answers[i] < 0) answers[i] = find(m) ? 1 : 0;
    return answers[i] == 1;
  }
};

// The sentence holds a lower-case word of the list ("arrested", "disrupted"): asked through a memo,
// answered once per sentence.
inline bool sentence_has_word(const Document& doc, uint32_t sent, const WordList& list, const SentenceMemo& memo) {
  return memo.ask(doc, sent, [&](const Sentence& s) {
    for (size_t k = s.first_token; k < s.end_token; ++k)
      if (doc.tokens[k].is_all_lower && list.has(doc.tokens[k].vocab)) return true;
    return false;
  });
}

}  // namespace news
