// GET /api/export and revision= through Dispatch, without a socket: the
// streamed body is read by calling the response's producer directly.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "searchd/http/export_render.h"
#include "searchd/http/routes.h"
#include "searchd/http/routes_test_fixture.h"

namespace chancery {
namespace {

using nlohmann::json;

std::string Header(const HttpResponse& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return "";
}

// The whole streamed body, in the chunks the producer wrote.
std::string Body(const HttpResponse& r, int* chunks = nullptr) {
  if (!r.stream) return r.body;
  std::string body;
  int n = 0;
  EXPECT_TRUE(r.stream([&](std::string_view bytes) {
    body += bytes;
    ++n;
    return true;
  }));
  if (chunks) *chunks = n;
  return body;
}

std::vector<std::string> Lines(const std::string& text, const char* eol) {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t end; (end = text.find(eol, start)) != std::string::npos;
       start = end + std::string_view(eol).size()) {
    lines.push_back(text.substr(start, end - start));
  }
  EXPECT_EQ(start, text.size()) << "text after the last line end";
  return lines;
}

TEST(ExportRenderTest, EscapesCsvFields) {
  std::string out;
  AppendCsvField("plain", out);
  out += '|';
  AppendCsvField("a,b", out);
  out += '|';
  AppendCsvField("say \"hi\"", out);
  out += '|';
  AppendCsvField("two\nlines\r", out);
  out += '|';
  AppendCsvField("", out);
  EXPECT_EQ(out, "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\r\"|");
}

TEST(ExportRenderTest, WritesEachFormat) {
  ExportRow row(2);
  row[0].text = "x,1";
  row[1].is_list = true;
  row[1].list = {"fr", "de"};
  for (const auto& [format, want] :
       std::vector<std::pair<std::string, std::string>>{
           {"csv", "id,country\r\n\"x,1\",fr;de\r\n\"x,1\",fr;de\r\n"},
           {"jsonl",
            "{\"id\":\"x,1\",\"country\":[\"fr\",\"de\"]}\n"
            "{\"id\":\"x,1\",\"country\":[\"fr\",\"de\"]}\n"},
           {"json",
            "[{\"id\":\"x,1\",\"country\":[\"fr\",\"de\"]},"
            "{\"id\":\"x,1\",\"country\":[\"fr\",\"de\"]}]\n"}}) {
    ExportEncoder encoder(format, {"id", "country"});
    std::string out;
    encoder.Begin(out);
    encoder.Row(row, out);
    encoder.Row(row, out);
    encoder.End(out);
    EXPECT_EQ(out, want) << format;
  }
}

class ExportRouteTest : public RoutesTestFixture {};

TEST_F(ExportRouteTest, StreamsEveryMatchAsCsvWithTheDefaultColumns) {
  Dispatched search = Run(TestRequest("/api/search", {{"size", "0"}}));
  ASSERT_EQ(search.response.status, 200);
  const json answer = json::parse(search.response.body);
  Dispatched d = Run(TestRequest("/api/export"));
  EXPECT_EQ(d.route, "export");
  ASSERT_EQ(d.response.status, 200) << d.response.body;
  EXPECT_EQ(d.response.content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(Header(d.response, "X-Chancery-Revision"), answer["revision"]);
  EXPECT_EQ(Header(d.response, "X-Total-Count"),
            std::to_string(answer["total"].get<int>()));
  EXPECT_NE(Header(d.response, "Content-Disposition").find("attachment"),
            std::string::npos);
  const std::vector<std::string> lines = Lines(Body(d.response), "\r\n");
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0],
            "id,title,url,country,person,org,source,lang,date,"
            "author,dateline");
  EXPECT_EQ(static_cast<int>(lines.size()) - 1, answer["total"].get<int>());
  std::set<std::string> ids;
  for (size_t i = 1; i < lines.size(); ++i) {
    ids.insert(lines[i].substr(0, lines[i].find(',')));
  }
  EXPECT_EQ(static_cast<int>(ids.size()), answer["total"].get<int>());
  EXPECT_TRUE(ids.count("a1"));
}

