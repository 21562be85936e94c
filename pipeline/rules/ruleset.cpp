#include "rules/ruleset.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <filesystem>
#include <functional>
#include <future>
#include <set>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "core/text.hpp"
#include "extract/dates/resolvers.hpp"

namespace news {

namespace fs = std::filesystem;

const std::array<const char*, 34> kStixSectors = {
    "agriculture", "aerospace", "automotive", "chemical", "commercial", "communications", "construction",
    "defense", "education", "emergency-services", "energy", "entertainment", "financial-services",
    "government", "government-national", "government-regional", "government-local",
    "government-public-services", "healthcare", "hospitality-leisure", "infrastructure", "dams", "nuclear",
    "water", "insurance", "manufacturing", "mining", "non-profit", "pharmaceuticals", "retail", "technology",
    "telecommunications", "transportation", "utilities"};

std::vector<int> patterns_that_may_match(const RE2::Set* set, size_t pattern_count, const re2::StringPiece& text) {
  std::vector<int> which;
  patterns_that_may_match(set, pattern_count, text, which);
  return which;
}

void patterns_that_may_match(const RE2::Set* set, size_t pattern_count, const re2::StringPiece& text, std::vector<int>& which) {
  which.clear();
  if (!set) {
    for (size_t i = 0; i < pattern_count; ++i) which.push_back(int(i));
    return;
  }
  if (set->Match(text, &which)) std::sort(which.begin(), which.end());
  else which.clear();
}

namespace {

// The code point of the UTF-8 character at p[i], moving i past it (a stray byte counts as itself).
uint32_t next_code_point(std::string_view p, size_t& i) {
  const auto b = static_cast<unsigned char>(p[i++]);
  const int more = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
  uint32_t cp = more == 3 ? b & 0x07u : more == 2 ? b & 0x0Fu : more == 1 ? b & 0x1Fu : b;
  for (int k = 0; k < more && i < p.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(p[i++]) & 0x3Fu);
  return cp;
}

// After a backslash at p[i - 1]: reads the escape, moving i past it. Returns the one character it
// stands for, or UINT32_MAX for a class of characters (then `newline` says whether the class, or
// anything the escape may stand for, holds "\n").
uint32_t read_escape(std::string_view p, size_t& i, bool& newline) {
  newline = false;
  if (i >= p.size()) return '\\';
  const char c = p[i];
  if (c == 'x') {
    ++i;
    std::string hex;
    if (i < p.size() && p[i] == '{') {
      const size_t close = p.find('}', i);
      if (close == std::string_view::npos) { newline = true; i = p.size(); return UINT32_MAX; }
      hex = std::string(p.substr(i + 1, close - i - 1));
      i = close + 1;
    } else {
      hex = std::string(p.substr(i, 2));
      i = std::min(p.size(), i + 2);
    }
    if (hex.empty() || hex.size() > 6 || hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) {
      newline = true;
      return UINT32_MAX;
    }
    const auto cp = uint32_t(std::stoul(hex, nullptr, 16));
    newline = cp == '\n';
    return cp;
  }
  if (c == 'p' || c == 'P') {  // Unicode classes: letters and numbers hold no line break
    ++i;
    std::string name;
    if (i < p.size() && p[i] == '{') {
      const size_t close = p.find('}', i);
      name = std::string(p.substr(i + 1, close == std::string_view::npos ? std::string_view::npos : close - i - 1));
      i = close == std::string_view::npos ? p.size() : close + 1;
    } else if (i < p.size()) {
      name = std::string(1, p[i++]);
    }
    newline = c == 'P' || name.empty() || !(name[0] == 'L' || name[0] == 'N');
    return UINT32_MAX;
  }
  ++i;
  switch (c) {
    case 'n': newline = true; return '\n';
    case 's': case 'W': case 'D': case 'C': newline = true; return UINT32_MAX;
    case 'S': case 'w': case 'd': return UINT32_MAX;
    case 't': return '\t';
    case 'r': return '\r';
    case 'f': return '\f';
    case 'v': return '\v';
    case 'a': return '\a';
    default:
      if (c >= '0' && c <= '9') { newline = true; return UINT32_MAX; }  // octal: not worth reading
      --i;
      return next_code_point(p, i);  // an escaped literal: "\.", "\$", "\-"
  }
}

}  // namespace

namespace {
// The flags of every flag group of the pattern ("(?s)", "(?i:"), all together; nullopt when it
// has none (a plain "(?:" group sets no flag).
std::optional<std::string> flag_groups(std::string_view p) {
  std::optional<std::string> flags;
  for (size_t i = 0; i + 1 < p.size(); ++i) {
    if (p[i] != '(' || p[i + 1] != '?') continue;
    size_t k = i + 2;
    while (k < p.size() && std::string_view("imsU-").find(p[k]) != std::string_view::npos) ++k;
    if (k > i + 2 && k < p.size() && (p[k] == ')' || p[k] == ':')) flags = flags.value_or("") + std::string(p.substr(i + 2, k - i - 2));
  }
  return flags;
}
}  // namespace

bool may_match_newline(std::string_view p) {
  const auto flags = flag_groups(p);
  const bool dot_all = flags && flags->find('s') != std::string::npos;  // "(?s)" anywhere: "." may match "\n"
  for (size_t i = 0; i < p.size();) {
    const char c = p[i];
    if (c == '\n') return true;
    if (c == '.') {
      if (dot_all) return true;
      ++i;
      continue;
    }
    if (c == '\\') {
      ++i;
      if (i < p.size() && p[i] == 'Q') {  // \Q...\E: literal text
        const size_t end = p.find("\\E", i);
        if (p.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i).find('\n') != std::string_view::npos) return true;
        i = end == std::string_view::npos ? p.size() : end + 2;
        continue;
      }
      bool newline = false;
      read_escape(p, i, newline);
      if (newline) return true;
      continue;
    }
    if (c != '[') {
      ++i;
      continue;
    }
    // a character class: does it hold "\n"?
    ++i;
    const bool negated = i < p.size() && p[i] == '^';
    if (negated) ++i;
    bool holds = false;
    bool first = true;
    while (i < p.size() && (p[i] != ']' || first)) {
      first = false;
      if (p.compare(i, 2, "[:") == 0) {
        const size_t close = p.find(":]", i + 2);
        if (close == std::string_view::npos) return true;
        std::string_view name = p.substr(i + 2, close - i - 2);
        const bool not_in = !name.empty() && name[0] == '^';
        if (not_in) name.remove_prefix(1);
        const bool has = name == "space" || name == "cntrl" || name == "ascii";
        holds = holds || (has != not_in);
        i = close + 2;
        continue;
      }
      auto item = [&](bool& newline) -> uint32_t {
        newline = false;
        if (p[i] == '\\') {
          ++i;
          return read_escape(p, i, newline);
        }
        const uint32_t cp = next_code_point(p, i);
        newline = cp == '\n';
        return cp;
      };
      bool newline = false;
      const uint32_t lo = item(newline);
      holds = holds || newline;
      if (lo != UINT32_MAX && i + 1 < p.size() && p[i] == '-' && p[i + 1] != ']') {  // a range
        ++i;
        const uint32_t hi = item(newline);
        holds = holds || newline || (hi == UINT32_MAX) || (lo <= '\n' && '\n' <= hi);
      }
    }
    if (i >= p.size()) return true;  // no closing bracket: RE2 refuses it anyway
    ++i;
    if (holds != negated) return true;
  }
  return false;
}

