// Calendar arithmetic for date filters and the date facet: parsing the API's
// dates (YYYY, YYYY-MM, YYYY-MM-DD) into day numbers, the Y/M/D terms that
// cover a range of days, and bucket names. Pure functions, thread-safe.
#ifndef CHANCERY_SEARCHD_SEARCH_DATE_RANGE_H_
#define CHANCERY_SEARCHD_SEARCH_DATE_RANGE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Day numbers (DaysFromCivil, CivilFromDays) are those of the base library.
#include "common/base/civil_date.h"  // IWYU pragma: export

namespace chancery {

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (years 1000..9999) into the first
// day it names, or the last one when `end_of_period` (so "2024-02" as an
// upper bound means 2024-02-29). nullopt when malformed or not a real date.
std::optional<int64_t> ParseDateBound(std::string_view text,
                                      bool end_of_period);

// The fewest schema::kYear / kMonth / kDay terms whose documents are exactly
// those dated within [first_day, last_day]. Empty when first_day > last_day.
std::vector<std::string> DateTermsForRange(int64_t first_day, int64_t last_day);

// kWeek: ISO weeks, Monday to Sunday (GET /api/timeline only; the date
// facet's interval parameter does not offer it).
enum class DateInterval { kYear, kMonth, kDay, kWeek };

// "2024", "2024-03" or "2024-03-15" for the bucket of `day`; a week is
// named by its Monday ("2024-03-11").
std::string DateBucketName(int64_t day, DateInterval interval);
// The first day of the bucket that contains `day`.
int64_t DateBucketStart(int64_t day, DateInterval interval);
// The first day of the bucket after the one that contains `day`.
int64_t NextDateBucketStart(int64_t day, DateInterval interval);
// "year", "month", "day", "week".
std::string_view DateIntervalName(DateInterval interval);
// Auto interval: buckets that fit a span (years past ~3 years, months past
// ~2 months, otherwise days).
DateInterval IntervalForSpan(int64_t first_day, int64_t last_day);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_DATE_RANGE_H_
