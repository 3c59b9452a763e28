#include "indexer/story_grouper.h"

#include <algorithm>
#include <limits>

#include "common/base/check.h"

namespace chancery {

StoryGrouper::StoryGrouper(double threshold) : threshold_(threshold) {
  CHECK(threshold > 0 && threshold <= 1)
      << "story threshold out of (0, 1]: " << threshold;
}

namespace {

constexpr int64_t kUndated = std::numeric_limits<int64_t>::max();

bool WithinWindow(int64_t a, int64_t b) {
  if (a == kUndated || b == kUndated) return true;
  return (a > b ? a - b : b - a) <= StoryGrouper::kWindowSeconds;
}

}  // namespace

bool StoryGrouper::Earlier(uint32_t a, uint32_t b) const {
  const Member& x = members_[a];
  const Member& y = members_[b];
  if (x.date != y.date) return x.date < y.date;
  return x.id < y.id;
}

uint32_t StoryGrouper::Find(uint32_t m) {
  while (members_[m].parent != m) {
    members_[m].parent = members_[members_[m].parent].parent;
    m = members_[m].parent;
  }
  return m;
}

void StoryGrouper::Union(uint32_t a, uint32_t b) {
  a = Find(a);
  b = Find(b);
  if (a == b) return;
  // The root is the earliest article: it names the story.
  if (Earlier(a, b)) {
    members_[b].parent = a;
  } else {
    members_[a].parent = b;
  }
}

uint32_t StoryGrouper::NewMember(const std::string& id,
                                 std::optional<int64_t> date,
                                 const std::optional<MinHash>& sketch,
                                 bool in_run) {
  const uint32_t m = static_cast<uint32_t>(members_.size());
  members_.push_back(
      Member{id, date.value_or(kUndated), sketch, "", m, in_run});
  by_id_[id] = m;
  return m;
}

void StoryGrouper::Link(uint32_t m) {
  if (!members_[m].sketch) return;
  const MinHash& sketch = *members_[m].sketch;
  for (uint64_t key : BandKeys(sketch)) {
    std::vector<uint32_t>& bucket = bands_[key];
    for (uint32_t other : bucket) {
      if (Find(other) == Find(m) ||
          !WithinWindow(members_[m].date, members_[other].date)) {
        continue;
      }
      const std::optional<MinHash>& theirs = members_[other].sketch;
      if (theirs && EstimateJaccard(sketch, *theirs) >= threshold_) {
        Union(m, other);
      }
    }
    if (bucket.size() < kMaxBucket) bucket.push_back(m);
  }
}

std::string StoryGrouper::Add(const std::string& id,
                              std::optional<int64_t> date,
                              const std::optional<MinHash>& sketch) {
  uint32_t m;
  if (auto it = by_id_.find(id); it != by_id_.end()) {
    m = it->second;
    members_[m].date = date.value_or(kUndated);
    members_[m].sketch = sketch;
  } else {
    m = NewMember(id, date, sketch, true);
  }
  Link(m);
  members_[m].written = members_[Find(m)].id;
  return members_[m].written;
}

void StoryGrouper::AddIndexed(const std::string& id,
                              std::optional<int64_t> date,
                              const std::optional<MinHash>& sketch,
                              const std::string& story) {
  if (auto it = by_id_.find(id); it != by_id_.end()) {
    if (members_[it->second].in_run) members_[it->second].written = story;
    return;
  }
  const uint32_t m = NewMember(id, date, sketch, false);
  members_[m].written = story;
  if (auto it = indexed_story_.find(story); it != indexed_story_.end()) {
    Union(m, it->second);
  } else {
    indexed_story_.emplace(story, m);
  }
  Link(m);
}

std::optional<std::pair<int64_t, int64_t>> StoryGrouper::RunSpan() const {
  std::optional<std::pair<int64_t, int64_t>> span;
  for (const Member& m : members_) {
    if (!m.in_run || !m.sketch) continue;
    if (m.date == kUndated) {
      return std::make_pair(std::numeric_limits<int64_t>::min(), kUndated);
    }
    if (!span) span = std::make_pair(m.date, m.date);
    span->first = std::min(span->first, m.date);
    span->second = std::max(span->second, m.date);
  }
  return span;
}

bool StoryGrouper::InRun(const std::string& id) const {
  auto it = by_id_.find(id);
  return it != by_id_.end() && members_[it->second].in_run;
}

std::string StoryGrouper::StoryOf(const std::string& id) {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return "";
  return members_[Find(it->second)].id;
}

std::vector<std::pair<std::string, std::string>> StoryGrouper::Changes() {
  std::vector<std::pair<std::string, std::string>> changes;
  for (uint32_t m = 0; m < members_.size(); ++m) {
    const std::string& story = members_[Find(m)].id;
    if (members_[m].written != story) {
      changes.emplace_back(members_[m].id, story);
    }
  }
  return changes;
}

}  // namespace chancery
