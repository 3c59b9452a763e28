// GET /api/feed through the route table, without a socket, over an index
// of its own (articles are added during the tests): the document is a
// valid Atom feed (RFC 4287, checked with libxml2), chancery-index's feed
// reader reads the same articles back, conditional GETs answer 304, and
// bad parameters 400 naming them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "common/stored_article.h"
#include "indexer/readers/article_reader.h"
#include "searchd/http/atom_feed.h"
#include "searchd/http/atom_rfc_check.h"
#include "searchd/http/conditional_get.h"
#include "searchd/http/request_params.h"
#include "searchd/http/routes.h"
#include "searchd/testing/test_corpus.h"

namespace chancery {
namespace {

using nlohmann::json;
using Query = std::vector<std::pair<std::string, std::string>>;

struct Recorder : ArticleSink {
  std::vector<Article> articles;
  std::vector<std::string> problems;
  void OnArticle(Article&& a) override { articles.push_back(std::move(a)); }
  void OnReject(const std::string& o, const std::string& r) override {
    problems.push_back(o + ": " + r);
  }
  void OnWarning(const std::string& o, const std::string& r) override {
    problems.push_back(o + ": " + r);
  }
};

std::string Header(const HttpResponse& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return "";
}

class FeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fixtures::MakeTempDir("feed");
    ASSERT_TRUE(fixtures::WriteIndex(dir_, fixtures::SmallCorpus()).ok());
    SearcherOptions options;
    options.db_paths = {dir_};
    options.reload_interval_ms = 0;  // See articles added by a test at once.
    auto searcher = Searcher::Open(options);
    ASSERT_TRUE(searcher.ok()) << searcher.status().ToString();
    searcher_ = std::move(searcher).value();
    config_.search = options;
  }
  void TearDown() override {
    searcher_.reset();
    std::filesystem::remove_all(dir_);
  }

  // With Host: news.test:8080 unless `host` is false.
  HttpResponse Get(Query query, Query headers = {}, std::string method = "GET",
                   bool host = true) {
    HttpRequest r;
    r.method = std::move(method);
    r.path = "/api/feed";
    r.query = std::move(query);
    if (host) r.headers.emplace_back("Host", "news.test:8080");
    for (auto& h : headers) r.headers.push_back(std::move(h));
    Dispatched d =
        Dispatch(ServerContext{*searcher_, config_, metrics_}, std::move(r));
    if (d.response.status != 405) {
      EXPECT_EQ(d.route, "feed");
    }
    return d.response;
  }

  // The articles chancery-index's reader finds in `xml`, read from a file
  // as the indexer would read it (format detected from the name).
  std::vector<Article> ReadBack(const std::string& xml) {
    const std::string path = dir_ + "/served.atom";
    std::ofstream(path) << xml;
    Recorder sink;
    EXPECT_TRUE(ReadArticles(path, sink).ok());
    EXPECT_TRUE(sink.problems.empty()) << testing::PrintToString(sink.problems);
    return sink.articles;
  }

  std::string dir_;
  std::unique_ptr<Searcher> searcher_;
  ServerConfig config_;
  Metrics metrics_;
};

