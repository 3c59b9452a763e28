// HTTP tests against the real chancery-searchd binary on a loopback port,
// over an index built in-process from the small test corpus.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "searchd/testing/test_corpus.h"
#include "tests/searchd/server_process.h"

namespace chancery {
namespace {

using fixtures::SmallCorpus;
using fixtures::TestArticle;
using nlohmann::json;

class SearchdHttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(fixtures::MakeTempDir("http-index"));
    web_ = new std::string(fixtures::MakeTempDir("http-web"));
    ASSERT_TRUE(fixtures::WriteIndex(*dir_, SmallCorpus()).ok());
    std::ofstream(*web_ + "/index.html")
        << "<!doctype html><title>Chancery</title>";
    std::filesystem::create_directories(*web_ + "/js");
    std::ofstream(*web_ + "/js/app.js") << "console.log('hi');";
    std::ofstream(*web_ + "/style.css") << "body{}";
    std::ofstream(std::filesystem::path(*web_).parent_path() /
                  "chancery-secret.txt")
        << "secret";
    server_ = new ServerProcess(
        {"--db", *dir_, "--web-root", *web_, "--threads", "4"});
    ASSERT_TRUE(server_->ok()) << server_->StderrText();
  }
  static void TearDownTestSuite() {
    delete server_;
    std::filesystem::remove_all(*dir_);
    std::filesystem::remove_all(*web_);
    delete dir_;
    delete web_;
  }

  static httplib::Result Get(const std::string& target) {
    httplib::Client client("127.0.0.1", server_->port());
    return client.Get(target);
  }
  static json GetJson(const std::string& target, int expect_status = 200) {
    auto res = Get(target);
    EXPECT_TRUE(res) << target;
    if (!res) return json();
    EXPECT_EQ(res->status, expect_status) << target << " -> " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json")
        << target;
    return json::parse(res->body, nullptr, false);
  }
  static std::map<std::string, int64_t> Counts(const json& facet) {
    std::map<std::string, int64_t> out;
    for (const json& v : facet) out[v["value"]] = v["count"];
    return out;
  }

  static std::string* dir_;
  static std::string* web_;
  static ServerProcess* server_;
};

std::string* SearchdHttpTest::dir_ = nullptr;
std::string* SearchdHttpTest::web_ = nullptr;
ServerProcess* SearchdHttpTest::server_ = nullptr;

// --- Independent facet counting over the corpus -------------------------

const std::vector<Entity>& Field(const TestArticle& a, const std::string& f) {
  if (f == "country") return a.entities.countries;
  if (f == "person") return a.entities.people;
  return a.entities.orgs;
}

bool Has(const TestArticle& a, const std::string& field,
         const std::string& id) {
  for (const Entity& e : Field(a, field)) {
    if (e.id == id) return true;
  }
  return false;
}

// Articles passing all filters (field -> ids, all of them) except `skip`.
std::map<std::string, int64_t> ExpectedCounts(
    const std::map<std::string, std::vector<std::string>>& filters,
    const std::string& facet) {
  std::map<std::string, int64_t> counts;
  for (const TestArticle& a : SmallCorpus()) {
    bool pass = true;
    for (const auto& [field, ids] : filters) {
      if (field == facet) continue;  // multi-select
      for (const std::string& id : ids) pass &= Has(a, field, id);
    }
    if (!pass) continue;
    for (const Entity& e : Field(a, facet)) ++counts[e.id];
  }
  return counts;
}

TEST_F(SearchdHttpTest, Health) {
  json j = GetJson("/api/health");
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["articles"], 12);
}

