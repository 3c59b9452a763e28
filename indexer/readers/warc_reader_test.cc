// The WARC reader: the committed fixture (warcinfo, request, an HTML
// response in ISO-8859-2), dates from the page or the capture, records
// that are not pages, HTTP codings, and damaged or cut archives.
#include "indexer/readers/warc_reader.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "indexer/readers/input_format.h"
#include "indexer/readers/test_sink.h"

namespace chancery {
namespace {

using WarcReaderTest = ScratchDirTest;

std::string WarcRecord(
    const std::string& type, const std::string& uri, const std::string& block,
    const std::string& content_type = "application/http; msgtype=response") {
  return "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2023-11-05T10:20:30Z\r\nWARC-Record-ID: <urn:uuid:" +
         uri.substr(uri.size() - 1) + ">\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" +
         block + "\r\n\r\n";
}

std::string HttpResponse(
    const std::string& body,
    const std::string& headers = "Content-Type: text/html; charset=utf-8\r\n",
    const std::string& status = "200 OK") {
  return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n" + body;
}

std::string Page(const std::string& title, const std::string& head_extra = "") {
  return "<html><head><title>" + title + "</title>" + head_extra +
         "</head><body><p>" + title +
         " in detail: the story.</p></body></html>";
}

TEST(WarcFormatTest, DetectedByNameAndContent) {
  EXPECT_EQ(FormatFromFileName("CC-NEWS-20240402.warc.gz"), InputFormat::kWarc);
  EXPECT_EQ(FormatFromFileName("a.warc"), InputFormat::kWarc);
  EXPECT_EQ(FormatFromContent("WARC/1.0\r\nWARC-Type: warcinfo"),
            InputFormat::kWarc);
}

TEST(WarcReaderFixtureTest, ResponseIsOneArticleWithTargetUriAndDates) {
  const std::string path = FixturePath("crawl.warc.gz");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  EXPECT_TRUE(sink.rejects.empty()) << sink.rejects[0].reason;
  EXPECT_TRUE(sink.warnings.empty()) << sink.warnings[0].reason;
  ASSERT_EQ(sink.articles.size(), 1u);
  const Article& a = sink.articles[0];
  // The charset came from the HTTP header only: ISO-8859-2, not the
  // windows-1252 guess, which would give "£ód¼".
  EXPECT_EQ(a.title, "Łódź opens its new tram line");
  EXPECT_EQ(a.url,
            "https://news.example.org/2024/04/02/lodz-tram?utm_source=rss");
  EXPECT_EQ(a.source, "Example News");
  EXPECT_EQ(a.lang, "en");
  EXPECT_EQ(a.date, 1712037600);  // 2024-04-02T08:00:00+02:00, the page's
  EXPECT_EQ(a.origin, path + ":offset 594");  // the third gzip member
  EXPECT_NE(a.body.find("Żaneta Wójcik"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("Home"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("HTTP/1.1"), std::string::npos) << a.body;
  const nlohmann::json meta = nlohmann::json::parse(a.meta_json);
  EXPECT_EQ(meta["date_from"], "page");
  EXPECT_EQ(meta["capture_date"], "2024-04-02T09:15:31Z");
  EXPECT_EQ(meta["canonical_url"],
            "https://news.example.org/2024/04/02/lodz-tram");
  EXPECT_EQ(meta["warc_record_id"],
            "<urn:uuid:6f1e2d3c-0000-4000-8000-000000000003>");
}

TEST_F(WarcReaderTest, WithoutAPageDateTheCaptureDateIsUsed) {
  const std::string path = WriteFile(
      "a.warc", WarcRecord("response", "http://www.example.com/a",
                           HttpResponse(Page("Undated story"))) +
                    WarcRecord("response", "http://www.example.com/b",
                               HttpResponse(Page(
                                   "Badly dated story",
                                   "<meta name=\"date\" content=\"soon\">"))));
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 2u);
  for (const Article& a : sink.articles) {
    EXPECT_EQ(a.date, 1699179630);  // 2023-11-05T10:20:30Z
    EXPECT_EQ(a.source, "example.com");
    EXPECT_EQ(nlohmann::json::parse(a.meta_json)["date_from"], "capture");
  }
  EXPECT_EQ(sink.articles[0].origin, path + ":offset 0");
  ASSERT_EQ(sink.warnings.size(), 1u);
  EXPECT_NE(sink.warnings[0].reason.find("\"soon\""), std::string::npos);
}

TEST_F(WarcReaderTest, OnlyHtmlPagesOfSuccessfulResponsesAreArticles) {
  const std::string path = WriteFile(
      "a.warc",
      WarcRecord("request", "http://example.com/1",
                 "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n",
                 "application/http; msgtype=request") +
          WarcRecord(
              "response", "http://example.com/2",
              HttpResponse("User-agent: *\n", "Content-Type: text/plain\r\n")) +
          WarcRecord("response", "http://example.com/3",
                     HttpResponse(Page("Gone"), "Content-Type: text/html\r\n",
                                  "404 Not Found")) +
          WarcRecord("metadata", "http://example.com/4", "fetchTimeMs: 12\r\n",
                     "application/warc-fields") +
          WarcRecord("revisit", "http://example.com/5",
                     HttpResponse("", "Content-Type: text/html\r\n")) +
          WarcRecord("resource", "http://example.com/6", Page("A resource"),
                     "text/html") +
          WarcRecord("response", "http://example.com/7",
                     HttpResponse(Page("No content type"), "")));
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 2u);
  EXPECT_EQ(sink.articles[0].title, "A resource");
  EXPECT_EQ(sink.articles[1].title, "No content type");
  EXPECT_TRUE(sink.rejects.empty());
}

TEST_F(WarcReaderTest, ChunkedAndGzipEncodedBodiesAreDecoded) {
  const std::string page = Page("Encoded story");
  const std::string gzipped = GzipMember(page);
  std::string chunked;
  for (size_t i = 0; i < gzipped.size(); i += 100) {
    const std::string chunk = gzipped.substr(i, 100);
    char size[16];
    std::snprintf(size, sizeof(size), "%zx", chunk.size());
    chunked += std::string(size) + "\r\n" + chunk + "\r\n";
  }
  chunked += "0\r\n\r\n";
  const std::string path = WriteFile(
      "a.warc", WarcRecord("response", "http://example.com/e",
                           HttpResponse(chunked,
                                        "Content-Type: text/html\r\n"
                                        "Transfer-Encoding: chunked\r\n"
                                        "Content-Encoding: gzip\r\n")));
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].title, "Encoded story");
}

