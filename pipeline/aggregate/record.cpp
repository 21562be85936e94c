#include "aggregate/record.hpp"

#include "aggregate/relations.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <map>
#include <stdexcept>

#include "core/text.hpp"

namespace news {

using json = nlohmann::ordered_json;

namespace {

// Writes JSON text straight into a string, byte for byte what nlohmann's dump(-1, ' ',
// false, replace) writes for the same ordered_json: no spaces, keys in insertion order,
// control characters as \b \f \n \r \t or \u00xx, other UTF-8 as is, invalid UTF-8
// (only possible in fields the pipeline does not validate, like an id) handed to
// nlohmann itself so its replacement rules apply.
// The text goes into a buffer of the thread, grown when needed and never shrunk, written
// through a position with one room check per value instead of a string's check per append;
// finish() appends it to the output in one go.
class JsonOut {
 public:
  explicit JsonOut(std::string& out) : out_(out), buf_(thread_buffer()) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // Keys are the schema's names, literals of plain ASCII with nothing to escape: written as
  // they are, in copies of a size known when compiling.
  template <size_t N>
  JsonOut& key(const char (&k)[N]) {
    prefix();
    char* p = room(N + 2);
    p[0] = '"';
    std::memcpy(p + 1, k, N - 1);
    p[N] = '"';
    p[N + 1] = ':';
    pos_ += N + 2;
    after_key_ = true;
    return *this;
  }
  void string(std::string_view s) { prefix(); escaped(s); }
  void string_or_null(std::string_view s) { s.empty() ? null() : string(s); }
  void number(uint64_t n) {
    prefix();
    char* p = room(24);
    pos_ = size_t(std::to_chars(p, p + 24, n).ptr - buf_.data());
  }
  void null() { prefix(); raw("null"); }
  void dumped(const json& j) { prefix(); raw(j.dump(-1, ' ', false, json::error_handler_t::replace)); }
  void finish() { out_.append(buf_.data(), pos_); }

 private:
  std::string& out_;
  std::string& buf_;  // the thread's buffer (asked once: a thread_local is a call away); [0, pos_) is the record so far
  size_t pos_ = 0;
  static std::string& thread_buffer() {
    thread_local std::string buffer;
    return buffer;
  }
  // Bit d: the container open at depth d has nothing in it yet. The record nests six deep at most.
  uint64_t empty_ = 0;
  unsigned depth_ = 0;
  bool after_key_ = false;

  // n more bytes of room at the position; the pointer is valid until the next call.
  char* room(size_t n) {
    if (pos_ + n > buf_.size()) [[unlikely]]
      grow(n);
    return buf_.data() + pos_;
  }
  [[gnu::noinline]] void grow(size_t n) { buf_.resize(std::max(pos_ + n, 2 * buf_.size() + 4096)); }
  void raw(std::string_view s) {
    std::memcpy(room(s.size()), s.data(), s.size());
    pos_ += s.size();
  }
  void put(char c) {
    *room(1) = c;
    ++pos_;
  }
  void open(char c) {
    prefix();
    put(c);
    empty_ |= uint64_t(1) << depth_;
    ++depth_;
  }
  void close(char c) {
    put(c);
    --depth_;
  }

  void prefix() {
    if (after_key_) { after_key_ = false; return; }
    if (depth_ == 0) return;
    const uint64_t bit = uint64_t(1) << (depth_ - 1);
    if (!(empty_ & bit)) put(',');
    empty_ &= ~bit;
  }