namespace {

// The end of the class that starts at p[i] == '['.
size_t class_end(std::string_view p, size_t i) {
  ++i;
  if (i < p.size() && p[i] == '^') ++i;
  if (i < p.size() && p[i] == ']') ++i;  // a leading ']' is a literal
  while (i < p.size() && p[i] != ']') {
    if (p[i] == '\\') i += 2;
    else if (p.compare(i, 2, "[:") == 0 && p.find(":]", i + 2) != std::string_view::npos) i = p.find(":]", i + 2) + 2;
    else ++i;
  }
  return std::min(p.size(), i + 1);
}

// The top-level pieces of a regular expression: each atom with its quantifier ("quantified").
// False when the text has a top-level '|', or a construct this reading does not know (\Q).
struct Piece {
  std::string_view atom;
  bool quantified = false;
  std::string_view text;  // the atom with its quantifier
};
bool top_level_pieces(std::string_view p, std::vector<Piece>& out) {
  out.clear();
  for (size_t i = 0; i < p.size();) {
    const size_t start = i;
    const char c = p[i];
    if (c == '|') return false;
    if (c == '\\') {
      if (i + 1 >= p.size() || p[i + 1] == 'Q') return false;
      const char e = p[i + 1];
      i += 2;
      if ((e == 'x' || e == 'p' || e == 'P') && i < p.size() && p[i] == '{') {
        const size_t close = p.find('}', i);
        if (close == std::string_view::npos) return false;
        i = close + 1;
      } else if (e == 'x') {
        i = std::min(p.size(), i + 2);
      } else if (e == 'p' || e == 'P') {
        i = std::min(p.size(), i + 1);
      }
    } else if (c == '[') {
      i = class_end(p, i);
    } else if (c == '(') {
      int depth = 0;
      while (i < p.size()) {
        if (p[i] == '\\') { i += 2; continue; }
        if (p[i] == '[') { i = class_end(p, i); continue; }
        if (p[i] == '(') ++depth;
        else if (p[i] == ')' && --depth == 0) { ++i; break; }
        ++i;
      }
      if (depth != 0) return false;
    } else {
      ++i;
      while (i < p.size() && (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80) ++i;  // the rest of a UTF-8 character
    }
    Piece piece{p.substr(start, std::min(i, p.size()) - start), false};
    if (i < p.size() && (p[i] == '?' || p[i] == '*' || p[i] == '+' || p[i] == '{')) {
      piece.quantified = true;
      if (p[i] == '{') {
        const size_t close = p.find('}', i);
        if (close == std::string_view::npos) return false;
        i = close + 1;
      } else {
        ++i;
      }
      if (i < p.size() && p[i] == '?') ++i;  // lazy
    }
    piece.text = p.substr(start, std::min(i, p.size()) - start);
    out.push_back(piece);
  }
  return true;
}

// One character at most: a class, an escape or a literal (not a group, not quantified).
bool single_character(const Piece& piece) {
  return !piece.quantified && !piece.atom.empty() && piece.atom[0] != '(';
}

// Every part of `p` but its last character can match no "\n": the pieces before the last one
// cannot, and the last one is one character, or a group whose alternatives are each so.
bool newline_only_last(std::string_view p, int depth = 0) {
  std::vector<Piece> pieces;
  if (depth > 4 || !top_level_pieces(p, pieces)) return false;
  if (pieces.empty()) return true;
  for (size_t k = 0; k + 1 < pieces.size(); ++k)
    if (may_match_newline(pieces[k].atom)) return false;
  const Piece& last = pieces.back();
  if (!may_match_newline(last.atom)) return true;
  if (single_character(last)) return true;
  if (last.quantified || last.atom[0] != '(' || last.atom.size() < 2) return false;
  // a group: its content after "(?:", "(?P<name>" or "("; split at its own top-level '|'
  std::string_view inner = last.atom.substr(1, last.atom.size() - 2);
  if (inner.starts_with("?:")) inner.remove_prefix(2);
  else if (inner.starts_with("?P<")) inner.remove_prefix(inner.find('>') + 1);
  else if (inner.starts_with("?")) return false;  // flags
  size_t from = 0;
  int level = 0;
  for (size_t i = 0; i <= inner.size(); ++i) {
    if (i < inner.size()) {
      if (inner[i] == '\\') { ++i; continue; }
      if (inner[i] == '[') { i = class_end(inner, i) - 1; continue; }
      if (inner[i] == '(') { ++level; continue; }
      if (inner[i] == ')') { --level; continue; }
      if (inner[i] != '|' || level != 0) continue;
    }
    if (!newline_only_last(inner.substr(from, i - from), depth + 1)) return false;
    from = i + 1;
  }
  return true;
}

}  // namespace

namespace {

// The pieces of `p` with every group that is neither quantified nor an alternation opened up
// ("(?P<name>Operation [A-Z0-9][^.]{1,40})" gives "O", "p", ..., "[A-Z0-9]", "[^.]{1,40}").
void flat_pieces(std::string_view p, std::vector<Piece>& out, int depth = 0) {
  std::vector<Piece> pieces;
  if (depth > 8 || !top_level_pieces(p, pieces)) {
    out.push_back({p, true, p});  // kept whole
    return;
  }
  for (const Piece& piece : pieces) {
    std::string_view inner = piece.atom;
    if (piece.quantified || inner.size() < 2 || inner[0] != '(') {
      out.push_back(piece);
      continue;
    }
    inner = inner.substr(1, inner.size() - 2);
    if (inner.starts_with("?:")) inner.remove_prefix(2);
    else if (inner.starts_with("?P<")) inner.remove_prefix(inner.find('>') + 1);
    else if (inner.starts_with("?")) {  // flags
      out.push_back(piece);
      continue;
    }
    std::vector<Piece> probe;
    if (top_level_pieces(inner, probe)) flat_pieces(inner, out, depth + 1);
    else out.push_back(piece);  // an alternation stays one piece
  }
}

}  // namespace

std::string line_part(const RE2& re) {
  const std::string& p = re.pattern();
  if (flag_groups(p)) return "(?:)";  // a flag group could change what a piece means alone
  std::vector<Piece> pieces;
  flat_pieces(p, pieces);
  std::string best, run;
  for (size_t k = 0; k <= pieces.size(); ++k) {
    if (k < pieces.size() && !may_match_newline(pieces[k].text)) {
      run += pieces[k].text;
      continue;
    }
    if (run.size() > best.size()) best = run;
    run.clear();
  }
  return best.empty() ? "(?:)" : best;
}

bool may_cross_lines(const RE2& re) {
  const std::string& p = re.pattern();
  if (may_match_empty(re)) return true;
  if (!may_match_newline(p)) return false;
  // a flag group ("(?s)", "(?i:") could change what a piece means on its own: no closer look
  return flag_groups(p) || !newline_only_last(p);
}

bool may_match_empty(const RE2& re) {
  // every pair of neighbours an assertion (\b, \B, ^, $, \A, \z, (?m)) can tell apart: text
  // edge, word character, other character, line break
  static const char* const kContexts[] = {"", "a", " ", "\n", "aa", "a ", " a", "a\n", "\na", "  ", "\n\n", " \n", "\n "};
  for (const char* context : kContexts) {
    const re2::StringPiece text(context);
    for (size_t i = 0; i <= text.size(); ++i)
      if (re.Match(text, i, i, RE2::UNANCHORED, nullptr, 0)) return true;
  }
  return false;
}

void PatternLines::find(const RE2::Set* set, const std::vector<int>& blank, size_t pattern_count, const re2::StringPiece& text, size_t from) {
  lines.clear();
  hits.clear();
  size_t start = from;
  while (start > 0 && text[start - 1] != '\n') --start;  // the set sees the line's start, as the pattern does
  while (start < text.size() || (start == text.size() && lines.empty())) {
    const void* nl = memchr(text.data() + start, '\n', text.size() - start);
    const size_t end = nl ? size_t(static_cast<const char*>(nl) - text.data()) + 1 : text.size();
    const auto line = uint32_t(lines.size());
    lines.emplace_back(uint32_t(start), uint32_t(end));
    which.clear();
    if (!set) {
      for (size_t p = 0; p < pattern_count; ++p) hits.emplace_back(int(p), line);
    } else if (end - start == 1 && text[start] == '\n') {
      // A blank line: the set's answer for "\n" alone, asked when the rules loaded (a call costs
      // about as much as a long line: half of all the calls, a third of the time, were blank lines).
      for (int p : blank) hits.emplace_back(p, line);
    } else if (set->Match(re2::StringPiece(text.data() + start, end - start), &which)) {
      for (int p : which) hits.emplace_back(p, line);
    }
    start = end;
  }
  std::sort(hits.begin(), hits.end());
}

void PatternLines::find(const PatternFilter* filter, size_t pattern_count, std::string_view text, size_t from) {
  if (!filter) {
    find(static_cast<const RE2::Set*>(nullptr), {}, pattern_count, re2::StringPiece(text.data(), text.size()), from);
    return;
  }
  lines.clear();
  hits.clear();
  filter->by_line(text, from, [&](size_t start, size_t end, const std::vector<int>& which) {
    for (int p : which) hits.emplace_back(p, uint32_t(lines.size()));
    lines.emplace_back(uint32_t(start), uint32_t(end));
  });
  std::sort(hits.begin(), hits.end());
}

namespace {
// Every token of every article is looked up: eight bytes a step, then the last few, and one
// mix at the end that brings the high bits down to the low ones the table indexes by.
uint32_t hash_key(std::string_view s) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 29;
  }
  uint64_t tail = 0;
  for (; i < s.size(); ++i) tail = (tail << 8) | static_cast<unsigned char>(s[i]);
  h = (h ^ tail) * 0x94D049BB133111EBull;
  h ^= h >> 32;
  return uint32_t(h);
}

// Keys are words: a loop beats a call to memcmp.
bool same_key(const char* a, const char* b, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}
}  // namespace

uint32_t Vocabulary::intern(const std::string& folded) {
  if (uint32_t id = find(folded)) return id;
  if ((count_ + 1) * 2 > slots_.size()) grow();
  const uint32_t h = hash_key(folded);
  const size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  while (slots_[i].id) i = (i + 1) & mask;
  slots_[i] = {h, uint32_t(++count_), uint32_t(chars_.size()), uint32_t(folded.size())};
  chars_ += folded;
  return slots_[i].id;
}

uint32_t Vocabulary::find(std::string_view folded) const {
  if (slots_.empty()) return 0;
  const uint32_t h = hash_key(folded);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (!s.id) return 0;
    if (s.hash == h && s.length == folded.size() && same_key(chars_.data() + s.offset, folded.data(), folded.size())) return s.id;
  }
}

void Vocabulary::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (!s.id) continue;
    size_t i = s.hash & mask;
    while (slots_[i].id) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void PhraseTrie::add_edge(uint64_t key, uint32_t child) {
  if ((key >> 32) == kRoot) {
    const uint32_t token = uint32_t(key);
    if (token >= root_.size()) root_.resize(size_t(token) + 1, UINT32_MAX);
    root_[token] = child;
    return;
  }
  if ((edge_count_ + 1) * 2 > edges_.size()) {
    std::vector<Edge> old = std::move(edges_);
    edges_.assign(old.empty() ? 1024 : old.size() * 2, Edge{});
    filter_.assign(edges_.size() / 8, 0);  // 16 bits or more per edge
    edge_count_ = 0;
    for (const Edge& e : old)
      if (e.key != kNoKey) add_edge(e.key, e.child);
  }
  const size_t mask = edges_.size() - 1;
  size_t i = slot_of(key) & mask;
  while (edges_[i].key != kNoKey) i = (i + 1) & mask;
  edges_[i] = {key, child};
  const uint64_t bit = filter_bit(key);
  filter_[bit >> 6] |= uint64_t(1) << (bit & 63);
  ++edge_count_;
}

void PhraseTrie::insert(const std::vector<uint32_t>& phrase, uint32_t payload) {
  uint32_t node = kRoot;
  for (uint32_t tok : phrase) {
    uint32_t next = child(node, tok);
    if (next == UINT32_MAX) {
      next = uint32_t(payloads_.size());
      payloads_.emplace_back();
      add_edge((uint64_t(node) << 32) | tok, next);
    }
    node = next;
  }
  payloads_[node].push_back(payload);
}

void PhraseTrie::freeze() {
  if (!payload_start_.empty()) return;
  payload_start_.reserve(payloads_.size() + 1);
  for (const auto& p : payloads_) {
    payload_start_.push_back(uint32_t(payload_data_.size()));
    payload_data_.insert(payload_data_.end(), p.begin(), p.end());
  }
  payload_start_.push_back(uint32_t(payload_data_.size()));
  payloads_ = {};
}

