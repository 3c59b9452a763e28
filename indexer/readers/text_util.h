// Hex formatting of the readers' derived article ids (hashed with
// common/base/hash.h). Pure functions, thread-safe.
#ifndef CHANCERY_INDEXER_READERS_TEXT_UTIL_H_
#define CHANCERY_INDEXER_READERS_TEXT_UTIL_H_

#include <cstdint>
#include <string>

namespace chancery {

// `value` as 16 lower-case hex digits.
std::string Hex64(uint64_t value);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_TEXT_UTIL_H_
