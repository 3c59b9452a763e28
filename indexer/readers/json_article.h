// The field mapping shared by the JSON Lines and JSON array readers.
//
// Recognised keys (case-insensitive; the first listed wins when several
// aliases are present, the others are kept in meta):
//   id                                     string or number
//   title, headline
//   body, text, content, description
//   date, published, published_at, pubDate, datetime   string or number
//   url, link
//   source          string, or an object with a "name" (NewsAPI style)
//   lang, language  as given (DeliverArticle normalises it: "en-GB" -> "en")
//   author          string, object with "name", or an array of those
//   dateline
//   people, countries, orgs                array of strings, or one string
// Every other key, and a recognised key whose value has an unusable type,
// goes verbatim into Article::meta_json. A null value counts as absent.
#ifndef CHANCERY_INDEXER_READERS_JSON_ARTICLE_H_
#define CHANCERY_INDEXER_READERS_JSON_ARTICLE_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "common/article.h"

namespace chancery {

// Moves the fields of `object` (a JSON object; it is left in a valid but
// unspecified state) into a new Article. The date is returned as text in
// *date_text for DeliverArticle to parse; id, origin are not derived here.
Article ArticleFromJsonObject(nlohmann::json& object, std::string* date_text);

// Text of a JSON string or number, of an object's "name", or of an array
// of those joined by ", " (moved out of `value`); nullopt for other shapes,
// leaving `value` untouched. How "author" and "source" are read, here and
// in HTML pages' JSON-LD.
std::optional<std::string> TakeJsonText(nlohmann::json& value);

// A parse error as a short sentence for OnReject: nlohmann's message
// without its "[json.exception.parse_error.101] " tag.
std::string DescribeJsonError(const nlohmann::json::exception& error);

// Article fields are flat; values nested deeper than this are dropped while
// parsing, because unbounded nesting would overflow the stack when the value
// is later dumped into meta, copied or destroyed.
inline constexpr int kMaxJsonDepth = 32;

// For nlohmann's parser callbacks: false (drop) for a container that starts
// deeper than kMaxJsonDepth.
inline bool WithinJsonDepth(int depth, nlohmann::json::parse_event_t event,
                            nlohmann::json& /*parsed*/) {
  return depth <= kMaxJsonDepth ||
         (event != nlohmann::json::parse_event_t::object_start &&
          event != nlohmann::json::parse_event_t::array_start);
}

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_JSON_ARTICLE_H_
