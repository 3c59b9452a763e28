// Plain value types of the search core's API (searcher.h): what a caller
// asks for and what it gets back. No Xapian or HTTP types, so that the HTTP
// layer, tests and benchmarks can use them without knowing the engine.
// All are copyable values; none is shared between threads by the core.
#ifndef CHANCERY_SEARCHD_SEARCH_SEARCH_TYPES_H_
#define CHANCERY_SEARCHD_SEARCH_SEARCH_TYPES_H_

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/facets.h"

namespace chancery {

// The values SearchRequest::sort and ::interval accept.
inline constexpr std::array<std::string_view, 3> kSortOrders = {
    "relevance", "date", "date_asc"};
inline constexpr std::array<std::string_view, 4> kDateIntervals = {
    "year", "month", "day", "auto"};

// One facet filter field: the values a user selected and how they combine.
struct FieldFilter {
  std::vector<std::string> values;  // As the user wrote them (ids/codes).
  // false: a document must have every value (France AND China);
  // true: any one of them is enough (the API's any=FIELD).
  bool any = false;
};

struct SearchRequest {
  // Query text in the query language (words, "phrases", AND/OR/NOT, -word,
  // NEAR, word*, field:value, date:A..B). Empty matches every article.
  std::string q;
  // Filters by field name, a value field of schema::kFields.
  std::map<std::string, FieldFilter> filters;
  // Inclusive dates "YYYY", "YYYY-MM" or "YYYY-MM-DD"; empty = unbounded.
  std::string from;
  std::string to;
  std::string sort = "relevance";  // One of kSortOrders.
  int page = 1;                    // From 1.
  int size = 10;                   // 0..max_page_size (0: counts only).
  // Facets to count, by name (schema::kFacetNames); by default those marked
  // default_facet. Multi-select: a filtered field's own counts ignore its
  // filter.
  std::vector<std::string> facets = schema::DefaultFacetNames();
  int facet_size = 10;            // 1..max_facet_size
  std::string interval = "auto";  // date facet: one of kDateIntervals
  bool snippets = true;           // Build hit snippets.
  bool suggest = true;            // Look for a spelling suggestion.
  // The index revision to answer from (SearchResponse::revision of an
  // earlier answer); "" = the newest.
  std::string revision;
};

// One place a document names an entity (common/entities/entities.h
// Mention), with the text it names it by.
struct MentionView {
  std::string field;  // "title", "body", "dateline" or "publisher".
  // Byte offsets into the field's UTF-8 text, [begin, end); 0, 0 for
  // "publisher" (the article's own entity lists, no place in the text).
  int64_t begin = 0;
  int64_t end = 0;
  std::string type;  // "PER", "LOC", "ORG", "MISC" or "rule".
  // The field's bytes [begin, end): always valid UTF-8 ("" for
  // "publisher"). A stored span whose offsets fall outside the field or
  // inside a character is not listed.
  std::string text;
};

// An entity attached to a hit or document: id (country code, person id, org
// id) and display name (the value it is linked to).
struct EntityRef {
  std::string id;
  std::string name;
  // The rest is filled for documents only (0 / empty in hits).
  int mentions = 0;
  // Mention types over all its stored spans, most frequent first (ties in
  // order of appearance): {"PER"}, {"LOC", "rule"}. Empty when none kept.
  std::vector<std::string> types;
  std::vector<MentionView> spans;  // In article order.
  // Written forms in other scripts than the name ("Лавров").
  std::vector<std::string> native_forms;
};

struct Hit {
  std::string id;
  std::string title;
  std::string date;  // ISO 8601 UTC, "" when unknown.
  std::string url;
  std::string source;
  std::string lang;
  double score = 0;
  std::string snippet;  // HTML: escaped text with <mark>ed matches.
  std::vector<EntityRef> countries;
  std::vector<EntityRef> people;
  std::vector<EntityRef> orgs;
};

struct FacetValue {
  std::string value;  // Id, code or date bucket ("2024", "2024-03").
  std::string label;  // Display form ("France"); for dates, the value.
  int64_t count = 0;
  bool selected = false;  // The value is one of the request's filters.
};

struct FacetResult {
  std::string name;
  std::vector<FacetValue> values;
  bool exact = true;     // false when counted over a sample of the matches.
  std::string interval;  // date facet: the interval used ("month", ...).
};

struct SearchResponse {
  int64_t total = 0;
  bool total_exact = true;
  double took_ms = 0;
  std::vector<Hit> hits;
  std::vector<FacetResult> facets;  // In the order requested.
  std::string suggestion;           // "" when none.
  std::string revision;             // The index revision answered from.
};

// GET /api/doc/{id}?q=: one article, with the matches of `q` when given.
struct DocumentRequest {
  std::string id;
  std::string q;  // Query language as in SearchRequest; "" = no highlights.
};

// A word of a document's title or body that matches the query, the way
// search snippets mark them (folded, stemmed in the article's language,
// wildcard prefixes). Offsets are UTF-16 code units into the field's text
// (as JavaScript strings index it), [start, end).
struct Highlight {
  std::string field;  // "title" or "body"
  int64_t start = 0;
  int64_t end = 0;
};

// GET /api/doc/{id}: the whole stored article.
struct DocumentView {
  Hit summary;  // id, title, date, url, source, lang, entities (no snippet).
  std::string body;
  std::string author;
  std::string dateline;
  std::string meta_json = "{}";  // JSON object text.
  // Matches of the request's q: title ones first, each field in text order.
  std::vector<Highlight> highlights;
};

struct SimilarRequest {
  std::string id;
  int size = 10;  // 1..max_page_size
};

// GET /api/facet/{name}: autocomplete of facet values.
struct FacetValuesRequest {
  std::string name;    // A value field (schema::HasValues).
  std::string prefix;  // Matched, folded, against label words and ids.
  std::string q;       // Restricts the counts to matches of q when given.
  int size = 10;       // 1..max_facet_size
};

struct IndexStats {
  int64_t articles = 0;
  int64_t size_bytes = 0;
  std::string last_update;  // ISO 8601 UTC, "" when unknown.
  std::map<std::string, int64_t> distinct_values;  // facet name -> count
  int shards = 1;
};

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_SEARCH_TYPES_H_
