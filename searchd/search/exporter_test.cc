// Exports and revisions on a real index on disk, with a writer committing
// in the same process meanwhile (as chancery-index would, through the same
// IndexWriter).
#include "searchd/search/exporter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <set>
#include <thread>

#include "common/facets.h"
#include "common/revision_pins.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "searchd/search/searcher.h"
#include "searchd/testing/test_corpus.h"

namespace chancery {
namespace {

using fixtures::TestArticle;

// Articles "<prefix>-0".. with a word every one of them has.
std::vector<TestArticle> Generated(const std::string& prefix, int n) {
  std::vector<TestArticle> out;
  for (int i = 0; i < n; ++i) {
    TestArticle t;
    t.article.id = prefix + "-" + std::to_string(i);
    t.article.title = "Harbour report " + std::to_string(i);
    t.article.body = "The harbour authority counted ships, item " +
                     std::to_string(i) + ", in the morning.";
    t.article.lang = "en";
    t.article.source = "wire";
    t.article.date = fixtures::EpochSeconds(2024, 1 + i % 12, 1 + i % 28);
    out.push_back(std::move(t));
  }
  return out;
}

// Adds batches of new articles and commits each until `stop`, counting the
// commits; IndexWriter::Commit waits on the searcher's pins.
class ConcurrentWriter {
 public:
  explicit ConcurrentWriter(const std::string& dir) {
    thread_ = std::thread([this, dir] {
      auto writer = IndexWriter::Open(dir, 1 << 20);
      ASSERT_TRUE(writer.ok()) << writer.status().ToString();
      DocumentBuilder builder;
      for (int batch = 0; !stop_; ++batch) {
        for (const TestArticle& t :
             Generated("new" + std::to_string(batch), 50)) {
          ASSERT_TRUE(
              (*writer)->Upsert(builder.Build(t.article, t.entities)).ok());
        }
        ASSERT_TRUE((*writer)->Commit().ok());
        ++commits_;
      }
    });
  }
  ~ConcurrentWriter() { Stop(); }
  void Stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  int commits() const { return commits_; }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<int> commits_{0};
  std::thread thread_;
};

class ExporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fixtures::MakeTempDir("exporter");
    ASSERT_TRUE(fixtures::WriteIndex(dir_, Generated("old", kOld)).ok());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<Searcher> Open(int keep_ms, bool pins) {
    SearcherOptions options;
    options.db_paths = {dir_};
    options.reload_interval_ms = 20;
    options.revision_keep_ms = keep_ms;
    options.write_revision_pins = pins;
    auto s = Searcher::Open(options);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(*s) : nullptr;
  }

  // Ids of the export of q=harbour, slowed so that the writer runs; and
  // how it ended.
  static Status ExportIds(const Searcher& searcher, std::set<std::string>& ids,
                          int64_t* total, std::string* revision) {
    ExportRequest request;
    request.search.q = "harbour";
    request.columns = {"id", "title"};
    auto run = StartExport(searcher, request);
    if (!run.ok()) return run.status();
    *total = (*run)->total();
    *revision = (*run)->revision();
    int64_t rows = 0;
    return (*run)->Stream([&](const ExportRow& row) {
      EXPECT_TRUE(ids.insert(row[0].text).second) << row[0].text << " twice";
      if (++rows % 500 == 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(40));
      }
      return true;
    });
  }

  static constexpr int kOld = 10500;
  std::string dir_;
};

