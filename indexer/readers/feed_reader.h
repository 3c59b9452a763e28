// News feeds, each <item> or <entry> one article: RSS 0.90 and 1.0 (RDF),
// RSS 0.91 (Netscape and UserLand), 0.92-0.94 and 2.0 (with or without a
// default namespace on <rss>), Atom 0.3 and 1.0, and CDF (Microsoft's
// Channel Definition Format: <ITEM HREF LASTMOD> with <TITLE> and
// <ABSTRACT>, in nested <CHANNEL>s, names in any case). Parsed with libxml2
// (network access and external entities off; undeclared HTML entities such
// as &eacute; are read as HTML reads them). What follows is for RSS and
// Atom.
//   title   <title> (markup stripped)
//   url     RSS <link>, else a guid that is an http(s) URL and not
//           isPermaLink="false"; Atom <link href> with rel "alternate" or
//           no rel. A relative one is resolved (ResolveUrl, RFC 3986)
//           against the xml:base in scope, else the channel's or feed's
//           link; one that cannot be is dropped with a warning
//   body    content:encoded or Atom content, else summary, else
//           description, else dc:description; HTML inside (escaped, or
//           inline XHTML, Atom 0.3 mode="escaped" | "xml" | "base64") is
//           reduced to text (html_text.h); type "text" is kept as text
//   date    pubDate, published, Atom 0.3 issued; else dc:date, created;
//           else updated, modified (date_parser.h)
//   author  dc:creator, author (RSS); author/name (Atom), joined by ", "
//   id      guid (RSS), id (Atom), when present
//   source  the item's <source>, else the channel's or feed's title
//   lang    xml:lang of the entry or feed, else the channel's <language>
//           or dc:language
//   meta    {"categories": [...]} from <category> text or term
// Origins are "FILE:LINE" with the line of the <item> or <entry>.
#ifndef CHANCERY_INDEXER_READERS_FEED_READER_H_
#define CHANCERY_INDEXER_READERS_FEED_READER_H_

#include "common/status.h"
#include "indexer/readers/article_reader.h"
#include "indexer/readers/input_source.h"

namespace chancery {

// Reads the whole feed from `source` and delivers its items. Non-ok when
// the input is not XML at all or its root is not a feed; recoverable XML
// errors are reported as one warning and the parsable items delivered.
Status ReadFeed(InputSource& source, ArticleSink& sink);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_FEED_READER_H_
