#include "searchd/search/comention_counter.h"

#include <algorithm>

#include "searchd/search/log_likelihood.h"
#include "searchd/search/match_pass.h"
#include "searchd/search/query_builder.h"

namespace chancery {
namespace {

ComentionValue ScoreComention(const FacetColumn& column, uint32_t ordinal,
                              int64_t count, int64_t articles,
                              int64_t index_articles) {
  ComentionValue v;
  v.value = column.id(ordinal);
  v.label = column.label(ordinal);
  v.count = count;
  v.index_count = column.doc_count(ordinal);
  if (articles > 0) v.share = static_cast<double>(count) / articles;
  if (v.index_count > 0 && index_articles > 0) {
    v.lift = v.share / (static_cast<double>(v.index_count) / index_articles);
  }
  // The matching articles against the rest of the index.
  v.significance =
      SignedLogLikelihood({count, articles - count, v.index_count - count,
                           index_articles - articles - v.index_count + count});
  return v;
}

// Ordinals with a count, best first by `before`, at most `size`, without
// those in `exclude`.
template <typename Before>
std::vector<uint32_t> TopOrdinals(const std::vector<uint32_t>& counts,
                                  size_t size,
                                  const std::vector<uint32_t>& exclude,
                                  Before before) {
  std::vector<uint32_t> ords;
  for (uint32_t i = 0; i < counts.size(); ++i) {
    if (counts[i] > 0 &&
        std::find(exclude.begin(), exclude.end(), i) == exclude.end()) {
      ords.push_back(i);
    }
  }
  size = std::min(size, ords.size());
  std::partial_sort(ords.begin(), ords.begin() + size, ords.end(), before);
  ords.resize(size);
  return ords;
}

std::vector<uint32_t> TopOrdinalsByCount(const FacetColumn& column,
                                         const std::vector<uint32_t>& counts,
                                         size_t size,
                                         const std::vector<uint32_t>& exclude) {
  return TopOrdinals(counts, size, exclude, [&](uint32_t a, uint32_t b) {
    if (counts[a] != counts[b]) return counts[a] > counts[b];
    return column.label(a) < column.label(b);
  });
}

}  // namespace

std::pair<std::string_view, std::string_view> SplitWith(std::string_view with) {
  const size_t colon = with.find(':');
  if (colon == std::string_view::npos) return {};
  return {with.substr(0, colon), with.substr(colon + 1)};
}

ComentionResponse CountComentions(const IndexHandle& handle,
                                  const ComentionRequest& request,
                                  const DateBounds& dates) {
  const IndexSnapshot& snap = *handle.snapshot;
  QueryBuilder builder(handle);
  Xapian::Query query = builder.SearchQuery(request.search, dates.first_day,
                                            dates.last_day, {}, nullptr);
  ComentionResponse r;
  r.field = request.field;
  r.against = request.against;
  r.index_articles = snap.doc_count;
  const FacetColumn& field = *snap.Column(request.field);
  // Values of `with` are not listed as their own company.
  std::vector<uint32_t> exclude_rows;
  std::vector<uint32_t> exclude_columns;
  if (!request.with.empty()) {
    const auto [with_field, with_value] = SplitWith(request.with);
    r.with_field = with_field;
    r.with_value = with_value;
    const FacetColumn& column = *snap.Column(with_field);
    const std::vector<uint32_t> ords = ResolveFacetValue(column, r.with_value);
    for (uint32_t ord : ords) {
      r.with_matches.push_back(
          {column.id(ord), column.label(ord), column.doc_count(ord), false});
    }
    if (&column == &field) exclude_rows = ords;
    if (column.name() == request.against) exclude_columns = ords;
    query = Xapian::Query(
        Xapian::Query::OP_FILTER, query,
        builder.FilterQuery(r.with_field, FieldFilter{{r.with_value}, false}));
  }
  const size_t size = static_cast<size_t>(request.size);
  std::vector<uint32_t> counts(field.value_count());

  if (request.against.empty()) {
    ForEachMatch(handle, query, [&](Xapian::docid did) {
      ++r.articles;
      for (uint32_t ord : field.Values(did)) ++counts[ord];
    });
    std::vector<ComentionValue> scored;
    for (uint32_t ord = 0; ord < counts.size(); ++ord) {
      if (counts[ord] == 0 ||
          std::find(exclude_rows.begin(), exclude_rows.end(), ord) !=
              exclude_rows.end()) {
        continue;
      }
      scored.push_back(ScoreComention(field, ord, counts[ord], r.articles,
                                      r.index_articles));
    }
    const bool by_significance = request.sort == "significance";
    auto before = [&](const ComentionValue& a, const ComentionValue& b) {
      if (by_significance && a.significance != b.significance) {
        return a.significance > b.significance;
      }
      if (a.count != b.count) return a.count > b.count;
      return a.label < b.label;
    };
    const size_t keep = std::min(size, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + keep, scored.end(),
                      before);
    scored.resize(keep);
    r.values = std::move(scored);
    return r;
  }

  const FacetColumn& against = *snap.Column(request.against);
  std::vector<uint32_t> against_counts(against.value_count());
  std::vector<Xapian::docid> matches;
  ForEachMatch(handle, query, [&](Xapian::docid did) {
    matches.push_back(did);
    for (uint32_t ord : field.Values(did)) ++counts[ord];
    for (uint32_t ord : against.Values(did)) ++against_counts[ord];
  });
  r.articles = static_cast<int64_t>(matches.size());
  const std::vector<uint32_t> rows =
      TopOrdinalsByCount(field, counts, size, exclude_rows);
  const std::vector<uint32_t> columns =
      TopOrdinalsByCount(against, against_counts, size, exclude_columns);
  std::vector<int> row_of(field.value_count(), -1);
  std::vector<int> column_of(against.value_count(), -1);
  for (size_t i = 0; i < rows.size(); ++i) {
    row_of[rows[i]] = static_cast<int>(i);
    r.rows.push_back(ScoreComention(field, rows[i], counts[rows[i]], r.articles,
                                    r.index_articles));
  }
  for (size_t i = 0; i < columns.size(); ++i) {
    column_of[columns[i]] = static_cast<int>(i);
    r.columns.push_back(ScoreComention(against, columns[i],
                                       against_counts[columns[i]], r.articles,
                                       r.index_articles));
  }
  r.cells.assign(rows.size(), std::vector<int64_t>(columns.size(), 0));
  for (Xapian::docid did : matches) {
    for (uint32_t row : field.Values(did)) {
      if (row_of[row] < 0) continue;
      for (uint32_t column : against.Values(did)) {
        if (column_of[column] >= 0) ++r.cells[row_of[row]][column_of[column]];
      }
    }
  }
  return r;
}

}  // namespace chancery
