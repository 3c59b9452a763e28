// Handlers and routing without a socket: plain requests in, plain
// responses out.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/facets.h"
#include "searchd/http/request_params.h"
#include "searchd/http/routes.h"
#include "searchd/http/routes_test_fixture.h"

namespace chancery {
namespace {

using nlohmann::json;

TEST(RequestParamsTest, ParsesEveryParameter) {
  auto r =
      ParseSearchParams(TestRequest("/api/search", {{"q", "macron"},
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
  EXPECT_EQ(r->filters.at("country").values,
            (std::vector<std::string>{"FR", "CN"}));
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
  EXPECT_TRUE(ParseSearchParams(TestRequest("/api/search", {{"facets", ""}}))
                  ->facets.empty());
}

TEST(RequestParamsTest, SyntaxErrorsNameTheParameter) {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"size", "ten"},
      {"page", "1.5"},
      {"facet_size", ""},
      {"page", "99999999999"},
      {"any", "nothing"}};
  for (const auto& [name, value] : bad) {
    auto r = ParseSearchParams(TestRequest("/api/search", {{name, value}}));
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << name;
    EXPECT_EQ(r.status().param(), name);
  }
  auto twice = ParseSearchParams(
      TestRequest("/api/search", {{"sort", "date"}, {"sort", "date"}}));
  EXPECT_EQ(twice.status().param(), "sort");
}

using RoutesTest = RoutesTestFixture;

TEST_F(RoutesTest, RoutesToHandlers) {
  Dispatched d = Run(TestRequest("/api/search", {{"q", "macron"}}));
  EXPECT_EQ(d.route, "search");
  EXPECT_EQ(d.response.status, 200);
  EXPECT_EQ(json::parse(d.response.body)["total"], 3);
  d = Run(TestRequest("/api/doc/a1"));
  EXPECT_EQ(d.route, "doc");
  EXPECT_EQ(json::parse(d.response.body)["id"], "a1");
  d = Run(TestRequest("/api/doc/a1/similar"));
  EXPECT_EQ(d.route, "similar");
  EXPECT_EQ(d.response.status, 200);
  EXPECT_EQ(Run(TestRequest("/api/facet/org")).route, "facet");
  EXPECT_EQ(Run(TestRequest("/api/health")).route, "health");
  EXPECT_EQ(Run(TestRequest("/api/stats")).route, "stats");
  EXPECT_EQ(Run(TestRequest("/api/schema")).route, "schema");
  EXPECT_EQ(Run(TestRequest("/api/openapi.json")).route, "openapi");
  d = Run(TestRequest("/metrics"));
  EXPECT_EQ(d.route, "metrics");
  EXPECT_EQ(d.response.content_type.rfind("text/plain", 0), 0u);
  d = Run(TestRequest("/"));
  EXPECT_EQ(d.route, "static");
  EXPECT_EQ(d.response.body, "<p>hi</p>");
}

TEST_F(RoutesTest, SchemaListsTheFieldRegistry) {
  Dispatched d = Run(TestRequest("/api/schema"));
  EXPECT_EQ(d.route, "schema");
  ASSERT_EQ(d.response.status, 200);
  json fields = json::parse(d.response.body)["fields"];
  ASSERT_EQ(fields.size(), schema::kFields.size());
  json hits = json::parse(
      Run(TestRequest("/api/search", {{"q", ""}})).response.body)["hits"];
  ASSERT_FALSE(hits.empty());
  for (size_t i = 0; i < fields.size(); ++i) {
    const schema::FieldSpec& spec = schema::kFields[i];
    const json& f = fields[i];
    EXPECT_EQ(f["name"], spec.name);
    EXPECT_EQ(f["label"], spec.label);
    EXPECT_EQ(f["plural_label"], spec.plural_label);
    EXPECT_EQ(f["filter"], schema::HasValues(spec));
    if (spec.kind != schema::FieldKind::kEntity) {
      EXPECT_FALSE(f.contains("hit_key")) << spec.name;
      continue;
    }
    // The UI finds a hit's entities under these keys.
    for (const json& hit : hits) {
      ASSERT_TRUE(hit[f["hit_key"].get<std::string>()].is_array()) << f;
      for (const json& e : hit[f["hit_key"].get<std::string>()]) {
        EXPECT_TRUE(e.contains(f["hit_id_key"].get<std::string>())) << e;
      }
    }
  }
  EXPECT_EQ(fields[0]["label"], "Country");
  EXPECT_EQ(fields[0]["kind"], "entity");
  EXPECT_EQ(fields[0]["normalisation"], "country_code");
  EXPECT_EQ(fields[0]["hit_key"], "countries");
  EXPECT_EQ(fields[0]["hit_id_key"], "code");
  EXPECT_EQ(fields[4]["name"], "lang");
  EXPECT_EQ(fields[4]["label_source"], "language_name");
  EXPECT_EQ(fields[4]["value_search"], false);
  EXPECT_EQ(fields[5]["name"], "date");
  EXPECT_EQ(fields[5]["kind"], "date");
  EXPECT_EQ(fields[5]["filter"], false);
}

TEST_F(RoutesTest, ErrorsAreJson) {
  Dispatched d = Run(TestRequest("/api/unknown"));
  EXPECT_EQ(d.response.status, 404);
  EXPECT_EQ(json::parse(d.response.body)["error"]["code"], "not_found");
  d = Run(TestRequest("/api/doc/zzz"));
  EXPECT_EQ(d.response.status, 404);
  d = Run(TestRequest("/api/search", {{"size", "1000"}}));
  EXPECT_EQ(d.response.status, 400);
  EXPECT_EQ(json::parse(d.response.body)["error"]["param"], "size");
  HttpRequest post = TestRequest("/api/search");
  post.method = "POST";
  EXPECT_EQ(Run(post).response.status, 405);
  EXPECT_EQ(Run(TestRequest("/../etc/passwd")).response.status, 404);
  EXPECT_EQ(Run(TestRequest("/.hidden")).response.status, 404);
}

TEST_F(RoutesTest, CollapseByStoryCountsStories) {
  json articles = json::parse(
      Run(TestRequest("/api/search", {{"country", "US"}})).response.body);
  EXPECT_EQ(articles["unit"], "article");
  EXPECT_EQ(articles["total"], 7);
  EXPECT_FALSE(articles["hits"][0].contains("story"));
  Dispatched d = Run(TestRequest("/api/search", {{"country", "US"},
                                                 {"collapse", "story"},
                                                 {"facets", "org"},
                                                 {"size", "20"}}));
  ASSERT_EQ(d.response.status, 200) << d.response.body;
  json stories = json::parse(d.response.body);
  EXPECT_EQ(stories["unit"], "story");
  EXPECT_EQ(stories["total"], 5);
  ASSERT_EQ(stories["hits"].size(), 5u);
  EXPECT_EQ(stories["facets"]["org"][0],
            json({{"value", "un"}, {"label", "United Nations"}, {"count", 3}}));
  bool saw_a4 = false;
  for (const json& hit : stories["hits"]) {
    if (hit["story"]["id"] != "a4") continue;
    saw_a4 = true;
    EXPECT_EQ(hit["story"]["versions"], 3);
    EXPECT_EQ(hit["story"]["size"], 3);
    EXPECT_EQ(hit["story"]["first_reported"]["source"], "AP");
    EXPECT_TRUE(hit["story"]["first_reported"]["date"].is_string());
    EXPECT_TRUE(hit["story"]["other_sources"].is_array());
  }
  EXPECT_TRUE(saw_a4);
  d = Run(TestRequest("/api/search", {{"collapse", "site"}}));
  EXPECT_EQ(d.response.status, 400);
  EXPECT_EQ(json::parse(d.response.body)["error"]["param"], "collapse");
}

TEST_F(RoutesTest, StoryListsVersionsOrAnswers404) {
  Dispatched d = Run(TestRequest("/api/story/s1"));
  EXPECT_EQ(d.route, "story");
  ASSERT_EQ(d.response.status, 200) << d.response.body;
  json story = json::parse(d.response.body);
  EXPECT_EQ(story["id"], "a1");
  EXPECT_EQ(story["size"], 3);
  ASSERT_EQ(story["versions"].size(), 3u);
  EXPECT_EQ(story["versions"][0]["id"], "a1");
  EXPECT_EQ(story["versions"][2]["id"], "s2");
  EXPECT_EQ(story["versions"][1]["added"],
            json::array({"The European Union welcomed the framework."}));
  d = Run(TestRequest("/api/story/no-such-story"));
  EXPECT_EQ(d.response.status, 404);
  EXPECT_EQ(json::parse(d.response.body)["error"]["code"], "not_found");
}

TEST_F(RoutesTest, TermsProfilesTheMatchesOfASearch) {
  const std::vector<std::pair<std::string, std::string>> query = {
      {"q", "macron"}, {"country", "FR"}};
  Dispatched d = Run(TestRequest("/api/terms", query));
  EXPECT_EQ(d.route, "terms");
  ASSERT_EQ(d.response.status, 200) << d.response.body;
  json terms = json::parse(d.response.body);
  json search =
      json::parse(Run(TestRequest("/api/search", query)).response.body);
  EXPECT_EQ(terms["total"], search["total"]);
  EXPECT_EQ(terms["articles"], fixtures::StoryCorpus().size());
  EXPECT_EQ(terms["sampled"], false);
  EXPECT_EQ(terms["sample_size"], terms["total"]);
  ASSERT_FALSE(terms["words"].empty());
  for (const json& w : terms["words"]) {
    EXPECT_LE(w["count"].get<int>(), w["index_count"].get<int>()) << w;
    EXPECT_LE(w["count"].get<int>(), terms["total"].get<int>()) << w;
    EXPECT_GT(w["score"].get<double>(), 0) << w;
  }
  // size bounds the lists.
  json one = json::parse(
      Run(TestRequest("/api/terms", {{"q", "macron"}, {"size", "1"}}))
          .response.body);
  EXPECT_EQ(one["words"].size(), 1u);
}

TEST_F(RoutesTest, TermsBadParametersAre400NamingThem) {
  for (const auto& [name, value] :
       std::vector<std::pair<std::string, std::string>>{{"size", "0"},
                                                        {"size", "x"},
                                                        {"size", "101"},
                                                        {"from", "May"},
                                                        {"any", "colour"}}) {
    Dispatched d = Run(TestRequest("/api/terms", {{name, value}}));
    EXPECT_EQ(d.response.status, 400) << name << "=" << value;
    json body = json::parse(d.response.body);
    EXPECT_EQ(body["error"]["param"], name) << d.response.body;
  }
  Dispatched twice = Run(TestRequest("/api/terms", {{"q", "a"}, {"q", "b"}}));
  EXPECT_EQ(json::parse(twice.response.body)["error"]["param"], "q");
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
  EXPECT_NE(
      text.find(
          "chancery_http_requests_total{route=\"search\",status=\"200\"} 1"),
      std::string::npos);
  EXPECT_NE(text.find("chancery_http_request_duration_seconds_bucket{route="
                      "\"search\",le=\"0.005\"} 2"),
            std::string::npos);
  EXPECT_NE(
      text.find(
          "chancery_http_request_duration_seconds_count{route=\"search\"} 2"),
      std::string::npos);
}

// The sanitizers' allocators replace glibc's malloc and answer mallinfo2
// with zeros, so in those trees the heap gauges read 0.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define CHANCERY_HEAP_GAUGES_READ_ZERO 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define CHANCERY_HEAP_GAUGES_READ_ZERO 1
#endif
#endif

// The memory gauges are this process's: a resident set of at least the
// block just allocated and touched, and a heap in use at least that large.
TEST(MetricsTest, MemoryGaugesAreThisProcesses) {
  constexpr size_t kBlock = 8 << 20;
  std::vector<char> block(kBlock, 'x');
  const std::string text = Metrics().RenderPrometheus();
  auto gauge = [&text](const std::string& name) -> double {
    const size_t at = text.find("\n" + name + " ");
    if (at == std::string::npos) return -1;
    return std::stod(text.substr(at + name.size() + 2));
  };
  EXPECT_GE(gauge("process_resident_memory_bytes"), kBlock);
#ifdef CHANCERY_HEAP_GAUGES_READ_ZERO
  EXPECT_EQ(gauge("chancery_heap_bytes{state=\"in_use\"}"), 0);
#else
  EXPECT_GE(gauge("chancery_heap_bytes{state=\"in_use\"}"), kBlock);
#endif
  EXPECT_GE(gauge("chancery_heap_bytes{state=\"free\"}"), 0);
  EXPECT_EQ(block[kBlock - 1], 'x');
}

}  // namespace
}  // namespace chancery
