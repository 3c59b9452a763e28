// TermProfiler: what a result set is about. Lists the words and two-word
// phrases over-represented in the documents matching a query against the
// whole index, ranked by Dunning's G² (log_likelihood.h) on the table
//   matches with / without the term  vs  rest of the index with / without,
// among terms with observed > expected.
//
// Words come from the documents' termlists: a document stemmed in its
// language has stem terms only (common/xapian_text.h), so "negotiated" and
// "negotiations" are one term, shown as the commonest of its words in the
// text of up to 50 of the candidate matches (the stem itself when none
// has it); a document without a stemmer counts its words. Stopwords
// of the document's language (stopwords.h), numbers and one-letter words
// are left out. Reading a termlist costs tens of microseconds, so the
// candidates come from the termlists of limits.candidate_limit matches
// (evenly spaced), and the shortlist (3 per word listed) is then counted
// exactly over all the counted matches from its postings. Index
// frequencies are Xapian's exact term frequencies.
//
// Phrases are pairs of adjacent terms among the best-scoring ones,
// found from their positional postings in limits.phrase_limit of the
// counted matches (reading positions of a few dozen words is much cheaper
// than the positions or the text of every word). A phrase's index
// frequency is exact when its rarer word is in at most 100 documents, else
// estimated from the positions in 100 of those, evenly spaced (a phrase
// query would check every document with both words: thousands for "oil
// prices").
//
// Sampling: past limits.exact_limit matches, every k-th match in docid
// order (deterministic for one index revision and query) is counted.
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
  int64_t phrase_limit = 500;   // Matches whose phrases are counted.
  // Matches whose termlists propose the candidate words.
  int64_t candidate_limit = 500;
  int size = 20;  // Words and phrases to list, each.
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
