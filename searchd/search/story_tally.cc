#include "searchd/search/story_tally.h"

#include "searchd/search/index_snapshot.h"

namespace chancery {

bool StoryTally::AddMatch(uint32_t story, int32_t day) {
  Matched& m = matched_[story];
  if (day != kNoDay && (!m.dated || day < m.first_day)) {
    m.dated = true;
    m.first_day = day;
  }
  return ++m.versions == 1;
}

bool StoryTally::AddMention(size_t facet, uint32_t story, uint32_t value) {
  return mentions_[facet]
      .insert(static_cast<uint64_t>(story) << 32 | value)
      .second;
}

uint32_t StoryTally::versions(uint32_t story) const {
  auto it = matched_.find(story);
  return it == matched_.end() ? 0 : it->second.versions;
}

}  // namespace chancery
