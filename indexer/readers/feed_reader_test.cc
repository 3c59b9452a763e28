#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "indexer/readers/article_reader.h"
#include "indexer/readers/test_sink.h"

namespace chancery {
namespace {

TEST(FeedReaderTest, Rss2Items) {
  const std::string path = FixturePath("rss2.xml");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  EXPECT_TRUE(sink.rejects.empty());
  EXPECT_TRUE(sink.warnings.empty());
  ASSERT_EQ(sink.articles.size(), 2u);

  const Article& first = sink.articles[0];
  EXPECT_EQ(first.title, "Ministers agree ceasefire talks in Geneva");
  EXPECT_EQ(first.url, "https://news.example.org/2024/02/26/ceasefire-talks");
  EXPECT_EQ(first.id, "fd-2024-0226-001");
  EXPECT_EQ(first.date, 1708959661);
  EXPECT_EQ(first.author, "Jane Correspondent");
  EXPECT_EQ(first.source, "Foreign Desk");
  EXPECT_EQ(first.lang, "en");
  // content:encoded wins over description; its HTML becomes paragraphs and
  // the share bar inside it is dropped.
  EXPECT_EQ(first.body,
            "Foreign ministers met in Geneva on Monday.\n\n"
            "Talks resume & continue on Tuesday.");
  EXPECT_EQ(
      nlohmann::json::parse(first.meta_json),
      nlohmann::json::parse(R"({"categories":["Diplomacy","Middle East"]})"));
  EXPECT_EQ(first.origin, path + ":12");

  const Article& second = sink.articles[1];
  EXPECT_EQ(second.title, "Embassy reopens after two years");
  EXPECT_EQ(second.body, "The embassy in Kyiv reopened on Tuesday.");
  EXPECT_EQ(second.author, "desk@example.org (Sam Reporter)");
  EXPECT_EQ(second.date, 1709026200);
  EXPECT_EQ(second.meta_json, "{}");
  // No guid: the id is derived from the link.
  EXPECT_EQ(second.id.substr(0, 2), "u-");
}

TEST(FeedReaderTest, AtomEntries) {
  const std::string path = FixturePath("atom.xml");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  EXPECT_TRUE(sink.rejects.empty());
  ASSERT_EQ(sink.articles.size(), 2u);

  const Article& first = sink.articles[0];
  EXPECT_EQ(first.title, "Sommet de l'UE & de l'OTAN");
  EXPECT_EQ(first.url, "https://bureau.example.fr/sommet");
  EXPECT_EQ(first.id, "tag:bureau.example.fr,2024:sommet");
  EXPECT_EQ(first.date, 1708959661);  // published beats updated
  EXPECT_EQ(first.author, "Marie Envoyée, Paul Attaché");
  EXPECT_EQ(first.source, "Le Bureau Diplomatique");
  EXPECT_EQ(first.lang, "fr");
  EXPECT_EQ(first.body,
            "Les dirigeants se sont réunis à Bruxelles.\n\n"
            "Deuxième paragraphe.");
  EXPECT_EQ(first.meta_json, R"({"categories":["europe"]})");
  EXPECT_EQ(first.origin, path + ":7");

  const Article& second = sink.articles[1];
  EXPECT_EQ(second.url, "https://bureau.example.fr/envoy");
  EXPECT_EQ(second.lang, "en");
  EXPECT_EQ(second.date, 1708941600);  // only updated
  EXPECT_EQ(second.body,
            "The envoy arrived on Monday.\n\nTalks lasted two days.");
}

using FeedTest = ScratchDirTest;

TEST_F(FeedTest, Rss1RdfItems) {
  const std::string path = WriteFile("rdf.rss",
                                     R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://x.example/"><title>RDF Wire</title></channel>
  <item rdf:about="https://x.example/1">
    <title>One</title><link>https://x.example/1</link>
    <description>Text one</description><dc:date>2024-02-26</dc:date>
  </item>
</rdf:RDF>)");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].title, "One");
  EXPECT_EQ(sink.articles[0].source, "RDF Wire");
  EXPECT_EQ(sink.articles[0].date, 1708905600);
  EXPECT_EQ(sink.articles[0].body, "Text one");
}

TEST_F(FeedTest, RecoverableErrorsWarnOnceAndBadItemsAreRejected) {
  const std::string path =
      WriteFile("broken.xml",
                "<rss><channel><title>W</title>\n"
                "<item><title>Caf&eacute; &bogus;"
                "talks</title><pubDate>someday</pubDate></item>\n"
                "<item><link>https://x.example/empty</link></item>\n"
                "</channel></rss>");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].origin, path + ":2");
  // An undeclared HTML entity is read as HTML would; an unknown one is
  // the recovered error.
  EXPECT_EQ(sink.articles[0].title, "Café talks");
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].origin, path + ":3");
  ASSERT_EQ(sink.warnings.size(), 2u);
  EXPECT_NE(sink.warnings[0].reason.find("XML errors, recovered"),
            std::string::npos);
  EXPECT_EQ(sink.warnings[1].reason, "unrecognised date \"someday\"");
}

