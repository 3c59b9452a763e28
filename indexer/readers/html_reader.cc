#include "indexer/readers/html_reader.h"

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>

#include "common/base/strings.h"
#include "indexer/readers/article_delivery.h"
#include "indexer/readers/charset.h"
#include "indexer/readers/html_text.h"
#include "indexer/readers/json_article.h"
#include "indexer/readers/main_text_extractor.h"
#include "indexer/readers/page_metadata.h"

namespace chancery {
namespace {

using Json = nlohmann::json;

// Datelines stand above the text or right after the headline.
constexpr int kMaxDatelineLines = 4;
// Bylines and datelines are a line each; more is the story itself.
constexpr size_t kMaxBylineTextBytes = 500;

// What the page says about itself; the first value found of each wins.
struct PageFacts {
  std::string og_title, twitter_title, title_element, ld_headline, first_h1;
  std::string meta_date, ld_date, article_time, time_datetime;
  int meta_date_rank = 100;  // lower is more specific
  std::string og_url, canonical_url;
  std::string html_lang, content_language, og_locale;
  std::string meta_author, article_author, ld_author, rel_author, byline;
  std::string byline_text;  // all of the byline, its dates included
  std::string og_site_name, ld_publisher;
  std::string ld_body;
  std::string charset;
  const GumboNode* body = nullptr;
  const GumboNode* main = nullptr;
  const GumboNode* article = nullptr;
  int article_count = 0;
};

void SetIfEmpty(std::string& field, std::string_view value) {
  value = TrimWhitespace(value);
  if (field.empty() && !value.empty()) field = value;
}

// How specific a <meta> name is about publication time: the smaller the
// better; -1 when it is not a publication date.
int PublicationDateRank(const std::string& name) {
  static constexpr std::string_view kNames[] = {
      "article:published_time", "og:published_time",
      "datepublished",          "publishdate",
      "publish-date",           "pubdate",
      "parsely-pub-date",       "sailthru.date",
      "dc.date.issued",         "dcterms.issued",
      "dcterms.created",        "dc.date",
      "dcterms.date",           "date"};
  for (size_t i = 0; i < std::size(kNames); ++i) {
    if (kNames[i] == name) return static_cast<int>(i);
  }
  return -1;
}

void NoteMeta(const GumboNode* node, PageFacts& facts) {
  SetIfEmpty(facts.charset, AttributeOf(node, "charset"));
  const std::string_view content = AttributeOf(node, "content");
  if (EqualsIgnoreAsciiCase(AttributeOf(node, "http-equiv"), "content-type")) {
    SetIfEmpty(facts.charset, CharsetOfContentType(content));
  }
  std::string_view key = AttributeOf(node, "property");
  if (key.empty()) key = AttributeOf(node, "name");
  if (key.empty()) key = AttributeOf(node, "itemprop");
  if (EqualsIgnoreAsciiCase(AttributeOf(node, "http-equiv"),
                            "content-language")) {
    // May list several ("en, fr"): the first is the main one.
    SetIfEmpty(facts.content_language, content.substr(0, content.find(',')));
  }
  const std::string name = AsciiToLower(TrimWhitespace(key));
  if (name.empty() || TrimWhitespace(content).empty()) return;
  if (name == "og:title") SetIfEmpty(facts.og_title, content);
  if (name == "twitter:title") SetIfEmpty(facts.twitter_title, content);
  if (name == "og:url") SetIfEmpty(facts.og_url, content);
  if (name == "og:site_name") SetIfEmpty(facts.og_site_name, content);
  if (name == "og:locale") SetIfEmpty(facts.og_locale, content);
  if (name == "author") SetIfEmpty(facts.meta_author, content);
  // Often a profile URL rather than a name.
  if (name == "article:author" && content.find("://") == content.npos) {
    SetIfEmpty(facts.article_author, content);
  }
  const int rank = PublicationDateRank(name);
  if (rank >= 0 && rank < facts.meta_date_rank) {
    facts.meta_date = TrimWhitespace(content);
    facts.meta_date_rank = rank;
  }
}

// Raw text of a <script>: its text children, unmodified.
std::string ScriptText(const GumboNode* node) {
  std::string text;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const GumboNode* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA ||
        child->type == GUMBO_NODE_WHITESPACE) {
      text += child->v.text.text;
    }
  }
  return text;
}

// The first JSON-LD object (searching arrays and "@graph") that says when
// it was published or what its headline is: the article itself, as
// opposed to the site, the breadcrumbs or the organisation.
Json* FindArticleObject(Json& value, int depth = 0) {
  if (depth > 8) return nullptr;
  if (value.is_array()) {
    for (Json& element : value) {
      if (Json* found = FindArticleObject(element, depth + 1)) return found;
    }
    return nullptr;
  }
  if (!value.is_object()) return nullptr;
  if (value.contains("datePublished") || value.contains("headline")) {
    return &value;
  }
  auto graph = value.find("@graph");
  return graph == value.end() ? nullptr : FindArticleObject(*graph, depth + 1);
}

