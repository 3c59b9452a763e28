// The benchmark's corpus replication and query set.
#ifndef CHANCERY_BENCH_SEARCH_BENCH_QUERY_SET_H_
#define CHANCERY_BENCH_SEARCH_BENCH_QUERY_SET_H_

#include <string>
#include <vector>

namespace chancery::bench {

// Writes `copies` copies of the gzipped JSONL corpus to `out_path` (plain
// JSONL): copy k has ids suffixed "-k" and dates shifted by k years.
// Returns the number of articles written, or -1 on error.
long ReplicateCorpus(const std::string& corpus_gz, int copies,
                     const std::string& out_path);

// Frequent title words and bigrams of the corpus (lower case, no stop
// words), most frequent first.
struct TitleVocabulary {
  std::vector<std::string> words;
  std::vector<std::string> bigrams;
};
TitleVocabulary ReadTitleVocabulary(const std::string& corpus_gz, size_t top);

struct BenchQuery {
  std::string q;
  std::string country;    // "" = no filter
  std::string month;      // "YYYY-MM" = from/to that month, "" = none
  bool by_story = false;  // collapse=story: one hit per story
  // "/api/search?q=...&...", or the same parameters on another route.
  std::string Target(const std::string& route = "/api/search") const;
};

// `count` distinct queries: words and bigrams alternately; a third with a
// country filter, a third with a one-month date range. `seed` picks the
// combinations; queries in `taken` are skipped (and added to it).
std::vector<BenchQuery> MakeQueries(const TitleVocabulary& vocab,
                                    const std::vector<std::string>& countries,
                                    const std::vector<std::string>& months,
                                    size_t count, unsigned seed,
                                    std::vector<std::string>& taken);

}  // namespace chancery::bench

#endif  // CHANCERY_BENCH_SEARCH_BENCH_QUERY_SET_H_
