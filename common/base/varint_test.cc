#include "common/base/varint.h"

#include <gtest/gtest.h>

#include <limits>

namespace chancery {
namespace {

TEST(Varint, RoundTripsAndTakesTheBytesLevelDbDoes) {
  const uint64_t values[] = {0,
                             1,
                             127,
                             128,
                             300,
                             16383,
                             16384,
                             uint64_t{1} << 32,
                             std::numeric_limits<uint64_t>::max() - 1,
                             std::numeric_limits<uint64_t>::max()};
  const size_t sizes[] = {1, 1, 1, 2, 2, 2, 3, 5, 10, 10};
  std::string all;
  for (size_t i = 0; i < std::size(values); ++i) {
    std::string one;
    PutVarint64(&one, values[i]);
    EXPECT_EQ(one.size(), sizes[i]) << values[i];
    all += one;
  }
  EXPECT_EQ(std::string("\xAC\x02", 2), all.substr(5, 2));  // 300
  std::string_view in = all;
  for (uint64_t want : values) {
    uint64_t got = 0;
    ASSERT_TRUE(GetVarint64(&in, &got));
    EXPECT_EQ(got, want);
  }
  EXPECT_TRUE(in.empty());
}

TEST(Varint, RejectsTruncatedAndOverlongBytes) {
  std::string max;
  PutVarint64(&max, std::numeric_limits<uint64_t>::max());
  for (size_t n = 0; n < max.size(); ++n) {
    std::string_view in(max.data(), n);
    uint64_t v = 0;
    EXPECT_FALSE(GetVarint64(&in, &v)) << n;
  }
  // An eleventh byte, and a tenth byte with bits beyond 64.
  for (const std::string& bad :
       {std::string(10, '\xFF') + '\x01', std::string(9, '\xFF') + '\x02'}) {
    std::string_view in = bad;
    uint64_t v = 0;
    EXPECT_FALSE(GetVarint64(&in, &v));
  }
}

TEST(LengthPrefixed, RoundTripsAndBoundsTheLength) {
  std::string out;
  PutLengthPrefixed(&out, "");
  PutLengthPrefixed(&out, std::string("a\0b", 3));
  PutLengthPrefixed(&out, std::string(200, 'x'));
  std::string_view in = out;
  std::string_view s;
  ASSERT_TRUE(GetLengthPrefixed(&in, &s));
  EXPECT_EQ(s, "");
  ASSERT_TRUE(GetLengthPrefixed(&in, &s));
  EXPECT_EQ(s, std::string_view("a\0b", 3));
  ASSERT_TRUE(GetLengthPrefixed(&in, &s));
  EXPECT_EQ(s, std::string(200, 'x'));
  EXPECT_TRUE(in.empty());
  // A length beyond the bytes there are.
  std::string_view short_input =
      "\x05"
      "abcd";
  EXPECT_FALSE(GetLengthPrefixed(&short_input, &s));
  // The largest length: no overflow in the bounds check.
  std::string huge;
  PutVarint64(&huge, std::numeric_limits<uint64_t>::max());
  huge += "x";
  std::string_view huge_input = huge;
  EXPECT_FALSE(GetLengthPrefixed(&huge_input, &s));
}

TEST(ZigZag, MapsSmallMagnitudesToSmallNumbers) {
  EXPECT_EQ(ZigZagEncode(0), 0u);
  EXPECT_EQ(ZigZagEncode(-1), 1u);
  EXPECT_EQ(ZigZagEncode(1), 2u);
  EXPECT_EQ(ZigZagEncode(-2), 3u);
  for (int64_t v : {int64_t{0}, int64_t{-1}, int64_t{1708959661},
                    std::numeric_limits<int64_t>::min(),
                    std::numeric_limits<int64_t>::max()}) {
    EXPECT_EQ(ZigZagDecode(ZigZagEncode(v)), v) << v;
  }
}

}  // namespace
}  // namespace chancery
