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

Status CheckRange(std::string_view name, int64_t value, int64_t lo, int64_t hi,
                  std::string_view param) {
  if (value >= lo && value <= hi) return Status::Ok();
  return Status::InvalidArgument(
      std::string(name) + " must be between " + std::to_string(lo) + " and " +
          std::to_string(hi) + ", got " + std::to_string(value),
      std::string(param.empty() ? name : param));
}

}  // namespace chancery
