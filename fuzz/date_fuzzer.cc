// The date parser over any text. ParseDate and ParseDateDetailed must
// agree, and a date without a time of day must be midnight UTC.
#include <cstddef>
#include <cstdint>
#include <string_view>

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
  }
  return 0;
}
