#include "indexer/readers/feed_reader.h"

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/base/strings.h"
#include "indexer/readers/article_delivery.h"
#include "indexer/readers/html_text.h"
#include "indexer/readers/page_metadata.h"

namespace chancery {
namespace {

constexpr std::string_view kAtomNs = "http://www.w3.org/2005/Atom";
constexpr std::string_view kRss1Ns = "http://purl.org/rss/1.0/";
constexpr const char* kXmlNs = "http://www.w3.org/XML/1998/namespace";

struct XmlDocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
struct XmlParserCtxtFree {
  void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};
struct XmlFree {
  void operator()(xmlChar* p) const { xmlFree(p); }
};

std::string_view ToView(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s))
           : std::string_view();
}

// The element's name as this reader matches it: bare for the feed's own
// vocabulary (no namespace, or the namespace of the document's root: Atom
// 1.0 or 0.3, RSS 1.0 or 0.90, a namespaced RSS 2.0), "dc:", "dcterms:",
// "content:" or "atom:" for the extension vocabularies whatever prefix the
// document used, "?:" for anything else.
std::string KeyOf(const xmlNode* node, std::string_view own_ns) {
  const std::string_view local = ToView(node->name);
  const std::string_view ns = node->ns ? ToView(node->ns->href) : "";
  if (ns.empty() || ns == own_ns) return std::string(local);
  if (ns == "http://purl.org/dc/elements/1.1/")
    return "dc:" + std::string(local);
  if (ns == "http://purl.org/dc/terms/") return "dcterms:" + std::string(local);
  if (ns == "http://purl.org/rss/1.0/modules/content/") {
    return "content:" + std::string(local);
  }
  if (ns == kAtomNs) return "atom:" + std::string(local);
  return "?:" + std::string(local);
}

std::string NodeText(const xmlNode* node) {
  std::unique_ptr<xmlChar, XmlFree> content(xmlNodeGetContent(node));
  return std::string(TrimWhitespace(ToView(content.get())));
}

std::string_view AttributeText(const xmlNode* node, const char* name,
                               std::string* storage) {
  std::unique_ptr<xmlChar, XmlFree> value(
      xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)));
  storage->assign(TrimWhitespace(ToView(value.get())));
  return *storage;
}

// The markup inside `node`, for Atom's type="xhtml" content, whose HTML
// arrives as XML elements rather than as escaped text.
std::string InnerMarkup(const xmlNode* node) {
  std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buffer(xmlBufferCreate(),
                                                              &xmlBufferFree);
  for (xmlNode* child = node->children; child; child = child->next) {
    xmlNodeDump(buffer.get(), node->doc, child, 0, 0);
  }
  return std::string(ToView(xmlBufferContent(buffer.get())));
}

std::vector<const xmlNode*> ChildElements(const xmlNode* parent,
                                          std::string_view key,
                                          std::string_view own_ns) {
  std::vector<const xmlNode*> out;
  for (const xmlNode* child = parent->children; child; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && KeyOf(child, own_ns) == key) {
      out.push_back(child);
    }
  }
  return out;
}

std::string ChildText(const xmlNode* parent, std::string_view key,
                      std::string_view own_ns) {
  std::vector<const xmlNode*> children = ChildElements(parent, key, own_ns);
  return children.empty() ? "" : NodeText(children.front());
}

bool HasChildElements(const xmlNode* node) {
  for (const xmlNode* child = node->children; child; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) return true;
  }
  return false;
}

// The xml:base attribute of `node`, "" when none.
std::string XmlBase(const xmlNode* node) {
  std::unique_ptr<xmlChar, XmlFree> base(
      xmlGetNsProp(node, reinterpret_cast<const xmlChar*>("base"),
                   reinterpret_cast<const xmlChar*>(kXmlNs)));
  return std::string(TrimWhitespace(ToView(base.get())));
}