TEST_F(SearchdHttpTest, SearchShape) {
  json j = GetJson("/api/search?q=blinken+kyiv");
  EXPECT_EQ(j["total"], 1);
  EXPECT_EQ(j["total_exact"], true);
  EXPECT_TRUE(j["took_ms"].is_number());
  ASSERT_EQ(j["hits"].size(), 1u);
  const json& hit = j["hits"][0];
  for (const char* key : {"id", "title", "date", "url", "source", "lang",
                          "score", "snippet", "countries", "people", "orgs"}) {
    EXPECT_TRUE(hit.contains(key)) << key;
  }
  EXPECT_EQ(hit["countries"][0]["code"], "US");
  EXPECT_EQ(hit["countries"][0]["name"], "United States");
  EXPECT_EQ(hit["people"][0]["id"], "antony-blinken");
  for (const char* f : {"country", "person", "org", "date"}) {
    EXPECT_TRUE(j["facets"].contains(f)) << f;
  }
  EXPECT_TRUE(j["facets"]["country"][0].contains("label"));
  EXPECT_TRUE(j.contains("suggestion"));
}

TEST_F(SearchdHttpTest, EmptyQueryBrowsesEverything) {
  json j = GetJson("/api/search?size=100");
  EXPECT_EQ(j["total"], 12);
  EXPECT_EQ(j["hits"].size(), 12u);
}

TEST_F(SearchdHttpTest, SnippetMarksFoldedWords) {
  json j = GetJson("/api/search?q=sejourne&size=10");
  ASSERT_GE(j["hits"].size(), 3u);
  for (const json& h : j["hits"]) {
    EXPECT_NE(h["snippet"].get<std::string>().find("<mark>Séjourné</mark>"),
              std::string::npos)
        << h["snippet"];
  }
}

TEST_F(SearchdHttpTest, MultiSelectFacetsMatchIndependentCounts) {
  const std::vector<std::map<std::string, std::vector<std::string>>> cases = {
      {},
      {{"country", {"DE"}}},
      {{"country", {"FR", "CN"}}},
      {{"country", {"FR"}}, {"person", {"olaf-scholz"}}},
      {{"person", {"stephane-sejourne"}}, {"org", {"eu"}}},
      {{"country", {"UA"}}, {"org", {"nato"}}, {"person", {"antony-blinken"}}},
  };
  for (const auto& filters : cases) {
    std::string target =
        "/api/search?size=0&facet_size=200&facets=country,person,org";
    for (const auto& [field, ids] : filters) {
      for (const std::string& id : ids) target += "&" + field + "=" + id;
    }
    json j = GetJson(target);
    for (const char* facet : {"country", "person", "org"}) {
      EXPECT_EQ(Counts(j["facets"][facet]), ExpectedCounts(filters, facet))
          << target << " facet " << facet;
    }
    // Total honours every filter.
    int64_t total = 0;
    for (const TestArticle& a : SmallCorpus()) {
      bool pass = true;
      for (const auto& [field, ids] : filters) {
        for (const std::string& id : ids) pass &= Has(a, field, id);
      }
      total += pass;
    }
    EXPECT_EQ(j["total"], total) << target;
  }
}

TEST_F(SearchdHttpTest, AnyMakesValuesAlternatives) {
  json all = GetJson("/api/search?country=FR&country=CN&size=0");
  json any = GetJson("/api/search?country=FR&country=CN&any=country&size=0");
  EXPECT_EQ(all["total"], 5);
  EXPECT_EQ(any["total"], 9);
}

TEST_F(SearchdHttpTest, DatesSortAndPaging) {
  json j = GetJson(
      "/api/search?from=2024-03&to=2024-04&sort=date_asc&size=2&page=2");
  EXPECT_EQ(j["total"], 4);
  ASSERT_EQ(j["hits"].size(), 2u);
  EXPECT_EQ(j["hits"][0]["id"], "a8");
  EXPECT_EQ(j["hits"][1]["id"], "a9");
  json d =
      GetJson("/api/search?from=2024-03&to=2024-03&facets=date&interval=auto");
  EXPECT_EQ(d["date_interval"], "day");
}

