// CountTimeline: GET /api/timeline in the search core. Each query's
// matches are counted per day in one pass, then every series is put on
// the same buckets (one interval for all, chosen once), each bucket with
// the whole index's articles beside it (the snapshot's day totals), so a
// client can plot count / all, the share of the news.
//
// The buckets run without gaps from `from` (or the earliest match of any
// series) to `to` (or the latest), clipped to the index's dates.
//
// Not thread-safe: call on the thread that borrowed `handle`.
#ifndef CHANCERY_SEARCHD_SEARCH_TIMELINE_H_
#define CHANCERY_SEARCHD_SEARCH_TIMELINE_H_

#include <optional>
#include <string_view>

#include "searchd/search/date_range.h"
#include "searchd/search/index_handle.h"
#include "searchd/search/request_validator.h"
#include "searchd/search/search_types.h"

namespace chancery {

// More buckets than this are a 400 naming `interval`.
inline constexpr int64_t kMaxTimelineBuckets = 10000;

// "day", "week", "month", "year"; nullopt for "auto" (and unknown names).
std::optional<DateInterval> TimelineInterval(std::string_view name);

// Precondition: `request` passed ValidateTimelineRequest, which gave
// `dates`. InvalidArgument (interval) past kMaxTimelineBuckets. Throws
// Xapian::Error.
StatusOr<TimelineResponse> CountTimeline(const IndexHandle& handle,
                                         const TimelineRequest& request,
                                         const DateBounds& dates);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_TIMELINE_H_
