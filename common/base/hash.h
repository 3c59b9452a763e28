// FNV-1a over bytes: a fast, stable (never changing between builds or
// runs) 64-bit hash for lookup keys and checksums that are written to disk
// (model files, the boilerplate table), where std::hash, which may differ
// between library versions, cannot serve. Not for untrusted adversarial
// keys where collisions matter.
//
// Pure function; thread-safe.
#ifndef CHANCERY_COMMON_BASE_HASH_H_
#define CHANCERY_COMMON_BASE_HASH_H_

#include <cstdint>
#include <string_view>

namespace chancery {

inline constexpr uint64_t kFnv1aOffset = 0xcbf29ce484222325ULL;
inline constexpr uint64_t kFnv1aPrime = 0x100000001b3ULL;

// FNV-1a of `bytes` continued from `hash`, the result of an earlier
// Fnv1a64 or Fnv1a64Extend: hashes a concatenation piece by piece, so
// Fnv1a64Extend(Fnv1a64(a), b) == Fnv1a64(a + b).
constexpr uint64_t Fnv1a64Extend(uint64_t hash, std::string_view bytes) {
  for (char c : bytes) {
    hash = (hash ^ static_cast<unsigned char>(c)) * kFnv1aPrime;
  }
  return hash;
}

// FNV-1a of `bytes`, starting from the offset basis xor `seed`.
constexpr uint64_t Fnv1a64(std::string_view bytes, uint64_t seed = 0) {
  return Fnv1a64Extend(kFnv1aOffset ^ seed, bytes);
}

// The splitmix64 finaliser: spreads every input bit over the whole word, so
// any slice of the result's bits makes a good bucket or hash function.
constexpr uint64_t SplitMix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

}  // namespace chancery

#endif  // CHANCERY_COMMON_BASE_HASH_H_
