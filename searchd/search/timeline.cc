#include "searchd/search/timeline.h"

#include <algorithm>

#include "searchd/search/match_pass.h"
#include "searchd/search/query_builder.h"

namespace chancery {

std::optional<DateInterval> TimelineInterval(std::string_view name) {
  if (name == "day") return DateInterval::kDay;
  if (name == "week") return DateInterval::kWeek;
  if (name == "month") return DateInterval::kMonth;
  if (name == "year") return DateInterval::kYear;
  return std::nullopt;
}

StatusOr<TimelineResponse> CountTimeline(const IndexHandle& handle,
                                         const TimelineRequest& request,
                                         const DateBounds& dates) {
  const IndexSnapshot& snap = *handle.snapshot;
  QueryBuilder builder(handle);
  const std::vector<std::string> queries =
      request.queries.empty() ? std::vector<std::string>{""} : request.queries;
  const bool dated = !snap.day_prefix.empty();
  const size_t days = dated ? snap.max_day - snap.min_day + 1 : 0;
  std::vector<std::vector<uint32_t>> day_counts(queries.size());
  TimelineResponse r;
  int64_t first = snap.max_day;
  int64_t last = snap.min_day;
  for (size_t i = 0; i < queries.size(); ++i) {
    SearchRequest search = request.search;
    search.q = queries[i];
    TimelineSeries& series = r.series.emplace_back();
    series.q = queries[i];
    std::vector<uint32_t>& counts = day_counts[i];
    counts.assign(days, 0);
    ForEachMatch(handle,
                 builder.SearchQuery(search, dates.first_day, dates.last_day,
                                     {}, nullptr),
                 [&](Xapian::docid did) {
                   ++series.total;
                   const int32_t day = snap.days[did];
                   if (day == kNoDay) return;
                   ++counts[day - snap.min_day];
                   first = std::min<int64_t>(first, day);
                   last = std::max<int64_t>(last, day);
                 });
  }
  // The range: the request's bounds, else the matches', within the index.
  int64_t lo = dates.first_day.value_or(first);
  int64_t hi = dates.last_day.value_or(last);
  lo = std::max(lo, snap.min_day);
  hi = std::min(hi, snap.max_day);
  std::optional<DateInterval> interval = TimelineInterval(request.interval);
  if (!interval) interval = IntervalForSpan(lo, hi);
  r.interval = DateIntervalName(*interval);
  if (!dated || lo > hi) return r;

  std::vector<int64_t> starts;
  for (int64_t b = DateBucketStart(lo, *interval); b <= hi;
       b = NextDateBucketStart(b, *interval)) {
    if (static_cast<int64_t>(starts.size()) >= kMaxTimelineBuckets) {
      return Status::InvalidArgument(
          "interval " + std::string(r.interval) + " makes more than " +
              std::to_string(kMaxTimelineBuckets) +
              " buckets here; choose a longer one or a shorter from/to",
          "interval");
    }
    starts.push_back(b);
  }
  // Whole buckets of the index, but within the request's from/to (as the
  // counts are), not cut at the first and last match.
  for (int64_t start : starts) {
    r.buckets.push_back(DateBucketName(start, *interval));
    const int64_t end = NextDateBucketStart(start, *interval) - 1;
    r.all.push_back(
        snap.DatedBetween(std::max(start, dates.first_day.value_or(start)),
                          std::min(end, dates.last_day.value_or(end))));
  }
  for (size_t i = 0; i < queries.size(); ++i) {
    std::vector<int64_t>& out = r.series[i].counts;
    out.assign(starts.size(), 0);
    size_t b = 0;
    for (int64_t day = lo; day <= hi; ++day) {
      while (b + 1 < starts.size() && starts[b + 1] <= day) ++b;
      out[b] += day_counts[i][day - snap.min_day];
    }
  }
  return r;
}

}  // namespace chancery
