#include <doctest/doctest.h>

#include "io/dedup.hpp"
#include "io/feed_dates.hpp"
#include "io/markup.hpp"

using namespace news;

namespace {
std::string date(std::string_view s) { return normalise_feed_date(s).value_or("<none>"); }
}  // namespace

TEST_CASE("feed dates: RFC 822 in the forms feeds write it") {
  CHECK(date("Tue, 05 Mar 2019 14:30:00 GMT") == "2019-03-05T14:30:00Z");
  CHECK(date("Tue, 05 Mar 2019 14:30:00 +0000") == "2019-03-05T14:30:00Z");
  CHECK(date("Tue, 05 Mar 2019 14:30:00 -0500") == "2019-03-05T14:30:00-05:00");
  CHECK(date("Tue, 5 Mar 2019 14:30 EST") == "2019-03-05T14:30:00-05:00");
  CHECK(date("05 Mar 2019 14:30:00 PDT") == "2019-03-05T14:30:00-07:00");
  CHECK(date("Sun, 1 Dec 24 08:00:00 +1300") == "2024-12-01T08:00:00+13:00");
  CHECK(date("Mon, 20 Jun 1994 08:00:00 UT") == "1994-06-20T08:00:00Z");
  CHECK(date("Thu, 01 Jan 98 00:00:00 CST") == "1998-01-01T00:00:00-06:00");
  CHECK(date("Wed, 02 Oct 2002 13:00:00 +0100 (BST)") == "2002-10-02T13:00:00+01:00");
  CHECK(date("  Fri, 29 Feb 2024 23:59:59 Z \n") == "2024-02-29T23:59:59Z");
  CHECK(date("Sat, 10 September 2022 12:00:00 GMT") == "2022-09-10T12:00:00Z");
  CHECK(date("12 Mar 2019") == "2019-03-12");
  CHECK(date("Fri, 03 May 2024 11:00:00 +02:00") == "2024-05-03T11:00:00+02:00");
  CHECK(date("03 May 2024 11:00:00 GMT+2") == "2024-05-03T11:00:00+02:00");
  CHECK(date("Fri, 03 May 2024 1:05 PM EDT") == "2024-05-03T13:05:00-04:00");
}

TEST_CASE("feed dates: the month first, as US sites write it") {
  CHECK(date("May 3, 2024") == "2024-05-03");
  CHECK(date("Friday, May 3, 2024 11:00 AM EDT") == "2024-05-03T11:00:00-04:00");
  CHECK(date("Sept. 9, 2024 12:30 PM") == "2024-09-09T12:30:00Z");
  CHECK(date("December 12, 2023, 9:15 pm UTC-05:00") == "2023-12-12T21:15:00-05:00");
  CHECK(!normalise_feed_date("May 32, 2024"));
  CHECK(!normalise_feed_date("May 3, 2024 13:00 PM"));
}

TEST_CASE("feed dates: RFC 3339 and ISO 8601") {
  CHECK(date("2019-03-05T14:30:00Z") == "2019-03-05T14:30:00Z");
  CHECK(date("2019-03-05T14:30:00.123456+00:00") == "2019-03-05T14:30:00Z");
  CHECK(date("2019-03-05T14:30:00+05:30") == "2019-03-05T14:30:00+05:30");
  CHECK(date("2019-03-05T14:30:00-0700") == "2019-03-05T14:30:00-07:00");
  CHECK(date("2019-03-05T14:30+02") == "2019-03-05T14:30:00+02:00");
  CHECK(date("2019-03-05 14:30:00") == "2019-03-05T14:30:00Z");
  CHECK(date("2019-03-05") == "2019-03-05");
}

TEST_CASE("feed dates: what is not a date stays unparsed") {
  for (const char* bad : {"", "yesterday", "Tue, 31 Feb 2019 10:00:00 GMT", "2019-02-30", "2019-13-01T00:00:00Z",
                          "Tue, 05 Foo 2019 14:30:00 GMT", "Tue, 05 Mar 2019 25:30:00 GMT", "05 Mar 2019 14:30 XYZ",
                          "2019-03-05T14:30:00+25:00", "Tue, 05 Mar 219 10:00 GMT", "2019-03-05T14:30:00Z trailing"})
    CHECK_MESSAGE(!normalise_feed_date(bad), bad);
}

