// The ASCII fast path of sentence segmentation against ICU, the reference: the same boundaries
// on every corpus article, every held-out article found under /tmp/heldout*/articles, the files
// or folders listed in NEWS_EXTRACT_SENTENCE_TEXTS (':'-separated; .txt, .jsonl), and generated
// hostile ASCII.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "core/text.hpp"
#include "segment/sentences.hpp"

using namespace news;
namespace fs = std::filesystem;

namespace {

// The base rules alone (no abbreviation filter), from ICU and from the fast path.
std::vector<uint32_t> icu_base_breaks(std::string_view text) {
  static std::unique_ptr<icu::BreakIterator> bi = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale("en"), status));
    REQUIRE(U_SUCCESS(status));
    return it;
  }();
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), int64_t(text.size()), &status);
  bi->setText(ut, status);
  std::vector<uint32_t> out;
  bi->first();
  for (int32_t b = bi->next(); b != icu::BreakIterator::DONE; b = bi->next()) out.push_back(uint32_t(b));
  utext_close(ut);
  return out;
}

std::vector<uint32_t> ascii_base_breaks(std::string_view text) {
  std::vector<uint32_t> out;
  for (size_t b = 0; b < text.size();) out.push_back(uint32_t(b = next_ascii_sentence_break(text, b)));
  return out;
}

SentenceBreaks& breaks() {
  static SentenceBreaks b;
  return b;
}

// Compares both paths on `text`; returns false (after a failed CHECK naming `what`) on a difference.
bool same_boundaries(std::string_view text, const std::string& what) {
  if (ascii_prefix(text) != text.size()) return true;
  const auto icu_base = icu_base_breaks(text), fast_base = ascii_base_breaks(text);
  const auto icu = breaks().all(text, false), fast = breaks().all(text, true);
  if (icu_base == fast_base && icu == fast) return true;
  CHECK_MESSAGE(icu_base == fast_base, what << ": base rules differ on:\n" << text);
  CHECK_MESSAGE(icu == fast, what << ": filtered boundaries differ on:\n" << text);
  return false;
}

// Every non-ASCII code point replaced by 'x' (a letter, like most of them), so that the fast path
// meets every text's punctuation too.
std::string ascii_variant(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80)
      out += char(c);
    else if ((c & 0xC0) != 0x80)
      out += 'x';
  }
  return out;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The texts of a .txt file (one) or a .jsonl file (title, blank line, text: as the pipeline sees them).
std::vector<std::string> texts_of(const fs::path& p) {
  if (p.extension() == ".txt") return {read_file(p)};
  std::vector<std::string> out;
  if (p.extension() != ".jsonl") return out;
  std::ifstream in(p, std::ios::binary);
  for (std::string line; std::getline(in, line);) {
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object()) continue;
    auto field = [&](const char* k) { return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string(); };
    out.push_back(field("title") + "\n\n" + field("text"));
  }
  return out;
}

size_t check_path(const fs::path& root) {
  std::vector<fs::path> files;
  if (fs::is_directory(root)) {
    for (const auto& e : fs::recursive_directory_iterator(root))
      if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
  } else if (fs::exists(root)) {
    files.push_back(root);
  }
  size_t texts = 0, differing = 0;
  for (const auto& f : files)
    for (const auto& t : texts_of(f)) {
      if (find_invalid_utf8(t) != std::string::npos) continue;
      ++texts;
      if (!same_boundaries(t, f.string()) || !same_boundaries(ascii_variant(t), f.string() + " (ASCII variant)"))
        if (++differing > 5) return texts;
    }
  return texts;
}

}  // namespace

TEST_CASE("sentences: the ASCII path gives ICU's boundaries on the corpus and held-out articles") {
  const fs::path corpus = fs::path(NEWS_EXTRACT_SOURCE_RULES) / ".." / "corpus" / "articles";
  CHECK(check_path(corpus) > 100);
  if (fs::is_directory("/tmp"))
    for (const auto& e : fs::directory_iterator("/tmp"))
      if (e.path().filename().string().rfind("heldout", 0) == 0 && fs::is_directory(e.path() / "articles"))
        check_path(e.path() / "articles");
  if (const char* extra = std::getenv("NEWS_EXTRACT_SENTENCE_TEXTS")) {
    std::stringstream list(extra);
    for (std::string p; std::getline(list, p, ':');)
      if (!p.empty()) MESSAGE(p << ": " << check_path(p) << " texts compared");
  }
}

