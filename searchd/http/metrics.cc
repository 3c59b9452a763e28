#include "searchd/http/metrics.h"

#include <malloc.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace chancery {

void Metrics::Record(const std::string& route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  ++requests_[{route, status}];
  Latency& l = latency_[route];
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++l.buckets[i];
      break;
    }
  }
  ++l.count;
  l.sum += seconds;
}

namespace {

// Resident bytes from /proc/self/statm (its second field, in pages); 0 when
// it cannot be read.
uint64_t ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  uint64_t size_pages = 0, resident_pages = 0;
  if (!(statm >> size_pages >> resident_pages)) return 0;
  return resident_pages * static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
}

std::string RenderMemory() {
  // mallinfo2 walks every arena under its lock: microseconds here.
  const struct mallinfo2 heap = mallinfo2();
  char text[512];
  std::snprintf(
      text, sizeof text,
      "# HELP process_resident_memory_bytes Resident memory size in bytes.\n"
      "# TYPE process_resident_memory_bytes gauge\n"
      "process_resident_memory_bytes %llu\n"
      "# HELP chancery_heap_bytes malloc heap: allocated and in use, or held "
      "free by the allocator.\n"
      "# TYPE chancery_heap_bytes gauge\n"
      "chancery_heap_bytes{state=\"in_use\"} %llu\n"
      "chancery_heap_bytes{state=\"free\"} %llu\n",
      static_cast<unsigned long long>(ResidentBytes()),
      static_cast<unsigned long long>(heap.uordblks + heap.hblkhd),
      static_cast<unsigned long long>(heap.fordblks));
  return text;
}

}  // namespace

std::string Metrics::RenderPrometheus() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string out =
      "# HELP chancery_http_requests_total HTTP requests by route and status.\n"
      "# TYPE chancery_http_requests_total counter\n";
  char line[256];
  for (const auto& [key, count] : requests_) {
    std::snprintf(
        line, sizeof line,
        "chancery_http_requests_total{route=\"%s\",status=\"%d\"} %llu\n",
        key.first.c_str(), key.second, static_cast<unsigned long long>(count));
    out += line;
  }
  out +=
      "# HELP chancery_http_request_duration_seconds Time to answer a "
      "request.\n"
      "# TYPE chancery_http_request_duration_seconds histogram\n";
  for (const auto& [route, l] : latency_) {
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += l.buckets[i];
      std::snprintf(
          line, sizeof line,
          "chancery_http_request_duration_seconds_bucket{route=\"%s\","
          "le=\"%g\"} %llu\n",
          route.c_str(), kBuckets[i],
          static_cast<unsigned long long>(cumulative));
      out += line;
    }
    std::snprintf(
        line, sizeof line,
        "chancery_http_request_duration_seconds_bucket{route=\"%s\","
        "le=\"+Inf\"} %llu\n"
        "chancery_http_request_duration_seconds_sum{route=\"%s\"} %.6f\n"
        "chancery_http_request_duration_seconds_count{route=\"%s\"} %llu\n",
        route.c_str(), static_cast<unsigned long long>(l.count), route.c_str(),
        l.sum, route.c_str(), static_cast<unsigned long long>(l.count));
    out += line;
  }
  return out + RenderMemory();
}

}  // namespace chancery
