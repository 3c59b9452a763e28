// chancery-index killed with SIGKILL at random points while chancery-searchd
// serves the same index: after every kill the index opens at a commit,
// searchd only ever sees whole batches, and re-running completes the index
// to exactly what an uninterrupted run makes.
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
  ServerProcess searchd(
      {"--db", db, "--reload-interval-ms", "50", "--no-access-log"});
  ASSERT_TRUE(searchd.ok()) << searchd.StderrText();
  std::atomic<bool> stop{false};
  TotalsSeen seen;
  std::thread poller(PollTotals, searchd.port(), std::cref(stop),
                     std::ref(seen));

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
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  stop = true;
  poller.join();

  const IndexContents got = ReadIndexContents(db);
  EXPECT_EQ(got.documents, expected.documents);
  EXPECT_EQ(got.checksum, expected.checksum)
      << "the stored articles differ from an uninterrupted run's";

  EXPECT_TRUE(seen.bad_answers.empty())
      << seen.bad_answers.size()
      << " bad answers, first: " << seen.bad_answers.front();
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

}  // namespace
}  // namespace chancery
