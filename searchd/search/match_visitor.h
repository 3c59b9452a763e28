// VisitMatches: every document matching a query, unranked, in one pass per
// shard, with docids in the combined database's numbering (the one the
// snapshot's columns and IndexHandle::db use). For counting passes over a
// whole result set (facets, term profiles).
//
// Not thread-safe: reads only `handle`, on the calling thread.
#ifndef CHANCERY_SEARCHD_SEARCH_MATCH_VISITOR_H_
#define CHANCERY_SEARCHD_SEARCH_MATCH_VISITOR_H_

#include <xapian.h>

#include <functional>

#include "searchd/search/index_handle.h"

namespace chancery {

// Calls `visit(docid)` once per match of `query`: shard after shard, in
// ascending docid order within a shard (so interleaved across shards).
// A query matching everything (MatchAllQuery) reads the document list
// without the matcher. Throws Xapian::Error.
void VisitMatches(const IndexHandle& handle, const Xapian::Query& query,
                  const std::function<void(Xapian::docid)>& visit);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_MATCH_VISITOR_H_