TEST_F(SearchdHttpTest, BadParametersAre400WithParam) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/api/search?size=abc", "size"},
      {"/api/search?size=1000", "size"},
      {"/api/search?page=0", "page"},
      {"/api/search?sort=up", "sort"},
      {"/api/search?from=2024-99", "from"},
      {"/api/search?to=x", "to"},
      {"/api/search?facets=colour", "facets"},
      {"/api/search?facet_size=-1", "facet_size"},
      {"/api/search?interval=week", "interval"},
      {"/api/search?any=colour", "any"},
      {"/api/search?q=a&q=b", "q"},
      {"/api/search?page=99999999999", "page"},
      {"/api/doc/a1/similar?size=x", "size"},
      {"/api/facet/colour", "name"},
      {"/api/facet/person?size=0", "size"},
  };
  for (const auto& [target, param] : cases) {
    json j = GetJson(target, 400);
    ASSERT_TRUE(j.contains("error")) << target;
    EXPECT_EQ(j["error"]["code"], "invalid_argument") << target;
    EXPECT_EQ(j["error"]["param"], param) << target;
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
  }
}

TEST_F(SearchdHttpTest, NothingCrashesTheServer) {
  for (const char* target :
       {"/api/search?q=%22%22%22((((", "/api/search?q=AND+OR+NOT",
        "/api/search?q=*", "/api/search?q=title:", "/api/search?q=date:..",
        "/api/search?q=date:2024-02-31..", "/api/search?q=person:%00",
        "/api/search?q=%C3%28", "/api/search?country=%FF", "/api/doc/%00",
        "/api/search?q=NEAR+NEAR", "/api/search?q=-",
        "/api/search?q=country:zz*"}) {
    auto res = Get(target);
    ASSERT_TRUE(res) << target;
    EXPECT_LT(res->status, 500) << target << " " << res->body;
  }
  EXPECT_EQ(GetJson("/api/health")["status"], "ok");
}

// The malformed-query table of the searcher test, as a client sends it:
// percent-encoded, with lone surrogates, overlong forms, controls and bidi
// marks that only exist after decoding. Each answer is 200 (searched as its
// plain words) or 400 naming q, always JSON, never 5xx.
TEST_F(SearchdHttpTest, MalformedQueryTextIsSearchedOrA400NamingQ) {
  const std::vector<std::string> encoded = {
      "%5CX%7D%3C%E4%B8%AD+OR+%3B%5C%E2%80%AEb%3Fb!+NOT++%7B",
      "%22",
      "%22%22%22",
      "%22trade",
      "trade%22",
      "%28",
      "%29",
      "%28%28trade",
      "trade%29%29",
      "%28trade+OR+%28talks",
      "AND",
      "OR",
      "NOT",
      "AND+OR+NOT",
      "trade+AND",
      "OR+trade",
      "NOT+trade",
      "trade+NEAR",
      "trade+NEAR%2F",
      "trade+NEAR%2F99999999999+talks",
      "trade+ADJ%2F",
      "%2B",
      "-",
      "%2B-",
      "~",
      "title%3A",
      "title%3A%28",
      "title%3A%22",
      "country%3A",
      "person%3A",
      "date%3A",
      "date%3A..",
      "date%3A2024..x",
      "colour%3Ared",
      "*",
      "**",
      "*trade",
      "%ED%A0%80",           // lone high surrogate U+D800 in UTF-8 form
      "trade+%ED%B0%80",     // lone low surrogate U+DC00
      "%ED%A0%80%ED%B0%80",  // a CESU-8 pair, not UTF-8
      "%F4%90%80%80",        // past U+10FFFF
      "%C0%AF",              // overlong '/'
      "%E2%80%AE",           // right-to-left override alone
      "%E2%80%AEtrade%E2%80%AC",
      "%E2%81%A6trade%E2%81%A9",  // isolates
      "%E2%80%8B%E2%80%8B",       // zero-width spaces
      "%EF%BB%BFtrade",           // BOM
      "trade%00talks",
      "%01",
      "%09%7F%1B%5B31m",
      "%0D%0Atrade",
      "%E4%B8%AD+OR",
      "%22%E4%B8%AD",
      "%E4%B8%AD*",
      "%28%E4%B8%AD%29",
      std::string(4096, 'x'),
      [] {
        std::string s;
        for (int i = 0; i < 1365; ++i) s += "%28";  // 4,095 bytes
        return s;
      }(),
      [] {
        std::string s;
        for (int i = 0; i < 1365; ++i) s += "%22";
        return s;
      }(),
  };
  ASSERT_GE(encoded.size(), 50u);
  for (const std::string& q : encoded) {
    const std::string target = "/api/search?q=" + q;
    auto res = Get(target);
    ASSERT_TRUE(res) << target.substr(0, 80);
    EXPECT_LT(res->status, 500) << target.substr(0, 80) << " " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json")
        << target.substr(0, 80);
    json j = json::parse(res->body, nullptr, false);
    ASSERT_TRUE(j.is_object()) << target.substr(0, 80);
    if (res->status == 200) {
      EXPECT_TRUE(j.contains("total")) << target.substr(0, 80);
    } else {
      EXPECT_EQ(res->status, 400) << target.substr(0, 80);
      EXPECT_EQ(j["error"]["param"], "q") << target.substr(0, 80);
    }
  }
  // The words around the operators are still searched.
  EXPECT_GE(GetJson("/api/search?q=%28%28trade")["total"].get<int64_t>(), 1);
  EXPECT_EQ(GetJson("/api/health")["status"], "ok");
}