// The fixtures in feeds/ are one per format the reader promises.
std::string FeedFixture(const std::string& name) {
  return FixturePath("feeds/" + name);
}

TEST(FeedFormatsTest, Rss090ItemsAreSiblingsOfTheChannel) {
  const std::string path = FeedFixture("rss090.rdf");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  EXPECT_TRUE(sink.warnings.empty());
  ASSERT_EQ(sink.articles.size(), 2u);
  EXPECT_EQ(sink.articles[0].title, "Ferry strike ends after three days");
  EXPECT_EQ(sink.articles[0].url,
            "http://www.harbour-gazette.example/1999/03/ferry.html");
  EXPECT_EQ(sink.articles[0].source, "Harbour Gazette");
  EXPECT_EQ(sink.articles[0].origin, path + ":14");
  // A relative link resolves against the channel's link.
  EXPECT_EQ(sink.articles[1].url,
            "http://www.harbour-gazette.example/1999/03/lighthouse.html");
}

TEST(FeedFormatsTest, Rss091NetscapeWithItsDoctype) {
  const std::string path = FeedFixture("rss091-netscape.rss");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  EXPECT_TRUE(sink.rejects.empty());
  ASSERT_EQ(sink.articles.size(), 2u);
  const Article& first = sink.articles[0];
  EXPECT_EQ(first.title, "Stadtrat beschließt neuen Haushalt");
  EXPECT_EQ(first.url,
            "http://www.valley-courier.example/2000/11/haushalt.html");
  EXPECT_EQ(first.body,
            "Der Stadtrat hat am Montag den Haushalt für 2001 verabschiedet.");
  EXPECT_EQ(first.lang, "de");
  EXPECT_EQ(first.source, "Valley Courier");
  EXPECT_EQ(first.origin, path + ":16");
  // Named entities of the DTD, which is never fetched, are still read.
  EXPECT_EQ(sink.articles[1].title, "Brücke wieder offen");
  EXPECT_EQ(sink.articles[1].body,
            "Die Brücke über den Fluss ist nach der Sanierung wieder "
            "befahrbar.");
  EXPECT_TRUE(sink.warnings.empty());
}

TEST(FeedFormatsTest, Rss091UserlandInLatin1) {
  const std::string path = FeedFixture("rss091-userland.rss");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  const Article& item = sink.articles[0];
  EXPECT_EQ(item.title, "Café servers");
  EXPECT_EQ(item.body,
            "Someone asked about UserLand café servers. Here is the answer.");
  EXPECT_EQ(item.lang, "en");
  EXPECT_EQ(item.url, "http://www.scripting-news.example/1999/07/08.html#cafe");
}

TEST(FeedFormatsTest, Rss092OptionalElementsSourceAndRelativeLink) {
  const std::string path = FeedFixture("rss092.rss");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  EXPECT_TRUE(sink.rejects.empty());
  ASSERT_EQ(sink.articles.size(), 2u);
  const Article& first = sink.articles[0];
  EXPECT_EQ(first.url,
            "http://news.island-radio.example/bulletins/2001/01/harbour.html");
  EXPECT_EQ(first.body,
            "The harbour was closed on Tuesday as gales reached force ten.");
  EXPECT_EQ(first.source, "Met Office Warnings");
  EXPECT_EQ(first.meta_json, R"({"categories":["Weather"]})");
  // A description alone is an item in 0.92.
  EXPECT_EQ(sink.articles[1].title, "");
  EXPECT_EQ(sink.articles[1].body,
            "Ferries to the mainland resume on Wednesday morning.");
  EXPECT_EQ(sink.articles[1].source, "Island Radio News");
}

TEST(FeedFormatsTest, Rss094DatesAndPermalinkGuid) {
  const std::string path = FeedFixture("rss094.xml");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  EXPECT_TRUE(sink.warnings.empty());
  ASSERT_EQ(sink.articles.size(), 2u);
  const Article& first = sink.articles[0];
  EXPECT_EQ(first.date, 1031940300);  // Fri, 13 Sep 2002 14:05:00 -0400
  EXPECT_EQ(first.body,
            "The paper mill reopened on Friday.\n\nIt employs 200 people.");
  // No <link>: the permalink guid is the url.
  EXPECT_EQ(first.url, "https://ledger.example.com/2002/09/13/mill");
  EXPECT_EQ(first.id, "https://ledger.example.com/2002/09/13/mill");
  EXPECT_EQ(first.author, "desk@ledger.example.com (Ann Writer)");
  const Article& second = sink.articles[1];
  EXPECT_EQ(second.date, 1031994000);
  EXPECT_EQ(second.url, "https://ledger.example.com/2002/09/14/port");
  EXPECT_EQ(second.id, "ledger-2002-0914-port");
}

