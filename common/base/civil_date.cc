#include "common/base/civil_date.h"

#include <chrono>

namespace chancery {
namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr std::chrono::year Year(int year) { return std::chrono::year{year}; }
constexpr std::chrono::month Month(int month) {
  return std::chrono::month{static_cast<unsigned>(month)};
}
constexpr std::chrono::day Day(int day) {
  return std::chrono::day{static_cast<unsigned>(day)};
}

}  // namespace

bool IsValidCivilDate(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
         year_month_day{Year(year), Month(month), Day(day)}.ok();
}

int DaysInMonth(int year, int month) {
  const std::chrono::year_month_day_last last{
      Year(year), std::chrono::month_day_last{Month(month)}};
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

int64_t DaysFromCivil(int year, int month, int day) {
  // For a day past the month's end, sys_days counts on from the month's
  // first day, as the contract says.
  const sys_days days{year_month_day{Year(year), Month(month), Day(day)}};
  return days.time_since_epoch().count();
}

CivilDate CivilFromDays(int64_t days) {
  const year_month_day ymd{sys_days{std::chrono::days{days}}};
  return {static_cast<int>(ymd.year()),
          static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

int64_t DayOfEpochSeconds(int64_t epoch_seconds) {
  return std::chrono::floor<std::chrono::days>(
             std::chrono::seconds{epoch_seconds})
      .count();
}

CivilTime CivilTimeFromEpochSeconds(int64_t epoch_seconds) {
  const int64_t day = DayOfEpochSeconds(epoch_seconds);
  const std::chrono::hh_mm_ss time{
      std::chrono::seconds{epoch_seconds - day * kSecondsPerDay}};
  return {CivilFromDays(day), static_cast<int>(time.hours().count()),
          static_cast<int>(time.minutes().count()),
          static_cast<int>(time.seconds().count())};
}

int64_t EpochSecondsFromCivil(const CivilTime& time) {
  return DaysFromCivil(time.date.year, time.date.month, time.date.day) *
             kSecondsPerDay +
         int64_t{time.hour} * 3600 + int64_t{time.minute} * 60 + time.second;
}

}  // namespace chancery
