// The analyst views' handlers without a socket: parameters in, JSON out,
// and 400s naming the bad parameter.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/base/civil_date.h"
#include "searchd/http/routes.h"
#include "searchd/http/routes_test_fixture.h"

namespace chancery {
namespace {

using nlohmann::json;

// Over the small corpus, whose articles the expectations count.
class AnalystHandlersTest : public RoutesTestFixtureOf<fixtures::SmallCorpus> {
 protected:
  static json Ok(HttpRequest r) {
    Dispatched d = Run(std::move(r));
    EXPECT_EQ(d.response.status, 200) << d.response.body;
    return json::parse(d.response.body);
  }
  static void ExpectBad(HttpRequest r, const std::string& param) {
    Dispatched d = Run(std::move(r));
    EXPECT_EQ(d.response.status, 400) << param << ": " << d.response.body;
    json body = json::parse(d.response.body);
    EXPECT_EQ(body["error"]["code"], "invalid_argument");
    EXPECT_EQ(body["error"]["param"], param) << body;
  }
};

TEST_F(AnalystHandlersTest, RoutesByName) {
  EXPECT_EQ(Run(TestRequest("/api/comentions")).route, "comentions");
  EXPECT_EQ(Run(TestRequest("/api/timeline")).route, "timeline");
  EXPECT_EQ(Run(TestRequest("/api/bursts")).route, "bursts");
  HttpRequest post = TestRequest("/api/timeline");
  post.method = "POST";
  EXPECT_EQ(Run(post).response.status, 405);
}

TEST_F(AnalystHandlersTest, DateBucketsCarryTheIndexTotal) {
  // Articles of the small corpus per month, counted from the corpus.
  std::map<std::string, int64_t> per_month;
  for (const fixtures::TestArticle& t : fixtures::SmallCorpus()) {
    CivilDate c = CivilFromDays(DayOfEpochSeconds(*t.article.date));
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04d-%02d", c.year, c.month);
    ++per_month[buf];
  }
  json body = Ok(TestRequest(
      "/api/search",
      {{"q", "person:scholz"}, {"facets", "date"}, {"interval", "month"}}));
  ASSERT_FALSE(body["facets"]["date"].empty());
  for (const json& bucket : body["facets"]["date"]) {
    EXPECT_EQ(bucket["all"], per_month[bucket["value"]]) << bucket;
    EXPECT_LE(bucket["count"], bucket["all"]);
  }
  // Cut to from/to like the count: only 2024-02-01..10 of February.
  body = Ok(TestRequest("/api/search", {{"facets", "date"},
                                        {"interval", "month"},
                                        {"from", "2024-02-01"},
                                        {"to", "2024-02-10"}}));
  ASSERT_EQ(body["facets"]["date"].size(), 1u);
  EXPECT_EQ(body["facets"]["date"][0]["all"], 1);  // a2 on 02-03
  // Other facets have no all.
  body = Ok(TestRequest("/api/search", {{"facets", "country"}}));
  EXPECT_FALSE(body["facets"]["country"][0].contains("all"));
}

TEST_F(AnalystHandlersTest, ComentionsAnswerListAndMatrix) {
  json body = Ok(TestRequest("/api/comentions", {{"field", "country"},
                                                 {"with", "person:macron"},
                                                 {"sort", "significance"}}));
  EXPECT_EQ(body["field"], "country");
  // a3, a7 (Emmanuel) and a10 (Brigitte): a surname names both.
  EXPECT_EQ(body["articles"], 3);
  EXPECT_EQ(body["with"]["matches"].size(), 2u);
  EXPECT_EQ(body["values"][0]["value"], "FR");
  EXPECT_EQ(body["values"][0]["count"], 3);
  EXPECT_DOUBLE_EQ(body["values"][0]["share"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(body["values"][0]["lift"].get<double>(),
                   12.0 / 8);  // FR: 8 of 12

  body = Ok(TestRequest("/api/comentions", {{"field", "person"},
                                            {"against", "org"},
                                            {"size", "2"},
                                            {"q", "country:DE"}}));
  EXPECT_EQ(body["against"], "org");
  EXPECT_EQ(body["articles"], 5);  // a3, a5, a7, a11, a12
  EXPECT_EQ(body["rows"][0]["value"], "olaf-scholz");
  EXPECT_EQ(body["columns"][0]["value"], "eu");  // a3, a7, a12
  // Scholz with the EU: a3 and a7.
  EXPECT_EQ(body["cells"][0][0], 2);
  EXPECT_FALSE(body.contains("values"));
}

TEST_F(AnalystHandlersTest, TimelineTakesSeveralQueries) {
  json body = Ok(TestRequest(
      "/api/timeline",
      {{"q", "person:scholz"}, {"q", "country:UA"}, {"interval", "year"}}));
  EXPECT_EQ(body["interval"], "year");
  ASSERT_EQ(body["series"].size(), 2u);
  EXPECT_EQ(body["series"][0]["q"], "person:scholz");
  const json& ua = body["series"][1]["buckets"];
  ASSERT_EQ(ua.size(), 2u);
  EXPECT_EQ(ua[0]["value"], "2023");
  EXPECT_EQ(ua[0]["count"], 1);  // a6
  EXPECT_EQ(ua[0]["all"], 2);    // a6, a7
  EXPECT_EQ(ua[1]["count"], 2);  // a4, a11
  EXPECT_EQ(ua[1]["all"], 10);
  // No q: one series of everything.
  body = Ok(TestRequest("/api/timeline"));
  ASSERT_EQ(body["series"].size(), 1u);
  EXPECT_EQ(body["series"][0]["total"], 12);
}

TEST_F(AnalystHandlersTest, BurstsAnswerTheirTest) {
  json body = Ok(TestRequest("/api/bursts", {{"field", "person"}}));
  EXPECT_EQ(body["to"], "2024-06-30");    // The index's last day ...
  EXPECT_EQ(body["from"], "2024-06-03");  // ... and 27 before.
  EXPECT_EQ(body["test"]["window_days"], 28);
  EXPECT_TRUE(body["values"].empty());  // A dozen articles never burst.
  body = Ok(
      TestRequest("/api/bursts", {{"field", "person"}, {"value", "scholz"}}));
  ASSERT_EQ(body["values"].size(), 1u);
  EXPECT_EQ(body["values"][0]["days"].size(), 28u);
  EXPECT_TRUE(body["values"][0]["days"][0]["z"].is_null());  // No baseline.
}

TEST_F(AnalystHandlersTest, BadParametersAre400NamingThem) {
  ExpectBad(TestRequest("/api/comentions", {{"with", "macron"}}), "with");
  ExpectBad(TestRequest("/api/comentions", {{"with", "planet:mars"}}), "with");
  ExpectBad(TestRequest("/api/comentions", {{"with", "person:"}}), "with");
  ExpectBad(TestRequest("/api/comentions", {{"field", "planet"}}), "field");
  ExpectBad(TestRequest("/api/comentions", {{"field", "date"}}), "field");
  ExpectBad(TestRequest("/api/comentions", {{"against", "x"}}), "against");
  ExpectBad(TestRequest("/api/comentions", {{"sort", "date"}}), "sort");
  ExpectBad(TestRequest("/api/comentions", {{"size", "0"}}), "size");
  ExpectBad(
      TestRequest("/api/comentions", {{"against", "org"}, {"size", "51"}}),
      "size");
  ExpectBad(TestRequest("/api/comentions", {{"from", "2024-13"}}), "from");
  ExpectBad(TestRequest("/api/comentions", {{"with", "a:b"}, {"with", "c:d"}}),
            "with");
  std::vector<std::pair<std::string, std::string>> six;
  for (int i = 0; i < 6; ++i) six.push_back({"q", "w" + std::to_string(i)});
  ExpectBad(TestRequest("/api/timeline", six), "q");
  ExpectBad(TestRequest("/api/timeline", {{"interval", "hour"}}), "interval");
  ExpectBad(
      TestRequest("/api/timeline", {{"q", "a"}, {"q", std::string(5000, 'x')}}),
      "q");
  ExpectBad(TestRequest("/api/timeline", {{"from", "2024"}, {"to", "2023"}}),
            "from");
  ExpectBad(TestRequest("/api/bursts", {{"field", "nope"}}), "field");
  ExpectBad(TestRequest("/api/bursts", {{"value", std::string(300, 'x')}}),
            "value");
  ExpectBad(TestRequest("/api/bursts", {{"size", "ten"}}), "size");
  ExpectBad(TestRequest("/api/bursts", {{"country", ""}}), "country");
}

}  // namespace
}  // namespace chancery
