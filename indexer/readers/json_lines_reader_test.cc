// JSON Lines through the public entry point ReadArticles, as the indexer
// uses it: field aliases, meta, rejects, warnings, gzip, derived ids.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "indexer/readers/article_reader.h"
#include "indexer/readers/date_parser.h"
#include "indexer/readers/test_sink.h"

namespace chancery {
namespace {

using JsonLinesTest = ScratchDirTest;

TEST_F(JsonLinesTest, ReadsCanonicalFields) {
  const std::string path = WriteFile(
      "a.jsonl", R"({"id":"r1","title":"Summit opens","body":"Leaders met.",)"
                 R"("date":"2024-02-26T15:01:01Z","url":"https://ex.org/1",)"
                 R"("source":"reuters","lang":"en","author":"A. Writer",)"
                 R"("dateline":"GENEVA, Feb 26","people":["Antonio Guterres"],)"
                 R"("countries":["CH","FR"],"orgs":["UN"]})"
                 "\n");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  const Article& a = sink.articles[0];
  EXPECT_EQ(a.id, "r1");
  EXPECT_EQ(a.title, "Summit opens");
  EXPECT_EQ(a.body, "Leaders met.");
  EXPECT_EQ(a.date, 1708959661);
  EXPECT_EQ(a.url, "https://ex.org/1");
  EXPECT_EQ(a.source, "reuters");
  EXPECT_EQ(a.lang, "en");
  EXPECT_EQ(a.author, "A. Writer");
  EXPECT_EQ(a.dateline, "GENEVA, Feb 26");
  EXPECT_EQ(a.people, std::vector<std::string>{"Antonio Guterres"});
  EXPECT_EQ(a.countries, (std::vector<std::string>{"CH", "FR"}));
  EXPECT_EQ(a.orgs, std::vector<std::string>{"UN"});
  EXPECT_EQ(a.meta_json, "{}");
  EXPECT_EQ(a.origin, path + ":1");
  EXPECT_TRUE(sink.rejects.empty());
  EXPECT_TRUE(sink.warnings.empty());
}

TEST_F(JsonLinesTest, AcceptsAliases) {
  const std::string path = WriteFile(
      "aliases.ndjson",
      R"({"title":"T1","text":"B1","published":"2024-02-26","link":"u1","language":"fr-FR"})"
      "\n"
      R"({"title":"T2","content":"B2","published_at":"Feb 26, 2024"})"
      "\n"
      R"({"title":"T3","description":"B3","pubDate":"Mon, 26 Feb 2024 00:00:00 GMT"})"
      "\n"
      R"({"Title":"T4","Body":"B4","datetime":"1708905600"})"
      "\n");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 4u);
  for (int i = 0; i < 4; ++i) {
    const Article& a = sink.articles[i];
    EXPECT_EQ(a.title, "T" + std::to_string(i + 1));
    EXPECT_EQ(a.body, "B" + std::to_string(i + 1));
    EXPECT_EQ(a.date, 1708905600) << i;
    EXPECT_EQ(a.meta_json, "{}") << i;
  }
  EXPECT_EQ(sink.articles[0].url, "u1");
  EXPECT_EQ(sink.articles[0].lang, "fr");
}

TEST_F(JsonLinesTest, CanonicalFieldBeatsAliasWhichGoesToMeta) {
  const std::string path = WriteFile(
      "a.jsonl", R"({"title":"T","description":"teaser","body":"full"})"
                 "\n");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].body, "full");
  EXPECT_EQ(sink.articles[0].meta_json, R"({"description":"teaser"})");
}

TEST_F(JsonLinesTest, UnknownFieldsGoToMeta) {
  const std::string path = WriteFile(
      "a.jsonl", R"({"id":"x","title":"T","section":"world","tags":["a","b"],)"
                 R"("wordcount":412,"people":"Olaf Scholz","extra":null})"
                 "\n");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  const nlohmann::json meta = nlohmann::json::parse(sink.articles[0].meta_json);
  EXPECT_EQ(meta,
            nlohmann::json::parse(R"({"section":"world","tags":["a","b"],)"
                                  R"("wordcount":412,"extra":null})"));
  EXPECT_EQ(sink.articles[0].people, std::vector<std::string>{"Olaf Scholz"});
}

TEST_F(JsonLinesTest, FieldsOfUnusableTypeAreKeptInMeta) {
  const std::string path = WriteFile(
      "a.jsonl", R"({"title":"T","countries":[1,2],"url":{"href":"x"}})"
                 "\n");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_TRUE(sink.articles[0].countries.empty());
  EXPECT_EQ(nlohmann::json::parse(sink.articles[0].meta_json),
            nlohmann::json::parse(R"({"countries":[1,2],"url":{"href":"x"}})"));
}

