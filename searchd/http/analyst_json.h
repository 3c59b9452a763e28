// JSON bodies of the analyst views (GET /api/comentions, /api/timeline,
// /api/bursts), from the search core's plain types; their shapes are
// documented in openapi.json. Pure functions, thread-safe.
#ifndef CHANCERY_SEARCHD_HTTP_ANALYST_JSON_H_
#define CHANCERY_SEARCHD_HTTP_ANALYST_JSON_H_

#include <string>

#include "searchd/search/search_types.h"

namespace chancery {

std::string RenderComentions(const ComentionResponse& response);
std::string RenderTimeline(const TimelineResponse& response);
std::string RenderBursts(const BurstResponse& response);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_HTTP_ANALYST_JSON_H_
