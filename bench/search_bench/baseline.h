// The reference the issue quotes: a bare program calling Xapian directly
// for less work than the server does (country and person counts from each
// match's facet terms with check_at_least = all documents, top 10 with
// MSet::snippet, no HTTP).
#ifndef CHANCERY_BENCH_SEARCH_BENCH_BASELINE_H_
#define CHANCERY_BENCH_SEARCH_BENCH_BASELINE_H_

#include <string>
#include <vector>

#include "bench/search_bench/query_set.h"

namespace chancery::bench {

// Latencies in milliseconds, one per query, run sequentially.
std::vector<double> RunBaseline(const std::string& db_path,
                                const std::vector<BenchQuery>& queries);

}  // namespace chancery::bench

#endif  // CHANCERY_BENCH_SEARCH_BENCH_BASELINE_H_
