// Articles out of markup: RSS 2.0, RSS 1.0 (RDF) and Atom feeds (one article
// per item or entry) and HTML pages (one article each), parsed with libxml2.
//
//   MarkupResult r = parse_feed(bytes, "feeds/news.xml", options);
//   for (Article& a : r.articles) ...;          // in document order
//   for (Error& e : r.file_errors) ...;         // "malformed-feed", "not-a-feed"
//
//   Article page = parse_html_page(bytes, "pages/story.html", options);
//   std::string text = html_to_text("<p>One</p><p>Two &amp; three</p>");  // "One\n\nTwo & three"
//
// Text keeps paragraphs (blocks separated by a blank line), decodes entities,
// and leaves out scripts, styles, navigation, headers, footers, asides, forms
// and elements whose class, id or role says they are boilerplate (cookie
// banners, share buttons, newsletter boxes, related stories). A page's main
// text is its <article>, <main> or articleBody element with the most
// paragraph text, else its <body>.
//
// Safe on hostile input: no network, no external entities, libxml2's limits
// on depth and entity expansion. Not thread-safe: call from one thread at a
// time (the reader thread).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"

namespace news {

struct MarkupOptions {
  size_t max_article_bytes = 8u << 20;  // an item with more text gets "article-too-large"
};

struct MarkupResult {
  std::vector<Article> articles;
  std::vector<Error> file_errors;  // problems of the file as a whole
};

enum class MarkupKind { Feed, Html };

// An HTML element that breaks the text into blocks (<p>, <div>, <li>, <br>, ...), in any case.
bool is_block_element(std::string_view name);

// Decides from the first bytes (after a BOM and the XML prologue) whether a
// markup file is an HTML page or an XML document to read as a feed.
MarkupKind sniff_markup(std::string_view head, bool html_extension);

MarkupResult parse_feed(std::string_view bytes, const std::string& path, const MarkupOptions& options);
MarkupResult parse_html_page(std::string_view bytes, const std::string& path, const MarkupOptions& options);

// HTML markup (a fragment or a page) to plain text, as described above.
std::string html_to_text(std::string_view html);

}  // namespace news
