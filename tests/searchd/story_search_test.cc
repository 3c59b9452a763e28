// Search by story end to end: the story fixture indexed by the real
// chancery-index binary (which groups the copies and the update into one
// story) and served by the real chancery-searchd on a loopback port.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/searchd/server_process.h"
#include "tests/testing/command_runner.h"

namespace chancery {
namespace {

using nlohmann::json;
using testing::BinaryPath;
using testing::CommandResult;
using testing::MakeTempDir;
using testing::RunCommand;
using testing::SourcePath;

class StorySearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(MakeTempDir("story-search"));
    CommandResult r = RunCommand(
        {BinaryPath("chancery-index"), "--db", *dir_ + "/db", "--no-entities",
         SourcePath("tests/fixtures/indexer/stories.jsonl")});
    ASSERT_EQ(r.exit_status, 0) << r.err;
    server_ = new ServerProcess({"--db", *dir_ + "/db"});
    ASSERT_TRUE(server_->ok()) << server_->StderrText();
  }
  static void TearDownTestSuite() {
    delete server_;
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }

  static json Get(const std::string& path, const httplib::Params& params,
                  int status = 200) {
    httplib::Client client("127.0.0.1", server_->port());
    auto res = client.Get(path, params, httplib::Headers());
    EXPECT_TRUE(res) << path;
    if (!res) return json();
    EXPECT_EQ(res->status, status) << path << " -> " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
    return json::parse(res->body, nullptr, false);
  }

  static std::string* dir_;
  static ServerProcess* server_;
};

std::string* StorySearchTest::dir_ = nullptr;
ServerProcess* StorySearchTest::server_ = nullptr;

TEST_F(StorySearchTest, CollapsedSearchCountsStories) {
  json articles = Get("/api/search", {{"facets", "source"}});
  EXPECT_EQ(articles["unit"], "article");
  EXPECT_EQ(articles["total"], 5);
  json stories =
      Get("/api/search", {{"facets", "source"}, {"collapse", "story"}});
  EXPECT_EQ(stories["unit"], "story");
  EXPECT_EQ(stories["total"], 2);  // The ECB story and the rail strike.
  ASSERT_EQ(stories["hits"].size(), 2u);
  // The wire ran both stories; every other source only the ECB one.
  for (const json& v : stories["facets"]["source"]) {
    EXPECT_EQ(v["count"], v["value"] == "chancery wire" ? 2 : 1) << v;
  }
  json ecb = Get("/api/search", {{"q", "inflation"}, {"collapse", "story"}});
  ASSERT_EQ(ecb["hits"].size(), 1u);
  const json& story = ecb["hits"][0]["story"];
  EXPECT_EQ(story["id"], "ecb-wire");
  EXPECT_EQ(story["versions"], 4);
  EXPECT_EQ(story["size"], 4);
  EXPECT_EQ(story["first_reported"]["source"], "Chancery Wire");
  EXPECT_EQ(story["first_reported"]["date"], "2024-04-11T12:45:00Z");
}

TEST_F(StorySearchTest, StoryShowsWhatEachVersionAdded) {
  json story = Get("/api/story/ecb-post", {});
  EXPECT_EQ(story["id"], "ecb-wire");
  ASSERT_EQ(story["versions"].size(), 4u);
  std::vector<std::string> order;
  for (const json& v : story["versions"]) order.push_back(v["id"]);
  EXPECT_EQ(order, (std::vector<std::string>{"ecb-wire", "ecb-herald",
                                             "ecb-post", "ecb-wire-update1"}));
  // The herald's dateline is not news; its credit line is a new line of
  // text (unless the boilerplate filter dropped it).
  for (const json& s : story["versions"][1]["added"]) {
    EXPECT_EQ(s.get<std::string>().find("FRANKFURT"), std::string::npos) << s;
  }
  // The post reworded one sentence.
  ASSERT_EQ(story["versions"][2]["added"].size(), 1u);
  EXPECT_NE(story["versions"][2]["added"][0].get<std::string>().find(
                "told reporters"),
            std::string::npos);
  // The update's new paragraph.
  bool governors = false;
  for (const json& s : story["versions"][3]["added"]) {
    governors |= s.get<std::string>().rfind("Several governors", 0) == 0;
  }
  EXPECT_TRUE(governors) << story["versions"][3]["added"];
  json missing = Get("/api/story/no-such-story", {}, 404);
  EXPECT_EQ(missing["error"]["code"], "not_found");
}

}  // namespace
}  // namespace chancery
