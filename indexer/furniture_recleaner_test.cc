// Boilerplate filtering end to end: the IndexingPipeline (which re-cleans
// at Finish) writing a real index on disk, searched through its terms.
#include "indexer/furniture_recleaner.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "common/schema.h"
#include "common/stored_article.h"
#include "common/text_analyzer.h"
#include "common/xapian_text.h"
#include "indexer/indexing_pipeline.h"

namespace chancery {
namespace {

Article Make(std::string id, std::string source, std::string body) {
  Article a;
  a.id = std::move(id);
  a.source = std::move(source);
  a.title = "Harbour news";
  a.body = std::move(body);
  a.lang = "en";
  a.origin = "test:" + a.id;
  return a;
}

class FurnitureIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = (std::filesystem::temp_directory_path() /
             ("chancery-furniture-" + std::to_string(getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name()))
                .string();
    std::filesystem::remove_all(base_);
    std::filesystem::create_directories(base_);
    progress_out_ = std::tmpfile();
  }
  void TearDown() override {
    std::fclose(progress_out_);
    std::filesystem::remove_all(base_);
  }

  // Indexes `articles` in order into index `name` (created or continued),
  // as chancery-index does: the stored table first, then the pipeline.
  IndexingStats Index(const std::string& name,
                      const std::vector<Article>& articles) {
    auto writer = ShardedWriter::Open(base_ + "/" + name, 1, false, 100);
    EXPECT_TRUE(writer.ok()) << writer.status().ToString();
    auto filter = BoilerplateFilter::Load(std::string(CHANCERY_SOURCE_DIR) +
                                          "/config/boilerplate.tsv");
    EXPECT_TRUE(filter.ok());
    auto table = (*writer)->Metadata(schema::kBoilerplateKey);
    EXPECT_TRUE(table.ok());
    EXPECT_TRUE(filter->Merge(*table).ok());
    ProgressReporter progress(progress_out_, false, 0);
    IndexingPipeline pipeline(
        **writer, *filter, [](const Article&) { return ArticleEntities(); },
        /*threads=*/2, progress);
    for (Article a : articles) pipeline.OnArticle(std::move(a));
    Status s = pipeline.Finish();
    EXPECT_TRUE(s.ok()) << s.ToString();
    return pipeline.stats();
  }

  Xapian::Database Db(const std::string& name) {
    return Xapian::Database(base_ + "/" + name);
  }

  // Ids of the documents with every word of `words` (folded as queries are).
  std::set<std::string> Find(const std::string& name,
                             const std::string& words) {
    Xapian::Database db = Db(name);
    Xapian::QueryParser parser;
    parser.set_database(db);
    parser.set_default_op(Xapian::Query::OP_AND);
    SetQueryLanguage("en", parser);  // The fixtures are English.
    Xapian::Enquire enquire(db);
    enquire.set_query(parser.parse_query(FoldQuery(words)));
    std::set<std::string> ids;
    for (const Xapian::Document& doc : Documents(db, enquire)) {
      auto stored = DecodeStoredArticle(doc.get_data());
      ids.insert(stored->article.id);
    }
    return ids;
  }

  static std::vector<Xapian::Document> Documents(const Xapian::Database& db,
                                                 Xapian::Enquire& enquire) {
    std::vector<Xapian::Document> docs;
    Xapian::MSet m = enquire.get_mset(0, db.get_doccount());
    for (auto it = m.begin(); it != m.end(); ++it) {
      docs.push_back(it.get_document());
    }
    return docs;
  }

  // Every document's id -> its unprefixed (searchable) terms.
  std::map<std::string, std::vector<std::string>> Texts(
      const std::string& name) {
    Xapian::Database db = Db(name);
    std::map<std::string, std::vector<std::string>> out;
    for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
      Xapian::Document doc = db.get_document(*d);
      std::vector<std::string> terms;
      for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        if (!(*t).empty() && std::islower(static_cast<unsigned char>((*t)[0])))
          terms.push_back(*t);
      }
      out[DecodeStoredArticle(doc.get_data())->article.id] = terms;
    }
    return out;
  }

  std::string base_;
  std::FILE* progress_out_ = nullptr;
};

TEST_F(FurnitureIndexTest, ThirdOfThreeOneSentenceBodiesIsFindable) {
  const std::string body = "Dredging of the harbour resumed on Monday.";
  Index("three", {Make("h1", "harbour", body), Make("h2", "harbour", body),
                  Make("h3", "harbour", body)});
  EXPECT_EQ(Find("three", "dredging resumed"),
            (std::set<std::string>{"h1", "h2", "h3"}));
  Index("alone", {Make("h3", "harbour", body)});
  EXPECT_EQ(Texts("three")["h3"], Texts("alone")["h3"]);
}

