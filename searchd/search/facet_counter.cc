#include "searchd/search/facet_counter.h"

#include <algorithm>
#include <bit>
#include <map>

#include "common/facets.h"
#include "searchd/search/date_range.h"
#include "searchd/search/match_visitor.h"
#include "searchd/search/query_builder.h"

namespace chancery {
namespace {

// A filter the pass evaluates on a column.
struct ColumnFilter {
  const FacetColumn* column;
  std::vector<std::vector<uint32_t>> values;  // Ordinal sets, one per value.
  bool any;
  int facet;  // Index of the same field in the counted facets.
};

bool Intersects(std::span<const uint32_t> doc,
                const std::vector<uint32_t>& wanted) {
  for (uint32_t v : doc) {
    for (uint32_t w : wanted) {
      if (v == w) return true;
    }
  }
  return false;
}

bool Passes(const ColumnFilter& f, Xapian::docid did) {
  std::span<const uint32_t> doc = f.column->Values(did);
  if (f.any) {
    for (const auto& value : f.values) {
      if (Intersects(doc, value)) return true;
    }
    return false;
  }
  for (const auto& value : f.values) {
    if (!Intersects(doc, value)) return false;
  }
  return !f.values.empty();
}

// Counts every match of the base query.
class MatchCounter {
 public:
  MatchCounter(const IndexSnapshot& snapshot,
               std::vector<const FacetColumn*> columns,
               std::vector<ColumnFilter> filters, bool count_days)
      : snapshot_(snapshot),
        columns_(std::move(columns)),
        filters_(std::move(filters)),
        count_days_(count_days) {
    for (const FacetColumn* c : columns_) counts.emplace_back(c->value_count());
    if (count_days_ && !snapshot_.days.empty()) {
      day_counts.assign(snapshot_.max_day - snapshot_.min_day + 1, 0);
    }
  }

  void Add(Xapian::docid did) {
    unsigned failed = 0;
    for (size_t i = 0; i < filters_.size(); ++i) {
      if (!Passes(filters_[i], did)) {
        failed |= 1u << i;
        if (std::popcount(failed) > 1) return;
      }
    }
    if (failed == 0) {
      ++total;
      for (size_t f = 0; f < columns_.size(); ++f) {
        for (uint32_t ord : columns_[f]->Values(did)) ++counts[f][ord];
      }
      if (!day_counts.empty() && did < snapshot_.days.size()) {
        int32_t day = snapshot_.days[did];
        if (day != kNoDay) ++day_counts[day - snapshot_.min_day];
      }
      return;
    }
    // Fails exactly one filter: counts for that field only (multi-select).
    const ColumnFilter& f = filters_[std::countr_zero(failed)];
    for (uint32_t ord : f.column->Values(did)) ++counts[f.facet][ord];
  }

  int64_t total = 0;
  std::vector<std::vector<uint32_t>> counts;  // [facet][ordinal]
  std::vector<uint32_t> day_counts;           // [day - min_day]