  void escaped(std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    const size_t before = pos_;
    put('"');
    size_t run = 0;  // start of the bytes copied as they are
    bool checked = false;  // the UTF-8 from the first byte >= 0x80 on was found valid
    for (size_t i = 0; i < s.size(); ++i) {
      i += json_plain_prefix(s.substr(i), !checked);
      if (i == s.size()) break;
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x80) {
        if (checked) continue;
        if (find_invalid_utf8(s.substr(i)) != std::string_view::npos) {
          pos_ = before;
          raw(json(std::string(s)).dump(-1, ' ', false, json::error_handler_t::replace));
          return;
        }
        checked = true;
        continue;
      }
      raw(s.substr(run, i - run));
      run = i + 1;
      switch (c) {
        case '"': raw("\\\""); break;
        case '\\': raw("\\\\"); break;
        case '\b': raw("\\b"); break;
        case '\f': raw("\\f"); break;
        case '\n': raw("\\n"); break;
        case '\r': raw("\\r"); break;
        case '\t': raw("\\t"); break;
        default: {
          const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
          raw(std::string_view(u, sizeof u));
        }
      }
    }
    raw(s.substr(run));
    put('"');
  }
};

struct Span {
  uint32_t start, end;
  bool title;
};

// The record of ../shared/SCHEMA.md as JSON text. The order of keys is the contract:
// build_record() reads this text back into an ordered_json.
class RecordText {
 public:
  RecordText(const Document& doc, const RuleSet& rules, std::string& out) : doc_(doc), rules_(rules), out_(out) {}

  void write() {
    out_.begin_object();
    header(out_, doc_.article, doc_.options.keep_text);
    for (const auto& m : doc_.mentions) spans_.push_back(span_of(m));
    out_.key("actors");
    actors();
    out_.key("operations");
    operations();
    out_.key("countries");
    countries();
    out_.key("sectors");
    sectors();
    out_.key("dates");
    dates();
    out_.key("tools");
    tools();
    out_.key("relations");
    relations();
    out_.key("mentions");
    mentions();
    out_.key("errors");
    out_.begin_array();
    for (const auto& e : doc_.errors) {
      out_.begin_object();
      out_.key("code").string(e.code);
      out_.key("message").string(e.message);
      out_.end_object();
    }
    out_.end_array();
    if (!doc_.warnings.empty() || !doc_.article.warnings.empty()) {
      out_.key("warnings");
      out_.begin_array();
      for (auto& s : doc_.article.warnings) out_.string(s);
      for (auto& s : doc_.warnings) out_.string(s);
      out_.end_array();
    }
    if (doc_.options.explain && !doc_.skipped.empty()) {  // the lines no rule read, and why
      out_.key("skipped");
      out_.begin_array();
      for (const SkippedLine& line : doc_.skipped) {
        out_.begin_object();
        out_.key("start").number(code_point(line.start, false));
        out_.key("end").number(code_point(line.end, true));
        if (doc_.in_title(line.start)) out_.key("field").string("title");
        out_.key("rule").string(rules_.rule_location(line.rule));
        out_.end_object();
      }
      out_.end_array();
    }
    out_.end_object();
    out_.finish();
  }

  static void header(JsonOut& o, const Article& a, bool keep_text) {
    o.key("id").string(a.id);
    if (!a.title.empty()) o.key("title").string(a.title);
    o.key("published").string_or_null(a.published_raw);
    if (!a.meta.empty()) o.key("meta").dumped(a.meta);
    if (!a.duplicate_of.empty()) o.key("duplicate_of").string(a.duplicate_of);
    if (keep_text) o.key("text").string(a.text);
  }

 private:
  const Document& doc_;
  const RuleSet& rules_;
  JsonOut out_;
  std::vector<Span> spans_;  // code point spans, parallel to doc_.mentions
  // group_by_value's working vectors, kept between the types of a record
  std::vector<size_t> of_type_, idx_;
  std::vector<std::pair<size_t, size_t>> runs_;
  std::vector<std::string_view> aliases_;

  Span span_of(const Mention& m) const {
    if (doc_.in_title(m.start))
      return {doc_.title_offsets.code_point(m.start), doc_.title_offsets.code_point_end(m.end), true};
    return {doc_.offsets.code_point(m.start - doc_.body_start), doc_.offsets.code_point_end(m.end - doc_.body_start), false};
  }

  std::string_view text_of(const Mention& m) const { return doc_.span(m.start, m.end); }

