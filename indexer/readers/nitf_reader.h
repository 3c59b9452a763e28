// NITF (News Industry Text Format, IPTC) documents: each <nitf> is one
// article.
//   title     body.head/hedline/hl1, else head/title
//   dateline  body.head/dateline, else the city of docdata/evloc
//   author    the <person> names of body.head/byline, else its text
//             without a leading "By"
//   date      docdata/date.issue@norm (ISO 8601, basic or extended form)
//   id        docdata/doc-id@id-string
//   source    head/pubdata@name, else docdata/doc.copyright@holder
//   lang      xml:lang of <nitf>, <head> or <body>
//   body      body.content as text
//   countries <country> in the dateline (its iso-cc, else its name),
//             docdata/evloc@iso-cc, and the <country> and
//             <location>/<country> of docdata/identified-content
//   people    docdata/identified-content/person; orgs: .../org
//   meta      "subjects": [{"code", "name"}] from head/tobject/
//             tobject.subject (name: type / matter / detail), "keywords":
//             docdata/key-list/keyword@key, "located": the dateline's
//             <location> text
// Origin is "FILE:LINE" with the line of <nitf>. Parsed with libxml2,
// network access and external entities off.
#ifndef CHANCERY_INDEXER_READERS_NITF_READER_H_
#define CHANCERY_INDEXER_READERS_NITF_READER_H_

#include "common/status.h"
#include "indexer/readers/article_reader.h"
#include "indexer/readers/input_source.h"

namespace chancery {

// Reads the whole document from `source` and delivers its article.
// Non-ok when it is not XML or its root is not <nitf>; recoverable XML
// errors are one warning.
Status ReadNitf(InputSource& source, ArticleSink& sink);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_NITF_READER_H_
