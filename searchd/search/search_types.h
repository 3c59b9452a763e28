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
// SearchRequest::collapse: "none" lists every article; "story" one hit per
// story (searchd/search/story_column.h), and counts stories.
inline constexpr std::array<std::string_view, 2> kCollapseModes = {"none",
                                                                   "story"};

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
  // One of kCollapseModes. With "story", hits are the best-ranked matching
  // version of each story, and total and facet counts count stories: a
  // story has a facet value when any of its matching versions has it, and
  // falls in the date bucket of its earliest matching version.
  std::string collapse = "none";
  // The index revision to answer from (SearchResponse::revision of an
  // earlier answer); "" = the newest.
  std::string revision;
};

// What a hit of a collapsed search says about its story.
struct StorySummary {
  std::string id;        // The story id: the id of its earliest article.
  int64_t versions = 1;  // Its versions that match the search (exact).
  int64_t size = 1;      // All its versions in the index.
  // "First reported": the earliest version's date (ISO 8601, "" unknown)
  // and source.
  std::string first_date;
  std::string first_source;
  // Distinct sources of the story's versions other than the hit's own,
  // earliest version first.
  std::vector<std::string> other_sources;
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
  bool has_story = false;  // Set by collapsed searches only.
  StorySummary story;
};

struct FacetValue {
  std::string value;  // Id, code or date bucket ("2024", "2024-03").
  std::string label;  // Display form ("France"); for dates, the value.
  int64_t count = 0;
  bool selected = false;  // The value is one of the request's filters.
  // Date buckets: articles of the whole index in the bucket (within
  // from/to), so that count / all is a share; -1 for other facets.
  int64_t all = -1;
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
  // What total and facet counts count: "article", or "story" for a search
  // with collapse "story".
  std::string unit = "article";
  std::string revision;  // The index revision answered from.
};

// GET /api/story/{id}: every version of a story.
struct StoryRequest {
  std::string id;  // A story id, or the id of any of its articles.
};

struct StoryVersion {
  Hit summary;  // id, title, date, url, source, lang, entities.
  // The body's sentences that no earlier version has (compared folded, a
  // leading dateline "CITY (Source) - " ignored), in text order; for the
  // first version, all of them.
  std::vector<std::string> added;
  int64_t sentences = 0;  // Sentences of the version's body.
};

struct StoryView {
  std::string id;                      // The story id.
  std::vector<StoryVersion> versions;  // Oldest first (undated last).
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
  // One of kCollapseModes: "story" counts stories, as SearchRequest's.
  std::string collapse = "none";
};

// GET /api/terms: the words and two-word phrases over-represented in the
// matches of a search against the whole index (searchd/search/
// term_profiler.h).
struct TermsRequest {
  // The matches: q, from, to and filters as for a search (the rest of a
  // SearchRequest is not used).
  SearchRequest search;
  int size = 20;  // Words and phrases to list (each), 1..max_terms_size.
};

struct TermStat {
  // A word as most often written in the matches (of the words sharing the
  // stem), or "word word" for a phrase; folded as indexed.
  std::string term;
  std::string stem;   // The stem counted; "" for unstemmed words, phrases.
  int64_t count = 0;  // Documents of the (sampled) matches with it.
  int64_t index_count = 0;  // Documents of the whole index with it.
  double score = 0;         // G² (searchd/search/log_likelihood.h).
};

struct TermsResponse {
  int64_t total = 0;     // Documents matching the search.
  int64_t articles = 0;  // Documents in the index.
  // Words are counted over every match up to exact_terms_limit, else over
  // a deterministic sample of sample_size of them (every k-th by docid).
  bool sampled = false;
  int64_t sample_size = 0;
  // Phrases are counted over an even sample of phrase_sample_size of those;
  // a phrase's index_count is estimated when its rarer word is in over 100
  // articles (term_profiler.h).
  int64_t phrase_sample_size = 0;
  std::vector<TermStat> words;    // By score, best first.
  std::vector<TermStat> phrases;  // By score, best first.
  double took_ms = 0;
};

struct IndexStats {
  int64_t articles = 0;
  int64_t size_bytes = 0;
  std::string last_update;  // ISO 8601 UTC, "" when unknown.
  std::map<std::string, int64_t> distinct_values;  // facet name -> count
  int shards = 1;
};

// GET /api/comentions: which values of `field` the matching articles
// mention (with `with`'s value when given), against the whole index; or,
// with `against`, a matrix of two fields' top values.
inline constexpr std::array<std::string_view, 2> kComentionSorts = {
    "count", "significance"};