TEST_F(SearchdHttpTest, UnknownRoutesAndIdsAre404Json) {
  json r = GetJson("/api/nothing", 404);
  EXPECT_EQ(r["error"]["code"], "not_found");
  json d = GetJson("/api/doc/no-such-id", 404);
  EXPECT_EQ(d["error"]["code"], "not_found");
  GetJson("/api/doc/no-such-id/similar", 404);
  httplib::Client client("127.0.0.1", server_->port());
  auto post = client.Post("/api/search", "", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
}

TEST_F(SearchdHttpTest, Document) {
  json j = GetJson("/api/doc/a3");
  EXPECT_EQ(j["id"], "a3");
  EXPECT_EQ(j["title"], "Macron visits Berlin");
  EXPECT_NE(j["body"].get<std::string>().find("Olaf Scholz"),
            std::string::npos);
  EXPECT_EQ(j["people"][0]["mentions"], 2);
  EXPECT_TRUE(j["meta"].is_object());
  EXPECT_EQ(j["highlights"], json::array());
}

TEST_F(SearchdHttpTest, DocumentHighlightsForAQuery) {
  // a2: "Séjourné à Pékin pour des négociations commerciales"; offsets are
  // UTF-16 code units (é is 2 bytes but 1 unit).
  json j = GetJson("/api/doc/a2?q=sejourne");
  ASSERT_TRUE(j["highlights"].is_array());
  ASSERT_GE(j["highlights"].size(), 2u);
  EXPECT_EQ(j["highlights"][0],
            (json{{"field", "title"}, {"start", 0}, {"end", 8}}));
  EXPECT_EQ(j["highlights"][1],
            (json{{"field", "body"}, {"start", 21}, {"end", 29}}));
  EXPECT_EQ(GetJson("/api/doc/a2?q=%FF", 400)["error"]["param"], "q");
  EXPECT_EQ(GetJson("/api/doc/a2?q=a&q=b", 400)["error"]["param"], "q");
  EXPECT_EQ(GetJson("/api/doc/a2?q=zzzz")["highlights"], json::array());
}

TEST_F(SearchdHttpTest, Similar) {
  json j = GetJson("/api/doc/a5/similar?size=3");
  ASSERT_FALSE(j["hits"].empty());
  for (const json& h : j["hits"]) {
    EXPECT_NE(h["id"], "a5");
    EXPECT_TRUE(h.contains("snippet"));
  }
}

TEST_F(SearchdHttpTest, FacetAutocomplete) {
  json j = GetJson("/api/facet/person?prefix=sej");
  ASSERT_EQ(j["values"].size(), 1u);
  EXPECT_EQ(j["values"][0]["value"], "stephane-sejourne");
  EXPECT_EQ(j["values"][0]["label"], "Stéphane Séjourné");
  EXPECT_EQ(j["values"][0]["count"], 3);
  json within = GetJson("/api/facet/country?q=scholz");
  EXPECT_EQ(Counts(within["values"]),
            (std::map<std::string, int64_t>{
                {"DE", 4}, {"FR", 2}, {"CN", 1}, {"US", 1}, {"UA", 1}}));
}

TEST_F(SearchdHttpTest, StatsAndMetrics) {
  json s = GetJson("/api/stats");
  EXPECT_EQ(s["articles"], 12);
  EXPECT_GT(s["index_size_bytes"], 0);
  EXPECT_TRUE(s["last_update"].is_string());
  EXPECT_EQ(s["distinct_values"]["country"], 6);
  GetJson("/api/search?q=macron");
  auto m = Get("/metrics");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->status, 200);
  EXPECT_NE(
      m->body.find(
          "chancery_http_requests_total{route=\"search\",status=\"200\"}"),
      std::string::npos);
  EXPECT_NE(
      m->body.find(
          "chancery_http_request_duration_seconds_bucket{route=\"search\""),
      std::string::npos);
}

