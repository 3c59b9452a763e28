// The date parser over any text. ParseDate and ParseDateDetailed must
// agree, a date without a time of day must be midnight UTC, and a parsed
// instant written back as ISO 8601 must parse to the same instant.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "common/base/civil_date.h"
#include "fuzz/fuzz_support.h"
#include "indexer/readers/date_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using chancery::fuzz::Require;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto detailed = chancery::ParseDateDetailed(text);
  const auto plain = chancery::ParseDate(text);
  Require(detailed.has_value() == plain.has_value(),
          "ParseDate and ParseDateDetailed agree on success");
  if (detailed) {
    Require(detailed->epoch_seconds == *plain,
            "ParseDate and ParseDateDetailed agree on the instant");
    if (detailed->precision != chancery::DatePrecision::kTime) {
      // Year, month and day precision stand for 00:00:00 UTC of that day.
      Require(detailed->epoch_seconds % 86400 == 0,
              "a date without a time is midnight UTC");
    }
    // The instant written back as W3C-DTF must parse to itself.
    const chancery::CivilTime t =
        chancery::CivilTimeFromEpochSeconds(detailed->epoch_seconds);
    if (t.date.year >= 1 && t.date.year <= 9999) {
      char iso[32];
      std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02dZ",
                    t.date.year, t.date.month, t.date.day, t.hour, t.minute,
                    t.second);
      const auto again = chancery::ParseDate(iso);
      Require(again && *again == detailed->epoch_seconds,
              "a parsed instant written as ISO 8601 parses back to itself");
    }
  }
  return 0;
}
