// One page of a ranking collapsed by story: the best-ranked match of each
// story, in rank order, as Enquire::set_collapse_key(kSlotStory) would give,
// but from the snapshot's in-memory StoryColumn. Xapian's collapse reads the
// story value of every candidate (for browsing newest first, of every
// document), which made a collapsed browse of 205k articles about 5x slower;
// this asks for the uncollapsed top 2 * (first + size) + 16 and widens the
// window (4x a round) only when copies fill it. Not thread-safe beyond the
// handle's own rules.
#ifndef CHANCERY_SEARCHD_SEARCH_STORY_COLLAPSE_H_
#define CHANCERY_SEARCHD_SEARCH_STORY_COLLAPSE_H_

#include <xapian.h>

#include <vector>

#include "searchd/search/story_column.h"

namespace chancery {

struct CollapsedPage {
  Xapian::MSet mset;  // Owns what `hits` point into.
  std::vector<Xapian::MSetIterator> hits;
};

// Collapsed positions [first, first + size) of `enquire`'s ranking (its
// query and order already set). Throws Xapian::Error.
CollapsedPage RankByStory(const Xapian::Enquire& enquire,
                          const StoryColumn& stories, Xapian::doccount first,
                          Xapian::doccount size);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_STORY_COLLAPSE_H_
