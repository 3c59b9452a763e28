// CountComentions: GET /api/comentions in the search core. One pass over
// the matches of the search (AND the `with` value when given) counts, per
// value of the requested field, the matching articles that mention it;
// each value is then set against the whole index (the column's document
// counts, held by the snapshot): share, lift and a signed G²
// (log_likelihood.h). In matrix mode the same pass records the matches'
// docids and the two fields' counts, and the cells of the top values are
// counted from the in-memory columns afterwards, not by a second search.
//
// Not thread-safe: call on the thread that borrowed `handle`.
#ifndef CHANCERY_SEARCHD_SEARCH_COMENTION_COUNTER_H_
#define CHANCERY_SEARCHD_SEARCH_COMENTION_COUNTER_H_

#include <string_view>
#include <utility>

#include "searchd/search/index_handle.h"
#include "searchd/search/request_validator.h"
#include "searchd/search/search_types.h"

namespace chancery {

// "person:emmanuel-macron" -> {"person", "emmanuel-macron"}; both empty
// when there is no ':'.
std::pair<std::string_view, std::string_view> SplitWith(std::string_view with);

// Precondition: `request` passed ValidateComentionRequest, which gave
// `dates`. Throws Xapian::Error.
ComentionResponse CountComentions(const IndexHandle& handle,
                                  const ComentionRequest& request,
                                  const DateBounds& dates);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_COMENTION_COUNTER_H_