TEST_F(JsonLinesTest, NestedSourceAndAuthorShapes) {
  const std::string path = WriteFile(
      "a.jsonl", R"({"title":"T","source":{"id":"bbc","name":"BBC News"},)"
                 R"("author":[{"name":"Ann"},"Bob"]})"
                 "\n");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].source, "BBC News");
  EXPECT_EQ(sink.articles[0].author, "Ann, Bob");
}

TEST_F(JsonLinesTest, NumericIdAndDate) {
  const std::string path =
      WriteFile("a.jsonl", R"({"id":12345,"title":"T","date":1708959661})"
                           "\n");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].id, "12345");
  EXPECT_EQ(sink.articles[0].date, 1708959661);
}

TEST_F(JsonLinesTest, RejectsBadLinesAndGoesOn) {
  const std::string path = WriteFile("bad.jsonl",
                                     "{\"title\":\"ok 1\"}\n"
                                     "{\"title\": broken\n"
                                     "\n"
                                     "   \n"
                                     "[1,2,3]\n"
                                     "\"just a string\"\n"
                                     "{\"id\":\"empty\",\"title\":\"  \"}\n"
                                     "{\"title\":\"ok 2\"}\r\n");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 2u);
  EXPECT_EQ(sink.articles[0].title, "ok 1");
  EXPECT_EQ(sink.articles[1].title, "ok 2");
  EXPECT_EQ(sink.articles[1].origin, path + ":8");
  ASSERT_EQ(sink.rejects.size(), 4u);
  EXPECT_EQ(sink.rejects[0].origin, path + ":2");
  EXPECT_NE(sink.rejects[0].reason.find("malformed JSON"), std::string::npos)
      << sink.rejects[0].reason;
  EXPECT_EQ(sink.rejects[1].origin, path + ":5");
  EXPECT_EQ(sink.rejects[1].reason, "not a JSON object");
  EXPECT_EQ(sink.rejects[2].origin, path + ":6");
  EXPECT_EQ(sink.rejects[3].origin, path + ":7");
  EXPECT_EQ(sink.rejects[3].reason, "no title or body text");
}

TEST_F(JsonLinesTest, UnparseableDateWarnsAndKeepsArticle) {
  const std::string path = WriteFile(
      "a.jsonl", "\n{\"title\":\"T\",\"date\":\"sometime in spring\"}\n");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_FALSE(sink.articles[0].date.has_value());
  ASSERT_EQ(sink.warnings.size(), 1u);
  EXPECT_EQ(sink.warnings[0].origin, path + ":2");
  EXPECT_EQ(sink.warnings[0].reason,
            "unrecognised date \"sometime in spring\"");
}

// A time in a zone the parser does not know keeps the day, never a guessed
// UTC time, and says so at the line.
TEST_F(JsonLinesTest, UnknownZoneKeepsTheDayWithAWarning) {
  const std::string path = WriteFile(
      "a.jsonl",
      "{\"title\":\"T\",\"date\":\"Mon, 26 Jan 2004 16:31:00 XYZ\"}\n");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].date, ParseDate("2004-01-26"));
  ASSERT_EQ(sink.warnings.size(), 1u);
  EXPECT_EQ(sink.warnings[0].origin, path + ":1");
  EXPECT_NE(sink.warnings[0].reason.find("time zone \"xyz\""),
            std::string::npos)
      << sink.warnings[0].reason;
}

TEST_F(JsonLinesTest, Windows1252LineIsKeptWithAWarning) {
  // "Séjourné" with é as the single byte 0xE9, as old archives have it.
  const std::string path =
      WriteFile("a.jsonl", "{\"title\":\"S\xe9journ\xe9\",\"body\":\"B\"}\n");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].title, "Séjourné");
  ASSERT_EQ(sink.warnings.size(), 1u);
  EXPECT_EQ(sink.warnings[0].origin, path + ":1");
  EXPECT_TRUE(sink.rejects.empty());
}

TEST_F(JsonLinesTest, DeepNestingIsDroppedNotACrash) {
  const int kDepth = 100000;
  const std::string path =
      WriteFile("deep.jsonl", R"({"title":"T","body":"B","extra":)" +
                                  std::string(kDepth, '[') +
                                  std::string(kDepth, ']') + "}\n");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].title, "T");
  EXPECT_LT(sink.articles[0].meta_json.size(), 1000u);
}

TEST_F(JsonLinesTest, LastLineWithoutNewline) {
  const std::string path = WriteFile("a.jsonl", "{\"title\":\"only\"}");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].origin, path + ":1");
}

