// The disk fills up while chancery-index writes a batch: one clear line,
// exit 1, and the index stays readable as of its last commit; with room
// again, re-running completes it. Needs root to mount a small tmpfs (as in
// CI); skipped with the reason otherwise. bench/faults.sh runs the same.
#include <gtest/gtest.h>
#include <sys/mount.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

#include "tests/robustness/robustness_util.h"
#include "tests/testing/command_runner.h"

namespace chancery {
namespace {

using robustness::IndexContents;
using robustness::ReadIndexContents;
using robustness::RunIndexer;

// A tmpfs of `size` mounted on a fresh directory, unmounted at the end.
class SmallFilesystem {
 public:
  explicit SmallFilesystem(const std::string& size)
      : dir_(testing::MakeTempDir("diskfull-mnt")) {
    const std::string options = "size=" + size;
    if (mount("tmpfs", dir_.c_str(), "tmpfs", 0, options.c_str()) != 0) {
      error_ = std::strerror(errno);
    }
  }
  ~SmallFilesystem() {
    if (error_.empty()) umount(dir_.c_str());
    std::filesystem::remove_all(dir_);
  }
  // Empty when mounted, else why not.
  const std::string& error() const { return error_; }
  const std::string& dir() const { return dir_; }
  bool Resize(const std::string& size) {
    const std::string options = "size=" + size;
    return mount("tmpfs", dir_.c_str(), "tmpfs", MS_REMOUNT, options.c_str()) ==
           0;
  }

 private:
  std::string dir_;
  std::string error_;
};

TEST(DiskFull, FailedCommitIsExit1WithAClearLineAndTheLastCommitIntact) {
  SmallFilesystem fs("4m");
  if (!fs.error().empty()) {
    GTEST_SKIP() << "cannot mount a tmpfs (" << fs.error()
                 << "); bench/faults.sh has the same check";
  }
  const std::string inputs = testing::MakeTempDir("diskfull");
  const std::string db = fs.dir() + "/db";
  robustness::WriteArticles(inputs + "/first.jsonl", "f", 200, 200);
  robustness::WriteArticles(inputs + "/more.jsonl", "m", 3000, 200);
  testing::CommandResult first =
      RunIndexer({"--db", db, "--entities", "rules", inputs + "/first.jsonl"});
  ASSERT_EQ(first.exit_status, 0) << first.err;
  const IndexContents committed = ReadIndexContents(db);
  ASSERT_EQ(committed.documents, 200u);

  testing::CommandResult full =
      RunIndexer({"--db", db, "--entities", "rules", "--batch-size", "1000",
                  inputs + "/more.jsonl"});
  EXPECT_EQ(full.exit_status, 1) << full.err;
  EXPECT_NE(full.err.find("No space left on device"), std::string::npos)
      << full.err;
  // One error line, not one per layer that noticed, saying what is left.
  EXPECT_EQ(full.err.find("error"), full.err.rfind("error")) << full.err;
  EXPECT_EQ(full.err.find("terminate called"), std::string::npos);
  const std::string kLeft = "the index is as of its last commit (";
  const size_t left = full.err.find(kLeft);
  ASSERT_NE(left, std::string::npos) << full.err;
  const uint64_t said = std::stoull(full.err.substr(left + kLeft.size()));

  // Readable, every stored article with it, at a commit: 200 plus whole
  // batches of 1000.
  IndexContents after;
  ASSERT_NO_THROW(after = ReadIndexContents(db));
  EXPECT_EQ(after.documents, said);
  EXPECT_GE(after.documents, committed.documents);
  EXPECT_EQ((after.documents - committed.documents) % 1000, 0u);
  EXPECT_LT(after.documents, 3200u) << "the disk did not fill up";

  ASSERT_TRUE(fs.Resize("256m"));
  testing::CommandResult rerun =
      RunIndexer({"--db", db, "--entities", "rules", inputs + "/more.jsonl"});
  EXPECT_EQ(rerun.exit_status, 0) << rerun.err;
  EXPECT_EQ(ReadIndexContents(db).documents, 3200u);
  std::filesystem::remove_all(inputs);
}

}  // namespace
}  // namespace chancery
