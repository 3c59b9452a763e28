#include "indexer/readers/feed_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/base/strings.h"
#include "indexer/readers/article_delivery.h"
#include "indexer/readers/html_text.h"

namespace chancery {
namespace {

constexpr std::string_view kAtomNs = "http://www.w3.org/2005/Atom";
constexpr std::string_view kRss1Ns = "http://purl.org/rss/1.0/";

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
// vocabulary (no namespace, or the Atom or RSS 1.0 namespace of the
// document), "dc:", "content:" or "atom:" for the extension vocabularies
// whatever prefix the document used, "?:" for anything else.
std::string KeyOf(const xmlNode* node, std::string_view own_ns) {
  const std::string_view local = ToView(node->name);
  const std::string_view ns = node->ns ? ToView(node->ns->href) : "";
  if (ns.empty() || ns == own_ns) return std::string(local);
  if (ns == "http://purl.org/dc/elements/1.1/")
    return "dc:" + std::string(local);
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

// One feed's framing: where its items are and what it says about all of
// them.
struct FeedShape {
  std::string_view own_ns;  // the namespace of the feed's own elements
  const xmlNode* item_parent = nullptr;
  std::string_view item_key;  // "item" or "entry"
  std::string title;
  std::string language;
};

// Gathers one item's fields; the first value of each field wins, except
// dates, where the more specific kind of date wins.
class ItemFields {
 public:
  ItemFields(const xmlNode* item, const FeedShape& feed) : feed_(feed) {
    for (const xmlNode* child = item->children; child; child = child->next) {
      if (child->type == XML_ELEMENT_NODE) Take(child);
    }
  }

  Article ToArticle(std::string* date_text) && {
    Article article;
    article.title = HtmlToText(title_);
    article.body = HtmlToText(content_.empty() ? summary_ : content_);
    article.url = std::move(url_);
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

  void TakeLink(const xmlNode* node) {
    std::string href, rel;
    if (AttributeText(node, "href", &href).empty()) {
      SetIfEmpty(url_, NodeText(node));  // RSS: <link>URL</link>
      return;
    }
    AttributeText(node, "rel", &rel);
    if (rel.empty() || rel == "alternate") SetIfEmpty(url_, href);
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
      SetIfEmpty(content_, AttributeText(node, "type", &attribute) == "xhtml"
                               ? InnerMarkup(node)
                               : NodeText(node));
    } else if (key == "description" || key == "summary") {
      SetIfEmpty(summary_, AttributeText(node, "type", &attribute) == "xhtml"
                               ? InnerMarkup(node)
                               : NodeText(node));
    } else if (key == "pubDate" || key == "published") {
      TakeDate(NodeText(node), 0);
    } else if (key == "dc:date" || key == "issued") {
      TakeDate(NodeText(node), 1);
    } else if (key == "updated" || key == "modified") {
      TakeDate(NodeText(node), 2);
    } else if (key == "author" || key == "dc:creator") {
      TakeAuthor(node);
    } else if (key == "category" || key == "dc:subject") {
      std::string term(AttributeText(node, "term", &attribute));
      if (term.empty()) term = NodeText(node);
      if (!term.empty()) categories_.push_back(std::move(term));
    } else if (key == "guid" || key == "id") {
      SetIfEmpty(id_, NodeText(node));
    } else if (key == "source") {
      SetIfEmpty(source_, HasChildElements(node)
                              ? ChildText(node, "title", feed_.own_ns)
                              : NodeText(node));
    }
  }

  const FeedShape& feed_;
  std::string title_, url_, content_, summary_, date_, author_, id_, source_;
  int date_rank_ = 100;
  std::vector<std::string> categories_;
};

// Recognises RSS 2.0, RSS 1.0 and Atom from the root element.
bool DescribeFeed(const xmlNode* root, FeedShape* feed) {
  const std::string_view name = ToView(root->name);
  const std::string_view ns = root->ns ? ToView(root->ns->href) : "";
  if (name == "rss") {
    std::vector<const xmlNode*> channels = ChildElements(root, "channel", "");
    if (channels.empty()) return false;
    feed->item_parent = channels.front();
    feed->item_key = "item";
    feed->title = ChildText(channels.front(), "title", "");
    feed->language = ChildText(channels.front(), "language", "");
    return true;
  }
  if (name == "RDF") {
    feed->own_ns = kRss1Ns;
    feed->item_parent = root;  // RSS 1.0 items are siblings of the channel
    feed->item_key = "item";
    std::vector<const xmlNode*> channels =
        ChildElements(root, "channel", kRss1Ns);
    if (!channels.empty()) {
      feed->title = ChildText(channels.front(), "title", kRss1Ns);
      feed->language = ChildText(channels.front(), "dc:language", kRss1Ns);
    }
    return true;
  }
  if (name == "feed") {
    feed->own_ns = ns == kAtomNs ? kAtomNs : "";
    feed->item_parent = root;
    feed->item_key = "entry";
    feed->title = HtmlToText(ChildText(root, "title", feed->own_ns));
    return true;
  }
  return false;
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
  if (!DescribeFeed(root, &feed)) {
    return Status::InvalidArgument(source.path() + ": XML root <" +
                                   std::string(ToView(root->name)) +
                                   "> is not an RSS or Atom feed");
  }
  if (!error.empty()) {
    sink.OnWarning(source.path(), "XML errors, recovered: " + error);
  }
  std::string date_text;
  for (const xmlNode* item :
       ChildElements(feed.item_parent, feed.item_key, feed.own_ns)) {
    Article article = ItemFields(item, feed).ToArticle(&date_text);
    article.origin = source.path() + ":" + std::to_string(xmlGetLineNo(item));
    std::unique_ptr<xmlChar, XmlFree> lang(xmlNodeGetLang(item));
    article.lang = lang ? ToView(lang.get()) : std::string_view(feed.language);
    DeliverArticle(std::move(article), date_text, sink);
  }
  return Status::Ok();
}

}  // namespace chancery