  // Entities of one type, in order of first appearance, keyed by their value: the fields
  // `fill` writes, then the forms used and the spans in the body.
  template <class Fill>
  void group_by_value(MentionType type, Fill fill) {
    group_by_value(type, fill, [](const std::vector<size_t>&) { return true; });
  }
  // ... only the entities `keep` accepts (given the indices of their mentions)
  template <class Fill, class Keep>
  void group_by_value(MentionType type, Fill fill, Keep keep) {
    // The mentions of the type sorted by value (stable: each value's in text order), then the
    // runs of one value in order of their first mention.
    of_type_.clear();
    for (size_t i = 0; i < doc_.mentions.size(); ++i)
      if (doc_.mentions[i].type == type) of_type_.push_back(i);
    std::stable_sort(of_type_.begin(), of_type_.end(), [&](size_t a, size_t b) { return doc_.mentions[a].value < doc_.mentions[b].value; });
    runs_.clear();
    for (size_t k = 0; k < of_type_.size(); ++k)
      if (k == 0 || doc_.mentions[of_type_[k]].value != doc_.mentions[of_type_[k - 1]].value) runs_.emplace_back(k, k);
    for (size_t r = 0; r < runs_.size(); ++r) runs_[r].second = r + 1 < runs_.size() ? runs_[r + 1].first : of_type_.size();
    std::sort(runs_.begin(), runs_.end(), [&](const auto& a, const auto& b) { return of_type_[a.first] < of_type_[b.first]; });
    out_.begin_array();
    std::vector<std::string_view>& aliases = aliases_;
    for (const auto& [from, to] : runs_) {
      idx_.assign(of_type_.begin() + std::ptrdiff_t(from), of_type_.begin() + std::ptrdiff_t(to));
      const std::vector<size_t>& idx = idx_;
      if (!keep(idx)) continue;
      out_.begin_object();
      fill(doc_.mentions[idx.front()], idx);
      aliases.clear();
      for (size_t i : idx) {
        const std::string_view t = text_of(doc_.mentions[i]);
        if (std::find(aliases.begin(), aliases.end(), t) == aliases.end()) aliases.push_back(t);
      }
      out_.key("aliases");
      out_.begin_array();
      for (auto a : aliases) out_.string(a);
      out_.end_array();
      out_.key("mentions");
      out_.begin_array();
      for (size_t i : idx) {
        if (spans_[i].title) continue;
        out_.begin_array();
        out_.number(spans_[i].start);
        out_.number(spans_[i].end);
        out_.end_array();
      }
      out_.end_array();
      out_.end_object();
    }
    out_.end_array();
  }

  void actors() {
    group_by_value(MentionType::Actor, [&](const Mention& m, const std::vector<size_t>& idx) {
      out_.key("name").string(m.value);
      std::string_view kind = "person";
      if (m.entry != UINT32_MAX) {
        const auto& a = rules_.actors[m.entry];
        kind = a.kind;
        out_.key("kind").string(a.kind);
        out_.key("country").string_or_null(a.country);
        if (!a.motivation.empty()) out_.key("motivation").string(a.motivation);
        if (!a.mitre.empty()) out_.key("mitre").string(a.mitre);
        if (!a.sectors.empty()) {  // what an organisation does, hit or not (its gazetteer entry)
          out_.key("sectors").begin_array();
          for (const auto& sector : a.sectors) out_.string(sector);
          out_.end_array();
        }
        out_.key("id").string(a.id);
      } else {  // found by its syntax (people, unknown groups and victims): the finder's kind
        kind = m.kind.empty() ? std::string_view("person") : std::string_view(m.kind);
        out_.key("kind").string(kind);
        out_.key("country").string_or_null(m.country);
      }
      if (kind == "person")
        for (size_t i : idx)
          if (!doc_.mentions[i].link.empty()) {
            out_.key("organization").string(doc_.mentions[i].link);
            break;
          }
    });
  }