std::string RuleSet::rule_location(const RuleRef& r) const {
  if (r.file >= files.size()) return "pipeline/extract/people (built-in people finder)";
  return r.line ? files[r.file] + ":" + std::to_string(r.line) : files[r.file];
}

const WordList& RuleSet::word_list(const std::string& name) const {
  static const WordList none;
  auto it = word_lists.find(name);
  return it == word_lists.end() ? none : it->second;
}

namespace {
const WordList& needed(const RuleSet& rules, Problems& problems, const std::string& name) {
  if (!rules.word_lists.count(name)) problems.push_back({fs::path(rules.dir).filename().string() + "/context/" + name + ".txt", 0, "missing word list (the pipeline reads it)"});
  return rules.word_list(name);
}
}  // namespace

ContextWords::ContextWords(const RuleSet& r, Problems& p)
    : reporter_verbs(needed(r, p, "reporter-verbs")), reporting_words(needed(r, p, "reporting-words")),
      speaker_verbs(needed(r, p, "speaker-verbs")), denial_words(needed(r, p, "denial-words")), flaw_words(needed(r, p, "flaw-words")),
      takedown_verbs(needed(r, p, "takedown-verbs")), hack_words(needed(r, p, "hack-words")),
      operation_nouns(needed(r, p, "operation-nouns")), not_attacker_references(needed(r, p, "not-attacker-references")),
      reporter_titles(needed(r, p, "reporter-titles")), reporter_heads(needed(r, p, "reporter-heads")),
      report_nouns(needed(r, p, "report-nouns")), authorship_verbs(needed(r, p, "authorship-verbs")),
      target_cue_nouns(needed(r, p, "target-cue-nouns")), legal_action_words(needed(r, p, "legal-action-words")),
      infrastructure_nouns(needed(r, p, "infrastructure-nouns")), leak_site_words(needed(r, p, "leak-site-words")),
      split_attack_verbs(needed(r, p, "split-attack-verbs")), split_attack_particles(needed(r, p, "split-attack-particles")),
      security_vendor_descriptors(needed(r, p, "security-vendor-descriptors")), sanction_verbs(needed(r, p, "sanction-verbs")), sanction_words(needed(r, p, "sanction-words")), account_nouns(needed(r, p, "account-nouns")), offensive_nouns(needed(r, p, "offensive-nouns")), investigation_words(needed(r, p, "investigation-words")), accusation_verbs(needed(r, p, "accusation-verbs")),
      member_nouns(needed(r, p, "member-nouns")), software_nouns(needed(r, p, "software-nouns")), web_page_nouns(needed(r, p, "web-page-nouns")),
      incident_verbs(needed(r, p, "incident-verbs")), suffer_verbs(needed(r, p, "suffer-verbs")),
      disclosure_verbs(needed(r, p, "disclosure-verbs")), response_words(needed(r, p, "response-words")),
      police_action_words(needed(r, p, "police-action-words")), damage_verbs(needed(r, p, "damage-verbs")), outbreak_verbs(needed(r, p, "outbreak-verbs")), other_thing_nouns(needed(r, p, "other-thing-nouns")), instrument_nouns(needed(r, p, "instrument-nouns")), organization_name_heads(needed(r, p, "organization-name-heads")), government_name_heads(needed(r, p, "government-name-heads")), comparison_words(needed(r, p, "comparison-words")), alias_words(needed(r, p, "alias-words")), alias_breakers(needed(r, p, "alias-breakers")),
      weak_cyber_terms(needed(r, p, "weak-cyber-terms")), ownership_words(needed(r, p, "ownership-words")), payment_verbs(needed(r, p, "payment-verbs")), ransom_nouns(needed(r, p, "ransom-nouns")), instigation_verbs(needed(r, p, "instigation-verbs")), advisory_nouns(needed(r, p, "advisory-nouns")), naming_verbs(needed(r, p, "naming-verbs")), taking_verbs(needed(r, p, "taking-verbs")), demand_verbs(needed(r, p, "demand-verbs")), operator_verbs(needed(r, p, "operator-verbs")), compulsion_verbs(needed(r, p, "compulsion-verbs")), advice_verbs(needed(r, p, "advice-verbs")), member_state_nouns(needed(r, p, "member-state-nouns")), attack_event_nouns(needed(r, p, "attack-event-nouns")), crew_nouns(needed(r, p, "crew-nouns")), impersonation_words(needed(r, p, "impersonation-words")), intruder_nouns(needed(r, p, "intruder-nouns")), name_nouns(needed(r, p, "name-nouns")), claim_words(needed(r, p, "claim-words")), verb_fillers(needed(r, p, "verb-fillers")), recovery_verbs(needed(r, p, "recovery-verbs")), deployment_words(needed(r, p, "deployment-words")), client_nouns(needed(r, p, "client-nouns")), group_link_nouns(needed(r, p, "group-link-nouns")), theft_words(needed(r, p, "theft-words")), buyer_verbs(needed(r, p, "buyer-verbs")), victim_people_nouns(needed(r, p, "victim-people-nouns")), device_nouns(needed(r, p, "device-nouns")), member_people_nouns(needed(r, p, "member-people-nouns")), sum_words(needed(r, p, "sum-words")), partnership_words(needed(r, p, "partnership-words")), subsidiary_nouns(needed(r, p, "subsidiary-nouns")), filing_nouns(needed(r, p, "filing-nouns")), employee_nouns(needed(r, p, "employee-nouns")), possession_nouns(needed(r, p, "possession-nouns")), country_speaker_verbs(needed(r, p, "country-speaker-verbs")),
      bare_attribution_cues(needed(r, p, "bare-attribution-cues")), with_attribution_cues(needed(r, p, "with-attribution-cues")),
      list_leads(needed(r, p, "list-leads")), vendor_words(needed(r, p, "vendor-words")),
      irregular_attack_verbs(needed(r, p, "irregular-attack-verbs")), home_words(needed(r, p, "home-words")),
      cosigner_nouns(needed(r, p, "cosigner-nouns")), cosign_cues(needed(r, p, "cosign-cues")),
      business_words(needed(r, p, "business-words")), force_nouns(needed(r, p, "force-nouns")), origin_words(needed(r, p, "origin-words")), personal_data_nouns(needed(r, p, "personal-data-nouns")),
      organization_descriptors(needed(r, p, "organization-descriptors")),
      maker_verbs(needed(r, p, "maker-verbs")), product_nouns(needed(r, p, "product-nouns")), suspect_nouns(needed(r, p, "suspect-nouns")),
      owned_nouns(needed(r, p, "owned-nouns")), legal_story_words(needed(r, p, "legal-story-words")),
      attacker_people(needed(r, p, "attacker-people")), malware_nouns(needed(r, p, "malware-nouns")),
      malware_verbs(needed(r, p, "malware-verbs")), support_words(needed(r, p, "support-words")), event_nouns(needed(r, p, "event-nouns")), punish_words(needed(r, p, "punish-words")), message_nouns(needed(r, p, "message-nouns")), helper_verbs(needed(r, p, "helper-verbs")),
      tally_verbs(needed(r, p, "tally-verbs")), hosting_words(needed(r, p, "hosting-words")), blame_verbs(needed(r, p, "blame-verbs")),
      hedge_adverbs(needed(r, p, "hedge-adverbs")), conflict_nouns(needed(r, p, "conflict-nouns")), hypothetical_words(needed(r, p, "hypothetical-words")), residence_verbs(needed(r, p, "residence-verbs")), outage_words(needed(r, p, "outage-words")), place_prepositions(needed(r, p, "place-prepositions")),
      government_nouns(needed(r, p, "government-nouns")), tracking_verbs(needed(r, p, "tracking-verbs")),
      not_name_words(needed(r, p, "not-name-words")),
      not_cluster_words(needed(r, p, "not-cluster-words")), name_joiners(needed(r, p, "name-joiners")),
      company_suffixes(needed(r, p, "company-suffixes")),
      news_source_nouns(needed(r, p, "news-source-nouns")), source_leads(needed(r, p, "source-leads")),
      source_verbs(needed(r, p, "source-verbs")), source_fillers(needed(r, p, "source-fillers")), workplace_nouns(needed(r, p, "workplace-nouns")),
      workplace_verbs(needed(r, p, "workplace-verbs")), workplace_modifiers(needed(r, p, "workplace-modifiers")),
      staff_titles(needed(r, p, "staff-titles")),
      sector_description_heads(needed(r, p, "sector-description-heads")), speaker_heads(needed(r, p, "speaker-heads")),
      sector_speaker_verbs(needed(r, p, "sector-speaker-verbs")), client_verbs(needed(r, p, "client-verbs")),
      language_nouns(needed(r, p, "language-nouns")), language_adjectives(needed(r, p, "language-adjectives")),
      language_leads(needed(r, p, "language-leads")),
      abbreviations_never_final(needed(r, p, "abbreviations-never-final")),
      abbreviations_maybe_final(needed(r, p, "abbreviations-maybe-final")),
      sentence_starters(needed(r, p, "sentence-starters")),
      compound_adjective_tails(needed(r, p, "compound-adjective-tails")), status_titles(needed(r, p, "status-titles")),
      quote_verbs(needed(r, p, "quote-verbs")), name_particles(needed(r, p, "name-particles")) {}

int RuleSet::country_index(std::string_view code) const {
  auto it = country_by_code_.find(std::string(code));
  return it == country_by_code_.end() ? -1 : it->second;
}

std::pair<const std::vector<std::string>*, RuleRef> RuleSet::victim_sectors(const ActorEntry& a) const {
  if (!a.sectors.empty()) return {&a.sectors, a.rule};
  if (auto it = sectors_of_kind.find(a.kind); it != sectors_of_kind.end())
    return {!a.country.empty() && !it->second.national_sectors.empty() ? &it->second.national_sectors : &it->second.sectors, it->second.rule};
  return {nullptr, {}};
}

int RuleSet::actor_index(std::string_view id) const {
  auto it = actor_by_id_.find(std::string(id));
  return it == actor_by_id_.end() ? -1 : it->second;
}

const std::vector<uint32_t>& RuleSet::actors_named(std::string_view name) const {
  static const std::vector<uint32_t> none;
  auto it = actors_by_name_.find(std::string(name));
  return it == actors_by_name_.end() ? none : it->second;
}

