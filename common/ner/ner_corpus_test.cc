#include "common/ner/ner_corpus.h"

#include <gtest/gtest.h>

namespace chancery {
namespace {

TEST(NerCorpusTest, ParsesIob2) {
  auto corpus = ParseIob2(
      "-DOCSTART-\tO\n\nPeter\tB-PER\nBlackburn\tI-PER\r\n\n\nin\tO\n"
      "Paris\tB-LOC\n",
      "x.txt");
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  ASSERT_EQ(corpus->size(), 2u);
  EXPECT_EQ((*corpus)[0].tokens,
            (std::vector<std::string>{"Peter", "Blackburn"}));
  EXPECT_EQ(SpansFromTags((*corpus)[0].tags),
            (std::vector<EntitySpan>{{0, 2, EntityType::kPer}}));
  EXPECT_EQ(SpansFromTags((*corpus)[1].tags),
            (std::vector<EntitySpan>{{1, 2, EntityType::kLoc}}));
}

TEST(NerCorpusTest, ErrorsNameFileAndLine) {
  auto bad_tag = ParseIob2("a\tO\nb\tB-FOO\n", "c.txt");
  ASSERT_FALSE(bad_tag.ok());
  EXPECT_EQ(bad_tag.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad_tag.status().message().find("c.txt:2"), std::string::npos);
  auto no_tab = ParseIob2("a\tO\n\nword\n", "d.txt");
  ASSERT_FALSE(no_tab.ok());
  EXPECT_NE(no_tab.status().message().find("d.txt:3"), std::string::npos);
  EXPECT_EQ(ReadIob2File("/nonexistent.txt").status().code(),
            StatusCode::kNotFound);
}

TEST(NerCorpusTest, ScoresExactSpanAndType) {
  NerScores scores;
  // Gold: PER [0,2), LOC [3,4), ORG [5,7).
  scores.Add({{0, 2, EntityType::kPer},
              {3, 4, EntityType::kLoc},
              {5, 7, EntityType::kOrg}},
             // Right PER, LOC typed ORG, ORG cut short.
             {{0, 2, EntityType::kPer},
              {3, 4, EntityType::kOrg},
              {5, 6, EntityType::kOrg}});
  EXPECT_EQ(scores.ForType(EntityType::kPer).correct, 1u);
  EXPECT_DOUBLE_EQ(scores.ForType(EntityType::kPer).F1(), 1.0);
  EXPECT_EQ(scores.ForType(EntityType::kOrg).predicted, 2u);
  EXPECT_EQ(scores.ForType(EntityType::kOrg).correct, 0u);
  const EntityCounts total = scores.Total();
  EXPECT_EQ(total.gold, 3u);
  EXPECT_EQ(total.predicted, 3u);
  EXPECT_EQ(total.correct, 1u);
  EXPECT_NEAR(total.F1(), 1.0 / 3, 1e-9);
  EXPECT_DOUBLE_EQ(EntityCounts{}.F1(), 0.0);
}

TEST(NerCorpusTest, StrayInsideTagStartsAnEntity) {
  const NerTag i_per = InsideTag(EntityType::kPer);
  const NerTag b_loc = BeginTag(EntityType::kLoc);
  EXPECT_EQ(SpansFromTags({kTagOutside, i_per, i_per, b_loc}),
            (std::vector<EntitySpan>{{1, 3, EntityType::kPer},
                                     {3, 4, EntityType::kLoc}}));
}

}  // namespace
}  // namespace chancery
