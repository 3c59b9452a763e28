// chancery-index over the archive formats agencies and crawlers hold: a
// WARC.gz of a crawl, a NewsML-G2 item and an NITF document (the committed
// fixtures), checked in the index on disk: fields, facets, meta.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "common/schema.h"
#include "common/stored_article.h"
#include "tests/testing/command_runner.h"

namespace chancery {
namespace {

using testing::BinaryPath;
using testing::CommandResult;
using testing::MakeTempDir;
using testing::RunCommand;
using testing::SourcePath;

const std::string kWarc = SourcePath("tests/fixtures/readers/crawl.warc.gz");
const std::string kNewsMl = SourcePath("tests/fixtures/readers/newsml-g2.xml");
const std::string kNitf = SourcePath("tests/fixtures/readers/nitf.xml");

CommandResult Index(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {BinaryPath("chancery-index")};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv);
}

// Stored documents by title, with the facet terms of each.
struct IndexedDoc {
  nlohmann::json stored;
  std::vector<std::string> country_terms;
};

std::map<std::string, IndexedDoc> ReadIndex(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::map<std::string, IndexedDoc> docs;
  for (Xapian::PostingIterator it = db.postlist_begin("");
       it != db.postlist_end(""); ++it) {
    const Xapian::Document doc = db.get_document(*it);
    // Document data is read through its decoder (common/stored_article.h),
    // as the search side reads it, then viewed as JSON for the checks.
    StatusOr<StoredArticle> decoded = DecodeStoredArticle(doc.get_data());
    EXPECT_TRUE(decoded.ok()) << decoded.status().ToString();
    const Article& a = decoded->article;
    nlohmann::json stored = {{"id", a.id},
                             {"title", a.title},
                             {"url", a.url},
                             {"source", a.source},
                             {"author", a.author},
                             {"dateline", a.dateline},
                             {"meta", nlohmann::json::parse(a.meta_json)}};
    if (a.date) stored["date"] = FormatIsoDate(*a.date);
    IndexedDoc indexed{std::move(stored), {}};
    const std::string prefix(schema::kCountry);
    for (Xapian::TermIterator t = doc.termlist_begin(); t != doc.termlist_end();
         ++t) {
      if ((*t).rfind(prefix, 0) == 0 && (*t).size() == prefix.size() + 2) {
        indexed.country_terms.push_back((*t).substr(prefix.size()));
      }
    }
    docs[indexed.stored["title"].get<std::string>()] = std::move(indexed);
  }
  return docs;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(ArchiveFormats, WarcNewsMlAndNitfIndexWithTheirFields) {
  const std::string db = MakeTempDir("archives") + "/db";
  CommandResult r = Index({"--db", db, kWarc, kNewsMl, kNitf});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.err.find("3 added"), std::string::npos) << r.err;
  std::map<std::string, IndexedDoc> docs = ReadIndex(db);
  ASSERT_EQ(docs.size(), 3u);

  const IndexedDoc& page = docs["Łódź opens its new tram line"];
  EXPECT_EQ(page.stored["url"],
            "https://news.example.org/2024/04/02/lodz-tram?utm_source=rss");
  EXPECT_EQ(page.stored["date"], "2024-04-02T06:00:00Z");
  EXPECT_EQ(page.stored["source"], "Example News");
  EXPECT_EQ(page.stored["meta"]["capture_date"], "2024-04-02T09:15:31Z");
  EXPECT_EQ(page.stored["meta"]["date_from"], "page");

  const IndexedDoc& item =
      docs["French farmers block Paris ring road over trade deal"];
  EXPECT_EQ(item.stored["id"],
            "urn:newsml:example.org:20240402:chancery-wire-0412");
  EXPECT_EQ(item.stored["dateline"], "PARIS, April 2");
  EXPECT_EQ(item.stored["author"], "By Léa Fontaine");
  EXPECT_EQ(item.stored["date"], "2024-04-02T07:28:00Z");
  EXPECT_EQ(item.stored["meta"]["subjects"][0]["name"], "farming");
  // The located place and the geo subject feed the country facet.
  EXPECT_TRUE(Contains(item.country_terms, "FR")) << item.stored.dump();
  EXPECT_TRUE(Contains(item.country_terms, "BR")) << item.stored.dump();

  const IndexedDoc& story =
      docs["Flooding closes Danube crossings in Budapest"];
  EXPECT_EQ(story.stored["id"], "CW-2024-0403-117");
  EXPECT_EQ(story.stored["dateline"], "BUDAPEST, Hungary, April 3");
  EXPECT_EQ(story.stored["author"], "Zsófia Horváth");
  EXPECT_EQ(story.stored["date"], "2024-04-03T14:15:00Z");
  EXPECT_EQ(story.stored["meta"]["subjects"][1]["name"],
            "Disaster and Accident");
  EXPECT_TRUE(Contains(story.country_terms, "HU")) << story.stored.dump();
  EXPECT_TRUE(Contains(story.country_terms, "AT")) << story.stored.dump();
}

TEST(ArchiveFormats, DamagedWarcRecordIsRejectedByOffsetAndTheRestIndexed) {
  std::string bytes;
  {
    std::ifstream in(kWarc, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  // The fixture's members start at 0, 251 and 594: damage the request.
  ASSERT_EQ(bytes.substr(251, 2), "\x1f\x8b");
  bytes[400] ^= 0x5a;
  const std::string dir = MakeTempDir("archives");
  const std::string warc = dir + "/damaged.warc.gz";
  std::ofstream(warc, std::ios::binary) << bytes;
  CommandResult r = Index({"--db", dir + "/db", warc});
  EXPECT_EQ(r.exit_status, 3) << r.err;
  EXPECT_NE(r.err.find(warc + ":offset 251: damaged gzip member"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(ReadIndex(dir + "/db").size(), 1u);
}

TEST(ArchiveFormats, HelpNamesEveryFormat) {
  CommandResult r = Index({"--help"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  for (const char* format :
       {"JSON Lines", "NDJSON", "JSON arrays", "RSS 2.0", "Atom", "NewsML-G2",
        "NITF", "WARC", "HTML", "plain text", "Markdown", "gzip"}) {
    EXPECT_NE(r.out.find(format), std::string::npos) << format;
  }
}

}  // namespace
}  // namespace chancery
