// The benchmark's requests of the analyst views (GET /api/comentions,
// /api/timeline, /api/bursts), built from values the index has.
#ifndef CHANCERY_BENCH_SEARCH_BENCH_ANALYST_QUERIES_H_
#define CHANCERY_BENCH_SEARCH_BENCH_ANALYST_QUERIES_H_

#include <string>
#include <vector>

#include "bench/search_bench/query_set.h"

namespace chancery::bench {

// Frequent values of the index's fields (GET /api/facet/{name}).
struct IndexValues {
  std::vector<std::string> countries;
  std::vector<std::string> people;
  std::vector<std::string> orgs;
  std::vector<std::string> months;  // YYYY-MM with >= 100 articles
};

struct AnalystPhase {
  std::string name;                  // "comentions, list"
  std::vector<std::string> targets;  // "/api/comentions?..."
};

// One phase per view and mode, `count` distinct requests each: with= a
// frequent country, person or org (sort=count and significance, half with
// a title word as q); matrices person x country of 10 and 20; timelines of
// 3 title words (one with a country filter); bursts of a field over one
// month, and of one frequent value.
std::vector<AnalystPhase> MakeAnalystPhases(const TitleVocabulary& vocab,
                                            const IndexValues& values,
                                            size_t count, unsigned seed);

}  // namespace chancery::bench

#endif  // CHANCERY_BENCH_SEARCH_BENCH_ANALYST_QUERIES_H_