TEST_CASE("HTML to text: blocks, entities, boilerplate left out") {
  CHECK(html_to_text("<p>One</p><p>Two &amp; three</p>") == "One\n\nTwo & three");
  CHECK(html_to_text("Caf&eacute; &#8217;quoted&#8217;&nbsp;here") == "Café ’quoted’ here");
  CHECK(html_to_text("<p>Kept</p><script>var x = 1;</script><style>p{}</style><nav>Home</nav>") == "Kept");
  CHECK(html_to_text("<div class=\"share-buttons\">Share on X</div><p>Story</p>") == "Story");
  CHECK(html_to_text("<p>Story</p><aside>Related</aside><footer>(c) 2024</footer>") == "Story");
  CHECK(html_to_text("<ul><li>first</li><li>second</li></ul>") == "first\n\nsecond");
  CHECK(html_to_text("plain   text\n with  spaces") == "plain text with spaces");
  CHECK(html_to_text("<p>unclosed <b>bold") == "unclosed bold");
  CHECK(html_to_text("") == "");
  // A class word that merely contains a boilerplate word does not hide text.
  CHECK(html_to_text("<div class=\"headline-adventure\"><p>Kept</p></div>") == "Kept");
}

TEST_CASE("markup is told apart by its first bytes") {
  CHECK(sniff_markup("<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", false) == MarkupKind::Feed);
  CHECK(sniff_markup("\xEF\xBB\xBF<feed xmlns=\"http://www.w3.org/2005/Atom\">", false) == MarkupKind::Feed);
  CHECK(sniff_markup("<!-- export -->\n<feed>", true) == MarkupKind::Feed);
  CHECK(sniff_markup("<!DOCTYPE html><html>", false) == MarkupKind::Html);
  CHECK(sniff_markup("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">", false) == MarkupKind::Html);
  CHECK(sniff_markup("<div>fragment</div>", true) == MarkupKind::Html);
  CHECK(sniff_markup("<urlset>", false) == MarkupKind::Feed);  // XML, reported as not a feed by the parser
  CHECK(sniff_markup("\xFF\xFE<\0r\0", false) == MarkupKind::Feed);
}

TEST_CASE("feeds: RSS items and Atom entries become articles") {
  MarkupOptions o;
  auto rss = parse_feed(R"(<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Wire</title>
    <item><title>A &amp;amp; B</title><link> https://x.example/a </link><guid isPermaLink="false">id-1</guid>
    <pubDate>Mon, 04 Mar 2019 10:00:00 EST</pubDate><dc:creator>Jo</dc:creator><category>Tech</category>
    <description><![CDATA[<p>First.</p><p>Second.</p>]]></description></item>
    <item><description>No title, no link.</description><dc:date>2019-03-05</dc:date></item></channel></rss>)",
                        "wire.xml", o);
  REQUIRE(rss.articles.size() == 2);
  CHECK(rss.file_errors.empty());
  CHECK(rss.articles[0].id == "id-1");
  CHECK(rss.articles[0].title == "A & B");
  CHECK(rss.articles[0].published_raw == "2019-03-04T10:00:00-05:00");
  CHECK(rss.articles[0].text == "First.\n\nSecond.");
  CHECK(rss.articles[0].meta["url"] == "https://x.example/a");
  CHECK(rss.articles[0].meta["author"] == "Jo");
  CHECK(rss.articles[0].meta["source"] == "Wire");
  CHECK(rss.articles[1].id == "wire.xml#2");
  CHECK(rss.articles[1].published_raw == "2019-03-05");
  auto atom = parse_feed(R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><id>urn:1</id>
    <title type="html">&lt;b&gt;Bold&lt;/b&gt; news</title><link rel="self" href="https://x.example/self"/>
    <link href="https://x.example/e1"/><updated>2020-01-02T03:04:05.6+01:00</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Para one.</p><p>Para two.</p></div></content>
    </entry></feed>)",
                         "t.atom", o);
  REQUIRE(atom.articles.size() == 1);
  CHECK(atom.articles[0].id == "urn:1");
  CHECK(atom.articles[0].title == "Bold news");
  CHECK(atom.articles[0].meta["url"] == "https://x.example/e1");
  CHECK(atom.articles[0].published_raw == "2020-01-02T03:04:05+01:00");
  CHECK(atom.articles[0].text == "Para one.\n\nPara two.");
  auto relative = parse_feed(R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/posts/">
    <entry><id>e</id><title>T</title><link href="2024/story.html"/></entry></feed>)",
                             "r.atom", o);
  CHECK(relative.articles.at(0).meta["url"] == "https://blog.example/posts/2024/story.html");
}