TEST_F(ExportRouteTest, FiltersAndPicksColumnsAsJsonLinesAndJson) {
  Dispatched search =
      Run(TestRequest("/api/search", {{"country", "FR"}, {"size", "100"}}));
  const json answer = json::parse(search.response.body);
  std::set<std::string> want;
  for (const json& hit : answer["hits"]) want.insert(hit["id"]);
  ASSERT_FALSE(want.empty());
  Dispatched jsonl = Run(TestRequest(
      "/api/export",
      {{"country", "FR"}, {"format", "jsonl"}, {"fields", "id,country,body"}}));
  ASSERT_EQ(jsonl.response.status, 200) << jsonl.response.body;
  EXPECT_EQ(jsonl.response.content_type, "application/x-ndjson");
  std::set<std::string> got;
  for (const std::string& line : Lines(Body(jsonl.response), "\n")) {
    json row = json::parse(line);
    EXPECT_EQ(row.size(), 3u) << line;
    got.insert(row["id"].get<std::string>());
    ASSERT_TRUE(row["country"].is_array()) << line;
    EXPECT_NE(std::find(row["country"].begin(), row["country"].end(), "FR"),
              row["country"].end())
        << line;
    EXPECT_TRUE(row["body"].is_string());
  }
  EXPECT_EQ(got, want);
  Dispatched array = Run(
      TestRequest("/api/export",
                  {{"country", "FR"}, {"format", "json"}, {"fields", "id"}}));
  ASSERT_EQ(array.response.status, 200);
  json rows = json::parse(Body(array.response));
  ASSERT_TRUE(rows.is_array());
  EXPECT_EQ(rows.size(), want.size());
}

TEST_F(ExportRouteTest, RejectsBadFormatsAndFieldsNamingTheParameter) {
  for (const auto& [name, value] :
       std::vector<std::pair<std::string, std::string>>{{"format", "xml"},
                                                        {"fields", "id,nope"},
                                                        {"fields", "id,id"},
                                                        {"facet", "nope"},
                                                        {"sort", "nope"}}) {
    Dispatched d = Run(TestRequest("/api/export", {{name, value}}));
    EXPECT_EQ(d.response.status, 400) << name << "=" << value;
    EXPECT_FALSE(d.response.stream) << name;
    EXPECT_EQ(json::parse(d.response.body)["error"]["param"], name)
        << d.response.body;
  }
  Dispatched both =
      Run(TestRequest("/api/export", {{"facet", "country"}, {"fields", "id"}}));
  EXPECT_EQ(both.response.status, 400);
}

TEST_F(ExportRouteTest, ExportsAFacetTableWithItsCounts) {
  Dispatched search = Run(TestRequest(
      "/api/search", {{"facets", "country"}, {"facet_size", "100"}}));
  const json facet = json::parse(search.response.body)["facets"]["country"];
  Dispatched d = Run(TestRequest("/api/export", {{"facet", "country"}}));
  ASSERT_EQ(d.response.status, 200) << d.response.body;
  const std::vector<std::string> lines = Lines(Body(d.response), "\r\n");
  ASSERT_EQ(lines.size(), facet.size() + 1);
  EXPECT_EQ(lines[0], "value,label,count");
  for (size_t i = 0; i < facet.size(); ++i) {
    EXPECT_EQ(lines[i + 1], facet[i]["value"].get<std::string>() + "," +
                                facet[i]["label"].get<std::string>() + "," +
                                std::to_string(facet[i]["count"].get<int>()));
  }
  Dispatched j = Run(
      TestRequest("/api/export", {{"facet", "country"}, {"format", "json"}}));
  EXPECT_EQ(json::parse(j.response.body).size(), facet.size());
}

TEST_F(ExportRouteTest, ARevisionNoLongerKeptIs410NamingTheParameter) {
  Dispatched d =
      Run(TestRequest("/api/search", {{"revision", "0000000000000000"}}));
  EXPECT_EQ(d.response.status, 410);
  const json error = json::parse(d.response.body)["error"];
  EXPECT_EQ(error["code"], "expired");
  EXPECT_EQ(error["param"], "revision");
  Dispatched e =
      Run(TestRequest("/api/export", {{"revision", "0000000000000000"}}));
  EXPECT_EQ(e.response.status, 410);
  // The current one answers, and names itself.
  const std::string revision =
      json::parse(Run(TestRequest("/api/search")).response.body)["revision"];
  Dispatched same = Run(TestRequest("/api/search", {{"revision", revision}}));
  EXPECT_EQ(same.response.status, 200);
  EXPECT_EQ(json::parse(same.response.body)["revision"], revision);
}

TEST_F(ExportRouteTest, AClientGoneStopsTheStream) {
  Dispatched d = Run(TestRequest("/api/export", {{"fields", "id,body"}}));
  ASSERT_TRUE(d.response.stream);
  int writes = 0;
  EXPECT_FALSE(d.response.stream([&](std::string_view) {
    ++writes;
    return false;
  }));
  EXPECT_LE(writes, 1);
}

}  // namespace
}  // namespace chancery
