// The on-disk layout of a Chancery index, shared by chancery-index (which
// writes it) and the search side (which opens it). An index directory is
// either one Xapian database, or a sharded index: shard directories
// "shard-0".."shard-<N-1>" beside a Xapian stub file XAPIANDB that lists
// them ("auto shard-0" a line), so that Xapian tools (xapian-delve,
// Xapian::Database(dir)) open the directory as the shards combined. Each id
// lives in exactly one shard, ShardOfId(id, N), whatever run wrote it.
//
// Plain functions of their arguments and the file system; thread-safe.
#ifndef CHANCERY_COMMON_INDEX_LAYOUT_H_
#define CHANCERY_COMMON_INDEX_LAYOUT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace chancery {

// The stub file's name inside a sharded index directory (Xapian's own).
inline constexpr std::string_view kStubFileName = "XAPIANDB";

// "shard-<i>": the directory of shard i, relative to the index directory.
std::string ShardDirName(int i);

// The shard of `id` among `shards` (>= 1): FNV-1a of the id's bytes, so
// the same on every machine and in every run.
uint32_t ShardOfId(std::string_view id, uint32_t shards);

// Whether `index_dir` holds a stub file (is a sharded index).
bool IsShardedIndex(const std::string& index_dir);

// The databases that make up the index at `index_dir`, in shard order: the
// stub's entries resolved against index_dir, or {index_dir} itself when it
// is not sharded. Corruption (naming FILE:LINE) for a malformed stub,
// IoError when it cannot be read.
[[nodiscard]] StatusOr<std::vector<std::string>> ShardPaths(
    const std::string& index_dir);

// Writes the stub of `shards` shards (shard-0..) into index_dir,
// atomically (a temporary file renamed over it).
[[nodiscard]] Status WriteShardStub(const std::string& index_dir, int shards);

}  // namespace chancery

#endif  // CHANCERY_COMMON_INDEX_LAYOUT_H_