void NoteJsonLd(const GumboNode* node, PageFacts& facts) {
  Json parsed = Json::parse(ScriptText(node), nullptr,
                            /*allow_exceptions=*/false);
  Json* article = FindArticleObject(parsed);
  if (article == nullptr) return;
  auto take = [article](const char* key, std::string& field) {
    auto it = article->find(key);
    if (it == article->end()) return;
    if (std::optional<std::string> text = TakeJsonText(*it)) {
      SetIfEmpty(field, *text);
    }
  };
  take("datePublished", facts.ld_date);
  take("headline", facts.ld_headline);
  take("author", facts.ld_author);
  take("publisher", facts.ld_publisher);
  take("articleBody", facts.ld_body);
}

// Whether `value` (a class, id or rel) has one of `words`.
bool HasClassWord(std::string_view value,
                  std::initializer_list<std::string_view> words) {
  return AnyClassWord(value, [words](std::string_view word) {
    return std::find(words.begin(), words.end(), word) != words.end();
  });
}

// Where a node is: a byline or a <time> in a comment, a teaser or the
// navigation is about something else. <header> is not such a place: it
// holds the article's own headline, byline and date.
struct Place {
  bool in_article = false;  // under <article> or a byline
  bool aside = false;       // under hidden or furniture other than <header>
};

// Text of element `node` leaving out <time> elements, whose dates would
// otherwise read as part of the names.
std::string TextWithoutTimes(const GumboNode* node) {
  return VisibleTextExcept(node, [](const GumboNode* child) {
    return child->type == GUMBO_NODE_ELEMENT &&
           (child->v.element.tag == GUMBO_TAG_TIME ||
            child->v.element.tag == GUMBO_TAG_SCRIPT ||
            child->v.element.tag == GUMBO_TAG_STYLE);
  });
}

// Notes what an element's class, id, rel or itemprop says it is: a link
// to its author's page, a byline, a dateline. Returns whether it is a
// byline, whose <time> is the article's.
bool NoteBylineParts(const GumboNode* node, PageFacts& facts) {
  const std::string_view class_name = AttributeOf(node, "class");
  const std::string_view id = AttributeOf(node, "id");
  if (node->v.element.tag == GUMBO_TAG_A &&
      HasClassWord(AttributeOf(node, "rel"), {"author"})) {
    SetIfEmpty(facts.rel_author, PlainText(node));
  }
  const bool author =
      HasClassWord(class_name, {"byline", "author", "authors"}) ||
      HasClassWord(id, {"byline", "author"}) ||
      EqualsIgnoreAsciiCase(AttributeOf(node, "itemprop"), "author");
  if (author)
    SetIfEmpty(facts.byline, AuthorFromByline(TextWithoutTimes(node)));
  const bool dateline =
      author || HasClassWord(class_name, {"dateline", "date", "timestamp",
                                          "published", "meta", "postmeta"});
  if (dateline && facts.byline_text.size() < kMaxBylineTextBytes) {
    // A container named "meta" may hold the whole story; its start is
    // where a dateline would be.
    facts.byline_text += PlainText(node).substr(0, kMaxBylineTextBytes);
    facts.byline_text += '\n';
  }
  return author || dateline;
}

void CollectFacts(const GumboNode* node, int depth, Place place,
                  PageFacts& facts) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxHtmlDepth) return;
  const GumboElement& element = node->v.element;
  if (element.tag != GUMBO_TAG_HEADER && element.tag != GUMBO_TAG_HEAD &&
      IsHiddenOrFurniture(node)) {
    place.aside = true;
  }
  if (!place.aside && NoteBylineParts(node, facts)) place.in_article = true;
  switch (element.tag) {
    case GUMBO_TAG_HTML:
      SetIfEmpty(facts.html_lang, AttributeOf(node, "lang"));
      SetIfEmpty(facts.html_lang, AttributeOf(node, "xml:lang"));
      break;
    case GUMBO_TAG_TITLE:
      SetIfEmpty(facts.title_element, PlainText(node));
      return;
    case GUMBO_TAG_META:
      NoteMeta(node, facts);
      return;
    case GUMBO_TAG_LINK:
      if (EqualsIgnoreAsciiCase(TrimWhitespace(AttributeOf(node, "rel")),
                                "canonical")) {
        SetIfEmpty(facts.canonical_url, AttributeOf(node, "href"));
      }
      return;
    case GUMBO_TAG_SCRIPT:
      if (EqualsIgnoreAsciiCase(TrimWhitespace(AttributeOf(node, "type")),
                                "application/ld+json")) {
        NoteJsonLd(node, facts);
      }
      return;
    case GUMBO_TAG_TIME:
      if (place.aside) break;
      if (place.in_article) {
        SetIfEmpty(facts.article_time, AttributeOf(node, "datetime"));
      }
      SetIfEmpty(facts.time_datetime, AttributeOf(node, "datetime"));
      break;
    case GUMBO_TAG_H1:
      if (facts.first_h1.empty()) facts.first_h1 = PlainText(node);
      break;
    case GUMBO_TAG_BODY:
      if (facts.body == nullptr) facts.body = node;
      break;
    case GUMBO_TAG_MAIN:
      if (facts.main == nullptr) facts.main = node;
      break;
    case GUMBO_TAG_ARTICLE:
      if (facts.article_count++ == 0) facts.article = node;
      place.in_article = true;
      break;
    default:
      break;
  }
  for (unsigned i = 0; i < element.children.length; ++i) {
    CollectFacts(static_cast<const GumboNode*>(element.children.data[i]),
                 depth + 1, place, facts);
  }
}