TEST_F(SearchdHttpTest, StaticFilesWithCsp) {
  auto index = Get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->get_header_value("Content-Type"),
            "text/html; charset=utf-8");
  std::string csp = index->get_header_value("Content-Security-Policy");
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  auto js = Get("/js/app.js");
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->get_header_value("Content-Type"),
            "text/javascript; charset=utf-8");
  auto css = Get("/style.css");
  EXPECT_EQ(css->get_header_value("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(Get("/missing.html")->status, 404);
}

// Raw request so that neither client nor library normalises the path.
std::string RawGet(int port, const std::string& target) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
    return "";
  std::string req =
      "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  (void)!write(fd, req.data(), req.size());
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) out.append(buf, n);
  close(fd);
  return out;
}

// Sends `request` as is and reads the answer until the server closes or 5 s
// pass; `seconds` is how long that took.
std::string RawRequest(int port, const std::string& request, double* seconds) {
  const auto start = std::chrono::steady_clock::now();
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval timeout{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string out;
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    (void)!write(fd, request.data(), request.size());
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) out.append(buf, n);
  }
  close(fd);
  *seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  return out;
}

// The status and JSON body of a raw response ("" when not JSON).
std::pair<int, json> StatusAndJson(const std::string& response) {
  int status = response.size() > 12 ? std::atoi(response.c_str() + 9) : 0;
  size_t body = response.find("\r\n\r\n");
  json j = body == std::string::npos
               ? json()
               : json::parse(response.substr(body + 4), nullptr, false);
  return {status, j};
}