TEST_F(FeedTest, IsAValidAtomFeedOfTheNewestMatches) {
  HttpResponse r = Get({{"q", "china"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/atom+xml; charset=utf-8");
  EXPECT_EQ(Header(r, "Cache-Control"), "no-cache");
  const std::vector<std::string> errors = atom_check::AtomErrors(r.body);
  EXPECT_TRUE(errors.empty()) << testing::PrintToString(errors) << r.body;

  xmlDoc* doc = xmlReadMemory(r.body.data(), static_cast<int>(r.body.size()),
                              "f.atom", nullptr, XML_PARSE_NONET);
  ASSERT_NE(doc, nullptr);
  const xmlNode* root = xmlDocGetRootElement(doc);
  using atom_check::Attr;
  using atom_check::Children;
  using atom_check::Text;
  EXPECT_EQ(Text(Children(root, "id")[0]), "urn:chancery:feed:q=china");
  EXPECT_EQ(Text(Children(root, "title")[0]), "Chancery: \u201cchina\u201d");
  std::map<std::string, std::string> links;
  for (const xmlNode* l : Children(root, "link")) {
    links[Attr(l, "rel")] = Attr(l, "href");
  }
  EXPECT_EQ(links["self"], "http://news.test:8080/api/feed?q=china");
  EXPECT_EQ(links["alternate"], "http://news.test:8080/?q=china&sort=date");
  const auto entries = Children(root, "entry");
  ASSERT_GE(entries.size(), 3u);
  std::string previous = "9999";
  for (const xmlNode* e : entries) {
    const std::string updated = Text(Children(e, "updated")[0]);
    EXPECT_LE(updated, previous) << "newest first";
    previous = updated;
    EXPECT_EQ(Text(Children(e, "published")[0]), updated);
    EXPECT_FALSE(Text(Children(e, "summary")[0]).empty());
    EXPECT_EQ(Text(Children(e, "summary")[0]).find('<'), std::string::npos);
  }
  // The feed is as new as its newest entry.
  EXPECT_EQ(Text(Children(root, "updated")[0]),
            Text(Children(entries[0], "updated")[0]));
  xmlFreeDoc(doc);
}

TEST_F(FeedTest, ChanceryIndexReadsTheArticlesBack) {
  HttpResponse r = Get({{"country", "FR"}, {"limit", "50"}});
  ASSERT_EQ(r.status, 200) << r.body;
  std::vector<Article> back = ReadBack(r.body);
  std::map<std::string, fixtures::TestArticle> original;
  for (fixtures::TestArticle& t : fixtures::SmallCorpus()) {
    original[t.article.url] = std::move(t);
  }
  ASSERT_FALSE(back.empty());
  for (const Article& a : back) {
    SCOPED_TRACE(a.url);
    ASSERT_TRUE(original.count(a.url)) << "alternate link is the source URL";
    const Article& o = original[a.url].article;
    EXPECT_EQ(a.title, o.title);
    EXPECT_EQ(a.date, o.date);
    EXPECT_EQ(a.source, o.source);
    EXPECT_EQ(a.id, "urn:chancery:article:" + o.id);
    EXPECT_FALSE(a.body.empty());  // The summary.
  }
}

TEST_F(FeedTest, TheIdIsTheSelectionWhateverTheOrderAndLimit) {
  auto id = [this](Query q) {
    HttpResponse r = Get(std::move(q));
    EXPECT_EQ(r.status, 200) << r.body;
    xmlDoc* doc = xmlReadMemory(r.body.data(), static_cast<int>(r.body.size()),
                                "f.atom", nullptr, XML_PARSE_NONET);
    EXPECT_NE(doc, nullptr);
    if (doc == nullptr) return std::string();
    const std::string text = atom_check::Text(
        atom_check::Children(xmlDocGetRootElement(doc), "id").at(0));
    xmlFreeDoc(doc);
    return text;
  };
  const std::string a = id({{"q", "trade talks"},
                            {"country", "FR"},
                            {"country", "CN"},
                            {"any", "country"},
                            {"limit", "5"}});
  EXPECT_EQ(
      a, "urn:chancery:feed:any=country&country=CN&country=FR&q=trade%20talks");
  EXPECT_EQ(a, id({{"any", "country"},
                   {"country", "CN"},
                   {"q", "trade talks"},
                   {"country", "FR"}}));
  EXPECT_EQ(id({}), "urn:chancery:feed:all");
}

TEST_F(FeedTest, LinksAreRelativeWithoutAPlainHost) {
  for (const Query& headers : {Query{}, Query{{"Host", "evil\"><x"}}}) {
    HttpResponse r = Get({{"q", "macron"}}, headers, "GET", /*host=*/false);
    ASSERT_EQ(r.status, 200);
    EXPECT_NE(r.body.find("href=\"/api/feed?q=macron\""), std::string::npos)
        << r.body;
    EXPECT_EQ(r.body.find("evil"), std::string::npos);
  }
}

TEST_F(FeedTest, LimitCapsTheEntries) {
  HttpResponse r = Get({{"limit", "2"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(ReadBack(r.body).size(), 2u);
  EXPECT_NE(r.body.find("/api/feed?limit=2\""), std::string::npos);
  EXPECT_EQ(ReadBack(Get({}).body).size(), 12u);  // All 12, under 20.
}

TEST_F(FeedTest, ConditionalGetsAnswer304UntilSomethingIsNew) {
  const Query q = {{"q", "macron"}};
  HttpResponse first = Get(q);
  ASSERT_EQ(first.status, 200);
  const std::string etag = Header(first, "ETag");
  const std::string modified = Header(first, "Last-Modified");
  ASSERT_FALSE(etag.empty());
  ASSERT_FALSE(modified.empty());

  HttpResponse by_tag = Get(q, {{"If-None-Match", etag}});
  EXPECT_EQ(by_tag.status, 304);
  EXPECT_TRUE(by_tag.body.empty());
  EXPECT_EQ(Header(by_tag, "ETag"), etag);
  EXPECT_EQ(Get(q, {{"If-Modified-Since", modified}}).status, 304);
  EXPECT_EQ(Get(q, {{"If-None-Match", etag}}, "HEAD").status, 304);
  EXPECT_EQ(
      Get(q, {{"If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT"}}).status,
      200);
  // Another query is another document.
  EXPECT_EQ(Get({{"q", "china"}}, {{"If-None-Match", etag}}).status, 200);

  // A new article that matches changes the feed and its tag.
  fixtures::TestArticle fresh = fixtures::SmallCorpus()[0];
  fresh.article.id = "a13";
  fresh.article.url = "https://example.org/a13";
  fresh.article.title = "Macron answers questions";
  fresh.article.date = fixtures::EpochSeconds(2025, 1, 2);
  ASSERT_TRUE(fixtures::WriteIndex(dir_, {fresh}).ok());
  HttpResponse after = Get(q, {{"If-None-Match", etag}});
  ASSERT_EQ(after.status, 200);
  EXPECT_NE(Header(after, "ETag"), etag);
  EXPECT_NE(after.body.find("Macron answers questions"), std::string::npos);
  EXPECT_EQ(ReadBack(after.body).front().title, "Macron answers questions");
  EXPECT_EQ(Get(q, {{"If-None-Match", Header(after, "ETag")}}).status, 304);
}

TEST_F(FeedTest, LastModifiedIsTheIndexCommit) {
  HttpResponse r = Get({});
  StatusOr<IndexStats> stats = searcher_->Stats();
  ASSERT_TRUE(stats.ok());
  std::optional<int64_t> commit = ParseIsoDate(stats->last_update);
  ASSERT_TRUE(commit);
  EXPECT_EQ(Header(r, "Last-Modified"), FormatHttpDate(*commit));
}

TEST_F(FeedTest, BadParametersAre400NamingThem) {
  const std::vector<std::pair<Query, std::string>> bad = {
      {{{"limit", "0"}}, "limit"},
      {{{"limit", "101"}}, "limit"},
      {{{"limit", "ten"}}, "limit"},
      {{{"limit", "5"}, {"limit", "6"}}, "limit"},
      {{{"from", "yesterday"}}, "from"},
      {{{"any", "nothing"}}, "any"},
      {{{"q", "a"}, {"q", "b"}}, "q"},
  };
  for (const auto& [query, param] : bad) {
    HttpResponse r = Get(query);
    EXPECT_EQ(r.status, 400) << param << " " << r.body;
    EXPECT_EQ(r.content_type, "application/json");
    json body = json::parse(r.body);
    EXPECT_EQ(body["error"]["param"], param) << r.body;
    EXPECT_EQ(body["error"]["code"], "invalid_argument");
  }
  config_.search.max_page_size = 10;  // The server's cap applies too.
  EXPECT_EQ(Get({{"limit", "11"}}).status, 400);
  EXPECT_EQ(Get({{"limit", "10"}}).status, 200);
  EXPECT_EQ(ReadBack(Get({}).body).size(), 10u);  // The default yields.
}

// Whatever a client sends is a valid feed or a 400, never a broken document.
TEST_F(FeedTest, HostileTextGivesAValidFeedOrA400) {
  const std::vector<Query> hostile = {
      {{"q", "\x01<b>&amp;\"]]>\x7f"}}, {{"q", "caf\xc3 \xff\xfe"}},
      {{"q", "\xef\xbf\xbe macron"}},   {{"source", "<script>"}, {"q", "'\"&"}},
      {{"q", std::string(5000, 'a')}},  {{"country", std::string("F\0R", 3)}},
  };
  int feeds = 0;
  for (const Query& q : hostile) {
    HttpResponse r = Get(q);
    SCOPED_TRACE(q.front().second.substr(0, 40));
    if (r.status == 400) {
      EXPECT_TRUE(json::parse(r.body, nullptr, false).is_object());
      continue;
    }
    ASSERT_EQ(r.status, 200) << r.body;
    ++feeds;
    EXPECT_TRUE(atom_check::AtomErrors(r.body).empty())
        << testing::PrintToString(atom_check::AtomErrors(r.body)) << r.body;
  }
  EXPECT_GE(feeds, 3);  // The text reaches the document, not only 400s.
}

TEST_F(FeedTest, OtherMethodsAre405) {
  EXPECT_EQ(Get({}, {}, "POST").status, 405);
  EXPECT_EQ(Get({}, {}, "HEAD").status, 200);
}

TEST(FeedParamsTest, ParsesTheSelectionAndFixesTheRest) {
  HttpRequest req;
  req.query = {{"q", "x"},     {"country", "FR"},  {"from", "2024"},
               {"to", "2025"}, {"any", "country"}, {"sort", "relevance"},
               {"page", "3"}};
  auto r = ParseFeedParams(req);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->q, "x");
  EXPECT_EQ(r->filters.at("country").values, std::vector<std::string>{"FR"});
  EXPECT_TRUE(r->filters.at("country").any);
  EXPECT_EQ(r->from, "2024");
  EXPECT_EQ(r->to, "2025");
  EXPECT_EQ(r->sort, "date");  // Not a feed parameter: ignored.
  EXPECT_EQ(r->page, 1);
  EXPECT_EQ(r->size, kDefaultFeedEntries);
  EXPECT_TRUE(r->facets.empty());
  EXPECT_FALSE(r->suggest);
  EXPECT_EQ(CanonicalSelectionQuery(*r),
            "any=country&country=FR&from=2024&q=x&to=2025");
  EXPECT_EQ(PercentEncode("a b/\u00e9~"), "a%20b%2F%C3%A9~");
}

}  // namespace
}  // namespace chancery
