#include "searchd/server_flags.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "common/settings_testing.h"

namespace chancery {
namespace {

StatusOr<ServerFlags> Parse(const std::vector<std::string>& args) {
  std::vector<const char*> argv = Argv(args);
  return ParseServerFlags(static_cast<int>(argv.size()), argv.data());
}

using ServerFlagsTest = ConfigFileTest;

TEST_F(ServerFlagsTest, Defaults) {
  auto f = Parse({"--db", "/idx"});
  ASSERT_TRUE(f.ok()) << f.status().message();
  const ServerConfig& c = f->config;
  const SearcherOptions d;
  EXPECT_EQ(c.search.db_paths, std::vector<std::string>{"/idx"});
  EXPECT_EQ(c.listen_host, "127.0.0.1");
  EXPECT_EQ(c.listen_port, 8080);
  EXPECT_EQ(c.http_threads, 32);
  EXPECT_TRUE(c.access_log);
  EXPECT_EQ(c.web_root, FindDataDirs().web_root);
  EXPECT_EQ(c.search.max_page_size, d.max_page_size);
  EXPECT_EQ(c.search.exact_facet_limit, d.exact_facet_limit);
  EXPECT_EQ(c.search.counting_threads, d.counting_threads);
}

// Every field of SearcherOptions is settable from the file.
TEST_F(ServerFlagsTest, FileSetsEverySetting) {
  auto f = Parse({"--config", File(R"({
      // comments are allowed
      "db_path": "/a,/b", "listen": "0.0.0.0:9100", "http_threads": 3,
      "web_root": "/www", "access_log": false,
      "max_page_size": 11, "max_facet_size": 12, "max_query_bytes": 130,
      "max_query_words": 14, "max_query_wildcards": 1,
      "max_result_window": 160, "exact_facet_limit": 1700,
      "reload_interval_ms": 180, "counting_threads": 0,
      "exact_terms_limit": 190, "phrase_sample_limit": 20,
      "max_terms_size": 21, "stopwords_file": "/sw.tsv",
      "terms_candidate_limit": 22,
      "batch_size": 50, "index_threads": 4})")});
  ASSERT_TRUE(f.ok()) << f.status().message();
  const ServerConfig& c = f->config;
  EXPECT_EQ(c.search.db_paths, (std::vector<std::string>{"/a", "/b"}));
  EXPECT_EQ(c.listen_host, "0.0.0.0");
  EXPECT_EQ(c.listen_port, 9100);
  EXPECT_EQ(c.http_threads, 3);
  EXPECT_EQ(c.web_root, "/www");
  EXPECT_FALSE(c.access_log);
  EXPECT_EQ(c.search.max_page_size, 11);
  EXPECT_EQ(c.search.max_facet_size, 12);
  EXPECT_EQ(c.search.max_query_bytes, 130);
  EXPECT_EQ(c.search.max_query_words, 14);
  EXPECT_EQ(c.search.max_query_wildcards, 1);
  EXPECT_EQ(c.search.max_result_window, 160);
  EXPECT_EQ(c.search.exact_facet_limit, 1700);
  EXPECT_EQ(c.search.reload_interval_ms, 180);
  EXPECT_EQ(c.search.counting_threads, 0);
  EXPECT_EQ(c.search.exact_terms_limit, 190);
  EXPECT_EQ(c.search.phrase_sample_limit, 20);
  EXPECT_EQ(c.search.max_terms_size, 21);
  EXPECT_EQ(c.search.terms_candidate_limit, 22);
  EXPECT_EQ(c.search.stopwords_file, "/sw.tsv");
  EXPECT_TRUE(Validate(c).ok());
}

TEST_F(ServerFlagsTest, FlagsBeatTheFile) {
  const std::string& file = File(
      R"({"db_path": ["/a", "/b"], "listen": ":9100", "http_threads": 3,
          "max_page_size": 11, "max_query_words": 14, "access_log": true})");
  auto f = Parse({"--threads", "4", "--config", file, "--listen=127.0.0.2:9001",
                  "--max-page-size=20", "--no-access-log", "--db", "/c",
                  "--db=/d,/e"});
  ASSERT_TRUE(f.ok()) << f.status().message();
  const ServerConfig& c = f->config;
  EXPECT_EQ(c.http_threads, 4);
  EXPECT_EQ(c.listen_host, "127.0.0.2");
  EXPECT_EQ(c.listen_port, 9001);
  EXPECT_EQ(c.search.max_page_size, 20);
  EXPECT_EQ(c.search.max_query_words, 14);  // file
  EXPECT_FALSE(c.access_log);
  EXPECT_EQ(c.search.db_paths, (std::vector<std::string>{"/c", "/d", "/e"}));

  f = Parse({"--config=" + file});
  ASSERT_TRUE(f.ok()) << f.status().message();
  EXPECT_EQ(f->config.listen_host, "127.0.0.1");  // ":PORT" keeps the host
  EXPECT_EQ(f->config.listen_port, 9100);
  EXPECT_EQ(f->config.search.db_paths, (std::vector<std::string>{"/a", "/b"}));
}

// config/chancery.json (installed as etc/chancery/chancery.json) shows every
// default but db_path; this keeps it honest.
TEST_F(ServerFlagsTest, ExampleConfigShowsTheDefaults) {
  auto f = Parse(
      {"--config", std::string(CHANCERY_SOURCE_DIR) + "/config/chancery.json"});
  ASSERT_TRUE(f.ok()) << f.status().message();
  ServerConfig defaults;
  defaults.search.db_paths = {"/var/lib/chancery/index"};
  SettingsTable got = ServerSettings(f->config);
  SettingsTable want = ServerSettings(defaults);
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    if (auto* field = std::get_if<int*>(&got[i].target)) {
      EXPECT_EQ(**field, *std::get<int*>(want[i].target)) << got[i].key;
    }
  }
  EXPECT_EQ(f->config.search.db_paths, defaults.search.db_paths);
  EXPECT_EQ(f->config.listen_host, defaults.listen_host);
  EXPECT_EQ(f->config.listen_port, defaults.listen_port);
  EXPECT_EQ(f->config.access_log, defaults.access_log);
  EXPECT_EQ(f->config.web_root, defaults.web_root);
}

TEST_F(ServerFlagsTest, ErrorsNameTheFlagOrFileAndKey) {
  EXPECT_EQ(Parse({"--listen", "localhost:http"}).status().message(),
            "--listen expects HOST:PORT with a port from 0 to 65535, got "
            "\"localhost:http\"");
  EXPECT_EQ(Parse({"--listen", "localhost:http"}).status().param(), "listen");
  EXPECT_EQ(
      Parse({"--config", File(R"({"listen": "x:70000"})")}).status().message(),
      path_ +
          ": \"listen\" expects HOST:PORT with a port from 0 to "
          "65535, got \"x:70000\"");
  EXPECT_EQ(
      Parse({"--config", File(R"({"http_threads": "many"})")}).status().param(),
      "http_threads");
  EXPECT_EQ(Parse({"--max-query-words=0"}).status().message(),
            "--max-query-words must be between 1 and 10000, got 0");
  EXPECT_EQ(Parse({"--db", "/x", "stray"}).status().message(),
            "unexpected argument \"stray\"");
  EXPECT_EQ(Parse({"--bogus=1"}).status().message(), "unknown option --bogus");
}

TEST_F(ServerFlagsTest, ValidateNamesTheSetting) {
  ServerConfig c;
  EXPECT_EQ(Validate(c).param(), "db");
  c.search.db_paths = {"/tmp/x"};
  EXPECT_TRUE(Validate(c).ok());
  c.http_threads = 0;
  EXPECT_EQ(Validate(c).param(), "http_threads");
  c.http_threads = 1;
  c.search.max_result_window = 0;
  EXPECT_EQ(Validate(c).param(), "max_result_window");
}

TEST_F(ServerFlagsTest, UsageListsEveryFlag) {
  const std::string usage = ServerUsage();
  for (const char* flag :
       {"--db DIR", "--listen HOST:PORT", "(default: 127.0.0.1:8080)",
        "--threads N", "--web-root DIR", "--[no-]access-log", "--config FILE",
        "--max-page-size N", "--max-result-window N", "--counting-threads N",
        "--reload-interval-ms N", "-h, --help"}) {
    EXPECT_NE(usage.find(flag), std::string::npos) << flag << "\n" << usage;
  }
}

}  // namespace
}  // namespace chancery
