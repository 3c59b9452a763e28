// StoryColumn: the stories of an index revision with more than one version
// (indexer/story_grouper.h), in memory: docid -> story ordinal, and each
// story's id and member docids. A story of one article has no ordinal
// (kNoOrdinal): it is the article itself, so collapsing and counting by
// story need nothing stored for the great majority of documents.
//
// Built from the schema::kStory terms (only on a story's non-first
// articles) and the kId term of the story's first article. Part of
// IndexSnapshot: immutable once loaded, safe to read from any thread.
#ifndef CHANCERY_SEARCHD_SEARCH_STORY_COLUMN_H_
#define CHANCERY_SEARCHD_SEARCH_STORY_COLUMN_H_

#include <xapian.h>

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace chancery {

class StoryColumn {
 public:
  static constexpr uint32_t kSingle = std::numeric_limits<uint32_t>::max();

  // The story of `did`, or kSingle for an article that is its own story
  // (or a docid past the end).
  uint32_t Of(Xapian::docid did) const {
    return did < story_of_.size() ? story_of_[did] : kSingle;
  }
  size_t story_count() const { return ids_.size(); }
  const std::string& id(uint32_t story) const { return ids_[story]; }
  // Versions in the index (at least 2).
  uint32_t size(uint32_t story) const {
    return offsets_[story + 1] - offsets_[story];
  }
  // The versions' docids in the combined database: the first article (the
  // story id's) first when it is in the index, then by docid.
  std::span<const Xapian::docid> Members(uint32_t story) const {
    return {members_.data() + offsets_[story],
            members_.data() + offsets_[story + 1]};
  }
  // kSingle for an id that names no story of several versions.
  uint32_t Find(std::string_view id) const;

  // Reads every kStory term of `db` (all shards as one). Throws
  // Xapian::Error.
  void Load(const Xapian::Database& db);

 private:
  std::vector<uint32_t> story_of_;  // docid -> story, size lastdocid + 1
  std::vector<std::string> ids_;
  std::unordered_map<std::string, uint32_t> ordinals_;
  std::vector<uint32_t> offsets_ = {0};  // Compressed rows into members_.
  std::vector<Xapian::docid> members_;
};

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_STORY_COLUMN_H_
