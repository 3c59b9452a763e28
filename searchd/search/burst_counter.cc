#include "searchd/search/burst_counter.h"

#include <algorithm>

#include "searchd/search/date_range.h"
#include "searchd/search/match_pass.h"
#include "searchd/search/query_builder.h"

namespace chancery {
namespace {

BurstDay BurstDayOf(int64_t day, int64_t count, int64_t all,
                    const DayScore& score) {
  return {DateBucketName(day, DateInterval::kDay),
          count,
          all,
          score.share,
          score.baseline,
          score.sd,
          score.z,
          score.has_baseline,
          score.burst};
}

// Scores the period's days [period, counts.size()) of one value's series
// (whose day 0 is `lo`); every day when `every_day`, else only those that
// could be bursts.
BurstValue ScoreBurstValue(const FacetColumn& column, uint32_t ordinal,
                           const std::vector<int64_t>& counts,
                           const std::vector<int64_t>& all, size_t period,
                           int64_t lo, bool every_day, const BurstTest& test) {
  BurstValue v;
  v.value = column.id(ordinal);
  v.label = column.label(ordinal);
  for (size_t d = period; d < counts.size(); ++d) {
    v.count += counts[d];
    if (!every_day && counts[d] < test.min_count) continue;
    const DayScore score = ScoreDay(counts, all, d, test);
    BurstDay view =
        BurstDayOf(lo + static_cast<int64_t>(d), counts[d], all[d], score);
    if (score.burst) {
      v.max_z = std::max(v.max_z, score.z);
      v.bursts.push_back(view);
    }
    if (every_day) v.days.push_back(std::move(view));
  }
  return v;
}

}  // namespace

BurstResponse FindBursts(const IndexHandle& handle, const BurstRequest& request,
                         const DateBounds& dates, const BurstTest& test) {
  const IndexSnapshot& snap = *handle.snapshot;
  BurstResponse r;
  r.field = request.field;
  if (snap.day_prefix.empty()) return r;  // No dated article.
  const int64_t to =
      std::min(dates.last_day.value_or(snap.max_day), snap.max_day);
  // No day before the index's first has articles to score or to weigh in
  // a baseline, so a period reaching back to the year 1000 costs nothing.
  const int64_t from =
      std::max(dates.first_day.value_or(to - (kDefaultBurstPeriodDays - 1)),
               snap.min_day);
  if (from > to) return r;
  r.from = DateBucketName(from, DateInterval::kDay);
  r.to = DateBucketName(to, DateInterval::kDay);
  const int64_t lo = from - test.window;
  const size_t period = static_cast<size_t>(test.window);
  const size_t days = static_cast<size_t>(to - lo + 1);
  std::vector<int64_t> all(days);
  for (size_t d = 0; d < days; ++d) {
    const int64_t day = lo + static_cast<int64_t>(d);
    all[d] = snap.DatedBetween(day, day);
  }

  const FacetColumn& column = *snap.Column(request.field);
  std::vector<uint32_t> wanted;  // Value mode: the value's ordinals.
  if (!request.value.empty()) wanted = ResolveFacetValue(column, request.value);
  // (ordinal << 32 | day - lo) of every mention, grouped by sorting.
  std::vector<uint64_t> mentions;
  QueryBuilder builder(handle);
  Xapian::Query query =
      builder.SearchQuery(request.search, lo, to, {}, nullptr);
  if (!request.value.empty()) {
    // Only the value's articles need visiting.
    query = Xapian::Query(
        Xapian::Query::OP_FILTER, query,
        builder.FilterQuery(request.field, FieldFilter{{request.value}, true}));
  }
  ForEachMatch(handle, query, [&](Xapian::docid did) {
    const int32_t day = snap.days[did];
    if (day == kNoDay || day < lo || day > to) return;
    const uint64_t d = static_cast<uint64_t>(day - lo);
    for (uint32_t ord : column.Values(did)) {
      if (!request.value.empty() &&
          std::find(wanted.begin(), wanted.end(), ord) == wanted.end()) {
        continue;
      }
      mentions.push_back(static_cast<uint64_t>(ord) << 32 | d);
    }
  });
  std::sort(mentions.begin(), mentions.end());

  std::vector<int64_t> counts(days);
  // `counts` is all zeros between groups: each group clears what it set.
  auto score_group = [&](uint32_t ord, size_t begin, size_t end) {
    bool candidate = !request.value.empty();
    for (size_t i = begin; i < end; ++i) {
      const size_t d = mentions[i] & 0xffffffffu;
      ++counts[d];
      if (d >= period && counts[d] >= test.min_count) candidate = true;
    }
    if (candidate) {
      BurstValue v = ScoreBurstValue(column, ord, counts, all, period, lo,
                                     !request.value.empty(), test);
      if (!request.value.empty() || !v.bursts.empty()) {
        r.values.push_back(std::move(v));
      }
    }
    for (size_t i = begin; i < end; ++i) counts[mentions[i] & 0xffffffffu] = 0;
  };
  for (size_t begin = 0; begin < mentions.size();) {
    const uint32_t ord = static_cast<uint32_t>(mentions[begin] >> 32);
    size_t end = begin;
    while (end < mentions.size() &&
           static_cast<uint32_t>(mentions[end] >> 32) == ord) {
      ++end;
    }
    score_group(ord, begin, end);
    begin = end;
  }
  // A wanted value without a mention still answers, with its days.
  for (uint32_t ord : wanted) {
    const bool listed = std::any_of(
        r.values.begin(), r.values.end(),
        [&](const BurstValue& v) { return v.value == column.id(ord); });
    if (!listed) score_group(ord, 0, 0);
  }
  std::sort(r.values.begin(), r.values.end(),
            [](const BurstValue& a, const BurstValue& b) {
              if (a.max_z != b.max_z) return a.max_z > b.max_z;
              if (a.count != b.count) return a.count > b.count;
              return a.label < b.label;
            });
  if (r.values.size() > static_cast<size_t>(request.size)) {
    r.values.resize(request.size);
  }
  return r;
}

}  // namespace chancery