TEST_F(SearchdHttpTest, HostileParametersAre400NamingTheParam) {
  auto repeat = [](const std::string& item, int n, const std::string& sep) {
    std::string out;
    for (int i = 0; i < n; ++i) out += (i ? sep : "") + item;
    return out;
  };
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/api/search?q=" + std::string(5000, 'a'), "q"},
      {"/api/search?q=%FF%FE", "q"},
      // Cost limits: identical words AND a long posting list with itself,
      // each wildcard is an OR of up to 200 terms.
      {"/api/search?q=" + repeat("a", 65, "+"), "q"},
      {"/api/search?q=" + repeat("a*", 6, "+OR+"), "q"},
      {"/api/doc/a1?q=" + repeat("a", 65, "+"), "q"},
      {"/api/facet/person?q=" + repeat("a", 65, "+"), "q"},
      // Deep paging is capped at a 10,000 result window.
      {"/api/search?page=10000000&size=100", "page"},
      {"/api/search?page=101&size=100", "page"},
      {"/api/search?page=-1", "page"},
      {"/api/search?size=-5", "size"},
      {"/api/search?page=1e3", "page"},
      {"/api/search?facet_size=0", "facet_size"},
      // Repeated parameters (httplib folds identical name=value pairs).
      {"/api/search?" +
           [&] {
             std::string t;
             for (int i = 0; i < 500; ++i)
               t += "&country=C" + std::to_string(i);
             return t;
           }(),
       "country"},
      {"/api/search?q=x&" + repeat("q=y", 500, "&"), "q"},
      {"/api/search?page=1&" + repeat("page=2", 500, "&"), "page"},
  };
  for (const auto& [target, param] : cases) {
    const auto start = std::chrono::steady_clock::now();
    json j = GetJson(target, 400);
    EXPECT_EQ(j["error"]["param"], param) << target.substr(0, 80);
    EXPECT_LT(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count(),
        1.0)
        << target.substr(0, 80);
  }
  // Within the limits, answers.
  GetJson("/api/search?q=" + repeat("a", 64, "+"));
  GetJson("/api/search?q=" + repeat("a*", 5, "+OR+"));
  GetJson("/api/search?page=100&size=100");
  GetJson("/api/search?" + repeat("any=country", 500, "&"));
  GetJson("/api/search?" + repeat("unknown=1", 500, "&"));
  GetJson("/api/search?q=abc%00def");
  EXPECT_EQ(GetJson("/api/health")["status"], "ok");
}

TEST_F(SearchdHttpTest, HostileRequestsGet4xxJsonAtOnce) {
  const int port = server_->port();
  struct Case {
    std::string name;
    std::string request;
    int status;
  };
  const std::string host = "Host: x\r\nConnection: close\r\n";
  const std::vector<Case> cases = {
      // Nothing takes a body: answered before httplib would wait 5 s for
      // one (no Content-Length) or refuse it (too long).
      {"POST without length", "POST /api/search HTTP/1.1\r\n" + host + "\r\n",
       405},
      {"POST of 100 MB",
       "POST /api/search HTTP/1.1\r\n" + host +
           "Content-Length: 100000000\r\n\r\n",
       405},
      {"chunked PUT",
       "PUT /api/search HTTP/1.1\r\n" + host +
           "Transfer-Encoding: chunked\r\n\r\nffffff\r\n",
       405},
      {"POST elsewhere", "POST /api/nothing HTTP/1.1\r\n" + host + "\r\n", 404},
      {"TRACE", "TRACE /api/search HTTP/1.1\r\n" + host + "\r\n", 405},
      {"unknown method", "FOO /api/search HTTP/1.1\r\n" + host + "\r\n", 400},
      {"NUL in path",
       std::string("GET /api/doc/a\0b HTTP/1.1\r\n", 27) + host + "\r\n", 400},
      {"invalid UTF-8 id", "GET /api/doc/\xff\xfe HTTP/1.1\r\n" + host + "\r\n",
       404},
      {"invalid UTF-8 file", "GET /\xff\xfe.js HTTP/1.1\r\n" + host + "\r\n",
       404},
      {"long path",
       "GET /" + std::string(10000, 'a') + " HTTP/1.1\r\n" + host + "\r\n",
       414},
      {"long header",
       "GET /api/health HTTP/1.1\r\n" + host +
           "X-A: " + std::string(20000, 'a') + "\r\n\r\n",
       400},
      {"bad version", "GET /api/health HTTP/9.9\r\n" + host + "\r\n", 400},
  };
  for (const Case& c : cases) {
    double seconds = 0;
    auto [status, j] = StatusAndJson(RawRequest(port, c.request, &seconds));
    EXPECT_EQ(status, c.status) << c.name;
    EXPECT_TRUE(j.is_object() && j.contains("error"))
        << c.name << ": " << j.dump();
    EXPECT_LT(seconds, 2.0) << c.name;
  }
  EXPECT_EQ(GetJson("/api/health")["status"], "ok");
}

