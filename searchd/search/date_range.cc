#include "searchd/search/date_range.h"

#include <cstdio>

#include "common/base/numbers.h"
#include "common/schema.h"

namespace chancery {
namespace {

// Exactly `n` digits.
std::optional<int> ParseDigits(std::string_view s, size_t n) {
  if (s.size() != n || s.front() == '-') return std::nullopt;
  return ParseInt(s);
}

}  // namespace

std::optional<int64_t> ParseDateBound(std::string_view text,
                                      bool end_of_period) {
  std::optional<int> year = ParseDigits(text.substr(0, 4), 4);
  if (!year || *year < 1000) return std::nullopt;
  if (text.size() == 4) {
    return end_of_period ? DaysFromCivil(*year, 12, 31)
                         : DaysFromCivil(*year, 1, 1);
  }
  if (text.size() < 7 || text[4] != '-') return std::nullopt;
  std::optional<int> month = ParseDigits(text.substr(5, 2), 2);
  if (!month || *month < 1 || *month > 12) return std::nullopt;
  if (text.size() == 7) {
    return DaysFromCivil(*year, *month,
                         end_of_period ? DaysInMonth(*year, *month) : 1);
  }
  if (text.size() != 10 || text[7] != '-') return std::nullopt;
  std::optional<int> day = ParseDigits(text.substr(8, 2), 2);
  if (!day || *day < 1 || *day > DaysInMonth(*year, *month)) {
    return std::nullopt;
  }
  return DaysFromCivil(*year, *month, *day);
}

std::vector<std::string> DateTermsForRange(int64_t first_day,
                                           int64_t last_day) {
  std::vector<std::string> terms;
  char buf[16];
  int64_t d = first_day;
  while (d <= last_day) {
    CivilDate c = CivilFromDays(d);
    if (c.month == 1 && c.day == 1 &&
        DaysFromCivil(c.year, 12, 31) <= last_day) {
      std::snprintf(buf, sizeof buf, "%04d", c.year);
      terms.push_back(std::string(schema::kYear) + buf);
      d = DaysFromCivil(c.year + 1, 1, 1);
    } else if (c.day == 1 &&
               DaysFromCivil(c.year, c.month, DaysInMonth(c.year, c.month)) <=
                   last_day) {
      std::snprintf(buf, sizeof buf, "%04d%02d", c.year, c.month);
      terms.push_back(std::string(schema::kMonth) + buf);
      d += DaysInMonth(c.year, c.month);
    } else {
      std::snprintf(buf, sizeof buf, "%04d%02d%02d", c.year, c.month, c.day);
      terms.push_back(std::string(schema::kDay) + buf);
      ++d;
    }
  }
  return terms;
}

std::string DateBucketName(int64_t day, DateInterval interval) {
  CivilDate c = CivilFromDays(day);
  char buf[16];
  switch (interval) {
    case DateInterval::kYear:
      std::snprintf(buf, sizeof buf, "%04d", c.year);
      break;
    case DateInterval::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", c.year, c.month);
      break;
    case DateInterval::kDay:
    case DateInterval::kWeek:
      c = CivilFromDays(DateBucketStart(day, interval));
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
      break;
  }
  return buf;
}

int64_t DateBucketStart(int64_t day, DateInterval interval) {
  CivilDate c = CivilFromDays(day);
  switch (interval) {
    case DateInterval::kYear:
      return DaysFromCivil(c.year, 1, 1);
    case DateInterval::kMonth:
      return DaysFromCivil(c.year, c.month, 1);
    case DateInterval::kWeek:
      // Day 0, 1970-01-01, was a Thursday: Monday is 3 days before.
      return day - (((day + 3) % 7) + 7) % 7;
    case DateInterval::kDay:
      break;
  }
  return day;
}

int64_t NextDateBucketStart(int64_t day, DateInterval interval) {
  CivilDate c = CivilFromDays(day);
  switch (interval) {
    case DateInterval::kYear:
      return DaysFromCivil(c.year + 1, 1, 1);
    case DateInterval::kMonth:
      return c.month == 12 ? DaysFromCivil(c.year + 1, 1, 1)
                           : DaysFromCivil(c.year, c.month + 1, 1);
    case DateInterval::kWeek:
      return DateBucketStart(day, interval) + 7;
    case DateInterval::kDay:
      break;
  }
  return day + 1;
}

std::string_view DateIntervalName(DateInterval interval) {
  switch (interval) {
    case DateInterval::kYear:
      return "year";
    case DateInterval::kMonth:
      return "month";
    case DateInterval::kWeek:
      return "week";
    case DateInterval::kDay:
      break;
  }
  return "day";
}

DateInterval IntervalForSpan(int64_t first_day, int64_t last_day) {
  int64_t span = last_day - first_day;
  if (span > 3 * 366) return DateInterval::kYear;
  if (span > 62) return DateInterval::kMonth;
  return DateInterval::kDay;
}

}  // namespace chancery
