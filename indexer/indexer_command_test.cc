#include "indexer/indexer_command.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "common/settings_testing.h"

namespace chancery {
namespace {

StatusOr<IndexerOptions> Parse(const std::vector<std::string>& args) {
  std::vector<const char*> argv = Argv(args);
  return ParseIndexerArgs(static_cast<int>(argv.size()), argv.data());
}

class IndexerArgsTest : public ConfigFileTest {
 protected:
  void SetUp() override {
    File(R"({"db_path": "/file/db", "batch_size": 50, "index_threads": 3,
             "config_dir": "/file/config",
             "listen": "127.0.0.1:9", "http_threads": 2})");
  }
};

TEST_F(IndexerArgsTest, Defaults) {
  auto o = Parse({"--db", "/flag/db", "in.jsonl"});
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(o->config.db_path, "/flag/db");
  EXPECT_EQ(o->config.batch_size, 10000);
  EXPECT_EQ(o->config.index_threads, 0);
  EXPECT_EQ(o->config.config_dir, FindDataDirs().config_dir);
  EXPECT_EQ(o->inputs, std::vector<std::string>{"in.jsonl"});
}

TEST_F(IndexerArgsTest, FileBeatsDefaults) {
  // The server's keys in the same file are not the indexer's business.
  auto o = Parse({"--config", path_, "in.jsonl"});
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(o->config.db_path, "/file/db");
  EXPECT_EQ(o->config.batch_size, 50);
  EXPECT_EQ(o->config.index_threads, 3);
  EXPECT_EQ(o->config.config_dir, "/file/config");
}

TEST_F(IndexerArgsTest, FlagsBeatTheFileWhereverTheyAre) {
  auto o = Parse({"--config", path_, "--batch-size", "7", "--threads", "2",
                  "--config-dir", "/flag/config", "in.jsonl"});
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(o->config.batch_size, 7);
  EXPECT_EQ(o->config.index_threads, 2);
  EXPECT_EQ(o->config.config_dir, "/flag/config");
  EXPECT_EQ(o->config.db_path, "/file/db");

  o = Parse({"--batch-size=8", "--threads=1", "--db=/flag/db",
             "--config=" + path_, "--config-dir=/c2", "in.jsonl"});
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(o->config.batch_size, 8);
  EXPECT_EQ(o->config.index_threads, 1);
  EXPECT_EQ(o->config.db_path, "/flag/db");
  EXPECT_EQ(o->config.config_dir, "/c2");
}

TEST_F(IndexerArgsTest, CommandFlags) {
  auto o = Parse({"--db", "d", "--delete", "a", "b,c", "--threads", "2"});
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(o->delete_ids, (std::vector<std::string>{"a", "b,c"}));
  EXPECT_EQ(o->config.index_threads, 2);
  EXPECT_TRUE(o->inputs.empty());
  o = Parse({"--extract", "--no-entities", "in.jsonl"});
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_TRUE(o->extract_only);
  EXPECT_TRUE(o->no_entities);
  o = Parse({"--db", "d", "--delete-from=ids.txt"});
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(o->delete_from, "ids.txt");
}

// config/chancery.json shows the indexer's defaults too.
TEST_F(IndexerArgsTest, ExampleConfigShowsTheDefaults) {
  auto o = Parse({"--config",
                  std::string(CHANCERY_SOURCE_DIR) + "/config/chancery.json",
                  "in.jsonl"});
  ASSERT_TRUE(o.ok()) << o.status().message();
  const IndexerConfig defaults;
  EXPECT_EQ(o->config.db_path, "/var/lib/chancery/index");
  EXPECT_EQ(o->config.batch_size, defaults.batch_size);
  EXPECT_EQ(o->config.index_threads, defaults.index_threads);
  EXPECT_EQ(o->config.config_dir, defaults.config_dir);
}

TEST_F(IndexerArgsTest, ErrorsNameTheFlagOrFileAndKey) {
  EXPECT_EQ(Parse({"in.jsonl"}).status().param(), "db");
  EXPECT_EQ(Parse({"--db", "d", "--batch-size", "0", "x"}).status().message(),
            "--batch-size must be between 1 and 10000000, got 0");
  std::ofstream(path_) << R"({"index_threads": "many"})";
  EXPECT_EQ(Parse({"--db", "d", "--config", path_, "x"}).status().message(),
            path_ + ": \"index_threads\" expects a whole number, got \"many\"");
  EXPECT_EQ(Parse({"--db", "d"}).status().param(), "INPUT");
  EXPECT_EQ(Parse({"--extract"}).status().param(), "--extract");
  // --extract needs no index, but its other settings are checked all the same.
  EXPECT_EQ(Parse({"--extract", "--entities", "crf", "x"}).status().param(),
            "entities");
  EXPECT_EQ(Parse({"--extract", "--threads", "-1", "x"}).status().param(),
            "index_threads");
}

TEST_F(IndexerArgsTest, UsageListsEveryFlag) {
  const std::string usage = IndexerUsage();
  for (const char* flag :
       {"--db DIR", "--config FILE", "--config-dir DIR", "--batch-size N",
        "--threads N", "--delete ID...", "--delete-from FILE", "--no-entities",
        "--extract", "-h, --help", "(default: 10000)", "exit status"}) {
    EXPECT_NE(usage.find(flag), std::string::npos) << flag;
  }
}

}  // namespace
}  // namespace chancery