TEST(FeedFormatsTest, Rss10RdfWithDublinCoreAndContentEncoded) {
  const std::string path = FeedFixture("rss10.rdf");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  EXPECT_TRUE(sink.warnings.empty());
  ASSERT_EQ(sink.articles.size(), 2u);
  const Article& first = sink.articles[0];
  EXPECT_EQ(first.title, "Le col du Grand-Saint-Bernard rouvre");
  // content:encoded beats description.
  EXPECT_EQ(first.body,
            "Le col a rouvert lundi après trois jours de fermeture.\n\n"
            "La route reste enneigée.");
  EXPECT_EQ(first.date, 1708928100);  // dc:date 2024-02-26T07:15:00+01:00
  EXPECT_EQ(first.author, "Agence Alpine");
  EXPECT_EQ(first.lang, "fr");  // the channel's dc:language
  EXPECT_EQ(first.source, "Alpine Wire");
  EXPECT_EQ(first.meta_json, R"({"categories":["Transports"]})");
  EXPECT_EQ(first.origin, path + ":20");
  const Article& second = sink.articles[1];
  EXPECT_EQ(second.url, "https://wire.example.net/2024/02/neige");
  EXPECT_EQ(second.date, 1708992000);
  EXPECT_EQ(second.body, "Un mètre de neige est tombé en 24 heures.");
}

TEST(FeedFormatsTest, Rss2WithADefaultNamespace) {
  const std::string path = FeedFixture("rss2-namespaced.xml");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  const Article& item = sink.articles[0];
  EXPECT_EQ(item.title, "Budget vote delayed");
  EXPECT_EQ(item.url, "https://dispatch.example.org/2023/11/budget");
  EXPECT_EQ(item.body, "The vote was moved to Thursday.");
  EXPECT_EQ(item.date, 1700588700);
  EXPECT_EQ(item.author, "Lee Parliamentary");
  EXPECT_EQ(item.source, "Capital Dispatch");
  EXPECT_EQ(item.lang, "en");
  EXPECT_EQ(item.meta_json, R"({"categories":["Parliament"]})");
}

TEST(FeedFormatsTest, Atom03EscapedXmlAndBase64Content) {
  const std::string path = FeedFixture("atom03.xml");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  EXPECT_TRUE(sink.warnings.empty());
  ASSERT_EQ(sink.articles.size(), 3u);
  const Article& escaped = sink.articles[0];
  EXPECT_EQ(escaped.source, "Field Diary & Notes");
  EXPECT_EQ(escaped.url, "http://diary.example.com/2004/05/observers");
  EXPECT_EQ(escaped.id, "tag:diary.example.com,2004:observers");
  EXPECT_EQ(escaped.date, 1083398400);  // issued beats created and modified
  EXPECT_EQ(escaped.author, "Robin Field");
  EXPECT_EQ(escaped.lang, "en");
  EXPECT_EQ(escaped.body,
            "The observers arrived on Saturday.\n\nThey will stay a week.");
  const Article& inline_xml = sink.articles[1];
  EXPECT_EQ(inline_xml.url, "http://diary.example.com/2004/05/polling");
  EXPECT_EQ(inline_xml.date, 1083490200);  // only modified
  EXPECT_EQ(inline_xml.body,
            "Polling stations opened at seven.\n\nQueues were long.");
  const Article& base64 = sink.articles[2];
  EXPECT_EQ(base64.url, "http://diary.example.com/2004/05/base64");
  EXPECT_EQ(base64.date, 1083571200);  // only created
  EXPECT_EQ(base64.body, "Encoded in base64 by an old blogging tool.");
}

TEST(FeedFormatsTest, AtomXmlBaseNestsAndTextStaysText) {
  const std::string path = FeedFixture("atom-xmlbase.atom");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 2u);
  // The entry's xml:base resolves against the feed's, the link against it.
  EXPECT_EQ(sink.articles[0].url,
            "https://blog.example.org/news/2024/03/briefing.html");
  // type="text" is not HTML: "<3" and "&" survive as written.
  EXPECT_EQ(sink.articles[0].body, "Tom & Jerry <3 plain text.");
  EXPECT_EQ(sink.articles[1].url, "https://blog.example.org/about/team.html");
  EXPECT_EQ(sink.articles[1].body, "Summary wins over nothing.");
}

