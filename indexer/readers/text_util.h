// Hashing for the readers' derived article ids. Pure functions,
// thread-safe.
#ifndef CHANCERY_INDEXER_READERS_TEXT_UTIL_H_
#define CHANCERY_INDEXER_READERS_TEXT_UTIL_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace chancery {

// 64-bit FNV-1a: tiny, fast, and fixed by specification, so ids derived
// from it are the same on every machine and in every release.
uint64_t Fnv1a64(std::string_view data, uint64_t hash = 14695981039346656037u);

// `value` as 16 lower-case hex digits.
std::string Hex64(uint64_t value);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_TEXT_UTIL_H_
