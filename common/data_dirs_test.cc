#include "common/data_dirs.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace chancery {
namespace {

namespace fs = std::filesystem;

TEST(DataDirs, InstalledBinaryUsesShareBesideIt) {
  const fs::path prefix = fs::path(::testing::TempDir()) / "chancery-prefix";
  fs::remove_all(prefix);
  fs::create_directories(prefix / "bin");
  fs::create_directories(prefix / "share" / "chancery" / "web");
  DataDirs d =
      FindDataDirs((prefix / "bin" / "chancery-index").string(), "/src");
  EXPECT_EQ(d.config_dir, (prefix / "share" / "chancery").string());
  EXPECT_EQ(d.web_root, (prefix / "share" / "chancery" / "web").string());
  fs::remove_all(prefix);
}

TEST(DataDirs, BuiltBinaryUsesTheSourceTree) {
  DataDirs d = FindDataDirs("/nonexistent/build/bin/chancery-index", "/src");
  EXPECT_EQ(d.config_dir, "/src/config");
  EXPECT_EQ(d.web_root, "/src/web");
  EXPECT_EQ(FindDataDirs("", "/src").config_dir, "/src/config");
  // This test binary lives in build/tests, without a share/ beside it.
  EXPECT_EQ(FindDataDirs().config_dir,
            std::string(CHANCERY_SOURCE_DIR) + "/config");
  EXPECT_TRUE(fs::exists(FindDataDirs().web_root + "/index.html"));
}

}  // namespace
}  // namespace chancery
