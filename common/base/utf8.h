// UTF-8 validation. Pure functions, thread-safe.
#ifndef CHANCERY_COMMON_BASE_UTF8_H_
#define CHANCERY_COMMON_BASE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace chancery {

// Whether `s` is well-formed UTF-8 (RFC 3629): no stray continuation bytes,
// no truncated sequences, no overlong forms, no surrogates (U+D800..DFFF)
// and nothing beyond U+10FFFF. The empty string is valid.
bool IsValidUtf8(std::string_view s);

// `s` with every byte that does not begin a well-formed sequence (in the
// sense of IsValidUtf8) replaced by U+FFFD; valid sequences are kept as
// they are, so valid input comes back unchanged. The result is always
// valid UTF-8.
std::string ReplaceInvalidUtf8(std::string_view s);

// Shortens `s` to at most `max_bytes`, cutting back to the start of a UTF-8
// sequence so that valid text stays valid. No-op when `s` already fits.
void TruncateUtf8(std::string* s, size_t max_bytes);

}  // namespace chancery

#endif  // CHANCERY_COMMON_BASE_UTF8_H_