const std::string* RuleSet::date_list_value(const std::string& list, std::string_view text) const {
  auto l = date_lists.find(list);
  if (l == date_lists.end()) return nullptr;
  auto v = l->second.values.find(fold(text));
  return v == l->second.values.end() ? nullptr : &v->second;
}

uint32_t RuleSet::file_ref(const std::string& path) {
  files.push_back(path);
  return uint32_t(files.size() - 1);
}

// Loads one rules folder into a RuleSet; one method per kind of file.
class RuleLoader {
 public:
  // `threads` above 1: the sets of patterns compile on threads of their own while the rest loads.
  RuleLoader(RuleSet& rs, Problems& problems, unsigned threads) : rs_(rs), problems_(problems), parallel_(threads > 1) {}

  void mark_calendar_words() {
    std::vector<uint32_t> ids;
    for (const char* list : {"month", "weekday"})
      if (auto l = rs_.date_lists.find(list); l != rs_.date_lists.end())
        for (const auto& [folded, value] : l->second.values) ids.push_back(rs_.vocab.intern(folded));
    for (uint32_t id : ids) {
      if (id >= rs_.calendar_word.size()) rs_.calendar_word.resize(id + 1);
      rs_.calendar_word[id] = true;
    }
  }

  void run() {
    if (std::error_code ec; fs::is_directory(fs::path(rs_.dir) / "layout", ec))  // (optional: rules of older releases have none)
      for (auto& p : tsv_files("layout", "boilerplate")) load_boilerplate(p);
    if (rs_.boilerplate_set)
      later([this, where = rel(fs::path(rs_.dir) / "layout")]() -> std::optional<Problem> {
        if (rs_.boilerplate_set->Compile()) return std::nullopt;
        return Problem{where, 0, "RE2 cannot build the set of boilerplate patterns (too large)"};
      });
    load_countries_from_icu();
    for (auto& p : tsv_files("countries", "forms")) load_country_forms(p);
    for (auto& p : tsv_files("actors")) load_actors(p);
    for (auto& p : tsv_files("sectors", "sectors")) load_sectors(p);
    for (auto& p : tsv_files("sectors", "actor-kinds")) load_actor_kind_sectors(p);
    for (auto& p : tsv_files("sectors", "parents")) load_sector_parents(p);
    for (auto& p : tsv_files("sectors", "tiers")) load_sector_tiers(p);
    for (auto& p : tsv_files("tools"))
      if (p.stem().string().rfind("owners", 0) != 0) load_tools(p);
    for (auto& p : tsv_files("tools", "owners")) load_tool_owners(p);
    for (auto& p : tsv_files("operations", "campaigns")) load_campaigns(p);
    for (auto& p : tsv_files("operations", "patterns")) load_operation_patterns(p);
    load_cue_list("context/cyber-terms.txt", kCyberTerms, false);
    load_cue_list("context/group-cues.txt", kGroupCues, false);
    load_cue_list("context/sector-cues.txt", kSectorCues, false);
    load_cue_list("context/tool-cues.txt", kToolCues, false);
    load_cue_list("context/attribution-cues.txt", kAttributionCues, false);
    load_cue_list("context/target-cues.txt", kTargetCues, false);
    load_cue_list("context/future-cues.txt", kFutureCues, false);
    load_cue_list("context/organization-cues.txt", kOrgCues, false);
    load_cue_list("context/attacker-nouns.txt", kAttackerNouns, false);
    load_cue_list("context/victim-nouns.txt", kVictimNouns, false);
    load_cue_list("context/observer-nouns.txt", kObserverNouns, false);
    load_cue_list("context/attribution-after.txt", kAttributionAfter, false);
    load_cue_list("people/titles.txt", kTitles, false);
    load_cue_list("people/given-names.txt", kGivenNames, true);
    load_cue_list("people/not-names.txt", kNotNames, true);
    load_word_lists("context");
    if (std::error_code ec; fs::is_directory(fs::path(rs_.dir) / "names", ec))
      for (auto& p : tsv_files("names")) load_name_patterns(p);
    for (auto& p : tsv_files("countries", "traps")) load_traps(p);
    for (auto& p : tsv_files("countries", "subdivisions")) load_subdivisions(p);
    attach_traps();
    for (auto& p : tsv_files("dates/lists")) load_date_list(p);
    mark_calendar_words();
    for (auto& p : tsv_files("dates", "blockers")) load_date_blockers(p);
    for (auto& p : tsv_files("dates", "patterns")) load_date_patterns(p);
    for (auto& job : jobs_)  // in the order they were asked for, so that problems are too
      if (auto p = job.get()) problems_.push_back(std::move(*p));
    rs_.trie.freeze();
    rs_.form_bits.reserve(rs_.forms.size());
    for (const FormEntry& f : rs_.forms) rs_.form_bits.push_back({f.cue_list, f.needs_capital, f.all_caps});
  }

 private:
  // Runs `job` (which touches only what it was given and its own member of rs_) on a thread of its
  // own when loading in parallel, else now; run() waits for them all and reports their problems.
  void later(std::function<std::optional<Problem>()> job) {
    if (parallel_) {
      jobs_.push_back(std::async(std::launch::async, std::move(job)));
    } else if (auto p = job()) {
      problems_.push_back(std::move(*p));
    }
  }

  RuleSet& rs_;
  Problems& problems_;
  const bool parallel_;
  std::vector<std::future<std::optional<Problem>>> jobs_;
  std::unordered_set<std::string> actor_ids_;
  std::set<std::string> campaign_ids_, tool_ids_, pattern_ids_;
  std::set<std::string> cue_files_;  // context files loaded as cue lists (the rest are word lists)
  std::map<std::string, std::vector<std::string>> list_words_;  // word list name -> its words as written, for {list} in patterns
  std::map<std::string, std::vector<std::string>> layout_lists_;  // rules/layout/<name>.txt -> its entries, for {name} in layout patterns

  std::string rel(const fs::path& p) const {
    std::error_code ec;
    auto r = fs::relative(p, fs::path(rs_.dir).parent_path(), ec);
    return ec ? p.string() : r.string();
  }

  // Every *.tsv in rules/<folder>, sorted; with `stem_prefix`, only those whose name starts with it.
  std::vector<fs::path> tsv_files(const std::string& folder, const std::string& stem_prefix = "") {
    std::vector<fs::path> out;
    const fs::path dir = fs::path(rs_.dir) / folder;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      problems_.push_back({rel(dir), 0, "missing rules folder"});
      return out;
    }
    for (auto& e : fs::directory_iterator(dir, ec)) {
      if (!e.is_regular_file() || e.path().extension() != ".tsv") continue;
      if (!stem_prefix.empty() && e.path().stem().string().rfind(stem_prefix, 0) != 0) continue;
      out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    if (out.empty()) problems_.push_back({rel(dir), 0, "no " + (stem_prefix.empty() ? std::string("*") : stem_prefix + "*") + ".tsv rule file"});
    return out;
  }

  TsvTable read(const fs::path& p, const std::vector<std::string>& req, const std::vector<std::string>& opt,
                uint32_t& file) {
    file = rs_.file_ref(rel(p));
    const size_t before = problems_.size();
    TsvTable t = TsvTable::read(p.string(), req, opt, problems_);
    t.path = rel(p);
    for (size_t i = before; i < problems_.size(); ++i) problems_[i].path = t.path;  // the reader's own, named as the rest are
    return t;
  }

  void problem(const std::string& path, uint32_t line, std::string reason) {
    problems_.push_back({path, line, std::move(reason)});
  }

  // Adds one written form ("Fancy Bear*") to the gazetteer.
  void add_form(const std::string& path, std::string written, FormEntry e) {
    if (!written.empty() && written.back() == '*') {
      e.ambiguous = true;
      written.pop_back();
    }
    std::vector<RawToken> toks;
    tokenize(written, toks);
    if (toks.empty()) {
      problem(path, e.rule.line, "empty form");
      return;
    }
    std::vector<uint32_t> phrase;
    phrase.reserve(toks.size());
    size_t letters_words = 0, caps_words = 0;
    for (auto& t : toks) {
      phrase.push_back(rs_.vocab.intern(fold(std::string_view(written).substr(t.start, t.end - t.start))));
      if (t.is_word && !t.all_lower && !t.is_digit) e.needs_capital = true;
      if (t.is_word && !t.is_digit) {
        ++letters_words;
        if (t.all_upper && t.end - t.start >= 2 && t.end - t.start <= 3) ++caps_words;
      }
    }
    // Short acronyms (FT, SEC, GRU) only match in capitals; longer capitalised names (ZINC,
    // NOBELIUM) are also written "Zinc", "Nobelium".
    e.all_caps = letters_words > 0 && caps_words == letters_words;
    e.surface = written;
    rs_.trie.insert(phrase, uint32_t(rs_.forms.size()));
    rs_.forms.push_back(std::move(e));
  }

  // The canonical name is matched too, unless the aliases list it (perhaps marked ambiguous, in any case).
  static bool lists_form(const std::vector<std::string>& aliases, const std::string& name) {
    const std::string folded = fold(name);
    for (auto al : aliases) {
      if (!al.empty() && al.back() == '*') al.pop_back();
      if (fold(al) == folded) return true;
    }
    return false;
  }

