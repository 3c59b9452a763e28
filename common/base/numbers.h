// Integers from text, and range checks on settings and parameters. Pure
// functions, thread-safe, locale-independent.
#ifndef CHANCERY_COMMON_BASE_NUMBERS_H_
#define CHANCERY_COMMON_BASE_NUMBERS_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "common/base/status.h"

namespace chancery {

// The decimal integer that is the whole of `text`: an optional '-' and one
// or more ASCII digits, nothing else (no white space, no '+', no trailing
// text). nullopt when malformed or out of the type's range.
std::optional<int> ParseInt(std::string_view text);
std::optional<int64_t> ParseInt64(std::string_view text);

// Ok when lo <= value <= hi; otherwise InvalidArgument
// "<name> must be between <lo> and <hi>, got <value>" with param `param`
// (`name` when empty).
Status CheckRange(std::string_view name, int64_t value, int64_t lo, int64_t hi,
                  std::string_view param = {});

}  // namespace chancery

#endif  // CHANCERY_COMMON_BASE_NUMBERS_H_
