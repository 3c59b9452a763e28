// Parsing of query-string parameters into the search core's requests. Only
// syntax is checked here (numbers are numbers, single-valued parameters are
// given once, any= names filter fields); ranges and meanings are the core's
// to check. Errors are InvalidArgument naming the parameter.
//
// Each parser is driven by a table of the parameters it reads (plus, for
// search, one filter parameter per value field of schema::kFields), and the
// same tables describe the parameters (the *ParamSpecs functions) for the
// API description and its test, so what is parsed and what is documented
// cannot drift apart. Pure functions, thread-safe.
#ifndef CHANCERY_SEARCHD_HTTP_REQUEST_PARAMS_H_
#define CHANCERY_SEARCHD_HTTP_REQUEST_PARAMS_H_

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "searchd/http/http_types.h"
#include "searchd/search/search_types.h"

namespace chancery {

StatusOr<SearchRequest> ParseSearchParams(const HttpRequest& req);
StatusOr<SimilarRequest> ParseSimilarParams(const HttpRequest& req);
StatusOr<DocumentRequest> ParseDocumentParams(const HttpRequest& req);
StatusOr<FacetValuesRequest> ParseFacetValuesParams(const HttpRequest& req);
// The analyst views: q (repeated, one per series, for the timeline),
// from, to and the filters as a search's, plus their own.
StatusOr<ComentionRequest> ParseComentionParams(const HttpRequest& req);
StatusOr<TimelineRequest> ParseTimelineParams(const HttpRequest& req);
StatusOr<BurstRequest> ParseBurstParams(const HttpRequest& req);

// GET /api/feed: the search parameters that select articles (q, from, to,
// the filters and any, read as ParseSearchParams reads them) and `limit`,
// the number of entries, into `size`; the rest is fixed for a feed: newest
// first (sort "date"), page 1, no facets, no spelling suggestion.
inline constexpr std::string_view kFeedLimitParam = "limit";
inline constexpr int kDefaultFeedEntries = 20;
inline constexpr int kMaxFeedEntries = 100;
StatusOr<SearchRequest> ParseFeedParams(const HttpRequest& req);

// The query string ("q=a%20b&country=FR", no "?") of what `r` selects: q,
// from, to, the filters and any, names and values sorted, percent-encoded
// (RFC 3986 unreserved characters kept). Equal selections give equal
// strings whatever order their parameters came in; "" selects everything.
// The stable identity of a feed, and the base of its links.
std::string CanonicalSelectionQuery(const SearchRequest& r);

// RFC 3986 percent-encoding of every byte outside the unreserved set.
std::string PercentEncode(std::string_view text);

StatusOr<StoryRequest> ParseStoryParams(const HttpRequest& req);

// q, from, to and the filters as for search; size = terms to list.
StatusOr<TermsRequest> ParseTermsParams(const HttpRequest& req);

// GET /api/export: a search's parameters and how to write its matches.
inline constexpr std::array<std::string_view, 3> kExportFormats = {
    "csv", "jsonl", "json"};
struct ExportParams {
  SearchRequest search;
  std::string format = "csv";       // One of kExportFormats.
  std::vector<std::string> fields;  // Columns; empty = the default ones.
  std::string facet;  // When set, the values of this facet instead.
};
StatusOr<ExportParams> ParseExportParams(const HttpRequest& req);

// One parameter a parser accepts.
struct ParamSpec {
  // kHeader: a request header field the handler reads (conditional GET).
  enum class In { kPath, kQuery, kHeader };
  enum class Type {
    kString,
    kInteger,
    kList,  // Comma-separated values.
  };
  std::string_view name;
  In in = In::kQuery;
  Type type = Type::kString;
  bool repeatable = false;  // May be given more than once (filters, any).
  // The values accepted (of each item, for kList); empty = any text.
  std::span<const std::string_view> choices = {};
};

// The parameters of each parser above, path ones first. The static tables
// they come from live as long as the program.
std::vector<ParamSpec> SearchParamSpecs();
std::vector<ParamSpec> SimilarParamSpecs();
std::vector<ParamSpec> DocumentParamSpecs();
std::vector<ParamSpec> FacetValuesParamSpecs();
std::vector<ParamSpec> FeedParamSpecs();
std::vector<ParamSpec> ComentionParamSpecs();
std::vector<ParamSpec> TimelineParamSpecs();
std::vector<ParamSpec> BurstParamSpecs();
std::vector<ParamSpec> StoryParamSpecs();

std::vector<ParamSpec> TermsParamSpecs();
// The search's and the export's own.
std::vector<ParamSpec> ExportParamSpecs();

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_HTTP_REQUEST_PARAMS_H_
