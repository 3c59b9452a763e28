// Metrics: request counts by route and status and a latency histogram per
// route, rendered in the Prometheus text exposition format for GET /metrics,
// with the process's memory: resident set (process_resident_memory_bytes,
// Prometheus's standard name) and the malloc heap in use and held free
// (chancery_heap_bytes{state="in_use"|"free"}), which tell a leak (in use
// grows) from memory the allocator keeps (free grows).
// Thread-safe (one mutex; a record is a few increments). Owned by the
// server, not global.
#ifndef CHANCERY_SEARCHD_HTTP_METRICS_H_
#define CHANCERY_SEARCHD_HTTP_METRICS_H_

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace chancery {

class Metrics {
 public:
  void Record(const std::string& route, int status, double seconds);
  std::string RenderPrometheus() const;

 private:
  static constexpr std::array<double, 12> kBuckets = {
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10};
  struct Latency {
    std::array<uint64_t, kBuckets.size()> buckets{};  // Cumulative at render.
    uint64_t count = 0;
    double sum = 0;
  };

  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;  // Guarded.
  std::map<std::string, Latency> latency_;                    // Guarded.
};

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_HTTP_METRICS_H_
