#include "common/config.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace chancery {
namespace {

TEST(Config, ListenAddress) {
  Config c;
  ASSERT_TRUE(ParseListenAddress("127.0.0.1:9000", c).ok());
  EXPECT_EQ(c.listen_host, "127.0.0.1");
  EXPECT_EQ(c.listen_port, 9000);
  Status bad = ParseListenAddress("localhost:http", c);
  EXPECT_EQ(bad.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.param(), "listen");
}

TEST(Config, ValidateNamesTheSetting) {
  Config c;
  EXPECT_EQ(Validate(c).param(), "db");
  c.db_path = "/tmp/x";
  EXPECT_TRUE(Validate(c).ok());
  c.http_threads = 0;
  EXPECT_EQ(Validate(c).param(), "http_threads");
}

TEST(Config, FileOverridesDefaults) {
  std::string path = testing::TempDir() + "/chancery_config_test.json";
  std::ofstream(path) << R"({"listen": "0.0.0.0:9100", "http_threads": 3,
                            // comments are allowed
                            "batch_size": 50})";
  Config c;
  ASSERT_TRUE(LoadConfigFile(path, c).ok());
  EXPECT_EQ(c.listen_port, 9100);
  EXPECT_EQ(c.http_threads, 3);
  EXPECT_EQ(c.batch_size, 50);
  std::ofstream(path) << R"({"http_threads": "many"})";
  EXPECT_EQ(LoadConfigFile(path, c).param(), "http_threads");
  std::remove(path.c_str());
}

}  // namespace
}  // namespace chancery
