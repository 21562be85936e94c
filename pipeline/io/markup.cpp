#include "io/markup.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <optional>

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "io/feed_dates.hpp"

namespace news {

namespace {

constexpr std::string_view kDublinCore = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kAtom = "http://www.w3.org/2005/Atom";

void init_libxml() {
  static const bool once = [] {
    xmlInitParser();
    return true;
  }();
  (void)once;
}

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

// A link made absolute against the xml:base in scope (Atom feeds often give
// relative hrefs); absolute links and links without a base stay as written.
std::string resolve_link(xmlNode* n, const std::string& href) {
  if (href.empty() || href.find("://") != std::string::npos || !n || !n->doc) return href;
  xmlChar* base = xmlNodeGetBase(n->doc, n);
  if (!base) return href;
  std::string out = href;
  if (xmlChar* uri = xmlBuildURI(reinterpret_cast<const xmlChar*>(href.c_str()), base)) {
    out = reinterpret_cast<const char*>(uri);
    xmlFree(uri);
  }
  xmlFree(base);
  return out;
}

std::string_view name_of(const xmlNode* n) { return n && n->name ? reinterpret_cast<const char*>(n->name) : ""; }
std::string_view ns_of(const xmlNode* n) {
  return n && n->ns && n->ns->href ? reinterpret_cast<const char*>(n->ns->href) : "";
}
bool is_element(const xmlNode* n, std::string_view name) {
  return n && n->type == XML_ELEMENT_NODE && iequals(name_of(n), name);
}

std::string attribute(const xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "";
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}
bool has_attribute(const xmlNode* n, const char* name) { return xmlHasProp(n, reinterpret_cast<const xmlChar*>(name)); }

// Whitespace (and no-break spaces) collapsed to single spaces, trimmed.
std::string collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const bool nbsp = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || nbsp) {
      space = true;
      if (nbsp) ++i;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += char(c);
  }
  return out;
}

// Depth-first walk without recursion (hostile HTML nests without limit).
// `enter` returns whether to descend; `leave` is called once for every node
// entered, after its children. Entity references are not descended: their
// children belong to the entity declaration.
template <class Enter, class Leave>
void walk(xmlNode* root, Enter&& enter, Leave&& leave) {
  if (!root) return;
  xmlNode* n = root;
  while (true) {
    if (enter(n) && n->children && n->type != XML_ENTITY_REF_NODE) {
      n = n->children;
      continue;
    }
    leave(n);
    while (n != root && !n->next) {
      n = n->parent;
      leave(n);
    }
    if (n == root) return;
    n = n->next;
  }
}

// The text an entity reference stands for, one level deep (never expanded
// recursively, so no entity bomb can grow here).
std::string_view entity_text(const xmlNode* n) {
  if (n->type != XML_ENTITY_REF_NODE || !n->children || n->children->type != XML_ENTITY_DECL) return "";
  const auto* e = reinterpret_cast<const xmlEntity*>(n->children);
  if (e->etype != XML_INTERNAL_GENERAL_ENTITY || !e->content) return "";
  return reinterpret_cast<const char*>(e->content);
}

// Concatenated character data under n.
std::string node_text(xmlNode* n) {
  std::string out;
  walk(
      n,
      [&](xmlNode* x) {
        if (x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) {
          if (x->content) out += reinterpret_cast<const char*>(x->content);
        } else if (x->type == XML_ENTITY_REF_NODE) {
          out += entity_text(x);
        }
        return x->type == XML_ELEMENT_NODE || x->type == XML_DOCUMENT_NODE || x->type == XML_HTML_DOCUMENT_NODE;
      },
      [](xmlNode*) {});
  return out;
}

bool in_list(std::string_view word, std::initializer_list<std::string_view> list) {
  return std::any_of(list.begin(), list.end(), [&](std::string_view w) { return iequals(word, w); });
}

bool is_skipped_element(std::string_view name) {
  return in_list(name, {"script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object",
                        "embed", "form", "button", "select", "option", "input", "textarea", "label", "nav",
                        "aside", "menu", "dialog", "header", "footer", "head", "title", "meta", "link",
                        "audio", "video", "figure", "picture", "source", "map"});
}