TEST_F(SearchdHttpTest, RangeIsIgnoredAndHeadHasNoBody) {
  httplib::Client client("127.0.0.1", server_->port());
  const std::string page = Get("/")->body;
  std::string many = "bytes=0-0";
  for (int i = 0; i < 500; ++i) many += ",0-";
  for (const std::string& range :
       {std::string("bytes=0-3"), std::string("bytes=999999-"),
        std::string("bytes=-5"), many}) {
    for (const char* target : {"/", "/api/health"}) {
      auto res = client.Get(target, {{"Range", range}});
      ASSERT_TRUE(res) << range;
      EXPECT_EQ(res->status, 200) << target << " " << range.substr(0, 20);
      EXPECT_FALSE(res->has_header("Content-Range")) << target;
      if (std::string(target) == "/") {
        EXPECT_EQ(res->body, page);
      }
    }
  }
  // A Range httplib cannot parse is refused before any handler, as JSON.
  auto bad = client.Get("/", {{"Range", "bytes=100-50"}});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 416);
  EXPECT_EQ(json::parse(bad->body, nullptr, false)["error"]["code"],
            "range_not_satisfiable");
  for (const char* target : {"/", "/api/search?q=macron", "/api/doc/a1"}) {
    auto head = client.Head(target);
    ASSERT_TRUE(head) << target;
    EXPECT_EQ(head->status, 200) << target;
    EXPECT_TRUE(head->body.empty()) << target;
  }
  auto missing = client.Head("/api/doc/nope");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
}

TEST_F(SearchdHttpTest, NoWayOutOfTheWebRoot) {
  for (const char* target :
       {"/../chancery-secret.txt", "/%2e%2e/chancery-secret.txt",
        "/%2E%2E%2Fchancery-secret.txt", "/js/../../chancery-secret.txt",
        "/..%2fchancery-secret.txt", "/....//chancery-secret.txt",
        "/%252e%252e/chancery-secret.txt", "/..\\chancery-secret.txt",
        "/../../../../etc/passwd"}) {
    std::string response = RawGet(server_->port(), target);
    EXPECT_EQ(response.find("secret\n"), std::string::npos) << target;
    EXPECT_EQ(response.find("root:"), std::string::npos) << target;
    EXPECT_EQ(response.find(" 200 "), std::string::npos) << target;
  }
}

TEST_F(SearchdHttpTest, ConcurrentRequests) {
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&ok, t] {
      httplib::Client client("127.0.0.1", server_->port());
      for (int i = 0; i < 25; ++i) {
        auto res = client.Get(t % 2 ? "/api/search?q=macron"
                                    : "/api/search?country=FR");
        if (res && res->status == 200) ++ok;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok, 200);
}

