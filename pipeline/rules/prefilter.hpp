#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

namespace news {

// The atoms of one line, as AtomMatcher finds them.
struct LineAtoms {
  std::vector<int> atoms;         // each once
  bool every_atom = false;        // a character was met whose case RE2 may fold otherwise
  std::vector<uint32_t> seen;     // per atom: 1 + the number of the line it was last found on
  uint32_t line = 0;
};

// The literal strings ("atoms") of a FilteredRE2, found in one pass over a text: an
// Aho-Corasick automaton over bytes, the text lower-cased as it is read (as the atoms are).
class AtomMatcher {
 public:
  explicit AtomMatcher(const std::vector<std::string>& atoms);
  // The atoms of the line text[start ...], up to and with its "\n" (or to the end): the offset past
  // it. Each line is scanned afresh, so no atom is found across two.
  size_t scan_line(std::string_view text, size_t start, LineAtoms& out) const;

 private:
  uint32_t feed(uint32_t state, unsigned char byte, LineAtoms& out) const;

  size_t atom_count_ = 0;
  uint32_t classes_ = 1;             // byte classes: 0 for the bytes no atom holds
  std::array<uint8_t, 256> class_of_{};
  std::vector<uint32_t> next_;       // state * classes_ + class -> state
  std::vector<uint32_t> out_start_;  // atoms ending at state s: out_[out_start_[s] .. out_start_[s + 1])
  std::vector<uint32_t> out_;
};

// Which of a list of RE2 patterns may match a text, without running them. RE2's FilteredRE2
// reduces each pattern to the atoms any match must hold ("typhoon", "ransomware", "calls itself"),
// and one pass of AtomMatcher finds those present. An RE2::Set answers exactly for the patterns
// with no atom ("TA\d{3,4}") and for those a short atom sets off ("rat", "apt"). The answer may
// list patterns that do not match; it never leaves out one that does.
// (One RE2::Set over all the patterns answers exactly, but its DFA is built state by state as new
// text comes: 3-10 MB/s over articles it has not seen, which in a day of news is all of them.)
class PatternFilter {
 public:
  // nullptr when RE2 refuses a pattern or there is none: the caller then runs every pattern.
  static std::unique_ptr<PatternFilter> build(const std::vector<std::string>& patterns);
  // For each line [start, end) of text, with its "\n", from the line holding `from`: line(start,
  // end, which), `which` the ascending indexes of the patterns that may match the line.
  template <class Line>
  void by_line(std::string_view text, size_t from, Line&& line) const {
    thread_local std::vector<int> which;
    size_t start = from;
    while (start > 0 && text[start - 1] != '\n') --start;
    do {
      LineAtoms& found = next_line();
      const size_t end = atoms_->scan_line(text, start, found);
      answer(text.substr(start, end - start), found, which);
      line(start, end, which);
      start = end;
    } while (start < text.size());
  }

 private:
  PatternFilter() = default;
  // This thread's LineAtoms, emptied for the next line.
  static LineAtoms& next_line();
  void answer(std::string_view text, const LineAtoms& found, std::vector<int>& which) const;

  size_t count_ = 0;
  std::unique_ptr<re2::FilteredRE2> filter_;
  std::unique_ptr<AtomMatcher> atoms_;
  std::vector<int> exact_;              // the patterns the set answers for, ascending
  std::vector<bool> in_exact_;          // by pattern: among them
  std::unique_ptr<RE2::Set> exact_set_;  // over exact_, in that order
  std::vector<int> exact_blank_;        // what it finds on "\n" alone (a third of all lines are blank)
};

}  // namespace news
