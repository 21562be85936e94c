#include "rules/pattern_filter.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <map>
#include <queue>
#include <set>
#include <stdexcept>

namespace news {

namespace {

using StringSet = std::set<std::string>;

// How the filter reads a byte, in the text as in the patterns: letters in lower case, every
// digit as '0', every ASCII space (RE2's \s, and \v) as ' '.
unsigned char map_byte(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return static_cast<unsigned char>(c - 'A' + 'a');
  if (c >= '0' && c <= '9') return '0';
  if (c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r') return ' ';
  return c;
}

// Both sides are read as bytes through map_byte, with a run of spaces read as one space
// ("\\s+" is then exactly " ").
std::string symbols(std::string_view bytes) {
  std::string out;
  for (unsigned char c : bytes) {
    const char m = static_cast<char>(map_byte(c));
    if (m != ' ' || out.empty() || out.back() != ' ') out.push_back(m);
  }
  return out;
}

// Case-insensitive RE2 matches 'k' to U+212A KELVIN SIGN and 's' to U+017F LATIN SMALL
// LETTER LONG S, which map_byte cannot see; a text holding either runs every pattern.
const char* const kFoldTraps[] = {"\xE2\x84\xAA", "\xC5\xBF"};

constexpr size_t kMaxExact = 64;     // strings an exact set may hold before it becomes a clause
constexpr size_t kMaxPairings = 16;  // clauses an alternation may pair up

// What the reader knows of the texts a piece of pattern matches: either all of them
// (`exact`: each is one of `strings`, through map_byte), or clauses (each text contains one
// string of each clause; none: nothing is known) and how the texts begin and end (each starts
// with one of `prefix` and ends with one of `suffix`; "" among them: anyhow). Besides: whether
// a text may hold a line break, and whether it may be empty.
struct Info {
  bool exact = false;
  StringSet strings;
  std::vector<StringSet> clauses;
  StringSet prefix{""}, suffix{""};
  bool newline = false, empty = false;
};

// One character of a set not known exactly.
Info any(bool newline) {
  Info i;
  i.newline = newline;
  return i;
}
Info exact(StringSet s, bool newline = false) {
  Info i;
  i.exact = true;
  i.empty = s.count("") > 0;
  i.strings = std::move(s);
  i.newline = newline;
  return i;
}
const StringSet& starts(const Info& i) { return i.exact ? i.strings : i.prefix; }
const StringSet& ends(const Info& i) { return i.exact ? i.strings : i.suffix; }
StringSet bounded(StringSet s) { return s.size() > kMaxExact ? StringSet{""} : s; }

// Drops strings that contain another of the set: holding the shorter one is implied.
StringSet simplify(const StringSet& s) {
  if (s.count("")) return {""};
  std::vector<std::string> by_length(s.begin(), s.end());
  std::sort(by_length.begin(), by_length.end(), [](auto& a, auto& b) { return a.size() < b.size(); });
  StringSet out;
  for (const auto& x : by_length) {
    bool implied = false;
    for (const auto& y : out)
      if (x.find(y) != std::string::npos) { implied = true; break; }
    if (!implied) out.insert(x);
  }
  return out;
}

std::vector<StringSet> to_clauses(const Info& i) {
  if (!i.exact) return i.clauses;
  StringSet s = simplify(i.strings);
  if (s.empty() || s.count("")) return {};
  return {s};
}

size_t shortest(const StringSet& s) {
  size_t n = SIZE_MAX;
  for (auto& x : s) n = std::min(n, x.size());
  return n;
}

// The clause most likely to rule a text out: the longest shortest string, then the fewest strings.
const StringSet& best_clause(const std::vector<StringSet>& cs) {
  const StringSet* best = &cs.front();
  for (auto& c : cs)
    if (shortest(c) > shortest(*best) || (shortest(c) == shortest(*best) && c.size() < best->size())) best = &c;
  return *best;
}

// x then y as the filter reads them: a run of spaces is one space.
std::string join(const std::string& x, const std::string& y) {
  if (!x.empty() && !y.empty() && x.back() == ' ' && y.front() == ' ') return x + y.substr(1);
  return x + y;
}

StringSet cross(const StringSet& a, const StringSet& b) {
  StringSet out;
  for (auto& x : a)
    for (auto& y : b) out.insert(join(x, y));
  return out;
}

// x|y|...: exact while the union stays small; else the clauses every branch implies.
Info alternate(const std::vector<Info>& branches) {
  if (branches.size() == 1) return branches.front();
  bool newline = false, empty = false, all_exact = true;
  StringSet all, heads, tails;
  for (auto& b : branches) {
    newline = newline || b.newline;
    empty = empty || b.empty;
    all_exact = all_exact && b.exact;
    if (all_exact && all.size() <= kMaxExact) all.insert(b.strings.begin(), b.strings.end());
    if (heads.size() <= kMaxExact) heads.insert(starts(b).begin(), starts(b).end());
    if (tails.size() <= kMaxExact) tails.insert(ends(b).begin(), ends(b).end());
  }
  if (all_exact && all.size() <= kMaxExact) return exact(std::move(all), newline);
  Info out = any(newline);
  out.empty = empty;
  out.prefix = bounded(heads);
  out.suffix = bounded(tails);
  std::vector<std::vector<StringSet>> per_branch;
  size_t pairings = 1;
  for (auto& b : branches) {
    per_branch.push_back(to_clauses(b));
    if (per_branch.back().empty()) return out;  // a branch that implies nothing
    pairings *= per_branch.back().size();
    if (pairings > kMaxPairings) pairings = kMaxPairings + 1;
  }
  if (pairings <= kMaxPairings) {
    // Every choice of one clause per branch: their union holds whichever branch matched.
    std::vector<StringSet> acc{StringSet{}};
    for (auto& clauses : per_branch) {
      std::vector<StringSet> next;
      for (auto& a : acc)
        for (auto& c : clauses) {
          StringSet u = a;
          u.insert(c.begin(), c.end());
          next.push_back(std::move(u));
        }
      acc = std::move(next);
    }
    for (auto& c : acc) out.clauses.push_back(simplify(c));
  } else {
    StringSet u;
    for (auto& clauses : per_branch) {
      const StringSet& best = best_clause(clauses);
      u.insert(best.begin(), best.end());
    }
    out.clauses.push_back(simplify(u));
  }
  return out;
}

// x{min,max}; max < 0: no upper bound.
Info repeat(const Info& x, int min, int max) {
  const bool newline = x.newline && max != 0, empty = min == 0 || x.empty;
  if (x.exact && max != 0 && std::all_of(x.strings.begin(), x.strings.end(), [](auto& s) { return s.empty() || s == " "; })) {
    StringSet s = x.strings;  // spaces repeated are one space
    if (min == 0) s.insert("");
    return exact(std::move(s), newline);
  }
  if (x.exact) {
    if (max >= 0 && max <= 8) {
      StringSet all, power{""};
      bool small = true;
      for (int k = 0; k <= max && small; ++k) {
        if (k >= min) all.insert(power.begin(), power.end());
        if (k < max) power = cross(power, x.strings);
        small = power.size() <= kMaxExact && all.size() <= kMaxExact;
      }
      if (small) return exact(std::move(all), newline);
    }
    Info out = any(newline);
    out.empty = empty;
    if (min == 0) return out;
    StringSet power{""};
    for (int k = 0; k < min && power.size() * x.strings.size() <= kMaxExact; ++k) power = cross(power, x.strings);
    out.clauses = to_clauses(exact(power));
    out.prefix = out.suffix = x.strings;
    return out;
  }
  if (min == 0) {
    Info out = any(newline);
    out.empty = true;
    return out;
  }
  Info out = x;
  out.newline = newline;
  out.empty = empty;
  return out;
}

struct Unsupported : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A reader of the RE2 syntax the rule files use. Whatever it does not know throws
// Unsupported (the pattern then always runs, over the whole text).
class Reader {
 public:
  explicit Reader(const std::string& p) : p_(p) {}

  Info read() {
    Info i = alternation();
    if (pos_ != p_.size()) throw Unsupported("unbalanced ')'");
    return i;
  }

 private:
  const std::string& p_;
  size_t pos_ = 0;
  bool fold_case_ = false, dot_newline_ = false;

  bool at_end() const { return pos_ >= p_.size(); }
  char peek() const { return p_[pos_]; }

  Info alternation() {
    std::vector<Info> branches{sequence()};
    while (!at_end() && peek() == '|') {
      ++pos_;
      branches.push_back(sequence());
    }
    return alternate(branches);
  }

  // Consecutive exact pieces are crossed into longer strings ("q" "[1-4]" gives "q0");
  // a piece known only by clauses ends the run and adds its clauses.
  Info sequence() {
    Info out;
    StringSet run{""};  // the exact strings the text read so far ends with
    bool exact_so_far = true, have_prefix = false, newline = false, empty = true;
    auto close = [&](const StringSet& strings) {
      for (auto& c : to_clauses(exact(strings))) out.clauses.push_back(std::move(c));
    };
    while (!at_end() && peek() != '|' && peek() != ')') {
      Info piece = repeated();
      newline = newline || piece.newline;
      empty = empty && piece.empty;
      if (piece.exact && run.size() * piece.strings.size() <= kMaxExact) {
        run = cross(run, piece.strings);
        continue;
      }
      const StringSet& head = starts(piece);
      StringSet joined;
      if (run.size() * head.size() <= kMaxExact) joined = cross(run, head);
      if (!have_prefix) {
        out.prefix = joined.empty() ? run : joined;
        have_prefix = true;
      }
      exact_so_far = false;
      if (joined.empty()) {
        close(run);
        close(head);
      } else {
        close(joined);
      }
      for (auto& c : piece.clauses) out.clauses.push_back(std::move(c));
      run = ends(piece);
    }
    if (exact_so_far) return exact(std::move(run), newline);
    close(run);
    out.prefix = bounded(out.prefix);
    out.suffix = bounded(run);
    out.newline = newline;
    out.empty = empty;
    return out;
  }

  bool read_int(int& v) {
    const size_t start = pos_;
    v = 0;
    while (!at_end() && peek() >= '0' && peek() <= '9') {
      v = v * 10 + (peek() - '0');
      if (v > 100000) throw Unsupported("huge repeat");
      ++pos_;
    }
    return pos_ > start;
  }

  // {n}, {n,}, {n,m} after an atom; false (position unchanged) when the brace is a literal.
  bool counted(int& min, int& max) {
    const size_t start = pos_;
    ++pos_;  // '{'
    if (!read_int(min)) { pos_ = start; return false; }
    max = min;
    if (!at_end() && peek() == ',') {
      ++pos_;
      if (!read_int(max)) max = -1;
    }
    if (at_end() || peek() != '}') { pos_ = start; return false; }
    ++pos_;
    return true;
  }

  Info repeated() {
    Info i = atom();
    while (!at_end()) {
      int min, max;
      const char c = peek();
      if (c == '*') { min = 0; max = -1; ++pos_; }
      else if (c == '+') { min = 1; max = -1; ++pos_; }
      else if (c == '?') { min = 0; max = 1; ++pos_; }
      else if (c == '{' && counted(min, max)) {}
      else break;
      if (!at_end() && peek() == '?') ++pos_;  // lazy: the same texts
      i = repeat(i, min, max);
    }
    return i;
  }

  // One character as written (UTF-8), advancing past it.
  std::string character() {
    const auto lead = static_cast<unsigned char>(peek());
    size_t n = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    if (pos_ + n > p_.size()) throw Unsupported("cut UTF-8");
    std::string c = p_.substr(pos_, n);
    pos_ += n;
    return c;
  }

  Info literal(const std::string& c) {
    if (c.size() > 1 && fold_case_) return any(false);  // a folded non-ASCII letter has other spellings
    return exact({symbols(c)}, c == "\n");
  }

  // After a backslash outside a class.
  Info escape() {
    if (at_end()) throw Unsupported("trailing backslash");
    const char c = peek();
    ++pos_;
    switch (c) {
      case 'b': case 'B': case 'A': case 'z': return exact({""});
      case 'd': return exact({"0"});
      case 'w': case 'S': return any(false);
      case 's': return exact({" "}, true);
      case 'D': case 'W': case 'C': return any(true);
      case 'p': case 'P': skip_property(); return any(true);
      case 'x': skip_hex(); return any(true);
      case 'n': return literal("\n");
      case 't': return literal("\t");
      case 'r': return literal("\r");
      case 'f': return literal("\f");
      case 'v': return literal("\v");
      case 'a': return literal("\a");
      default: break;
    }
    if (static_cast<unsigned char>(c) < 0x80 && !std::isalnum(static_cast<unsigned char>(c))) return literal(std::string(1, c));
    throw Unsupported(std::string("escape \\") + c);
  }

  void skip_property() {
    if (at_end()) throw Unsupported("\\p");
    if (peek() == '{') {
      const size_t close = p_.find('}', pos_);
      if (close == std::string::npos) throw Unsupported("\\p{");
      pos_ = close + 1;
    } else {
      ++pos_;
    }
  }

  void skip_hex() {
    if (!at_end() && peek() == '{') {
      const size_t close = p_.find('}', pos_);
      if (close == std::string::npos) throw Unsupported("\\x{");
      pos_ = close + 1;
    } else {
      pos_ += 2;
      if (pos_ > p_.size()) throw Unsupported("\\x");
    }
  }

  // [...]: exact single characters when few, else nothing known.
  Info char_class() {
    ++pos_;  // '['
    // newline: the class may hold a line break; surely_newline: it does.
    bool negated = false, big = false, newline = false, surely_newline = false;
    if (!at_end() && peek() == '^') { negated = true; ++pos_; }
    StringSet chars;
    auto add_ascii_range = [&](unsigned char lo, unsigned char hi) {
      for (unsigned c = lo; c <= hi; ++c) {
        chars.insert(symbols(std::string(1, static_cast<char>(c))));
        if (c == '\n') newline = surely_newline = true;
      }
    };
    // One class member: a character (possibly escaped), or false for an escape standing
    // for many (then marked big, or added).
    auto member = [&](std::string& out) -> bool {
      if (peek() != '\\') {
        out = character();
        return true;
      }
      ++pos_;
      if (at_end()) throw Unsupported("trailing backslash");
      const char e = peek();
      ++pos_;
      switch (e) {
        case 'd': chars.insert("0"); return false;
        case 'w': case 'S': big = true; return false;
        case 's': chars.insert(" "); newline = surely_newline = true; return false;
        case 'D': case 'W': big = newline = surely_newline = true; return false;
        case 'p': case 'P': skip_property(); big = newline = true; return false;
        case 'x': skip_hex(); big = newline = true; return false;
        case 'n': out = "\n"; return true;
        case 't': out = "\t"; return true;
        case 'r': out = "\r"; return true;
        case 'f': out = "\f"; return true;
        case 'v': out = "\v"; return true;
        case 'a': out = "\a"; return true;
        default: break;
      }
      if (static_cast<unsigned char>(e) < 0x80 && !std::isalnum(static_cast<unsigned char>(e))) { out = std::string(1, e); return true; }
      throw Unsupported(std::string("class escape \\") + e);
    };
    bool first = true;
    while (true) {
      if (at_end()) throw Unsupported("unclosed class");
      if (peek() == ']' && !first) { ++pos_; break; }
      first = false;
      if (p_.compare(pos_, 2, "[:") == 0) {
        const size_t close = p_.find(":]", pos_ + 2);
        if (close == std::string::npos) throw Unsupported("[:");
        pos_ = close + 2;
        big = newline = true;
        continue;
      }
      std::string lo;
      if (!member(lo)) continue;
      if (!at_end() && peek() == '-' && pos_ + 1 < p_.size() && p_[pos_ + 1] != ']') {
        ++pos_;
        std::string hi;
        if (!member(hi)) throw Unsupported("range to a class");
        if (lo.size() == 1 && hi.size() == 1) add_ascii_range(static_cast<unsigned char>(lo[0]), static_cast<unsigned char>(hi[0]));
        else big = newline = true;
        continue;
      }
      if (lo.size() == 1) add_ascii_range(static_cast<unsigned char>(lo[0]), static_cast<unsigned char>(lo[0]));
      else if (fold_case_) big = true;
      else chars.insert(symbols(lo));
    }
    if (negated) return any(!surely_newline);
    if (big || chars.size() > 4) return any(newline);
    return exact(std::move(chars), newline);
  }

  Info group() {
    ++pos_;  // '('
    const bool saved_fold = fold_case_, saved_dot = dot_newline_;
    if (!at_end() && peek() == '?') {
      ++pos_;
      if (!at_end() && peek() == 'P') {
        const size_t close = p_.find('>', pos_);
        if (pos_ + 1 >= p_.size() || p_[pos_ + 1] != '<' || close == std::string::npos) throw Unsupported("(?P");
        pos_ = close + 1;
      } else {
        // Flags only ever loosen what the reader assumes: turning one off is ignored.
        bool on = true;
        while (!at_end() && peek() != ':' && peek() != ')') {
          const char f = peek();
          if (f == '-') on = false;
          else if (f == 'i') fold_case_ = fold_case_ || on;
          else if (f == 's') dot_newline_ = dot_newline_ || on;
          else if (f != 'm' && f != 'U') throw Unsupported(std::string("flag ") + f);
          ++pos_;
        }
        if (at_end()) throw Unsupported("unclosed flags");
        if (peek() == ')') {  // (?i): for the rest of the enclosing group
          ++pos_;
          return exact({""});
        }
        ++pos_;  // ':'
      }
    }
    Info i = alternation();
    if (at_end() || peek() != ')') throw Unsupported("unclosed group");
    ++pos_;
    fold_case_ = saved_fold;
    dot_newline_ = saved_dot;
    return i;
  }

  Info atom() {
    const char c = peek();
    switch (c) {
      case '(': return group();
      case '[': return char_class();
      case '\\': ++pos_; return escape();
      case '.': ++pos_; return any(dot_newline_);
      case '^': case '$': ++pos_; return exact({""});
      case '*': case '+': case '?': throw Unsupported("repeat of nothing");
      default: return literal(character());
    }
  }
};

}  // namespace

PatternFilter::Reading PatternFilter::read(const std::string& pattern) {
  Reading r;
  try {
    const Info info = Reader(pattern).read();
    r.understood = true;
    r.within_lines = !info.newline && !info.empty;
    for (auto& c : to_clauses(info)) {
      // A clause with a lone letter or space in it holds for nearly every text.
      const bool weak = std::any_of(c.begin(), c.end(), [](const std::string& a) {
        return a.size() <= 1 && (a.empty() || std::isalpha(static_cast<unsigned char>(a[0])) || std::isspace(static_cast<unsigned char>(a[0])));
      });
      if (!weak) r.clauses.emplace_back(c.begin(), c.end());
    }
    std::sort(r.clauses.begin(), r.clauses.end());
    r.clauses.erase(std::unique(r.clauses.begin(), r.clauses.end()), r.clauses.end());
  } catch (const Unsupported&) {
    r = Reading{};
  }
  return r;
}

void PatternFilter::build(const std::vector<std::string>& patterns) {
  static std::atomic<uint64_t> builds{0};
  *this = PatternFilter{};
  id_ = ++builds;
  std::vector<Reading> readings;
  for (auto& p : patterns) readings.push_back(read(p));

  // Atoms: the fold traps first, then every string of a clause.
  std::vector<std::vector<uint32_t>> clauses_of_atom;
  std::map<std::string, uint32_t> atom_ids;
  auto atom_id = [&](const std::string& s) {
    auto [it, added] = atom_ids.emplace(s, uint32_t(atoms_.size()));
    if (added) {
      atoms_.push_back(s);
      clauses_of_atom.emplace_back();
    }
    return it->second;
  };
  for (const char* t : kFoldTraps) atom_id(symbols(t));
  clause_count_.assign(patterns.size(), 0);
  for (size_t p = 0; p < patterns.size(); ++p) {
    within_lines_.push_back(readings[p].within_lines);
    for (auto& clause : readings[p].clauses) {
      const uint32_t id = uint32_t(clause_pattern_.size());
      clause_pattern_.push_back(uint32_t(p));
      ++clause_count_[p];
      for (auto& s : clause) clauses_of_atom[atom_id(s)].push_back(id);
    }
  }
  for (auto& list : clauses_of_atom) {
    atom_clause_begin_.push_back(uint32_t(atom_clauses_.size()));
    atom_clauses_.insert(atom_clauses_.end(), list.begin(), list.end());
  }
  atom_clause_begin_.push_back(uint32_t(atom_clauses_.size()));

  // Byte classes: one per byte value some atom uses (after map_byte), 0 for all others.
  uint8_t atom_class[256] = {};
  uint32_t classes = 1;
  for (auto& a : atoms_)
    for (unsigned char c : a)
      if (!atom_class[c]) atom_class[c] = uint8_t(classes++);
  if (classes > 255) throw std::runtime_error("pattern filter: too many byte classes");
  for (unsigned b = 0; b < 256; ++b) byte_class_[b] = atom_class[map_byte(static_cast<unsigned char>(b))];
  class_count_ = classes;

  // The trie, then failure links breadth first, folded into a full transition table.
  std::vector<std::vector<uint32_t>> goto_table(1, std::vector<uint32_t>(classes, UINT32_MAX));
  std::vector<std::vector<uint32_t>> outputs(1);
  for (uint32_t a = 0; a < atoms_.size(); ++a) {
    uint32_t s = 0;
    for (unsigned char c : atoms_[a]) {
      const uint8_t k = atom_class[c];
      if (goto_table[s][k] == UINT32_MAX) {
        goto_table[s][k] = uint32_t(goto_table.size());
        goto_table.emplace_back(classes, UINT32_MAX);
        outputs.emplace_back();
      }
      s = goto_table[s][k];
    }
    outputs[s].push_back(a);
  }
  std::vector<uint32_t> fail(goto_table.size(), 0);
  std::queue<uint32_t> queue;
  for (uint32_t k = 0; k < classes; ++k) {
    if (goto_table[0][k] == UINT32_MAX) goto_table[0][k] = 0;
    else queue.push(goto_table[0][k]);
  }
  while (!queue.empty()) {
    const uint32_t s = queue.front();
    queue.pop();
    const auto& inherited = outputs[fail[s]];
    outputs[s].insert(outputs[s].end(), inherited.begin(), inherited.end());
    for (uint32_t k = 0; k < classes; ++k) {
      const uint32_t t = goto_table[s][k];
      if (t == UINT32_MAX) {
        goto_table[s][k] = goto_table[fail[s]][k];
      } else {
        fail[t] = goto_table[fail[s]][k];
        queue.push(t);
      }
    }
  }
  for (auto& a : atoms_) longest_atom_ = std::max(longest_atom_, a.size());

  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(256 << 20);
  whole_set_ = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
  for (size_t p = 0; p < patterns.size() && whole_set_; ++p) {
    if (line_by_line(p)) continue;
    if (whole_set_->Add(patterns[p], nullptr) < 0) whole_set_.reset();
    else whole_set_pattern_.push_back(int(p));
  }
  if (whole_set_ && (whole_set_pattern_.size() < 2 || !whole_set_->Compile())) whole_set_.reset();
  if (uint64_t(goto_table.size()) * classes >= kHasOutput) throw std::runtime_error("pattern filter: automaton too large");
  // Entries are the target's row offset, flagged when atoms end there.
  next_.reserve(goto_table.size() * classes);
  for (auto& row : goto_table)
    for (uint32_t t : row) next_.push_back(t * classes | (outputs[t].empty() ? 0 : kHasOutput));
  for (auto& out : outputs) {
    output_begin_.push_back(uint32_t(output_atoms_.size()));
    output_atoms_.insert(output_atoms_.end(), out.begin(), out.end());
  }
  output_begin_.push_back(uint32_t(output_atoms_.size()));
}

// Every occurrence of an atom in `text`: (position of its last byte, atom), sorted by position.
// The automaton's table lookups are a chain of dependent loads, so a long text is read as four
// interleaved pieces; each piece reads on past its end until any atom begun in it is complete.
void PatternFilter::find_atoms(std::string_view text, std::vector<Hit>& hits) const {
  hits.clear();
  const uint32_t* next = next_.data();
  const uint8_t* byte_class = byte_class_;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const uint8_t space = byte_class[static_cast<unsigned char>(' ')];
  auto emit = [&](uint32_t row, size_t pos) {
    const uint32_t state = row / class_count_;
    for (uint32_t o = output_begin_[state]; o < output_begin_[state + 1]; ++o) hits.push_back({uint32_t(pos), output_atoms_[o]});
  };
  // One byte; false when it is not read (a space right after a space: a run of spaces is one).
  auto step = [&](uint32_t& row, size_t pos) {
    const uint8_t c = byte_class[bytes[pos]];
    if (c == space && pos > 0 && byte_class[bytes[pos - 1]] == space) return false;
    const uint32_t t = next[row + c];
    row = t & ~kHasOutput;
    if (t & kHasOutput) [[unlikely]] emit(row, pos);
    return true;
  };
  constexpr size_t kWays = 4;
  const size_t n = text.size();
  size_t begin[kWays], end[kWays];
  uint32_t row[kWays] = {};
  const size_t ways = n < 64 * kWays ? 1 : kWays;
  for (size_t k = 0; k < ways; ++k) {
    begin[k] = n * k / ways;
    end[k] = n * (k + 1) / ways;
  }
  size_t common = SIZE_MAX;
  for (size_t k = 0; k < ways; ++k) common = std::min(common, end[k] - begin[k]);
  if (ways == kWays)
    for (size_t i = 0; i < common; ++i)
      for (size_t k = 0; k < kWays; ++k) step(row[k], begin[k] + i);
  else
    common = 0;
  for (size_t k = 0; k < ways; ++k) {
    size_t pos = begin[k] + common;
    for (; pos < end[k]; ++pos) step(row[k], pos);
    for (size_t read = 0; read < longest_atom_ && pos < n; ++pos) read += step(row[k], pos);
  }
  if (ways > 1) std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.pos < b.pos; });
}

