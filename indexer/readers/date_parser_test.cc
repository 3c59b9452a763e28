#include "indexer/readers/date_parser.h"

#include <gtest/gtest.h>

namespace chancery {
namespace {

// 2024-02-26T00:00:00Z and 15:01:01 that day.
constexpr int64_t kMidnight = 1708905600;
constexpr int64_t kAfternoon = 1708959661;

TEST(DateParserTest, IsoDateOnlyIsMidnightUtc) {
  EXPECT_EQ(ParseDate("2024-02-26"), kMidnight);
  EXPECT_EQ(ParseDate("  2024-02-26\n"), kMidnight);
  EXPECT_EQ(ParseDate("2024/02/26"), kMidnight);
}

TEST(DateParserTest, IsoDateTimeWithAndWithoutZone) {
  EXPECT_EQ(ParseDate("2024-02-26T15:01:01Z"), kAfternoon);
  EXPECT_EQ(ParseDate("2024-02-26t15:01:01z"), kAfternoon);
  EXPECT_EQ(ParseDate("2024-02-26T15:01:01"), kAfternoon);
  EXPECT_EQ(ParseDate("2024-02-26 15:01:01"), kAfternoon);
  EXPECT_EQ(ParseDate("2024-02-26T15:01"), kAfternoon - 1);
  EXPECT_EQ(ParseDate("2024-02-26T16:01:01+01:00"), kAfternoon);
  EXPECT_EQ(ParseDate("2024-02-26T16:01:01+0100"), kAfternoon);
  EXPECT_EQ(ParseDate("2024-02-26T10:01:01-05"), kAfternoon);
  EXPECT_EQ(ParseDate("2024-02-26T20:31:01+05:30"), kAfternoon);
  EXPECT_EQ(ParseDate("2024-02-26 15:01:01 UTC"), kAfternoon);
}

TEST(DateParserTest, IsoFractionalSecondsAreDropped) {
  EXPECT_EQ(ParseDate("2024-02-26T15:01:01.123Z"), kAfternoon);
  EXPECT_EQ(ParseDate("2024-02-26T15:01:01.123456789+00:00"), kAfternoon);
  EXPECT_EQ(ParseDate("2024-02-26T15:01:01,5"), kAfternoon);
}

TEST(DateParserTest, Rfc2822) {
  EXPECT_EQ(ParseDate("Mon, 26 Feb 2024 15:01:01 GMT"), kAfternoon);
  EXPECT_EQ(ParseDate("Mon, 26 Feb 2024 16:01:01 +0100"), kAfternoon);
  EXPECT_EQ(ParseDate("Mon, 26 Feb 2024 10:01:01 -0500"), kAfternoon);
  EXPECT_EQ(ParseDate("Mon, 26 Feb 2024 10:01:01 EST"), kAfternoon);
  EXPECT_EQ(ParseDate("Mon, 26 Feb 2024 07:01:01 PST"), kAfternoon);
  EXPECT_EQ(ParseDate("Mon, 26 Feb 2024 08:01:01 PDT"), kAfternoon);
  EXPECT_EQ(ParseDate("26 Feb 2024 15:01 UT"), kAfternoon - 1);
  // RFC 2822's trailing comment names the zone again; the offset rules.
  EXPECT_EQ(ParseDate("Mon, 26 Feb 2024 07:01:01 -0800 (PST)"), kAfternoon);
}

TEST(DateParserTest, ObsoleteHttpAndAsctimeForms) {
  EXPECT_EQ(ParseDate("Sunday, 06-Nov-94 08:49:37 GMT"), 784111777);
  EXPECT_EQ(ParseDate("Sun Nov  6 08:49:37 1994"), 784111777);
}

TEST(DateParserTest, ReutersSgml) {
  EXPECT_EQ(ParseDate("26-FEB-1987 15:01:01.79"), 541350061);
  EXPECT_EQ(ParseDate(" 26-FEB-1987 15:01:01.79"), 541350061);
}

TEST(DateParserTest, EnglishProse) {
  EXPECT_EQ(ParseDate("February 26, 2024"), kMidnight);
  EXPECT_EQ(ParseDate("Feb 26, 2024"), kMidnight);
  EXPECT_EQ(ParseDate("Feb. 26, 2024"), kMidnight);
  EXPECT_EQ(ParseDate("26 February 2024"), kMidnight);
  EXPECT_EQ(ParseDate("Monday, February 26th, 2024"), kMidnight);
  EXPECT_EQ(ParseDate("the 26th of February 2024"), kMidnight);
  EXPECT_EQ(ParseDate("February 26, 2024 3:01 pm"), kAfternoon - 1);
  EXPECT_EQ(ParseDate("February 26, 2024 12:00 am"), kMidnight);
  EXPECT_EQ(ParseDate("Feb 26, 2024 at 10:01 AM EST"), kAfternoon - 1);
  EXPECT_EQ(ParseDate("Monday 26 February 2024 15:01 GMT"), kAfternoon - 1);
}

TEST(DateParserTest, FrenchProse) {
  EXPECT_EQ(ParseDate("26 février 2024"), kMidnight);
  EXPECT_EQ(ParseDate("26 FÉVRIER 2024"), kMidnight);
  EXPECT_EQ(ParseDate("26 fevrier 2024"), kMidnight);
  EXPECT_EQ(ParseDate("lundi 26 févr. 2024 à 15h01"), kAfternoon - 1);
  EXPECT_EQ(ParseDate("1er mars 2024"), 1709251200);
  EXPECT_EQ(ParseDate("le 1er mars 2024"), 1709251200);
  EXPECT_EQ(ParseDate("15 août 2024"), ParseDate("2024-08-15"));
  EXPECT_EQ(ParseDate("3 décembre 2024"), ParseDate("2024-12-03"));
}

TEST(DateParserTest, GermanProse) {
  EXPECT_EQ(ParseDate("26. Februar 2024"), kMidnight);
  EXPECT_EQ(ParseDate("Montag, 26. Februar 2024, 15:01 Uhr"), kAfternoon - 1);
  EXPECT_EQ(ParseDate("am 1. März 2024"), 1709251200);
  EXPECT_EQ(ParseDate("3. Okt. 2024"), ParseDate("2024-10-03"));
}

TEST(DateParserTest, SpanishProse) {
  EXPECT_EQ(ParseDate("26 de febrero de 2024"), kMidnight);
  EXPECT_EQ(ParseDate("lunes, 26 de febrero de 2024"), kMidnight);
  EXPECT_EQ(ParseDate("1 de diciembre del 2024"), ParseDate("2024-12-01"));
}

TEST(DateParserTest, UnixEpochSeconds) {
  EXPECT_EQ(ParseDate("1708959661"), kAfternoon);
  EXPECT_EQ(ParseDate("999999999"), 999999999);
  EXPECT_EQ(ParseDate("10000000000"), 10000000000);
  EXPECT_EQ(ParseDate("12345678"), std::nullopt);      // too short
  EXPECT_EQ(ParseDate("123456789012"), std::nullopt);  // too long
}

TEST(DateParserTest, DatesBeforeTheEpochAreNegative) {
  EXPECT_EQ(ParseDate("1969-12-31T23:59:59Z"), -1);
}

TEST(DateParserTest, RejectsNonDates) {
  for (const char* text : {"",
                           "   ",
                           "yesterday",
                           "2 days ago",
                           "02/03/2024",
                           "2024-02-30",
                           "31 April 2024",
                           "2024-13-01",
                           "2024-02-26T25:00:00Z",
                           "2024-02-26T15:61:00Z",
                           "Feb 26 2024 26 Feb",
                           "2024-02-26 2024-02-27",
                           "26 Feb 2024 15:01 15:02",
                           "Febtember 26 2024",
                           "26 Feb 2024 +0100",
                           "2024-02-26T15:01:01+2500",
                           "26 Feb 2024 @ 15:01",
                           "15:01"}) {
    EXPECT_EQ(ParseDate(text), std::nullopt) << text;
  }
}

TEST(DateParserTest, LeapDay) {
  EXPECT_EQ(ParseDate("29 February 2024"), ParseDate("2024-02-29"));
  EXPECT_EQ(ParseDate("29 February 2023"), std::nullopt);
}

}  // namespace
}  // namespace chancery
