#include "common/stored_article.h"

#include <gtest/gtest.h>

namespace chancery {
namespace {

TEST(StoredArticle, RoundTrips) {
  Article a;
  a.id = "a1";
  a.title = "Séjourné in Beijing";
  a.body = "Body <b>text</b>";
  a.date = 1708959661;  // 2024-02-26T15:01:01Z
  a.lang = "en";
  a.meta_json = R"({"section":"world"})";
  ArticleEntities e;
  e.countries.push_back({"FR", "France", 3});
  e.people.push_back({"stephane-sejourne", "Stéphane Séjourné", 2});

  auto decoded = DecodeStoredArticle(EncodeStoredArticle(a, e));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(decoded->article.title, a.title);
  EXPECT_EQ(decoded->article.body, a.body);
  EXPECT_EQ(decoded->article.date, a.date);
  EXPECT_EQ(decoded->article.meta_json, a.meta_json);
  ASSERT_EQ(decoded->entities.countries.size(), 1u);
  EXPECT_EQ(decoded->entities.countries[0].mentions, 3);
  EXPECT_EQ(decoded->entities.people[0].label, "Stéphane Séjourné");
  EXPECT_EQ(FormatIsoDate(1708959661), "2024-02-26T15:01:01Z");
}

TEST(StoredArticle, RejectsGarbage) {
  EXPECT_FALSE(DecodeStoredArticle("not json").ok());
}

}  // namespace
}  // namespace chancery
