#include "common/base/civil_date.h"

#include <gtest/gtest.h>

#include <ctime>

namespace chancery {
namespace {

TEST(CivilDate, KnownDayNumbers) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(1970, 1, 2), 1);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(2024, 2, 29), 19782);
  // A day past the month's end counts on into the next month.
  EXPECT_EQ(DaysFromCivil(2023, 2, 29), DaysFromCivil(2023, 3, 1));
}

TEST(CivilDate, RoundTripsEveryDayOverCenturies) {
  // 1600-01-01 .. 2400-12-31: every leap-year rule, both sides of 1970.
  for (int64_t d = DaysFromCivil(1600, 1, 1); d <= DaysFromCivil(2400, 12, 31);
       ++d) {
    const CivilDate c = CivilFromDays(d);
    ASSERT_TRUE(IsValidCivilDate(c.year, c.month, c.day)) << d;
    ASSERT_EQ(DaysFromCivil(c.year, c.month, c.day), d);
  }
}

TEST(CivilDate, ValidDatesAndMonthLengths) {
  EXPECT_TRUE(IsValidCivilDate(2024, 2, 29));
  EXPECT_FALSE(IsValidCivilDate(2023, 2, 29));
  EXPECT_TRUE(IsValidCivilDate(2000, 2, 29));
  EXPECT_FALSE(IsValidCivilDate(1900, 2, 29));
  EXPECT_FALSE(IsValidCivilDate(2024, 4, 31));
  EXPECT_FALSE(IsValidCivilDate(2024, 0, 1));
  EXPECT_FALSE(IsValidCivilDate(2024, 13, 1));
  EXPECT_FALSE(IsValidCivilDate(2024, 1, 0));
  EXPECT_FALSE(IsValidCivilDate(2024, 1, -1));
  EXPECT_FALSE(IsValidCivilDate(2024, -11, 1));
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(2023, 4), 30);
  EXPECT_EQ(DaysInMonth(2023, 12), 31);
}

TEST(CivilTime, AgreesWithGmtime) {
  for (int64_t s : {int64_t{0}, int64_t{-1}, int64_t{86399}, int64_t{86400},
                    int64_t{951782400} /* 2000-02-29 */, int64_t{1709049661},
                    int64_t{-2208988800} /* 1900-01-01 */, int64_t{-86401},
                    int64_t{32503680000} /* 3000-01-01 */}) {
    const std::time_t t = static_cast<std::time_t>(s);
    std::tm tm{};
    ASSERT_NE(gmtime_r(&t, &tm), nullptr);
    const CivilTime c = CivilTimeFromEpochSeconds(s);
    EXPECT_EQ(c.date.year, tm.tm_year + 1900) << s;
    EXPECT_EQ(c.date.month, tm.tm_mon + 1) << s;
    EXPECT_EQ(c.date.day, tm.tm_mday) << s;
    EXPECT_EQ(c.hour, tm.tm_hour) << s;
    EXPECT_EQ(c.minute, tm.tm_min) << s;
    EXPECT_EQ(c.second, tm.tm_sec) << s;
    EXPECT_EQ(EpochSecondsFromCivil(c), s);
    EXPECT_EQ(DayOfEpochSeconds(s),
              DaysFromCivil(c.date.year, c.date.month, c.date.day));
  }
}

TEST(CivilTime, DayOfEpochSecondsFloors) {
  EXPECT_EQ(DayOfEpochSeconds(0), 0);
  EXPECT_EQ(DayOfEpochSeconds(86399), 0);
  EXPECT_EQ(DayOfEpochSeconds(-1), -1);
  EXPECT_EQ(DayOfEpochSeconds(-86400), -1);
  EXPECT_EQ(DayOfEpochSeconds(-86401), -2);
}

TEST(CivilTime, SecondSixtyCountsOn) {
  // A leap second written as :60 is the next minute's first second.
  EXPECT_EQ(EpochSecondsFromCivil({{2016, 12, 31}, 23, 59, 60}),
            EpochSecondsFromCivil({{2017, 1, 1}, 0, 0, 0}));
}

}  // namespace
}  // namespace chancery
