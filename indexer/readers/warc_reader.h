// WARC files (ISO 28500, WARC/1.0 and 1.1) as web archives and Common
// Crawl News write them, plain or gzip-compressed one record per member.
// Each `response` record holding an HTTP 2xx response with an HTML payload
// (and each `resource` record of HTML) is one article, read by the HTML
// page path (ArticleFromHtml) from the payload:
//   url     WARC-Target-URI (the page's own og:url or canonical link, when
//           different, is kept in meta as "canonical_url")
//   date    the page's publication date when it gives a parseable one,
//           else WARC-Date, the capture time; meta "date_from" says which
//           ("page" or "capture") and "capture_date" keeps WARC-Date
//   source  the page's site name, else the target's host without "www."
//   meta    also "warc_record_id"
// The HTTP headers are stripped; chunked transfer coding and gzip or
// deflate content coding are undone; the charset of the HTTP Content-Type
// is preferred to the page's <meta charset>. Other records (warcinfo,
// request, metadata, revisit, non-HTML or non-2xx responses) are skipped
// silently. Origins are "FILE:offset N", N being the offset of the record
// in the file (of its gzip member, when compressed) as CDX indexes give it.
#ifndef CHANCERY_INDEXER_READERS_WARC_READER_H_
#define CHANCERY_INDEXER_READERS_WARC_READER_H_

#include "common/status.h"
#include "indexer/readers/article_reader.h"
#include "indexer/readers/input_source.h"

namespace chancery {

// Reads every record of `source`. A record that cannot be read (a damaged
// gzip member, a header without Content-Length, a record cut short) is
// rejected naming its offset and reading goes on with the next record.
// Non-ok only when the input as a whole cannot be read.
Status ReadWarc(InputSource& source, ArticleSink& sink);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_WARC_READER_H_
