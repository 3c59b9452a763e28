// Variable-length integers and length-prefixed strings, the LevelDB way
// (util/coding.h): an unsigned integer as 7 bits a byte, low bits first,
// the high bit set on every byte but the last; signed integers zigzag-
// mapped first so small negative numbers stay short. For compact binary
// records (common/stored_article_binary.h). Pure functions, thread-safe.
//
// The Get functions read from the front of *input and advance it past
// what they read. They return false, leaving *input unspecified, when the
// bytes end first or a varint is longer than its type allows; they never
// read past input->end().
#ifndef CHANCERY_COMMON_BASE_VARINT_H_
#define CHANCERY_COMMON_BASE_VARINT_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace chancery {

void PutVarint64(std::string* out, uint64_t value);
// PutVarint64(value.size()) then the bytes.
void PutLengthPrefixed(std::string* out, std::string_view value);

[[nodiscard]] bool GetVarint64(std::string_view* input, uint64_t* value);
// A length-prefixed string, as a view into *input's bytes.
[[nodiscard]] bool GetLengthPrefixed(std::string_view* input,
                                     std::string_view* value);

// 0, -1, 1, -2, ... to 0, 1, 2, 3, ...
inline uint64_t ZigZagEncode(int64_t value) {
  return (static_cast<uint64_t>(value) << 1) ^
         static_cast<uint64_t>(value >> 63);
}
inline int64_t ZigZagDecode(uint64_t value) {
  return static_cast<int64_t>(value >> 1) ^ -static_cast<int64_t>(value & 1);
}

}  // namespace chancery

#endif  // CHANCERY_COMMON_BASE_VARINT_H_
