#include "common/base/language.h"

#include <gtest/gtest.h>

namespace chancery {
namespace {

struct TagCase {
  const char* tag;
  const char* code;
};

TEST(NormalizeLanguage, CodesTagsAndNames) {
  for (const TagCase& c : {
           TagCase{"en", "en"}, TagCase{"EN", "en"}, TagCase{"en-US", "en"},
           TagCase{"pt_BR", "pt"}, TagCase{"zh-Hant-TW", "zh"},
           TagCase{"  fr\n", "fr"}, TagCase{"French", "fr"},
           TagCase{"fre", "fr"}, TagCase{"deu", "de"}, TagCase{"Deutsch", "de"},
           TagCase{"kor", "ko"}, TagCase{"sv", "sv"},  // any two letters
       }) {
    EXPECT_EQ(NormalizeLanguage(c.tag), c.code) << c.tag;
  }
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
