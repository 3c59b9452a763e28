#include "searchd/http/metrics.h"

#include <cstdio>

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
  return out;
}

}  // namespace chancery
