#include <gtest/gtest.h>

#include <string>

#include "indexer/readers/article_reader.h"
#include "indexer/readers/html_text.h"
#include "indexer/readers/test_sink.h"

namespace chancery {
namespace {

TEST(HtmlReaderTest, FixturePageWithBoilerplate) {
  const std::string path = FixturePath("page.html");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_TRUE(sink.warnings.empty());
  const Article& a = sink.articles[0];
  EXPECT_EQ(a.title, "Gipfel in Berlin: Einigung bei Sanktionen");  // og:title
  EXPECT_EQ(a.url, "https://welt.example.de/gipfel-berlin");        // canonical
  EXPECT_EQ(a.lang, "de");
  EXPECT_EQ(a.source, "Weltnachrichten");
  EXPECT_EQ(a.author, "Erika Muster");  // JSON-LD
  EXPECT_EQ(a.date, 1708959661);        // JSON-LD datePublished
  EXPECT_EQ(a.origin, path);
  EXPECT_EQ(a.id.substr(0, 2), "u-");
  EXPECT_EQ(a.body,
            "Gipfel in Berlin\n\n"
            "Die Außenminister haben sich am Montag in Berlin getroffen.\n\n"
            "Sie einigten sich auf neue Sanktionen und weitere Gespräche.\n\n"
            "Ein Kommentar der Redaktion bleibt Inhalt.");
}

using HtmlTest = ScratchDirTest;

TEST_F(HtmlTest, MetaDateBeatsJsonLdBeatsTimeElement) {
  const std::string meta = WriteFile(
      "meta.html",
      "<html><head><meta property=\"article:published_time\" "
      "content=\"2024-02-26T15:01:01Z\"><script type=\"application/ld+json\">"
      "{\"datePublished\":\"2020-01-01\"}</script></head><body><p>x</p>"
      "<time datetime=\"2019-01-01\">old</time></body></html>");
  const std::string time = WriteFile(
      "time.html",
      "<html><body><article><h1>Head</h1><time datetime=\"2024-02-26\">"
      "Monday</time><p>x</p></article></body></html>");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(meta, sink).ok());
  ASSERT_TRUE(ReadArticles(time, sink).ok());
  ASSERT_EQ(sink.articles.size(), 2u);
  EXPECT_EQ(sink.articles[0].date, 1708959661);
  EXPECT_EQ(sink.articles[1].date, 1708905600);
  EXPECT_EQ(sink.articles[1].title, "Head");  // first <h1>, no <title>
}

TEST_F(HtmlTest, TitleElementAndOgUrlAndSingleArticleElement) {
  const std::string path = WriteFile(
      "a.htm",
      "<!doctype html><html><head><title> The  Title </title>"
      "<meta property=\"og:url\" content=\"https://x.example/a\">"
      "<link rel=\"canonical\" href=\"https://x.example/other\"></head>"
      "<body><div class=\"menu\">Home</div><p>Outside the article</p>"
      "<article><p>Inside one.</p><p>Inside two.<br>Same paragraph.</p>"
      "</article></body></html>");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].title, "The Title");
  EXPECT_EQ(sink.articles[0].url, "https://x.example/a");
  // Too short to trust the <article> alone: the whole visible text.
  EXPECT_EQ(sink.articles[0].body,
            "Outside the article\n\nInside one.\n\nInside two.\nSame "
            "paragraph.");
}

TEST_F(HtmlTest, LegacyCharsetIsConverted) {
  const std::string path = WriteFile(
      "latin1.html",
      "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xE9</title></head>"
      "<body><p>Na\xEFve r\xE9sum\xE9</p></body></html>");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].title, "Café");
  EXPECT_EQ(sink.articles[0].body, "Naïve résumé");
}

TEST_F(HtmlTest, EmptyPageIsRejected) {
  const std::string path = WriteFile(
      "empty.html", "<html><body><nav>Only a menu</nav></body></html>");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  EXPECT_TRUE(sink.articles.empty());
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].origin, path);
}

TEST(HtmlTextTest, FragmentsAndPlainText) {
  EXPECT_EQ(HtmlToText("  plain   text\n here "), "plain text here");
  EXPECT_EQ(HtmlToText("Tom &amp; Jerry"), "Tom & Jerry");
  EXPECT_EQ(HtmlToText("<p>a</p><p>b</p><ul><li>c</li><li>d</li></ul>"),
            "a\n\nb\n\nc\n\nd");
  EXPECT_EQ(HtmlToText("x<script>bad()</script>y"), "x y");
  EXPECT_EQ(HtmlToText("<table><tr><td>1</td><td>2</td></tr></table>"), "1 2");
  EXPECT_EQ(HtmlToText("<div id=\"relatedStories\">r</div><p>kept</p>"),
            "kept");
  EXPECT_EQ(HtmlToText("<div class=\"comment-list\">c</div>ok"), "ok");
  EXPECT_EQ(HtmlToText("<p hidden>h</p><p aria-hidden=\"true\">a</p>v"), "v");
}

}  // namespace
}  // namespace chancery
