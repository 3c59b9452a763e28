// Reading archives into Articles: JSON Lines / NDJSON, JSON arrays, RSS
// (0.90-2.0, RDF), Atom (0.3, 1.0) and CDF feeds, NewsML-G2 and NITF, WARC web
// archives, HTML pages, plain text and Markdown, each optionally
// gzip-compressed; directories are walked recursively; "-" is JSON Lines on
// standard input. Input is streamed: memory stays bounded by the largest single
// article, never by the archive.
#ifndef CHANCERY_INDEXER_READERS_ARTICLE_READER_H_
#define CHANCERY_INDEXER_READERS_ARTICLE_READER_H_

#include <cstdint>
#include <string>

#include "common/article.h"
#include "common/status.h"

namespace chancery {

// Receives what a reader finds. Called on the reader's thread, in input
// order. Implementations decide what to do with articles (index, extract).
class ArticleSink {
 public:
  virtual ~ArticleSink() = default;
  // A well-formed article. Its origin is set: "FILE:LINE" for JSON Lines,
  // and for JSON arrays, feeds, NewsML-G2 and NITF the line where the
  // element or item starts; "FILE:offset N" for WARC records (N the byte
  // offset of the record, or of its gzip member); "FILE" for one-article
  // files (HTML, text); FILE is the path as
  // given, "-" for stdin. Its id is set (derived by DeriveArticleId when
  // the input had none); date is set when parseable; lang is an ISO 639-1
  // code (NormalizeLanguage), or empty when the input gave none it knows.
  virtual void OnArticle(Article&& article) = 0;
  // A record that was rejected (the article is lost), e.g. malformed JSON,
  // or no title and no body. `origin` is "FILE:LINE" (or "FILE" for a
  // whole file that could not be read during a directory walk); `reason` a
  // short human sentence.
  virtual void OnReject(const std::string& origin,
                        const std::string& reason) = 0;
  // Something worth telling the user that did not lose the article, e.g. an
  // unparseable date (the article is still delivered, without a date).
  virtual void OnWarning(const std::string& origin,
                         const std::string& reason) = 0;
  // Compressed-or-raw bytes consumed so far by the current ReadArticles
  // call: for a file, from that file; for a directory, summed over its
  // files, so it grows monotonically towards InputSizeBytes(path). Called
  // about every megabyte and at the end of each file, not per byte.
  virtual void OnProgress(uint64_t bytes_read) { (void)bytes_read; }
};

// Reads `path` (file, directory or "-") and feeds `sink`. Returns a non-ok
// Status only when the input as a whole cannot be read (missing,
// unreadable, not a supported format); bad records inside a readable input
// are reported through OnReject and reading goes on. The format comes from
// the file name (.jsonl .ndjson .json .xml .rss .atom .rdf .cdf .newsml .nitf
// .warc .html .htm .txt .md .markdown, each optionally .gz) and, when the name
// does not say (or is .json or .xml), from the first bytes. A damaged gzip
// member is rejected as "FILE:offset N" (its offset) and reading goes on
// at the next member. Directories are walked recursively in sorted order,
// skipping hidden entries and (with a warning) files of unrecognised names; a
// file that fails there is reported through OnReject and the walk goes on.
Status ReadArticles(const std::string& path, ArticleSink& sink);

// Reports `file`, which could not be read at all (`status` is the error
// ReadArticles or a reader returned for it), to `sink` as one rejected
// record: origin `file` (or "FILE:LINE" when the message starts with it),
// reason the message without the file name that readers put into it for
// callers that print the status alone, so that a printer writing
// "ORIGIN: REASON" names the file once.
void RejectUnreadableFile(const std::string& file, const Status& status,
                          ArticleSink& sink);

// Total size in bytes (compressed, for .gz) of the files ReadArticles
// would read for `path` (recursively for a directory), or 0 when unknown
// (stdin, missing path). For progress and ETA, against OnProgress.
uint64_t InputSizeBytes(const std::string& path);

// A stable id for an article that has none: derived from its url when it
// has one, else from its title, date and body, so re-reading the same
// archive yields the same ids. Deterministic across runs and machines:
// "u-" + 16 hex digits of FNV-1a-64 of the trimmed url, or "c-" + those of
// trimmed title, '\x1f', decimal date (empty if none), '\x1f', trimmed body.
std::string DeriveArticleId(const Article& article);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_ARTICLE_READER_H_