 private:
  const IndexSnapshot& snapshot_;
  const std::vector<const FacetColumn*> columns_;
  const std::vector<ColumnFilter> filters_;
  const bool count_days_;
};

bool IsDateFacet(std::string_view name) {
  const schema::FieldSpec* field = schema::FindField(name);
  return field && field->kind == schema::FieldKind::kDate;
}

bool RanksBefore(const FacetColumn& column, const std::vector<uint32_t>& counts,
                 uint32_t a, uint32_t b) {
  if (counts[a] != counts[b]) return counts[a] > counts[b];
  return column.label(a) < column.label(b);
}

FacetResult RankValues(const FacetColumn& column,
                       const std::vector<uint32_t>& counts,
                       const std::vector<uint32_t>& selected, int size) {
  std::vector<uint32_t> ords;
  for (uint32_t i = 0; i < counts.size(); ++i) {
    if (counts[i] > 0) ords.push_back(i);
  }
  auto before = [&](uint32_t a, uint32_t b) {
    return RanksBefore(column, counts, a, b);
  };
  size_t keep = size <= 0 ? ords.size()
                          : std::min(ords.size(), static_cast<size_t>(size));
  std::partial_sort(ords.begin(), ords.begin() + keep, ords.end(), before);
  ords.resize(keep);
  // A selected value always shows, so the user can see and undo it.
  for (uint32_t s : selected) {
    if (std::find(ords.begin(), ords.end(), s) == ords.end()) ords.push_back(s);
  }
  FacetResult result;
  result.name = column.name();
  for (uint32_t ord : ords) {
    bool is_selected =
        std::find(selected.begin(), selected.end(), ord) != selected.end();
    result.values.push_back(
        {column.id(ord), column.label(ord), counts[ord], is_selected});
  }
  return result;
}

FacetResult DateFacet(const IndexSnapshot& snap,
                      const std::vector<uint32_t>& day_counts,
                      const FacetQuery& query) {
  FacetResult result;
  result.name = schema::kDateField.name;
  int64_t first = -1;
  int64_t last = -1;
  for (size_t i = 0; i < day_counts.size(); ++i) {
    if (day_counts[i] == 0) continue;
    if (first < 0) first = static_cast<int64_t>(i);
    last = static_cast<int64_t>(i);
  }
  const std::string& name = query.request->interval;
  DateInterval interval = name == "year"    ? DateInterval::kYear
                          : name == "month" ? DateInterval::kMonth
                                            : DateInterval::kDay;
  if (name == "auto" || name.empty()) {
    // Fit the buckets to the requested range, else to the matches' dates.
    int64_t lo = query.first_day.value_or(first < 0 ? 0 : snap.min_day + first);
    int64_t hi = query.last_day.value_or(last < 0 ? 0 : snap.min_day + last);
    if (query.first_day || query.last_day) {
      lo = std::max(lo, snap.min_day);
      hi = std::min(hi, snap.max_day);
    }
    interval = IntervalForSpan(lo, hi);
  }
  result.interval = DateIntervalName(interval);
  std::map<int64_t, int64_t> buckets;
  for (size_t i = 0; i < day_counts.size(); ++i) {
    if (day_counts[i] == 0) continue;
    buckets[DateBucketStart(snap.min_day + static_cast<int64_t>(i),
                            interval)] += day_counts[i];
  }
  for (const auto& [start, count] : buckets) {
    std::string value = DateBucketName(start, interval);
    result.values.push_back({value, value, count, false});
  }
  return result;
}

}  // namespace

std::vector<std::string> MultiSelectFields(const SearchRequest& request) {
  std::vector<std::string> fields;
  for (const auto& [field, filter] : request.filters) {
    if (filter.values.empty()) continue;
    if (std::find(request.facets.begin(), request.facets.end(), field) !=
        request.facets.end()) {
      fields.push_back(field);
    }
  }
  return fields;
}

FacetOutcome CountFacets(const IndexHandle& handle, const FacetQuery& query) {
  const SearchRequest& request = *query.request;
  const IndexSnapshot& snap = *handle.snapshot;
  const std::vector<std::string> multi_select = MultiSelectFields(request);

  std::vector<const FacetColumn*> columns;
  bool count_days = false;
  for (const std::string& name : request.facets) {
    if (IsDateFacet(name)) {
      count_days = true;
    } else if (const FacetColumn* c = snap.Column(name)) {
      columns.push_back(c);
    }
  }
  std::vector<ColumnFilter> filters;
  for (const std::string& field : multi_select) {
    const FieldFilter& ff = request.filters.at(field);
    ColumnFilter f{snap.Column(field), {}, ff.any, -1};
    for (const std::string& v : ff.values) {
      f.values.push_back(ResolveFacetValue(*f.column, v));
    }
    for (size_t i = 0; i < columns.size(); ++i) {
      if (columns[i] == f.column) f.facet = static_cast<int>(i);
    }
    filters.push_back(std::move(f));
  }

  QueryBuilder builder(handle);
  Xapian::Query base = builder.SearchQuery(request, query.first_day,
                                           query.last_day, multi_select,
                                           /*highlight=*/nullptr);
  MatchCounter counter(snap, columns, std::move(filters), count_days);
  VisitMatches(handle, base,
               [&counter](Xapian::docid did) { counter.Add(did); });

  FacetOutcome outcome;
  outcome.total = counter.total;
  size_t column_index = 0;
  for (const std::string& name : request.facets) {
    if (IsDateFacet(name)) {
      outcome.facets.push_back(DateFacet(snap, counter.day_counts, query));
      continue;
    }
    const FacetColumn& column = *columns[column_index];
    std::vector<uint32_t> selected;
    if (auto it = request.filters.find(name); it != request.filters.end()) {
      for (const std::string& v : it->second.values) {
        for (uint32_t ord : ResolveFacetValue(column, v))
          selected.push_back(ord);
      }
    }
    outcome.facets.push_back(RankValues(column, counter.counts[column_index],
                                        selected, query.facet_size));
    ++column_index;
  }
  return outcome;
}

}  // namespace chancery
