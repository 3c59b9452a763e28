// SettleStories: the end of a run's story grouping. During the run each
// article is written with the story its predecessors in the input tell
// (StoryGrouper::Add); this pass adds what the index already holds and
// rewrites every document whose story is not its component's earliest
// article, so the index's story ids are what the whole index says,
// whatever the input order, and survive re-runs.
//
// Unless `bulk` (a new index: nothing to look up), it reads the sketches
// (schema::kSlotMinHash) of the indexed documents dated within
// StoryGrouper::kWindowSeconds of the run's articles (all of them when one
// is undated), and for each of their stories every document of that story
// (schema::kStory), in every shard. The LSH bands are then matched in
// memory: band terms in the index would cost a tenth of the write speed.
#ifndef CHANCERY_INDEXER_STORY_SETTLER_H_
#define CHANCERY_INDEXER_STORY_SETTLER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "indexer/sharded_writer.h"
#include "indexer/story_grouper.h"

namespace chancery {

// Returns how many documents were rewritten. Precondition: `writer` was
// flushed. Errors are the writer's (IoError).
[[nodiscard]] StatusOr<uint64_t> SettleStories(StoryGrouper& grouper,
                                               ShardedWriter& writer,
                                               bool bulk);

// After the articles `deleted_ids` were deleted: the other articles of
// each of their stories are regrouped among themselves (a story may split
// without its first article, or be named by its next earliest) with
// `threshold` (StoryGrouper's) and rewritten. Returns how many were.
// Errors are the writer's (IoError).
[[nodiscard]] StatusOr<uint64_t> RehomeStories(
    const std::vector<std::string>& deleted_ids, double threshold,
    ShardedWriter& writer);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_STORY_SETTLER_H_