bool boilerplate_token(std::string_view t) {
  return in_list(t, {"nav", "navbar", "navigation", "menu", "footer", "header", "masthead", "sidebar", "cookie",
                     "cookies", "consent", "gdpr", "banner", "share", "sharing", "social", "related",
                     "recommended", "newsletter", "subscribe", "subscription", "signup", "promo", "advert",
                     "advertisement", "ad", "ads", "sponsored", "comments", "comment", "breadcrumb",
                     "breadcrumbs", "popup", "modal", "paywall", "byline", "toolbar", "hidden", "outbrain",
                     "taboola", "disqus", "skip", "sronly"});
}

// Whether an element is page furniture rather than article text, by its
// role, its hidden state or a class/id word.
bool is_boilerplate(const xmlNode* n) {
  if (has_attribute(n, "hidden")) return true;
  if (iequals(attribute(n, "aria-hidden"), "true")) return true;
  const std::string role = attribute(n, "role");
  if (in_list(role, {"navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search",
                     "menu", "menubar", "toolbar"}))
    return true;
  std::string label = attribute(n, "aria-label");
  std::transform(label.begin(), label.end(), label.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  for (std::string_view phrase : {"related", "more on this", "more stories", "read more", "recommended", "share",
                                  "newsletter", "advertisement", "cookie", "navigation", "breadcrumb", "comments"})
    if (label.find(phrase) != std::string::npos) return true;
  for (const char* a : {"class", "id"}) {
    const std::string v = attribute(n, a);
    size_t i = 0;
    while (i < v.size()) {
      while (i < v.size() && !std::isalnum(static_cast<unsigned char>(v[i]))) ++i;
      size_t j = i;
      while (j < v.size() && std::isalnum(static_cast<unsigned char>(v[j]))) ++j;
      if (j > i && boilerplate_token(std::string_view(v).substr(i, j - i))) return true;
      i = j;
    }
  }
  return false;
}

bool skip_element(const xmlNode* n) {
  return n->type == XML_ELEMENT_NODE && (is_skipped_element(name_of(n)) || is_boilerplate(n));
}

// Block-structured text: paragraphs separated by a blank line.
class TextCollector {
 public:
  void add(std::string_view s) { line_ += s; }
  void block_break() {
    std::string para = collapse(line_);
    line_.clear();
    if (para.empty()) return;
    if (!out_.empty()) out_ += "\n\n";
    out_ += para;
  }
  std::string finish() {
    block_break();
    return std::move(out_);
  }

 private:
  std::string out_, line_;
};

std::string collect_text(xmlNode* root, bool skip_furniture) {
  TextCollector text;
  walk(
      root,
      [&](xmlNode* n) {
        switch (n->type) {
          case XML_TEXT_NODE:
          case XML_CDATA_SECTION_NODE:
            if (n->content) text.add(reinterpret_cast<const char*>(n->content));
            return false;
          case XML_ENTITY_REF_NODE:
            text.add(entity_text(n));
            return false;
          case XML_ELEMENT_NODE:
            if (n != root && skip_furniture && skip_element(n)) return false;
            if (is_block_element(name_of(n))) text.block_break();
            return true;
          case XML_DOCUMENT_NODE:
          case XML_HTML_DOCUMENT_NODE:
            return true;
          default:
            return false;
        }
      },
      [&](xmlNode* n) {
        if (n->type == XML_ELEMENT_NODE && is_block_element(name_of(n))) text.block_break();
      });
  return text.finish();
}

// Bytes of paragraph text under n, outside furniture: how much of an article it holds.
size_t paragraph_bytes(xmlNode* root) {
  size_t bytes = 0;
  int in_paragraph = 0;
  walk(
      root,
      [&](xmlNode* n) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
          if (in_paragraph && n->content) bytes += xmlStrlen(n->content);
          return false;
        }
        if (n->type != XML_ELEMENT_NODE) return false;
        if (n != root && skip_element(n)) return false;
        if (is_element(n, "p")) ++in_paragraph;
        return true;
      },
      [&](xmlNode* n) {
        if (is_element(n, "p") && in_paragraph > 0) --in_paragraph;
      });
  return bytes;
}

