#include "common/base/numbers.h"

#include <charconv>
#include <string>
#include <system_error>

namespace chancery {
namespace {

template <typename T>
std::optional<T> ParseWhole(std::string_view text) {
  // from_chars takes no '+' and no white space, which is what we want; it
  // does take a lone "-", which then fails as having no digits.
  T value{};
  const char* end = text.data() + text.size();
  auto [stop, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || stop != end) return std::nullopt;
  return value;
}

}  // namespace

std::optional<int> ParseInt(std::string_view text) {
  return ParseWhole<int>(text);
}

std::optional<int64_t> ParseInt64(std::string_view text) {
  return ParseWhole<int64_t>(text);
}

Status CheckRange(std::string_view name, int value, int lo, int hi) {
  if (value >= lo && value <= hi) return Status::Ok();
  return Status::InvalidArgument(std::string(name) + " must be between " +
                                     std::to_string(lo) + " and " +
                                     std::to_string(hi),
                                 std::string(name));
}

}  // namespace chancery
