// CompactShards merges the shards of a bulk run into one compact Xapian
// database in their index directory (Xapian::Compactor, as xapian-compact
// does), RemoveIndexLeftovers clears what a switch of layout left behind,
// and MeasureIndex says what the index's bytes are spent on.
//
// Crash safety: the compacted database is written as DIR/compact-<n>, a
// directory the stub does not name, and becomes the index in one rename of
// a new stub ("auto compact-<n>") over DIR/XAPIANDB; the shards are removed
// only after that. So at every instant, a SIGKILL included, DIR opens as a
// whole index: the shards until the rename, the compacted database after.
// What a kill leaves (a half-written compact-<n>, shards the stub no longer
// names) is removed by the next run's RemoveIndexLeftovers.
//
// Compaction renumbers documents (shard 0's first, then shard 1's...), so
// docids differ from those of an index written in one pass; the search side
// breaks ties by id, not docid, for that reason (searchd/search/searcher.cc).
// Document data, values, positions and the metadata of every shard are
// kept; a metadata key set in several shards keeps the metadata shard's
// value (shard 0, which holds the labels and forms), except the last
// update time, which keeps the latest.
//
// Not thread-safe with writers of the same index: call after they closed.
#ifndef CHANCERY_INDEXER_INDEX_COMPACTOR_H_
#define CHANCERY_INDEXER_INDEX_COMPACTOR_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

namespace chancery {

// Told each step of a compaction, before it is taken: "table postlist"
// (and each other table Xapian writes), "switch" (the compacted database
// is complete, the stub not yet replaced), "switched" (the stub names it),
// "remove shard-0" (and each other leftover). Tests kill the process there.
using CompactionHook = std::function<void(std::string_view step)>;

// Writes the documents of `shard_paths` (the databases the stub of
// `index_dir` names) into a new database index_dir/compact-<n> and makes it
// the index (a stub naming it alone, renamed into place); the shards stay
// on disk for RemoveIndexLeftovers. The caller should hold the shards'
// write locks (open writers with nothing uncommitted), so that no other
// run writes into them meanwhile. Returns the new database's path; IoError
// naming the path when a shard cannot be read or the result written, and
// then the index is as it was (the partial compact-<n> removed).
[[nodiscard]] StatusOr<std::string> CompactShards(
    const std::string& index_dir, const std::vector<std::string>& shard_paths,
    const CompactionHook& hook = {});

// Removes, from an index_dir with a stub, the shard-<i> and compact-<n>
// directories and the stub's temporary file that the stub does not name
// (each directory first renamed to NAME.removing, so no reader opens it
// half-removed; NAME.removing ones are removed too). Nothing without a
// stub. Precondition: no other writer of index_dir runs (the caller holds
// the locks of the databases the stub names). Returns how many entries it
// removed; IoError naming the first it could not.
[[nodiscard]] StatusOr<int> RemoveIndexLeftovers(
    const std::string& index_dir, const CompactionHook& hook = {});

// CompactShards then RemoveIndexLeftovers, for callers that closed the
// shards' writers.
[[nodiscard]] Status CompactIndex(const std::string& index_dir,
                                  const std::vector<std::string>& shard_paths);

struct IndexSize {
  // (part, bytes) over all shards, largest first: "postings" (postlist
  // tables, which also hold values, document lengths and metadata),
  // "positions", "termlists", "document data", "spelling", "synonyms",
  // "other".
  std::vector<std::pair<std::string, uint64_t>> parts;
  uint64_t value_bytes = 0;  // the values' own bytes, inside "postings"
  uint64_t total = 0;
};

// The sizes of the index at `index_dir` (one database or a sharded one).
[[nodiscard]] StatusOr<IndexSize> MeasureIndex(const std::string& index_dir);

// "index 12.3 MB: postings 5.1 MB (41%), positions ..."
std::string FormatIndexSize(const IndexSize& size);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_INDEX_COMPACTOR_H_
