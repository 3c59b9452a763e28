// The burst test of GET /api/bursts, on one value's daily series: a day is
// a burst when the value's share of that day's articles stands well above
// its share over the days before.
//
// For day d with count c_d (articles mentioning the value) and all n_d
// (articles of the index that day), p_d = c_d / n_d. The baseline is the
// days j in [d - window, d - 1] that have articles (n_j > 0; days without
// any news are no evidence):
//
//   mean = Σ p_j / |B|,   sd = sqrt(Σ (p_j - mean)² / |B|)  (population)
//   z    = (p_d - mean) / max(sd, sd_floor)
//
// and d is a burst when |B| >= min_baseline_days, c_d >= min_count and
// z >= min_z. The floor keeps a value that was flat (often flat at zero)
// from turning a single extra article into an infinite z: over a flat
// baseline, the share must rise by min_z · sd_floor (3 percentage points
// with the defaults) and by min_count articles. Pure, thread-safe.
#ifndef CHANCERY_SEARCHD_SEARCH_BURST_DETECTOR_H_
#define CHANCERY_SEARCHD_SEARCH_BURST_DETECTOR_H_

#include <cstddef>
#include <cstdint>
#include <span>

namespace chancery {

struct BurstTest {
  int window = 28;            // Trailing days of the baseline.
  int min_baseline_days = 7;  // Days with articles needed in the window.
  int64_t min_count = 3;      // Articles with the value on the day.
  double sd_floor = 0.01;     // Smallest sd the z divides by (a share).
  double min_z = 3.0;
};

struct DayScore {
  double share = 0;  // p_d, 0 when the day has no articles.
  double baseline = 0;
  double sd = 0;
  double z = 0;  // 0 without a baseline.
  bool has_baseline = false;
  bool burst = false;
};

// Scores day `d` of a series of consecutive days: counts[i] articles with
// the value of all[i] articles. Preconditions: counts.size() == all.size(),
// d < counts.size(), 0 <= counts[i] <= all[i].
DayScore ScoreDay(std::span<const int64_t> counts, std::span<const int64_t> all,
                  size_t d, const BurstTest& test = BurstTest());

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_BURST_DETECTOR_H_