  void operations() {
    group_by_value(MentionType::Operation, [&](const Mention& m, const std::vector<size_t>& idx) {
      out_.key("name").string(m.value);
      std::string actor;
      for (size_t i : idx)
        if (actor.empty()) actor = operation_group(doc_, rules_, doc_.mentions[i]);
      out_.key("actor").string_or_null(actor);
    });
  }

  void countries() {
    group_by_value(MentionType::Country, [&](const Mention& m, const std::vector<size_t>& idx) {
      out_.key("code").string(m.value);
      out_.key("name").string(rules_.countries[m.entry].name);
      out_.key("roles");
      out_.begin_array();
      bool any = false;
      for (const char* r : {"target", "attribution"})
        for (size_t i : idx)
          if (doc_.mentions[i].role == r) { out_.string(r); any = true; break; }
      // Roles come from the sentences: a victim's or attacker's country is also a "mention" when
      // one of its mentions is neither ("the US Treasury sanctioned the Iranian group" beside
      // "attacks on US banks"), as the issue and the annotation guideline have it. Not the
      // dateline's city ("MANILA — The Philippine government ..."): only the reporter's place.
      if (!any || std::any_of(idx.begin(), idx.end(), [&](size_t i) {
            return doc_.mentions[i].role == "mention" && !doc_.mentions[i].dateline_place;
          }))
        out_.string("mention");
      out_.end_array();
    });
  }

  // The sectors hit: one named in a sentence about an attack, one an attacker targets (relations),
  // or one the story comes back to. A
  // sector named once in passing ("a researcher who advises banks", "the law covers energy and
  // banking") stays among the mentions, with its role.
  void sectors() {
    group_by_value(
        MentionType::Sector, [&](const Mention& m, const std::vector<size_t>&) { out_.key("name").string(m.value); },
        [&](const std::vector<size_t>& idx) {
          if (idx.size() >= 2 || std::any_of(idx.begin(), idx.end(), [&](size_t i) { return doc_.mentions[i].role == "target"; }))
            return true;
          const std::string& sector = doc_.mentions[idx.front()].value;
          return std::any_of(doc_.relations.begin(), doc_.relations.end(),
                             [&](const Relation& r) { return r.target_type == "sector" && r.target == sector; });
        });
  }

  void tools() {
    group_by_value(MentionType::Tool, [&](const Mention& m, const std::vector<size_t>&) {
      out_.key("name").string(m.value);
      out_.key("kind").string(m.entry != UINT32_MAX ? std::string_view(rules_.tools[m.entry].kind) : std::string_view(m.kind));
    });
  }

  void dates() {
    out_.begin_array();
    // mention index -> index in dates (for the dates only)
    std::vector<size_t>& date_index = idx_;
    date_index.assign(doc_.mentions.size(), 0);
    for (size_t i = 0, n = 0; i < doc_.mentions.size(); ++i)
      if (doc_.mentions[i].type == MentionType::Date) date_index[i] = n++;
    for (size_t i = 0; i < doc_.mentions.size(); ++i) {
      const auto& m = doc_.mentions[i];
      if (m.type != MentionType::Date) continue;
      out_.begin_object();
      out_.key("text").string(text_of(m));
      out_.key("value").string_or_null(m.date->value);
      out_.key("type").string(m.date->type);
      out_.key("start").number(spans_[i].start);
      out_.key("end").number(spans_[i].end);
      if (spans_[i].title) out_.key("field").string("title");
      if (!m.date->mod.empty()) out_.key("mod").string(m.date->mod);
      if (m.date->anchored) out_.key("anchor").string(doc_.anchor ? "published" : "unknown");
      if (m.range_with >= 0) {
        if (doc_.mentions.at(size_t(m.range_with)).type != MentionType::Date) throw std::out_of_range("range_with is not a date");
        const size_t other = date_index[size_t(m.range_with)];
        out_.key("range");
        out_.begin_object();
        out_.key("role").string(size_t(m.range_with) > i ? "begin" : "end");
        out_.key("with").number(other);
        out_.end_object();
      }
      out_.end_object();
    }
    out_.end_array();
  }

