// GET /api/feed against the real chancery-searchd on a loopback port: the
// Atom document and its headers as a feed reader gets them, conditional
// GETs (304 with no body), HEAD, a 400 that names the parameter, a new
// article seen by the running server changing the ETag, and the served
// feed indexed by the real chancery-index and searched again.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <thread>

#include "common/stored_article.h"
#include "searchd/http/atom_rfc_check.h"
#include "searchd/testing/test_corpus.h"
#include "tests/searchd/server_process.h"
#include "tests/testing/command_runner.h"

namespace chancery {
namespace {

using nlohmann::json;

class FeedHttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(fixtures::MakeTempDir("feed-http"));
    ASSERT_TRUE(
        fixtures::WriteIndex(*dir_ + "/db", fixtures::SmallCorpus()).ok());
    server_ = new ServerProcess(
        {"--db", *dir_ + "/db", "--reload-interval-ms", "50"});
    ASSERT_TRUE(server_->ok()) << server_->StderrText();
  }
  static void TearDownTestSuite() {
    delete server_;
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }
  static httplib::Client Client(int port = server_->port()) {
    return httplib::Client("127.0.0.1", port);
  }

  static std::string* dir_;
  static ServerProcess* server_;
};

std::string* FeedHttpTest::dir_ = nullptr;
ServerProcess* FeedHttpTest::server_ = nullptr;

TEST_F(FeedHttpTest, ServesAnAtomFeedWithValidators) {
  auto res = Client().Get("/api/feed?q=china&limit=3");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"),
            "application/atom+xml; charset=utf-8");
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-cache");
  EXPECT_FALSE(res->get_header_value("ETag").empty());
  EXPECT_FALSE(res->get_header_value("Last-Modified").empty());
  const std::vector<std::string> errors = atom_check::AtomErrors(res->body);
  EXPECT_TRUE(errors.empty()) << ::testing::PrintToString(errors);
  // Links are absolute, on the address the client used.
  const std::string self =
      "href=\"http://127.0.0.1:" + std::to_string(server_->port()) +
      "/api/feed?q=china&amp;limit=3\"";
  EXPECT_NE(res->body.find(self), std::string::npos) << res->body;
}

TEST_F(FeedHttpTest, ConditionalGetsAndHead) {
  httplib::Client client = Client();
  auto first = client.Get("/api/feed?q=macron");
  ASSERT_TRUE(first);
  const std::string etag = first->get_header_value("ETag");
  const std::string modified = first->get_header_value("Last-Modified");
  for (const httplib::Headers& h :
       {httplib::Headers{{"If-None-Match", etag}},
        httplib::Headers{{"If-Modified-Since", modified}}}) {
    auto res = client.Get("/api/feed?q=macron", h);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 304) << h.begin()->first;
    EXPECT_TRUE(res->body.empty());
    EXPECT_EQ(res->get_header_value("ETag"), etag);
  }
  auto stale = client.Get("/api/feed?q=macron",
                          {{"If-None-Match", "\"0000000000000000\""}});
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 200);
  EXPECT_EQ(stale->body, first->body);
  auto head = client.Head("/api/feed?q=macron");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
  EXPECT_EQ(head->get_header_value("ETag"), etag);
}

TEST_F(FeedHttpTest, BadParametersAre400NamingThem) {
  for (const char* target : {"/api/feed?limit=0", "/api/feed?limit=x",
                             "/api/feed?from=soon", "/api/feed?any=nope"}) {
    auto res = Client().Get(target);
    ASSERT_TRUE(res) << target;
    EXPECT_EQ(res->status, 400) << target;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json");
    json body = json::parse(res->body, nullptr, false);
    const std::string query = std::string(target).substr(10);
    EXPECT_EQ(body["error"]["param"], query.substr(0, query.find('=')))
        << res->body;
  }
  auto health = Client().Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

// The feed, indexed by chancery-index into a new index and served again,
// gives back the articles it lists.
TEST_F(FeedHttpTest, ChanceryIndexIndexesTheServedFeed) {
  auto feed = Client().Get("/api/feed?country=FR&limit=50");
  ASSERT_TRUE(feed);
  ASSERT_EQ(feed->status, 200);
  const std::string file = *dir_ + "/served.atom";
  std::ofstream(file) << feed->body;
  testing::CommandResult indexed = testing::RunCommand(
      {testing::BinaryPath("chancery-index"), "--db", *dir_ + "/again", file});
  ASSERT_EQ(indexed.exit_status, 0) << indexed.err;

  std::map<std::string, fixtures::TestArticle> original;
  int french = 0;
  for (fixtures::TestArticle& t : fixtures::SmallCorpus()) {
    for (const Entity& c : t.entities.countries) french += c.id == "FR";
    original[t.article.url] = std::move(t);
  }
  ServerProcess again({"--db", *dir_ + "/again"});
  ASSERT_TRUE(again.ok()) << again.StderrText();
  auto res = Client(again.port()).Get("/api/search?sort=date&size=100");
  ASSERT_TRUE(res);
  json j = json::parse(res->body, nullptr, false);
  ASSERT_EQ(j["total"], french) << res->body;
  for (const json& hit : j["hits"]) {
    const std::string url = hit["url"];
    ASSERT_TRUE(original.count(url)) << url;
    const Article& o = original[url].article;
    EXPECT_EQ(hit["title"], o.title);
    EXPECT_EQ(hit["source"], o.source);
    EXPECT_EQ(hit["date"], FormatIsoDate(*o.date));
  }
}

// Last: it changes the index the other tests read.
TEST_F(FeedHttpTest, ANewArticleChangesTheEtag) {
  httplib::Client client = Client();
  auto first = client.Get("/api/feed?q=macron");
  ASSERT_TRUE(first);
  const std::string etag = first->get_header_value("ETag");
  fixtures::TestArticle fresh = fixtures::SmallCorpus()[0];
  fresh.article.id = "a13";
  fresh.article.url = "https://example.org/a13";
  fresh.article.title = "Macron answers questions";
  fresh.article.date = fixtures::EpochSeconds(2025, 1, 2);
  ASSERT_TRUE(fixtures::WriteIndex(*dir_ + "/db", {fresh}).ok());
  // The server reopens the index within its reload interval (50 ms).
  auto res = client.Get("/api/feed?q=macron", {{"If-None-Match", etag}});
  for (int i = 0; i < 100 && res && res->status == 304; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    res = client.Get("/api/feed?q=macron", {{"If-None-Match", etag}});
  }
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("ETag"), etag);
  EXPECT_NE(res->body.find("Macron answers questions"), std::string::npos);
}

}  // namespace
}  // namespace chancery
