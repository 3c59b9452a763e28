// One HTML page as one article.
//   title   og:title, else twitter:title, else <title> less a site suffix
//           (" | Site", or " - Site" naming og:site_name), else JSON-LD
//           headline, else first <h1>
//   date    <meta> article:published_time (or itemprop/name datePublished,
//           date, pubdate, DC.date...), else JSON-LD datePublished, else
//           the first <time datetime>: explicit metadata before markup that
//           may belong to a comment or a related link
//   url     og:url, else <link rel=canonical>
//   lang    <html lang>, else og:locale; normalised to ISO 639-1
//   author  <meta name=author>, else JSON-LD author
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

namespace chancery {

// The article one page holds, as the header above maps it, before
// DeliverArticle: origin and id unset, the page's publication date as text
// in *date_text ("" when it gives none). `charset_hint` is what the
// transport says (an HTTP Content-Type charset), preferred to the page's
// own <meta charset>; "" when there is none. For readers of archives that
// hold pages (WARC).
Article ArticleFromHtml(std::string html, std::string_view charset_hint,
                        std::string* date_text);

// The charset parameter of a Content-Type value:
// "text/html; charset=iso-8859-1" -> "iso-8859-1"; "" when it has none.
std::string_view CharsetOfContentType(std::string_view content_type);

// Reads the whole page from `source` (at most
// InputSource::kMaxDocumentBytes) and delivers at most one article. Non-ok
// only when the page cannot be read.
Status ReadHtmlPage(InputSource& source, ArticleSink& sink);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_HTML_READER_H_