// A <title> without the site's name that pages append to it
// ("Story | Site", "Story - Site"): cut at the last separator when what
// follows is the og:site_name, or when it is after a " | ".
std::string WithoutSiteSuffix(const std::string& title,
                              const std::string& site_name) {
  for (std::string_view separator : {" | ", " - ", " \u2013 ", " \u2014 "}) {
    const size_t at = title.rfind(separator);
    if (at == std::string::npos || at == 0) continue;
    const std::string_view tail =
        TrimWhitespace(std::string_view(title).substr(at + separator.size()));
    if ((!site_name.empty() && EqualsIgnoreAsciiCase(tail, site_name)) ||
        (separator == " | " && tail.size() < at)) {
      return std::string(TrimWhitespace(std::string_view(title).substr(0, at)));
    }
  }
  return title;
}

const std::string& FirstNonEmpty(
    std::initializer_list<const std::string*> candidates) {
  for (const std::string* candidate : candidates) {
    if (!candidate->empty()) return *candidate;
  }
  return **candidates.begin();
}

}  // namespace

std::string_view CharsetOfContentType(std::string_view content_type) {
  const std::string lower = AsciiToLower(content_type);
  const size_t at = lower.find("charset=");
  if (at == std::string::npos) return {};
  std::string_view value = content_type.substr(at + 8);
  value = value.substr(0, value.find_first_of("; \"'"));
  return value;
}

Article ArticleFromHtml(std::string html, std::string_view charset_hint,
                        std::string* date_text, std::string_view page_url,
                        const MainTextOptions& options) {
  auto document = std::make_unique<GumboDocument>(html);
  PageFacts facts;
  CollectFacts(document->root(), 0, Place(), facts);
  // Gumbo wants UTF-8; only after a first parse do we know what the page
  // declares itself to be. The transport's word (an HTTP header) comes
  // first, as browsers take it.
  if (EnsureUtf8(&html, charset_hint.empty() ? std::string_view(facts.charset)
                                             : charset_hint)) {
    document = std::make_unique<GumboDocument>(html);
    facts = PageFacts();
    CollectFacts(document->root(), 0, Place(), facts);
  }

  Article article;
  const std::string title_element =
      WithoutSiteSuffix(facts.title_element, facts.og_site_name);
  article.title =
      FirstNonEmpty({&facts.og_title, &facts.twitter_title, &title_element,
                     &facts.ld_headline, &facts.first_h1});
  // og:url stands in for the page's own URL when the caller has none.
  const std::string og_url = ResolveUrl(page_url, facts.og_url);
  const std::string canonical_url =
      ResolveUrl(page_url.empty() ? std::string_view(og_url) : page_url,
                 facts.canonical_url);
  article.url = FirstNonEmpty({&canonical_url, &og_url});
  article.lang = FirstNonEmpty(
      {&facts.html_lang, &facts.content_language, &facts.og_locale});
  article.author =
      FirstNonEmpty({&facts.meta_author, &facts.article_author,
                     &facts.ld_author, &facts.rel_author, &facts.byline});
  article.source = FirstNonEmpty({&facts.og_site_name, &facts.ld_publisher});
  article.body = ExtractMainText(document->root(), facts.ld_body, options);
  // A dateline is looked for only when the markup gives no date: prose
  // is the least certain source.
  std::string dateline;
  if (facts.meta_date.empty() && facts.ld_date.empty() &&
      facts.article_time.empty() && facts.time_datetime.empty()) {
    dateline = FindDateline(facts.byline_text, kMaxDatelineLines);
    if (dateline.empty()) {
      dateline = FindDateline(article.body, kMaxDatelineLines);
    }
  }
  *date_text =
      FirstNonEmpty({&facts.meta_date, &facts.ld_date, &facts.article_time,
                     &facts.time_datetime, &dateline});
  return article;
}

Status ReadHtmlPage(InputSource& source, ArticleSink& sink) {
  std::string html;
  CHANCERY_RETURN_IF_ERROR(source.ReadAll(&html, InputSource::kMaxHtmlBytes));
  std::string date_text;
  Article article = ArticleFromHtml(std::move(html), "", &date_text);
  article.origin = source.path();
  DeliverArticle(std::move(article), date_text, sink);
  return source.status();
}

}  // namespace chancery
