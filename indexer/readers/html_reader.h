// One HTML page as one article.
//   title   og:title, else twitter:title, else <title> less a site suffix
//           (" | Site", or " - Site" naming og:site_name), else JSON-LD
//           headline, else first <h1>
//   date    <meta> article:published_time (or itemprop/name datePublished,
//           date, pubdate, DC.date...), else JSON-LD datePublished, else
//           the first <time datetime> in the <article> or a byline, else
//           the first elsewhere outside comments, teasers and navigation,
//           else a dateline ("Published 3 March 2024") in a byline or
//           date element or the first lines of the body (FindDateline):
//           explicit metadata before markup that may belong to a comment
//           or a related link, and prose last
//   url     <link rel=canonical>, else og:url; resolved against the page
//           URL (ResolveUrl), a relative one that cannot be is dropped
//   lang    <html lang>, else <meta http-equiv=content-language>, else
//           og:locale; normalised to ISO 639-1
//   author  <meta name=author>, else article:author (unless a URL), else
//           JSON-LD author (a string, {"name"} or an array of either,
//           joined with ", "), else the text of the first <a rel=author>,
//           else a byline element's (class byline/author, itemprop author)
//           less "By" and what follows a separator (AuthorFromByline)
//   source  og:site_name, else JSON-LD publisher
//   body    ExtractMainText (main_text_extractor.h), given the JSON-LD
//           articleBody
// Pages in legacy encodings are converted using their <meta charset>.
// Origin is the file path.
#ifndef CHANCERY_INDEXER_READERS_HTML_READER_H_
#define CHANCERY_INDEXER_READERS_HTML_READER_H_

#include <string>
#include <string_view>

#include "common/article.h"
#include "common/status.h"
#include "indexer/readers/article_reader.h"
#include "indexer/readers/input_source.h"
#include "indexer/readers/main_text_extractor.h"

namespace chancery {

// The article one page holds, as the header above maps it, before
// DeliverArticle: origin and id unset, the page's publication date as text
// in *date_text ("" when it gives none). `charset_hint` is what the
// transport says (an HTTP Content-Type charset), preferred to the page's
// own <meta charset>; "" when there is none. `page_url` is where the page
// was fetched from, which relative canonical URLs are resolved against
// ("" when unknown: og:url stands in). For readers of archives that hold
// pages (WARC).
// `options` go to ExtractMainText (the default: the built-in classifier).
Article ArticleFromHtml(std::string html, std::string_view charset_hint,
                        std::string* date_text, std::string_view page_url = {},
                        const MainTextOptions& options = {});

// The charset parameter of a Content-Type value:
// "text/html; charset=iso-8859-1" -> "iso-8859-1"; "" when it has none.
std::string_view CharsetOfContentType(std::string_view content_type);

// Reads the whole page from `source` (at most
// InputSource::kMaxHtmlBytes) and delivers at most one article. Non-ok
// only when the page cannot be read.
Status ReadHtmlPage(InputSource& source, ArticleSink& sink);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_HTML_READER_H_
