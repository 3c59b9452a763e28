// Stories as the search core shows them: the story part of a collapsed
// search's hits, and GET /api/story/{id}'s list of versions. Reads through
// an IndexHandle (its snapshot's StoryColumn for hits, the database for a
// story's versions). Not thread-safe beyond the handle's own rules: call
// on the thread that holds the handle.
#ifndef CHANCERY_SEARCHD_SEARCH_STORY_VIEW_H_
#define CHANCERY_SEARCHD_SEARCH_STORY_VIEW_H_

#include <xapian.h>

#include <span>
#include <string>
#include <vector>

#include "common/status.h"
#include "searchd/search/facet_counter.h"
#include "searchd/search/index_handle.h"
#include "searchd/search/search_types.h"

namespace chancery {

// Fills hits[i].story for the match matches[i]: story id, size, first
// reported, other sources; versions is left at 1 for CountVersions.
// Throws Xapian::Error.
Status DescribeStories(const IndexHandle& handle,
                       std::span<const Xapian::MSetIterator> matches,
                       std::vector<Hit>& hits);

// Sets each described hit's story.versions from a by-story counting pass
// (at least 1: the hit itself matches, even if the pass read another
// revision in which its story is not the same).
void CountVersions(const FacetOutcome& counted, std::vector<Hit>& hits);

// Every version of the story `id` names (a story id or the id of one of
// its articles), oldest first, each with the sentences it added. NotFound
// when no article has the id. Throws Xapian::Error.
StatusOr<StoryView> ReadStory(const IndexHandle& handle, const std::string& id);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_STORY_VIEW_H_