  bool valid_id(std::string_view id) {
    if (id.empty()) return false;
    for (char c : id)
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) return false;
    return true;
  }

  bool check_country(const std::string& path, uint32_t line, std::string_view code) {
    if (code == "-" || rs_.country_index(code) >= 0) return true;
    problem(path, line, "unknown ISO 3166-1 alpha-2 code '" + std::string(code) + "'");
    return false;
  }

  void load_countries_from_icu() {
    const uint32_t file = rs_.file_ref("ICU locale data (en)");
    for (const char* const* c = icu::Locale::getISOCountries(); *c; ++c) {
      const std::string code = *c;
      // ICU adds CLDR's exceptional regions; only Kosovo (XK, user-assigned but used by the EU
      // and the IMF, and in the news) is kept besides the 249 ISO 3166-1 codes.
      if (code == "IC" || code == "EA" || code == "DG") continue;
      icu::UnicodeString display;
      icu::Locale("", code.c_str()).getDisplayCountry(icu::Locale::getEnglish(), display);
      std::string name;
      display.toUTF8String(name);
      CountryEntry ce{code, name, {file, 0}};
      // ICU writes some names with a qualifier: "Myanmar (Burma)", "Congo - Kinshasa", "Hong Kong SAR China".
      std::vector<std::string> forms;
      std::string base = name;
      if (auto paren = base.find(" ("); paren != std::string::npos) {
        auto close = base.find(')', paren);
        if (close != std::string::npos) forms.push_back(base.substr(paren + 2, close - paren - 2));
        base = base.substr(0, paren);
      }
      if (auto sar = base.find(" SAR China"); sar != std::string::npos) base = base.substr(0, sar);
      if (base.find(" - ") == std::string::npos) forms.push_back(base);
      if (auto amp = base.find(" & "); amp != std::string::npos)
        forms.push_back(base.substr(0, amp) + " and " + base.substr(amp + 3));
      ce.name = base.find(" - ") == std::string::npos ? base : name;
      const uint32_t idx = uint32_t(rs_.countries.size());
      rs_.country_by_code_[code] = int(idx);
      rs_.countries.push_back(ce);
      for (auto& f : forms) {
        FormEntry e;
        e.type = MentionType::Country;
        e.entity = idx;
        e.rule = {file, 0};
        e.kind = FormKind::Name;
        add_form("ICU", f, e);
      }
    }
  }

  void load_subdivisions(const fs::path& p) {
    uint32_t file;
    auto t = read(p, {"code", "kind", "names"}, {}, file);
    for (auto& row : t.rows) {
      const std::string code(row.get("code"));
      if (rs_.country_index(code) < 0) { problem(t.path, row.line, "unknown ISO 3166-1 alpha-2 code '" + code + "'"); continue; }
      auto items = split_list(row.get("names"));
      if (items.empty()) problem(t.path, row.line, "no names");
      for (auto& n : items) {
        if (n.empty()) { problem(t.path, row.line, "empty name in the list"); continue; }
        auto [it, fresh] = rs_.subdivision_country.emplace(fold(n), RuleSet::Subdivision{code, {file, row.line}});
        if (!fresh && it->second.country != code) problem(t.path, row.line, "'" + n + "' is already a place of " + it->second.country);
      }
    }
  }

  void load_country_forms(const fs::path& p) {
    uint32_t file;
    auto t = read(p, {"code", "kind", "forms"}, {}, file);
    static const std::unordered_map<std::string, FormKind> kinds = {
        {"name", FormKind::Name}, {"abbreviation", FormKind::Abbreviation}, {"informal", FormKind::Informal},
        {"demonym", FormKind::Demonym}, {"capital", FormKind::Capital}};
    for (auto& row : t.rows) {
      const std::string code(row.get("code"));
      const int idx = rs_.country_index(code);
      if (idx < 0) { problem(t.path, row.line, "unknown ISO 3166-1 alpha-2 code '" + code + "'"); continue; }
      auto k = kinds.find(std::string(row.get("kind")));
      if (k == kinds.end()) { problem(t.path, row.line, "unknown kind '" + std::string(row.get("kind")) + "' (name, abbreviation, informal, demonym, capital)"); continue; }
      auto items = split_list(row.get("forms"));
      if (items.empty()) problem(t.path, row.line, "no forms");
      for (auto& f : items) {
        if (f.empty() || f == "*") { problem(t.path, row.line, "empty form in the list"); continue; }
        FormEntry e;
        e.type = MentionType::Country;
        e.entity = uint32_t(idx);
        e.rule = {file, row.line};
        e.kind = k->second;
        add_form(t.path, f, e);
      }
    }
  }

  void load_actors(const fs::path& p) {
    uint32_t file;
    auto t = read(p, {"id", "name", "kind", "country", "aliases"}, {"mitre", "motivation", "sectors"}, file);
    static const std::set<std::string> motivations = {"state", "criminal", "hacktivist", "mercenary", "-", ""};
    // (a user's list of 100,000 companies: room made once, not by doublings and rehashes)
    rs_.actors.reserve(rs_.actors.size() + t.rows.size());
    rs_.actor_by_id_.reserve(rs_.actor_by_id_.size() + t.rows.size());
    rs_.actors_by_name_.reserve(rs_.actors_by_name_.size() + t.rows.size());
    actor_ids_.reserve(actor_ids_.size() + t.rows.size());
    for (auto& row : t.rows) {
      ActorEntry a{std::string(row.get("id")), std::string(row.get("name")), std::string(row.get("kind")),
                   std::string(row.get("country")), std::string(row.get("mitre")), std::string(row.get("motivation")),
                   {}, {file, row.line}};
      bool ok = true;
      if (!valid_id(a.id)) { problem(t.path, row.line, "bad id '" + a.id + "' (lower-case a-z, 0-9, '-')"); ok = false; }
      else if (!actor_ids_.insert(a.id).second) { problem(t.path, row.line, "duplicate actor id '" + a.id + "'"); ok = false; }
      if (a.name.empty() || a.name == "-") { problem(t.path, row.line, "empty name"); ok = false; }
      if (!kActorKinds.count(a.kind)) { problem(t.path, row.line, "unknown kind '" + a.kind + "'"); ok = false; }
      if (!check_country(t.path, row.line, a.country)) ok = false;
      if (!a.mitre.empty() && a.mitre != "-" && (a.mitre.size() < 5 || a.mitre[0] != 'G')) {
        problem(t.path, row.line, "bad MITRE ATT&CK group id '" + a.mitre + "' (G0000)"); ok = false;
      }
      if (!motivations.count(a.motivation)) { problem(t.path, row.line, "unknown motivation '" + a.motivation + "' (state, criminal, hacktivist, mercenary)"); ok = false; }
      if (const std::string_view sectors = row.get("sectors"); !sectors.empty() && sectors != "-")
        if (!stix_sectors(t.path, row.line, sectors, a.sectors)) ok = false;
      if (!ok) continue;
      if (a.country == "-") a.country.clear();
      if (a.mitre == "-") a.mitre.clear();
      if (a.motivation == "-") a.motivation.clear();
      const uint32_t idx = uint32_t(rs_.actors.size());
      rs_.actor_by_id_[a.id] = int(idx);
      rs_.actors_by_name_[a.name].push_back(uint32_t(idx));
      rs_.actors.push_back(a);
      auto aliases = split_list(row.get("aliases"));
      if (!lists_form(aliases, a.name)) aliases.insert(aliases.begin(), a.name);
      for (auto& al : aliases) {
        if (al.empty() || al == "*") { problem(t.path, row.line, "empty alias in the list"); continue; }
        FormEntry e;
        e.type = MentionType::Actor;
        e.entity = idx;
        e.rule = {file, row.line};
        e.kind = al == a.name ? FormKind::Name : FormKind::Alias;
        add_form(t.path, al, e);
      }
    }
  }

  static inline const std::set<std::string> kActorKinds = {"threat-group", "security-vendor", "government", "media", "organization", "person"};

  // "utilities|energy": STIX industry-sector terms joined by '|'.
  bool stix_sectors(const std::string& path, uint32_t line, std::string_view list, std::vector<std::string>& out) {
    const auto terms = split_list(list);
    if (terms.empty()) {
      problem(path, line, "no sectors");
      return false;
    }
    for (const auto& term : terms) {
      if (std::find(kStixSectors.begin(), kStixSectors.end(), term) == kStixSectors.end()) {
        problem(path, line, "unknown STIX 2.1 industry sector '" + term + "'");
        return false;
      }
      out.push_back(term);
    }
    return !out.empty();
  }

  void load_actor_kind_sectors(const fs::path& p) {
    uint32_t file;
    auto t = read(p, {"kind", "sectors"}, {"national_sectors"}, file);
    for (auto& row : t.rows) {
      const std::string kind(row.get("kind"));
      if (!kActorKinds.count(kind)) { problem(t.path, row.line, "unknown actor kind '" + kind + "'"); continue; }
      KindSectors k;
      k.rule = {file, row.line};
      if (!stix_sectors(t.path, row.line, row.get("sectors"), k.sectors)) continue;
      if (const std::string_view national = row.get("national_sectors"); !national.empty() && national != "-" &&
          !stix_sectors(t.path, row.line, national, k.national_sectors))
        continue;
      if (!rs_.sectors_of_kind.emplace(kind, std::move(k)).second) problem(t.path, row.line, "actor kind '" + kind + "' listed twice");
    }
  }

  void load_sector_parents(const fs::path& p) {
    uint32_t file;
    auto t = read(p, {"sector", "parent"}, {}, file);
    auto known = [](std::string_view term) { return std::find(kStixSectors.begin(), kStixSectors.end(), term) != kStixSectors.end(); };
    for (auto& row : t.rows) {
      const std::string sector(row.get("sector")), parent(row.get("parent"));
      if (!known(sector)) { problem(t.path, row.line, "unknown STIX 2.1 industry sector '" + sector + "'"); continue; }
      if (!known(parent)) { problem(t.path, row.line, "unknown STIX 2.1 industry sector '" + parent + "'"); continue; }
      if (sector == parent) { problem(t.path, row.line, "a sector is not its own parent"); continue; }
      if (!rs_.sector_parent.emplace(sector, RuleSet::SectorParent{parent, {file, row.line}}).second)
        problem(t.path, row.line, "sector '" + sector + "' given a parent twice");
    }
    for (const auto& [sector, p] : rs_.sector_parent)  // one level: a parent has none of its own
      if (rs_.sector_parent.count(p.parent)) problem(rs_.files[p.rule.file], p.rule.line, "parent '" + p.parent + "' has a parent of its own");
  }

  void load_sector_tiers(const fs::path& p) {
    uint32_t file;
    auto t = read(p, {"sector", "before", "tier"}, {}, file);
    auto known = [](std::string_view term) { return std::find(kStixSectors.begin(), kStixSectors.end(), term) != kStixSectors.end(); };
    for (auto& row : t.rows) {
      RuleSet::SectorTier tier{std::string(row.get("sector")), std::string(row.get("tier")), false, {}, {file, row.line}};
      if (!known(tier.sector)) { problem(t.path, row.line, "unknown STIX 2.1 industry sector '" + tier.sector + "'"); continue; }
      if (!known(tier.tier)) { problem(t.path, row.line, "unknown STIX 2.1 industry sector '" + tier.tier + "'"); continue; }
      const auto parent = rs_.sector_parent.find(tier.tier);
      if (parent == rs_.sector_parent.end() || parent->second.parent != tier.sector) {
        problem(t.path, row.line, "'" + tier.tier + "' is no tier of '" + tier.sector + "' (rules/sectors/parents.tsv)");
        continue;
      }
      const std::string before(row.get("before"));
      if (before == "country") {
        tier.after_country = true;
      } else {
        for (const auto& w : split_list(before))
          if (!w.empty()) tier.words.push_back(fold(w));
        if (tier.words.empty()) { problem(t.path, row.line, "no words before (a |-list, or 'country')"); continue; }
      }
      rs_.sector_tiers.push_back(std::move(tier));
    }
  }

  void load_sectors(const fs::path& p) {
    uint32_t file;
    auto t = read(p, {"sector", "forms"}, {}, file);
    for (auto& row : t.rows) {
      const std::string sector(row.get("sector"));
      auto it = std::find(kStixSectors.begin(), kStixSectors.end(), sector);
      if (it == kStixSectors.end()) { problem(t.path, row.line, "unknown STIX 2.1 industry sector '" + sector + "'"); continue; }
      const uint32_t idx = uint32_t(it - kStixSectors.begin());
      auto items = split_list(row.get("forms"));
      if (items.empty()) problem(t.path, row.line, "no forms");
      for (auto& f : items) {
        if (f.empty() || f == "*") { problem(t.path, row.line, "empty form in the list"); continue; }
        FormEntry e;
        e.type = MentionType::Sector;
        e.entity = idx;
        e.rule = {file, row.line};
        add_form(t.path, f, e);
        // Regular English plural of the last word.
        std::string form = f;
        const bool amb = form.back() == '*';
        if (amb) form.pop_back();
        if (form.empty()) continue;
        const char last = form.back();
        const char before = form.size() > 1 ? form[form.size() - 2] : ' ';
        std::string plural;
        if (last == 's' || last == 'x' || (last == 'h' && (before == 'c' || before == 's'))) plural = form + "es";
        else if (last == 'y' && std::string_view("aeiou").find(before) == std::string_view::npos)
          plural = form.substr(0, form.size() - 1) + "ies";
        else if ((last >= 'a' && last <= 'z')) plural = form + "s";
        if (!plural.empty() && last != 's') {
          add_form(t.path, amb ? plural + "*" : plural, e);
          rs_.forms.back().generated = true;
        }
      }
    }
  }

  void load_tools(const fs::path& p) {
    uint32_t file;
    auto t = read(p, {"id", "name", "kind", "aliases"}, {}, file);
    for (auto& row : t.rows) {
      ToolEntry te{std::string(row.get("id")), std::string(row.get("name")), std::string(row.get("kind")), {file, row.line}};
      if (!valid_id(te.id)) { problem(t.path, row.line, "bad id '" + te.id + "'"); continue; }
      if (!tool_ids_.insert(te.id).second) { problem(t.path, row.line, "duplicate tool id '" + te.id + "'"); continue; }
      if (te.kind != "malware" && te.kind != "tool") { problem(t.path, row.line, "unknown kind '" + te.kind + "' (malware, tool)"); continue; }
      const uint32_t idx = uint32_t(rs_.tools.size());
      rs_.tools.push_back(te);
      auto aliases = split_list(row.get("aliases"));
      if (!lists_form(aliases, te.name)) aliases.insert(aliases.begin(), te.name);
      for (auto& al : aliases) {
        if (al.empty() || al == "*") { problem(t.path, row.line, "empty alias in the list"); continue; }
        FormEntry e;
        e.type = MentionType::Tool;
        e.entity = idx;
        e.rule = {file, row.line};
        add_form(t.path, al, e);
      }
    }
  }

  void load_tool_owners(const fs::path& p) {
    uint32_t file;
    auto t = read(p, {"tool", "groups"}, {}, file);
    std::unordered_map<std::string, uint32_t> tool_by_id;
    for (uint32_t i = 0; i < rs_.tools.size(); ++i) tool_by_id.emplace(rs_.tools[i].id, i);
    for (auto& row : t.rows) {
      const std::string tool(row.get("tool"));
      const auto it = tool_by_id.find(tool);
      if (it == tool_by_id.end()) { problem(t.path, row.line, "unknown tool id '" + tool + "' (not in rules/tools/)"); continue; }
      ToolEntry& te = rs_.tools[it->second];
      if (!te.owners.empty()) { problem(t.path, row.line, "tool '" + tool + "' given its groups twice"); continue; }
      std::vector<uint32_t> owners;
      bool ok = true;
      for (const auto& g : split_list(row.get("groups"))) {
        const int a = rs_.actor_index(g);
        if (a < 0 || (rs_.actors[size_t(a)].kind != "threat-group" && rs_.actors[size_t(a)].motivation != "mercenary")) {
          problem(t.path, row.line, "'" + g + "' is no threat group nor mercenary of rules/actors/");
          ok = false;
          break;
        }
        owners.push_back(uint32_t(a));
      }
      if (!ok) continue;
      if (owners.empty()) { problem(t.path, row.line, "no groups"); continue; }
      te.owners = std::move(owners);
      te.owners_rule = {file, row.line};
    }
  }

  void load_campaigns(const fs::path& p) {
    uint32_t file;
    auto t = read(p, {"id", "name", "actor", "aliases"}, {"kind"}, file);
    for (auto& row : t.rows) {
      CampaignEntry c{std::string(row.get("id")), std::string(row.get("name")), -1, {file, row.line}};
      if (const std::string_view kind = row.get("kind"); kind == "takedown") c.takedown = true;
      else if (!kind.empty() && kind != "campaign") { problem(t.path, row.line, "kind must be campaign or takedown"); continue; }
      if (!valid_id(c.id)) { problem(t.path, row.line, "bad id '" + c.id + "'"); continue; }
      if (!campaign_ids_.insert(c.id).second) { problem(t.path, row.line, "duplicate campaign id '" + c.id + "'"); continue; }
      const std::string actor(row.get("actor"));
      if (actor != "-" && !actor.empty()) {
        c.actor = rs_.actor_index(actor);
        if (c.actor < 0) { problem(t.path, row.line, "unknown actor id '" + actor + "' (not in rules/actors/)"); continue; }
      }
      const uint32_t idx = uint32_t(rs_.campaigns.size());
      rs_.campaigns.push_back(c);
      auto aliases = split_list(row.get("aliases"));
      if (!lists_form(aliases, c.name)) aliases.insert(aliases.begin(), c.name);
      for (auto& al : aliases) {
        if (al.empty() || al == "*") { problem(t.path, row.line, "empty alias in the list"); continue; }
        FormEntry e;
        e.type = MentionType::Operation;
        e.entity = idx;
        e.rule = {file, row.line};
        e.kind = al == c.name ? FormKind::Name : FormKind::Alias;
        add_form(t.path, al, e);
      }
    }
  }

  std::unique_ptr<RE2> compile(const std::string& path, uint32_t line, const std::string& pattern) {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_max_mem(64 << 20);
    auto re = std::make_unique<RE2>(pattern, o);
    if (!re->ok()) {
      problem(path, line, "RE2 refuses the pattern: " + re->error() + (re->error_arg().empty() ? "" : " at '" + re->error_arg() + "'"));
      return nullptr;
    }
    return re;
  }

  // The priority and pattern columns of a row whose pattern captures a name (?P<name>...):
  // false, with the problem reported, when either is wrong.
  // With `is_list`, a capture (?P<list>...) may stand instead: the names of a list ("A, B and C").
  template <class Row>
  bool read_name_pattern(const std::string& path, const Row& row, int& priority, std::unique_ptr<RE2>& re, int& name_group,
                         bool* is_list = nullptr) {
    try { priority = std::stoi(std::string(row.get("priority"))); }
    catch (...) { problem(path, row.line, "priority is not an integer"); return false; }
    std::string pattern(row.get("pattern"));
    if (!expand_word_lists(path, row.line, pattern)) return false;
    re = compile(path, row.line, pattern);
    if (!re) return false;
    const auto& groups = re->NamedCapturingGroups();
    const auto name = groups.find("name"), list = groups.find("list");
    if (is_list && list != groups.end()) {
      if (name != groups.end()) { problem(path, row.line, "pattern has both (?P<name>...) and (?P<list>...): one or the other"); return false; }
      *is_list = true;
      name_group = list->second;
      return true;
    }
    if (name == groups.end()) {
      problem(path, row.line, is_list ? "pattern lacks the named capture (?P<name>...) or (?P<list>...)" : "pattern lacks the named capture (?P<name>...)");
      return false;
    }
    name_group = name->second;
    return true;
  }

  // "{organization-descriptors}" in a name or operation pattern stands for the words of
  // rules/context/organization-descriptors.txt as an alternation: the regular expression itself
  // then finds only the listed words (matching any word and checking it afterwards made every
  // "word Name" pair of an article a match to reject).
  bool expand_word_lists(const std::string& path, uint32_t line, std::string& pattern) {
    return expand_lists(pattern, "abcdefghijklmnopqrstuvwxyz-", [&](const std::string& name) -> std::optional<std::vector<std::string>> {
      auto l = list_words_.find(name);
      if (l == list_words_.end() || l->second.empty()) {
        problem(path, line, "unknown word list {" + name + "} (no rules/context/" + name + ".txt)");
        return std::nullopt;
      }
      return l->second;
    });
  }

  // Replaces each {name} (letters from `name_chars`) with an alternation of the words `words_of`
  // gives for it, longest first; false when a list is unknown (words_of reports it).
  template <class WordsOf>
  static bool expand_lists(std::string& pattern, std::string_view name_chars, WordsOf words_of) {
    std::string out;
    for (size_t i = 0; i < pattern.size();) {
      if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] >= 'a' && pattern[i + 1] <= 'z') {
        const size_t close = pattern.find('}', i);
        const std::string name = close == std::string::npos ? "" : pattern.substr(i + 1, close - i - 1);
        if (!name.empty() && name.find_first_not_of(name_chars) == std::string::npos) {
          std::optional<std::vector<std::string>> words = words_of(name);
          if (!words) return false;
          std::sort(words->begin(), words->end(), [](auto& x, auto& y) { return x.size() > y.size(); });
          out += "(?:";
          for (size_t k = 0; k < words->size(); ++k) out += (k ? "|" : "") + RE2::QuoteMeta((*words)[k]);
          out += ")";
          i = close + 1;
          continue;
        }
      }
      out.push_back(pattern[i++]);
    }
    pattern = out;
    return true;
  }

  void load_boilerplate(const fs::path& p) {
    uint32_t file;
    auto t = read(p, {"id", "place", "pattern"}, {}, file);
    RE2::Options o;
    o.set_log_errors(false);
    o.set_max_mem(64 << 20);
    if (!rs_.boilerplate_set) rs_.boilerplate_set = std::make_unique<RE2::Set>(o, RE2::ANCHOR_BOTH);
    for (auto& row : t.rows) {
      BoilerplateRule b;
      b.id = row.get("id");
      b.rule = {file, row.line};
      const std::string_view place = row.get("place");
      if (place == "top") b.place = BoilerplateRule::Place::Top;
      else if (place == "bottom") b.place = BoilerplateRule::Place::Bottom;
      else if (place == "anywhere") b.place = BoilerplateRule::Place::Anywhere;
      else if (place == "title-end") b.place = BoilerplateRule::Place::TitleEnd;
      else if (place == "text-start") b.place = BoilerplateRule::Place::TextStart;
      else if (place == "repeat") b.place = BoilerplateRule::Place::Repeat;
      else { problem(t.path, row.line, "place '" + std::string(place) + "' is none of top, bottom, anywhere, title-end, text-start, repeat"); continue; }
      if (!pattern_ids_.insert("boilerplate:" + b.id).second) { problem(t.path, row.line, "duplicate id '" + b.id + "'"); continue; }
      std::string pattern(row.get("pattern"));
      if (!expand_layout_lists(t.path, row.line, pattern)) continue;
      if (b.place == BoilerplateRule::Place::TitleEnd) {
        // the leftmost start from which the pattern runs to the end of the title
        b.re = compile(t.path, row.line, "(?:" + pattern + ")\\z");
        if (b.re) rs_.title_ends.push_back(std::move(b));
        continue;
      }
      if (b.place == BoilerplateRule::Place::TextStart || b.place == BoilerplateRule::Place::Repeat) {
        b.re = compile(t.path, row.line, pattern);
        if (!b.re) continue;
        for (const auto& [name, index] : b.re->NamedCapturingGroups())
          if (name.starts_with("skip")) b.skip_groups.push_back(index);
        (b.place == BoilerplateRule::Place::Repeat ? rs_.repeats : rs_.text_starts).push_back(std::move(b));
        continue;
      }
      std::string err;  // (RE2::Set parses the pattern as RE2 does, and says what is wrong with it)
      if (rs_.boilerplate_set->Add(pattern, &err) < 0) { problem(t.path, row.line, "RE2 refuses the pattern: " + err); continue; }
      rs_.boilerplate.push_back(std::move(b));
    }
    if (rs_.boilerplate.empty()) rs_.boilerplate_set.reset();
  }

  // "{news-sites}" in a layout pattern stands for the entries of rules/layout/news-sites.txt (one
  // name a line, words and spaces as written) as an alternation, longest first.
  bool expand_layout_lists(const std::string& path, uint32_t line, std::string& pattern) {
    return expand_lists(pattern, "abcdefghijklmnopqrstuvwxyz-", [&](const std::string& name) -> std::optional<std::vector<std::string>> {
      auto l = layout_lists_.find(name);
      if (l == layout_lists_.end()) {
        std::vector<std::string> entries;
        const fs::path file = fs::path(rs_.dir) / "layout" / (name + ".txt");
        if (std::error_code ec; fs::is_regular_file(file, ec))
          for (auto& [n, entry] : read_list(file.string(), problems_)) entries.push_back(entry);
        l = layout_lists_.emplace(name, std::move(entries)).first;
      }
      if (l->second.empty()) {
        problem(path, line, "unknown list {" + name + "} (no rules/layout/" + name + ".txt, or it is empty)");
        return std::nullopt;
      }
      return l->second;
    });
  }

  void load_operation_patterns(const fs::path& p) {
    uint32_t file;
    auto t = read(p, {"id", "priority", "pattern"}, {}, file);
    for (auto& row : t.rows) {
      OperationPattern op;
      op.id = row.get("id");
      op.rule = {file, row.line};
      if (!pattern_ids_.insert("op:" + op.id).second) { problem(t.path, row.line, "duplicate pattern id '" + op.id + "'"); continue; }
      if (!read_name_pattern(t.path, row, op.priority, op.re, op.name_group)) continue;
      op.may_cross_lines = may_cross_lines(*op.re);
      rs_.operation_patterns.push_back(std::move(op));
    }
    std::vector<std::string> res;
    for (auto& op : rs_.operation_patterns) res.push_back(op.may_cross_lines ? line_part(*op.re) : op.re->pattern());
    later([this, res = std::move(res)]() -> std::optional<Problem> {
      rs_.operation_prefilter = build_set(res);
      rs_.operation_prefilter_blank = blank_line_answer(rs_.operation_prefilter.get());
      return std::nullopt;
    });
  }

  // Every *.txt of the folder that was not loaded as a cue list becomes a named word list.
  void load_word_lists(const std::string& folder) {
    const fs::path dir = fs::path(rs_.dir) / folder;
    std::error_code ec;
    std::vector<fs::path> paths;
    for (auto& e : fs::directory_iterator(dir, ec))
      if (e.is_regular_file() && e.path().extension() == ".txt" && !cue_files_.count(rel(e.path()))) paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
      WordList& list = rs_.word_lists[p.stem().string()];
      list.file = rs_.file_ref(rel(p));
      for (auto& [line, item] : read_list(p.string(), problems_)) {
        std::vector<RawToken> toks;
        tokenize(item, toks);
        if (toks.size() != 1) { problem(rel(p), line, "a word list has one word a line"); continue; }
        const uint32_t id = rs_.vocab.intern(fold(item));
        list.add(id);
        list_words_[p.stem().string()].push_back(item);
      }
    }
  }

  void load_name_patterns(const fs::path& p) {
    uint32_t file;
    auto t = read(p, {"id", "type", "kind", "priority", "pattern"}, {"country", "whole"}, file);
    for (auto& row : t.rows) {
      NamePattern np;
      np.id = row.get("id");
      np.rule = {file, row.line};
      if (!pattern_ids_.insert("name:" + np.id).second) { problem(t.path, row.line, "duplicate pattern id '" + np.id + "'"); continue; }
      const std::string type(row.get("type")), kind(row.get("kind"));
      if (type == "actor") np.type = MentionType::Actor;
      else if (type == "operation") np.type = MentionType::Operation;
      else if (type == "tool") np.type = MentionType::Tool;
      else { problem(t.path, row.line, "type must be actor, operation or tool"); continue; }
      static const std::set<std::string> actor_kinds = {"threat-group", "security-vendor", "government", "media", "organization", "person"};
      if ((np.type == MentionType::Actor && !actor_kinds.count(kind)) || (np.type == MentionType::Tool && kind != "malware" && kind != "tool") ||
          (np.type == MentionType::Operation && kind != "-")) {
        problem(t.path, row.line, "kind '" + kind + "' does not fit type " + type);
        continue;
      }
      np.kind = kind == "-" ? "" : kind;
      np.country = std::string(row.get("country"));
      if (!np.country.empty() && !check_country(t.path, row.line, np.country)) continue;
      if (np.country == "-") np.country.clear();
      const std::string_view whole = row.get("whole");
      if (whole != "" && whole != "yes" && whole != "no") { problem(t.path, row.line, "whole must be yes or no"); continue; }
      np.whole = whole == "yes";
      if (!read_name_pattern(t.path, row, np.priority, np.re, np.name_group, &np.list)) continue;
      if (np.list && np.type != MentionType::Actor) { problem(t.path, row.line, "a (?P<list>...) capture needs type actor"); continue; }
      bool lists_known = true;
      for (const auto& [name, group] : np.re->NamedCapturingGroups()) {
        if (!name.starts_with("in_")) continue;
        std::string list = name.substr(3);
        std::replace(list.begin(), list.end(), '_', '-');
        auto it = rs_.word_lists.find(list);
        if (it == rs_.word_lists.end()) {
          problem(t.path, row.line, "capture " + name + " names no word list (no rules/context/" + list + ".txt)");
          lists_known = false;
          continue;
        }
        np.listed.push_back({group, &it->second});
      }
      if (!lists_known) continue;
      np.may_cross_lines = may_cross_lines(*np.re);
      rs_.name_patterns.push_back(std::move(np));
    }
    std::vector<std::string> res;
    for (auto& np : rs_.name_patterns) res.push_back(np.may_cross_lines ? line_part(*np.re) : np.re->pattern());
    later([this, res = std::move(res)]() -> std::optional<Problem> {
      rs_.name_prefilter = PatternFilter::build(res);
      return std::nullopt;
    });
  }

  void load_cue_list(const std::string& relpath, CueList list, bool keep_case) {
    const fs::path p = fs::path(rs_.dir) / relpath;
    cue_files_.insert(rel(p));
    const uint32_t file = rs_.file_ref(rel(p));
    const std::string shown = rel(p);
    auto items = read_list(p.string(), problems_);
    for (auto& [line, item] : items) {
      FormEntry e;
      e.type = MentionType::Actor;
      e.cue_list = list;
      e.rule = {file, line};
      e.kind = FormKind::Cue;
      if (list == kGivenNames && item.back() == '*') e.cue_list = kGivenNamesAmbiguous;
      add_form(shown, item, e);
      if (!keep_case) rs_.forms.back().needs_capital = false;
    }
  }

  void load_traps(const fs::path& p) {
    uint32_t file;
    auto t = read(p, {"form", "scope", "cues"}, {}, file);
    for (auto& row : t.rows) {
      TrapEntry tr;
      tr.rule = {file, row.line};
      const std::string scope(row.get("scope"));
      if (scope != "sentence" && scope != "article") { problem(t.path, row.line, "scope must be 'sentence' or 'article'"); continue; }
      tr.article_scope = scope == "article";
      std::string form(row.get("form"));
      if (!form.empty() && form.back() == '*') form.pop_back();
      tr.form_folded = fold(form);
      for (auto& cue : split_list(row.get("cues"))) {
        std::vector<RawToken> toks;
        tokenize(cue, toks);
        std::vector<uint32_t> phrase;
        for (auto& tk : toks) phrase.push_back(rs_.vocab.intern(fold(std::string_view(cue).substr(tk.start, tk.end - tk.start))));
        if (!phrase.empty()) tr.cues.push_back(std::move(phrase));
      }
      if (tr.cues.empty()) { problem(t.path, row.line, "no cues"); continue; }
      rs_.traps.push_back(std::move(tr));
    }
  }

  // Each country form learns, once, which traps concern it.
  void attach_traps() {
    std::unordered_map<std::string, std::vector<uint32_t>> by_form;
    for (size_t i = 0; i < rs_.traps.size(); ++i) by_form[rs_.traps[i].form_folded].push_back(uint32_t(i));
    for (auto& f : rs_.forms) {
      if (f.type != MentionType::Country || f.cue_list >= 0) continue;
      auto it = by_form.find(fold(f.surface));
      if (it != by_form.end()) f.traps = it->second;
    }
    uint32_t max_id = 0;
    for (const auto& trap : rs_.traps)
      for (const auto& cue : trap.cues) max_id = std::max(max_id, cue.front());
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> by_first(rs_.traps.empty() ? 0 : max_id + 1);
    for (uint32_t t = 0; t < rs_.traps.size(); ++t)
      for (uint32_t c = 0; c < rs_.traps[t].cues.size(); ++c) by_first[rs_.traps[t].cues[c].front()].emplace_back(t, c);
    for (const auto& refs : by_first) {
      rs_.trap_cue_start.push_back(uint32_t(rs_.trap_cue_refs.size()));
      rs_.trap_cue_refs.insert(rs_.trap_cue_refs.end(), refs.begin(), refs.end());
    }
    rs_.trap_cue_start.push_back(uint32_t(rs_.trap_cue_refs.size()));
  }

  void load_date_list(const fs::path& p) {
    uint32_t file;
    auto t = read(p, {"form", "value"}, {}, file);
    DateList dl;
    dl.name = p.stem().string();
    for (auto& row : t.rows) {
      const std::string form(row.get("form"));
      if (form.empty()) { problem(t.path, row.line, "empty form"); continue; }
      const std::string key = fold(form);
      if (dl.values.count(key) && dl.values[key] != row.get("value")) {
        problem(t.path, row.line, "form '" + form + "' already maps to '" + dl.values[key] + "'");
        continue;
      }
      dl.values[key] = std::string(row.get("value"));
      dl.note_key(key);
      dl.forms.emplace_back(form, RuleRef{file, row.line});
    }
    rs_.date_lists[dl.name] = std::move(dl);
  }

  // Replaces {list} by an alternation of the list's forms, longest first.
  bool expand(const std::string& path, uint32_t line, std::string& pattern) {
    return expand_lists(pattern, "abcdefghijklmnopqrstuvwxyz-_", [&](const std::string& name) -> std::optional<std::vector<std::string>> {
      auto l = rs_.date_lists.find(name);
      if (l == rs_.date_lists.end()) {
        problem(path, line, "unknown list {" + name + "} (no rules/dates/lists/" + name + ".tsv)");
        return std::nullopt;
      }
      std::vector<std::string> forms;
      for (auto& f : l->second.forms) forms.push_back(f.first);
      return forms;
    });
  }

  void load_date_blockers(const fs::path& p) {
    uint32_t file;
    auto t = read(p, {"id", "pattern"}, {}, file);
    for (auto& row : t.rows) {
      auto re = compile(t.path, row.line, std::string(row.get("pattern")));
      if (!re) continue;
      rs_.date_blockers.push_back(std::move(re));
    }
    std::vector<std::string> res;
    for (auto& re : rs_.date_blockers) res.push_back(re->pattern());
    later([this, res = std::move(res)]() -> std::optional<Problem> {
      rs_.date_blocker_prefilter = build_set(res);
      return std::nullopt;
    });
  }

  void load_date_patterns(const fs::path& p) {
    uint32_t file;
    auto t = read(p, {"id", "type", "resolver", "pattern"}, {}, file);
    static const std::set<std::string> types = {"DATE", "TIME", "DURATION", "SET"};
    for (auto& row : t.rows) {
      DatePattern dp;
      dp.id = row.get("id");
      dp.type = row.get("type");
      dp.resolver = row.get("resolver");
      dp.rule = {file, row.line};
      if (!pattern_ids_.insert("date:" + dp.id).second) { problem(t.path, row.line, "duplicate pattern id '" + dp.id + "'"); continue; }
      if (!types.count(dp.type)) { problem(t.path, row.line, "unknown type '" + dp.type + "' (DATE, TIME, DURATION, SET)"); continue; }
      if (!is_known_date_resolver(dp.resolver)) { problem(t.path, row.line, "unknown resolver '" + dp.resolver + "'"); continue; }
      std::string pattern(row.get("pattern"));
      if (!expand(t.path, row.line, pattern)) continue;
      dp.re = compile(t.path, row.line, pattern);
      if (!dp.re) continue;
      if (auto span = dp.re->NamedCapturingGroups().find("span"); span != dp.re->NamedCapturingGroups().end()) dp.span_group = span->second;
      rs_.date_patterns.push_back(std::move(dp));
    }
    build_date_prefilter();
  }

  void build_date_prefilter() {
    std::vector<std::string> res;
    for (auto& dp : rs_.date_patterns) res.push_back(dp.re->pattern());
    later([this, res = std::move(res)]() -> std::optional<Problem> {
      rs_.date_prefilter = build_set(res);
      return std::nullopt;
    });
  }

  // One RE2::Set over the patterns: a single pass says which can match at all.
  // nullptr when RE2 cannot build it (then every pattern runs).
  // Which patterns of the set match a blank line ("\n" alone), for PatternLines::find.
  static std::vector<int> blank_line_answer(const RE2::Set* set) {
    std::vector<int> which;
    if (set) set->Match(re2::StringPiece("\n", 1), &which);
    return which;
  }

  static std::unique_ptr<RE2::Set> build_set(const std::vector<std::string>& patterns) {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_max_mem(256 << 20);
    auto set = std::make_unique<RE2::Set>(o, RE2::UNANCHORED);
    for (const std::string& p : patterns) {
      std::string err;
      if (set->Add(p, &err) < 0) return nullptr;
    }
    return set->Compile() ? std::move(set) : nullptr;
  }
};

