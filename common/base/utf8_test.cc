#include "common/base/utf8.h"

#include <gtest/gtest.h>

namespace chancery {
namespace {

TEST(IsValidUtf8, AcceptsWellFormedText) {
  for (const char* ok :
       {"", "plain ascii", "Séjourné", "北京", "\xF0\x9F\x93\xB0",
        "\xEF\xBF\xBD", "\xF4\x8F\xBF\xBF", "\xED\x9F\xBF"}) {
    EXPECT_TRUE(IsValidUtf8(ok)) << ok;
  }
}

TEST(IsValidUtf8, RejectsMalformedText) {
  for (const char* bad : {
           "\xff\xfe",              // never in UTF-8
           "\x80",                  // stray continuation byte
           "caf\xC3",               // truncated
           "\xE2\x82",              // truncated
           "\xC3\x28",              // bad continuation
           "\xC0\xAF",              // overlong '/'
           "\xC1\xBF",              // overlong
           "\xE0\x80\xAF",          // overlong
           "\xF0\x80\x80\xAF",      // overlong
           "\xED\xA0\x80",          // surrogate U+D800
           "\xED\xBF\xBF",          // surrogate U+DFFF
           "\xF4\x90\x80\x80",      // U+110000
           "\xF5\x80\x80\x80",      // beyond U+10FFFF
           "\xF8\x88\x80\x80\x80",  // five-byte form
       }) {
    EXPECT_FALSE(IsValidUtf8(bad)) << ::testing::PrintToString(bad);
  }
}

TEST(ReplaceInvalidUtf8, KeepsValidTextAndReplacesEachBadByte) {
  EXPECT_EQ(ReplaceInvalidUtf8("Séjourné 北京"), "Séjourné 北京");
  EXPECT_EQ(ReplaceInvalidUtf8("caf\xC3"), "caf\xEF\xBF\xBD");
  EXPECT_EQ(ReplaceInvalidUtf8("\xED\xA0\x80x"),
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDx");
  // KOI8-R "Привет": every byte is >= 0xC0 and none is a valid sequence.
  const std::string koi8 = "\xF0\xD2\xC9\xD7\xC5\xD4";
  const std::string fixed = ReplaceInvalidUtf8(koi8);
  EXPECT_TRUE(IsValidUtf8(fixed));
  EXPECT_EQ(fixed.size(), 6 * 3);
}

TEST(TruncateUtf8, CutsAtASequenceStart) {
  std::string s = "ab\xC3\xA9z";  // "abéz"
  TruncateUtf8(&s, 3);            // would split é
  EXPECT_EQ(s, "ab");
  s = "ab\xC3\xA9z";
  TruncateUtf8(&s, 4);
  EXPECT_EQ(s, "ab\xC3\xA9");
  s = "abc";
  TruncateUtf8(&s, 10);
  EXPECT_EQ(s, "abc");
}

}  // namespace
}  // namespace chancery
