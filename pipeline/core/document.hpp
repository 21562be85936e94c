// The document that flows through the pipeline stages, one direction:
//
//   Article article = ...;                  // from a reader
//   Document doc(std::move(article), options);
//   normalise(doc); segment(doc); extract...(doc); resolve(doc); aggregate(doc);
//
// Every stage adds a layer and never removes what an earlier stage wrote.
// A Document is owned by one worker thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/calendar.hpp"
#include "core/offsets.hpp"

namespace news {

struct Error {
  std::string code;     // stable, machine-readable: "invalid-json", "invalid-utf8", ...
  std::string message;  // for people
};

// An input article as a reader produced it; `text` is the original body.
struct Article {
  std::string id;
  std::string title;
  std::string published_raw;  // as given in the input; empty when absent
  std::string text;
  nlohmann::ordered_json meta = nlohmann::ordered_json::object();
  std::vector<Error> errors;  // reader errors: the article is not processed
  std::vector<std::string> warnings;
  std::string duplicate_of;  // id of the same story seen earlier in the run: not processed again
};

enum class MentionType : uint8_t { Actor, Operation, Country, Sector, Date, Tool };
const char* to_string(MentionType t);

// Where a rule lives: the file (index into RuleSet::files) and its line.
struct RuleRef {
  uint32_t file = 0;
  uint32_t line = 0;
};

// A line of the text left out as not the story (a byline, a promotion of another story), and the
// rule that said so: bytes of Document::norm, which holds spaces in its place.
struct SkippedLine {
  uint32_t start = 0, end = 0;
  RuleRef rule;
};

// A token over the normalised text (byte offsets into Document::norm).
struct Token {
  uint32_t start = 0, end = 0;
  uint32_t vocab = 0;        // id of the folded form in the rule vocabulary, 0 = unknown
  uint32_t sentence = 0;
  uint8_t is_word : 1 = 0;   // letters or digits
  uint8_t is_digit : 1 = 0;  // digits only
  uint8_t is_upper_initial : 1 = 0;
  uint8_t is_all_lower : 1 = 0;  // letters present and none upper-case
  uint8_t is_all_upper : 1 = 0;
  uint8_t space_before : 1 = 0;
};

struct Sentence {
  uint32_t start = 0, end = 0;          // bytes in norm
  uint32_t first_token = 0, end_token = 0;
};

// A date value before and after resolution against the anchor.
struct DateValue {
  std::string type;   // DATE, TIME, DURATION, SET
  std::string value;  // TIMEX3; empty when unknown (no anchor)
  std::string mod;    // START, MID, END, APPROX, MORE_THAN, LESS_THAN, ...
  bool anchored = false;  // the value depends on the publication date
};

// The date part of a candidate, apart: only dates have one, and a candidate that carries none
// is 96 bytes smaller (a huge article makes hundreds of thousands of candidates, and the
// evidence stage holds two vectors of them at once). Reads of a candidate without one see an
// empty DateValue; a write makes one. Copies are deep, as a member DateValue's were.
class DateBox {
 public:
  DateBox() = default;
  DateBox(const DateBox& o) : p_(o.p_ ? std::make_unique<DateValue>(*o.p_) : nullptr) {}
  DateBox(DateBox&&) noexcept = default;
  DateBox& operator=(const DateBox& o) {
    if (this != &o) p_ = o.p_ ? std::make_unique<DateValue>(*o.p_) : nullptr;
    return *this;
  }
  DateBox& operator=(DateBox&&) noexcept = default;
  DateBox& operator=(DateValue v) {
    p_ = std::make_unique<DateValue>(std::move(v));
    return *this;
  }
  const DateValue* operator->() const { return p_ ? p_.get() : &empty(); }
  DateValue* operator->() {
    if (!p_) p_ = std::make_unique<DateValue>();
    return p_.get();
  }