std::unique_ptr<RuleSet> RuleSet::load(const std::string& dir, Problems& problems, unsigned threads) {
  auto rs = std::make_unique<RuleSet>();
  std::error_code ec;
  fs::path d = fs::weakly_canonical(fs::path(dir), ec);
  if (ec || !fs::is_directory(d)) {
    problems.push_back({dir, 0, "not a rules folder"});
    Problems ignored;  // the folder's problem says it all
    rs->words = std::make_unique<const ContextWords>(*rs, ignored);
    return rs;
  }
  rs->dir = d.string();
  rs->vocab.intern("");  // keep id 1 for the empty form; 0 stays "unknown"
  RuleLoader(*rs, problems, threads).run();
  rs->words = std::make_unique<const ContextWords>(*rs, problems);
  rs->index_government_bodies();
  rs->mark_weak_cyber_terms();
  return rs;
}

void RuleSet::mark_weak_cyber_terms() {
  std::vector<RawToken> toks;
  for (size_t i = 0; i < forms.size() && i < form_bits.size(); ++i) {
    if (forms[i].cue_list != kCyberTerms) continue;
    toks.clear();
    tokenize(forms[i].surface, toks);
    form_bits[i].weak_cyber = std::all_of(toks.begin(), toks.end(), [&](const RawToken& t) {
      const std::string w = fold(std::string_view(forms[i].surface).substr(t.start, t.end - t.start));
      return w == "the" || w == "a" || w == "an" || words->weak_cyber_terms.has(vocab.find(w));
    });
  }
}

