#include "searchd/search/story_column.h"

#include "common/schema.h"

namespace chancery {

uint32_t StoryColumn::Find(std::string_view id) const {
  auto it = ordinals_.find(std::string(id));
  return it == ordinals_.end() ? kSingle : it->second;
}

void StoryColumn::Load(const Xapian::Database& db) {
  story_of_.assign(db.get_lastdocid() + 1, kSingle);
  const std::string prefix(schema::kStory);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string term = *t;
    const auto story = static_cast<uint32_t>(ids_.size());
    std::string id = term.substr(prefix.size());
    // The first article carries the id term, not the story term.
    const std::string first = std::string(schema::kId) + id;
    for (auto p = db.postlist_begin(first); p != db.postlist_end(first); ++p) {
      members_.push_back(*p);
    }
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
      members_.push_back(*p);
    }
    offsets_.push_back(static_cast<uint32_t>(members_.size()));
    for (Xapian::docid did : Members(story)) {
      if (did < story_of_.size()) story_of_[did] = story;
    }
    ordinals_.emplace(id, story);
    ids_.push_back(std::move(id));
  }
}

}  // namespace chancery
