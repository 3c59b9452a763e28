// Publication dates as archives spell them, into UTC epoch seconds.
//
// Accepted (case-insensitive, surrounding whitespace ignored):
//   ISO 8601      2024-02-26, 2024-02-26T15:01:01Z, 2024-02-26 15:01:01,
//                 2024-02-26T15:01:01.123+01:00, ...+0100, ...-05
//   RFC 2822      Mon, 26 Feb 2024 15:01:01 GMT | +0100 | EST | PDT ...
//   Reuters SGML  26-FEB-1987 15:01:01.79
//   Prose         February 26, 2024 · Feb 26, 2024 · 26 February 2024 ·
//                 26 février 2024 · 1er mars 2024 · 26. Februar 2024 ·
//                 26 de febrero de 2024 (English, French, German, Spanish
//                 month names, full or abbreviated, with or without accents;
//                 weekday names and an optional time "15:01", "15h01",
//                 "3:01 pm" may accompany them)
//   Unix time     a bare 9 to 11 digit integer, seconds since the epoch
//
// A month must be named (or the date be ISO year-first): all-numeric dates
// such as 02/03/2024 are rejected because day and month order is ambiguous.
// Without a zone the time is taken as UTC; without a time, midnight UTC.
// Every word must be understood, so free text ("yesterday", "2 days ago")
// is rejected rather than half-parsed. Thread-safe; no locale involved.
#ifndef CHANCERY_INDEXER_READERS_DATE_PARSER_H_
#define CHANCERY_INDEXER_READERS_DATE_PARSER_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace chancery {

// Seconds since 1970-01-01T00:00:00Z, or nullopt when `text` is not a date
// in one of the forms above (or names an impossible day such as Feb 30).
std::optional<int64_t> ParseDate(std::string_view text);

}  // namespace chancery

#endif  // CHANCERY_INDEXER_READERS_DATE_PARSER_H_