void RuleSet::index_government_bodies() {
  constexpr uint32_t kShared = UINT32_MAX;
  auto add = [&](const std::string& key, uint32_t entity) {
    auto [it, fresh] = government_body_by_country_name.emplace(key, entity);
    if (!fresh && it->second != entity) it->second = kShared;
  };
  for (const FormEntry& f : forms) {
    if (f.type != MentionType::Actor || f.ambiguous || f.generated || f.cue_list >= 0) continue;
    const ActorEntry& a = actors[f.entity];
    if (a.kind != "government" || a.country.empty() || a.country == "-") continue;
    const std::string name = fold(f.surface);
    // The whole form and what is left after one or two leading words ("Dutch", "Netherlands
    // National"), keeping at least two words.
    add(a.country + "|" + name, f.entity);
    size_t cut = 0;
    for (int dropped = 0; dropped < 2; ++dropped) {
      cut = name.find(' ', cut);
      if (cut == std::string::npos || name.find(' ', cut + 1) == std::string::npos) break;
      ++cut;
      add(a.country + "|" + name.substr(cut), f.entity);
    }
  }
  std::erase_if(government_body_by_country_name, [](const auto& kv) { return kv.second == kShared; });
}

uint32_t RuleSet::government_body(std::string_view country, std::string_view folded_name) const {
  std::string key(country);
  key += '|';
  key += folded_name;
  const auto it = government_body_by_country_name.find(key);
  return it == government_body_by_country_name.end() ? UINT32_MAX : it->second;
}

}  // namespace news
