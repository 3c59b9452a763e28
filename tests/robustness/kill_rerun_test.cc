// chancery-index killed with SIGKILL at random points while chancery-searchd
// serves the same index: after every kill the index opens at a commit,
// searchd only ever sees whole batches, and re-running completes the index
// to exactly what an uninterrupted run makes. And killed at each step of
// the compaction that ends a bulk run (indexer/index_compactor.h): the
// index opens whole after every kill, as shards or compacted, and a re-run
// under a serving searchd finishes the compaction.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <xapian.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "common/index_layout.h"
#include "tests/robustness/robustness_util.h"
#include "tests/searchd/server_process.h"
#include "tests/testing/command_runner.h"

namespace chancery {
namespace {

using robustness::IndexContents;
using robustness::ReadIndexContents;
using robustness::RunIndexer;
using testing::BackgroundCommand;
using testing::BinaryPath;
using testing::MakeTempDir;
using testing::RunCommand;

constexpr int kArticles = 5000;
constexpr int kBatch = 125;  // --batch-size: articles per commit
constexpr int kKills = 5;

// What searchd answered for the total of everything, polled until stopped.
struct TotalsSeen {
  std::vector<int64_t> totals;
  std::vector<std::string> bad_answers;
};

void PollTotals(int port, const std::atomic<bool>& stop, TotalsSeen& seen) {
  httplib::Client client("127.0.0.1", port);
  while (!stop) {
    auto res = client.Get("/api/search?q=&size=0&facets=");
    if (!res || res->status != 200) {
      seen.bad_answers.push_back(
          res ? std::to_string(res->status) + " " + res->body
              : "no answer: " + httplib::to_string(res.error()));
    } else {
      nlohmann::json j = nlohmann::json::parse(res->body, nullptr, false);
      if (!j.is_object() || !j["total"].is_number_integer()) {
        seen.bad_answers.push_back("not a search answer: " + res->body);
      } else {
        seen.totals.push_back(j["total"].get<int64_t>());
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(3));
  }
}

// chancery-searchd serving `db` (looking for updates every 50 ms), its
// total of everything polled by a thread of its own until Stop.
class PolledSearchd {
 public:
  explicit PolledSearchd(const std::string& db)
      : searchd_(
            {"--db", db, "--reload-interval-ms", "50", "--no-access-log"}) {
    if (searchd_.ok()) {
      poller_ = std::thread(PollTotals, searchd_.port(), std::cref(stop_),
                            std::ref(seen_));
    }
  }
  ~PolledSearchd() { Stop(); }

  bool ok() const { return searchd_.ok(); }
  std::string StderrText() const { return searchd_.StderrText(); }
  // Stops polling (waiting first for `settle_ms`, for searchd to see the
  // last revision) and returns what searchd answered, checking that every
  // answer was a search answer.
  const TotalsSeen& Stop(int settle_ms = 0) {
    if (poller_.joinable()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(settle_ms));
      stop_ = true;
      poller_.join();
      EXPECT_TRUE(seen_.bad_answers.empty())
          << seen_.bad_answers.size()
          << " bad answers, first: " << seen_.bad_answers.front();
      EXPECT_FALSE(seen_.totals.empty());
    }
    return seen_;
  }

 private:
  ServerProcess searchd_;
  std::atomic<bool> stop_{false};
  TotalsSeen seen_;
  std::thread poller_;
};

Xapian::doccount CountOrZero(const std::string& db) {
  try {
    return Xapian::Database(db).get_doccount();
  } catch (const Xapian::Error&) {
    return 0;
  }
}

TEST(KillRerun, SigkillsWhileSearchdServesLoseNothing) {
  const std::string dir = MakeTempDir("kill");
  const std::string input = dir + "/articles.jsonl";
  const std::string reference = dir + "/reference", db = dir + "/db";
  robustness::WriteArticles(input, "k", kArticles);
  const std::vector<std::string> index_args = {
      "--batch-size", std::to_string(kBatch), "--entities", "rules", input};

  // The uninterrupted run the killed ones must end up equal to.
  std::vector<std::string> args = {"--db", reference};
  args.insert(args.end(), index_args.begin(), index_args.end());
  testing::CommandResult whole = RunIndexer(args);
  ASSERT_EQ(whole.exit_status, 0) << whole.err;
  const IndexContents expected = ReadIndexContents(reference);
  ASSERT_EQ(expected.documents, static_cast<uint64_t>(kArticles));

  // An empty index for searchd to open before the first run.
  ASSERT_EQ(RunIndexer({"--db", db, "--delete", "none"}).exit_status, 0);
  PolledSearchd searchd(db);
  ASSERT_TRUE(searchd.ok()) << searchd.StderrText();

  std::mt19937 random(20261203);
  args = {BinaryPath("chancery-index"), "--db", db};
  args.insert(args.end(), index_args.begin(), index_args.end());
  Xapian::doccount before = 0;
  int kills = 0;
  for (int attempt = 0; attempt < 2 * kKills && kills < kKills; ++attempt) {
    // Kill once 1 to 3 more batches are visible, plus up to 40 ms: inside
    // the analysis of a batch, or inside its commit.
    const Xapian::doccount target =
        before + kBatch * std::uniform_int_distribution<int>(1, 3)(random);
    BackgroundCommand run(args);
    ASSERT_TRUE(run.started());
    while (run.Running() && CountOrZero(db) < target) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(
        std::uniform_int_distribution<int>(0, 40)(random)));
    const bool killed = run.Running();
    run.Signal(SIGKILL);
    testing::CommandResult r = run.Wait();
    if (killed) {
      ++kills;
      EXPECT_EQ(r.exit_status, 128 + SIGKILL);
    }
    IndexContents now;
    ASSERT_NO_THROW(now = ReadIndexContents(db)) << "index does not open";
    EXPECT_EQ(now.documents % kBatch, 0u)
        << "not at a commit: " << now.documents;
    EXPECT_GE(now.documents, before);
    before = static_cast<Xapian::doccount>(now.documents);
    if (!killed) break;  // it finished first; nothing left to interrupt
  }
  EXPECT_EQ(kills, kKills) << "runs ended before they could be killed";
  EXPECT_LT(before, static_cast<Xapian::doccount>(kArticles));

