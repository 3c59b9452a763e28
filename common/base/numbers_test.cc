#include "common/base/numbers.h"

#include <gtest/gtest.h>

#include <limits>

namespace chancery {
namespace {

TEST(ParseInt, TakesTheWholeText) {
  EXPECT_EQ(ParseInt("0"), 0);
  EXPECT_EQ(ParseInt("42"), 42);
  EXPECT_EQ(ParseInt("-7"), -7);
  EXPECT_EQ(ParseInt("007"), 7);
  EXPECT_EQ(ParseInt("2147483647"), std::numeric_limits<int>::max());
  EXPECT_EQ(ParseInt("-2147483648"), std::numeric_limits<int>::min());
}

TEST(ParseInt, RejectsAnythingElse) {
  for (const char* bad : {"", "-", "+5", " 5", "5 ", "5x", "x5", "1e3", "1.0",
                          "0x10", "2147483648", "-2147483649", "many"}) {
    EXPECT_FALSE(ParseInt(bad)) << bad;
  }
}

TEST(ParseInt64, HasTheWiderRange) {
  EXPECT_EQ(ParseInt64("1709049600"), 1709049600);
  EXPECT_EQ(ParseInt64("99999999999"), 99999999999);
  EXPECT_EQ(ParseInt64("-9223372036854775808"),
            std::numeric_limits<int64_t>::min());
  EXPECT_FALSE(ParseInt64("9223372036854775808"));
  EXPECT_FALSE(ParseInt64("12 "));
}

TEST(CheckRange, NamesTheSettingAndItsBounds) {
  EXPECT_TRUE(CheckRange("size", 1, 1, 10).ok());
  EXPECT_TRUE(CheckRange("size", 10, 1, 10).ok());
  Status low = CheckRange("size", 0, 1, 10);
  EXPECT_EQ(low.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(low.message(), "size must be between 1 and 10, got 0");
  EXPECT_EQ(low.param(), "size");
  EXPECT_EQ(CheckRange("batch_size", 11, 1, 10).message(),
            "batch_size must be between 1 and 10, got 11");
}

}  // namespace
}  // namespace chancery