// Feeds often use HTML's named entities (&nbsp; &rsquo; &eacute;) that XML
// does not define. Rather than dropping them as errors, an entity the
// document does not declare is looked up among HTML's and declared on the
// spot with its character: the one liberty taken with XML.
xmlEntityPtr entity_or_html(void* ctx, const xmlChar* name) {
  if (xmlEntityPtr e = xmlSAX2GetEntity(ctx, name)) return e;
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  const htmlEntityDesc* html = htmlEntityLookup(name);
  if (!html || !ctxt || !ctxt->myDoc) return nullptr;
  if (!ctxt->myDoc->intSubset && !xmlCreateIntSubset(ctxt->myDoc, reinterpret_cast<const xmlChar*>("feed"), nullptr, nullptr))
    return nullptr;
  xmlChar utf8[8] = {};
  const int n = xmlCopyCharMultiByte(utf8, int(html->value));
  if (n <= 0) return nullptr;
  utf8[n] = 0;
  return xmlAddDocEntity(ctxt->myDoc, name, XML_INTERNAL_GENERAL_ENTITY, nullptr, nullptr, utf8);
}

// xmlReadMemory with entity_or_html in place of the standard entity lookup.
xmlDoc* read_xml(std::string_view bytes, const std::string& url, int options) {
  xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(bytes.data(), int(std::min<size_t>(bytes.size(), INT32_MAX)));
  if (!ctxt || !ctxt->input) {
    if (ctxt) xmlFreeParserCtxt(ctxt);
    return nullptr;
  }
  xmlCtxtUseOptions(ctxt, options);
  if (ctxt->sax) ctxt->sax->getEntity = entity_or_html;
  if (!ctxt->input->filename) ctxt->input->filename = reinterpret_cast<char*>(xmlStrdup(reinterpret_cast<const xmlChar*>(url.c_str())));
  xmlParseDocument(ctxt);
  xmlDoc* doc = ctxt->myDoc;
  ctxt->myDoc = nullptr;
  xmlFreeParserCtxt(ctxt);
  return doc;
}

// The parser's errors: how many, and the first as "path:line:col: message".
struct ErrorLog {
  std::string path, first;
  size_t count = 0;
  static void on_error(void* self, xmlErrorPtr e) {
    auto* log = static_cast<ErrorLog*>(self);
    if (!e || e->level < XML_ERR_ERROR) return;
    if (log->count++ > 0) return;
    const std::string msg = e->message ? collapse(e->message) : "unknown XML error";
    log->first = log->path + ":" + std::to_string(e->line) + ":" + std::to_string(e->int2) + ": " + msg;
  }
};

class ErrorCapture {
 public:
  explicit ErrorCapture(ErrorLog& log) { xmlSetStructuredErrorFunc(&log, &ErrorLog::on_error); }
  ~ErrorCapture() { xmlSetStructuredErrorFunc(nullptr, nullptr); }
  ErrorCapture(const ErrorCapture&) = delete;
  ErrorCapture& operator=(const ErrorCapture&) = delete;
};

void set_published(Article& a, const std::string& raw) {
  const std::string value = collapse(raw);
  if (value.empty()) return;
  if (auto normal = normalise_feed_date(value)) a.published_raw = *normal;
  else a.warnings.push_back("publication date '" + value.substr(0, 100) + "' is neither RFC 822 nor RFC 3339; ignored");
}

void set_text(Article& a, std::string text, const MarkupOptions& o) {
  if (text.size() > o.max_article_bytes) {
    a.errors.push_back({"article-too-large", "the text has " + std::to_string(text.size()) + " bytes; the limit is " +
                                                 std::to_string(o.max_article_bytes) + " (--max-article-bytes)"});
    return;
  }
  a.text = std::move(text);
}

bool looks_like_markup(std::string_view s) {
  return s.find('<') != std::string_view::npos || s.find('&') != std::string_view::npos;
}

std::string markup_text(std::string_view s) { return looks_like_markup(s) ? html_to_text(s) : collapse(s); }

// An Atom text construct (title, summary, content) by its type attribute.
std::string atom_text(xmlNode* n) {
  const std::string type = attribute(n, "type");
  if (iequals(type, "xhtml")) return collect_text(n, true);
  if (iequals(type, "html") || iequals(type, "text/html")) return html_to_text(node_text(n));
  // Plain text: keep paragraph breaks, collapse the rest.
  std::string raw = node_text(n), out;
  size_t pos = 0;
  while (pos <= raw.size()) {
    size_t end = raw.find("\n\n", pos);
    if (end == std::string::npos) end = raw.size();
    std::string para = collapse(std::string_view(raw).substr(pos, end - pos));
    if (!para.empty()) out += (out.empty() ? "" : "\n\n") + para;
    pos = end + 2;
  }
  return out;
}

