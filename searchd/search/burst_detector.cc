#include "searchd/search/burst_detector.h"

#include <algorithm>
#include <cmath>

#include "common/base/check.h"

namespace chancery {

DayScore ScoreDay(std::span<const int64_t> counts, std::span<const int64_t> all,
                  size_t d, const BurstTest& test) {
  DCHECK(counts.size() == all.size() && d < counts.size());
  DayScore score;
  if (all[d] > 0) {
    score.share = static_cast<double>(counts[d]) / static_cast<double>(all[d]);
  }
  const size_t first =
      d >= static_cast<size_t>(test.window) ? d - test.window : 0;
  double sum = 0;
  double sum_squares = 0;
  int days = 0;
  for (size_t j = first; j < d; ++j) {
    if (all[j] <= 0) continue;
    const double p =
        static_cast<double>(counts[j]) / static_cast<double>(all[j]);
    sum += p;
    sum_squares += p * p;
    ++days;
  }
  if (days < test.min_baseline_days) return score;
  score.has_baseline = true;
  score.baseline = sum / days;
  score.sd = std::sqrt(
      std::max(0.0, sum_squares / days - score.baseline * score.baseline));
  score.z = (score.share - score.baseline) / std::max(score.sd, test.sd_floor);
  score.burst =
      all[d] > 0 && counts[d] >= test.min_count && score.z >= test.min_z;
  return score;
}

}  // namespace chancery
