#include "common/base/check.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace chancery::internal {

CheckFailure::~CheckFailure() {
  std::string line = std::string(file_) + ":" + std::to_string(line_) +
                     ": CHECK failed: " + condition_;
  const std::string message = stream_.str();
  if (!message.empty()) line += ": " + message;
  line += '\n';
  // One write, so that output of other threads does not cut the line.
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
  std::abort();
}

}  // namespace chancery::internal