TEST_CASE("sentences: the ASCII path gives ICU's boundaries on hostile ASCII") {
  // Pieces that meet the rules: terminators, closers, spaces of every kind, separators,
  // abbreviations (ICU's filter list and near misses), digits round full stops, cases.
  const std::vector<std::string> pieces = {
      ".", ".", ".", "!", "?", "?!", "...", ". ", ".  ", ".\t", ".\n", ".\r\n", "\r", "\n", "\n\n", "\r\r", " ", "  ",
      "\t", "\v", "\f", "\x0b", "\x1c", "\x7f", "\x01", ",", ";", ":", "-", "--", "'", "\"", "(", ")", "[", "]", "{", "}",
      "<", ">", "/", "\\", "*", "&", "#", "%", "$", "@", "_", "`", "^", "~", "|", "+", "=",
      "0", "1", "42", "3.14", "v2.0", "1.", "No. 5", "U.S.", "U.S", "U.K.", "e.g.", "i.e.", "Mr.", "Mrs.", "Ms.", "Dr.",
      "Ph.D.", "Ph.", "D.", "Inc.", "Corp.", "Ltd.", "Co.", "Jan.", "Feb.", "Sept.", "St.", "Gen.", "Lt.", "Col.",
      "a.m.", "p.m.", "A.M.", "etc.", "vs.", "Jr.", "Sr.", "L.A.", "Calif.", "Mt.", "Fig.", "Vol.", "pp.", "approx.",
      "a", "b", "x", "the", "said", "He", "She", "The", "A", "I", "USA", "NATO", "word", "Word", "WORD", "eBay", "iPhone",
      "Smith", "x.y", "A.B", "a.B", "Q.", "q."};
  std::mt19937 rng(20261129);
  size_t differing = 0;
  for (int round = 0; round < 40000 && differing < 5; ++round) {
    std::string text;
    const int n = 1 + int(rng() % (round % 100 == 0 ? 400 : 30));
    for (int i = 0; i < n; ++i) {
      text += pieces[rng() % pieces.size()];
      if (rng() % 3 == 0) text += ' ';
    }
    if (!same_boundaries(text, "generated #" + std::to_string(round))) ++differing;
  }
  // Runs long enough to expose a quadratic look-ahead or a context lost between calls.
  std::string runs = "He left." + std::string(20000, ' ') + "and then (" + std::string(5000, ')') + ". " +
                     std::string(3000, '.') + " x " + std::string(10000, '\n') + "Mr. " + std::string(4000, '"') + "b";
  CHECK(same_boundaries(runs, "long runs"));
  // Every byte value below 0x80 once after a terminator and before a letter of each case.
  for (int c = 0; c < 128; ++c)
    for (const char* after : {"a", "A", "1", " a", " A", ""}) {
      std::string t = "It was x.";
      t += char(c);
      t += after;
      CHECK(same_boundaries(t, "byte " + std::to_string(c)));
      t = "Mr.";
      t += char(c);
      t += after;
      CHECK(same_boundaries(t, "byte after Mr. " + std::to_string(c)));
    }
  CHECK(same_boundaries("", "empty"));
  CHECK(differing == 0);
}

TEST_CASE("sentences: the fast path is taken for ASCII and gives the expected cuts") {
  CHECK(breaks().all("He left. She stayed.") == std::vector<uint32_t>{9, 20});
  CHECK(breaks().all("Mr. Smith left. Then") == std::vector<uint32_t>{16, 20});  // no break after "Mr."
  CHECK(breaks().all("Version 3.14 is out! Yes") == std::vector<uint32_t>{21, 24});
  CHECK(breaks().all("line one\nline two") == std::vector<uint32_t>{9, 17});
}
