// Time zones as dates are written with them: fixed-offset abbreviations,
// the generic US zones (AT, ET, CT, MT, PT) and military letters, and the US
// daylight-saving rule that decides the generic zones' offset on a date.
// Internal to date_parser.cc. Pure functions; thread-safe.
#ifndef CHANCERY_INDEXER_READERS_DATE_ZONES_H_
#define CHANCERY_INDEXER_READERS_DATE_ZONES_H_

#include <optional>
#include <string_view>

namespace chancery {

// Offset from UTC in minutes of an unambiguous zone abbreviation, folded to
// lower case ("est" -> -300), or nullopt. Ambiguous ones (AST, IST) are not
// listed.
std::optional<int> ZoneOffsetMinutes(std::string_view w);

// Standard-time offset in minutes of a generic US zone (at, et, ct, mt, pt),
// whose daylight time is an hour more; or nullopt.
std::optional<int> GenericUsZoneMinutes(std::string_view w);

// Military zone letters (lower case): a-i and k-m are UTC+1..+12, n-y
// UTC-1..-12; "h" and "j" are not zones here.
std::optional<int> MilitaryZoneMinutes(std::string_view w);

// Whether US daylight saving time is in force at local `hour` of
// year-month-day: from 2007 the 2nd Sunday of March to the 1st Sunday of
// November, 1987-2006 the 1st Sunday of April to the last Sunday of
// October, 1967-1986 the last Sunday of April to the last Sunday of
// October, never before 1967; the change is at 02:00 local time and the
// repeated autumn hour reads as daylight time.
bool IsUsDaylightTime(int year, int month, int day, int hour);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_DATE_ZONES_H_
