#include "indexer/readers/date_zones.h"

#include <cstdint>

#include "common/base/civil_date.h"

namespace chancery {
namespace {

// 0 = Sunday.
int Weekday(int year, int month, int day) {
  const int64_t days = DaysFromCivil(year, month, day);
  return static_cast<int>(((days + 4) % 7 + 7) % 7);  // 1970-01-01: Thursday
}
int NthSunday(int year, int month, int n) {
  return 1 + (7 - Weekday(year, month, 1)) % 7 + 7 * (n - 1);
}
int LastSunday(int year, int month) {
  const int last = DaysInMonth(year, month);
  return last - Weekday(year, month, last);
}

}  // namespace

// Offset from UTC in minutes of an unambiguous zone abbreviation, or nullopt.
std::optional<int> ZoneOffsetMinutes(std::string_view w) {
  struct NameValue {
    std::string_view name;
    int value;
  };
  static constexpr NameValue kZones[] = {
      {"z", 0},      {"gmt", 0},    {"ut", 0},      {"utc", 0},
      {"wet", 0},    {"est", -300}, {"edt", -240},  {"cst", -360},
      {"cdt", -300}, {"mst", -420}, {"mdt", -360},  {"pst", -480},
      {"pdt", -420}, {"adt", -180}, {"akst", -540}, {"akdt", -480},
      {"hst", -600}, {"nst", -210}, {"ndt", -150},  {"bst", 60},
      {"west", 60},  {"cet", 60},   {"met", 60},    {"mez", 60},
      {"cest", 120}, {"mest", 120}, {"mesz", 120},  {"eet", 120},
      {"eest", 180}, {"msk", 180},  {"hkt", 480},   {"sgt", 480},
      {"awst", 480}, {"jst", 540},  {"kst", 540},   {"aest", 600},
      {"aedt", 660}, {"nzst", 720}, {"nzdt", 780},
  };
  for (const NameValue& z : kZones) {
    if (z.name == w) return z.value;
  }
  return std::nullopt;
}

// Standard-time offset in minutes of a generic US zone (AT, ET, CT, MT, PT),
// whose daylight time is an hour more; or nullopt.
std::optional<int> GenericUsZoneMinutes(std::string_view w) {
  if (w == "at") return -240;
  if (w == "et") return -300;
  if (w == "ct") return -360;
  if (w == "mt") return -420;
  if (w == "pt") return -480;
  return std::nullopt;
}

// Military zone letters: A-I and K-M are UTC+1..+12, N-Y UTC-1..-12. "h"
// is not taken: after a time it is the hours abbreviation ("15.30 h").
std::optional<int> MilitaryZoneMinutes(std::string_view w) {
  if (w.size() != 1 || w[0] == 'h' || w[0] == 'j') return std::nullopt;
  const char c = w[0];
  if (c >= 'a' && c <= 'i') return (c - 'a' + 1) * 60;
  if (c >= 'k' && c <= 'm') return (c - 'k' + 10) * 60;
  if (c >= 'n' && c <= 'y') return -(c - 'n' + 1) * 60;
  return std::nullopt;
}

// Whether US daylight saving time is in force at local standard-or-daylight
// `hour` of year-month-day (see the header for the rules and the change
// hours).
bool IsUsDaylightTime(int year, int month, int day, int hour) {
  if (year < 1967) return false;
  int start_month = 4, start_day = 0, end_month = 10, end_day = 0;
  if (year >= 2007) {
    start_month = 3;
    start_day = NthSunday(year, 3, 2);
    end_month = 11;
    end_day = NthSunday(year, 11, 1);
  } else if (year >= 1987) {
    start_day = NthSunday(year, 4, 1);
    end_day = LastSunday(year, 10);
  } else {
    start_day = LastSunday(year, 4);
    end_day = LastSunday(year, 10);
  }
  const int date = month * 100 + day;
  const int start = start_month * 100 + start_day;
  const int end = end_month * 100 + end_day;
  if (date == start) return hour >= 2;
  if (date == end) return hour < 2;
  return date > start && date < end;
}

}  // namespace chancery
