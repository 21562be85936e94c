// Which of a list of RE2 patterns can match a text, found without running them.
//
// At load, every pattern is read into clauses of literal strings: any text the pattern
// matches contains at least one string of each clause ("(?i:last|next)\s+(?i:week)\w*\s+on"
// gives {"last week", "next week"} and {" on"}; "(?:1[6-9]|20)\d\d" gives {"0000"}). Strings
// are compared with ASCII letters lower-cased, every ASCII digit read as '0' and every run of
// ASCII spaces as one ' ', in the text as in the pattern. One Aho-Corasick pass over the text finds the strings
// it holds; a pattern with a clause that does not hold cannot match and is skipped. A pattern
// the reader does not understand gets no clause and always runs, so the filter only ever
// skips patterns that could not have matched: the matches found are those of running every
// pattern.
//
//   PatternFilter f;
//   f.build({"\\bOperation [A-Z]\\w+", "(?i)\\bQ[1-4]\\b"});
//   std::vector<int> which;
//   f.candidates("In Q3 ...", which);  // {1}
//
// Thread safety: after build(), candidates() may be called from any number of threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/set.h>

namespace news {

class PatternFilter {
 public:
  void build(const std::vector<std::string>& patterns);
  // Indexes (ascending) of the patterns that may match `text`.
  void candidates(std::string_view text, std::vector<int>& out) const;

  // The same for the whole text and for each line of it (ending after its '\n'), in one pass.
  // When several patterns that are not line_by_line() remain for the whole text, an RE2::Set
  // over them tells exactly which match (cheaper than running each over the whole text).
  struct ByLine {
    std::vector<int> whole;
    std::vector<uint32_t> line_start;  // lines + 1 entries; the last is the text's size
    std::vector<uint32_t> line_begin;  // lines + 1 entries: line i's candidates are
    std::vector<int> line_which;       // line_which[line_begin[i] .. line_begin[i + 1])
    size_t lines() const { return line_start.size() - 1; }
  };
  void candidates_by_line(std::string_view text, ByLine& out) const;
  // True when no match of the pattern holds a line break or is empty, so that looking for it
  // line by line (with the whole text as context) finds the same matches, and when it has
  // clauses to rule lines out: then it is better run only over the lines it may match.
  bool line_by_line(size_t pattern) const { return within_lines_[pattern] && clause_count_[pattern] > 0; }

  size_t size() const { return clause_count_.size(); }

  // What the reader makes of one pattern.
  struct Reading {
    bool understood = false;  // false: no clause, and not within lines
    bool within_lines = false;
    std::vector<std::vector<std::string>> clauses;
  };
  static Reading read(const std::string& pattern);

 private:
  static constexpr uint32_t kHasOutput = 0x80000000u;
  struct Hit {
    uint32_t pos, atom;
  };
  struct Scratch {
    uint64_t owner = 0;
    uint32_t stamp = 0;
    std::vector<uint32_t> atom_seen, clause_seen, pattern_stamp, pattern_hits;  // stamped
    std::vector<Hit> hits;
  };
  void find_atoms(std::string_view text, std::vector<Hit>& hits) const;
  Scratch& scratch() const;  // this thread's, for this filter
  void evaluate(Scratch& sc, const Hit* first, const Hit* last, std::vector<int>& out) const;
  size_t longest_atom_ = 0;
  uint64_t id_ = 0;  // unique per build(), keys the per-thread scratch
  std::unique_ptr<RE2::Set> whole_set_;  // over the patterns not line_by_line()
  std::vector<int> whole_set_pattern_;   // Set index -> pattern
  std::vector<bool> within_lines_;
  // The automaton over byte classes; row 0 is the root.
  uint8_t byte_class_[256] = {};
  uint32_t class_count_ = 1;
  std::vector<uint32_t> next_;           // row + class -> target row | kHasOutput
  std::vector<uint32_t> output_begin_;   // state -> range in output_atoms_ (atoms ending there)
  std::vector<uint32_t> output_atoms_;
  std::vector<std::string> atoms_;
  std::vector<uint32_t> atom_clause_begin_;  // atom -> range in atom_clauses_
  std::vector<uint32_t> atom_clauses_;
  std::vector<uint32_t> clause_pattern_;     // clause -> pattern
  std::vector<uint32_t> clause_count_;       // pattern -> number of clauses
};

}  // namespace news
