// IndexingPipeline on a real index on disk. The failure tests throw from
// the entity-extraction callback, the pipeline's own injection point (it is
// how chancery-index passes the EntityExtractor in), so no dependency is
// mocked: the worker threads, reorder buffer, IndexWriter and Xapian are
// the real ones.
#include "indexer/indexing_pipeline.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "common/schema.h"

namespace chancery {
namespace {

// More articles than the input queue and the reorder window hold together,
// so a pipeline that stopped reading would block OnArticle for good.
constexpr int kArticles = 3000;

class IndexingPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = (std::filesystem::temp_directory_path() /
           ("chancery-pipeline-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name()))
              .string();
    std::filesystem::remove_all(db_);
    auto writer = ShardedWriter::Open(db_, 1, false, 500);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    writer_ = std::move(writer).value();
    progress_out_ = std::tmpfile();
    progress_ = std::make_unique<ProgressReporter>(progress_out_, false, 0);
  }
  void TearDown() override {
    writer_.reset();
    std::fclose(progress_out_);
    std::filesystem::remove_all(db_);
  }

  // Feeds kArticles articles "a0", "a1"... from "feed.jsonl:LINE" through
  // a pipeline of two analysis threads and returns what Finish says.
  Status Run(ExtractEntitiesFn extract) {
    IndexingPipeline pipeline(*writer_, boilerplate_, std::move(extract),
                              /*threads=*/2, *progress_);
    for (int i = 0; i < kArticles; ++i) {
      Article a;
      a.id = "a" + std::to_string(i);
      a.title = "Article number " + std::to_string(i);
      a.body = "Trade talks resumed in Geneva on day " + std::to_string(i);
      a.lang = "en";
      a.origin = "feed.jsonl:" + std::to_string(i + 1);
      pipeline.OnArticle(std::move(a));
    }
    Status finished = pipeline.Finish();
    read_ = pipeline.stats().read;
    return finished;
  }

  bool Indexed(const std::string& id) {
    return Xapian::Database(db_).term_exists(std::string(schema::kId) + id);
  }

  std::string db_;
  std::unique_ptr<ShardedWriter> writer_;
  BoilerplateFilter boilerplate_;
  std::FILE* progress_out_ = nullptr;
  std::unique_ptr<ProgressReporter> progress_;
  uint64_t read_ = 0;
};

TEST_F(IndexingPipelineTest, WritesEveryArticle) {
  Status s = Run([](const Article&) { return ArticleEntities(); });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(read_, static_cast<uint64_t>(kArticles));
  EXPECT_EQ(Xapian::Database(db_).get_doccount(),
            static_cast<Xapian::doccount>(kArticles));
  EXPECT_TRUE(Indexed("a0"));
  EXPECT_TRUE(Indexed("a" + std::to_string(kArticles - 1)));
}

TEST_F(IndexingPipelineTest, ExceptionOnAnAnalysisThreadStopsTheRun) {
  Status s = Run([](const Article& a) {
    if (a.id == "a700") throw std::runtime_error("gazetteer out of range");
    return ArticleEntities();
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInternal);
  EXPECT_EQ(s.message(),
            "feed.jsonl:701: analysis thread failed: gazetteer out of range");
  // The run stopped: the failed article is not in the index, and articles
  // after the failure were dropped rather than queued behind it.
  writer_.reset();
  EXPECT_FALSE(Indexed("a700"));
  EXPECT_FALSE(Indexed("a" + std::to_string(kArticles - 1)));
  EXPECT_LT(read_, static_cast<uint64_t>(kArticles));
}

TEST_F(IndexingPipelineTest, ExceptionOfAnyTypeIsCaught) {
  Status s = Run([](const Article& a) -> ArticleEntities {
    if (a.id == "a3") throw 42;
    return ArticleEntities();
  });
  EXPECT_EQ(s.code(), StatusCode::kInternal);
  EXPECT_EQ(s.message(),
            "feed.jsonl:4: analysis thread failed: unknown exception");
}

}  // namespace
}  // namespace chancery
