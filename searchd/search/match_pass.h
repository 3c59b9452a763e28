// ForEachMatch: the search core's unweighted enumeration of every document
// matching a query, the one pass that facet counts, co-mentions, timelines
// and bursts are all counted in.
//
// Xapian runs one sub-match per shard and hands match spies shard-local
// docids; this maps them to the combined database's numbering, which the
// snapshot's columns use. The empty query (browsing without text or
// filters) reads the all-documents posting list without the matcher.
//
// Not thread-safe: call on the thread that borrowed `handle`.
#ifndef CHANCERY_SEARCHD_SEARCH_MATCH_PASS_H_
#define CHANCERY_SEARCHD_SEARCH_MATCH_PASS_H_

#include <xapian.h>

#include <functional>

#include "searchd/search/index_handle.h"

namespace chancery {

// Calls `visit` with the docid (of handle.db) of every match of `query`,
// in increasing docid order within each shard. Throws Xapian::Error.
void ForEachMatch(const IndexHandle& handle, const Xapian::Query& query,
                  const std::function<void(Xapian::docid)>& visit);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_MATCH_PASS_H_
