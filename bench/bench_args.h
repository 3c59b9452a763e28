// Small helpers the bench programs share for their command lines.
//
// Pure functions on values; thread-safe.
#ifndef CHANCERY_BENCH_BENCH_ARGS_H_
#define CHANCERY_BENCH_BENCH_ARGS_H_

#include <string>
#include <vector>

namespace chancery {

// "en,de,,fr" -> {"en", "de", "fr"}: the non-empty comma-separated items.
inline std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at <= text.size()) {
    size_t comma = text.find(',', at);
    if (comma == std::string::npos) comma = text.size();
    if (comma > at) out.push_back(text.substr(at, comma - at));
    at = comma + 1;
  }
  return out;
}

}  // namespace chancery

#endif  // CHANCERY_BENCH_BENCH_ARGS_H_
