// The analyst views' pure formulas on hand-made numbers: G² (expected
// values from Python, `math.log`, in notes/analyst.md), the burst test and
// ISO week buckets.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "searchd/search/burst_detector.h"
#include "searchd/search/date_range.h"
#include "searchd/search/log_likelihood.h"

namespace chancery {
namespace {

TEST(LogLikelihoodTest, MatchesHandComputedTables) {
  // 2 * (1 ln 2 + 1 ln 2) = 4 ln 2: a perfect association of two articles.
  EXPECT_NEAR(LogLikelihoodG2({1, 0, 0, 1}), 4 * std::log(2.0), 1e-12);
  // Independence: 0.
  EXPECT_NEAR(LogLikelihoodG2({5, 5, 5, 5}), 0, 1e-12);
  EXPECT_NEAR(LogLikelihoodG2({10, 90, 40, 9860}), 43.81371197162112, 1e-9);
  EXPECT_NEAR(LogLikelihoodG2({110, 2442, 111, 29114}), 270.721876936225, 1e-8);
  EXPECT_NEAR(LogLikelihoodG2({2, 98, 100, 9800}), 0.7527530838306442, 1e-9);
  // An empty row or column carries no evidence.
  EXPECT_EQ(LogLikelihoodG2({0, 0, 3, 4}), 0);
  EXPECT_EQ(LogLikelihoodG2({0, 5, 0, 4}), 0);
}

TEST(LogLikelihoodTest, SignTellsRarerFromCommoner) {
  // Expected k11 of (2, 98, 100, 9800) is 100 * 102 / 10000 = 1.02: above.
  EXPECT_NEAR(SignedLogLikelihood({2, 98, 100, 9800}), 0.7527530838306442,
              1e-9);
  // Expected k11 of (0, 10, 50, 940) is 10 * 50 / 1000 = 0.5: below.
  EXPECT_NEAR(SignedLogLikelihood({0, 10, 50, 940}), -1.0311653362743973, 1e-9);
  // Unusual company outranks frequent company: 10 of 100 against 40 of
  // 9900 elsewhere beats 50 of 100 against 4950 of 9900.
  EXPECT_GT(SignedLogLikelihood({10, 90, 40, 9860}),
            SignedLogLikelihood({50, 50, 4950, 4950}));
}

TEST(BurstDetectorTest, FlatBaselineUsesTheFloor) {
  // Ten days of 2 in 20 (p = 0.1, sd 0), then 8 in 20 (p = 0.4):
  // z = (0.4 - 0.1) / max(0, 0.01) = 30.
  std::vector<int64_t> counts(10, 2);
  std::vector<int64_t> all(11, 20);
  counts.push_back(8);
  DayScore s = ScoreDay(counts, all, 10);
  EXPECT_TRUE(s.has_baseline);
  EXPECT_NEAR(s.share, 0.4, 1e-12);
  EXPECT_NEAR(s.baseline, 0.1, 1e-12);
  EXPECT_NEAR(s.sd, 0, 1e-6);
  EXPECT_NEAR(s.z, 30, 1e-6);
  EXPECT_TRUE(s.burst);
}

TEST(BurstDetectorTest, VaryingBaselineSkipsDaysWithoutArticles) {
  // Shares 0.1, 0.3 alternating over eight days (mean 0.2, population sd
  // 0.1), a day without articles (not in the baseline), then 6 of 10:
  // z = (0.6 - 0.2) / 0.1 = 4.
  std::vector<int64_t> counts = {1, 3, 1, 3, 1, 3, 1, 3, 0, 6};
  std::vector<int64_t> all = {10, 10, 10, 10, 10, 10, 10, 10, 0, 10};
  DayScore s = ScoreDay(counts, all, 9);
  EXPECT_NEAR(s.baseline, 0.2, 1e-12);
  EXPECT_NEAR(s.sd, 0.1, 1e-9);
  EXPECT_NEAR(s.z, 4, 1e-9);
  EXPECT_TRUE(s.burst);
  // A higher share, 2 of 3 (z 4.67), but below min_count articles.
  counts[9] = 2;
  all[9] = 3;
  s = ScoreDay(counts, all, 9);
  EXPECT_NEAR(s.z, (2.0 / 3 - 0.2) / 0.1, 1e-9);
  EXPECT_FALSE(s.burst);
  // Day 8 has no articles: share 0, never a burst.
  EXPECT_FALSE(ScoreDay(counts, all, 8).burst);
}

TEST(BurstDetectorTest, NeedsSevenBaselineDaysInTheWindow) {
  std::vector<int64_t> counts = {1, 1, 1, 1, 1, 5};
  std::vector<int64_t> all(6, 10);
  DayScore s = ScoreDay(counts, all, 5);
  EXPECT_FALSE(s.has_baseline);
  EXPECT_FALSE(s.burst);
  EXPECT_EQ(s.z, 0);
  // Only the trailing 28 days count: a day 29 back is outside.
  counts.assign(30, 0);
  all.assign(30, 10);
  counts[0] = 10;  // Outside the window of day 29.
  counts[29] = 3;
  s = ScoreDay(counts, all, 29);
  EXPECT_NEAR(s.baseline, 0, 1e-12);
  EXPECT_NEAR(s.z, 0.3 / 0.01, 1e-9);
}

TEST(DateRangeTest, WeeksRunMondayToSunday) {
  const int64_t monday = DaysFromCivil(2024, 3, 11);
  for (int64_t d = monday; d < monday + 7; ++d) {
    EXPECT_EQ(DateBucketStart(d, DateInterval::kWeek), monday);
    EXPECT_EQ(DateBucketName(d, DateInterval::kWeek), "2024-03-11");
    EXPECT_EQ(NextDateBucketStart(d, DateInterval::kWeek), monday + 7);
  }
  // Before the epoch too (1969-12-29 was a Monday).
  EXPECT_EQ(DateBucketStart(DaysFromCivil(1969, 12, 31), DateInterval::kWeek),
            DaysFromCivil(1969, 12, 29));
  EXPECT_EQ(
      NextDateBucketStart(DaysFromCivil(2024, 12, 9), DateInterval::kMonth),
      DaysFromCivil(2025, 1, 1));
  EXPECT_EQ(NextDateBucketStart(DaysFromCivil(2024, 6, 9), DateInterval::kYear),
            DaysFromCivil(2025, 1, 1));
  EXPECT_EQ(DateIntervalName(DateInterval::kWeek), "week");
}

}  // namespace
}  // namespace chancery
