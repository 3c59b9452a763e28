#include "common/text_analyzer.h"

#include <gtest/gtest.h>

namespace chancery {
namespace {

TEST(FoldForMatching, AccentsAndCaseFoldTogether) {
  EXPECT_EQ(FoldForMatching("Séjourné"), "sejourne");
  EXPECT_EQ(FoldForMatching("SEJOURNE"), "sejourne");
  EXPECT_EQ(FoldForMatching("sejourné"), "sejourne");
  EXPECT_EQ(FoldForMatching("Sejourne’s"), "sejourne's");
}

TEST(FoldForMatching, OtherScripts) {
  EXPECT_EQ(FoldForMatching("Straße"), "strasse");
  EXPECT_EQ(FoldForMatching("Łódź"), "lodz");
  EXPECT_EQ(FoldForMatching("ПУТИН"), "путин");
  EXPECT_EQ(FoldForMatching("Ｆｕｌｌｗｉｄｔｈ"), "fullwidth");  // NFKC
  EXPECT_EQ(FoldForMatching("北京"), "北京");
  // Japanese voicing marks change the letter and are kept.
  EXPECT_EQ(FoldForMatching("ガ"), "ガ");
}

TEST(FoldQuery, KeepsOperatorsAndFolds) {
  EXPECT_EQ(FoldQuery("Séjourné AND Chine NOT Pékin"),
            "sejourne AND chine NOT pekin");
  EXPECT_EQ(FoldQuery("title:Ukraine OR person:Macron"),
            "title:ukraine OR person:macron");
  // Upper-case words that are not operators are folded.
  EXPECT_EQ(FoldQuery("NATO ANDORRA"), "nato andorra");
}

TEST(DottedAcronyms, AreOneWordWithoutDots) {
  EXPECT_EQ(FoldForIndexing("U.S. and U.K. trade"), "us and uk trade");
  EXPECT_EQ(FoldForIndexing("the U.N"), "the un");
  EXPECT_EQ(FoldForIndexing("E.U.-China"), "eu-china");
  EXPECT_EQ(FoldForIndexing("u.s.a."), "usa");
  EXPECT_EQ(FoldForIndexing("С.Ш.А."), "сша");
  EXPECT_EQ(FoldForIndexing("É.-U."), "e.-u.");  // not letters dot letters
  // Written as they are indexed, undotted forms are unchanged.
  EXPECT_EQ(FoldForIndexing("US us UK"), "us us uk");
  // Not acronyms: a letter is followed by more letters or digits, or one
  // letter alone, or a word runs into it.
  EXPECT_EQ(FoldForIndexing("U.S.Army"), "u.s.army");
  EXPECT_EQ(FoldForIndexing("v.1.2"), "v.1.2");
  EXPECT_EQ(FoldForIndexing("J. Smith"), "j. smith");
  EXPECT_EQ(FoldForIndexing("www.a.b"), "www.a.b");
  EXPECT_EQ(FoldForIndexing("file.c"), "file.c");
  EXPECT_EQ(FoldForIndexing("3.5 pct"), "3.5 pct");
}

TEST(DottedAcronyms, Length) {
  EXPECT_EQ(DottedAcronymLength("U.S.", 0), 4u);
  EXPECT_EQ(DottedAcronymLength("in the U.S. on", 7), 4u);
  EXPECT_EQ(DottedAcronymLength("e.g., this", 0), 4u);
  EXPECT_EQ(DottedAcronymLength("U.N", 0), 3u);
  EXPECT_EQ(DottedAcronymLength("U.Sa", 0), 0u);
  EXPECT_EQ(DottedAcronymLength("xU.S.", 1), 0u);  // inside a word
  EXPECT_EQ(DottedAcronymLength("U.", 0), 0u);
  EXPECT_EQ(DottedAcronymLength("", 0), 0u);
}

TEST(DottedAcronyms, QueriesAreJoinedLikeText) {
  EXPECT_EQ(FoldQuery("U.S. AND China"), "us AND china");
  EXPECT_EQ(FoldQuery("\"U.S. trade\" NOT u.k."), "\"us trade\" NOT uk");
  EXPECT_EQ(FoldQuery("title:U.N."), "title:un");
}

TEST(Language, NormaliseAndStemmer) {
  EXPECT_EQ(NormalizeLanguage("en-US"), "en");
  EXPECT_EQ(NormalizeLanguage("FR"), "fr");
  EXPECT_EQ(NormalizeLanguage("German"), "de");
  EXPECT_EQ(NormalizeLanguage("??"), "");
  EXPECT_EQ(StemmerName("fr"), "french");
  EXPECT_EQ(StemmerName("zh"), "");
}

TEST(Language, DetectsCommonLanguages) {
  EXPECT_EQ(DetectLanguage("The foreign minister met his counterpart in "
                           "Beijing on Tuesday to discuss the war in Ukraine "
                           "and trade between the two countries."),
            "en");
  EXPECT_EQ(DetectLanguage("Le ministre des Affaires étrangères a rencontré "
                           "son homologue chinois à Pékin mardi pour discuter "
                           "de la guerre en Ukraine et du commerce."),
            "fr");
  EXPECT_EQ(DetectLanguage("Der Außenminister traf seinen chinesischen "
                           "Amtskollegen am Dienstag in Peking, um über den "
                           "Krieg in der Ukraine zu sprechen."),
            "de");
}

TEST(Language, SurvivesMalformedUtf8) {
  // KOI8-R and Shift_JIS bytes read as UTF-8, and a sample cut mid-character:
  // CLD2 crashed on these before DetectLanguage repaired them.
  const std::string koi8(
      "\xf7 \xcd\xcf\xd3\xcb\xd7\xc5 \xd0\xd2\xcf\xdb\xcc\xc1 "
      "\xd7\xd3\xd4\xd2\xc5\xde\xc1 \xcd\xc9\xce\xc9\xd3\xd4\xd2\xcf\xd7");
  const std::string sjis("\x93\x8c\x8b\x9e\x82\xc5\x89\xef\x8b\x63\x82\xaa");
  for (int repeat = 0; repeat < 50; ++repeat) {
    DetectLanguage(koi8 + koi8 + "\xd0");
    DetectLanguage(sjis + sjis + "\x82");
  }
  EXPECT_EQ(DetectLanguage("The foreign minister met his counterpart in "
                           "Beijing on Tuesday to discuss the war in \xC3"),
            "en");
}

}  // namespace
}  // namespace chancery
