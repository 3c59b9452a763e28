// chancery-searchd over an index whose files get damaged under it: every
// API answer is 200 or 503 JSON ("unavailable"), the server keeps running,
// and it answers normally again once the index is repaired in place or
// replaced by a good copy.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "tests/robustness/robustness_util.h"
#include "tests/searchd/server_process.h"
#include "tests/testing/command_runner.h"

namespace chancery {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::MakeTempDir;

constexpr int kArticles = 400;

// Routes that read postings, document data and term lists.
const std::vector<std::string> kTargets = {
    "/api/search?q=minister+talks&size=5",
    "/api/search?q=&size=3&sort=date",
    "/api/search?q=grain*&size=2&facets=country,source",
    "/api/doc/d7",
    "/api/doc/d7/similar?size=3",
    "/api/facet/source?prefix=w",
    "/api/stats",
};

// Overwrites every block of the B-tree files but the first with garbage,
// keeping their sizes, so Xapian finds blocks it cannot parse.
void Damage(const std::string& db) {
  for (const char* table : {"postlist.glass", "docdata.glass"}) {
    const fs::path path = fs::path(db) / table;
    const auto size = fs::file_size(path);
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(8192);
    for (auto i = 8192u; i < size; ++i) f.put(static_cast<char>(0xA5 ^ i));
  }
}

void CopyIndex(const std::string& from, const std::string& to) {
  fs::create_directories(to);
  for (const auto& entry : fs::directory_iterator(from)) {
    fs::copy_file(entry.path(), fs::path(to) / entry.path().filename(),
                  fs::copy_options::overwrite_existing);
  }
}

struct Answer {
  int status = 0;
  json body;
};

Answer Get(int port, const std::string& target) {
  httplib::Client client("127.0.0.1", port);
  auto res = client.Get(target);
  if (!res) return {};
  return {res->status, json::parse(res->body, nullptr, false)};
}

// Every target and /api/health answer 200 (within `ms` of a change);
// else the first that did not, with its answer.
::testing::AssertionResult AllHealthy(int port, int ms) {
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  std::vector<std::string> targets = kTargets;
  targets.push_back("/api/health");
  for (;;) {
    std::string failed;
    for (const std::string& t : targets) {
      Answer a = Get(port, t);
      if (a.status != 200 && failed.empty()) {
        failed = t + " -> " + std::to_string(a.status) + " " + a.body.dump();
      }
    }
    if (failed.empty()) return ::testing::AssertionSuccess();
    if (std::chrono::steady_clock::now() > deadline) {
      return ::testing::AssertionFailure() << failed;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

// Every target answers 200 or 503 JSON; the search with words is 503.
// Non-fatal failures, so the steps after it still run.
void ExpectUnavailableNotBroken(int port) {
  // Past the reload interval, so handles see the damage.
  std::this_thread::sleep_for(std::chrono::milliseconds(120));
  for (const std::string& t : kTargets) {
    Answer a = Get(port, t);
    ASSERT_NE(a.status, 0) << t << ": no answer (server down?)";
    EXPECT_TRUE(a.status == 200 || a.status == 503) << t << " " << a.status;
    EXPECT_FALSE(a.body.is_discarded()) << t << ": not JSON";
    if (a.status == 503) {
      EXPECT_EQ(a.body["error"]["code"], "unavailable") << t;
    }
  }
  EXPECT_EQ(Get(port, kTargets[0]).status, 503) << "damage not noticed";
  // Health says whether the index can be read: 503 JSON now.
  Answer health = Get(port, "/api/health");
  EXPECT_EQ(health.status, 503);
  EXPECT_EQ(health.body["error"]["code"], "unavailable");
}

TEST(DamagedIndex, Is503JsonThenRecoversWhenRepairedOrReplaced) {
  const std::string dir = MakeTempDir("damaged");
  const std::string good = dir + "/good", db = dir + "/db";
  robustness::WriteArticles(dir + "/in.jsonl", "d", kArticles, 200);
  // One plain database (no stub), whose files Damage and CopyIndex know.
  ASSERT_EQ(
      robustness::RunIndexer({"--db", good, "--shards", "1", "--compact=false",
                              "--entities", "rules", dir + "/in.jsonl"})
          .exit_status,
      0);
  CopyIndex(good, db);
  ServerProcess searchd(
      {"--db", db, "--reload-interval-ms", "50", "--no-access-log"});
  ASSERT_TRUE(searchd.ok()) << searchd.StderrText();
  ASSERT_TRUE(AllHealthy(searchd.port(), 0));

  // Damaged, then repaired in place (the same files rewritten).
  Damage(db);
  ExpectUnavailableNotBroken(searchd.port());
  CopyIndex(good, db);
  EXPECT_TRUE(AllHealthy(searchd.port(), 3000)) << "no recovery after repair";

  // Damaged, then replaced: a good copy renamed over the directory.
  Damage(db);
  ExpectUnavailableNotBroken(searchd.port());
  CopyIndex(good, dir + "/fresh");
  fs::rename(db, dir + "/broken");
  fs::rename(dir + "/fresh", db);
  EXPECT_TRUE(AllHealthy(searchd.port(), 3000)) << "no recovery after replace";
  EXPECT_EQ(Get(searchd.port(), "/api/stats").body["articles"], kArticles);

  // A missing index (moved away) is 503 too, and comes back.
  fs::rename(db, dir + "/away");
  ExpectUnavailableNotBroken(searchd.port());
  fs::rename(dir + "/away", db);
  EXPECT_TRUE(AllHealthy(searchd.port(), 3000)) << "no recovery after return";
  EXPECT_EQ(searchd.Stop(), 0) << searchd.StderrText();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace chancery