TEST_F(ExporterTest, ExportsExactlyThePinnedRevisionWhileAWriterCommits) {
  std::unique_ptr<Searcher> searcher = Open(/*keep_ms=*/1500, /*pins=*/true);
  ASSERT_NE(searcher, nullptr);
  ConcurrentWriter writer(dir_);
  // Let the writer run freely first: it commits once, waits out the pin
  // of the revision the searcher opened at, then commits on (no request
  // pins the newer revisions).
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (writer.commits() < 3 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_GE(writer.commits(), 3);
  std::set<std::string> ids;
  int64_t total = 0;
  std::string revision;
  Status s = ExportIds(*searcher, ids, &total, &revision);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(static_cast<int64_t>(ids.size()), total);
  EXPECT_GT(ids.size(), 10000u);
  // Every old article, and of the new ones exactly those of the revision
  // pinned: a search of that revision afterwards sees the same total.
  for (int i = 0; i < kOld; i += 97) {
    EXPECT_TRUE(ids.count("old-" + std::to_string(i))) << i;
  }
  SearchRequest again;
  again.q = "harbour";
  again.size = 0;
  again.revision = revision;
  auto same = searcher->Search(again);
  ASSERT_TRUE(same.ok()) << same.status().ToString();
  EXPECT_EQ(same->total, total);
  EXPECT_EQ(same->revision, revision);
  // The writer committed meanwhile (one commit past the pinned revision
  // is harmless; it holds back the next change until the pin expires):
  // the newest revision has more.
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  SearchRequest newest = again;
  newest.revision = "";
  auto now = searcher->Search(newest);
  ASSERT_TRUE(now.ok());
  EXPECT_GT(now->total, total);
  EXPECT_NE(now->revision, revision);
  writer.Stop();  // after waiting out the pin
}

TEST_F(ExporterTest, WithoutPinsALostRevisionIsExpiredNeverOtherRows) {
  // The control: a reader whose pins the writer does not see. Xapian
  // destroys the revision after two commits; the export must say so.
  std::unique_ptr<Searcher> searcher = Open(/*keep_ms=*/60000, /*pins=*/false);
  ASSERT_NE(searcher, nullptr);
  ConcurrentWriter writer(dir_);
  std::set<std::string> ids;
  int64_t total = 0;
  std::string revision;
  Status s = ExportIds(*searcher, ids, &total, &revision);
  writer.Stop();
  ASSERT_GE(writer.commits(), 3);
  if (s.ok()) {
    // Not overwritten after all: then the rows are still the revision's.
    EXPECT_EQ(static_cast<int64_t>(ids.size()), total);
  } else {
    EXPECT_EQ(s.code(), StatusCode::kExpired) << s.ToString();
    EXPECT_EQ(s.param(), "revision");
    // And the revision is gone for later requests too.
    SearchRequest again;
    again.q = "harbour";
    again.revision = revision;
    EXPECT_EQ(searcher->Search(again).status().code(), StatusCode::kExpired);
  }
}

TEST_F(ExporterTest, AnOldRevisionAnswersUntilItExpires) {
  // No pins: one commit past a revision leaves it intact anyway, and the
  // writer here runs on this thread (it would wait out the pin).
  std::unique_ptr<Searcher> searcher = Open(/*keep_ms=*/300, /*pins=*/false);
  ASSERT_NE(searcher, nullptr);
  SearchRequest r;
  r.q = "harbour";
  r.size = 1;
  auto first = searcher->Search(r);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->total, kOld);
  ASSERT_TRUE(fixtures::WriteIndex(dir_, Generated("later", 10)).ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  auto second = searcher->Search(r);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->total, kOld + 10);
  EXPECT_NE(second->revision, first->revision);
  // The first revision, while kept: its own total.
  r.revision = first->revision;
  auto old = searcher->Search(r);
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  EXPECT_EQ(old->total, kOld);
  EXPECT_EQ(old->revision, first->revision);
  // After keep_ms: expired, naming the parameter.
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  r.size = 0;
  (void)searcher->Search(SearchRequest{});  // the newest is renewed
  auto gone = searcher->Search(r);
  EXPECT_EQ(gone.status().code(), StatusCode::kExpired);
  EXPECT_EQ(gone.status().param(), "revision");
  r.revision = "0123456789abcdef";
  EXPECT_EQ(searcher->Search(r).status().code(), StatusCode::kExpired);
}

TEST_F(ExporterTest, KeepingNothingStillAnswersTheNewest) {
  std::unique_ptr<Searcher> searcher = Open(/*keep_ms=*/0, /*pins=*/true);
  ASSERT_NE(searcher, nullptr);
  SearchRequest r;
  r.q = "harbour";
  r.size = 1;
  auto first = searcher->Search(r);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  r.revision = first->revision;
  auto again = searcher->Search(r);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(again->total, kOld);
  // No pin file: the writer is never held back.
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    EXPECT_FALSE(entry.path().filename().string().starts_with(kPinFilePrefix));
  }
}

TEST(ExportColumnsTest, ValidatesNames) {
  EXPECT_TRUE(ValidateExportColumns(DefaultExportColumns(), "fields").ok());
  Status unknown = ValidateExportColumns({"id", "nope"}, "fields");
  EXPECT_EQ(unknown.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(unknown.param(), "fields");
  EXPECT_NE(unknown.message().find("nope"), std::string::npos);
  EXPECT_FALSE(ValidateExportColumns({"id", "id"}, "fields").ok());
  EXPECT_FALSE(ValidateExportColumns({}, "fields").ok());
  // Every registry field is a column; the default leaves the body out.
  std::vector<std::string> defaults = DefaultExportColumns();
  for (const schema::FieldSpec& f : schema::kFields) {
    EXPECT_NE(std::find(defaults.begin(), defaults.end(), f.name),
              defaults.end())
        << f.name;
  }
  EXPECT_EQ(std::find(defaults.begin(), defaults.end(), "body"),
            defaults.end());
}

}  // namespace
}  // namespace chancery
