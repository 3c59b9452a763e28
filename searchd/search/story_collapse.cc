#include "searchd/search/story_collapse.h"

#include <unordered_set>

namespace chancery {
namespace {

// Room in the first uncollapsed window beyond twice the page's end, so
// that a short page of a story-rich ranking rarely needs a second round
// (a wider window weakens the matcher's pruning, so it is kept small).
constexpr Xapian::doccount kExtraWindow = 16;

}  // namespace

CollapsedPage RankByStory(const Xapian::Enquire& enquire,
                          const StoryColumn& stories, Xapian::doccount first,
                          Xapian::doccount size) {
  const Xapian::doccount want = first + size;
  Xapian::doccount window = 2 * want + kExtraWindow;
  CollapsedPage page;
  for (;;) {
    page.mset = enquire.get_mset(0, window);
    page.hits.clear();
    std::unordered_set<uint32_t> seen;
    Xapian::doccount collapsed = 0;
    for (auto m = page.mset.begin(); m != page.mset.end() && collapsed < want;
         ++m) {
      const uint32_t story = stories.Of(*m);
      // Later versions of a story already shown are left out.
      if (story != StoryColumn::kSingle && !seen.insert(story).second) continue;
      if (collapsed++ >= first) page.hits.push_back(m);
    }
    // Enough stories, or the window held every match.
    if (collapsed == want || page.mset.size() < window) return page;
    window *= 4;
  }
}

}  // namespace chancery
