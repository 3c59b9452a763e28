// ReadArticles as a whole: format detection, gzip of every format,
// directory walks, standard input, progress and input sizes.
#include "indexer/readers/article_reader.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "indexer/readers/input_format.h"
#include "indexer/readers/test_sink.h"

namespace chancery {
namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(FixturePath(name), std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(InputFormatTest, FromFileName) {
  EXPECT_EQ(FormatFromFileName("a/b.JSONL"), InputFormat::kJsonLines);
  EXPECT_EQ(FormatFromFileName("b.ndjson.gz"), InputFormat::kJsonLines);
  EXPECT_EQ(FormatFromFileName("b.json"), InputFormat::kJson);
  EXPECT_EQ(FormatFromFileName("feed.rss"), InputFormat::kFeed);
  EXPECT_EQ(FormatFromFileName("x.atom.gz"), InputFormat::kFeed);
  EXPECT_EQ(FormatFromFileName("wire.rdf"), InputFormat::kFeed);
  EXPECT_EQ(FormatFromFileName("channel.CDF"), InputFormat::kFeed);
  EXPECT_EQ(FormatFromFileName("p.htm"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromFileName("n.markdown"), InputFormat::kText);
  EXPECT_EQ(FormatFromFileName("data.gz"), InputFormat::kUnknown);
  EXPECT_EQ(FormatFromFileName("dir.json/file"), InputFormat::kUnknown);
}

TEST(InputFormatTest, FromContent) {
  EXPECT_EQ(FormatFromContent(" \n{\"a\":1}"), InputFormat::kJsonLines);
  EXPECT_EQ(FormatFromContent("[{}]"), InputFormat::kJsonArray);
  EXPECT_EQ(FormatFromContent("<?xml version='1.0'?>\n<!-- c -->\n<rss>"),
            InputFormat::kFeed);
  EXPECT_EQ(FormatFromContent("<feed xmlns='http://www.w3.org/2005/Atom'>"),
            InputFormat::kFeed);
  EXPECT_EQ(FormatFromContent("<?XML VERSION=\"1.0\"?>\n<CHANNEL HREF=\"x\">"),
            InputFormat::kFeed);
  EXPECT_EQ(FormatFromContent("<?xml version='1.0'?><html>"),
            InputFormat::kHtml);
  EXPECT_EQ(FormatFromContent("<!DOCTYPE html><p>"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromContent("<div>fragment</div>"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromContent("Plain words"), InputFormat::kText);
}

using ArticleReaderTest = ScratchDirTest;

TEST_F(ArticleReaderTest, EveryFormatReadsThroughGzip) {
  const std::string rss = WriteGzipFile("feed.xml.gz", ReadFixture("rss2.xml"));
  const std::string html =
      WriteGzipFile("page.html.gz", ReadFixture("page.html"));
  const std::string md = WriteGzipFile("a.md.gz", ReadFixture("article.md"));
  const std::string json =
      WriteGzipFile("a.json.gz", ReadFixture("articles.json"));
  RecordingSink sink;
  for (const std::string& path : {rss, html, md, json}) {
    ASSERT_TRUE(ReadArticles(path, sink).ok()) << path;
  }
  ASSERT_EQ(sink.articles.size(), 2u + 1u + 1u + 3u);
  EXPECT_EQ(sink.articles[0].source, "Foreign Desk");
  EXPECT_EQ(sink.articles[2].lang, "de");
  EXPECT_EQ(sink.articles[3].title, "Summit communiqué: *key points*");
  EXPECT_EQ(sink.articles[4].origin, json + ":2");
}

TEST_F(ArticleReaderTest, UnknownExtensionsAreSniffed) {
  const std::string feed = WriteFile("feed", ReadFixture("atom.xml"));
  const std::string page = WriteGzipFile("page.gz", ReadFixture("page.html"));
  const std::string lines = WriteFile("dump.out", "{\"title\":\"L\"}\n");
  const std::string text = WriteFile("NOTES", "Headline\nBody");
  RecordingSink sink;
  for (const std::string& path : {feed, page, lines, text}) {
    ASSERT_TRUE(ReadArticles(path, sink).ok()) << path;
  }
  ASSERT_EQ(sink.articles.size(), 2u + 1u + 1u + 1u);
  EXPECT_EQ(sink.articles[1].source, "Le Bureau Diplomatique");
  EXPECT_EQ(sink.articles[2].source, "Weltnachrichten");
  EXPECT_EQ(sink.articles[3].title, "L");
  EXPECT_EQ(sink.articles[4].title, "Headline");
}

TEST_F(ArticleReaderTest, DirectoryWalkIsRecursiveSortedAndSkipsHidden) {
  WriteFile("b/2.jsonl", "{\"title\":\"b2\"}\n");
  WriteFile("b/1.txt", "b1\n");
  WriteFile("a.jsonl", "{\"title\":\"a\"}\n");
  WriteGzipFile("c.jsonl.gz", "{\"title\":\"c\"}\n");
  WriteFile(".hidden.jsonl", "{\"title\":\"hidden\"}\n");
  WriteFile(".git/x.jsonl", "{\"title\":\"hidden dir\"}\n");
  WriteFile("b/image.jpg", "\xFF\xD8\xFF");
  WriteFile("b/catalog.xml", "<catalog/>");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(dir_.string(), sink).ok());
  std::vector<std::string> titles;
  for (const Article& a : sink.articles) titles.push_back(a.title);
  EXPECT_EQ(titles, (std::vector<std::string>{"a", "b1", "b2", "c"}));
  ASSERT_EQ(sink.warnings.size(), 1u);
  EXPECT_EQ(sink.warnings[0].origin, (dir_ / "b/image.jpg").string());
  // A file that cannot be read as its name says is one rejection, not the
  // end of the walk.
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].origin, (dir_ / "b/catalog.xml").string());
  // The reason does not repeat the file the origin names.
  EXPECT_EQ(sink.rejects[0].reason,
            "XML root <catalog> is not an RSS (0.90-2.0, RDF), Atom (0.3, "
            "1.0) or CDF feed");
}

TEST(RejectUnreadableFileTest, NamesTheFileOnce) {
  RecordingSink sink;
  RejectUnreadableFile("d/a.rss", Status::InvalidArgument("d/a.rss: bad"),
                       sink);
  RejectUnreadableFile(
      "d/b.rss", Status::IoError("cannot open d/b.rss: Permission denied"),
      sink);
  RejectUnreadableFile("d/c.rss", Status::IoError("disk on fire"), sink);
  ASSERT_EQ(sink.rejects.size(), 3u);
  EXPECT_EQ(sink.rejects[0].origin, "d/a.rss");
  EXPECT_EQ(sink.rejects[0].reason, "bad");
  EXPECT_EQ(sink.rejects[1].reason, "cannot open: Permission denied");
  EXPECT_EQ(sink.rejects[2].reason, "disk on fire");
}

TEST_F(ArticleReaderTest, InputSizeBytes) {
  const std::string a = WriteFile("a.jsonl", std::string(100, ' '));
  WriteFile("sub/b.txt", std::string(50, 'x'));
  WriteFile(".hidden.jsonl", std::string(1000, ' '));
  WriteFile("skip.bin", std::string(1000, ' '));
  EXPECT_EQ(InputSizeBytes(a), 100u);
  EXPECT_EQ(InputSizeBytes(dir_.string()), 150u);
  EXPECT_EQ(InputSizeBytes("-"), 0u);
  EXPECT_EQ(InputSizeBytes((dir_ / "missing").string()), 0u);
}

TEST_F(ArticleReaderTest, MissingPathNamesThePath) {
  RecordingSink sink;
  const std::string path = (dir_ / "no/such/dir").string();
  const Status status = ReadArticles(path, sink);
  EXPECT_EQ(status.code(), StatusCode::kNotFound);
  EXPECT_NE(status.message().find(path), std::string::npos);
}

// Enough JSON Lines for several progress reports.
std::string ManyLines(int count) {
  std::string content;
  for (int i = 0; i < count; ++i) {
    content += "{\"title\":\"article " + std::to_string(i) + "\",\"body\":\"" +
               std::string(200, 'x') + "\"}\n";
  }
  return content;
}

TEST_F(ArticleReaderTest, ProgressCountsRawBytesAboutEveryMegabyte) {
  const std::string plain = WriteFile("big.jsonl", ManyLines(15000));
  const uint64_t size = std::filesystem::file_size(plain);
  ASSERT_GT(size, 3u << 20);
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(plain, sink).ok());
  ASSERT_GE(sink.progress.size(), 3u);
  EXPECT_LE(sink.progress.size(), size / (1 << 20) + 2);
  EXPECT_EQ(sink.progress.back(), size);
  for (size_t i = 1; i < sink.progress.size(); ++i) {
    EXPECT_GT(sink.progress[i], sink.progress[i - 1]);
  }

  const std::string packed = WriteGzipFile("big.jsonl.gz", ManyLines(15000));
  RecordingSink gz_sink;
  ASSERT_TRUE(ReadArticles(packed, gz_sink).ok());
  EXPECT_EQ(gz_sink.articles.size(), 15000u);
  ASSERT_FALSE(gz_sink.progress.empty());
  EXPECT_EQ(gz_sink.progress.back(), std::filesystem::file_size(packed));
}

TEST_F(ArticleReaderTest, DirectoryProgressIsCumulative) {
  WriteFile("d/1.jsonl", ManyLines(6000));
  WriteFile("d/2.jsonl", ManyLines(6000));
  const std::string dir = (dir_ / "d").string();
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(dir, sink).ok());
  ASSERT_FALSE(sink.progress.empty());
  for (size_t i = 1; i < sink.progress.size(); ++i) {
    EXPECT_GT(sink.progress[i], sink.progress[i - 1]);
  }
  EXPECT_EQ(sink.progress.back(), InputSizeBytes(dir));
}

TEST_F(ArticleReaderTest, DashReadsJsonLinesFromStandardInput) {
  const std::string path =
      WriteFile("stdin.jsonl", "{\"title\":\"from stdin\"}\nbad\n");
  const int saved = dup(STDIN_FILENO);
  const int fd = open(path.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(dup2(fd, STDIN_FILENO), STDIN_FILENO);
  close(fd);
  RecordingSink sink;
  const Status status = ReadArticles("-", sink);
  dup2(saved, STDIN_FILENO);
  close(saved);
  ASSERT_TRUE(status.ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].origin, "-:1");
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].origin, "-:2");
}

}  // namespace
}  // namespace chancery
