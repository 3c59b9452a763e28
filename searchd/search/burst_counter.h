// FindBursts: GET /api/bursts in the search core. One pass over the
// search's matches dated within the period and the baseline window before
// it counts (value, day) pairs of the field; each value's daily series,
// over the index's articles per day (the snapshot's day totals), is then
// scored day by day with the burst test (burst_detector.h).
//
// Ranking mode lists the values with at least one burst day in the period,
// strongest (highest z) first; value mode scores that value's every day.
//
// Not thread-safe: call on the thread that borrowed `handle`.
#ifndef CHANCERY_SEARCHD_SEARCH_BURST_COUNTER_H_
#define CHANCERY_SEARCHD_SEARCH_BURST_COUNTER_H_

#include "searchd/search/burst_detector.h"
#include "searchd/search/index_handle.h"
#include "searchd/search/request_validator.h"
#include "searchd/search/search_types.h"

namespace chancery {

// Days of the period when the request gives no from/to: the index's last.
inline constexpr int kDefaultBurstPeriodDays = 28;

// Precondition: `request` passed ValidateBurstRequest, which gave `dates`.
// Throws Xapian::Error.
BurstResponse FindBursts(const IndexHandle& handle, const BurstRequest& request,
                         const DateBounds& dates,
                         const BurstTest& test = BurstTest());

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_BURST_COUNTER_H_
