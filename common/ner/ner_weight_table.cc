#include "common/ner/ner_weight_table.h"

#include "common/base/check.h"

namespace chancery {

NerWeightTable::NerWeightTable(const std::vector<int16_t>& dense) {
  CHECK(dense.size() % kNumNerTags == 0);
  num_buckets_ = dense.size() / kNumNerTags;
  blocks_.resize((num_buckets_ + 63) / 64);
  size_t nonzero = 0;
  for (size_t bucket = 0; bucket < num_buckets_; ++bucket) {
    const int16_t* row = &dense[bucket * kNumNerTags];
    for (int t = 0; t < kNumNerTags; ++t) {
      if (row[t] != 0) {
        blocks_[bucket >> 6].bits |= uint64_t{1} << (bucket & 63);
        ++nonzero;
        break;
      }
    }
  }
  rows_.reserve(nonzero * kNumNerTags);
  uint64_t rank = 0;
  for (size_t k = 0; k < blocks_.size(); ++k) {
    blocks_[k].rank = rank;
    for (uint64_t bits = blocks_[k].bits; bits != 0; bits &= bits - 1) {
      const size_t bucket = k * 64 + std::countr_zero(bits);
      const int16_t* row = &dense[bucket * kNumNerTags];
      rows_.insert(rows_.end(), row, row + kNumNerTags);
      ++rank;
    }
  }
}

}  // namespace chancery