TEST_F(FurnitureIndexTest, SingleNewlineFurnitureLeavesTextButNotTheStore) {
  std::vector<Article> items;
  for (int i = 0; i < 30; ++i) {
    items.push_back(Make("d" + std::to_string(i), "port",
                         "Item " + std::to_string(i) +
                             " about dredging.\nFollow our X channel for more "
                             "news"));
  }
  IndexingStats stats = Index("port", items);
  EXPECT_EQ(Find("port", "dredging").size(), 30u);
  EXPECT_TRUE(Find("port", "channel").empty());
  EXPECT_TRUE(Find("port", "follow").empty());
  // The articles read before the line was learned were rewritten at the end.
  EXPECT_EQ(stats.recleaned, BoilerplateFilter::kMinArticles - 1);
  Xapian::Database db = Db("port");
  Xapian::Document first =
      db.get_document(*db.postlist_begin(std::string(schema::kId) + "d0"));
  auto stored = DecodeStoredArticle(first.get_data());
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->article.body,
            "Item 0 about dredging.\nFollow our X channel for more news");
  EXPECT_EQ(SearchableBody(stored->article), "Item 0 about dredging.\n");
}

// Same texts five times over, with new ids: every one-line article is found
// by its own words in every copy, and the two-line ones keep their content.
TEST_F(FurnitureIndexTest, ReplicatedCorpusKeepsEveryOneLineArticle) {
  std::vector<Article> corpus;
  for (int copy = 0; copy < 5; ++copy) {
    for (int i = 0; i < 12; ++i) {
      const std::string id = std::to_string(copy) + "-" + std::to_string(i);
      corpus.push_back(
          Make("one" + id, "wire",
               "Ship number" + std::to_string(i) + " reached the harbour."));
      corpus.push_back(Make("two" + id, "wire",
                            "Crane number" + std::to_string(i) +
                                " was repaired.\n\nRead more on our site"));
    }
  }
  Index("replicated", corpus);
  for (int i = 0; i < 12; ++i) {
    std::set<std::string> expected;
    for (int copy = 0; copy < 5; ++copy)
      expected.insert("one" + std::to_string(copy) + "-" + std::to_string(i));
    EXPECT_EQ(Find("replicated", "ship number" + std::to_string(i)), expected)
        << i;
    EXPECT_EQ(Find("replicated", "crane number" + std::to_string(i)).size(),
              5u);
  }
}

TEST_F(FurnitureIndexTest, IndexedTextDoesNotDependOnInputOrder) {
  std::vector<Article> corpus;
  for (int i = 0; i < 90; ++i) {
    std::string body = "Report " + std::to_string(i) + " on shipping.";
    if (i % 2 == 0) body += "\nFollow our channel";
    if (i % 7 == 0) body += "\n\nAll about the topic:\n\nPorts";
    if (i % 19 == 0) body += "\nA rare line";
    corpus.push_back(Make("r" + std::to_string(i), i % 4 ? "a" : "b", body));
  }
  Index("in-order", corpus);
  const auto expected = Texts("in-order");
  EXPECT_TRUE(Find("in-order", "follow channel").empty());
  EXPECT_EQ(Find("in-order", "rare").size(), 5u);
  std::mt19937 random(7);
  for (int round = 0; round < 3; ++round) {
    std::vector<Article> shuffled = corpus;
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    const std::string name = "shuffled" + std::to_string(round);
    Index(name, shuffled);
    EXPECT_EQ(Texts(name), expected) << "round " << round;
  }
}

TEST_F(FurnitureIndexTest, LaterRunAppliesTheStoredDecisions) {
  std::vector<Article> first;
  for (int i = 0; i < 20; ++i) {
    first.push_back(Make(
        "f" + std::to_string(i), "port",
        "Story " + std::to_string(i) + ".\n\nGet our app for breaking news"));
  }
  Index("db", first);
  // A second run with one new article: too few to learn from, but the
  // index remembers.
  IndexingStats second =
      Index("db", {Make("new", "port",
                        "A new story.\n\nGet our app for breaking "
                        "news")});
  EXPECT_EQ(second.added, 1u);
  EXPECT_TRUE(Find("db", "app breaking").empty());
  EXPECT_EQ(Find("db", "new story"), (std::set<std::string>{"new"}));
  // The first input again: nothing changes, nothing is counted twice.
  IndexingStats again = Index("db", first);
  EXPECT_EQ(again.unchanged, first.size());
  EXPECT_EQ(again.recleaned, 0u);
}

// Enough new articles in a later run can undo a decision: the earlier
// documents get their line back.
TEST_F(FurnitureIndexTest, LaterRunCanUndoADecision) {
  std::vector<Article> first;
  for (int i = 0; i < 6; ++i) {
    first.push_back(Make("f" + std::to_string(i), "port",
                         "Story " + std::to_string(i) + ".\n\nWeather calm"));
  }
  Index("db", first);
  EXPECT_TRUE(Find("db", "weather calm").empty());
  std::vector<Article> more;
  for (int i = 0; i < 200; ++i) {
    more.push_back(Make("m" + std::to_string(i), "port",
                        "Other story " + std::to_string(i) + "."));
  }
  IndexingStats second = Index("db", more);
  EXPECT_EQ(second.recleaned, 6u);
  EXPECT_EQ(Find("db", "weather calm").size(), 6u);
}

}  // namespace
}  // namespace chancery