TEST_F(WarcReaderTest, DamagedRecordIsRejectedAndTheRestIndexed) {
  const std::string one = GzipMember(WarcRecord(
      "response", "http://example.com/1", HttpResponse(Page("First story"))));
  std::string two = GzipMember(WarcRecord("response", "http://example.com/2",
                                          HttpResponse(Page("Second story"))));
  two[two.size() / 2] ^= 0x55;  // damage in the middle of the record
  const std::string three = GzipMember(WarcRecord(
      "response", "http://example.com/3", HttpResponse(Page("Third story"))));
  const std::string path = WriteFile("a.warc.gz", one + two + three);
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 2u);
  EXPECT_EQ(sink.articles[0].title, "First story");
  EXPECT_EQ(sink.articles[1].title, "Third story");
  EXPECT_EQ(sink.articles[1].origin,
            path + ":offset " + std::to_string(one.size() + two.size()));
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].origin,
            path + ":offset " + std::to_string(one.size()));
  EXPECT_NE(sink.rejects[0].reason.find("damaged gzip member"),
            std::string::npos);
}

TEST_F(WarcReaderTest, DamageAnywhereInAMemberCostsAtMostThatRecord) {
  const std::string one = GzipMember(WarcRecord(
      "response", "http://example.com/1", HttpResponse(Page("First story"))));
  const std::string two = GzipMember(WarcRecord(
      "response", "http://example.com/2", HttpResponse(Page("Second story"))));
  const std::string three = GzipMember(WarcRecord(
      "response", "http://example.com/3", HttpResponse(Page("Third story"))));
  for (size_t i = 0; i < two.size(); ++i) {
    std::string damaged = two;
    damaged[i] ^= 0x55;
    const std::string path = WriteFile("d.warc.gz", one + damaged + three);
    RecordingSink sink;
    ASSERT_TRUE(ReadArticles(path, sink).ok());
    ASSERT_GE(sink.articles.size(), 2u) << "byte " << i;
    EXPECT_EQ(sink.articles.front().title, "First story") << "byte " << i;
    EXPECT_EQ(sink.articles.back().title, "Third story") << "byte " << i;
    EXPECT_EQ(sink.articles.size() + sink.rejects.size(), 3u) << "byte " << i;
  }
}

TEST_F(WarcReaderTest, CutGzipArchiveLosesOnlyTheCutRecord) {
  const std::string one = GzipMember(WarcRecord(
      "response", "http://example.com/1", HttpResponse(Page("First story"))));
  const std::string two = GzipMember(WarcRecord(
      "response", "http://example.com/2", HttpResponse(Page("Second story"))));
  const std::string path =
      WriteFile("c.warc.gz", one + two.substr(0, two.size() - 30));
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].title, "First story");
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].origin,
            path + ":offset " + std::to_string(one.size()));
  EXPECT_NE(sink.rejects[0].reason.find("unexpected end of file"),
            std::string::npos)
      << sink.rejects[0].reason;
}

TEST_F(WarcReaderTest, CutRecordAndJunkAreReported) {
  const std::string good = WarcRecord("response", "http://example.com/1",
                                      HttpResponse(Page("Whole story")));
  const std::string cut = WarcRecord("response", "http://example.com/2",
                                     HttpResponse(Page("Cut story")));
  const std::string path =
      WriteFile("a.warc", "garbage line\r\n" + good +
                              "WARC/1.0\r\n"
                              "WARC-Type: response\r\n\r\n" +
                              cut.substr(0, cut.size() - 40));
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].title, "Whole story");
  EXPECT_EQ(sink.articles[0].origin, path + ":offset 14");
  ASSERT_EQ(sink.warnings.size(), 1u);  // the garbage line
  ASSERT_EQ(sink.rejects.size(), 2u);
  EXPECT_NE(sink.rejects[0].reason.find("Content-Length"), std::string::npos);
  EXPECT_NE(sink.rejects[1].reason.find("cut short"), std::string::npos);
}

}  // namespace
}  // namespace chancery