struct FeedInfo {
  std::string path, title;
};

void set_meta(Article& a, const FeedInfo& feed, const std::string& url, const std::string& author,
              const std::vector<std::string>& categories) {
  if (!url.empty()) a.meta["url"] = url;
  if (!feed.title.empty()) a.meta["source"] = feed.title;
  if (!author.empty()) a.meta["author"] = author;
  if (!categories.empty()) a.meta["categories"] = categories;
  a.meta["feed"] = feed.path;
}

Article rss_item(xmlNode* item, const FeedInfo& feed, size_t index, const MarkupOptions& o) {
  Article a;
  std::string title, link, guid, pub, dc_date, content, description, author, atom_link;
  std::vector<std::string> categories;
  bool guid_permalink = true;
  for (xmlNode* c = item->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = name_of(c), ns = ns_of(c);
    if (ns == kAtom) {
      if (name == "link" && (attribute(c, "rel").empty() || attribute(c, "rel") == "alternate"))
        atom_link = collapse(attribute(c, "href"));
      continue;
    }
    if (name == "title") title = node_text(c);
    else if (name == "link") link = collapse(node_text(c));
    else if (name == "guid") {
      guid = collapse(node_text(c));
      guid_permalink = !iequals(collapse(attribute(c, "isPermaLink")), "false");
    } else if (name == "pubDate") pub = node_text(c);
    else if (name == "date" && ns == kDublinCore) dc_date = node_text(c);
    else if (name == "encoded") content = node_text(c);
    else if (name == "description") description = node_text(c);
    else if ((name == "creator" && ns == kDublinCore) || (name == "author" && author.empty())) author = collapse(node_text(c));
    else if (name == "category") {
      if (auto cat = collapse(node_text(c)); !cat.empty()) categories.push_back(cat);
    }
  }
  std::string about = collapse(attribute(item, "about"));  // RSS 1.0
  if (link.empty()) link = atom_link;
  if (link.empty() && guid_permalink && (guid.rfind("http://", 0) == 0 || guid.rfind("https://", 0) == 0)) link = guid;
  if (link.empty() && (about.rfind("http://", 0) == 0 || about.rfind("https://", 0) == 0)) link = about;
  a.id = !guid.empty() ? guid : !about.empty() ? about : !link.empty() ? link : feed.path + "#" + std::to_string(index);
  a.title = markup_text(title);
  set_published(a, !pub.empty() ? pub : dc_date);
  set_text(a, markup_text(!collapse(content).empty() ? content : description), o);
  set_meta(a, feed, link, author, categories);
  return a;
}

Article atom_entry(xmlNode* entry, const FeedInfo& feed, size_t index, const MarkupOptions& o) {
  Article a;
  std::string id, link, any_link, published, updated, author, text;
  std::vector<std::string> categories;
  xmlNode *content = nullptr, *summary = nullptr;
  for (xmlNode* c = entry->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = name_of(c);
    if (name == "id") id = collapse(node_text(c));
    else if (name == "title") a.title = collapse(atom_text(c));
    else if (name == "link") {
      const std::string rel = collapse(attribute(c, "rel")), href = resolve_link(c, collapse(attribute(c, "href")));
      if ((rel.empty() || rel == "alternate") && link.empty()) link = href;
      if (any_link.empty() && rel != "self" && rel != "enclosure" && rel != "edit") any_link = href;
    } else if (name == "published" || (name == "issued" && published.empty())) published = node_text(c);
    else if (name == "updated" || (name == "modified" && updated.empty())) updated = node_text(c);
    else if (name == "content") content = c;
    else if (name == "summary") summary = c;
    else if (name == "author" && author.empty()) {
      for (xmlNode* d = c->children; d; d = d->next)
        if (is_element(d, "name")) author = collapse(node_text(d));
    } else if (name == "category") {
      std::string term = collapse(attribute(c, "term"));
      if (term.empty()) term = collapse(attribute(c, "label"));
      if (!term.empty()) categories.push_back(term);
    }
  }
  if (link.empty()) link = any_link;
  a.id = !id.empty() ? id : !link.empty() ? link : feed.path + "#" + std::to_string(index);
  set_published(a, !collapse(published).empty() ? published : updated);
  if (content && has_attribute(content, "src") && content->children == nullptr) content = nullptr;
  if (content) text = atom_text(content);
  if (text.empty() && summary) text = atom_text(summary);
  set_text(a, std::move(text), o);
  set_meta(a, feed, link, author, categories);
  return a;
}

