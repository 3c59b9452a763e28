// TermProfiler: what a result set is about. Lists the words and two-word
// phrases over-represented in the documents matching a query against the
// whole index, ranked by Dunning's G² (log_likelihood.h) on the table
//   matches with / without the term  vs  rest of the index with / without,
// among terms with observed > expected.
//
// Words come from the documents' termlists, no text is read: a document
// stemmed in its language counts its "Z" stem terms (so "negotiated" and
// "negotiations" are one term), shown as the commonest word of the matches
// with that stem; a document without a stemmer counts its words. Index
// frequencies are Xapian's exact term frequencies. Stopwords of the
// document's language (stopwords.h), numbers and one-letter words are left
// out.
//
// Phrases are pairs of adjacent words among the best-scoring words' forms,
// found from their positional postings in a sample of the matches (reading
// positions of a few dozen words is much cheaper than the positions or the
// text of every word); the index frequency of each phrase listed is the
// exact count of a phrase query.
//
// Sampling: past limits.exact_limit matches, every k-th match in docid
// order (deterministic for one index revision and query), and for phrases
// every k-th of those up to limits.phrase_limit.
//
// Not thread-safe: one call per handle and thread. Throws Xapian::Error.
#ifndef CHANCERY_SEARCHD_SEARCH_TERM_PROFILER_H_
#define CHANCERY_SEARCHD_SEARCH_TERM_PROFILER_H_

#include <xapian.h>

#include <cstdint>
#include <vector>

#include "searchd/search/index_handle.h"
#include "searchd/search/search_types.h"
#include "searchd/search/stopwords.h"

namespace chancery {

struct TermProfileLimits {
  int64_t exact_limit = 20000;  // Matches counted exactly.
  int64_t phrase_limit = 2000;  // Matches whose phrases are counted.
  int size = 20;                // Words and phrases to list, each.
};

// Every `k`-th of `sorted` so that at most `limit` remain (all when fewer),
// the first always kept: items floor(i · n / limit) for i < limit.
std::vector<Xapian::docid> EvenSample(const std::vector<Xapian::docid>& sorted,
                                      int64_t limit);

// The profile of `query`'s matches on `handle` (total, sample sizes, words,
// phrases; took_ms is left 0).
TermsResponse ProfileTerms(const IndexHandle& handle,
                           const Xapian::Query& query,
                           const Stopwords& stopwords,
                           const TermProfileLimits& limits);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_TERM_PROFILER_H_
