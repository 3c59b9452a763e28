#include "indexer/readers/html_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

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

TEST_F(HtmlTest, TitleElementAndCanonicalUrlAndSingleArticleElement) {
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
  EXPECT_EQ(sink.articles[0].url, "https://x.example/other");  // canonical
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

// The article one inline page makes, with the date text it gives.
Article FromHtml(const std::string& html, std::string* date_text,
                 std::string_view page_url = {}) {
  return ArticleFromHtml(html, "", date_text, page_url);
}

constexpr char kBody[] =
    "<p>The ministers met on Monday and agreed on new sanctions after a "
    "long night of talks in the capital.</p>";

TEST(HtmlMetadataTest, TitleSources) {
  std::string date;
  EXPECT_EQ(FromHtml("<head><meta name=\"twitter:title\" content=\"Tw\">"
                     "<title>T | Site</title></head><p>x</p>",
                     &date)
                .title,
            "Tw");
  // " - Site" is cut only when it names og:site_name.
  EXPECT_EQ(FromHtml("<head><meta property=\"og:site_name\" content=\"Daily\">"
                     "<title>Vote - Results - Daily</title></head><p>x</p>",
                     &date)
                .title,
            "Vote - Results");
  EXPECT_EQ(FromHtml("<title>Left - Right</title><p>x</p>", &date).title,
            "Left - Right");
  EXPECT_EQ(FromHtml("<script type=\"application/ld+json\">{\"headline\":"
                     "\"From LD\"}</script><h1>H1</h1><p>x</p>",
                     &date)
                .title,
            "From LD");
}

TEST(HtmlMetadataTest, MetaDateNames) {
  for (const char* name :
       {"og:published_time", "date", "DC.date", "parsely-pub-date"}) {
    std::string date;
    FromHtml(std::string("<meta name=\"") + name +
                 "\" content=\"2024-03-03\">" + kBody,
             &date);
    EXPECT_EQ(date, "2024-03-03") << name;
  }
}

TEST(HtmlMetadataTest, TimeInArticleOrBylineBeatsTimeInComment) {
  std::string date;
  FromHtml(std::string("<div class=\"comments\"><time datetime=\"2020-01-01\">"
                       "</time></div><p class=\"byline\">By Ann <time "
                       "datetime=\"2024-03-03\">3 March</time></p>") +
               kBody,
           &date);
  EXPECT_EQ(date, "2024-03-03");
  FromHtml(std::string("<aside><time datetime=\"2020-01-01\"></time></aside>"
                       "<main><time datetime=\"2019-01-01\"></time></main>"
                       "<article><time datetime=\"2024-03-04\"></time>") +
               kBody + "</article>",
           &date);
  EXPECT_EQ(date, "2024-03-04");
}

TEST(HtmlMetadataTest, VisibleDateline) {
  std::string date;
  FromHtml(std::string("<h1>Head</h1><div class=\"meta\">Published 3 March "
                       "2024</div>") +
               kBody,
           &date);
  EXPECT_EQ(date, "3 March 2024");
  FromHtml(std::string("<h1>Head</h1><p>March 3, 2024</p>") + kBody, &date);
  EXPECT_EQ(date, "March 3, 2024");
  // Markup wins over prose.
  FromHtml(std::string("<meta name=\"date\" content=\"2024-01-01\">"
                       "<p>March 3, 2024</p>") +
               kBody,
           &date);
  EXPECT_EQ(date, "2024-01-01");
  FromHtml(kBody, &date);
  EXPECT_EQ(date, "");
}

TEST(HtmlMetadataTest, AuthorSources) {
  std::string date;
  EXPECT_EQ(FromHtml(std::string("<meta name=\"author\" content=\"Meta A\">"
                                 "<meta property=\"article:author\" "
                                 "content=\"Art A\">") +
                         kBody,
                     &date)
                .author,
            "Meta A");
  // A profile URL is not a name.
  EXPECT_EQ(FromHtml(std::string("<meta property=\"article:author\" "
                                 "content=\"https://fb.example/ann\">"
                                 "<meta property=\"article:author\" "
                                 "content=\"Art A\">") +
                         kBody,
                     &date)
                .author,
            "Art A");
  EXPECT_EQ(FromHtml(std::string("<script type=\"application/ld+json\">"
                                 "{\"headline\":\"h\",\"author\":{\"@type\":"
                                 "\"Person\",\"name\":\"Obj A\"}}</script>") +
                         kBody,
                     &date)
                .author,
            "Obj A");
  EXPECT_EQ(
      FromHtml(std::string("<script type=\"application/ld+json\">{\"headline\":"
                           "\"h\",\"author\":[{\"name\":\"A1\"},\"A2\"]}"
                           "</script>") +
                   kBody,
               &date)
          .author,
      "A1, A2");
  EXPECT_EQ(FromHtml(std::string("<div class=\"comment\"><a rel=\"author\">"
                                 "Troll</a></div><p>By <a rel=\"author\" "
                                 "href=\"/ann\">Ann Lee</a></p>") +
                         kBody,
                     &date)
                .author,
            "Ann Lee");
  EXPECT_EQ(FromHtml(std::string("<header><div class=\"article-byline\">By "
                                 "Bo Chen | <time>3 March 2024</time></div>"
                                 "</header>") +
                         kBody,
                     &date)
                .author,
            "Bo Chen");
}

TEST(HtmlMetadataTest, LanguageSources) {
  std::string date;
  EXPECT_EQ(FromHtml(std::string("<html lang=\"de-AT\"><meta property="
                                 "\"og:locale\" content=\"fr_FR\">") +
                         kBody,
                     &date)
                .lang,
            "de-AT");  // DeliverArticle normalises
  EXPECT_EQ(FromHtml(std::string("<meta http-equiv=\"Content-Language\" "
                                 "content=\"es, en\"><meta property="
                                 "\"og:locale\" content=\"fr_FR\">") +
                         kBody,
                     &date)
                .lang,
            "es");
  EXPECT_EQ(FromHtml(std::string("<meta property=\"og:locale\" "
                                 "content=\"fr_FR\">") +
                         kBody,
                     &date)
                .lang,
            "fr_FR");
}

TEST(HtmlMetadataTest, CanonicalUrlResolved) {
  std::string date;
  const std::string relative =
      std::string("<link rel=\"canonical\" href=\"/world/story\">") + kBody;
  EXPECT_EQ(FromHtml(relative, &date, "https://news.example/amp/story?x=1").url,
            "https://news.example/world/story");
  // Without the page URL og:url is the base.
  EXPECT_EQ(FromHtml("<meta property=\"og:url\" content=\"https://news."
                     "example/amp/s\">" +
                         relative,
                     &date)
                .url,
            "https://news.example/world/story");
  // Unresolvable: dropped, not stored relative.
  EXPECT_EQ(FromHtml(relative, &date).url, "");
  EXPECT_EQ(FromHtml(std::string("<meta property=\"og:url\" content=\"//"
                                 "news.example/o\">") +
                         kBody,
                     &date, "http://news.example/p")
                .url,
            "http://news.example/o");
}

TEST_F(HtmlTest, LanguageIsNormalisedOnDelivery) {
  const std::string path = WriteFile(
      "lang.html", std::string("<meta http-equiv=\"content-language\" "
                               "content=\"pt-BR\">") +
                       kBody);
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].lang, "pt");
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