TEST_CASE("feeds: broken files say where, and keep what could be read") {
  MarkupOptions o;
  auto cut = parse_feed("<rss><channel><item><title>One</title></item><item><title>Tw", "cut.rss", o);
  CHECK(cut.articles.size() >= 1);
  REQUIRE(cut.file_errors.size() == 1);
  CHECK(cut.file_errors[0].code == "malformed-feed");
  CHECK(cut.file_errors[0].message.rfind("cut.rss:1:", 0) == 0);
  auto other = parse_feed("<urlset><url><loc>x</loc></url></urlset>", "sitemap.xml", o);
  REQUIRE(other.file_errors.size() == 1);
  CHECK(other.file_errors[0].code == "not-a-feed");
  CHECK(parse_feed("", "empty.xml", o).file_errors.at(0).code == "malformed-feed");
  CHECK(parse_html_page(std::string("\x89PNG\0\0\0", 8), "x.html", o).file_errors.at(0).code == "malformed-html");
}

TEST_CASE("HTML pages: title, date, URL and the main text") {
  MarkupOptions o;
  auto page = parse_html_page(R"(<!DOCTYPE html><html><head><title>Site | Story</title>
    <meta property="og:title" content="The story">
    <link rel="canonical" href="https://news.example/story">
    <meta property="article:published_time" content="2024-05-03T11:00:00+02:00"></head>
    <body><header><nav>Home World</nav></header><div class="cookie-banner">We use cookies</div>
    <article><h1>The story</h1><p>APT28 hackers hit German ministries.</p><div class="newsletter">Sign up</div>
    <p>Officials said so.</p></article><aside>Related: other story</aside><footer>About us</footer></body></html>)",
                              "story.html", o);
  REQUIRE(page.articles.size() == 1);
  const Article& a = page.articles[0];
  CHECK(a.id == "story.html");
  CHECK(a.title == "The story");
  CHECK(a.published_raw == "2024-05-03T11:00:00+02:00");
  CHECK(a.meta["url"] == "https://news.example/story");
  CHECK(a.text == "The story\n\nAPT28 hackers hit German ministries.\n\nOfficials said so.");
}

TEST_CASE("duplicates: same URL or same text, bounded memory") {
  CHECK(normalise_url("https://www.Example.org/a/b/?utm_source=rss&id=3#top") == "example.org/a/b?id=3");
  CHECK(normalise_url("http://example.org/a/b?id=3") == "example.org/a/b?id=3");
  DuplicateFinder seen(2);
  auto article = [](std::string id, std::string url, std::string text) {
    Article a;
    a.id = std::move(id);
    if (!url.empty()) a.meta["url"] = url;
    a.text = std::move(text);
    return a;
  };
  CHECK(!seen.check(article("a", "https://x.org/1", "Text one.")));
  CHECK(seen.check(article("b", "http://www.x.org/1/", "Other text.")) == "a");
  CHECK(seen.check(article("c", "", "  TEXT   one. ")) == "a");
  CHECK(!seen.check(article("d", "", "Text two.")));
  CHECK(!seen.check(article("e", "", "Text three.")));  // forgets "a": capacity 2
  CHECK(!seen.check(article("f", "", "Text one.")));
  Article failed = article("g", "", "Text two.");
  failed.errors.push_back({"invalid-json", "x"});
  CHECK(!seen.check(failed));
}

TEST_CASE("shards: a stable hash of the id") {
  CHECK(shard_of("story-1", 7) == 5);  // first 8 bytes of SHA-1, big-endian, as Python computes it
  CHECK(shard_of("a", 7) == 5);
  CHECK(shard_of("", 7) == 0);
  CHECK(shard_of("anything", 1) == 0);
}