TEST(FeedFormatsTest, CdfItemsInNestedChannelsAnyCase) {
  const std::string path = FeedFixture("channel.cdf");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  EXPECT_TRUE(sink.rejects.empty());
  // The upper-case <?XML ...?> of CDF's time is not XML: recovered, once.
  ASSERT_EQ(sink.warnings.size(), 1u);
  EXPECT_NE(sink.warnings[0].reason.find("XML errors, recovered"),
            std::string::npos);
  // The <USAGE VALUE="NONE"> item (a precached image) is not an article.
  ASSERT_EQ(sink.articles.size(), 2u);
  const Article& first = sink.articles[0];
  EXPECT_EQ(first.title, "Levee repairs finished");
  EXPECT_EQ(first.body,
            "Crews finished the repairs on Thursday, two weeks early.");
  EXPECT_EQ(first.url,
            "http://www.tidewater-times.example/news/1998/11/levee.html");
  EXPECT_EQ(first.date, 910303920);  // LASTMOD 1998-11-05T22:12
  EXPECT_EQ(first.source, "Tidewater Times");
  EXPECT_EQ(first.origin, path + ":8");
  const Article& nested = sink.articles[1];
  EXPECT_EQ(nested.title, "Regatta postponed");
  EXPECT_EQ(nested.url,
            "http://www.tidewater-times.example/sports/regatta.html");
  EXPECT_EQ(nested.date, 910202400);
}

TEST_F(FeedTest, BodyPrefersContentEncodedThenSummaryThenDescription) {
  const std::string path = WriteFile("order.rss", R"(<rss version="2.0"
    xmlns:content="http://purl.org/rss/1.0/modules/content/"
    xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>T</title>
<item><title>a</title><description>D</description><summary>S</summary>
  <content:encoded>C</content:encoded></item>
<item><title>b</title><description>D</description><summary>S</summary></item>
<item><title>c</title><description>D</description></item>
</channel></rss>)");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 3u);
  EXPECT_EQ(sink.articles[0].body, "C");
  EXPECT_EQ(sink.articles[1].body, "S");
  EXPECT_EQ(sink.articles[2].body, "D");
}

TEST_F(FeedTest, RelativeLinkWithNothingToResolveItIsDroppedWithAWarning) {
  const std::string path =
      WriteFile("relative.rss",
                "<rss version=\"0.91\"><channel>\n"
                "<title>No link</title>\n"
                "<item><title>A</title><link>/a.html</link>"
                "</item></channel></rss>");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].url, "");
  ASSERT_EQ(sink.warnings.size(), 1u);
  EXPECT_EQ(sink.warnings[0].origin, path + ":3");
  EXPECT_NE(sink.warnings[0].reason.find("relative link \"/a.html\""),
            std::string::npos);
}

TEST_F(FeedTest, BadBase64IsAWarningAndTheSummaryIsUsed) {
  const std::string path = WriteFile(
      "b64.atom",
      "<feed xmlns=\"http://purl.org/atom/ns#\" version=\"0.3\">"
      "<entry><title>t</title><summary>Fallback</summary>"
      "<content mode=\"base64\">*** not base64 ***</content></entry></feed>");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].body, "Fallback");
  ASSERT_EQ(sink.warnings.size(), 1u);
  EXPECT_EQ(sink.warnings[0].reason, "<content> is not valid base64; skipped");
}

TEST_F(FeedTest, RssWithoutChannelNamesWhatIsMissing) {
  const std::string path = WriteFile("nochannel.rss", "<rss><item/></rss>");
  RecordingSink sink;
  Status status = ReadArticles(path, sink);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), path + ": RSS root <rss> has no <channel>");
}

TEST_F(FeedTest, NonFeedXmlIsAnError) {
  const std::string path =
      WriteFile("doc.xml", "<?xml version=\"1.0\"?><catalog><book/></catalog>");
  RecordingSink sink;
  Status status = ReadArticles(path, sink);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("<catalog> is not an RSS (0.90-2.0, RDF), "
                                  "Atom (0.3, 1.0) or CDF feed"),
            std::string::npos);
}

TEST_F(FeedTest, NotXmlAtAllIsAnError) {
  const std::string path = WriteFile("junk.rss", "");
  RecordingSink sink;
  Status status = ReadArticles(path, sink);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find(path), std::string::npos);
}

TEST_F(FeedTest, ExternalEntitiesAreNotLoaded) {
  const std::string secret = WriteFile("secret.txt", "TOPSECRET");
  const std::string path = WriteFile(
      "xxe.xml",
      "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM \"file://" +
          secret +
          "\">]>\n<rss><channel><item><title>A &x; B</title>"
          "</item></channel></rss>");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].title.find("TOPSECRET"), std::string::npos);
}

}  // namespace
}  // namespace chancery