 private:
  static const DateValue& empty() {
    static const DateValue e;
    return e;
  }
  std::unique_ptr<DateValue> p_;
};

// A candidate mention, as an extractor found it, before overlaps are settled.
// (Members ordered for size: the flags together, the strings after.)
struct Candidate {
  MentionType type = MentionType::Actor;
  bool ambiguous = false;       // needs evidence before it counts
  bool role_by_default = false;  // countries: a mention only because no rule read a role (not "a researcher in Canada")
  bool suspect_nationality = false;  // countries: an attribution read from a charged suspect's nationality ("a Ukrainian man charged")
  bool dateline_place = false;  // countries: named by the dateline ("MANILA —"), where a city is only the reporter's place
  uint32_t start = 0, end = 0;  // bytes in norm
  int priority = 0;
  RuleRef rule;
  uint32_t entry = UINT32_MAX;  // index of the knowledge entry (actor, country, ...), if any
  uint32_t form = UINT32_MAX;   // index of the gazetteer form that matched, if any
  int range_with = -1;   // dates: index (in mentions) of the other end of a range
  std::string value;     // canonical name, ISO code, STIX term or TIMEX3 value
  std::string cue;       // why an ambiguous form was accepted, for --explain
  DateBox date;          // for dates
  std::string role;      // countries: target / attribution / mention
  std::string kind;      // actors: threat-group, security-vendor, ..., person
  std::string link;      // people: the organisation the text ties them to ("a researcher at ESET")
  std::string country;   // actors found by their syntax: the country their name holds ("Port of Lisbon": PT)
};

struct Mention : Candidate {
  std::vector<Candidate> beaten;  // overlapping candidates that lost
};

// Who did what to whom, read from one sentence (SCHEMA: relations).
struct Relation {
  std::string type;                      // attributed-to, targets, reported-by, uses
  std::string source, source_type;       // canonical name / ISO code / STIX term; actor, operation, ...
  std::string target, target_type;
  uint32_t sentence = 0;                 // index of the sentence that says so
  uint32_t evidence_start = 0, evidence_end = 0;  // bytes in norm: the sentence
  std::string cue;                       // what in the sentence made the link (--explain)
};

// Which rule patterns may match on which lines of the body, as PatternLines (rules/ruleset.hpp)
// finds them: a stage of its own finds them for a whole group of documents before the stage that
// runs the patterns, so that neither evicts the other's RE2 states from the cache between documents.
struct LinePatterns {
  std::vector<std::pair<uint32_t, uint32_t>> lines;  // [start, end) in norm, each with its "\n"
  std::vector<std::pair<int, uint32_t>> hits;        // (pattern, line), in order of pattern, then line
  bool found = false;
};

// Options that change what a run produces (CLI flags end up here).
struct ExtractOptions {
  bool explain = false;
  bool day_first = false;        // 03/12/2018 is 3 December
  size_t max_mentions = 5000;    // per article; more are dropped with a warning
  std::optional<CivilDate> default_anchor;
  bool keep_text = false;        // the record carries the article's text (offsets refer to it)
};

class Document {
 public:
  Document(Article a, const ExtractOptions& o) : article(std::move(a)), options(o) {}

  Article article;
  ExtractOptions options;  // a copy: a document outlives the pipeline that made it (tests, explain)
  std::optional<CivilDate> anchor;  // publication date, when known

  // The body, and the title as a separate text; both go through the stages.
  std::string norm;        // NFC-normalised UTF-8 of title + "\n\n" + text
  OffsetMap offsets;       // body bytes (norm - body_start) -> code points of the original text
  OffsetMap title_offsets; // title bytes -> code points of the original title
  uint32_t body_start = 0; // byte in norm where the body begins

  std::vector<Token> tokens;
  // Every token case-folded (the form the vocabulary is keyed by), back to back: token i is
  // folded[folded_start[i] .. folded_start[i + 1]). Stages compare words through this.
  std::string folded;
  std::vector<uint32_t> folded_start;
  // For every kTokenBlock bytes of norm, the first token starting in or after them: finding
  // the token at a byte is a look-up and a short scan instead of a binary search (stages ask
  // it for every mention, many times). Empty until segmentation.
  static constexpr uint32_t kTokenBlock = 16;
  std::vector<uint32_t> token_block;
  std::vector<Sentence> sentences;
  std::vector<uint16_t> cue_bits;  // per token: bit i set when the token is part of a cue of list i
  // Per sentence and cue list: the first token of the sentence carrying that cue, or UINT32_MAX.
  // Lets every stage ask "does this sentence (before token t) have a cue" in constant time.
  std::vector<uint32_t> sentence_first_cue;
  static constexpr int kCueLists = 16;
  int cyber_score = 0;             // distinct cyber-context terms found in the article
  int cyber_strong = 0;            // ... of which not everyday words (rules/context/weak-cyber-terms.txt)
  std::vector<uint8_t> strong_cyber_sentence;  // per sentence: holds a cyber term that is no everyday word
  LinePatterns name_lines;         // the name patterns' (rules/names) lines, for find_names