// The base URL in scope at `node` (RFC 3986 5.1): the base attribute
// (`base_of`: xml:base; CDF's BASE) of `node` and of its ancestors, each
// resolved against the one outside it, the outermost against `fallback`
// (the feed's own link: a file on disk has no URL of its own to stand in
// for the document's).
std::string BaseUrl(const xmlNode* node, const std::string& fallback,
                    std::string (*base_of)(const xmlNode*) = XmlBase) {
  std::vector<std::string> bases;  // innermost first
  for (; node != nullptr && node->type == XML_ELEMENT_NODE;
       node = node->parent) {
    std::string base = base_of(node);
    if (!base.empty()) bases.push_back(std::move(base));
  }
  std::string url = fallback;
  for (auto base = bases.rbegin(); base != bases.rend(); ++base) {
    std::string resolved = ResolveUrl(url, *base);
    if (!resolved.empty()) url = std::move(resolved);
  }
  return url;
}

// The URL a link element gives: RSS <link>URL</link>, or Atom's href when
// rel is "alternate" or absent; "" for other rels. Not resolved.
std::string LinkReference(const xmlNode* node) {
  std::string href, rel;
  if (AttributeText(node, "href", &href).empty()) return NodeText(node);
  AttributeText(node, "rel", &rel);
  return rel.empty() || rel == "alternate" ? href : "";
}

// Decodes RFC 4648 base64, skipping whitespace; nullopt on any other
// character outside the alphabet. For Atom 0.3 content mode="base64".
std::optional<std::string> DecodeBase64(std::string_view text) {
  std::string out;
  uint32_t bits = 0;
  int bit_count = 0;
  for (const char c : text) {
    int value;
    if (c >= 'A' && c <= 'Z') {
      value = c - 'A';
    } else if (c >= 'a' && c <= 'z') {
      value = c - 'a' + 26;
    } else if (c >= '0' && c <= '9') {
      value = c - '0' + 52;
    } else if (c == '+') {
      value = 62;
    } else if (c == '/') {
      value = 63;
    } else if (c == '=' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      continue;
    } else {
      return std::nullopt;
    }
    bits = (bits << 6) | static_cast<uint32_t>(value);
    bit_count += 6;
    if (bit_count >= 8) {
      bit_count -= 8;
      out.push_back(static_cast<char>((bits >> bit_count) & 0xFF));
    }
  }
  return out;
}

// A body candidate: the text of one content-bearing element, and whether
// it is HTML (to be reduced by HtmlToText) or plain text.
struct BodyText {
  std::string text;
  bool html = true;
};

// The content of <content>, <summary>, <description> or content:encoded,
// by Atom 1.0's type ("text", "html", "xhtml", a MIME type) and Atom 0.3's
// mode ("xml", the default, "escaped", "base64"). RSS elements carry no
// type and are HTML by convention. nullopt when base64 does not decode.
std::optional<BodyText> ContentOf(const xmlNode* node) {
  std::string type_storage, mode_storage;
  const std::string type =
      AsciiToLower(AttributeText(node, "type", &type_storage));
  const std::string_view mode = AttributeText(node, "mode", &mode_storage);
  const bool plain = type == "text" || type == "text/plain";
  if (mode == "base64") {
    std::optional<std::string> decoded = DecodeBase64(NodeText(node));
    if (!decoded) return std::nullopt;
    return BodyText{std::move(*decoded), !plain};
  }
  if (type == "xhtml" || type == "application/xhtml+xml" ||
      (mode != "escaped" && HasChildElements(node))) {
    return BodyText{InnerMarkup(node), true};
  }
  return BodyText{NodeText(node), !plain};
}

// One feed's framing: where its items are and what it says about all of
// them.
struct FeedShape {
  std::string_view own_ns;  // the namespace of the feed's own elements
  bool cdf = false;         // Microsoft's Channel Definition Format
  std::vector<const xmlNode*> items;  // <item>, <entry> or CDF <ITEM>
  std::string title;
  std::string language;
  std::string link;  // the channel's or feed's absolute link, or ""
};

// Gathers one item's fields; the first value of each field wins, except
// dates and bodies, where the more specific kind wins.
class ItemFields {
 public:
  ItemFields(const xmlNode* item, const FeedShape& feed) : feed_(feed) {
    for (const xmlNode* child = item->children; child; child = child->next) {
      if (child->type == XML_ELEMENT_NODE) Take(child);
    }
  }