PatternFilter::Scratch& PatternFilter::scratch() const {
  thread_local std::vector<Scratch> scratches;
  for (auto& s : scratches)
    if (s.owner == id_) return s;
  if (scratches.size() >= 8) scratches.clear();  // rule sets loaded and dropped (tests)
  Scratch& sc = scratches.emplace_back();
  sc.owner = id_;
  sc.atom_seen.assign(atoms_.size(), 0);
  sc.clause_seen.assign(clause_pattern_.size(), 0);
  sc.pattern_stamp.assign(clause_count_.size(), 0);
  sc.pattern_hits.assign(clause_count_.size(), 0);
  return sc;
}

// The patterns whose clauses all hold for hits [first, last); appends to `out`.
void PatternFilter::evaluate(Scratch& sc, const Hit* first, const Hit* last, std::vector<int>& out) const {
  if (++sc.stamp == 0) {  // wrapped: clear once
    std::fill(sc.atom_seen.begin(), sc.atom_seen.end(), 0);
    std::fill(sc.clause_seen.begin(), sc.clause_seen.end(), 0);
    std::fill(sc.pattern_stamp.begin(), sc.pattern_stamp.end(), 0);
    sc.stamp = 1;
  }
  const uint32_t stamp = sc.stamp;
  bool trapped = false;
  for (const Hit* h = first; h != last; ++h) {
    const uint32_t atom = h->atom;
    if (sc.atom_seen[atom] == stamp) continue;
    sc.atom_seen[atom] = stamp;
    if (atom < std::size(kFoldTraps)) trapped = true;
    for (uint32_t i = atom_clause_begin_[atom]; i < atom_clause_begin_[atom + 1]; ++i) {
      const uint32_t clause = atom_clauses_[i];
      if (sc.clause_seen[clause] == stamp) continue;
      sc.clause_seen[clause] = stamp;
      const uint32_t p = clause_pattern_[clause];
      if (sc.pattern_stamp[p] != stamp) {
        sc.pattern_stamp[p] = stamp;
        sc.pattern_hits[p] = 0;
      }
      ++sc.pattern_hits[p];
    }
  }
  for (size_t p = 0; p < clause_count_.size(); ++p) {
    const uint32_t hits = sc.pattern_stamp[p] == stamp ? sc.pattern_hits[p] : 0;
    if (trapped || hits == clause_count_[p]) out.push_back(int(p));
  }
}

