// ShardedWriter and CompactIndex on real indexes on disk: ids stay in their
// shard across runs, labels are chosen in input order whichever shard an
// article lands in, and compaction keeps documents, values and metadata.
#include "indexer/sharded_writer.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "common/index_layout.h"
#include "common/schema.h"
#include "indexer/index_compactor.h"

namespace chancery {
namespace {

class ShardedWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = (std::filesystem::temp_directory_path() /
            ("chancery-sharded-" + std::to_string(getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name()))
               .string();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  BuiltDocument Build(const std::string& id, const std::string& source) {
    Article a;
    a.id = id;
    a.title = "Harbour " + id;
    a.body = "Ships arrived in the harbour, said " + source + ".";
    a.lang = "en";
    a.source = source;
    a.origin = "test:" + id;
    return builder_.Build(a, ArticleEntities());
  }

  // Writes (id, source) pairs through a writer of `shards` new shards.
  std::unique_ptr<ShardedWriter> Write(
      const std::string& db, int shards,
      const std::vector<std::pair<std::string, std::string>>& docs) {
    auto writer = ShardedWriter::Open(db, shards, /*compact_new=*/false, 10);
    EXPECT_TRUE(writer.ok()) << writer.status().ToString();
    (*writer)->SetOutcomeHandler(
        [this](const std::string&, const StatusOr<WriteOutcome>& outcome) {
          EXPECT_TRUE(outcome.ok()) << outcome.status().ToString();
          ++outcomes_;
        });
    for (const auto& [id, source] : docs) {
      EXPECT_TRUE((*writer)->Submit(Build(id, source)).ok());
    }
    EXPECT_TRUE((*writer)->Flush().ok());
    return std::move(*writer);
  }

  // An id routed to shard `shard` of `shards`.
  static std::string IdIn(uint32_t shard, uint32_t shards, int from) {
    for (int i = from;; ++i) {
      std::string id = "a" + std::to_string(i);
      if (ShardOfId(id, shards) == shard) return id;
    }
  }

  std::string dir_;
  DocumentBuilder builder_;
  std::atomic<int> outcomes_{0};
};

TEST_F(ShardedWriterTest, LabelsAreChosenInInputOrderAcrossShards) {
  // First seen wins among forms of equal worth; here the first article goes
  // to shard 2 and the second to the metadata shard.
  const std::string first = IdIn(2, 3, 0);
  const std::string second = IdIn(0, 3, 0);
  const std::string label_key = std::string(schema::kLabelKey) +
                                std::string(schema::kSource) + "harbour news";
  for (int shards : {1, 3}) {
    const std::string db = dir_ + "/" + std::to_string(shards);
    auto writer =
        Write(db, shards, {{first, "Harbour News"}, {second, "HARBOUR NEWS"}});
    ASSERT_TRUE(writer->Close().ok());
    EXPECT_EQ(writer->DocumentCount(), 2u);
    EXPECT_EQ(IsShardedIndex(db), shards > 1);
    Xapian::Database index(db);  // a stub opens as its shards
    EXPECT_EQ(index.get_doccount(), 2u);
    // searchd reads labels from the first shard that has one.
    auto paths = ShardPaths(db);
    ASSERT_TRUE(paths.ok());
    EXPECT_EQ(Xapian::Database(paths->front()).get_metadata(label_key),
              "Harbour News")
        << shards << " shards";
  }
  EXPECT_EQ(outcomes_, 4);
}

TEST_F(ShardedWriterTest, AnIdStaysInItsShardAcrossRuns) {
  const std::string db = dir_ + "/idx";
  std::vector<std::pair<std::string, std::string>> docs;
  for (int i = 0; i < 60; ++i) docs.emplace_back("a" + std::to_string(i), "X");
  ASSERT_TRUE(Write(db, 4, docs)->Close().ok());
  // A later run: the layout on disk decides, not the shard count asked for.
  auto again = Write(db, 2, {{"a7", "Y"}, {"b1", "Y"}});
  EXPECT_EQ(again->shard_count(), 4);
  EXPECT_FALSE(again->bulk());
  auto deleted = again->Delete("a8");
  ASSERT_TRUE(deleted.ok());
  EXPECT_TRUE(*deleted);
  ASSERT_TRUE(again->Close().ok());
  EXPECT_EQ(again->DocumentCount(), 60u);  // 60 + b1 - a8
  auto paths = ShardPaths(db);
  ASSERT_TRUE(paths.ok());
  ASSERT_EQ(paths->size(), 4u);
  Xapian::doccount total = 0;
  for (size_t s = 0; s < paths->size(); ++s) {
    Xapian::Database shard((*paths)[s]);
    total += shard.get_doccount();
    for (auto t = shard.allterms_begin(std::string(schema::kId));
         t != shard.allterms_end(std::string(schema::kId)); ++t) {
      const std::string id = (*t).substr(schema::kId.size());
      EXPECT_EQ(ShardOfId(id, 4), s) << id;
      EXPECT_EQ(t.get_termfreq(), 1u) << id << " written twice";
    }
  }
  EXPECT_EQ(total, 60u);
}

TEST_F(ShardedWriterTest, CompactionKeepsDocumentsValuesAndMetadata) {
  const std::string db = dir_ + "/idx";
  std::vector<std::pair<std::string, std::string>> docs;
  for (int i = 0; i < 40; ++i) {
    docs.emplace_back("a" + std::to_string(i),
                      i == 3 ? "Le Mondé" : "Le Monde");
  }
  auto writer = Write(db, 3, docs);
  ASSERT_TRUE(writer->SetMetadata(schema::kBoilerplateKey, "table").ok());
  const std::vector<std::string> shards = writer->shard_paths();
  ASSERT_TRUE(writer->Close().ok());
  ASSERT_TRUE(CompactIndex(db, shards).ok());
  // A stub naming the compacted database alone; the shards are gone.
  EXPECT_EQ(ShardPaths(db).value(),
            std::vector<std::string>{db + "/compact-1"});
  EXPECT_FALSE(CompactionPending(db));
  for (const std::string& shard : shards) {
    EXPECT_FALSE(std::filesystem::exists(shard)) << shard;
    EXPECT_FALSE(std::filesystem::exists(shard + ".removing")) << shard;
  }
  Xapian::Database merged(db);
  EXPECT_EQ(merged.get_doccount(), 40u);
  EXPECT_EQ(merged.get_metadata(std::string(schema::kBoilerplateKey)), "table");
  EXPECT_EQ(merged.get_metadata(std::string(schema::kTextFormatKey)),
            schema::kTextFormat);
  EXPECT_FALSE(
      merged.get_metadata(std::string(schema::kLastUpdateKey)).empty());
  // The accented form is the better label, wherever it was written.
  EXPECT_EQ(merged.get_metadata(std::string(schema::kLabelKey) +
                                std::string(schema::kSource) + "le monde"),
            "Le Mondé");
  Xapian::PostingIterator p = merged.postlist_begin("Qa17");
  ASSERT_NE(p, merged.postlist_end("Qa17"));
  Xapian::Document doc = merged.get_document(*p);
  EXPECT_EQ(doc.get_value(schema::kSlotId), "a17");
  EXPECT_FALSE(doc.get_data().empty());
  auto size = MeasureIndex(db);
  ASSERT_TRUE(size.ok());
  EXPECT_GT(size->total, 0u);
  EXPECT_GE(size->value_bytes, 110u);  // at least the ids' bytes
  EXPECT_NE(FormatIndexSize(*size).find("positions"), std::string::npos);
}

TEST_F(ShardedWriterTest, LeftoversOfASwitchAreRemovedAndNothingElse) {
  namespace fs = std::filesystem;
  const std::string db = dir_ + "/idx";
  ASSERT_TRUE(Write(db, 2, {{"a1", "X"}, {"a2", "Y"}})->Close().ok());
  const std::vector<std::string> shards = ShardPaths(db).value();
  // A kill after the switch to compact-2, with the shards, an unnamed
  // compact-1 and compact-3, a half-removed shard and the stub's temporary
  // file still there.
  auto compacted = CompactShards(db, shards);
  ASSERT_TRUE(compacted.ok()) << compacted.status().ToString();
  EXPECT_EQ(*compacted, db + "/compact-1");
  fs::rename(db + "/compact-1", db + "/compact-2");
  ASSERT_TRUE(WriteStub(db, {"compact-2"}, false).ok());
  for (const char* leftover :
       {"compact-1", "compact-3", "shard-7.removing", "shard-x"}) {
    fs::create_directories(db + "/" + leftover);
  }
  std::ofstream(db + "/XAPIANDB.tmp") << "auto shard-0\n";
  std::ofstream(db + "/notes.txt") << "not ours\n";
  auto removed = RemoveIndexLeftovers(db);
  ASSERT_TRUE(removed.ok()) << removed.status().ToString();
  EXPECT_EQ(*removed, 6);  // shard-0, shard-1, compact-1, -3, .removing, tmp
  std::set<std::string> left;
  for (const auto& entry : fs::directory_iterator(db)) {
    left.insert(entry.path().filename().string());
  }
  EXPECT_EQ(left, (std::set<std::string>{"XAPIANDB", "compact-2", "notes.txt",
                                         "shard-x"}));
  // The compacted database is the index, written as a single one.
  auto again = ShardedWriter::Open(db, 4, /*compact_new=*/true, 10);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_FALSE((*again)->bulk());
  EXPECT_EQ((*again)->shard_paths(),
            std::vector<std::string>{db + "/compact-2"});
  EXPECT_EQ((*again)->DocumentCount(), 2u);
  // A compaction after it takes the next number.
  ASSERT_TRUE((*again)->Close().ok());
  compacted = CompactShards(db, {db + "/compact-2"});
  ASSERT_TRUE(compacted.ok()) << compacted.status().ToString();
  EXPECT_EQ(*compacted, db + "/compact-3");
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 2u);
}

TEST_F(ShardedWriterTest, EmptyShardsWithoutAStubAreANewIndex) {
  namespace fs = std::filesystem;
  // A bulk run killed between creating its shards and writing the stub.
  const std::string db = dir_ + "/idx";
  fs::create_directories(db);
  Xapian::WritableDatabase(db + "/shard-0", Xapian::DB_CREATE);
  fs::create_directories(db + "/shard-1");
  auto writer = ShardedWriter::Open(db, 2, /*compact_new=*/true, 10);
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  EXPECT_TRUE((*writer)->bulk());
  EXPECT_TRUE(IsShardedIndex(db));
  EXPECT_TRUE(CompactionPending(db));
  ASSERT_TRUE((*writer)->Close().ok());

  // Shards holding articles are a sharded index that lost its stub: an
  // error naming it, and nothing removed.
  const std::string lost = dir_ + "/lost";
  ASSERT_TRUE(
      Write(lost, 2, {{"a1", "X"}, {"a2", "Y"}, {"a3", "Z"}})->Close().ok());
  fs::remove(fs::path(lost) / kStubFileName);
  auto refused = ShardedWriter::Open(lost, 2, /*compact_new=*/true, 10);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("XAPIANDB"), std::string::npos)
      << refused.status().ToString();
  EXPECT_EQ(Xapian::Database(lost + "/shard-0").get_doccount() +
                Xapian::Database(lost + "/shard-1").get_doccount(),
            3u);
}

TEST_F(ShardedWriterTest, AnIndexOfAnotherTextFormatIsRefused) {
  // As chancery-index wrote before stems-only text: articles, no format.
  const std::string db = dir_ + "/old";
  {
    Xapian::WritableDatabase old(db, Xapian::DB_CREATE);
    Xapian::Document doc;
    doc.add_term("Qa1");
    doc.add_term("Ztalk");
    old.add_document(doc);
    old.commit();
  }
  auto writer = ShardedWriter::Open(db, 1, /*compact_new=*/false, 10);
  ASSERT_FALSE(writer.ok());
  EXPECT_EQ(writer.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(writer.status().param(), "--db");
  EXPECT_NE(writer.status().message().find(db), std::string::npos);
  EXPECT_NE(writer.status().message().find("index the archive again"),
            std::string::npos);
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 1u);  // Left as it was.
}

}  // namespace
}  // namespace chancery
