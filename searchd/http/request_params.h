// Parsing of query-string parameters into the search core's requests. Only
// syntax is checked here (numbers are numbers, single-valued parameters are
// given once, any= names filter fields); ranges and meanings are the core's
// to check. Errors are InvalidArgument naming the parameter.
#ifndef CHANCERY_SEARCHD_HTTP_REQUEST_PARAMS_H_
#define CHANCERY_SEARCHD_HTTP_REQUEST_PARAMS_H_

#include "common/status.h"
#include "searchd/http/http_types.h"
#include "searchd/search/search_types.h"

namespace chancery {

StatusOr<SearchRequest> ParseSearchParams(const HttpRequest& req);
StatusOr<SimilarRequest> ParseSimilarParams(const HttpRequest& req);
StatusOr<DocumentRequest> ParseDocumentParams(const HttpRequest& req);
StatusOr<FacetValuesRequest> ParseFacetValuesParams(const HttpRequest& req);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_HTTP_REQUEST_PARAMS_H_
