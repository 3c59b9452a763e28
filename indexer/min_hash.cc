#include "indexer/min_hash.h"

#include <limits>
#include <vector>

#include "common/base/hash.h"
#include "common/text_analyzer.h"

namespace chancery {
namespace {

bool IsWordByte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

// The hash of each word of the folded text, in order.
std::vector<uint64_t> WordHashes(std::string_view text) {
  const std::string folded = FoldForMatching(text);
  std::vector<uint64_t> words;
  size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && !IsWordByte(folded[i])) ++i;
    const size_t start = i;
    while (i < folded.size() && IsWordByte(folded[i])) ++i;
    if (i > start) {
      words.push_back(
          Fnv1a64(std::string_view(folded).substr(start, i - start)));
    }
  }
  return words;
}

}  // namespace

std::vector<uint64_t> ShingleHashes(std::string_view text) {
  const std::vector<uint64_t> words = WordHashes(text);
  std::vector<uint64_t> shingles;
  for (size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    uint64_t shingle = 0;
    for (int w = 0; w < kShingleWords; ++w) {
      shingle = SplitMix64(shingle ^ words[i + w]);
    }
    shingles.push_back(shingle);
  }
  return shingles;
}

std::optional<MinHash> ComputeMinHash(std::string_view text) {
  const std::vector<uint64_t> shingles = ShingleHashes(text);
  if (shingles.size() < static_cast<size_t>(kMinShingles)) {
    return std::nullopt;
  }
  MinHash sketch;
  sketch.fill(std::numeric_limits<uint32_t>::max());
  for (uint64_t shingle : shingles) {
    // kMinHashes hash functions from one 64-bit hash: h_k = mix(s + k*c).
    for (int k = 0; k < kMinHashes; ++k) {
      const uint32_t h = static_cast<uint32_t>(
          SplitMix64(shingle +
                     static_cast<uint64_t>(k + 1) * 0x9e3779b97f4a7c15ull) >>
          32);
      if (h < sketch[k]) sketch[k] = h;
    }
  }
  return sketch;
}

double EstimateJaccard(const MinHash& a, const MinHash& b) {
  int equal = 0;
  for (int k = 0; k < kMinHashes; ++k) equal += a[k] == b[k];
  return static_cast<double>(equal) / kMinHashes;
}

std::array<uint64_t, kBands> BandKeys(const MinHash& sketch) {
  std::array<uint64_t, kBands> keys;
  for (int b = 0; b < kBands; ++b) {
    uint64_t h = SplitMix64(static_cast<uint64_t>(b) + 1);
    for (int r = 0; r < kBandRows; ++r) {
      h = SplitMix64(h ^ sketch[b * kBandRows + r]);
    }
    keys[b] = h;
  }
  return keys;
}

std::string EncodeMinHash(const MinHash& sketch) {
  std::string bytes;
  bytes.reserve(4 * kMinHashes);
  for (uint32_t h : sketch) {
    for (int i = 0; i < 4; ++i)
      bytes.push_back(static_cast<char>(h >> (8 * i)));
  }
  return bytes;
}

std::optional<MinHash> DecodeMinHash(std::string_view bytes) {
  if (bytes.size() != 4 * kMinHashes) return std::nullopt;
  MinHash sketch;
  for (int k = 0; k < kMinHashes; ++k) {
    uint32_t h = 0;
    for (int i = 0; i < 4; ++i) {
      h |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[4 * k + i]))
           << (8 * i);
    }
    sketch[k] = h;
  }
  return sketch;
}

}  // namespace chancery
