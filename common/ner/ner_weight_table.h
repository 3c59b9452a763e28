// NerWeightTable: the tagger's weights in a compact, read-only form. A
// model's dense table has 2^hash_bits rows of kNumNerTags int16 (19 MB at 20
// bits), but most rows are zero (92% of the English model's): a bucket no
// training feature hashed to. Here only the non-zero rows are stored, packed
// in bucket order, and a bitmap with a running count per 64 buckets finds a
// bucket's row, so the table a sentence touches is a twelfth as large and
// mostly stays in the cache. The sums it gives are the dense table's, to the
// last bit (a zero row adds nothing).
//
// Immutable after construction; const methods are thread-safe.
#ifndef CHANCERY_COMMON_NER_NER_WEIGHT_TABLE_H_
#define CHANCERY_COMMON_NER_NER_WEIGHT_TABLE_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "common/ner/ner_tags.h"

namespace chancery {

class NerWeightTable {
 public:
  NerWeightTable() = default;  // No buckets; must not be looked up.
  // Precondition: dense.size() is a multiple of kNumNerTags
  // (dense[bucket * kNumNerTags + tag], as NerModel::weights).
  explicit NerWeightTable(const std::vector<int16_t>& dense);

  size_t num_buckets() const { return num_buckets_; }
  size_t num_nonzero_rows() const { return rows_.size() / kNumNerTags; }

  // The kNumNerTags weights of `bucket`, or null when they are all zero.
  // Precondition: bucket < num_buckets().
  const int16_t* Row(uint32_t bucket) const {
    const Block& b = blocks_[bucket >> 6];
    const uint64_t bit = uint64_t{1} << (bucket & 63);
    if ((b.bits & bit) == 0) return nullptr;
    const size_t index = b.rank + std::popcount(b.bits & (bit - 1));
    return &rows_[index * kNumNerTags];
  }

  // The decoder's Weights interface (ner_decoder.h).
  void AddRow(uint32_t bucket, int64_t* score) const {
    const int16_t* row = Row(bucket);
    if (row == nullptr) return;
    for (int t = 0; t < kNumNerTags; ++t) score[t] += row[t];
  }
  void Prefetch(uint32_t bucket) const {
    const int16_t* row = Row(bucket);
    if (row != nullptr) __builtin_prefetch(row);
  }

 private:
  // Buckets [64k, 64k + 64): which have a non-zero row, and how many
  // non-zero rows come before bucket 64k.
  struct Block {
    uint64_t bits = 0;
    uint64_t rank = 0;
  };
  std::vector<Block> blocks_;
  std::vector<int16_t> rows_;  // Non-zero rows, in bucket order.
  size_t num_buckets_ = 0;
};

}  // namespace chancery

#endif  // CHANCERY_COMMON_NER_NER_WEIGHT_TABLE_H_
