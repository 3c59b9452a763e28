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
                "<item><title>Caf&eacute; "
                "talks</title><pubDate>someday</pubDate></item>\n"
                "<item><link>https://x.example/empty</link></item>\n"
                "</channel></rss>");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].origin, path + ":2");
  ASSERT_EQ(sink.rejects.size(), 1u);
  EXPECT_EQ(sink.rejects[0].origin, path + ":3");
  ASSERT_EQ(sink.warnings.size(), 2u);
  EXPECT_NE(sink.warnings[0].reason.find("XML errors, recovered"),
            std::string::npos);
  EXPECT_EQ(sink.warnings[1].reason, "unrecognised date \"someday\"");
}

TEST_F(FeedTest, NonFeedXmlIsAnError) {
  const std::string path =
      WriteFile("doc.xml", "<?xml version=\"1.0\"?><catalog><book/></catalog>");
  RecordingSink sink;
  Status status = ReadArticles(path, sink);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(
      status.message().find(
          "<catalog> is not an RSS (0.90-2.0, RDF) or Atom (0.3, 1.0) feed"),
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
