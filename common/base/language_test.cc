#include "common/base/language.h"

#include <gtest/gtest.h>

namespace chancery {
namespace {

TEST(NormalizeLanguage, CodesTagsAndNames) {
  EXPECT_EQ(NormalizeLanguage("en"), "en");
  EXPECT_EQ(NormalizeLanguage("EN"), "en");
  EXPECT_EQ(NormalizeLanguage("en-US"), "en");
  EXPECT_EQ(NormalizeLanguage("pt_BR"), "pt");
  EXPECT_EQ(NormalizeLanguage("zh-Hant-TW"), "zh");
  EXPECT_EQ(NormalizeLanguage("  fr\n"), "fr");
  EXPECT_EQ(NormalizeLanguage("French"), "fr");
  EXPECT_EQ(NormalizeLanguage("fre"), "fr");
  EXPECT_EQ(NormalizeLanguage("deu"), "de");
  EXPECT_EQ(NormalizeLanguage("Deutsch"), "de");
  EXPECT_EQ(NormalizeLanguage("kor"), "ko");
  EXPECT_EQ(NormalizeLanguage("sv"), "sv");  // any two letters
}

TEST(NormalizeLanguage, EmptyWhenUnrecognised) {
  for (const char* bad : {"", "  ", "??", "e", "klingon", "fr3", "-en", "é",
                          "eng lish", "english french"}) {
    EXPECT_EQ(NormalizeLanguage(bad), "") << bad;
  }
}

TEST(NormalizeLanguage, IsIdempotent) {
  for (const char* tag : {"en-GB", "German", " ru ", "xx", "klingon"}) {
    const std::string once = NormalizeLanguage(tag);
    EXPECT_EQ(NormalizeLanguage(once), once) << tag;
  }
}

}  // namespace
}  // namespace chancery
