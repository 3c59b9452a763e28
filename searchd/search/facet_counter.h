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
// By story (FacetQuery::by_story), the same pass dedupes by the snapshot's
// StoryColumn through a StoryTally.
//
// Not thread-safe: one FacetCounter per request and thread; it reads only
// the handle it was given.
#ifndef CHANCERY_SEARCHD_SEARCH_FACET_COUNTER_H_
#define CHANCERY_SEARCHD_SEARCH_FACET_COUNTER_H_

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "searchd/search/index_handle.h"
#include "searchd/search/search_types.h"
#include "searchd/search/story_tally.h"

namespace chancery {

struct FacetOutcome {
  // Documents (with FacetQuery::by_story, stories) matching the whole
  // search.
  int64_t total = 0;
  std::vector<FacetResult> facets;  // In request order.
  // by_story only: the matching versions of each multi-version story,
  // under the ordinals of `snapshot`'s StoryColumn.
  std::optional<StoryTally> stories;
  std::shared_ptr<const IndexSnapshot> snapshot;
};

// The facet part of a search, as a validated request and its parsed dates.
struct FacetQuery {
  const SearchRequest* request = nullptr;
  std::optional<int64_t> first_day;  // from, parsed
  std::optional<int64_t> last_day;   // to, parsed
  // Values to report per facet (at most; selected ones are added).
  // 0 = all values (for autocomplete).
  int facet_size = 10;
  // Count stories, not articles (SearchRequest::collapse "story"): each
  // story once in the total and once per facet value any of its versions
  // counted for has, in the day of its earliest matching version. The
  // multi-select rules are unchanged, applied per version.
  bool by_story = false;
};

// Counts the facets of `query` on `handle`. Throws Xapian::Error.
FacetOutcome CountFacets(const IndexHandle& handle, const FacetQuery& query);

// The fields whose filters the counting pass evaluates itself: filtered
// and requested as facets (value fields only; dates filter by from/to).
std::vector<std::string> MultiSelectFields(const SearchRequest& request);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_FACET_COUNTER_H_
