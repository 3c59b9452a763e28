// Publication dates as archives, feeds and pages spell them, into UTC epoch
// seconds.
//
// Accepted (case-insensitive, surrounding whitespace ignored):
//   W3C-DTF /     2024, 2024-02, 2024-02-26, 2024-02-26T15:01:01Z,
//   ISO 8601      2024-02-26 15:01:01, 2024-02-26T15:01:01.123+01:00,
//                 ...+0100, ...-05; basic 20240226, 20240226T150101Z,
//                 20240226T1501+0100; ordinal 2024-057, 2024057
//   RFC 822/2822  Mon, 26 Feb 2024 15:01:01 GMT | +0100 | +01:00 | EST ...
//                 with two- or three-digit years (RFC 2822 4.3: 00-49 is
//                 20xx, 50-999 is 1900+); a weekday, right or wrong, is
//                 ignored
//   asctime       Sun Nov  6 08:49:37 1994 (also with a zone before the year)
//   Reuters SGML  26-FEB-1987 15:01:01.79
//   Prose         February 26, 2024 · 26 février 2024 · 26. Februar 2024 ·
//                 26 de febrero de 2024 · 26 febbraio 2024 · 26 de fevereiro
//                 de 2024 · 26 lutego 2024 · 26 февраля 2024 г. ·
//                 26 Φεβρουαρίου 2024 · 2024. február 26. · 26 فبراير ٢٠٢٤ ·
//                 2024年2月26日 · 2024년 2월 26일 (month names of en, fr, de,
//                 es, it, pt, pl, ru, el, hu, ar, full, genitive or
//                 abbreviated, any case, accents optional; Arabic-Indic and
//                 full-width digits; weekday names and an optional time
//                 "15:01", "15h01", "3:01 pm", "3:01 p.m.", "오후 3시 30분",
//                 "午前9時30分" may accompany them)
//   Unix time     a bare 9 to 11 digit integer, seconds since the epoch
//
// Zones: numeric offsets (+0100, +01:00, -05); UT, UTC, GMT, Z and the
// RFC 822 US zones EST/EDT, CST/CDT, MST/MDT, PST/PDT; the generic US zones
// AT, ET, CT, MT, PT (Atlantic, Eastern, Central, Mountain, Pacific), read as
// standard or daylight time by the US rule in force that year (2007 on:
// second Sunday of March to first Sunday of November; 1987-2006: first Sunday
// of April to last Sunday of October; 1967-1986: last Sunday of April to last
// Sunday of October; none before 1967), switching at 02:00 local, the repeated
// hour at the end taken as daylight time; Etc/GMT, Etc/UTC and Etc/GMT+N with
// the tz database's inverted sign (Etc/GMT+5 is UTC-5); military letters
// A-I, K-M (UTC+1..+12), N-Y (UTC-1..-12) and Z, except H, which follows
// times as the "hours" abbreviation; a few European and Asia-Pacific
// abbreviations (CET, CEST, BST, EET, MSK, JST, KST, AEST...). Ambiguous
// abbreviations (IST, AST) are deliberately unknown.
//
// tz database names: the US/Canadian zones that follow the US rule
// (America/New_York, US/Pacific...) and America/Phoenix are known.
//
// A word of 2-5 ASCII letters right after the time that names no known zone,
// or any other Area/Location tz name, is taken as an unknown zone: the time
// is dropped and the date kept at day precision (midnight UTC of the day as
// written) with a warning in ParsedDate::warning, never read as UTC.
// Without any zone the time is taken as UTC.
//
// A month must be named (or the date be ISO year-first): all-numeric dates
// such as 02/03/2024 are rejected because day and month order is ambiguous.
// Every word must be understood, so free text ("yesterday", "2 days ago")
// is rejected rather than half-parsed. Thread-safe; no locale involved.
#ifndef CHANCERY_INDEXER_READERS_DATE_PARSER_H_
#define CHANCERY_INDEXER_READERS_DATE_PARSER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chancery {

// How much of an instant the text gave.
enum class DatePrecision {
  kYear,   // "2024": epoch_seconds is 2024-01-01T00:00:00Z
  kMonth,  // "2024-02", "February 2024": the first of the month, 00:00Z
  kDay,    // a date without a time, or with a time in an unknown zone
  kTime,   // a date and a time of day (minutes or seconds) in a known zone
};

struct ParsedDate {
  // The instant for kTime; otherwise 00:00:00 UTC of the first day of the
  // year, month or day as written.
  int64_t epoch_seconds = 0;
  DatePrecision precision = DatePrecision::kDay;
  // Empty, or why less was kept than the text said, for the caller to pass
  // on as a warning (e.g. an unknown zone: "unknown time zone \"XST\"; time
  // dropped, day kept").
  std::string warning;
};

// The date in `text`, or nullopt when `text` is not a date in one of the
// forms above (or names an impossible day such as Feb 30).
std::optional<ParsedDate> ParseDateDetailed(std::string_view text);

// ParseDateDetailed(text)->epoch_seconds: seconds since 1970-01-01T00:00:00Z,
// or nullopt. Callers that want the precision or the warning call
// ParseDateDetailed.
std::optional<int64_t> ParseDate(std::string_view text);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_DATE_PARSER_H_
