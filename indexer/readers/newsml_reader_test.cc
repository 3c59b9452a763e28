// The NewsML-G2 reader: the committed fixture's fields, subjects into the
// entity fields and meta, newsMessage wrappers and what is not NewsML.
#include "indexer/readers/newsml_reader.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "indexer/readers/input_format.h"
#include "indexer/readers/test_sink.h"

namespace chancery {
namespace {

using NewsMlReaderTest = ScratchDirTest;

TEST(NewsMlFormatTest, DetectedByContent) {
  EXPECT_EQ(FormatFromContent("<?xml version='1.0'?>\n<newsItem guid='x'>"),
            InputFormat::kNewsMl);
  EXPECT_EQ(FormatFromContent("<g2:newsMessage xmlns:g2='x'>"),
            InputFormat::kNewsMl);
  EXPECT_EQ(FormatFromFileName("item.xml"), InputFormat::kXml);
}

TEST(NewsMlReaderFixtureTest, FieldsSubjectsAndPlace) {
  const std::string path = FixturePath("newsml-g2.xml");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  EXPECT_TRUE(sink.rejects.empty());
  EXPECT_TRUE(sink.warnings.empty()) << sink.warnings[0].reason;
  ASSERT_EQ(sink.articles.size(), 1u);
  const Article& a = sink.articles[0];
  EXPECT_EQ(a.id, "urn:newsml:example.org:20240402:chancery-wire-0412");
  EXPECT_EQ(a.title, "French farmers block Paris ring road over trade deal");
  EXPECT_EQ(a.dateline, "PARIS, April 2");
  EXPECT_EQ(a.author, "By Léa Fontaine");
  EXPECT_EQ(a.source, "Chancery Wire");
  EXPECT_EQ(a.lang, "en");
  EXPECT_EQ(a.url, "https://wire.example.org/stories/0412");
  EXPECT_EQ(a.date, 1712042880);  // contentCreated 2024-04-02T07:28:00Z
  EXPECT_EQ(a.origin.substr(0, path.size() + 1), path + ":");
  EXPECT_EQ(a.body.substr(0, 25), "Hundreds of farmers drove");
  EXPECT_NE(a.body.find("\n\nAgriculture minister"), std::string::npos)
      << a.body;
  EXPECT_EQ(a.body.find("block Paris ring road</"), std::string::npos);
  EXPECT_EQ(a.countries, (std::vector<std::string>{"BR", "FR"}));
  EXPECT_EQ(a.people, (std::vector<std::string>{"Agnès Moreau"}));
  EXPECT_EQ(a.orgs, (std::vector<std::string>{"World Trade Organization"}));
  const nlohmann::json meta = nlohmann::json::parse(a.meta_json);
  ASSERT_EQ(meta["subjects"].size(), 6u);
  EXPECT_EQ(meta["subjects"][0]["qcode"], "medtop:20000568");
  EXPECT_EQ(meta["subjects"][0]["name"], "farming");
  EXPECT_EQ(meta["located"]["name"], "Paris");
  EXPECT_EQ(meta["keywords"], nlohmann::json({"farm subsidies", "trade"}));
}

TEST_F(NewsMlReaderTest, MessageOfItemsAndLocatedAsDateline) {
  const std::string path = WriteFile("m.xml",
                                     R"(<?xml version="1.0"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
 <header><sent>2024-05-01T10:00:00Z</sent></header>
 <itemSet>
  <newsItem guid="a1"><itemMeta><versionCreated>2024-05-01T09:00:00Z</versionCreated>
   <provider qcode="nprov:CHW"/></itemMeta>
   <contentMeta><located qcode="iso3166-1a2:DE"><name>Germany</name></located>
    <headline>First</headline></contentMeta>
   <contentSet><inlineData contenttype="text/plain">Plain body.</inlineData></contentSet>
  </newsItem>
  <newsItem guid="a2"><contentMeta><headline>Second</headline>
   <description>Only a summary.</description></contentMeta></newsItem>
 </itemSet>
</newsMessage>)");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 2u);
  EXPECT_EQ(sink.articles[0].dateline, "Germany");
  EXPECT_EQ(sink.articles[0].countries, (std::vector<std::string>{"DE"}));
  EXPECT_EQ(sink.articles[0].source, "CHW");
  EXPECT_EQ(sink.articles[0].body, "Plain body.");
  EXPECT_EQ(sink.articles[0].date, 1714554000);
  EXPECT_EQ(sink.articles[0].origin, path + ":5");
  EXPECT_EQ(sink.articles[1].body, "Only a summary.");
}

TEST_F(NewsMlReaderTest, ExternalEntitiesAreNotRead) {
  const std::string secret = WriteFile("secret.txt", "TOPSECRET");
  const std::string path =
      WriteFile("x.newsml",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE newsItem [<!ENTITY s "
                "SYSTEM \"file://" +
                    secret +
                    "\">]>\n"
                    "<newsItem guid=\"x\"><contentMeta><headline>T &s;"
                    "</headline></contentMeta></newsItem>");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].title.find("TOPSECRET"), std::string::npos);
}

TEST_F(NewsMlReaderTest, DocumentWithoutItemsIsAnError) {
  const std::string path = WriteFile("p.newsml", "<packageItem guid=\"p\"/>");
  RecordingSink sink;
  const Status status = ReadArticles(path, sink);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find(path), std::string::npos);
}

}  // namespace
}  // namespace chancery