std::string first_child_text(xmlNode* parent, std::string_view name) {
  for (xmlNode* c = parent ? parent->children : nullptr; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && name_of(c) == name) return collapse(node_text(c));
  return "";
}

std::string format_error_summary(const ErrorLog& log, size_t recovered, const char* what) {
  std::string msg = log.count == 0 ? log.path + ": " + what : log.first;
  if (log.count > 1) msg += " (and " + std::to_string(log.count - 1) + " more problems)";
  msg += "; " + std::to_string(recovered) + (recovered == 1 ? " item" : " items") + " recovered";
  return msg;
}

// Skips a byte order mark, whitespace, the XML declaration, comments,
// processing instructions and the doctype; returns the rest.
std::string_view after_prologue(std::string_view s) {
  if (s.rfind("\xEF\xBB\xBF", 0) == 0) s.remove_prefix(3);
  while (true) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    if (s.rfind("<?", 0) == 0) {
      const size_t e = s.find("?>");
      s = e == std::string_view::npos ? std::string_view() : s.substr(e + 2);
    } else if (s.rfind("<!--", 0) == 0) {
      const size_t e = s.find("-->");
      s = e == std::string_view::npos ? std::string_view() : s.substr(e + 3);
    } else {
      return s;
    }
  }
}

bool starts_with_icase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

// A charset named in the first bytes of an HTML page (meta charset or http-equiv).
bool declares_charset(std::string_view head) {
  std::string lower(head.substr(0, 4096));
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return lower.find("charset") != std::string::npos || lower.rfind("\xEF\xBB\xBF", 0) == 0;
}

// Share of bytes that no text file has (NUL and other C0 controls).
bool looks_binary(std::string_view s) {
  const std::string_view head = s.substr(0, 65536);
  size_t control = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++control;
  }
  return control * 100 > head.size();
}

std::string meta_content(xmlNode* root, std::initializer_list<std::string_view> keys) {
  std::string found;
  walk(
      root,
      [&](xmlNode* n) {
        if (!found.empty() || (n->type != XML_ELEMENT_NODE && n->type != XML_HTML_DOCUMENT_NODE)) return false;
        if (is_element(n, "meta")) {
          for (const char* attr : {"property", "name", "itemprop"}) {
            const std::string k = attribute(n, attr);
            if (!k.empty() && in_list(k, keys)) {
              found = collapse(attribute(n, "content"));
              if (found.empty()) found = collapse(attribute(n, "datetime"));
              break;
            }
          }
          return false;
        }
        return !is_element(n, "script") && !is_element(n, "style");
      },
      [](xmlNode*) {});
  return found;
}

xmlNode* first_element(xmlNode* root, std::string_view name, bool with_attribute = false, const char* attr = nullptr) {
  xmlNode* found = nullptr;
  walk(
      root,
      [&](xmlNode* n) {
        if (found) return false;
        if (is_element(n, name) && (!with_attribute || has_attribute(n, attr))) {
          found = n;
          return false;
        }
        return n->type == XML_ELEMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE;
      },
      [](xmlNode*) {});
  return found;
}

std::string link_href(xmlNode* root, std::string_view rel) {
  std::string found;
  walk(
      root,
      [&](xmlNode* n) {
        if (!found.empty()) return false;
        if (is_element(n, "link") && iequals(collapse(attribute(n, "rel")), rel)) {
          found = collapse(attribute(n, "href"));
          return false;
        }
        return n->type == XML_ELEMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE;
      },
      [](xmlNode*) {});
  return found;
}

// datePublished from the page's JSON-LD blocks (schema.org NewsArticle).
std::string json_ld_date(xmlNode* root) {
  std::string found;
  walk(
      root,
      [&](xmlNode* n) {
        if (!found.empty()) return false;
        if (is_element(n, "script")) {
          if (iequals(collapse(attribute(n, "type")), "application/ld+json")) {
            const std::string body = node_text(n);
            if (json_nesting_depth(body) > 64) return false;
            const auto data = nlohmann::json::parse(body, nullptr, false);
            std::vector<const nlohmann::json*> todo = {&data};
            while (!todo.empty() && found.empty()) {
              const nlohmann::json* j = todo.back();
              todo.pop_back();
              if (j->is_object()) {
                if (auto d = j->find("datePublished"); d != j->end() && d->is_string()) found = d->get<std::string>();
                for (const auto& [k, v] : j->items()) todo.push_back(&v);
              } else if (j->is_array()) {
                for (const auto& v : *j) todo.push_back(&v);
              }
            }
          }
          return false;
        }
        return n->type == XML_ELEMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE;
      },
      [](xmlNode*) {});
  return found;
}