  testing::CommandResult rerun =
      RunIndexer(std::vector<std::string>(args.begin() + 1, args.end()));
  EXPECT_EQ(rerun.exit_status, 0) << rerun.err;
  // Let searchd see the last revision before the poller stops.
  const TotalsSeen& seen = searchd.Stop(200);

  const IndexContents got = ReadIndexContents(db);
  EXPECT_EQ(got.documents, expected.documents);
  EXPECT_EQ(got.checksum, expected.checksum)
      << "the stored articles differ from an uninterrupted run's";

  ASSERT_FALSE(seen.totals.empty());
  std::set<int64_t> distinct(seen.totals.begin(), seen.totals.end());
  RecordProperty("answers", static_cast<int>(seen.totals.size()));
  RecordProperty("distinct_totals", static_cast<int>(distinct.size()));
  RecordProperty("kills", kills);
  EXPECT_GT(distinct.size(), static_cast<size_t>(kKills))
      << "searchd saw too few revisions to tell anything";
  for (size_t i = 0; i < seen.totals.size(); ++i) {
    EXPECT_EQ(seen.totals[i] % kBatch, 0)
        << "a half-written batch showed: " << seen.totals[i];
    if (i > 0) {
      EXPECT_GE(seen.totals[i], seen.totals[i - 1]);
    }
  }
  EXPECT_EQ(seen.totals.back(), kArticles);
  std::filesystem::remove_all(dir);
}

// The entries of `dir`, by name.
std::set<std::string> EntriesOf(const std::string& dir) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.insert(entry.path().filename().string());
  }
  return names;
}

TEST(KillRerun, SigkillsDuringCompactionLeaveAWholeIndex) {
  constexpr int kCompactArticles = 400;
  const std::string dir = MakeTempDir("kill-compact");
  const std::string input = dir + "/articles.jsonl";
  robustness::WriteArticles(input, "c", kCompactArticles);
  const std::vector<std::string> index_args = {
      "--shards", "2", "--batch-size", "100", "--entities", "rules", input};
  std::vector<std::string> args = {"--db", dir + "/reference"};
  args.insert(args.end(), index_args.begin(), index_args.end());
  ASSERT_EQ(RunIndexer(args).exit_status, 0);
  const IndexContents expected = ReadIndexContents(dir + "/reference");
  ASSERT_EQ(expected.documents, static_cast<uint64_t>(kCompactArticles));
  // Compacted by default: a stub naming the one database, nothing else.
  EXPECT_EQ(EntriesOf(dir + "/reference"),
            (std::set<std::string>{"XAPIANDB", "compact-1"}));

  // Every step index_compactor.h names, in order, with both shards'
  // removal; a re-run of the same input follows each kill.
  const std::vector<std::string> steps = {"table postlist", "table termlist",
                                          "switch",         "switched",
                                          "remove shard-0", "remove shard-1"};
  for (size_t i = 0; i < steps.size(); ++i) {
    SCOPED_TRACE("killed at \"" + steps[i] + "\"");
    const std::string db = dir + "/db" + std::to_string(i);
    args = {"/usr/bin/env", "CHANCERY_TEST_KILL_AT=" + steps[i],
            BinaryPath("chancery-index"), "--db", db};
    args.insert(args.end(), index_args.begin(), index_args.end());
    const testing::CommandResult killed = RunCommand(args);
    EXPECT_EQ(killed.exit_status, 128 + SIGKILL) << killed.err;
    IndexContents now;
    ASSERT_NO_THROW(now = ReadIndexContents(db)) << "index does not open";
    EXPECT_EQ(now.documents, expected.documents);
    EXPECT_EQ(now.checksum, expected.checksum);

    // searchd opens what the kill left and answers throughout the re-run,
    // which compacts (or only clears leftovers) under it.
    PolledSearchd searchd(db);
    ASSERT_TRUE(searchd.ok()) << searchd.StderrText();
    args.erase(args.begin(), args.begin() + 3);  // no kill this time
    const testing::CommandResult rerun = RunIndexer(args);
    EXPECT_EQ(rerun.exit_status, 0) << rerun.err;
    for (int64_t total : searchd.Stop(100).totals) {
      EXPECT_EQ(total, kCompactArticles);
    }

    // One compacted database left, nothing beside it, all articles.
    const auto paths = ShardPaths(db);
    ASSERT_TRUE(paths.ok()) << paths.status().ToString();
    ASSERT_EQ(paths->size(), 1u);
    const std::string compacted =
        std::filesystem::path(paths->front()).filename().string();
    EXPECT_EQ(compacted.rfind("compact-", 0), 0u) << compacted;
    EXPECT_EQ(EntriesOf(db), (std::set<std::string>{"XAPIANDB", compacted}));
    EXPECT_FALSE(CompactionPending(db));
    now = ReadIndexContents(db);
    EXPECT_EQ(now.documents, expected.documents);
    EXPECT_EQ(now.checksum, expected.checksum);
  }

  // Later runs write the compacted database as a single index.
  const std::string db = dir + "/db0";
  EXPECT_EQ(RunIndexer({"--db", db, "--delete", "c5", "c6"}).exit_status, 0);
  EXPECT_EQ(ReadIndexContents(db).documents,
            static_cast<uint64_t>(kCompactArticles - 2));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace chancery
