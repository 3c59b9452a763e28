// The NITF reader: the committed fixture's fields, subjects and places,
// basic-form ISO dates, and what is not NITF.
#include "indexer/readers/nitf_reader.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "indexer/readers/input_format.h"
#include "indexer/readers/test_sink.h"

namespace chancery {
namespace {

using NitfReaderTest = ScratchDirTest;

TEST(NitfFormatTest, DetectedByNameAndContent) {
  EXPECT_EQ(FormatFromFileName("story.nitf"), InputFormat::kNitf);
  EXPECT_EQ(FormatFromContent("<?xml version='1.0'?>\n<!DOCTYPE nitf>\n<nitf>"),
            InputFormat::kNitf);
}

TEST(NitfReaderFixtureTest, FieldsSubjectsAndPlaces) {
  const std::string path = FixturePath("nitf.xml");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  EXPECT_TRUE(sink.rejects.empty());
  EXPECT_TRUE(sink.warnings.empty()) << sink.warnings[0].reason;
  ASSERT_EQ(sink.articles.size(), 1u);
  const Article& a = sink.articles[0];
  EXPECT_EQ(a.id, "CW-2024-0403-117");
  EXPECT_EQ(a.title, "Flooding closes Danube crossings in Budapest");
  EXPECT_EQ(a.dateline, "BUDAPEST, Hungary, April 3");
  EXPECT_EQ(a.author, "Zsófia Horváth");
  EXPECT_EQ(a.source, "Chancery Wire");
  EXPECT_EQ(a.lang, "en");
  EXPECT_EQ(a.date, 1712153700);     // 20240403T141500Z
  EXPECT_EQ(a.origin, path + ":5");  // libxml2: where the start tag ends
  EXPECT_EQ(a.body.substr(0, 27), "Authorities in Budapest clo");
  EXPECT_NE(a.body.find("\n\nMayor"), std::string::npos) << a.body;
  EXPECT_EQ(a.body.find("Reporting by"), std::string::npos);
  EXPECT_EQ(a.countries, (std::vector<std::string>{"HU", "AT"}));
  EXPECT_EQ(a.people, (std::vector<std::string>{"Gábor Kiss"}));
  EXPECT_EQ(a.orgs, (std::vector<std::string>{"European Union"}));
  const nlohmann::json meta = nlohmann::json::parse(a.meta_json);
  ASSERT_EQ(meta["subjects"].size(), 2u);
  EXPECT_EQ(meta["subjects"][0]["code"], "06005000");
  EXPECT_EQ(meta["subjects"][0]["name"],
            "Environmental Issue / natural resources");
  EXPECT_EQ(meta["located"], "BUDAPEST, Hungary");
  EXPECT_EQ(meta["keywords"], nlohmann::json({"floods", "Danube"}));
}

TEST_F(NitfReaderTest, MinimalDocumentAndDateForms) {
  const std::string path =
      WriteFile("a.nitf",
                "<nitf><head><title>Head title</title><docdata>"
                "<date.issue norm=\"20240403T1415+0200\"/></docdata></head>"
                "<body><body.head><byline>By Ann Lee</byline></body.head>"
                "<body.content><p>Text.</p></body.content></body></nitf>");
  RecordingSink sink;
  ASSERT_TRUE(ReadArticles(path, sink).ok());
  ASSERT_EQ(sink.articles.size(), 1u);
  EXPECT_EQ(sink.articles[0].title, "Head title");
  EXPECT_EQ(sink.articles[0].author, "Ann Lee");
  EXPECT_EQ(sink.articles[0].date, 1712146500);  // 12:15Z
  EXPECT_EQ(sink.articles[0].body, "Text.");
}

TEST_F(NitfReaderTest, OtherRootIsAnError) {
  const std::string path = WriteFile("a.nitf", "<news><p>x</p></news>");
  RecordingSink sink;
  const Status status = ReadArticles(path, sink);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("<news>"), std::string::npos);
}

}  // namespace
}  // namespace chancery