// The element holding the article: the <article>, <main>, role=main or
// articleBody element with the most paragraph text (articleBody wins when it
// has any), else <body>.
xmlNode* main_content(xmlNode* root) {
  xmlNode *best = nullptr, *body = nullptr, *article_body = nullptr;
  size_t best_bytes = 0;
  walk(
      root,
      [&](xmlNode* n) {
        if (n->type == XML_HTML_DOCUMENT_NODE) return true;
        if (n->type != XML_ELEMENT_NODE) return false;
        if (is_element(n, "body") && !body) body = n;
        if (n != root && !is_element(n, "body") && !is_element(n, "html") && skip_element(n)) return false;
        const bool candidate = is_element(n, "article") || is_element(n, "main") || iequals(attribute(n, "role"), "main") ||
                               iequals(attribute(n, "itemprop"), "articleBody");
        if (candidate) {
          const size_t bytes = paragraph_bytes(n);
          if (iequals(attribute(n, "itemprop"), "articleBody") && bytes > 0 && !article_body) article_body = n;
          if (bytes > best_bytes) {
            best = n;
            best_bytes = bytes;
          }
        }
        return true;
      },
      [](xmlNode*) {});
  if (article_body) return article_body;
  if (best) return best;
  return body ? body : root;
}

}  // namespace

bool is_block_element(std::string_view name) {
  return in_list(name, {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                        "blockquote", "pre", "section", "article", "main", "table", "tr", "td", "th",
                        "caption", "figcaption", "address", "details", "summary", "hr", "br", "body", "center"});
}

MarkupKind sniff_markup(std::string_view head, bool html_extension) {
  if (head.rfind("\xFE\xFF", 0) == 0 || head.rfind("\xFF\xFE", 0) == 0) return MarkupKind::Feed;  // UTF-16: XML
  const std::string_view s = after_prologue(head);
  if (starts_with_icase(s, "<!doctype html") || starts_with_icase(s, "<html")) return MarkupKind::Html;
  if (starts_with_icase(s, "<rss") || starts_with_icase(s, "<feed") || starts_with_icase(s, "<rdf:rdf") ||
      starts_with_icase(s, "<?xml"))
    return MarkupKind::Feed;
  if (html_extension) return MarkupKind::Html;
  if (s.empty()) return MarkupKind::Feed;  // an empty .xml is a broken feed
  if (starts_with_icase(s, "<!doctype")) return MarkupKind::Html;
  // Any other element, or no markup at all: an XML document to read as a
  // feed (a namespaced feed, or a broken or foreign file the parser reports).
  return MarkupKind::Feed;
}

std::string html_to_text(std::string_view html) {
  if (html.empty()) return "";
  init_libxml();
  ErrorLog ignored;
  ErrorCapture capture(ignored);
  // A fragment: the body of a page the parser builds around it.
  DocPtr doc(htmlReadMemory(html.data(), int(std::min<size_t>(html.size(), INT32_MAX)), nullptr, "UTF-8",
                            HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING));
  if (!doc) return collapse(html);
  return collect_text(reinterpret_cast<xmlNode*>(doc.get()), true);
}