  // The article, the date text for DeliverArticle, and what to warn
  // about (a relative link that nothing resolves, undecodable base64).
  Article ToArticle(std::string* date_text,
                    std::vector<std::string>* warnings) && {
    Article article;
    article.title = HtmlToText(title_);
    article.body = body_.html ? HtmlToText(body_.text)
                              : std::string(TrimWhitespace(body_.text));
    article.url = ResolvedUrl(warnings);
    article.id = std::move(id_);
    article.author = std::move(author_);
    if (source_.empty()) {
      article.source = feed_.title;
    } else {
      article.source = std::move(source_);
    }
    if (!categories_.empty()) {
      article.meta_json = nlohmann::json{{"categories", categories_}}.dump(
          -1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    *date_text = std::move(date_);
    for (std::string& warning : warnings_)
      warnings->push_back(std::move(warning));
    return article;
  }

 private:
  static void SetIfEmpty(std::string& field, std::string value) {
    if (field.empty()) field = std::move(value);
  }

  void TakeDate(std::string value, int rank) {
    if (value.empty() || rank >= date_rank_) return;
    date_ = std::move(value);
    date_rank_ = rank;
  }

  // Bodies by rank: content:encoded and Atom content (0), then summary
  // (1), then description (2), then dc:description (3).
  void TakeBody(const xmlNode* node, int rank) {
    if (rank >= body_rank_) return;
    std::optional<BodyText> body = ContentOf(node);
    if (!body) {
      warnings_.push_back("<" + std::string(ToView(node->name)) +
                          "> is not valid base64; skipped");
      return;
    }
    if (TrimWhitespace(body->text).empty()) return;
    body_ = std::move(*body);
    body_rank_ = rank;
  }

  void TakeLink(const xmlNode* node) {
    if (!link_.empty()) return;
    link_ = LinkReference(node);
    if (!link_.empty()) link_node_ = node;
  }

  // An RSS guid is the item's permalink unless isPermaLink="false".
  void TakeGuid(const xmlNode* node) {
    std::string is_permalink;
    SetIfEmpty(id_, NodeText(node));
    if (AttributeText(node, "isPermaLink", &is_permalink) != "false" &&
        guid_link_.empty()) {
      guid_link_ = NodeText(node);
      guid_node_ = node;
    }
  }

  std::string ResolvedUrl(std::vector<std::string>* warnings) const {
    if (!link_.empty()) {
      std::string url = ResolveUrl(BaseUrl(link_node_, feed_.link), link_);
      if (url.empty()) {
        warnings->push_back("relative link \"" + link_ +
                            "\" with no xml:base or channel link to "
                            "resolve it against; dropped");
      }
      return url;
    }
    // A guid is only a URL when it looks like one: many are opaque ids.
    if (guid_link_.rfind("http://", 0) == 0 ||
        guid_link_.rfind("https://", 0) == 0) {
      return ResolveUrl(BaseUrl(guid_node_, feed_.link), guid_link_);
    }
    return {};
  }

  // RSS <author> is text ("mail@example.org (Name)"); Atom's has <name>.
  void TakeAuthor(const xmlNode* node) {
    const std::string name = HasChildElements(node)
                                 ? ChildText(node, "name", feed_.own_ns)
                                 : NodeText(node);
    if (name.empty()) return;
    if (!author_.empty()) author_ += ", ";
    author_ += name;
  }

  void Take(const xmlNode* node) {
    const std::string key = KeyOf(node, feed_.own_ns);
    std::string attribute;
    if (key == "title") {
      SetIfEmpty(title_, NodeText(node));
    } else if (key == "link" || key == "atom:link") {
      TakeLink(node);
    } else if (key == "content:encoded" || key == "content") {
      TakeBody(node, 0);
    } else if (key == "summary") {
      TakeBody(node, 1);
    } else if (key == "description") {
      TakeBody(node, 2);
    } else if (key == "dc:description") {
      TakeBody(node, 3);
    } else if (key == "pubDate" || key == "published" || key == "issued") {
      // Atom 0.3's issued is its publication date.
      TakeDate(NodeText(node), 0);
    } else if (key == "dc:date" || key == "created" ||
               key == "dcterms:issued" || key == "dcterms:created") {
      TakeDate(NodeText(node), 1);
    } else if (key == "updated" || key == "modified" ||
               key == "dcterms:modified") {
      TakeDate(NodeText(node), 2);
    } else if (key == "author" || key == "dc:creator") {
      TakeAuthor(node);
    } else if (key == "category" || key == "dc:subject") {
      std::string term(AttributeText(node, "term", &attribute));
      if (term.empty()) term = NodeText(node);
      if (!term.empty()) categories_.push_back(std::move(term));
    } else if (key == "guid") {
      TakeGuid(node);
    } else if (key == "id") {
      SetIfEmpty(id_, NodeText(node));
    } else if (key == "source") {
      SetIfEmpty(source_, HasChildElements(node)
                              ? ChildText(node, "title", feed_.own_ns)
                              : NodeText(node));
    }
  }

  const FeedShape& feed_;
  std::string title_, date_, author_, id_, source_;
  std::string link_, guid_link_;  // as written, resolved in ToArticle
  const xmlNode* link_node_ = nullptr;
  const xmlNode* guid_node_ = nullptr;
  BodyText body_;
  int body_rank_ = 100;
  int date_rank_ = 100;
  std::vector<std::string> categories_;
  std::vector<std::string> warnings_;
};

// The absolute link of a channel or feed element: its first <link> (RSS)
// or alternate <link href> (Atom), resolved against its xml:base; "" when
// none or relative with nothing to resolve it against.
std::string ChannelLink(const xmlNode* channel, std::string_view own_ns) {
  for (const xmlNode* link : ChildElements(channel, "link", own_ns)) {
    const std::string reference = LinkReference(link);
    if (!reference.empty()) return ResolveUrl(BaseUrl(link, ""), reference);
  }
  return {};
}

std::string_view NamespaceOf(const xmlNode* node) {
  return node->ns ? ToView(node->ns->href) : std::string_view();
}

// CDF (Microsoft's Channel Definition Format, 1997): <CHANNEL HREF BASE>
// with <TITLE>, <ABSTRACT> and <ITEM HREF LASTMOD> children, channels
// nested in channels. Element and attribute names were matched without
// regard to case by the browsers that read it, and so they are here.

// The first child element of `node` named `name` in any case, or nullptr.
const xmlNode* CdfChild(const xmlNode* node, std::string_view name) {
  for (const xmlNode* child = node->children; child; child = child->next) {
    if (child->type == XML_ELEMENT_NODE &&
        EqualsIgnoreAsciiCase(ToView(child->name), name)) {
      return child;
    }
  }
  return nullptr;
}

// The attribute `name` (without namespace) written in any case, trimmed;
// "" when absent or `node` is nullptr.
std::string CdfAttribute(const xmlNode* node, std::string_view name) {
  if (node == nullptr) return {};
  for (const xmlAttr* attribute = node->properties; attribute;
       attribute = attribute->next) {
    if (attribute->ns == nullptr &&
        EqualsIgnoreAsciiCase(ToView(attribute->name), name)) {
      std::unique_ptr<xmlChar, XmlFree> value(
          xmlNodeListGetString(node->doc, attribute->children, 1));
      return std::string(TrimWhitespace(ToView(value.get())));
    }
  }
  return {};
}

std::string CdfBase(const xmlNode* node) { return CdfAttribute(node, "base"); }

// The <ITEM>s under `channel` and its sub-channels, in document order,
// leaving out items whose <USAGE> says they are not shown as channel
// content (screen savers, desktop components, precached images).
void CollectCdfItems(const xmlNode* channel,
                     std::vector<const xmlNode*>* items) {
  for (const xmlNode* child = channel->children; child; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = ToView(child->name);
    if (EqualsIgnoreAsciiCase(name, "channel")) {
      CollectCdfItems(child, items);
    } else if (EqualsIgnoreAsciiCase(name, "item")) {
      const xmlNode* usage = CdfChild(child, "usage");
      if (usage == nullptr ||
          EqualsIgnoreAsciiCase(CdfAttribute(usage, "value"), "channel")) {
        items->push_back(child);
      }
    }
  }
}

// A CDF <ITEM>: title, abstract as the body, HREF resolved against the
// BASE attributes in scope, else the top channel's HREF; LASTMOD the date.
Article CdfArticle(const xmlNode* item, const FeedShape& feed,
                   std::string* date_text, std::vector<std::string>* warnings) {
  Article article;
  const xmlNode* title = CdfChild(item, "title");
  const xmlNode* abstract = CdfChild(item, "abstract");
  article.title = title ? HtmlToText(NodeText(title)) : "";
  article.body = abstract ? HtmlToText(NodeText(abstract)) : "";
  article.source = feed.title;
  const std::string href = CdfAttribute(item, "href");
  if (!href.empty()) {
    article.url = ResolveUrl(BaseUrl(item, feed.link, CdfBase), href);
    if (article.url.empty()) {
      warnings->push_back("relative HREF \"" + href +
                          "\" with no BASE or channel HREF to resolve it "
                          "against; dropped");
    }
  }
  *date_text = CdfAttribute(item, "lastmod");
  return article;
}

// Recognises the feed from the root element: <rss> (RSS 0.91-0.94 and 2.0,
// with or without a default namespace), <rdf:RDF> (RSS 0.90 and 1.0, whose
// items are siblings of the channel), <feed> (Atom 1.0 and 0.3) and
// <CHANNEL> (CDF). An error naming what is missing when the root is none
// of them.
Status DescribeFeed(const xmlNode* root, FeedShape* feed) {
  const std::string_view name = ToView(root->name);
  if (name == "rss") {
    feed->own_ns = NamespaceOf(root);
    std::vector<const xmlNode*> channels =
        ChildElements(root, "channel", feed->own_ns);
    if (channels.empty()) {
      return Status::InvalidArgument("RSS root <rss> has no <channel>");
    }
    const xmlNode* channel = channels.front();
    feed->items = ChildElements(channel, "item", feed->own_ns);
    feed->title = HtmlToText(ChildText(channel, "title", feed->own_ns));
    feed->language = ChildText(channel, "language", feed->own_ns);
    feed->link = ChannelLink(channel, feed->own_ns);
    return Status::Ok();
  }
  if (name == "RDF") {
    // RSS 1.0 and 0.90 differ in the namespace of their channel and items
    // (http://purl.org/rss/1.0/, http://my.netscape.com/rdf/simple/0.9/).
    feed->own_ns = kRss1Ns;
    for (const xmlNode* child = root->children; child; child = child->next) {
      if (child->type == XML_ELEMENT_NODE &&
          (ToView(child->name) == "channel" || ToView(child->name) == "item")) {
        feed->own_ns = NamespaceOf(child);
        break;
      }
    }
    feed->items = ChildElements(root, "item", feed->own_ns);
    std::vector<const xmlNode*> channels =
        ChildElements(root, "channel", feed->own_ns);
    if (!channels.empty()) {
      const xmlNode* channel = channels.front();
      feed->title = HtmlToText(ChildText(channel, "title", feed->own_ns));
      feed->language = ChildText(channel, "dc:language", feed->own_ns);
      feed->link = ChannelLink(channel, feed->own_ns);
    }
    return Status::Ok();
  }
  if (name == "feed") {
    feed->own_ns = NamespaceOf(root);
    feed->items = ChildElements(root, "entry", feed->own_ns);
    feed->title = HtmlToText(ChildText(root, "title", feed->own_ns));
    feed->link = ChannelLink(root, feed->own_ns);
    return Status::Ok();
  }
  if (root->ns == nullptr && EqualsIgnoreAsciiCase(name, "channel")) {
    feed->cdf = true;
    CollectCdfItems(root, &feed->items);
    feed->title = HtmlToText(NodeText(CdfChild(root, "title")));
    feed->link =
        ResolveUrl(BaseUrl(root, "", CdfBase), CdfAttribute(root, "href"));
    return Status::Ok();
  }
  return Status::InvalidArgument(
      "XML root <" + std::string(name) +
      "> is not an RSS (0.90-2.0, RDF), Atom (0.3, 1.0) or CDF feed");
}

// The parser's entity lookup, falling back to HTML 4's named entities for
// those the document does not declare. RSS 0.91 feeds name Netscape's DTD,
// which declares them (&eacute; &nbsp;), and many other feeds use them
// undeclared; the DTD is never fetched (NONET), so without this every such
// character would be lost. The fallback is declared as an internal entity
// of the document: plain text, never a file or a URL.
xmlEntity* GetEntityOrHtmlEntity(void* parser_context, const xmlChar* name) {
  if (xmlEntity* declared = xmlSAX2GetEntity(parser_context, name)) {
    return declared;
  }
  auto* ctxt = static_cast<xmlParserCtxt*>(parser_context);
  const htmlEntityDesc* html = htmlEntityLookup(name);
  if (html == nullptr || ctxt->myDoc == nullptr) return nullptr;
  if (ctxt->myDoc->intSubset == nullptr &&
      xmlCreateIntSubset(ctxt->myDoc, nullptr, nullptr, nullptr) == nullptr) {
    return nullptr;
  }
  xmlChar utf8[8] = {};
  if (xmlCopyCharMultiByte(utf8, static_cast<int>(html->value)) <= 0) {
    return nullptr;
  }
  return xmlAddDocEntity(ctxt->myDoc, name, XML_INTERNAL_GENERAL_ENTITY,
                         nullptr, nullptr, utf8);
}

std::string LastErrorMessage(xmlParserCtxt* ctxt) {
  const xmlError* error = xmlCtxtGetLastError(ctxt);
  if (error == nullptr || error->message == nullptr) return "";
  return std::string(TrimWhitespace(error->message)) + " at line " +
         std::to_string(error->line);
}

}  // namespace

Status ReadFeed(InputSource& source, ArticleSink& sink) {
  std::string xml;
  CHANCERY_RETURN_IF_ERROR(source.ReadAll(&xml));
  static std::once_flag libxml_initialised;
  std::call_once(libxml_initialised, xmlInitParser);

  std::unique_ptr<xmlParserCtxt, XmlParserCtxtFree> ctxt(xmlNewParserCtxt());
  if (!ctxt) return Status::Internal(source.path() + ": out of memory");
  ctxt->sax->getEntity = GetEntityOrHtmlEntity;
  // NONET and no NOENT: a feed must not make us fetch URLs or read local
  // files through external entities. RECOVER: feeds in the wild are often
  // slightly broken (an undeclared &nbsp;), and most items are still good.
  std::unique_ptr<xmlDoc, XmlDocFree> doc(xmlCtxtReadMemory(
      ctxt.get(), xml.data(), static_cast<int>(xml.size()),
      source.path().c_str(), nullptr,
      XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
          XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES));
  const std::string error = LastErrorMessage(ctxt.get());
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) {
    return Status::InvalidArgument(source.path() + ": not well-formed XML" +
                                   (error.empty() ? "" : ": " + error));
  }
  FeedShape feed;
  if (Status described = DescribeFeed(root, &feed); !described.ok()) {
    return Status::InvalidArgument(source.path() + ": " +
                                   std::string(described.message()));
  }
  if (!error.empty()) {
    sink.OnWarning(source.path(), "XML errors, recovered: " + error);
  }
  std::string date_text;
  std::vector<std::string> warnings;
  for (const xmlNode* item : feed.items) {
    warnings.clear();
    Article article =
        feed.cdf ? CdfArticle(item, feed, &date_text, &warnings)
                 : ItemFields(item, feed).ToArticle(&date_text, &warnings);
    article.origin = source.path() + ":" + std::to_string(xmlGetLineNo(item));
    for (const std::string& warning : warnings) {
      sink.OnWarning(article.origin, warning);
    }
    std::unique_ptr<xmlChar, XmlFree> lang(xmlNodeGetLang(item));
    article.lang = lang ? ToView(lang.get()) : std::string_view(feed.language);
    DeliverArticle(std::move(article), date_text, sink);
  }
  return Status::Ok();
}

}  // namespace chancery
