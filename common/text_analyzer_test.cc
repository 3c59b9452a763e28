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

}  // namespace
}  // namespace chancery
