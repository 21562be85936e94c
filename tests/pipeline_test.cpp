#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <set>
#include <unicode/unistr.h>

#include "aggregate/record.hpp"
#include "helpers.hpp"
#include "segment/normalise.hpp"

using namespace news;
using test::analyse;
using test::values;

TEST_CASE("offsets are code points into the original text, also after accents, CJK and emoji") {
  const std::string text = "Café 🔒 攻击: “Lazarus Group” hit Zu\xCC\x88rich banks in Germany.";
  Pipeline p(test::project_rules(), ExtractOptions{});
  Article a;
  a.text = text;
  a.published_raw = "2019-03-04";
  auto rec = p.process(a);
  REQUIRE(rec["errors"].empty());
  auto cp_of = [&](const std::string& needle) {
    const size_t b = text.find(needle);
    size_t n = 0;
    for (size_t i = 0; i < b; ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    return n;
  };
  bool found_group = false, found_country = false;
  for (const auto& m : rec["mentions"]) {
    if (m["value"] == "Lazarus Group") {
      found_group = true;
      CHECK(m["start"] == cp_of("Lazarus"));
      CHECK(m["end"] == cp_of("Lazarus") + 13);
    }
    if (m["value"] == "DE") {
      found_country = true;
      CHECK(m["start"] == cp_of("Germany"));
    }
  }
  CHECK(found_group);
  CHECK(found_country);
}

TEST_CASE("aliases of one group merge into one actor") {
  auto doc = analyse("APT28, also known as Fancy Bear and Sofacy, hit the Bundestag. Researchers blamed STRONTIUM hackers.");
  Pipeline p(test::project_rules(), ExtractOptions{});
  auto rec = build_record(*doc, test::project_rules());
  int groups = 0;
  for (const auto& a : rec["actors"])
    if (a["kind"] == "threat-group") {
      ++groups;
      CHECK(a["name"] == "APT28");
      CHECK(a["country"] == "RU");
      CHECK(a["aliases"].size() >= 3);
    }
  CHECK(groups == 1);
}

TEST_CASE("ambiguous names need evidence") {
  // The exchange is an organisation; zinc the metal is no threat group.
  CHECK(values(*analyse("Zinc prices rose on the London Metal Exchange."), MentionType::Actor) == "London Metal Exchange");
  CHECK(values(*analyse("Microsoft tied the intrusions to the ZINC group."), MentionType::Actor).find("Lazarus Group") != std::string::npos);
  CHECK(values(*analyse("Georgia's governor certified the results in Atlanta on Friday."), MentionType::Country).find("GE") == std::string::npos);
  CHECK(values(*analyse("Russian tanks crossed into Georgia in 2008."), MentionType::Country).find("GE") != std::string::npos);
  CHECK(values(*analyse("She returned to work with renewed energy."), MentionType::Sector) == "");
  CHECK(values(*analyse("The hackers targeted energy and telecommunications companies."), MentionType::Sector) == "energy|telecommunications");
}

TEST_CASE("country roles come from the sentence") {
  auto doc = analyse("North Korean hackers targeted banks in Germany, while the summit took place in Vietnam.");
  std::string roles;
  for (const auto& m : doc->mentions)
    if (m.type == MentionType::Country) roles += m.value + ":" + m.role + " ";
  CHECK(roles.find("KP:attribution") != std::string::npos);
  CHECK(roles.find("DE:target") != std::string::npos);
}

TEST_CASE("people are found from titles, given names and speech verbs") {
  auto doc = analyse("\"It is rare,\" said Christiaan Beek, a senior principal engineer at McAfee. Beek added that it was new.");
  CHECK(values(*doc, MentionType::Actor).find("Christiaan Beek") != std::string::npos);
}

TEST_CASE("invalid UTF-8 in a text file is an error record, not a crash") {
  Pipeline p(test::project_rules(), ExtractOptions{});
  Article a;
  a.id = "bad";
  a.text = "ok \xFF\xFE then junk";
  auto rec = p.process(a);
  REQUIRE(rec["errors"].size() == 1);
  CHECK(rec["errors"][0]["code"] == "invalid-utf8");
  CHECK(rec["id"] == "bad");
}

TEST_CASE("people are linked to the organisation the text ties them to") {
  auto org_of = [](const std::string& text, const std::string& person) {
    auto doc = analyse(text);
    auto rec = build_record(*doc, test::project_rules());
    for (const auto& a : rec["actors"])
      if (a["name"] == person) return a.value("organization", std::string("-"));
    return std::string("(no person)");
  };
  CHECK(org_of("Jane Doe, a senior analyst at ESET, said the group is active.", "Jane Doe") == "ESET");
  CHECK(org_of("\"It is rare,\" said Christiaan Beek, McAfee senior principal engineer.", "Christiaan Beek") == "McAfee");
  CHECK(org_of("CISA director Jen Easterly warned of Chinese hackers.", "Jen Easterly") == "CISA");
  CHECK(org_of("Jane Doe said the group is active.", "Jane Doe") == "-");
}

TEST_CASE("the record written as text is the canonical JSON of the record tree") {
  // process_text writes JSON without nlohmann; reading it back and dumping it again must give
  // the same bytes, so escaping (quotes, backslashes, control characters, DEL, non-ASCII,
  // invalid UTF-8 in an unchecked field) and key order are exactly nlohmann's.
  Pipeline p(test::project_rules(), ExtractOptions{.explain = true});
  Article a;
  a.id = std::string("id \"q\" \\ \x01\x1f\x7f tab\t nl\n \xFF bad");
  a.title = "Title \xC3\xA9 \xE4\xB8\xAD \b\f\r";
  a.published_raw = "2021-06-16";
  a.meta["source"] = {{"n", 2.5}, {"list", {1, nullptr, true}}};
  a.text = "On March 3, 2021, \xE2\x80\x9CLazarus Group\xE2\x80\x9D hit banks in Germany and Japan. APT28 did too, between May 1 and May 3.";
  std::vector<std::string> codes;
  const std::string text = p.process_text(a, codes);
  CHECK(codes.empty());
  const auto tree = p.process(a);
  CHECK(text == tree.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  CHECK(nlohmann::ordered_json::parse(text).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) == text);
  CHECK(tree["actors"].size() >= 2);
  CHECK(tree["dates"].size() >= 2);

  Article bad;
  bad.id = "broken";
  bad.text = "ok \xFF then";
  codes.clear();
  const std::string err = p.process_text(bad, codes);
  REQUIRE(codes.size() == 1);
  CHECK(codes[0] == "invalid-utf8");
  CHECK(err == p.process(bad).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

TEST_CASE("a sentence does not end at an abbreviation a name goes on after") {
  using news::test::analyse;
  const size_t besides = analyse("One sentence.")->sentences.size() - 1;  // the document's own (title, ...)
  auto count = [&](const std::string& text) { return analyse(text)->sentences.size() - besides; };
  CHECK(count("In 2019 the U.S. Treasury sanctioned Evil Corp. It was the first time.") == 2);
  CHECK(count("Gen. Paul Nakasone said the command was ready. Officials agreed.") == 2);
  CHECK(count("Robert M. Lee, the chief executive, said so. He was right.") == 2);
  CHECK(count("The servers were in the U.S. The attackers used them for months.") == 2);
  CHECK(count("The plan was called Annex A. Then the hackers moved on.") == 2);
  const std::pair<const char*, size_t> sentences[] = {
      // a name's initials, each with its stop: "A.P. Moller-Maersk", "T.C. Broadnax"
      {"NotPetya tore through A.P. Moller-Maersk in 2017. It cost millions.", 2},
      {"City manager T.C. Broadnax said the city was hit. Police agreed.", 2},
      {"The hackers struck at 3 P.M. The group then left.", 2},
      // a word of capitals whose last letter is one of ICU's one-letter abbreviations ("G.", "O.", "T.")
      {"The backdoors were AIRBREAK and PHOTO. CISA and the FBI released an advisory.", 2},
      {"The hackers broke into AT&T. The carrier said so.", 2},
      {"The alert came from GCHQ. It named the group.", 2},
      {"The servers belonged to NATO. Officials agreed.", 2},
      {"The attack hit Verizon and AT&T. Both said so. MR. Smith agreed.", 3},
      {"Analysts at ABCDEF. and GHIJKT. found nothing.", 1},  // no capital after the stop
      // a word of capitals without stops inside takes no stop of its own ("the U.S. Treasury" does)
      {"It was one of the worst attacks to hit the UK. Australia, Canada and Japan agreed.", 2},
      {"Analysts said the servers sat in the US. Microsoft agreed.", 2},
      {"Analysts said the servers sat in the U.S. Treasury network for months.", 1},
  };
  for (const auto& sentence : sentences) {  // (no structured binding: clang 14 cannot capture one in CAPTURE)
    CAPTURE(sentence.first);
    CHECK(count(sentence.first) == sentence.second);
  }
}

namespace {
// The record of a one-off article published on 2021-06-16.
nlohmann::ordered_json record_of(Pipeline& p, const std::string& text) {
  Article a;
  a.id = "t";
  a.published_raw = "2021-06-16";
  a.text = text;
  return p.process(a);
}
}  // namespace

TEST_CASE("the record lists the sectors hit, not every sector named in passing") {
  Pipeline p(test::project_rules(), ExtractOptions{});
  auto sectors_of = [&](const std::string& text) {
    const auto record = record_of(p, text);
    std::string names;
    for (const auto& s : record["sectors"]) {
      if (!names.empty()) names += '|';
      names += s["name"].get<std::string>();
    }
    return names;
  };
  // named once, in a sentence that tells of no attack: among the mentions, not among the sectors hit
  const std::string passing =
      "The ransomware gang encrypted servers at the Acme hospital chain on Monday. "
      "Jane Doe, a lawyer who advises banks on fraud, said the attackers were quick.";
  CHECK(sectors_of(passing) == "healthcare");
  // in an attack sentence
  CHECK(sectors_of("The ransomware gang encrypted servers at two banks on Monday.") == "financial-services");
  // named twice, each time without an attack word: a subject of the story
  CHECK(sectors_of("Ransomware crews are busy. Banks must report incidents within a day. The banks said they would comply.") ==
        "financial-services");
}

TEST_CASE("a sector hit under a government tier is also hit under government, mentions and relations alike") {
  const auto doc = test::analyse("APT28 hacked the foreign ministry of Norway in March.");
  std::string ministry_values;
  for (const auto& m : doc->mentions)
    if (m.type == MentionType::Sector && doc->span(m.start, m.end) == "foreign ministry") ministry_values += m.value + "|";
  CHECK(ministry_values == "government-national|government|");
  std::string targets;
  for (const auto& r : doc->relations)
    if (r.type == "targets" && r.target_type == "sector") targets += r.source + "->" + r.target + "|";
  CHECK(targets.find("APT28->government-national|") != std::string::npos);
  CHECK(targets.find("APT28->government|") != std::string::npos);
  // a sector with no parent gets no twin
  const auto banks = test::analyse("APT28 hacked two banks in Norway.");
  CHECK(test::values(*banks, MentionType::Sector) == "financial-services");
}

TEST_CASE("a victim's or attacker's country is also a mention when one of its mentions is neither") {
  Pipeline p(test::project_rules(), ExtractOptions{});
  auto roles_of = [&](const std::string& text, const std::string& code) {
    const auto record = record_of(p, text);
    std::string roles;
    for (const auto& c : record["countries"])
      if (c["code"] == code)
        for (const auto& r : c["roles"]) roles += (roles.empty() ? "" : "|") + r.get<std::string>();
    return roles;
  };
  const std::string attack = "Russian hackers from APT28 broke into the networks of German ministries last year. ";
  // every mention of it is a victim's: the target role alone
  CHECK(roles_of(attack + "The group also hacked German banks.", "DE") == "target");
  // one mention of its own (its government reacting): a party of the story too
  CHECK(roles_of(attack + "Germany summoned the Russian ambassador.", "DE") == "target|mention");
  // the attacker's country named for its embassy: attribution and mention
  CHECK(roles_of(attack + "Germany summoned the Russian ambassador.", "RU") == "attribution|mention");
  // no other role: a mention however often it is named
  CHECK(roles_of("The summit was held in Hanoi, Vietnam.", "VN") == "mention");
  // the dateline's city is where the reporter files from; the same capital speaking is the government
  CHECK(roles_of("BERN — Russian hackers broke into the networks of Swiss ministries.", "CH") == "target");
  CHECK(roles_of("KYIV, Ukraine — Russian hackers broke into the networks of Swiss ministries.", "UA") == "mention");
  CHECK(roles_of("Russian hackers broke into the networks of Swiss ministries. Bern said it would respond.", "CH") == "target|mention");
}

TEST_CASE("hard-wrapped text reads as its paragraphs: the same relations, and its line breaks inside sentences are spaces") {
  Pipeline p(test::project_rules(), ExtractOptions{});
  const std::string wrapped =
      "Hackers from the LockBit ransomware gang broke into the network of\n"
      "Boeing last month and stole files on parts and sales, the aircraft\n"
      "maker said on Tuesday.\n"
      "\n"
      "The company said the intruders had also reached the systems of\n"
      "its distribution arm and that it had notified customers in the\n"
      "United States and Canada whose data may have been taken.\n";
  const std::string unwrapped =
      "Hackers from the LockBit ransomware gang broke into the network of Boeing last month and stole files on parts and sales, "
      "the aircraft maker said on Tuesday.\n\nThe company said the intruders had also reached the systems of its distribution "
      "arm and that it had notified customers in the United States and Canada whose data may have been taken.\n";
  const auto a = record_of(p, wrapped), b = record_of(p, unwrapped);
  CHECK(a["relations"].dump() == b["relations"].dump());
  CHECK(a["relations"].dump().find("Boeing") != std::string::npos);
  CHECK(a["countries"].dump() == b["countries"].dump());

  std::string norm = "Title\n\n" + wrapped;
  join_wrapped_lines(norm, 7);
  CHECK(norm.size() == 7 + wrapped.size());  // every offset stays
  CHECK(norm.find("network of Boeing") != std::string::npos);
  CHECK(norm.find("Tuesday. The company") == std::string::npos);  // the blank line still parts the paragraphs
  CHECK(norm.find("Tuesday.\n\nThe company") != std::string::npos);
}

TEST_CASE("text with one paragraph a line, or a list, is not joined") {
  const std::string one_a_line =
      "LockBit hit Boeing last week.\nThe company said it was investigating.\nShares fell on Monday.\n"
      "Analysts said more victims would follow.\n";
  std::string norm = one_a_line;
  join_wrapped_lines(norm, 0);
  CHECK(norm == one_a_line);
  const std::string list =
      "The victims included:\n- banks in Germany\n- hospitals in France\n- the port of\nRotterdam and other harbours\nand a school.\n";
  norm = list;
  join_wrapped_lines(norm, 0);
  CHECK(norm.find("\n- banks in Germany\n- hospitals in France\n- the port of") != std::string::npos);  // items stay lines
}

TEST_CASE("a paragraph that opens on a date is background: the attacker of the paragraphs before is not carried into it") {
  Pipeline p(test::project_rules(), ExtractOptions{});
  auto targets = [&](const std::string& text) {
    std::string out;
    const auto record = record_of(p, text);
    for (const auto& r : record["relations"])
      if (r["type"] == "targets" && r["target_type"] == "actor") out += r["source"].get<std::string>() + "->" + r["target"].get<std::string>() + ";";
    return out;
  };
  const std::string lead = "APT41 hackers broke into the networks of Boeing, the company said on Monday.\n\n";
  // the same paragraph, or a new one that goes on with no date: still the story's attacker
  CHECK(targets(lead + "Airbus was also hit.").find("APT41->Airbus") != std::string::npos);
  // a paragraph that opens on a date tells of something else
  CHECK(targets(lead + "In 2017, Airbus was also hit.").find("APT41->Airbus") == std::string::npos);
  CHECK(targets(lead + "Last year, Airbus was also hit.").find("APT41->Airbus") == std::string::npos);
  // a date inside a paragraph that goes on does not cut it
  CHECK(targets(lead.substr(0, lead.size() - 2) + " In 2017, Airbus was also hit.").find("APT41->Airbus") != std::string::npos);
}

TEST_CASE("character references left in plain text are read as their characters, and offsets still point into the original") {
  Pipeline p(test::project_rules(), ExtractOptions{});
  const std::string escaped = "Hackers from APT28 broke into the networks of AT&amp;T and Marks &amp; Spencer, the companies said. "
                              "The group&#39;s tools were found by Mandiant&#x2019;s analysts.";
  const std::string plain = "Hackers from APT28 broke into the networks of AT&T and Marks & Spencer, the companies said. "
                            "The group's tools were found by Mandiant\u2019s analysts.";
  const auto a = record_of(p, escaped), b = record_of(p, plain);
  CHECK(a["relations"].size() == b["relations"].size());
  CHECK(a["relations"].dump().find("\"AT&T\"") != std::string::npos);
  bool found = false;
  for (const auto& m : a["mentions"])
    if (m["value"] == "AT&T") {
      found = true;
      CHECK(escaped.substr(m["start"].get<size_t>(), m["end"].get<size_t>() - m["start"].get<size_t>()) == "AT&amp;T");
    }
  CHECK(found);
  // what is no character reference, or stands for a control character or none, stays as written
  for (const std::string hostile : {"&&&& &; &#; &#x; &#0; &#xD800; &#x110000; &#99999999999999; &nosuchname; &amp", "R&D and P&G"}) {
    const auto r = record_of(p, hostile);
    CHECK(r["errors"].empty());
    const auto doc = test::analyse(hostile);
    CHECK(doc->norm.substr(doc->body_start) == hostile);
  }
  // `text` reads as `expected`, and its one AT&T starts at code point `at` of the text as written
  auto reads_as = [](const std::string& text, const std::string& expected, int32_t at) {
    const auto doc = test::analyse(text);
    CHECK(doc->norm.substr(doc->body_start) == expected);
    size_t at_t = 0;
    for (const auto& m : doc->mentions)
      if (m.value == "AT&T") {
        ++at_t;
        CHECK(doc->offsets.code_point(m.start - doc->body_start) == at);
      }
    CHECK(at_t == 1);
  };
  // escaped twice, by a feed that escaped its text again: decoded twice, offsets still into the original
  reads_as("The group&amp;#39;s tools hit AT&amp;amp;T, Mandiant&amp;rsquo;s analysts said.",
           "The group's tools hit AT&T, Mandiant\u2019s analysts said.", 30);
  // a reference among characters NFC changes: both edits map back ("Cafe\u0301" is composed)
  reads_as("Cafe\u0301 &amp; APT28 hackers broke into the networks of AT&amp;T.",
           "Caf\u00e9 & APT28 hackers broke into the networks of AT&T.", 53);
}

// A record's relations as "type source -> target" lines, without their offsets.
std::set<std::string> relation_lines(const nlohmann::json& record) {
  std::set<std::string> out;
  for (const auto& x : record["relations"])
    out.insert(x["type"].get<std::string>() + " " + x["source"].get<std::string>() + " -> " + x["target"].get<std::string>());
  return out;
}

// What `text` holds between the code points a record gives as a span's "start" and "end".
std::string written(const std::string& text, const nlohmann::json& span) {
  std::string s;
  icu::UnicodeString::fromUTF8(text).tempSubStringBetween(span["start"].get<int32_t>(), span["end"].get<int32_t>()).toUTF8String(s);
  return s;
}

TEST_CASE("soft hyphens, zero-width and bidirectional marks, and Unicode spaces of scraped text read as plain text") {
  Pipeline p(test::project_rules(), ExtractOptions{});
  const std::string plain = "Hackers of the Lazarus Group stole $81 million from Bangladesh Bank on February 4, 2016, "
                            "Symantec said. Later the Sandworm group hit the Ukrainian power grid.";
  const std::string scraped = "Hackers of the Laz\u00ADarus\u00A0Group stole $81\u202Fmillion from Bangla\u200Bdesh Bank on "
                              "February\u00A04,\u00A02016, \u200ESymantec\u200F said.\u2028Later the San\u00ADd\u00ADworm group hit the "
                              "Ukrai\u2060nian\u2009power grid.\uFEFF";
  const auto a = record_of(p, scraped), b = record_of(p, plain);
  CHECK(relation_lines(b).size() >= 5);
  CHECK(relation_lines(a) == relation_lines(b));
  CHECK(a["actors"].size() == b["actors"].size());
  CHECK(a["dates"].size() == b["dates"].size());
  CHECK(a["countries"].size() == b["countries"].size());
  const auto doc = test::analyse(scraped);
  CHECK(doc->norm.substr(doc->body_start) ==
        "Hackers of the Lazarus Group stole $81 million from Bangladesh Bank on February 4, 2016, Symantec said.\n"
        "Later the Sandworm group hit the Ukrainian power grid.");
  // offsets are code points of the text as written
  std::map<std::string, std::string> seen;
  for (const auto& m : a["mentions"]) seen[m["value"].get<std::string>()] = written(scraped, m);
  CHECK(seen["Lazarus Group"] == "Laz\u00ADarus\u00A0Group");
  CHECK(seen["Sandworm Team"] == "San\u00ADd\u00ADworm");
  CHECK(seen["2016-02-04"] == "February\u00A04,\u00A02016");
  CHECK(seen["UA"] == "Ukrai\u2060nian");
}

TEST_CASE("HTML tags and Markdown left in plain text read as the text they mark up, and offsets still point into the original") {
  Pipeline p(test::project_rules(), ExtractOptions{});
  const std::string plain = "Hackers from the Lazarus Group broke into Sony Pictures, Mandiant said on Monday.\n\n"
                            "The attack hit studios in the United States.";
  const std::string html = "<p>Hackers from the <a href=\"https://example.com/apt\" class=\"x\">Lazarus Group</a> broke into "
                           "<b>Sony Pictures</b>, <em>Mandiant</em> said on Monday.</p><!-- ad slot --><p>The attack hit "
                           "studios in the <span>United States</span>.<br/></p>";
  const std::string markdown = "## Hackers from the **Lazarus Group** broke into _Sony Pictures_, "
                               "[Mandiant](https://www.mandiant.com/resources) said on Monday.\n\n"
                               "The attack hit studios in the ![flag](https://x.org/f.png) United States.";
  const auto expected = relation_lines(record_of(p, plain));
  CHECK(expected.size() >= 3);
  for (const std::string& marked : {html, markdown}) {
    const auto r = record_of(p, marked);
    CHECK(relation_lines(r) == expected);
    bool found = false;
    for (const auto& m : r["mentions"])
      if (m["value"] == "Lazarus Group") {
        found = true;
        CHECK(marked.substr(m["start"].get<size_t>(), m["end"].get<size_t>() - m["start"].get<size_t>()) == "Lazarus Group");
      }
    CHECK(found);
  }
  CHECK(test::analyse(html)->norm.find("Mandiant said on Monday.\n\nThe attack") != std::string::npos);
  // what is no markup stays as written
  for (const std::string& kept : {std::string("if a < b and c > d, <Lazarus> and <3 stay"), std::string("LoJax's info_efi module and snake_case names"),
                                  std::string("5 * 3 is 15, 2*x, #hashtag #1"), std::string("a footnote [1] and [brackets] (not a link)"),
                                  std::string("an open <!-- comment and an open [link](that never closes")}) {
    const auto doc = test::analyse(kept);
    CHECK(doc->norm.substr(doc->body_start) == kept);
  }
  // hostile markup: no crash, one record
  for (const std::string& hostile : {std::string(200000, '<'), std::string(200000, '['), std::string(200000, '*'),
                                     [] { std::string s; for (int i = 0; i < 20000; ++i) s += "<!--[a](<b>*x*"; return s; }(),
                                     [] { std::string s; for (int i = 0; i < 20000; ++i) s += "[Lazarus](https://x/"; return s; }()}) {
    CHECK(record_of(p, hostile)["errors"].empty());
  }
}

// `text` as UTF-8 that was read as Windows-1252 and written out again; `drop` leaves out the bytes
// Windows-1252 does not define (as many decoders do), otherwise they become the C1 controls.
std::string mojibake(const std::string& text, bool drop) {
  static const char32_t high[32] = {0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                    0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178};
  icu::UnicodeString out;
  for (unsigned char b : text) {
    if (b < 0x80 || b >= 0xA0) out.append(UChar32(b));
    else if (char32_t c = high[b - 0x80]; c >= 0xA0 || !drop) out.append(UChar32(c));
  }
  std::string s;
  return out.toUTF8String(s);
}

TEST_CASE("mojibake (UTF-8 once read as Windows-1252) reads as the text it was, and offsets still point into the original") {
  Pipeline p(test::project_rules(), ExtractOptions{});
  const std::string plain = "North Korea\u2019s Lazarus Group stole \u00a381 million from banks in S\u00e3o Paulo and Krak\u00f3w, "
                            "ESET said. \u201cThe group\u2019s tools\u201d \u2014 a \U0001F525 backdoor \u2014 hit the Bangladesh Bank.";
  const auto expected = record_of(p, plain);
  CHECK(relation_lines(expected).size() >= 3);
  for (const std::string& broken : {mojibake(plain, false), mojibake(plain, true), mojibake(mojibake(plain, false), false)}) {
    CAPTURE(broken);
    REQUIRE(broken != plain);
    const auto doc = test::analyse(broken);
    CHECK(doc->norm.substr(doc->body_start) == plain);
    const auto r = record_of(p, broken);
    CHECK(relation_lines(r) == relation_lines(expected));
    CHECK(r["countries"].size() == expected["countries"].size());
    bool found = false;
    for (const auto& m : r["mentions"])
      if (m["value"] == "KP") {
        found = true;
        CHECK(written(broken, m) == "North Korea");
      }
    CHECK(found);
  }
  // text as written, with Latin-1 letters and symbols next to one another, stays as it is
  for (const std::string kept : {"caf\u00e9, na\u00efve, \u00d8rsted, G\u00f6teborg, S\u00e3o Paulo, Stra\u00dfe, 3\u00d74, \u00bd",
                                 "\u00c2 alone, \u00c3 at the end \u00c3", "\u00e9\u2014 then text, and at the end: \u00e2",
                                 "\u00f0\u0178\u201d, three bytes of four",
                                 "CAF\u00c9\u2014LIMA, PER\u00da\u2019s, un caf\u00e9\u2026\u00bb",
                                 "CAF\u00c9\u2026 and \u00c7\u2026 and ESPA\u00d1\u201d: no run that leaves no doubt"}) {
    CAPTURE(kept);
    const auto doc = test::analyse(kept);
    CHECK(doc->norm.substr(doc->body_start) == kept);
  }
}

TEST_CASE("blank lines between paragraphs are one sentence slot however many there are") {
  const std::string a = "APT41 hackers broke into Boeing, the company said.\n\nAirbus was also hit.";
  const std::string b = "APT41 hackers broke into Boeing, the company said.\n\n\n\nAirbus was also hit.";
  CHECK(test::analyse(a)->sentences.size() == test::analyse(b)->sentences.size());
}

TEST_CASE("lines of a scraped page that are not the story are left out, offsets stay, and --explain says which rule") {
  ExtractOptions explain;
  explain.explain = true;
  Pipeline p(test::project_rules(), explain);
  const std::string story = "Hackers linked to North Korea broke into banks in Chile, Symantec said on Monday.";
  const std::string page = "By Jane Doe and Omar al Farsi, Security Editor\n\n" + story +
                           "\n\nREAD MORE: Iranian hackers hit hospitals in Israel\n\nJoin the conversation about this story \u00bb\n"
                           "Image: Getty Images\n(Reporting by John Smith; Editing by Mary Jones)\n\u00a9 2024 Example News. All rights reserved.";
  const auto r = record_of(p, page), plain = record_of(p, story);
  std::set<std::string> codes, plain_codes;
  for (const auto& c : r["countries"]) codes.insert(c["code"].get<std::string>());
  for (const auto& c : plain["countries"]) plain_codes.insert(c["code"].get<std::string>());
  CHECK(codes == plain_codes);  // no IR, no IL from the promotion of another story
  CHECK(r["actors"].size() == plain["actors"].size());  // no byline people, no Getty Images
  CHECK(r["sectors"].size() == plain["sectors"].size());  // no hospitals
  REQUIRE(r["skipped"].size() == 6);
  std::vector<std::string> skipped;
  for (const auto& s : r["skipped"]) {
    skipped.push_back(written(page, s));
    CHECK(s["rule"].get<std::string>().starts_with("rules/layout/boilerplate.tsv:"));
  }
  CHECK(skipped.front() == "By Jane Doe and Omar al Farsi, Security Editor");
  CHECK(skipped[1] == "READ MORE: Iranian hackers hit hospitals in Israel");
  // the story's own offsets did not move
  for (const auto& m : r["mentions"])
    if (m["value"] == "Symantec") CHECK(page.substr(m["start"].get<size_t>(), 8) == "Symantec");
  // lines of the story that look like boilerplate but are not
  for (const std::string& kept :
       {std::string("By Tuesday, the hackers had stolen data from Sony, Mandiant said."),
        std::string("Story text first.\nBy the end of the year, APT28 had hit Germany."),
        std::string("Related attacks hit Germany, the BSI said."),
        std::string("More than 80 organisations in Germany were hit, McAfee said."),
        std::string("Credit/debit card numbers of customers in Germany were stolen by FIN7."),
        std::string("Copyright holders in Germany sued the group."),
        std::string("Subscribers of the service in Germany were hit by APT28, the company said."),
        std::string("Watch out for phishing from APT28, the BSI warned Germans.")}) {
    const auto k = record_of(p, kept);
    CHECK_MESSAGE(!k.contains("skipped"), kept);
  }
}

TEST_CASE("a list's markers are blanked, byte for byte, so that an item opens on its first word") {
  const std::string text = "Victims named in the advisory:\n- Sony Pictures\n\u2022 Boeing\n2. Airbus\nb) Rusta\n-5 degrees stays\n--- stays";
  const auto doc = test::analyse(text);
  CHECK(doc->norm.substr(doc->body_start) ==
        "Victims named in the advisory:\n  Sony Pictures\n    Boeing\n   Airbus\n   Rusta\n-5 degrees stays\n--- stays");
}

// An example for a rule of layout/boilerplate.tsv that works on part of a field: an input, what the
// rule leaves out of it, and an input of the same shape it must leave whole.
struct LayoutExample {
  std::string input, left_out, kept;
};

// Every rule of `list` has its example in `examples`: the input, made an article by `article` (as its
// title or its text), has that part left out first, by that rule, in `field`; the look-alike keeps
// all of it.
void check_layout_examples(const std::vector<BoilerplateRule>& list, const std::map<std::string, LayoutExample>& examples,
                           const std::string& field, const std::function<Article(const std::string&)>& article) {
  const RuleSet& rules = test::project_rules();
  ExtractOptions explain;
  explain.explain = true;
  Pipeline p(rules, explain);
  for (const BoilerplateRule& rule : list) {
    const auto example = examples.find(rule.id);
    REQUIRE_MESSAGE(example != examples.end(), "no example for rule " << rule.id);
    const LayoutExample& e = example->second;
    const auto r = p.process(article(e.input));
    REQUIRE_MESSAGE(r.contains("skipped"), rule.id);
    const auto& skipped = r["skipped"][0];
    CHECK_MESSAGE(skipped["rule"] == rules.rule_location(rule.rule), rule.id);
    CHECK_MESSAGE(skipped.value("field", "text") == field, rule.id);
    const size_t start = skipped["start"].get<size_t>(), end = skipped["end"].get<size_t>();
    CHECK_MESSAGE(e.input.substr(start, end - start) == e.left_out, rule.id);
    CHECK_MESSAGE(!p.process(article(e.kept)).contains("skipped"), rule.id << ": " << e.kept);
  }
}

TEST_CASE("every title-end rule leaves out the site's name a title ends with, and no headline that ends alike") {
  const RuleSet& rules = test::project_rules();
  check_layout_examples(rules.title_ends,
                        {{"site-after-pipe", {"Lazarus Group hits banks in Chile | Security | Northbridge Post", " | Security | Northbridge Post",
                                              "Lazarus Group hits banks in Chile, officials say"}},
                         {"site-after-dash", {"APT29 phished diplomats in Italy - Microsoft Security Blog", " - Microsoft Security Blog",
                                              "APT29 phished diplomats in Italy - FBI"}}},
                        "title", [](const std::string& title) {
                          Article a;
                          a.id = "t";
                          a.title = title;
                          a.text = "Hackers linked to North Korea broke into banks in Chile, Symantec said on Monday.";
                          return a;
                        });
  // the site's name is no actor of the story; a headline's source stays one
  Pipeline p(rules, ExtractOptions{});
  Article a;
  a.id = "t";
  a.text = "Hackers broke into the network of a hospital in Ohio last week.";
  for (const std::string title : {"Hackers hit Ohio hospital | SecurityWeek", "Hackers hit Ohio hospital - BBC News",
                                  "Hackers hit Ohio hospital \u2013 The Record by Recorded Future", "Hackers hit Ohio hospital - news.example.com"}) {
    a.title = title;
    CHECK_MESSAGE(p.process(a)["actors"].empty(), title);
  }
  a.title = "Russian hackers hit Ohio hospital - FBI";
  CHECK(p.process(a)["actors"].size() == 1);
  ExtractOptions explain;
  explain.explain = true;
  a.title = "SecurityWeek";  // nothing of the title would be left
  CHECK(!Pipeline(rules, explain).process(a).contains("skipped"));
}

TEST_CASE("every text-start rule leaves out what opens a text and is not the story, and keeps what only looks alike") {
  const RuleSet& rules = test::project_rules();
  check_layout_examples(rules.text_starts,
                        {{"dateline-wire-credit", {"KYIV, Jan 5 (Reuters) - Russian hackers hit banks in Chile, Symantec said.", "(Reuters)",
                                                   "KYIV, Jan 5 - Russian hackers hit banks in Chile, Reuters reported, citing Symantec."}}},
                        "text", [](const std::string& text) {
                          Article a;
                          a.id = "t";
                          a.text = text;
                          return a;
                        });
  // the wire's credit is no actor; the dateline's place and date stay
  ExtractOptions explain;
  explain.explain = true;
  Pipeline p(rules, explain);
  const auto r = record_of(p, "LONDON, Nov 30 (Reuters) - Russian hackers hit banks in Chile, Symantec said.");
  CHECK(r["actors"].size() == 1);
  CHECK(r["dates"].size() == 1);
  CHECK(r["countries"].size() == 3);
  for (const std::string kept : {"(Reuters) said on Monday that hackers hit banks.", "Reuters - the agency - said hackers hit banks.",
                                 "(Reuters)"}) {
    CAPTURE(kept);
    CHECK(!record_of(p, kept).contains("skipped"));
  }
}

TEST_CASE("a line the text has already had, word for word, is left out: the story scraped twice counts once") {
  const RuleSet& rules = test::project_rules();
  REQUIRE(!rules.repeats.empty());
  ExtractOptions explain;
  explain.explain = true;
  Pipeline p(rules, explain);
  const std::string lead = "Hackers linked to North Korea broke into three banks in Chile last month, Symantec said on Monday.";
  const std::string story = lead + "\n\nThe banks did not say more.\n\nOfficials declined to comment.";
  const auto once = record_of(p, story), twice = record_of(p, story + "\n\n" + story);
  REQUIRE(twice.contains("skipped"));
  CHECK(twice["skipped"].size() == 1);  // the lead; the short lines are too common to be a sign
  CHECK(twice["skipped"][0]["rule"] == rules.rule_location(rules.repeats[0].rule));
  CHECK(twice["skipped"][0]["start"].get<size_t>() > lead.size());  // the second copy, not the first
  CHECK(relation_lines(twice) == relation_lines(once));
  CHECK(twice["dates"].size() == once["dates"].size());
  // a line that differs by a word, or a short one said twice, stays
  for (const std::string& kept : {lead + "\n\n" + lead.substr(0, lead.size() - 1) + ", it added.", std::string("No comment.\n\nNo comment.")})
    CHECK_MESSAGE(!record_of(p, kept).contains("skipped"), kept);
  // many copies of one line: linear, one record
  std::string many;
  for (int i = 0; i < 20000; ++i) many += lead + "\n";
  CHECK(record_of(p, many)["errors"].empty());
}

TEST_CASE("every boilerplate rule skips a line of its kind where it applies, and no story sentence that opens alike") {
  const RuleSet& rules = test::project_rules();
  // rule id -> a line it must skip, and a story sentence with the same opening that must stay
  const std::map<std::string, std::pair<std::string, std::string>> examples = {
      {"byline", {"By: Yusuf Demir and Lena Hoff, Tech Desk", "By exploiting a flaw in Fortinet devices, APT41 reached ministries in Italy."}},
      {"promotion", {"RELATED STORY: Hackers drain $12m from a Hong Kong bank", "Related intrusions hit ministries in Italy, the CSIRT said."}},
      {"share", {"Join the conversation about this story \u00bb", "Share prices of Okta fell after hackers stole support files."}},
      {"newsletter-prompt", {"Get the latest security news delivered to your inbox. Subscribe now.", "Get-rich schemes run by FIN7 hit banks in Italy, Mandiant said."}},
      {"advertisement", {"- Advertisement -", "Advertisement networks were abused by FIN7 to reach users in Italy."}},
      {"republished", {"This article originally appeared in the Northbridge Post.", "A report published by Topsec linked the emails to APT41."}},
      {"picture-credit", {"Photo by Tomasz Kowal for The Daily Ledger", "Photo-sharing sites in Italy were defaced by Anonymous Sudan."}},
      {"wire-credits", {"(Reporting by Raul Echeverria; Editing by Sam Okafor)", "Reporting by the Northbridge Post showed that APT41 had been inside for two years."}},
      {"tip-prompt", {"Have a tip? Contact us at tips@ledger.example", "Contact with the hackers was lost, the FBI said of the Lazarus Group."}},
      {"copyright", {"\u00a9 2024 Northbridge Post. All rights reserved.", "Copyright claims against the Lazarus Group were filed in Italy."}},
  };
  ExtractOptions explain;
  explain.explain = true;
  Pipeline p(rules, explain);
  const std::string story = "Hackers linked to North Korea broke into banks in Chile, Symantec said on Monday.\n\n"
                            "The intrusions lasted several weeks, the company said.";
  for (const BoilerplateRule& rule : rules.boilerplate) {
    const auto example = examples.find(rule.id);
    REQUIRE_MESSAGE(example != examples.end(), "no example for boilerplate rule " << rule.id);
    const std::string& line = example->second.first;  // (no structured binding: clang will not let a check capture one)
    const std::string& sentence = example->second.second;
    const std::string page = rule.place == BoilerplateRule::Place::Top ? line + "\n\n" + story
                           : rule.place == BoilerplateRule::Place::Bottom ? story + "\n\n" + line
                                                                          : story + "\n\n" + line + "\n\nOfficials declined to comment.";
    const auto r = record_of(p, page);
    REQUIRE_MESSAGE(r.contains("skipped"), rule.id);
    CHECK_MESSAGE(r["skipped"][0]["rule"] == rules.rule_location(rule.rule), rule.id);
    for (const std::string& text : {sentence + "\n\n" + story, story + "\n\n" + sentence})
      CHECK_MESSAGE(!record_of(p, text).contains("skipped"), rule.id << ": " << sentence);
  }
}

TEST_CASE("the items of a list that a sentence about an attack opens are its victims") {
  Pipeline p(test::project_rules(), ExtractOptions{});
  // the relations a record has of those asked for, in the order asked
  auto which_of = [](const nlohmann::ordered_json& record, std::initializer_list<const char*> asked) {
    const auto have = relation_lines(record);
    std::string found;
    for (const char* r : asked)
      if (have.count(r)) found += std::string(found.empty() ? "" : "; ") + r;
    return found;
  };
  const auto attacked = record_of(p,
      "Trend Micro published its report on the Void Balaur hackers on Wednesday. Among those they went after:\n"
      "- executives at mobile telecommunications companies;\n"
      "- banks and medical insurers;\n"
      "- journalists in Uzbekistan, some of whom later left the country;\n"
      "\u2022 opposition candidates in Belarus.\n\n"
      "The company said the hackers sell the data they steal.");
  const auto items = {"targets Void Balaur -> UZ", "targets Void Balaur -> BY", "targets Void Balaur -> financial-services",
                      "targets Void Balaur -> telecommunications"};
  CHECK(which_of(attacked, items) ==
        "targets Void Balaur -> UZ; targets Void Balaur -> BY; targets Void Balaur -> financial-services; "
        "targets Void Balaur -> telecommunications");
  // the same items under a sentence of no attack: places named in passing
  const auto advice = record_of(p,
      "Void Balaur hackers sell stolen data, Trend Micro said on Wednesday. The company advised:\n"
      "- journalists in Uzbekistan to turn on two-factor authentication;\n"
      "- activists in Belarus to check their phones.");
  CHECK(which_of(advice, items) == "");
  // numbered items count too; a line that opens no item ends the list
  const auto numbered = record_of(p,
      "The Conti gang hit three targets last year:\n1. a hospital in Ireland;\n2. the finance ministry of Costa Rica.\n"
      "Separately, police in Ukraine said they had raided a flat.");
  CHECK(which_of(numbered, {"targets Conti -> IE", "targets Conti -> CR", "targets Conti -> UA"}) ==
        "targets Conti -> IE; targets Conti -> CR");
}