TEST_F(JsonLinesTest, ByteOrderMarkIsIgnored) {
  const std::string path =
      WriteFile("bom.jsonl", "\xEF\xBB\xBF{\"title\":\"T\"}\n");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  EXPECT_EQ(sink.articles.size(), 1u);
  EXPECT_TRUE(sink.rejects.empty());
}

TEST_F(JsonLinesTest, ReadsGzipTransparently) {
  const std::string path =
      WriteGzipFile("a.jsonl.gz",
                    "{\"title\":\"first\",\"date\":\"2024-02-26\"}\n"
                    "not json\n"
                    "{\"title\":\"second\"}\n");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 2u);
  EXPECT_EQ(sink.articles[0].title, "first");
  EXPECT_EQ(sink.articles[0].date, 1708905600);
  EXPECT_EQ(sink.articles[1].origin, path + ":3");
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].origin, path + ":2");
}

TEST_F(JsonLinesTest, TruncatedGzipIsReportedAfterWhatWasRead) {
  std::string content;
  for (int i = 0; i < 2000; ++i) {
    content += "{\"title\":\"article " + std::to_string(i) + "\"}\n";
  }
  const std::string whole = WriteGzipFile("whole.jsonl.gz", content);
  std::string bytes;
  {
    std::ifstream in(whole, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  const std::string path =
      WriteFile("cut.jsonl.gz", bytes.substr(0, bytes.size() / 2));
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  EXPECT_GT(sink.articles.size(), 0u);
  EXPECT_LT(sink.articles.size(), 2000u);
  ASSERT_FALSE(sink.rejects.empty());
  EXPECT_NE(sink.rejects.back().reason.find("unexpected end of file"),
            std::string::npos)
      << sink.rejects.back().reason;
}

TEST_F(JsonLinesTest, DerivedIdsAreStableAndPrefixed) {
  const std::string line_with_url =
      R"({"title":"T","body":"B","url":"https://ex.org/a"})";
  const std::string line_without_url =
      R"({"title":"T","body":"B","date":"2024-02-26"})";
  const std::string path =
      WriteFile("a.jsonl", line_with_url + "\n" + line_without_url + "\n" +
                               line_without_url + "\n");
  RecordingSink first, second;
  ASSERT_TRUE(ReadArticles(path, first).ok());
  ASSERT_TRUE(ReadArticles(path, second).ok());
  ASSERT_EQ(first.articles.size(), 3u);
  EXPECT_EQ(first.articles[0].id.substr(0, 2), "u-");
  EXPECT_EQ(first.articles[0].id.size(), 18u);
  EXPECT_EQ(first.articles[1].id.substr(0, 2), "c-");
  EXPECT_EQ(first.articles[1].id, first.articles[2].id);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(first.articles[i].id, second.articles[i].id);
  }
  EXPECT_EQ(first.articles[0].id, DeriveArticleId(first.articles[0]));
  Article by_url;
  by_url.url = "https://ex.org/a";
  by_url.title = "ignored when there is a url";
  EXPECT_EQ(DeriveArticleId(by_url), first.articles[0].id);
}

// Ids must not change between releases or machines: an index built
// yesterday is updated with ids derived today. (Values are FNV-1a 64 of the
// url, and of title \x1f date \x1f body.)
TEST(DeriveArticleIdTest, PinnedValues) {
  Article a;
  a.url = "https://ex.org/a";
  EXPECT_EQ(DeriveArticleId(a), "u-c811f6381a681abf");
  Article b;
  b.title = "T";
  b.body = "B";
  b.date = 1708905600;
  EXPECT_EQ(DeriveArticleId(b), "c-3873cb2e80c7d943");
  Article c = b;
  c.date.reset();
  EXPECT_NE(DeriveArticleId(c), DeriveArticleId(b));
  Article d = b;
  d.title = "TB";
  d.body = "";
  EXPECT_NE(DeriveArticleId(d), DeriveArticleId(b));
}

TEST_F(JsonLinesTest, MissingPathIsNotFound) {
  RecordingSink sink;
  const std::string path = (dir_ / "nope.jsonl").string();
  Status status = ReadArticles(path, sink);
  EXPECT_EQ(status.code(), StatusCode::kNotFound);
  EXPECT_NE(status.message().find(path), std::string::npos);
}

TEST_F(JsonLinesTest, JsonExtensionWithObjectsIsJsonLines) {
  const std::string path =
      WriteFile("a.json", "{\"title\":\"1\"}\n{\"title\":\"2\"}\n");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  EXPECT_EQ(sink.articles.size(), 2u);
}

}  // namespace
}  // namespace chancery
