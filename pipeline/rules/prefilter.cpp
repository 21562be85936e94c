#include "rules/prefilter.hpp"

#include <algorithm>
#include <deque>
#include <limits>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace news {

AtomMatcher::AtomMatcher(const std::vector<std::string>& atoms) : atom_count_(atoms.size()) {
  for (const auto& a : atoms)
    for (unsigned char b : a)
      if (!class_of_[b]) class_of_[b] = uint8_t(classes_++);
  constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
  std::vector<std::vector<uint32_t>> ends(1);  // per state: the atoms that end there
  next_.assign(classes_, kNone);
  for (uint32_t id = 0; id < atoms.size(); ++id) {
    uint32_t state = 0;
    for (unsigned char b : atoms[id]) {
      uint32_t& to = next_[state * classes_ + class_of_[b]];
      if (to == kNone) {
        to = uint32_t(ends.size());
        ends.emplace_back();
        next_.resize(next_.size() + classes_, kNone);  // invalidates `to`: not used after
      }
      state = next_[state * classes_ + class_of_[b]];
    }
    ends[state].push_back(id);
  }
  // Breadth first: a state's failure state (its longest proper suffix that is a state) is done
  // before it, so its missing moves and its atoms can be borrowed from there.
  std::vector<uint32_t> fail(ends.size(), 0);
  std::vector<uint32_t> order;
  std::deque<uint32_t> queue;
  for (uint32_t c = 0; c < classes_; ++c) {
    uint32_t& to = next_[c];
    if (to == kNone) to = 0;
    else queue.push_back(to);
  }
  while (!queue.empty()) {
    const uint32_t s = queue.front();
    queue.pop_front();
    order.push_back(s);
    for (uint32_t c = 0; c < classes_; ++c) {
      uint32_t& to = next_[s * classes_ + c];
      if (to == kNone) {
        to = next_[fail[s] * classes_ + c];
      } else {
        fail[to] = next_[fail[s] * classes_ + c];
        queue.push_back(to);
      }
    }
  }
  std::vector<std::vector<uint32_t>> all(ends.size());
  all[0] = ends[0];
  for (uint32_t s : order) {
    all[s] = ends[s];
    all[s].insert(all[s].end(), all[fail[s]].begin(), all[fail[s]].end());
  }
  out_start_.push_back(0);
  for (const auto& atoms_here : all) {
    out_.insert(out_.end(), atoms_here.begin(), atoms_here.end());
    out_start_.push_back(uint32_t(out_.size()));
  }
}

uint32_t AtomMatcher::feed(uint32_t state, unsigned char byte, LineAtoms& out) const {
  state = next_[state * classes_ + class_of_[byte]];
  for (uint32_t k = out_start_[state]; k < out_start_[state + 1]; ++k) {
    const uint32_t atom = out_[k];
    if (out.seen[atom] != out.line) {
      out.seen[atom] = out.line;
      out.atoms.push_back(int(atom));
    }
  }
  return state;
}

size_t AtomMatcher::scan_line(std::string_view text, size_t start, LineAtoms& out) const {
  if (out.seen.size() < atom_count_) out.seen.resize(atom_count_, 0);
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  uint32_t state = 0;
  size_t i = start;
  while (i < n) {
    const unsigned char b = p[i];
    if (b < 0x80) {
      state = feed(state, (b >= 'A' && b <= 'Z') ? b + ('a' - 'A') : b, out);
      ++i;
      if (b == '\n') break;
      continue;
    }
    const size_t at = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {  // not UTF-8: the bytes as they are
      for (size_t k = at; k < i; ++k) state = feed(state, p[k], out);
      continue;
    }
    const UChar32 lower = u_tolower(c);
    // RE2 lower-cases the atoms by its own tables; where a character's lower case is not its case
    // fold ("ſ" folds to "s", "İ" lowers to "i"), the two may disagree: every atom may be there.
    if (u_foldCase(c, U_FOLD_CASE_DEFAULT) != lower) out.every_atom = true;
    uint8_t buf[U8_MAX_LENGTH];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, lower);
    for (int32_t k = 0; k < len; ++k) state = feed(state, buf[k], out);
  }
  return i;
}

