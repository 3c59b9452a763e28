// StoryGrouper: groups articles whose texts are near-copies into stories
// (the same wire story from several outlets, its "UPDATE 1" or corrected
// versions, the same text under another headline).
//
// Two articles are linked when the MinHash estimate of their shingle sets'
// Jaccard similarity (indexer/min_hash.h) is at least `threshold` and
// their dates are at most kWindowSeconds apart (an undated article links
// whatever the other's date): without the window, the daily and monthly
// reports of a wire ("FED ADDS RESERVES VIA CUSTOMER REPURCHASES", the same
// template with other figures) would be one story for ever. Only
// pairs sharing a band key are compared, so the cost per article is
// bounded (at most kMaxBucket candidates per band). A story is a connected
// component of links; its id is the id of its earliest article (by date,
// undated last, ties by id). Components, and so story ids, do not depend
// on the order articles are added in, only on the set (but see kMaxBucket).
//
// Not thread-safe: one thread adds, then reads Changes().
#ifndef CHANCERY_INDEXER_STORY_GROUPER_H_
#define CHANCERY_INDEXER_STORY_GROUPER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "indexer/min_hash.h"

namespace chancery {

// The default Jaccard threshold (notes/stories.md has the data behind it).
inline constexpr double kDefaultStorySimilarity = 0.5;

class StoryGrouper {
 public:
  // Articles more similar than this many per band are not remembered for
  // that band (they still link to the ones it holds).
  static constexpr size_t kMaxBucket = 64;
  static constexpr int64_t kWindowSeconds = 2 * 86400;

  // Precondition: 0 < threshold <= 1.
  explicit StoryGrouper(double threshold);

  // An article of this run; returns its story id as far as the articles
  // added so far tell (the story it is written with). An article without a
  // sketch is a story of its own. A repeated id replaces the earlier
  // version's data; links it made stay.
  std::string Add(const std::string& id, std::optional<int64_t> date,
                  const std::optional<MinHash>& sketch);

  // An article found in the index with its stored story. For an id added
  // by Add, only records that the index holds `story` for it. Otherwise it
  // joins the other indexed articles of `story`, and links as Add does.
  void AddIndexed(const std::string& id, std::optional<int64_t> date,
                  const std::optional<MinHash>& sketch,
                  const std::string& story);

  // The earliest and latest dates of this run's articles with a sketch
  // (first = INT64_MIN when one is undated); nullopt when there is none.
  std::optional<std::pair<int64_t, int64_t>> RunSpan() const;

  // True when `id` was given to Add.
  bool InRun(const std::string& id) const;

  // Every article whose story is not the one it was written with (or the
  // index holds): (id, story id), in the order articles were added.
  std::vector<std::pair<std::string, std::string>> Changes();

  // The story id of `id` now; "" when unknown.
  std::string StoryOf(const std::string& id);

 private:
  struct Member {
    std::string id;
    int64_t date;  // INT64_MAX when undated
    std::optional<MinHash> sketch;
    std::string written;  // the story id the index holds for it
    uint32_t parent;
    bool in_run;
  };
  uint32_t NewMember(const std::string& id, std::optional<int64_t> date,
                     const std::optional<MinHash>& sketch, bool in_run);
  uint32_t Find(uint32_t m);
  void Union(uint32_t a, uint32_t b);
  // Links member m to the similar members sharing a band key, and records
  // it in its bands.
  void Link(uint32_t m);
  bool Earlier(uint32_t a, uint32_t b) const;

  const double threshold_;
  std::vector<Member> members_;
  std::unordered_map<std::string, uint32_t> by_id_;
  std::unordered_map<uint64_t, std::vector<uint32_t>> bands_;
  std::unordered_map<std::string, uint32_t> indexed_story_;  // story -> member
};

}  // namespace chancery

#endif  // CHANCERY_INDEXER_STORY_GROUPER_H_
