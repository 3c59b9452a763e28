#include "indexer/readers/furniture_names.h"

#include <string_view>

#include "indexer/readers/html_text.h"

namespace chancery {

bool ContainsAny(std::string_view text,
                 std::initializer_list<std::string_view> needles) {
  for (std::string_view needle : needles) {
    if (text.find(needle) != std::string_view::npos) return true;
  }
  return false;
}

namespace {

// Class/id names that content management systems give the article text.
bool NamesMainTextToken(std::string_view name) {
  return ContainsAny(name,
                     {"articlebody",      "article-body",    "article_body",
                      "article__body",    "article-content", "article_content",
                      "article__content", "articlecontent",  "article-text",
                      "article_text",     "articletext",     "article__text",
                      "fulltext",         "story-body",      "storybody",
                      "story_body",       "story__body",     "story-content",
                      "storycontent",     "story-text",      "entry-content",
                      "entry_content",    "entry-body",      "post-content",
                      "post_content",     "postcontent",     "post-body",
                      "post_body",        "postbody",        "post-text",
                      "post-entry",       "single-content",  "content-body",
                      "body-text",        "bodytext",        "text-body",
                      "main-text",        "maintext",        "rich-text",
                      "richtext",         "news-content",    "news-text",
                      "newstext",         "blog-content",    "field-name-body",
                      "field--name-body", "node-content",    "article-copy",
                      "articlecopy",      "text-content",    "article-entry"});
}

}  // namespace

// Words (of a class, id or role) naming furniture beyond what
// VisibleText already skips: comments, teasers, bylines and date lines.
bool IsExtraFurnitureWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "comment",    "comments",   "commentlist", "disqus",     "reply",
      "replies",    "related",    "recommended", "recommend",  "teaser",
      "teasers",    "trending",   "popular",     "most",       "more",
      "tags",       "tag",        "taglist",     "keywords",   "byline",
      "author",     "authors",    "dateline",    "date",       "timestamp",
      "published",  "meta",       "postmeta",    "pagination", "pager",
      "toolbar",    "tools",      "widget",      "widgets",    "signup",
      "paywall",    "login",      "skip",        "hidden",     "rating",
      "vote",       "breadcrumb", "crumbs",      "social",     "subscription",
      "newsletter", "sponsored",  "partner",     "copyright",  "postmetadata",
      "metadata",   "ratings",    "toc",         "affiliate",  "kommentar",
      "kommentare", "readtime",   "factbox",     "infobox",    "cta",
      "donate",     "donation",   "donations",   "spenden",    "steady",
      "membership", "authorbox",  "saboxplugin"};
  for (std::string_view w : kWords) {
    if (w == word) return true;
  }
  return false;
}

// Whether a class/id value (words separated by spaces) has a token naming
// the article text, one that does not also name furniture
// ("related-post-content" is a teaser's).
bool NamesMainText(std::string_view name) {
  return AnyToken(name, [](std::string_view token) {
    return NamesMainTextToken(token) &&
           !AnyClassWord(token, IsExtraFurnitureWord);
  });
}

// Whether a class or id value names extra furniture. Its tokens that
// classify a post rather than name a part of the page ("tag-sports",
// "category-popular" on a WordPress post) are not read.
bool NamesExtraFurniture(std::string_view value) {
  return AnyToken(value, [](std::string_view token) {
    bool classifies = false;
    for (std::string_view prefix :
         {"tag-", "category-", "type-", "format-", "status-", "has-", "no-"}) {
      if (token.substr(0, prefix.size()) == prefix) classifies = true;
    }
    if (token.substr(0, 5) == "post-" && token.size() > 5 && token[5] >= '0' &&
        token[5] <= '9') {
      classifies = true;  // "post-1113"
    }
    // Drupal's "field--label-hidden" hides the field's label, not the field.
    if (token.find("label") != std::string_view::npos) classifies = true;
    return !classifies && AnyClassWord(token, IsExtraFurnitureWord);
  });
}

}  // namespace chancery