std::unique_ptr<PatternFilter> PatternFilter::build(const std::vector<std::string>& patterns) {
  if (patterns.empty()) return nullptr;
  std::unique_ptr<PatternFilter> f(new PatternFilter);
  f->count_ = patterns.size();
  // Atoms of fewer than three bytes ("ta", "20") are dropped: a pattern held only by such has none.
  f->filter_ = std::make_unique<re2::FilteredRE2>(3);
  // (the budget the rules' own patterns compile with: a long {list} in a user's pattern that RE2's
  // default 8 MB refuses would leave every pattern to run on every line)
  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(64 << 20);
  for (const auto& p : patterns) {
    int id = 0;
    if (f->filter_->Add(p, o, &id) != RE2::NoError) return nullptr;
  }
  std::vector<std::string> atoms;
  f->filter_->Compile(&atoms);
  f->atoms_ = std::make_unique<AtomMatcher>(atoms);
  // The exact set answers for the patterns with no atom, and for those that one atom of three
  // bytes sets off ("rat", "apt", "of "): inside too many words to rule out a line.
  f->filter_->AllPotentials({}, &f->exact_);
  for (size_t atom = 0; atom < atoms.size(); ++atom) {
    if (atoms[atom].size() > 3) continue;
    std::vector<int> set_off;
    f->filter_->AllPotentials({int(atom)}, &set_off);
    f->exact_.insert(f->exact_.end(), set_off.begin(), set_off.end());
  }
  std::sort(f->exact_.begin(), f->exact_.end());
  f->exact_.erase(std::unique(f->exact_.begin(), f->exact_.end()), f->exact_.end());
  f->in_exact_.assign(patterns.size(), false);
  for (int p : f->exact_) f->in_exact_[size_t(p)] = true;
  if (!f->exact_.empty()) {
    o.set_max_mem(256 << 20);
    f->exact_set_ = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
    for (int p : f->exact_)
      if (f->exact_set_->Add(patterns[size_t(p)], nullptr) < 0) return nullptr;
    if (!f->exact_set_->Compile()) return nullptr;
    std::vector<int> blank;
    f->exact_set_->Match(re2::StringPiece("\n", 1), &blank);
    for (int k : blank) f->exact_blank_.push_back(f->exact_[size_t(k)]);
    std::sort(f->exact_blank_.begin(), f->exact_blank_.end());
  }
  return f;
}

LineAtoms& PatternFilter::next_line() {
  thread_local LineAtoms found;
  if (++found.line == 0) {  // the stamps wrapped around: start them afresh
    std::fill(found.seen.begin(), found.seen.end(), 0);
    found.line = 1;
  }
  found.atoms.clear();
  found.every_atom = false;
  return found;
}

void PatternFilter::answer(std::string_view text, const LineAtoms& found, std::vector<int>& which) const {
  which.clear();
  if (found.every_atom) {
    for (size_t p = 0; p < count_; ++p) which.push_back(int(p));
    return;
  }
  if (!found.atoms.empty()) {
    thread_local std::vector<int> set_off;
    filter_->AllPotentials(found.atoms, &set_off);
    for (int p : set_off)
      if (!in_exact_[size_t(p)]) which.push_back(p);
  }
  if (!exact_set_) return;
  if (text.size() == 1 && text[0] == '\n') {
    which.insert(which.end(), exact_blank_.begin(), exact_blank_.end());
  } else {
    thread_local std::vector<int> exact;
    if (exact_set_->Match(re2::StringPiece(text.data(), text.size()), &exact))
      for (int k : exact) which.push_back(exact_[size_t(k)]);
  }
  std::sort(which.begin(), which.end());
}

}  // namespace news
