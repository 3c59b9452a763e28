#include "common/ner/ner_arabic.h"

#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/ner/ner_features.h"

namespace chancery {
namespace {

// The folded code points of UTF-8 `word`, dropped ones left out.
std::vector<UChar32> Folded(std::string_view word) {
  std::vector<UChar32> out;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const auto length = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (const UChar32 f = FoldArabic(c); f != 0) out.push_back(f);
  }
  return out;
}

// The stem of `word` after its proclitics, as UTF-8.
std::string Stem(std::string_view word, ArabicProclitics* p = nullptr) {
  const std::vector<UChar32> folded = Folded(word);
  const ArabicProclitics split =
      SplitArabicProclitics(folded.data(), folded.size());
  if (p != nullptr) *p = split;
  std::string out;
  for (size_t i = split.stem; i < folded.size(); ++i) {
    char buffer[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buffer, n, folded[i]);
    out.append(buffer, static_cast<size_t>(n));
  }
  return out;
}

TEST(NerArabicTest, FoldsHamzaAlefsAndDropsHarakat) {
  EXPECT_EQ(Folded("أبو"), Folded("ابو"));
  EXPECT_EQ(Folded("إسماعيل"), Folded("اسماعيل"));
  EXPECT_EQ(Folded("مُحَمَّد"), Folded("محمد"));
  EXPECT_EQ(Folded("علـــي"), Folded("علي"));
  EXPECT_EQ(Folded("إلى"), Folded("الي"));
  EXPECT_EQ(FoldArabic('A'), 'A');
}

TEST(NerArabicTest, SplitsConjunctionPrepositionAndArticle) {
  ArabicProclitics p;
  EXPECT_EQ(Stem("ومحمد", &p), "محمد");
  EXPECT_EQ(p.conjunction, 0x0648);
  EXPECT_EQ(p.after_conjunction, 1u);
  EXPECT_EQ(Stem("بالقاهرة", &p), "قاهره");
  EXPECT_EQ(p.preposition, 0x0628);
  EXPECT_TRUE(p.article);
  EXPECT_EQ(Stem("للرئيس", &p), "رئيس");
  EXPECT_TRUE(p.article);
  EXPECT_EQ(Stem("وبالقاهرة"), "قاهره");
  EXPECT_EQ(Stem("فالحكومة"), "حكومه");
}

TEST(NerArabicTest, KeepsAStemOfThreeLetters) {
  EXPECT_EQ(Stem("علي"), "علي");   // ع is no proclitic.
  EXPECT_EQ(Stem("وزير"), "زير");  // Ambiguous: the word features keep وزير.
  EXPECT_EQ(Stem("ولد"), "ولد");   // Too short to strip.
  EXPECT_EQ(Stem("الي"), "الي");   // The article needs three letters after.
  EXPECT_EQ(Stem("Wall"), "Wall");
  EXPECT_EQ(Stem(""), "");
}

TEST(NerArabicTest, ArabicWordFeaturesShareTheStemOfAClitic) {
  const NerFeatures features(NerTokenization::kArabicWords, 16);
  NerSentenceFeatures with;
  NerSentenceFeatures without;
  features.Extract({"قال", "ومحمد"}, &with);
  features.Extract({"قال", "محمد"}, &without);
  ASSERT_EQ(with.per_token, without.per_token);
  EXPECT_GT(with.per_token,
            NerFeatures(NerTokenization::kWords, 16).per_token());
  // Some bucket of the second token (its stem) is the same for both.
  size_t shared = 0;
  for (size_t f = 0; f < with.per_token; ++f) {
    for (size_t g = 0; g < without.per_token; ++g) {
      shared += with.buckets[with.per_token + f] ==
                without.buckets[without.per_token + g];
    }
  }
  EXPECT_GE(shared, 2u);  // The bias and the stem.
}

}  // namespace
}  // namespace chancery