inline constexpr int kMaxComentionMatrixSize = 50;  // Rows and columns.
struct ComentionRequest {
  // q, filters, from, to: the articles considered (the rest is unused).
  SearchRequest search;
  std::string field = "person";  // A value field: the values listed.
  // "FIELD:VALUE" (a value as filters take it: id, label, surname), or
  // "" for every matching article.
  std::string with;
  std::string against;         // Matrix mode: the second field; "" = a list.
  std::string sort = "count";  // One of kComentionSorts (list mode).
  int size = 10;  // Values (list), or rows and columns (matrix, <= 50).
};

struct ComentionValue {
  std::string value;
  std::string label;
  int64_t count = 0;        // Matching articles that mention the value.
  double share = 0;         // count / ComentionResponse::articles.
  int64_t index_count = 0;  // Articles of the whole index that mention it.
  // share / (index_count / index_articles): 2 = twice as common here.
  double lift = 0;
  // Signed G² (log_likelihood.h) of the matching articles against the
  // rest of the index: large = unusual company; negative = rarer here.
  double significance = 0;
};

struct ComentionResponse {
  std::string field;
  std::string with_field;                // "" without `with`.
  std::string with_value;                // As given.
  std::vector<FacetValue> with_matches;  // The values `with` resolved to.
  std::string against;                   // "" in list mode.
  int64_t articles = 0;  // Matching articles (mentioning `with`).
  int64_t index_articles = 0;
  std::vector<ComentionValue> values;  // List mode, in `sort` order.
  // Matrix mode: the top values of `field` (rows) and `against`
  // (columns) by count over the matching articles, and cells[r][c] the
  // matching articles that mention both.
  std::vector<ComentionValue> rows;
  std::vector<ComentionValue> columns;
  std::vector<std::vector<int64_t>> cells;
  double took_ms = 0;
};

// GET /api/timeline: up to kMaxTimelineQueries series on shared buckets.
inline constexpr size_t kMaxTimelineQueries = 5;
inline constexpr std::array<std::string_view, 5> kTimelineIntervals = {
    "day", "week", "month", "year", "auto"};
struct TimelineRequest {
  SearchRequest search;  // filters, from, to: shared by every series.
  // One per series, in the query language (its own field:value filters:
  // "ukraine country:UA"); none = one series of every article.
  std::vector<std::string> queries;
  std::string interval = "auto";  // One of kTimelineIntervals.
};

struct TimelineSeries {
  std::string q;
  int64_t total = 0;            // Matches (dated or not).
  std::vector<int64_t> counts;  // Per bucket of TimelineResponse.
};

struct TimelineResponse {
  std::string interval;              // "day", "week", "month" or "year".
  std::vector<std::string> buckets;  // Names, chronological, gapless.
  std::vector<int64_t> all;          // Index articles per bucket.
  std::vector<TimelineSeries> series;
  double took_ms = 0;
};

// GET /api/bursts: days on which a value's share of the day's articles
// jumped above its trailing baseline (burst_detector.h has the test).
struct BurstRequest {
  // q, filters: the articles counted; from, to: the period searched
  // (default: the index's last 28 days).
  SearchRequest search;
  std::string field = "person";  // A value field.
  std::string value;  // "" = rank the field's values; else this one only.
  int size = 10;      // Values listed (1..max_facet_size).
};

struct BurstDay {
  std::string date;     // YYYY-MM-DD
  int64_t count = 0;    // Matching articles of the day with the value.
  int64_t all = 0;      // Articles of the index that day.
  double share = 0;     // count / all
  double baseline = 0;  // Mean share over the trailing window.
  double sd = 0;        // Its standard deviation.
  double z = 0;
  bool has_baseline = false;  // Enough days in the window to judge.
  bool burst = false;
};

struct BurstValue {
  std::string value;
  std::string label;
  int64_t count = 0;  // Matching articles with the value in the period.
  double max_z = 0;   // Over its burst days.
  std::vector<BurstDay> bursts;  // Burst days, chronological.
  // Value mode only: every day of the period, bursts or not.
  std::vector<BurstDay> days;
};

struct BurstResponse {
  std::string field;
  std::string from;  // The period, YYYY-MM-DD ("" for an undated index).
  std::string to;
  std::vector<BurstValue> values;  // Strongest first.
  double took_ms = 0;
};

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_SEARCH_TYPES_H_
