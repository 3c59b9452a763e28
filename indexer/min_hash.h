// MinHash sketches of a text's word shingles, and their LSH band keys, for
// finding near-copies of an article (indexer/story_grouper.h) at a bounded
// cost per article: the sketch is kMinHashes numbers however long the text,
// and two texts are candidates only when one of kBands bands of the sketch
// is equal (Broder 1997; Leskovec, Rajaraman, Ullman, "Mining of Massive
// Datasets", ch. 3).
//
// Shingles are kShingleWords consecutive words of the text folded with
// FoldForMatching (case and accents do not count); a word is a run of
// letters or digits (bytes >= 0x80 count as letters). The sketch and keys
// are pure functions of the text: the same on every run and machine.
#ifndef CHANCERY_INDEXER_MIN_HASH_H_
#define CHANCERY_INDEXER_MIN_HASH_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chancery {

inline constexpr int kShingleWords = 4;
inline constexpr int kMinHashes = 36;
inline constexpr int kBands = 12;
inline constexpr int kBandRows = kMinHashes / kBands;  // 3
// Texts with fewer shingles get no sketch: a headline-length text says too
// little to call two articles copies.
inline constexpr int kMinShingles = 8;

using MinHash = std::array<uint32_t, kMinHashes>;

// The 64-bit hashes of the text's shingles, in text order (with repeats).
std::vector<uint64_t> ShingleHashes(std::string_view text);

// The sketch of `text`, or nullopt when it has fewer than kMinShingles
// shingles.
std::optional<MinHash> ComputeMinHash(std::string_view text);

// The estimated Jaccard similarity of the two texts' shingle sets: the
// share of equal sketch positions, in [0, 1].
double EstimateJaccard(const MinHash& a, const MinHash& b);

// One key per band (band number included, so keys of different bands never
// collide by construction). Texts whose Jaccard similarity is s share a key
// with probability 1 - (1 - s^kBandRows)^kBands: 0.99 at s = 0.7, 0.95 at
// 0.6, 0.80 at 0.5, 0.28 at 0.3.
std::array<uint64_t, kBands> BandKeys(const MinHash& sketch);

// 4 * kMinHashes bytes, little-endian; Decode is nullopt for any other
// size.
std::string EncodeMinHash(const MinHash& sketch);
std::optional<MinHash> DecodeMinHash(std::string_view bytes);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_MIN_HASH_H_
