// StoryTally: what the facet-counting pass (facet_counter.h) needs to count
// stories instead of articles, in the same single pass over the matches.
// Matches arrive in docid order, not grouped by story, so a per-value "last
// story" marker would not dedupe; instead the tally remembers, for stories
// of several versions only, which stories matched and which (facet, value)
// pairs each has already counted. A story of one article (StoryColumn::
// kSingle) cannot repeat, so the pass counts it as an article and the
// tally's memory grows with the matching multi-version stories, not with
// the matches.
//
// Not thread-safe: one per counting pass.
#ifndef CHANCERY_SEARCHD_SEARCH_STORY_TALLY_H_
#define CHANCERY_SEARCHD_SEARCH_STORY_TALLY_H_

#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace chancery {

class StoryTally {
 public:
  // `facets`: how many value facets the pass counts.
  explicit StoryTally(size_t facets) : mentions_(facets) {}

  // A version of multi-version `story` passes every filter; `day` is its
  // day number or kNoDay. True when it is the story's first such version.
  bool AddMatch(uint32_t story, int32_t day);
  // True when `story` has not yet counted `value` of facet `facet`.
  bool AddMention(size_t facet, uint32_t story, uint32_t value);

  // Versions of `story` that passed every filter (0 when none).
  uint32_t versions(uint32_t story) const;
  // Calls fn(first_day) for every matched story with a dated matching
  // version: the day of its earliest one.
  template <typename Fn>
  void ForEachFirstDay(Fn&& fn) const {
    for (const auto& [story, m] : matched_) {
      if (m.dated) fn(m.first_day);
    }
  }

 private:
  struct Matched {
    uint32_t versions = 0;
    bool dated = false;
    int32_t first_day = 0;
  };
  std::unordered_map<uint32_t, Matched> matched_;
  // Per facet: story << 32 | value.
  std::vector<std::unordered_set<uint64_t>> mentions_;
};

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_STORY_TALLY_H_
