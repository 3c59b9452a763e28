// The export phase of search_bench: GET /api/export of every article as
// metadata-only CSV, and of a filtered subset, read as a stream; prints
// rows/s and the server's memory (VmRSS, VmHWM) before and after, which
// stays flat when the export streams.
#ifndef CHANCERY_BENCH_SEARCH_BENCH_EXPORT_BENCH_H_
#define CHANCERY_BENCH_SEARCH_BENCH_EXPORT_BENCH_H_

#include <sys/types.h>

#include <string>

namespace chancery::bench {

// Runs the exports against the server `server_pid` listening on `port`;
// false when one failed (status, row count or truncated body).
bool RunExportBench(int port, pid_t server_pid, const std::string& country);

}  // namespace chancery::bench

#endif  // CHANCERY_BENCH_SEARCH_BENCH_EXPORT_BENCH_H_
