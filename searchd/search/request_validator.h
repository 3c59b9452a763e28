// Checks of the search core's requests against SearcherOptions' limits.
// Every failure is InvalidArgument naming the parameter as the HTTP API
// spells it ("size", "from", "country", ...). Pure functions, thread-safe.
#ifndef CHANCERY_SEARCHD_SEARCH_REQUEST_VALIDATOR_H_
#define CHANCERY_SEARCHD_SEARCH_REQUEST_VALIDATOR_H_

#include <cstdint>
#include <optional>

#include "common/status.h"
#include "searchd/search/search_types.h"
#include "searchd/search/searcher.h"

namespace chancery {

// The request's from/to as inclusive day numbers.
struct DateBounds {
  std::optional<int64_t> first_day;
  std::optional<int64_t> last_day;
};

StatusOr<DateBounds> ValidateSearchRequest(const SearchRequest& request,
                                           const SearcherOptions& options);
Status ValidateStoryRequest(const StoryRequest& request);
Status ValidateSimilarRequest(const SimilarRequest& request,
                              const SearcherOptions& options);
Status ValidateDocumentRequest(const DocumentRequest& request,
                               const SearcherOptions& options);
Status ValidateFacetValuesRequest(const FacetValuesRequest& request,
                                  const SearcherOptions& options);
// The analyst views: their search part as a search's, plus their own.
StatusOr<DateBounds> ValidateComentionRequest(const ComentionRequest& request,
                                              const SearcherOptions& options);
StatusOr<DateBounds> ValidateTimelineRequest(const TimelineRequest& request,
                                             const SearcherOptions& options);
StatusOr<DateBounds> ValidateBurstRequest(const BurstRequest& request,
                                          const SearcherOptions& options);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_REQUEST_VALIDATOR_H_
