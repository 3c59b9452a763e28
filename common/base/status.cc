#include "common/base/status.h"

#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string_view>

namespace chancery {
namespace {

// Indexed by StatusCode.
constexpr std::string_view kCodeNames[] = {
    "ok",         "invalid argument", "not found",      "I/O error",
    "corruption", "unavailable",      "internal error", "expired",
};
static_assert(std::size(kCodeNames) ==
              static_cast<size_t>(StatusCode::kExpired) + 1);

}  // namespace

std::string Status::ToString() const {
  if (ok()) return "ok";
  const auto index = static_cast<size_t>(code_);
  std::string out(index < std::size(kCodeNames) ? kCodeNames[index]
                                                : "unknown");
  out += ": ";
  out += message_;
  return out;
}

namespace internal {

Status OkStatusOrError() {
  return Status::Internal(
      "StatusOr built from an ok Status: neither a value nor an error");
}

void DieOfValueOnError(const Status& status) {
  const std::string line =
      "StatusOr::value() on an error: " + status.ToString() + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
  std::abort();
}

}  // namespace internal
}  // namespace chancery
