// Story grouping on real indexes on disk, from tests/fixtures/indexer/
// stories.jsonl: one wire story (ecb-wire), two outlets' copies of it
// (another headline, a dateline and credit line, a reworded sentence), its
// "UPDATE 1" with two paragraphs more, and an unrelated story.
#include "indexer/story_grouper.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/schema.h"
#include "indexer/indexing_pipeline.h"
#include "indexer/min_hash.h"
#include "indexer/readers/article_reader.h"
#include "indexer/story_settler.h"

namespace chancery {
namespace {

const std::string kFixture =
    std::string(CHANCERY_SOURCE_DIR) + "/tests/fixtures/indexer/stories.jsonl";

std::vector<std::string> FixtureLines() {
  std::ifstream in(kFixture);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

class StoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = (std::filesystem::temp_directory_path() /
            ("chancery-stories-" + std::to_string(getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name()))
               .string();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = dir_ + "/index";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Indexes `lines` (JSONL) into the index with `shards` shards for a new
  // index.
  void Index(const std::vector<std::string>& lines, int shards = 1) {
    const std::string input = dir_ + "/in.jsonl";
    {
      std::ofstream out(input);
      for (const std::string& l : lines) out << l << "\n";
    }
    auto writer = ShardedWriter::Open(db_, shards, false, 100);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    std::FILE* progress_out = std::tmpfile();
    ProgressReporter progress(progress_out, false, 0);
    BoilerplateFilter boilerplate;
    {
      IndexingPipeline pipeline(
          **writer, boilerplate,
          [](const Article&) { return ArticleEntities(); }, 2, progress);
      ASSERT_TRUE(ReadArticles(input, pipeline).ok());
      Status s = pipeline.Finish();
      ASSERT_TRUE(s.ok()) << s.ToString();
    }
    ASSERT_TRUE((*writer)->Close().ok());
    std::fclose(progress_out);
  }

  // id -> story id, from the index (every shard), checked against the
  // story term.
  std::map<std::string, std::string> Stories() {
    std::map<std::string, std::string> stories;
    std::vector<std::string> paths = {db_};
    if (!std::filesystem::exists(db_ + "/iamglass") &&
        std::filesystem::exists(db_ + "/shard-0")) {
      paths.clear();
      for (int i = 0;
           std::filesystem::exists(db_ + "/shard-" + std::to_string(i)); ++i) {
        paths.push_back(db_ + "/shard-" + std::to_string(i));
      }
    }
    for (const std::string& path : paths) {
      Xapian::Database db(path);
      for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        Xapian::Document doc = db.get_document(*it);
        const std::string id = doc.get_value(schema::kSlotId);
        const std::string story = doc.get_value(schema::kSlotStory);
        // The story's other articles carry its term; the earliest, its id.
        EXPECT_TRUE(story == id ||
                    db.term_exists(std::string(schema::kStory) + story));
        stories[id] = story;
      }
    }
    return stories;
  }

  std::string dir_;
  std::string db_;
};

const std::map<std::string, std::string> kExpected = {
    {"ecb-wire", "ecb-wire"},       {"ecb-herald", "ecb-wire"},
    {"ecb-post", "ecb-wire"},       {"ecb-wire-update1", "ecb-wire"},
    {"rail-strike", "rail-strike"},
};

TEST_F(StoryTest, CopiesAndUpdateAreOneStory) {
  Index(FixtureLines());
  EXPECT_EQ(Stories(), kExpected);
}

TEST_F(StoryTest, StableUnderEveryInputOrder) {
  std::vector<std::string> lines = FixtureLines();
  ASSERT_EQ(lines.size(), 5u);
  std::sort(lines.begin(), lines.end());
  int runs = 0;
  do {
    if (runs++ % 7 != 0) continue;  // 18 of the 120 orders
    std::filesystem::remove_all(db_);
    Index(lines, /*shards=*/2);
    EXPECT_EQ(Stories(), kExpected) << "order starting " << lines[0];
  } while (std::next_permutation(lines.begin(), lines.end()));
}

TEST_F(StoryTest, LaterRunsJoinTheStoryInTheIndex) {
  std::vector<std::string> lines = FixtureLines();
  // The copies and the update first; the original arrives in a later run
  // and, being earliest, names the story: the indexed ones are rewritten.
  Index({lines[1], lines[2], lines[3], lines[4]});
  EXPECT_EQ(Stories().at("ecb-post"), "ecb-herald");
  Index({lines[0]});
  EXPECT_EQ(Stories(), kExpected);
  // A re-run of everything changes nothing.
  Index(lines);
  EXPECT_EQ(Stories(), kExpected);
}

TEST_F(StoryTest, DeletingTheFirstArticleRehomesTheStory) {
  Index(FixtureLines(), /*shards=*/2);
  {
    auto writer = ShardedWriter::Open(db_, 1, false, 100);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    auto deleted = (*writer)->Delete("ecb-wire");
    ASSERT_TRUE(deleted.ok() && *deleted);
    auto rehomed =
        RehomeStories({"ecb-wire"}, kDefaultStorySimilarity, **writer);
    ASSERT_TRUE(rehomed.ok()) << rehomed.status().ToString();
    EXPECT_EQ(*rehomed, 3u);
    ASSERT_TRUE((*writer)->Close().ok());
  }
  // The next earliest names the story now.
  const std::map<std::string, std::string> expected = {
      {"ecb-herald", "ecb-herald"},
      {"ecb-post", "ecb-herald"},
      {"ecb-wire-update1", "ecb-herald"},
      {"rail-strike", "rail-strike"},
  };
  EXPECT_EQ(Stories(), expected);
}

TEST(StoryGrouperTest, DatesFarApartAreSeparateStories) {
  // The same monthly report template a month apart is not one story; the
  // same text a day apart is.
  const auto sketch = ComputeMinHash(
      "The Federal Reserve entered the government securities market to "
      "supply temporary reserves via customer repurchase agreements, a "
      "spokesman for the New York Fed said.");
  ASSERT_TRUE(sketch);
  constexpr int64_t kDay = 86400;
  StoryGrouper grouper(kDefaultStorySimilarity);
  EXPECT_EQ(grouper.Add("march", 100 * kDay, sketch), "march");
  EXPECT_EQ(grouper.Add("april", 131 * kDay, sketch), "april");
  EXPECT_EQ(grouper.Add("march-repeat", 101 * kDay, sketch), "march");
  // An earlier copy arriving later renames the story; Changes says which
  // articles were written with the old name.
  EXPECT_EQ(grouper.Add("march-first", 99 * kDay, sketch), "march-first");
  using Change = std::pair<std::string, std::string>;
  const std::vector<Change> expected = {{"march", "march-first"},
                                        {"march-repeat", "march-first"}};
  EXPECT_EQ(grouper.Changes(), expected);
}

TEST(MinHashTest, EstimatesSimilarityAndRoundTrips) {
  const std::string text =
      "the quick brown fox jumps over the lazy dog while the cat sleeps on "
      "the warm mat by the door of the old house";
  auto a = ComputeMinHash(text);
  auto b = ComputeMinHash("THE QUICK BROWN FOX, " + text.substr(20));
  ASSERT_TRUE(a && b);
  EXPECT_EQ(EstimateJaccard(*a, *a), 1.0);
  EXPECT_GT(EstimateJaccard(*a, *b), 0.6);
  EXPECT_EQ(DecodeMinHash(EncodeMinHash(*a)), a);
  EXPECT_FALSE(DecodeMinHash("short"));
  EXPECT_FALSE(ComputeMinHash("too few words here"));
}

}  // namespace
}  // namespace chancery
