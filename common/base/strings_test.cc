#include "common/base/strings.h"

#include <gtest/gtest.h>

namespace chancery {
namespace {

TEST(TrimWhitespace, DropsAsciiSpaceAtBothEnds) {
  struct Case {
    const char* text;
    const char* trimmed;
  };
  for (const Case& c : {
           Case{"  a b \t\r\n", "a b"},
           Case{"\f\vx\v", "x"},
           Case{"   ", ""},
           Case{"", ""},
           Case{"none", "none"},
           // Non-ASCII bytes (here U+00A0 NO-BREAK SPACE) are text.
           Case{"\xC2\xA0x", "\xC2\xA0x"},
       }) {
    EXPECT_EQ(TrimWhitespace(c.text), c.trimmed) << c.text;
  }
}

TEST(TrimWhitespace, ReturnsAViewIntoItsArgument) {
  const std::string text = "  word  ";
  std::string_view trimmed = TrimWhitespace(text);
  EXPECT_EQ(trimmed.data(), text.data() + 2);
}

TEST(TrimWhitespaceInPlace, KeepsTheBuffer) {
  std::string s = "\t hello world \n";
  TrimWhitespaceInPlace(&s);
  EXPECT_EQ(s, "hello world");
  std::string blank = " \n ";
  TrimWhitespaceInPlace(&blank);
  EXPECT_EQ(blank, "");
  std::string same = "as is";
  TrimWhitespaceInPlace(&same);
  EXPECT_EQ(same, "as is");
}

TEST(AsciiCase, FoldsAsciiLettersOnly) {
  EXPECT_EQ(AsciiToLower("Content-TYPE 42"), "content-type 42");
  EXPECT_EQ(AsciiToLower("ÉCOLE"), "École");  // É is not ASCII
  EXPECT_TRUE(EqualsIgnoreAsciiCase("Alternate", "aLTERNATE"));
  EXPECT_FALSE(EqualsIgnoreAsciiCase("alternate", "alternates"));
  EXPECT_FALSE(EqualsIgnoreAsciiCase("é", "É"));
}

TEST(IsWordByte, LettersDigitsAndNonAsciiBytes) {
  for (char c : std::string("azAZ09")) EXPECT_TRUE(IsWordByte(c)) << c;
  for (char c : std::string(" -_*:'\".,\t")) EXPECT_FALSE(IsWordByte(c)) << c;
  for (char c : std::string("é北")) EXPECT_TRUE(IsWordByte(c));
  EXPECT_FALSE(IsWordByte('\0'));
  EXPECT_FALSE(IsWordByte('\x7f'));
}

}  // namespace
}  // namespace chancery
