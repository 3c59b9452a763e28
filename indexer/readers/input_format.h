// Which reader an input file needs, from its name and its first bytes.
#ifndef CHANCERY_INDEXER_READERS_INPUT_FORMAT_H_
#define CHANCERY_INDEXER_READERS_INPUT_FORMAT_H_

#include <string_view>

namespace chancery {

enum class InputFormat {
  kUnknown,    // name says nothing: decide from content
  kJson,       // ".json": an array or JSON Lines, decide from content
  kJsonLines,  // one JSON object per line
  kJsonArray,  // [ {...}, {...} ]
  kXml,        // ".xml": a feed, NewsML-G2 or NITF, decide from content
  kFeed,       // RSS 2.0, RSS 1.0 (RDF) or Atom
  kNewsMl,     // NewsML-G2 newsItem (or a newsMessage of them)
  kNitf,       // NITF, the News Industry Text Format
  kWarc,       // WARC web archive, records of crawled pages
  kHtml,       // one web page
  kText,       // plain text or Markdown, one article
};

// Format named by the file's extension, looking through a ".gz" suffix;
// kUnknown for names we do not recognise.
InputFormat FormatFromFileName(std::string_view path);

// Format suggested by the first bytes of the (decompressed) content:
// '{' JSON Lines, '[' JSON array, "WARC/" a WARC file, <rss>/<feed>/
// <rdf:RDF> a feed, <newsItem>/<newsMessage> NewsML-G2, <nitf> NITF (the
// root's namespace prefix aside), any other XML a feed (whose reader says
// what it found), any other markup HTML, anything else text. Leading
// whitespace is skipped; `head` should be the first kilobyte or so.
InputFormat FormatFromContent(std::string_view head);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_INPUT_FORMAT_H_