TEST(SearchdLifecycleTest, ServesIndexUpdatesWithoutRestart) {
  std::vector<TestArticle> corpus = SmallCorpus();
  std::string dir = fixtures::MakeTempDir("http-reload");
  ASSERT_TRUE(
      fixtures::WriteIndex(dir, {corpus.begin(), corpus.begin() + 4}).ok());
  ServerProcess server({"--db", dir});
  ASSERT_TRUE(server.ok()) << server.StderrText();
  httplib::Client client("127.0.0.1", server.port());
  EXPECT_EQ(json::parse(client.Get("/api/search?size=0")->body)["total"], 4);
  ASSERT_TRUE(
      fixtures::WriteIndex(dir, {corpus.begin() + 4, corpus.end()}).ok());
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  int64_t total = 0;
  while (std::chrono::steady_clock::now() < deadline && total != 12) {
    total = json::parse(client.Get("/api/search?size=0")->body)["total"];
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(total, 12);
  EXPECT_EQ(server.Stop(), 0);
  std::filesystem::remove_all(dir);
}

TEST(SearchdLifecycleTest, SigtermExitsZero) {
  std::string dir = fixtures::MakeTempDir("http-term");
  ASSERT_TRUE(fixtures::WriteIndex(dir, SmallCorpus()).ok());
  ServerProcess server({"--db", dir});
  ASSERT_TRUE(server.ok());
  EXPECT_EQ(server.Stop(), 0);
  std::filesystem::remove_all(dir);
}

// The limits reach the search core from the file (--config) and from
// flags, the flag winning.
TEST(SearchdConfigTest, LimitsFromTheFileAndFlags) {
  std::string dir = fixtures::MakeTempDir("http-config");
  ASSERT_TRUE(fixtures::WriteIndex(dir, SmallCorpus()).ok());
  const std::string file = dir + "-chancery.json";
  std::ofstream(file) << R"({"db_path": ")" << dir << R"(",
      "max_page_size": 5, "max_query_words": 3, "max_result_window": 50})";
  ServerProcess server({"--config", file, "--max-query-words=2"});
  ASSERT_TRUE(server.ok()) << server.StderrText();
  httplib::Client client("127.0.0.1", server.port());
  auto status = [&client](const std::string& target) {
    auto res = client.Get(target);
    return res ? res->status : -1;
  };
  EXPECT_EQ(status("/api/search?q=&size=5"), 200);
  EXPECT_EQ(status("/api/search?q=&size=6"), 400);          // file
  EXPECT_EQ(status("/api/search?q=&size=5&page=11"), 400);  // file
  EXPECT_EQ(status("/api/search?q=summit+paris&size=5"), 200);
  EXPECT_EQ(status("/api/search?q=summit+paris+talks&size=5"), 400);  // flag
  EXPECT_EQ(server.Stop(), 0);
  std::filesystem::remove_all(dir);
  std::filesystem::remove(file);
}

void ExpectOneLineError(const ProcessResult& r, const std::string& what) {
  EXPECT_NE(r.exit_code, 0) << what;
  EXPECT_EQ(r.signal, 0) << what;
  EXPECT_EQ(std::count(r.stderr_text.begin(), r.stderr_text.end(), '\n'), 1)
      << what << ": " << r.stderr_text;
  EXPECT_NE(r.stderr_text.find("chancery-searchd: "), std::string::npos)
      << what;
  EXPECT_EQ(r.stderr_text.find("terminate"), std::string::npos) << what;
}

TEST(SearchdStartupTest, ErrorsAreOneLine) {
  std::string dir = fixtures::MakeTempDir("http-startup");
  ASSERT_TRUE(fixtures::WriteIndex(dir, SmallCorpus()).ok());
  std::string not_index = fixtures::MakeTempDir("not-an-index");
  std::ofstream(not_index + "/file.txt") << "hello";

  ExpectOneLineError(RunSearchd({"--listen", "127.0.0.1:1"}), "missing --db");
  ExpectOneLineError(RunSearchd({"--db", dir, "--bogus", "1"}),
                     "unknown option");
  ExpectOneLineError(
      RunSearchd({"--db", not_index, "--listen",
                  "127.0.0.1:" + std::to_string(FreeLoopbackPort())}),
      "not an index");
  ExpectOneLineError(RunSearchd({"--db", "/nonexistent/index"}),
                     "missing index");
  // A port in use.
  ServerProcess first({"--db", dir});
  ASSERT_TRUE(first.ok());
  ExpectOneLineError(RunSearchd({"--db", dir, "--listen",
                                 "127.0.0.1:" + std::to_string(first.port())}),
                     "port in use");
  std::filesystem::remove_all(dir);
  std::filesystem::remove_all(not_index);
}

}  // namespace
}  // namespace chancery
