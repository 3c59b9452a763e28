// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each <item> or <entry> is one
// article. Parsed with libxml2 (network access and external entities off).
//   title   <title> (markup stripped)
//   url     RSS <link>; Atom <link href> with rel "alternate" or no rel
//   body    content:encoded, else description (RSS); content, else summary
//           (Atom); HTML inside is reduced to text (html_text.h)
//   date    pubDate, published, else updated, else dc:date
//   author  dc:creator, author (RSS); author/name (Atom), joined by ", "
//   id      guid (RSS), id (Atom), when present
//   source  the item's <source>, else the channel's or feed's title
//   lang    xml:lang of the entry or feed, else the channel's <language>
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
