// IdFilter: a fixed-size Bloom filter of the ids written in this run, so
// that indexing into an index that started empty can tell "certainly new"
// without asking Xapian, whose term lookup on a writable database costs
// about an eighth of the writer thread's time. "Maybe seen" answers fall
// back to the index itself, so the filter never changes what is written.
// Memory is fixed (kBits / 8 bytes) however many ids pass through.
// Not thread-safe; owned by the IndexWriter's thread.
#ifndef CHANCERY_INDEXER_ID_FILTER_H_
#define CHANCERY_INDEXER_ID_FILTER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/base/hash.h"

namespace chancery {

class IdFilter {
 public:
  // 2^27 bits (16 MiB): about 1% false positives at 10 million ids.
  static constexpr uint64_t kBits = uint64_t{1} << 27;

  IdFilter() : bits_(kBits / 64) {}

  // Records `id`; returns true when it may have been recorded before and
  // false when it certainly was not.
  bool TestAndAdd(std::string_view id) {
    uint64_t h1 = Hash(id, 0x9E3779B97F4A7C15ull);
    uint64_t h2 = Hash(id, 0xC2B2AE3D27D4EB4Full) | 1;
    bool maybe_seen = true;
    for (uint64_t i = 0; i < kHashes; ++i) {
      uint64_t bit = (h1 + i * h2) & (kBits - 1);
      uint64_t mask = uint64_t{1} << (bit & 63);
      maybe_seen &= (bits_[bit >> 6] & mask) != 0;
      bits_[bit >> 6] |= mask;
    }
    return maybe_seen;
  }

 private:
  static constexpr uint64_t kHashes = 3;

  // FNV-1a with a seed, then a final mix: fast and well spread for ids.
  static uint64_t Hash(std::string_view s, uint64_t seed) {
    uint64_t h = Fnv1a64(s, seed);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
  }

  std::vector<uint64_t> bits_;
};

}  // namespace chancery

#endif  // CHANCERY_INDEXER_ID_FILTER_H_
