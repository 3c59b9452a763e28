#include "searchd/search/kept_revisions.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace chancery {
namespace {

using std::chrono::milliseconds;

TEST(KeptRevisionsTest, KeepsTheNewestAndCountOthersUntilTheyExpire) {
  KeptRevisions kept(milliseconds(100), /*count=*/2);
  const auto t0 = KeptRevisions::Clock::now();
  for (int r = 1; r <= 4; ++r) {
    kept.Keep("u:" + std::to_string(r), {"/db"}, true, t0);
  }
  EXPECT_EQ(kept.newest_token(), RevisionToken("u:4"));
  EXPECT_FALSE(kept.Has(RevisionToken("u:1"), t0));  // beyond count
  EXPECT_TRUE(kept.Has(RevisionToken("u:2"), t0));
  EXPECT_TRUE(kept.Has(RevisionToken("u:4"), t0));
  EXPECT_TRUE(kept.Renew(RevisionToken("u:2"), t0 + milliseconds(90)));
  EXPECT_TRUE(kept.Expire(t0 + milliseconds(150)));
  EXPECT_TRUE(kept.Has(RevisionToken("u:2"), t0 + milliseconds(150)));
  EXPECT_FALSE(kept.Has(RevisionToken("u:3"), t0 + milliseconds(150)));
  kept.Drop(RevisionToken("u:2"));
  EXPECT_FALSE(kept.Has(RevisionToken("u:2"), t0));
}

TEST(KeptRevisionsTest, PinsEveryShardOfEveryHeldRevisionOnly) {
  KeptRevisions kept(milliseconds(1000), 4);
  const auto t0 = KeptRevisions::Clock::now();
  kept.Keep("a:7,b:3", {"/s0", "/s1"}, true, t0);
  // Kept but not asked for again: readable, yet the writer is not held.
  EXPECT_TRUE(kept.Pins(t0, milliseconds(0)).empty());
  EXPECT_TRUE(kept.PinDirs().empty());
  EXPECT_FALSE(kept.Held(RevisionToken("a:7,b:3")));
  ASSERT_TRUE(kept.Renew(RevisionToken("a:7,b:3"), t0));
  EXPECT_TRUE(kept.Held(RevisionToken("a:7,b:3")));
  std::vector<RevisionPin> pins = kept.Pins(t0, milliseconds(0));
  ASSERT_EQ(pins.size(), 2u);
  EXPECT_EQ(pins[0].uuid, "a");
  EXPECT_EQ(pins[0].revision, 7u);
  EXPECT_EQ(pins[1].uuid, "b");
  EXPECT_EQ(pins[1].revision, 3u);
  EXPECT_GT(pins[0].expires_ms, UnixNowMs());
  EXPECT_EQ(kept.PinDirs(), (std::vector<std::string>{"/s0", "/s1"}));
}

TEST(RevisionPinsTest, AWriterWaitsOnlyForTheRevisionItsNextChangeDestroys) {
  const int64_t now = 1000;
  std::vector<RevisionPin> pins = {
      {"u", 5, 2000}, {"u", 3, 5000}, {"v", 5, 9000}, {"u", 6, 500}};
  // Committed 6: changing now destroys 5, pinned until 2000.
  EXPECT_EQ(PinnedUntilMs(pins, "u", 6, now), 2000);
  // Committed 7: 6's pin expired; 5 is gone already, not waited for.
  EXPECT_EQ(PinnedUntilMs(pins, "u", 7, now), 0);
  EXPECT_EQ(PinnedUntilMs(pins, "w", 6, now), 0);
}

TEST(RevisionPinsTest, WritesReadsAndRemovesAPinFile) {
  const std::string dir =
      ::testing::TempDir() + "/pins-" + std::to_string(UnixNowMs());
  std::filesystem::create_directories(dir);
  ASSERT_TRUE(
      WriteRevisionPins(dir, "42", {{"u", 5, UnixNowMs() + 60000}}).ok());
  std::vector<RevisionPin> read = ReadRevisionPins(dir);
  ASSERT_EQ(read.size(), 1u);
  EXPECT_EQ(read[0].uuid, "u");
  EXPECT_EQ(read[0].revision, 5u);
  // A writer at 6 waits; it gives up after max_wait.
  auto waited = WaitForRevisionPins(dir, "u", 6, milliseconds(60));
  EXPECT_GE(waited.count(), 50);
  ASSERT_TRUE(WriteRevisionPins(dir, "42", {}).ok());
  EXPECT_TRUE(ReadRevisionPins(dir).empty());
  EXPECT_EQ(WaitForRevisionPins(dir, "u", 6, milliseconds(1000)).count() < 100,
            true);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace chancery
