// CompactIndex merges the shards of a bulk run into one compact Xapian
// database in their index directory (Xapian::Compactor, as xapian-compact
// does), and MeasureIndex says what the index's bytes are spent on.
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
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"

namespace chancery {

// Replaces the shards (and stub) in `index_dir` by one compact database of
// their documents. IoError naming the path when a shard cannot be read or
// the result written; the shards are then left as they were.
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
