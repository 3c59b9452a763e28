#include "common/ner/ner_weight_table.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "common/base/hash.h"
#include "common/ner/ner_model.h"

namespace chancery {
namespace {

// Row `bucket` of a dense table, or all zeros.
std::array<int64_t, kNumNerTags> DenseRow(const std::vector<int16_t>& dense,
                                          uint32_t bucket) {
  std::array<int64_t, kNumNerTags> row{};
  for (int t = 0; t < kNumNerTags; ++t) {
    row[t] = dense[static_cast<size_t>(bucket) * kNumNerTags + t];
  }
  return row;
}

void ExpectSameAsDense(const std::vector<int16_t>& dense) {
  const NerWeightTable table(dense);
  const size_t buckets = dense.size() / kNumNerTags;
  ASSERT_EQ(table.num_buckets(), buckets);
  size_t nonzero = 0;
  for (uint32_t b = 0; b < buckets; ++b) {
    const std::array<int64_t, kNumNerTags> want = DenseRow(dense, b);
    std::array<int64_t, kNumNerTags> got{};
    table.AddRow(b, got.data());
    ASSERT_EQ(got, want) << "bucket " << b;
    const bool zero = want == std::array<int64_t, kNumNerTags>{};
    EXPECT_EQ(table.Row(b) == nullptr, zero) << "bucket " << b;
    nonzero += zero ? 0 : 1;
  }
  EXPECT_EQ(table.num_nonzero_rows(), nonzero);
}

TEST(NerWeightTableTest, MatchesDenseTableOnRandomSparseRows) {
  for (int density : {0, 1, 10, 50, 100}) {  // Percent of non-zero rows.
    std::vector<int16_t> dense(size_t{4096 + 37} * kNumNerTags, 0);
    uint64_t state = static_cast<uint64_t>(density) + 1;
    for (size_t b = 0; b < dense.size() / kNumNerTags; ++b) {
      state = SplitMix64(state);
      if (static_cast<int>(state % 100) >= density) continue;
      // Some rows have a single non-zero tag, at either end.
      for (int t = 0; t < kNumNerTags; ++t) {
        state = SplitMix64(state);
        if (state % 3 == 0) {
          dense[b * kNumNerTags + t] = static_cast<int16_t>(state >> 48);
        }
      }
      dense[b * kNumNerTags + (state % 2 == 0 ? 0 : kNumNerTags - 1)] = -7;
    }
    ExpectSameAsDense(dense);
  }
}

TEST(NerWeightTableTest, AddsOntoTheScores) {
  std::vector<int16_t> dense(size_t{128} * kNumNerTags, 0);
  dense[65 * kNumNerTags + 3] = 5;
  dense[65 * kNumNerTags + 8] = -32767;
  const NerWeightTable table(dense);
  std::array<int64_t, kNumNerTags> score{};
  score.fill(10);
  table.AddRow(65, score.data());
  table.AddRow(64, score.data());  // Zero row: nothing.
  EXPECT_EQ(score[3], 15);
  EXPECT_EQ(score[8], 10 - 32767);
  EXPECT_EQ(score[0], 10);
  EXPECT_EQ(table.num_nonzero_rows(), 1u);
}

// The committed English model: every bucket as the dense table has it.
TEST(NerWeightTableTest, MatchesTheEnglishModel) {
  auto model = ReadNerModelFile(std::string(CHANCERY_SOURCE_DIR) +
                                "/models/ner/en.model");
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  ExpectSameAsDense(model->weights);
}

}  // namespace
}  // namespace chancery