void PatternFilter::candidates(std::string_view text, std::vector<int>& out) const {
  out.clear();
  Scratch& sc = scratch();
  find_atoms(text, sc.hits);
  evaluate(sc, sc.hits.data(), sc.hits.data() + sc.hits.size(), out);
}

void PatternFilter::candidates_by_line(std::string_view text, ByLine& out) const {
  out.whole.clear();
  out.line_start.clear();
  out.line_begin.clear();
  out.line_which.clear();
  Scratch& sc = scratch();
  find_atoms(text, sc.hits);
  const Hit* hits = sc.hits.data();
  const Hit* hits_end = hits + sc.hits.size();
  evaluate(sc, hits, hits_end, out.whole);
  size_t whole_mode = 0;
  for (int p : out.whole) whole_mode += !line_by_line(size_t(p));
  if (whole_mode >= 2 && whole_set_) {
    std::vector<int> matched;
    RE2::Set::ErrorInfo error{};
    const bool any = whole_set_->Match(re2::StringPiece(text.data(), text.size()), &matched, &error);
    if (any || error.kind == RE2::Set::kNoError) {  // out of memory: keep them all
      for (int& m : matched) m = whole_set_pattern_[size_t(m)];
      std::sort(matched.begin(), matched.end());
      std::erase_if(out.whole, [&](int p) { return !line_by_line(size_t(p)) && !std::binary_search(matched.begin(), matched.end(), p); });
    }
  }
  const Hit* h = hits;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    const Hit* line_first = h;
    while (h != hits_end && h->pos < end) ++h;
    out.line_start.push_back(uint32_t(start));
    out.line_begin.push_back(uint32_t(out.line_which.size()));
    evaluate(sc, line_first, h, out.line_which);
    start = end;
  }
  out.line_start.push_back(uint32_t(text.size()));
  out.line_begin.push_back(uint32_t(out.line_which.size()));
}

}  // namespace news
