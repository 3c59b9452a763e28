// Proleptic Gregorian calendar arithmetic in UTC, over std::chrono's
// calendar types (year_month_day, sys_days): day numbers (days since
// 1970-01-01) and epoch seconds to and from year, month, day and time of
// day. Pure functions, thread-safe; no time zones, no leap seconds.
#ifndef CHANCERY_COMMON_BASE_CIVIL_DATE_H_
#define CHANCERY_COMMON_BASE_CIVIL_DATE_H_

#include <cstdint>

namespace chancery {

inline constexpr int64_t kSecondsPerDay = 86400;

struct CivilDate {
  int year;
  int month;  // 1..12
  int day;    // 1..31
};

// Whether year/month/day is a real date (2024-02-29 is, 2023-02-29 is not).
bool IsValidCivilDate(int year, int month, int day);

// Days in `month` (1..12) of `year`: 28..31.
int DaysInMonth(int year, int month);

// Days since 1970-01-01 (negative before). Precondition: 1 <= month <= 12;
// a day past the month's end counts on into the next month.
int64_t DaysFromCivil(int year, int month, int day);
CivilDate CivilFromDays(int64_t days);

// The day number of an instant: floor(epoch_seconds / 86400), so instants
// before 1970 fall on the day they are in.
int64_t DayOfEpochSeconds(int64_t epoch_seconds);

// An instant as UTC calendar date and time of day.
struct CivilTime {
  CivilDate date;
  int hour;    // 0..23
  int minute;  // 0..59
  int second;  // 0..59
};
CivilTime CivilTimeFromEpochSeconds(int64_t epoch_seconds);
// Seconds since the epoch of a UTC date and time of day. Same precondition
// as DaysFromCivil; fields past their range (second 60) count on.
int64_t EpochSecondsFromCivil(const CivilTime& time);

}  // namespace chancery

#endif  // CHANCERY_COMMON_BASE_CIVIL_DATE_H_