  std::vector<SkippedLine> skipped;  // lines of the text that are not the story, in text order
  std::vector<uint32_t> list_items;  // bytes in norm where the text of a bulleted or numbered line begins (its marker blanked), in order
  std::vector<Candidate> candidates;
  std::vector<Mention> mentions;  // after overlap resolution, in text order
  std::vector<Relation> relations;
  std::vector<Error> errors;
  std::vector<std::string> warnings;

  std::string_view span(uint32_t s, uint32_t e) const { return std::string_view(norm).substr(s, e - s); }
  std::string_view token_text(const Token& t) const { return span(t.start, t.end); }
  // The folded form of token i ("" past the end).
  // (Asked for every word by every stage: inline, with no bounds check beyond the one here;
  // segmentation writes folded_start ascending and ending at folded.size().)
  [[gnu::always_inline]] std::string_view folded_token(size_t i) const {
    if (i + 1 >= folded_start.size()) return {};
    return {folded.data() + folded_start[i], size_t(folded_start[i + 1] - folded_start[i])};
  }
  // Index of the first token starting at or after byte b.
  size_t token_at_or_after(uint32_t b) const {
    if (b / kTokenBlock >= token_block.size()) return tokens.size();  // past the text, or not segmented
    size_t i = token_block[b / kTokenBlock];
    while (i < tokens.size() && tokens[i].start < b) ++i;
    return i;
  }
  // Index of the token that ends exactly at byte b, or npos. Tokens are ordered and never
  // overlap: the one ending at b is the last one starting before b.
  size_t token_ending_at(uint32_t b) const {
    const size_t next = token_at_or_after(b);
    return next > 0 && tokens[next - 1].end == b ? next - 1 : std::string::npos;
  }
  size_t token_starting_at(uint32_t b) const {
    const size_t i = token_at_or_after(b);
    return i < tokens.size() && tokens[i].start == b ? i : std::string::npos;
  }
  // Sets flags[k] for the tokens of the mention starting at byte `start` (flags sized to the tokens).
  void mark_tokens(uint32_t start, uint32_t end, std::vector<bool>& flags) const {
    for (size_t k = token_starting_at(start); k < tokens.size() && tokens[k].start < end; ++k) flags[k] = true;
  }
  // The end of the capitalised phrase starting at token i: tokens `capital` accepts, with "of",
  // "and", "for" or "the" inside before another one ("Ministry of Foreign Affairs and International
  // Cooperation"), within the sentence, at most `most` tokens.
  template <class Capital>
  size_t capitalised_phrase_end(size_t i, Capital capital, size_t most) const {
    auto inner = [&](size_t k) { const auto w = folded_token(k); return w == "of" || w == "and" || w == "for" || w == "the"; };
    size_t e = i + 1;
    while (e < tokens.size() && tokens[e].sentence == tokens[i].sentence && e - i < most &&
           (capital(e) || (inner(e) && e + 1 < tokens.size() && capital(e + 1))))
      e += capital(e) ? 1 : 2;
    return e;
  }
  bool has_cue(size_t token, int list) const { return token < cue_bits.size() && (cue_bits[token] >> list) & 1; }
  uint32_t first_cue_in_sentence(uint32_t sentence, int list) const {
    const size_t i = size_t(sentence) * kCueLists + size_t(list);
    return i < sentence_first_cue.size() ? sentence_first_cue[i] : UINT32_MAX;
  }
  bool sentence_has_cue(uint32_t sentence, int list) const { return first_cue_in_sentence(sentence, list) != UINT32_MAX; }
  // A cue of `list` in the sentence of token t, before t.
  bool cue_before_in_sentence(size_t t, int list) const {
    return t < tokens.size() && first_cue_in_sentence(tokens[t].sentence, list) < t;
  }
  bool in_title(uint32_t b) const { return b < body_start; }
};

}  // namespace news