MarkupResult parse_feed(std::string_view bytes, const std::string& path, const MarkupOptions& options) {
  init_libxml();
  MarkupResult result;
  ErrorLog log;
  log.path = path;
  if (after_prologue(bytes).empty() && bytes.find('<') == std::string_view::npos) {
    result.file_errors.push_back({"malformed-feed", path + ": the file is empty"});
    return result;
  }
  DocPtr doc;
  {
    ErrorCapture capture(log);
    doc.reset(read_xml(bytes, path, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOWARNING));
  }
  xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (!root) {
    result.file_errors.push_back({"malformed-feed", format_error_summary(log, 0, "not XML")});
    return result;
  }
  FeedInfo feed;
  feed.path = path;
  std::vector<xmlNode*> items;
  bool atom = false;
  const std::string_view root_name = name_of(root);
  if (iequals(root_name, "rss") || iequals(root_name, "RDF")) {
    for (xmlNode* c = root->children; c; c = c->next) {
      if (is_element(c, "channel")) {
        feed.title = markup_text(first_child_text(c, "title"));
        for (xmlNode* i = c->children; i; i = i->next)
          if (is_element(i, "item")) items.push_back(i);
      } else if (is_element(c, "item")) {
        items.push_back(c);  // RSS 1.0 puts items beside the channel
      }
    }
  } else if (iequals(root_name, "feed")) {
    atom = true;
    feed.title = markup_text(first_child_text(root, "title"));
    for (xmlNode* c = root->children; c; c = c->next)
      if (is_element(c, "entry")) items.push_back(c);
  } else {
    result.file_errors.push_back({"not-a-feed", path + ": the root element is <" + std::string(root_name) +
                                                    ">, not <rss>, <feed> (Atom) or <rdf:RDF>"});
    return result;
  }
  size_t index = 0;
  for (xmlNode* item : items) {
    ++index;
    Article a = atom ? atom_entry(item, feed, index, options) : rss_item(item, feed, index, options);
    if (log.count) a.warnings.push_back("read from a malformed feed: " + log.first);
    result.articles.push_back(std::move(a));
  }
  if (log.count) result.file_errors.push_back({"malformed-feed", format_error_summary(log, items.size(), "malformed XML")});
  return result;
}

MarkupResult parse_html_page(std::string_view bytes, const std::string& path, const MarkupOptions& options) {
  init_libxml();
  MarkupResult result;
  if (looks_binary(bytes)) {
    result.file_errors.push_back({"malformed-html", path + ": binary data, not an HTML page"});
    return result;
  }
  // Without a declared charset, UTF-8 when the bytes are UTF-8, else the
  // Windows Latin-1 superset that undeclared old pages use.
  const char* encoding = nullptr;
  if (!declares_charset(bytes)) encoding = find_invalid_utf8(bytes) == std::string_view::npos ? "UTF-8" : "windows-1252";
  ErrorLog ignored;
  DocPtr doc;
  {
    ErrorCapture capture(ignored);
    doc.reset(htmlReadMemory(bytes.data(), int(std::min<size_t>(bytes.size(), INT32_MAX)), path.c_str(), encoding,
                             HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING));
  }
  xmlNode* root = reinterpret_cast<xmlNode*>(doc.get());
  if (!doc || !xmlDocGetRootElement(doc.get())) {
    result.file_errors.push_back({"malformed-html", path + ": no HTML document could be read"});
    return result;
  }
  Article a;
  a.id = path;
  a.title = meta_content(root, {"og:title", "twitter:title"});
  if (a.title.empty())
    if (xmlNode* t = first_element(root, "title")) a.title = collapse(node_text(t));
  if (a.title.empty())
    if (xmlNode* h = first_element(root, "h1")) a.title = collapse(node_text(h));
  std::string date = meta_content(root, {"article:published_time", "datePublished", "pubdate", "publishdate",
                                         "publish-date", "publish_date", "date_published", "article.published",
                                         "article_date_original", "original-publish-date", "date", "dc.date",
                                         "dc.date.issued", "dcterms.date", "dcterms.created", "dcterms.issued",
                                         "parsely-pub-date", "sailthru.date", "og:published_time",
                                         "og:article:published_time"});
  if (date.empty()) date = json_ld_date(root);
  if (date.empty())
    if (xmlNode* t = first_element(root, "time", true, "datetime")) date = attribute(t, "datetime");
  set_published(a, date);
  std::string url = link_href(root, "canonical");
  if (url.empty()) url = meta_content(root, {"og:url"});
  if (!url.empty()) a.meta["url"] = url;
  if (auto site = meta_content(root, {"og:site_name", "application-name"}); !site.empty()) a.meta["source"] = site;
  if (auto author = meta_content(root, {"author", "article:author", "parsely-author"}); !author.empty())
    a.meta["author"] = author;
  set_text(a, collect_text(main_content(root), true), options);
  if (a.text.empty() && a.errors.empty()) a.warnings.push_back("no article text found in the page");
  result.articles.push_back(std::move(a));
  return result;
}

}  // namespace news
