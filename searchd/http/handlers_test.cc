// Handlers and routing without a socket: plain requests in, plain
// responses out.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "searchd/http/request_params.h"
#include "searchd/http/routes.h"
#include "searchd/testing/test_corpus.h"

namespace chancery {
namespace {

using nlohmann::json;

HttpRequest Req(std::string path,
                std::vector<std::pair<std::string, std::string>> query = {}) {
  HttpRequest r;
  r.path = std::move(path);
  r.query = std::move(query);
  return r;
}

TEST(RequestParamsTest, ParsesEveryParameter) {
  auto r = ParseSearchParams(Req("/api/search", {{"q", "macron"},
                                                 {"country", "FR"},
                                                 {"country", "CN"},
                                                 {"person", "x"},
                                                 {"any", "country,org"},
                                                 {"from", "2024"},
                                                 {"to", "2024-03"},
                                                 {"sort", "date"},
                                                 {"page", "2"},
                                                 {"size", "5"},
                                                 {"facets", "country, date"},
                                                 {"facet_size", "20"},
                                                 {"interval", "month"},
                                                 {"unknown", "ignored"}}));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->q, "macron");
  EXPECT_EQ(r->filters.at("country").values, (std::vector<std::string>{"FR", "CN"}));
  EXPECT_TRUE(r->filters.at("country").any);
  EXPECT_FALSE(r->filters.at("person").any);
  EXPECT_EQ(r->filters.count("org"), 0u);
  EXPECT_EQ(r->from, "2024");
  EXPECT_EQ(r->to, "2024-03");
  EXPECT_EQ(r->sort, "date");
  EXPECT_EQ(r->page, 2);
  EXPECT_EQ(r->size, 5);
  EXPECT_EQ(r->facets, (std::vector<std::string>{"country", "date"}));
  EXPECT_EQ(r->facet_size, 20);
  EXPECT_EQ(r->interval, "month");
  EXPECT_TRUE(ParseSearchParams(Req("/api/search", {{"facets", ""}}))->facets.empty());
}

TEST(RequestParamsTest, SyntaxErrorsNameTheParameter) {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"size", "ten"}, {"page", "1.5"}, {"facet_size", ""}, {"page", "99999999999"},
      {"any", "nothing"}};
  for (const auto& [name, value] : bad) {
    auto r = ParseSearchParams(Req("/api/search", {{name, value}}));
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << name;
    EXPECT_EQ(r.status().param(), name);
  }
  auto twice = ParseSearchParams(Req("/api/search", {{"sort", "date"}, {"sort", "date"}}));
  EXPECT_EQ(twice.status().param(), "sort");
}

class RoutesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(fixtures::MakeTempDir("routes"));
    ASSERT_TRUE(fixtures::WriteIndex(*dir_, fixtures::SmallCorpus()).ok());
    SearcherOptions options;
    options.db_paths = {*dir_};
    searcher_ = Searcher::Open(options)->release();
    config_ = new ServerConfig;
    config_->search.db_paths = {*dir_};
    config_->web_root = *dir_ + "/web";
    std::filesystem::create_directories(config_->web_root);
    std::ofstream(config_->web_root + "/index.html") << "<p>hi</p>";
    metrics_ = new Metrics;
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete config_;
    delete metrics_;
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }
  static Dispatched Run(HttpRequest r) {
    return Dispatch(ServerContext{*searcher_, *config_, *metrics_}, std::move(r));
  }
  static std::string* dir_;
  static Searcher* searcher_;
  static ServerConfig* config_;
  static Metrics* metrics_;
};

std::string* RoutesTest::dir_ = nullptr;
Searcher* RoutesTest::searcher_ = nullptr;
ServerConfig* RoutesTest::config_ = nullptr;
Metrics* RoutesTest::metrics_ = nullptr;

TEST_F(RoutesTest, RoutesToHandlers) {
  Dispatched d = Run(Req("/api/search", {{"q", "macron"}}));
  EXPECT_EQ(d.route, "search");
  EXPECT_EQ(d.response.status, 200);
  EXPECT_EQ(json::parse(d.response.body)["total"], 3);
  d = Run(Req("/api/doc/a1"));
  EXPECT_EQ(d.route, "doc");
  EXPECT_EQ(json::parse(d.response.body)["id"], "a1");
  d = Run(Req("/api/doc/a1/similar"));
  EXPECT_EQ(d.route, "similar");
  EXPECT_EQ(d.response.status, 200);
  EXPECT_EQ(Run(Req("/api/facet/org")).route, "facet");
  EXPECT_EQ(Run(Req("/api/health")).route, "health");
  EXPECT_EQ(Run(Req("/api/stats")).route, "stats");
  d = Run(Req("/metrics"));
  EXPECT_EQ(d.route, "metrics");
  EXPECT_EQ(d.response.content_type.rfind("text/plain", 0), 0u);
  d = Run(Req("/"));
  EXPECT_EQ(d.route, "static");
  EXPECT_EQ(d.response.body, "<p>hi</p>");
}

TEST_F(RoutesTest, ErrorsAreJson) {
  Dispatched d = Run(Req("/api/unknown"));
  EXPECT_EQ(d.response.status, 404);
  EXPECT_EQ(json::parse(d.response.body)["error"]["code"], "not_found");
  d = Run(Req("/api/doc/zzz"));
  EXPECT_EQ(d.response.status, 404);
  d = Run(Req("/api/search", {{"size", "1000"}}));
  EXPECT_EQ(d.response.status, 400);
  EXPECT_EQ(json::parse(d.response.body)["error"]["param"], "size");
  HttpRequest post = Req("/api/search");
  post.method = "POST";
  EXPECT_EQ(Run(post).response.status, 405);
  EXPECT_EQ(Run(Req("/../etc/passwd")).response.status, 404);
  EXPECT_EQ(Run(Req("/.hidden")).response.status, 404);
}

TEST(ErrorResponseTest, MapsStatusCodes) {
  EXPECT_EQ(ErrorResponse(Status::InvalidArgument("x", "p")).status, 400);
  EXPECT_EQ(ErrorResponse(Status::NotFound("x")).status, 404);
  EXPECT_EQ(ErrorResponse(Status::Unavailable("x")).status, 503);
  EXPECT_EQ(ErrorResponse(Status::IoError("x")).status, 503);
  EXPECT_EQ(ErrorResponse(Status::Internal("x")).status, 500);
}

TEST(MetricsTest, PrometheusText) {
  Metrics m;
  m.Record("search", 200, 0.003);
  m.Record("search", 400, 0.0001);
  std::string text = m.RenderPrometheus();
  EXPECT_NE(text.find("chancery_http_requests_total{route=\"search\",status=\"200\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("chancery_http_request_duration_seconds_bucket{route=\"search\",le=\"0.005\"} 2"),
            std::string::npos);
  EXPECT_NE(text.find("chancery_http_request_duration_seconds_count{route=\"search\"} 2"),
            std::string::npos);
}

}  // namespace
}  // namespace chancery
