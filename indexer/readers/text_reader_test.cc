#include <gtest/gtest.h>

#include <string>

#include "indexer/readers/article_reader.h"
#include "indexer/readers/test_sink.h"

namespace chancery {
namespace {

TEST(TextReaderTest, PlainTextFixture) {
  const std::string path = FixturePath("article.txt");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  const Article& a = sink.articles[0];
  EXPECT_EQ(a.title, "Security Council meets on Red Sea shipping");
  EXPECT_EQ(a.body,
            "The Security Council held an emergency session on Monday.\n\n"
            "Members called for restraint.");
  EXPECT_EQ(a.origin, path);
  EXPECT_EQ(a.id.substr(0, 2), "c-");
  EXPECT_FALSE(a.date.has_value());
}

TEST(TextReaderTest, MarkdownFixture) {
  const std::string path = FixturePath("article.md");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].title, "Summit communiqué: *key points*");
  EXPECT_EQ(sink.articles[0].body,
            "The leaders agreed on **three** points.\n\n- Trade\n- Climate");
}

using TextTest = ScratchDirTest;

TEST_F(TextTest, SetextHeadingAndLegacyEncoding) {
  const std::string path =
      WriteFile("a.markdown", "Caf\xE9 diplomacy\n===============\nBody.\n");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].title, "Café diplomacy");
  EXPECT_EQ(sink.articles[0].body, "Body.");
}

TEST_F(TextTest, TitleOnlyAndEmptyFiles) {
  const std::string title_only = WriteFile("t.txt", "Just a headline");
  const std::string empty = WriteFile("e.txt", "\n \n");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(title_only, sink).ok());
  ASSERT_TRUE(ReadArticles(empty, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].title, "Just a headline");
  EXPECT_EQ(sink.articles[0].body, "");
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].origin, empty);
}

}  // namespace
}  // namespace chancery