  void relations() {
    out_.begin_array();
    for (const auto& r : doc_.relations) {
      out_.begin_object();
      out_.key("type").string(r.type);
      out_.key("source").string(r.source);
      out_.key("target").string(r.target);
      out_.key("source_type").string(r.source_type);
      out_.key("target_type").string(r.target_type);
      out_.key("sentence").number(r.sentence);
      out_.key("evidence");
      out_.begin_array();
      out_.number(code_point(r.evidence_start, false));
      out_.number(code_point(r.evidence_end, true));
      out_.end_array();
      if (doc_.options.explain) out_.key("cue").string(r.cue);
      out_.end_object();
    }
    out_.end_array();
  }

  uint32_t code_point(uint32_t b, bool end) const {
    const OffsetMap& map = doc_.in_title(b) ? doc_.title_offsets : doc_.offsets;
    const uint32_t at = doc_.in_title(b) ? std::min<uint32_t>(b, uint32_t(doc_.article.title.size())) : b - doc_.body_start;
    return end ? map.code_point_end(at) : map.code_point(at);
  }

  void mentions() {
    out_.begin_array();
    for (size_t i = 0; i < doc_.mentions.size(); ++i) {
      const auto& m = doc_.mentions[i];
      out_.begin_object();
      out_.key("type").string(to_string(m.type));
      out_.key("start").number(spans_[i].start);
      out_.key("end").number(spans_[i].end);
      out_.key("text").string(text_of(m));
      out_.key("value").string_or_null(m.value);
      if (spans_[i].title) out_.key("field").string("title");
      if (m.type == MentionType::Country || m.type == MentionType::Sector) out_.key("role").string(m.role);
      if (doc_.options.explain) {
        out_.key("rule").string(rules_.rule_location(m.rule));
        if (!m.cue.empty()) out_.key("cue").string(m.cue);
        if (!m.beaten.empty()) {
          out_.key("beaten");
          out_.begin_array();
          for (const auto& b : m.beaten) {
            out_.begin_object();
            out_.key("type").string(to_string(b.type));
            out_.key("text").string(doc_.span(b.start, b.end));
            out_.key("value").string(b.value);
            out_.key("rule").string(rules_.rule_location(b.rule));
            out_.end_object();
          }
          out_.end_array();
        }
      }
      out_.end_object();
    }
    out_.end_array();
  }
};

}  // namespace

void write_record(const Document& doc, const RuleSet& rules, std::string& out) { RecordText(doc, rules, out).write(); }

json build_record(const Document& doc, const RuleSet& rules) {
  std::string text;
  write_record(doc, rules, text);
  return json::parse(text);
}

namespace {
json empty_record(const Article& a, const std::vector<Error>& errors, bool keep_text) {
  json rec;
  rec["id"] = a.id;
  if (!a.title.empty()) rec["title"] = a.title;
  rec["published"] = a.published_raw.empty() ? json(nullptr) : json(a.published_raw);
  if (!a.meta.empty()) rec["meta"] = a.meta;
  if (!a.duplicate_of.empty()) rec["duplicate_of"] = a.duplicate_of;
  if (keep_text) rec["text"] = a.text;
  for (const char* k : {"actors", "operations", "countries", "sectors", "dates", "tools", "relations", "mentions"})
    rec[k] = json::array();
  json e = json::array();
  for (const auto& err : errors) e.push_back({{"code", err.code}, {"message", err.message}});
  rec["errors"] = e;
  if (!a.warnings.empty()) rec["warnings"] = a.warnings;
  return rec;
}
}  // namespace

json error_record(const Article& a, const std::vector<Error>& errors, bool keep_text) {
  return empty_record(a, errors, keep_text);
}

json duplicate_record(const Article& a, bool keep_text) { return empty_record(a, {}, keep_text); }

}  // namespace news
