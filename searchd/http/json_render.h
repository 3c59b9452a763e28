// JSON bodies of the API's responses, from the search core's plain types.
// The field names here are the API's contract (see GET /api/search in the
// project's issue 5). Pure functions, thread-safe.
#ifndef CHANCERY_SEARCHD_HTTP_JSON_RENDER_H_
#define CHANCERY_SEARCHD_HTTP_JSON_RENDER_H_

#include <string>

#include "searchd/search/search_types.h"

namespace chancery {

std::string RenderSearchResponse(const SearchResponse& response);
std::string RenderDocument(const DocumentView& doc);
std::string RenderFacetValues(const FacetResult& facet);
std::string RenderStory(const StoryView& story);
std::string RenderTerms(const TermsResponse& terms);
std::string RenderStats(const IndexStats& stats);
// GET /api/schema: the field registry (common/facets.h) for clients.
std::string RenderSchema();
std::string RenderHealth(const IndexStats& stats);
std::string RenderError(const std::string& code, const std::string& message,
                        const std::string& param);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_HTTP_JSON_RENDER_H_
