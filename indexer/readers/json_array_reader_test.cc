#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "indexer/readers/article_reader.h"
#include "indexer/readers/test_sink.h"

namespace chancery {
namespace {

TEST(JsonArrayReaderTest, ReadsFixtureElementByElement) {
  const std::string path = FixturePath("articles.json");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 3u);
  const Article& first = sink.articles[0];
  EXPECT_EQ(first.id, "101");
  EXPECT_EQ(first.title, "First array article");
  EXPECT_EQ(first.body, "Body one.");
  EXPECT_EQ(first.date, 1708905600);
  EXPECT_EQ(first.origin, path + ":2");  // the line of its "{"
  const Article& second = sink.articles[1];
  EXPECT_EQ(second.body, "Body two.");
  EXPECT_EQ(second.meta_json, R"({"tags":["x"]})");
  EXPECT_EQ(second.id.substr(0, 2), "c-");
  EXPECT_EQ(second.origin, path + ":8");
  const Article& third = sink.articles[2];
  EXPECT_EQ(third.id, "a3");
  EXPECT_FALSE(third.date.has_value());
  EXPECT_EQ(third.origin, path + ":10");

  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].origin, path + ":9");
  EXPECT_EQ(sink.rejects[0].reason, "not a JSON object");
  ASSERT_EQ(sink.warnings.size(), 1u);
  EXPECT_EQ(sink.warnings[0].origin, path + ":10");
  EXPECT_EQ(sink.warnings[0].reason, "unrecognised date \"not a date\"");
}

using JsonArrayTest = ScratchDirTest;

TEST_F(JsonArrayTest, SyntaxErrorStopsFileAfterDeliveringEarlierElements) {
  const std::string path = WriteFile(
      "broken.json", "[{\"title\":\"kept\"},\n{\"title\":\"lost\",,}\n]");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].title, "kept");
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].origin, path + ":2");
  EXPECT_NE(sink.rejects[0].reason.find("malformed JSON"), std::string::npos);
}

TEST_F(JsonArrayTest, NestedArraysAndEmptyObjectsAreRejected) {
  const std::string path =
      WriteFile("a.json", "[[1,2], {}, {\"title\":\"T\",\"x\":{\"y\":[1]}}]");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].meta_json, R"({"x":{"y":[1]}})");
  ASSERT_EQ(sink.rejects.size(), 2u);
  EXPECT_EQ(sink.rejects[0].reason, "not a JSON object");
  EXPECT_EQ(sink.rejects[1].reason, "no title or body text");
}

TEST_F(JsonArrayTest, ArraySniffedWithoutJsonExtension) {
  const std::string path =
      WriteFile("export.dat", "  \n[{\"title\":\"A\"},{\"title\":\"B\"}]\n");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 2u);
  EXPECT_EQ(sink.articles[1].title, "B");
  EXPECT_EQ(sink.articles[1].origin, path + ":2");
}

TEST_F(JsonArrayTest, EmptyArrayIsFine) {
  const std::string path = WriteFile("empty.json", "[]");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  EXPECT_TRUE(sink.articles.empty());
  EXPECT_TRUE(sink.rejects.empty());
}

}  // namespace
}  // namespace chancery
