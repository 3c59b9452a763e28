// FacetCounter: exact facet counts over every match of a search, with
// multi-select semantics, in one unweighted pass.
//
// The pass enumerates the documents of the "base" query (the text and every
// filter except those on fields that are both filtered and counted) with
// Xapian's matcher under BoolWeight, and for each document looks its facet
// values up in the snapshot's in-memory columns. Filters on counted fields
// are evaluated there too, which yields in the same pass:
//   - the total (documents passing every filter) and the counts of
//     unfiltered fields and of the date facet over those documents;
//   - for a filtered field F, counts over documents passing every filter
//     but F's own (Solr's tag/ex), so a user can widen a selection.
//
// Not thread-safe: one FacetCounter per request and thread; it reads only
// the handle it was given.
#ifndef CHANCERY_SEARCHD_SEARCH_FACET_COUNTER_H_
#define CHANCERY_SEARCHD_SEARCH_FACET_COUNTER_H_

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "searchd/search/index_handle.h"
#include "searchd/search/search_types.h"

namespace chancery {

struct FacetOutcome {
  int64_t total = 0;                // Documents matching the whole search.
  std::vector<FacetResult> facets;  // In request order.
};

// The facet part of a search, as a validated request and its parsed dates.
struct FacetQuery {
  const SearchRequest* request = nullptr;
  std::optional<int64_t> first_day;  // from, parsed
  std::optional<int64_t> last_day;   // to, parsed
  // Values to report per facet (at most; selected ones are added).
  // 0 = all values (for autocomplete).
  int facet_size = 10;
};

// Counts the facets of `query` on `handle`. Throws Xapian::Error.
FacetOutcome CountFacets(const IndexHandle& handle, const FacetQuery& query);

// The fields whose filters the counting pass evaluates itself: filtered
// and requested as facets (value fields only; dates filter by from/to).
std::vector<std::string> MultiSelectFields(const SearchRequest& request);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_FACET_COUNTER_H_
