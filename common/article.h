// Article: one news item as read from an archive, before indexing.
// A plain value type shared by the readers, the entity extractor and the
// index writer; it owns all its strings. Not thread-safe to mutate from
// several threads, safe to copy and move between them.
#ifndef CHANCERY_COMMON_ARTICLE_H_
#define CHANCERY_COMMON_ARTICLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace chancery {

struct Article {
  std::string id;     // Stable id; empty until the reader or writer sets one.
  std::string title;  // Original text, for display.
  std::string body;   // Original text, for display and snippets.
  std::string url;
  std::string source;  // Publisher or feed name, e.g. "reuters".
  std::string lang;    // ISO 639-1 code ("en", "fr", "zh"); empty = detect.
  std::string author;
  std::string dateline;  // Wire dateline, e.g. "BEIJING, March 12".
  // Publication time in UTC seconds since the epoch, when known.
  std::optional<int64_t> date;
  // Entities named by the publisher; merged with what extraction finds.
  // countries: ISO 3166-1 alpha-2 codes or names; people and orgs: names.
  std::vector<std::string> countries;
  std::vector<std::string> people;
  std::vector<std::string> orgs;
  // Unknown input fields as a JSON object text ("{}" when none), returned by
  // the API as "meta".
  std::string meta_json = "{}";
  // Byte ranges [begin, end) of body lines that are site furniture, sorted
  // (set by the indexer's boilerplate filter). The body keeps them for
  // display; the searchable text and snippets leave them out.
  std::vector<std::pair<size_t, size_t>> furniture;
  // Where the article came from, "FILE:LINE" or "FILE", for error messages.
  std::string origin;
};

}  // namespace chancery

#endif  // CHANCERY_COMMON_ARTICLE_H_
