// NewsML-G2 (IPTC), as news agencies deliver it: each <newsItem> (alone,
// or in a <newsMessage>) is one article.
//   id        newsItem@guid
//   title     contentMeta/headline (the first; one without a role, or the
//             main one, preferred)
//   dateline  contentMeta/dateline, else the name of contentMeta/located
//   author    contentMeta/by, else creator/name (several joined by ", ")
//   date      contentMeta/contentCreated, else itemMeta/firstCreated, else
//             itemMeta/versionCreated
//   source    itemMeta/provider (its name, literal or qcode code)
//   lang      contentMeta/language@tag, else xml:lang of the item
//   url       itemMeta/link with a rel ending in "canonical", when present
//   body      the first contentSet/inlineXML (XHTML) as text, else the
//             first inlineData
//   countries located, its broader places and subjects that are countries
//             (type ending ":country", or a qcode in an ISO 3166 scheme;
//             the code when the qcode gives one, else the name)
//   people    subjects of type cpnat:person; orgs: of type
//             cpnat:organisation (their names)
//   meta      "subjects": [{"qcode", "name", "type"}] for every subject
//             and genre, "keywords": [...], "located": {"qcode", "name"}
// Origins are "FILE:LINE" with the line of the <newsItem>. Parsed with
// libxml2, network access and external entities off.
#ifndef CHANCERY_INDEXER_READERS_NEWSML_READER_H_
#define CHANCERY_INDEXER_READERS_NEWSML_READER_H_

#include "common/status.h"
#include "indexer/readers/article_reader.h"
#include "indexer/readers/input_source.h"

namespace chancery {

// Reads the whole document from `source` and delivers its news items.
// Non-ok when it is not XML, or holds no <newsItem>; recoverable XML
// errors are one warning, and the parsable items are delivered.
Status ReadNewsMl(InputSource& source, ArticleSink& sink);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_NEWSML_READER_H_
