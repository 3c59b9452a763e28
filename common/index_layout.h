// The on-disk layout of a Chancery index, shared by chancery-index (which
// writes it) and the search side (which opens it). An index directory is
// either one Xapian database, or a stub index: a Xapian stub file XAPIANDB
// that lists the databases ("auto shard-0" a line, relative to the
// directory), so that Xapian tools (xapian-delve, Xapian::Database(dir))
// open the directory as them combined. The stub names either shard
// directories "shard-0".."shard-<N-1>" (a sharded index; each id lives in
// exactly one shard, ShardOfId(id, N), whatever run wrote it) or one
// "compact-<n>", the database a compaction merged them into.
//
// The stub is only ever replaced whole (a rename), so a reader opens the
// databases of the old stub or of the new one. Directories it does not
// name are leftovers of a switch (indexer/index_compactor.h removes them);
// readers must re-read the stub to follow a switch.
//
// Plain functions of their arguments and the file system; thread-safe.
#ifndef CHANCERY_COMMON_INDEX_LAYOUT_H_
#define CHANCERY_COMMON_INDEX_LAYOUT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace chancery {

// The stub file's name inside a sharded index directory (Xapian's own).
inline constexpr std::string_view kStubFileName = "XAPIANDB";

// "shard-<i>": the directory of shard i, relative to the index directory.
std::string ShardDirName(int i);

// "compact-<n>": the database compaction number n (> 0) writes. Numbers
// only grow, so a name is never reused while a reader has an older one.
std::string CompactDirName(int n);

// What a directory being removed is renamed to first: NAME + this.
inline constexpr std::string_view kRemovingSuffix = ".removing";

// n of a "compact-<n>" name; nullopt for any other name.
std::optional<int> CompactDirNumber(std::string_view name);

// Whether `name` is a directory name of the layout: "shard-<i>",
// "compact-<n>", or either with kRemovingSuffix.
bool IsLayoutDirName(std::string_view name);

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

// Writes a stub listing `databases` (names relative to index_dir) into
// index_dir atomically: a temporary file, synced, renamed over the stub.
// With `compaction_pending` the stub also records (in a comment line, which
// Xapian ignores) that the bulk run that wrote it means to compact it, so
// that a run killed before it did can be completed by the next.
[[nodiscard]] Status WriteStub(const std::string& index_dir,
                               const std::vector<std::string>& databases,
                               bool compaction_pending);

// WriteStub of `shards` shards (shard-0..).
[[nodiscard]] Status WriteShardStub(const std::string& index_dir, int shards,
                                    bool compaction_pending = false);

// Whether index_dir's stub says that compaction is pending (false without
// a stub or when it cannot be read).
bool CompactionPending(const std::string& index_dir);

}  // namespace chancery

#endif  // CHANCERY_COMMON_INDEX_LAYOUT_H_
