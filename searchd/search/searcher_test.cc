#include "searchd/search/searcher.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <memory>
#include <set>
#include <thread>
#include <tuple>

#include "common/schema.h"
#include "searchd/testing/test_corpus.h"

namespace chancery {
namespace {

using fixtures::SmallCorpus;

class SearcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(fixtures::MakeTempDir("searcher"));
    ASSERT_TRUE(fixtures::WriteIndex(*dir_, SmallCorpus()).ok());
    SearcherOptions options;
    options.db_paths = {*dir_};
    options.reload_interval_ms = 50;
    auto s = Searcher::Open(options);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    searcher_ = std::move(*s).release();
  }
  static void TearDownTestSuite() {
    delete searcher_;
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }

  static SearchResponse Search(const SearchRequest& r) {
    auto result = searcher_->Search(r);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    return result.ok() ? *result : SearchResponse{};
  }
  static SearchResponse Query(const std::string& q) {
    SearchRequest r;
    r.q = q;
    r.size = 20;
    return Search(r);
  }
  static std::set<std::string> Ids(const SearchResponse& r) {
    std::set<std::string> ids;
    for (const Hit& h : r.hits) ids.insert(h.id);
    return ids;
  }
  static const FacetResult* Facet(const SearchResponse& r,
                                  const std::string& n) {
    for (const FacetResult& f : r.facets) {
      if (f.name == n) return &f;
    }
    return nullptr;
  }
  static int64_t CountOf(const FacetResult* f, const std::string& value) {
    if (!f) return -1;
    for (const FacetValue& v : f->values) {
      if (v.value == value) return v.count;
    }
    return 0;
  }
  static Status Error(const SearchRequest& r) {
    return searcher_->Search(r).status();
  }

  static std::string* dir_;
  static Searcher* searcher_;
};

std::string* SearcherTest::dir_ = nullptr;
Searcher* SearcherTest::searcher_ = nullptr;

TEST_F(SearcherTest, EmptyQueryMatchesEverything) {
  SearchResponse r = Query("");
  EXPECT_EQ(r.total, 12);
  EXPECT_TRUE(r.total_exact);
  EXPECT_EQ(r.hits.size(), 12u);
}

TEST_F(SearcherTest, BrowsingWithoutQueryIsNewestFirst) {
  // With no query text every match weighs the same: relevance order would be
  // storage order (a1, a2, ...), so the newest come first instead.
  std::vector<std::string> want = {"a12", "a11", "a10", "a9", "a8", "a5",
                                   "a4",  "a3",  "a2",  "a1", "a7", "a6"};
  for (const char* q : {"", "  "}) {
    SearchRequest r;
    r.q = q;
    r.size = 20;
    ASSERT_EQ(r.sort, "relevance");
    SearchResponse s = Search(r);
    std::vector<std::string> got;
    for (const Hit& h : s.hits) got.push_back(h.id);
    EXPECT_EQ(got, want) << "q=\"" << q << "\"";
  }
  // Browsing by facets too, and across pages.
  SearchRequest r;
  r.filters["country"].values = {"DE"};
  r.size = 2;
  r.page = 2;
  SearchResponse s = Search(r);
  ASSERT_EQ(s.hits.size(), 2u);
  EXPECT_EQ(s.hits[0].id, "a5");  // a12, a11 | a5, a3 | a7
  EXPECT_EQ(s.hits[1].id, "a3");
  // A query with words keeps relevance order.
  EXPECT_EQ(Query("porcelain").hits.at(0).id, "a10");
}

TEST_F(SearcherTest, WordsAreAndedAndFolded) {
  EXPECT_EQ(Ids(Query("trade china")), (std::set<std::string>{"a1", "a5"}));
  EXPECT_EQ(Ids(Query("SEJOURNE")), (std::set<std::string>{"a1", "a2", "a9"}));
}

TEST_F(SearcherTest, StemsPerLanguage) {
  // English "negotiations" finds "negotiated"; French "négociations"
  // finds "négocier" / "négocient".
  std::set<std::string> en = Ids(Query("negotiations"));
  EXPECT_TRUE(en.count("a1")) << "negotiated";
  EXPECT_TRUE(en.count("a5"));
  std::set<std::string> fr = Ids(Query("négociations"));
  EXPECT_TRUE(fr.count("a2"));
  EXPECT_EQ(fr.count("a1"), 0u) << "not stemmed to English \"negoti\"";
}

TEST_F(SearcherTest, BooleanOperatorsPhrasesAndWildcards) {
  EXPECT_EQ(Ids(Query("macron OR blinken")),
            (std::set<std::string>{"a3", "a4", "a7", "a8", "a10", "a11"}));
  EXPECT_EQ(Ids(Query("macron NOT brigitte")),
            (std::set<std::string>{"a3", "a7"}));
  EXPECT_EQ(Ids(Query("macron -brigitte")),
            (std::set<std::string>{"a3", "a7"}));
  EXPECT_EQ(Ids(Query("\"trade accord\"")), (std::set<std::string>{"a5"}));
  EXPECT_EQ(Ids(Query("blinken NEAR kyiv")), (std::set<std::string>{"a4"}));
  EXPECT_TRUE(Ids(Query("porcel*")).count("a10"));
  // The index holds stems only, so a wildcard's whole-word prefix is
  // stemmed first: "negotiations*" is "negoti*", which "negotiated" is.
  EXPECT_TRUE(Ids(Query("negotiations*")).count("a1"));
  EXPECT_TRUE(Ids(Query("négociations*")).count("a2"));
  // A truncated word is its own stem, longer than the stems of the words
  // it begins ("negotiated" is "negoti"): it expands from theirs.
  EXPECT_EQ(Ids(Query("negotiat*")), Ids(Query("negotiations")));
  EXPECT_EQ(Ids(Query("negotia*")), Ids(Query("negotiations")));
  EXPECT_TRUE(Ids(Query("porcela*")).count("a10"));
}

TEST_F(SearcherTest, FieldPrefixes) {
  EXPECT_EQ(Ids(Query("title:macron")),
            (std::set<std::string>{"a3", "a7", "a10"}));
  EXPECT_EQ(Ids(Query("person:macron")),
            (std::set<std::string>{"a3", "a7", "a10"}));
  EXPECT_EQ(Ids(Query("person:emmanuel-macron")),
            (std::set<std::string>{"a3", "a7"}));
  EXPECT_EQ(Ids(Query("country:Ukraine")),
            (std::set<std::string>{"a4", "a6", "a11"}));
  EXPECT_EQ(Ids(Query("country:UA")), Ids(Query("country:ukraine")));
  EXPECT_EQ(Ids(Query("org:nato")), (std::set<std::string>{"a3", "a4", "a11"}));
  EXPECT_EQ(Ids(Query("source:afp")),
            (std::set<std::string>{"a2", "a7", "a10", "a12"}));
  EXPECT_EQ(Ids(Query("lang:fr")), (std::set<std::string>{"a2", "a7", "a12"}));
  EXPECT_EQ(Ids(Query("date:2024-01..2024-02")),
            (std::set<std::string>{"a1", "a2", "a3"}));
  EXPECT_EQ(Ids(Query("date:2023")), (std::set<std::string>{"a6", "a7"}));
}

// A range in q is cut to the index's own dates (a millennium is not
// thousands of year terms), which leaves what it matches unchanged.
TEST_F(SearcherTest, DateRangeInQueryWiderThanTheIndex) {
  EXPECT_EQ(Query("date:1000..9999").total, 12);
  EXPECT_EQ(Ids(Query("date:1000..2023")), Ids(Query("date:2023")));
  EXPECT_EQ(Query("date:1000..1999").total, 0);
  EXPECT_EQ(Query("date:3000").total, 0);
}

TEST_F(SearcherTest, UnparsableQueryFallsBackToWords) {
  SearchResponse r = Query("macron AND (");
  EXPECT_GE(r.total, 1);
  r = Query("\"antony blinken");
  EXPECT_GE(r.total, 1);
  r = Query("date:2024-13..x");  // not a date: plain words
  EXPECT_EQ(r.total, 0);
}

// No query text is an index error: what does not parse is searched as its
// plain words, and what has no words either is a bad q.
TEST_F(SearcherTest, MalformedQueriesAreSearchedOrRejectedNamingQ) {
  const std::vector<std::string> queries = {
      "\\X}<中 OR ;\\\u202eb?b! NOT  {",
      " \\O 字DA",
      "o 字da",
      "tin 字 abO!NANr:OE?",
      "+DX..中?{e(Al{Ei;ce<t:XA\\ ",
      "\"",
      "\"\"",
      "\"trade",
      "trade\"",
      "\"trade \"talks",
      "(",
      ")",
      "((",
      "))",
      "(trade",
      "trade)",
      "(trade OR (talks",
      "AND",
      "OR",
      "NOT",
      "XOR",
      "AND OR NOT",
      "trade AND",
      "OR trade",
      "NOT trade",
      "trade NOT",
      "trade AND NOT",
      "NEAR",
      "trade NEAR",
      "trade NEAR/",
      "trade ADJ/3",
      "trade NEAR/99999999999 talks",
      "+",
      "-",
      "+-",
      "--trade",
      "+trade -",
      "~",
      "~trade",
      "title:",
      "title:(",
      "title:\"",
      "country:",
      "person:",
      "date:",
      "date:..",
      "date:2024..x",
      "date:x..2024",
      "date:13-13",
      "colour:red",
      "*",
      "**",
      "trade*",
      "*trade",
      "t*r*a*d*e",
      "\u202e",
      "\u202etrade\u202c",
      "\u200b\u200b",
      "trade\u0000talks",
      std::string(1, '\x01'),
      "\t\x7f\x1b[31m",
      "\xED\xA0\x80",
      "trade \xED\xB0\x80",
      "\xF4\x90\x80\x80",
      "\xC0\xAF",
      "中 OR",
      "OR 中",
      "中 AND NOT",
      "\"中",
      "中*",
      "title:中",
      "(中)",
      "中 XOR 文",
      std::string(4096, 'x'),
      std::string(4096, '('),
      std::string(4096, '"'),
      std::string(2048, 'a') + " " + std::string(2047, '*'),
  };
  ASSERT_GE(queries.size(), 50u);
  for (const std::string& q : queries) {
    SearchRequest r;
    r.q = q;
    auto result = searcher_->Search(r);
    if (result.ok()) continue;
    EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument)
        << "q=" << q << ": " << result.status().ToString();
    EXPECT_EQ(result.status().param(), "q") << "q=" << q;
  }
  // A query that does not parse still finds its words.
  SearchRequest words;
  words.q = "(trade OR (negotiated";  // trade AND negotiat*, stemmed
  EXPECT_EQ(Ids(Search(words)), (std::set<std::string>{"a1", "a5"}));
  SearchRequest cjk;
  cjk.q = "\\X}<trade OR ;\\\u202eb?b! NOT  {";
  EXPECT_TRUE(searcher_->Search(cjk).ok());
  SearchRequest nothing;
  nothing.q = "((";
  const Status s = Error(nothing);
  EXPECT_TRUE(s.ok() || s.param() == "q") << s.ToString();
}

TEST_F(SearcherTest, FiltersAllOfAndAnyOf) {
  SearchRequest r;
  r.filters["country"].values = {"FR", "CN"};
  EXPECT_EQ(Ids(Search(r)),
            (std::set<std::string>{"a1", "a2", "a8", "a10", "a12"}));
  r.filters["country"].any = true;
  r.size = 20;
  EXPECT_EQ(Search(r).total, 9);
  SearchRequest labels;
  labels.filters["country"].values = {"france", "China"};
  EXPECT_EQ(Search(labels).total, 5);
  SearchRequest person;
  person.filters["person"].values = {"stephane-sejourne"};
  person.filters["source"].values = {"Reuters"};
  EXPECT_EQ(Ids(Search(person)), (std::set<std::string>{"a1"}));
  SearchRequest lang;
  lang.filters["lang"].values = {"fr"};
  EXPECT_EQ(Search(lang).total, 3);
  SearchRequest unknown;
  unknown.filters["org"].values = {"no-such-org"};
  EXPECT_EQ(Search(unknown).total, 0);
}

TEST_F(SearcherTest, DateBounds) {
  SearchRequest r;
  r.from = "2024-03";
  r.to = "2024-04-09";
  EXPECT_EQ(Ids(Search(r)), (std::set<std::string>{"a4", "a5", "a8"}));
  r.from = "2024";
  r.to = "";
  EXPECT_EQ(Search(r).total, 10);
  r.from = "";
  r.to = "2023";
  EXPECT_EQ(Search(r).total, 2);
}

TEST_F(SearcherTest, SortByDate) {
  SearchRequest r;
  r.sort = "date";
  r.size = 3;
  SearchResponse newest = Search(r);
  ASSERT_EQ(newest.hits.size(), 3u);
  EXPECT_EQ(newest.hits[0].id, "a12");
  EXPECT_EQ(newest.hits[1].id, "a11");
  r.sort = "date_asc";
  EXPECT_EQ(Search(r).hits[0].id, "a6");
}

TEST_F(SearcherTest, Paging) {
  SearchRequest r;
  r.sort = "date_asc";
  r.size = 5;
  r.page = 3;
  SearchResponse p3 = Search(r);
  EXPECT_EQ(p3.total, 12);
  ASSERT_EQ(p3.hits.size(), 2u);
  EXPECT_EQ(p3.hits[1].id, "a12");
  r.size = 0;
  SearchResponse counts = Search(r);
  EXPECT_TRUE(counts.hits.empty());
  EXPECT_EQ(counts.total, 12);
}

TEST_F(SearcherTest, HitsCarryFieldsAndEntities) {
  SearchResponse r = Query("blinken kyiv");
  ASSERT_EQ(r.hits.size(), 1u);
  const Hit& h = r.hits[0];
  EXPECT_EQ(h.id, "a4");
  EXPECT_EQ(h.title, "Blinken in Kyiv");
  EXPECT_EQ(h.date.substr(0, 10), "2024-03-05");
  EXPECT_EQ(h.source, "AP");
  EXPECT_EQ(h.lang, "en");
  EXPECT_EQ(h.url, "https://example.org/a4");
  EXPECT_GT(h.score, 0);
  ASSERT_EQ(h.countries.size(), 2u);
  EXPECT_EQ(h.countries[0].id, "US");
  EXPECT_EQ(h.countries[0].name, "United States");
  ASSERT_EQ(h.people.size(), 1u);
  EXPECT_EQ(h.people[0].name, "Antony Blinken");
  EXPECT_NE(h.snippet.find("<mark>Blinken</mark>"), std::string::npos);
}

TEST_F(SearcherTest, SnippetMarksFoldedMatches) {
  SearchResponse r = Query("sejourne");
  for (const Hit& h : r.hits) {
    EXPECT_NE(h.snippet.find("<mark>Séjourné</mark>"), std::string::npos)
        << h.id << ": " << h.snippet;
  }
}

TEST_F(SearcherTest, FacetCountsOverAllMatches) {
  SearchRequest r;
  r.size = 1;
  SearchResponse all = Search(r);
  const FacetResult* country = Facet(all, "country");
  ASSERT_NE(country, nullptr);
  EXPECT_EQ(CountOf(country, "FR"), 8);
  EXPECT_EQ(CountOf(country, "CN"), 6);
  EXPECT_EQ(country->values[0].value, "FR");
  EXPECT_EQ(country->values[0].label, "France");
  EXPECT_EQ(CountOf(Facet(all, "person"), "olaf-scholz"), 4);
  EXPECT_EQ(CountOf(Facet(all, "org"), "eu"), 5);
  const FacetResult* date = Facet(all, "date");
  ASSERT_NE(date, nullptr);
  EXPECT_EQ(date->interval, "month");
  EXPECT_EQ(CountOf(date, "2024-06"), 2);
  EXPECT_EQ(CountOf(date, "2023-11"), 1);
}

TEST_F(SearcherTest, MultiSelectFacets) {
  SearchRequest r;
  r.filters["country"].values = {"DE"};
  r.facets = {"country", "person", "source"};
  SearchResponse s = Search(r);
  EXPECT_EQ(s.total, 5);  // a3 a5 a7 a11 a12
  // Country counts ignore the country filter ...
  EXPECT_EQ(CountOf(Facet(s, "country"), "FR"), 8);
  EXPECT_EQ(CountOf(Facet(s, "country"), "DE"), 5);
  // ... while the other facets honour it.
  EXPECT_EQ(CountOf(Facet(s, "person"), "olaf-scholz"), 4);
  EXPECT_EQ(CountOf(Facet(s, "person"), "antony-blinken"), 1);
  EXPECT_EQ(CountOf(Facet(s, "source"), "afp"), 2);
  // With a person filter too, country counts honour the person filter.
  r.filters["person"].values = {"emmanuel-macron"};
  s = Search(r);
  EXPECT_EQ(s.total, 2);
  EXPECT_EQ(CountOf(Facet(s, "country"), "FR"), 2);
  EXPECT_EQ(CountOf(Facet(s, "person"), "olaf-scholz"), 4);
  EXPECT_EQ(CountOf(Facet(s, "person"), "emmanuel-macron"), 2);
}

TEST_F(SearcherTest, SelectedValueAlwaysListed) {
  SearchRequest r;
  r.filters["person"].values = {"brigitte-macron"};
  r.facets = {"person"};
  r.facet_size = 1;
  SearchResponse s = Search(r);
  const FacetResult* person = Facet(s, "person");
  ASSERT_NE(person, nullptr);
  ASSERT_EQ(person->values.size(), 2u);
  EXPECT_EQ(person->values[0].value, "olaf-scholz");
  EXPECT_EQ(person->values[1].value, "brigitte-macron");
  EXPECT_TRUE(person->values[1].selected);
  EXPECT_EQ(person->values[1].count, 1);
}

TEST_F(SearcherTest, FacetOrderCountThenLabel) {
  SearchRequest r;
  r.facets = {"org"};
  SearchResponse s = Search(r);
  const FacetResult* org = Facet(s, "org");
  ASSERT_EQ(org->values.size(), 3u);
  EXPECT_EQ(org->values[0].value, "eu");    // 5
  EXPECT_EQ(org->values[1].value, "nato");  // 3, "NATO" < "United Nations"
  EXPECT_EQ(org->values[2].value, "un");
}

TEST_F(SearcherTest, DateIntervals) {
  SearchRequest r;
  r.facets = {"date"};
  r.interval = "year";
  SearchResponse s = Search(r);
  EXPECT_EQ(CountOf(Facet(s, "date"), "2024"), 10);
  r.interval = "auto";
  r.from = "2024-03";
  r.to = "2024-03";
  s = Search(r);
  EXPECT_EQ(Facet(s, "date")->interval, "day");
  EXPECT_EQ(CountOf(Facet(s, "date"), "2024-03-18"), 1);
}

TEST_F(SearcherTest, Suggestion) {
  SearchResponse r = Query("blinkne");
  EXPECT_EQ(r.total, 0);
  EXPECT_EQ(r.suggestion, "blinken");
  EXPECT_EQ(Query("blinken").suggestion, "");
}

TEST_F(SearcherTest, BadParameters) {
  struct Case {
    std::function<void(SearchRequest&)> change;
    std::string param;
  };
  std::vector<Case> cases = {
      {[](SearchRequest& r) { r.page = 0; }, "page"},
      {[](SearchRequest& r) { r.size = 101; }, "size"},
      {[](SearchRequest& r) { r.size = -1; }, "size"},
      {[](SearchRequest& r) { r.page = 5000; }, "page"},
      {[](SearchRequest& r) { r.sort = "title"; }, "sort"},
      {[](SearchRequest& r) { r.facets = {"colour"}; }, "facets"},
      {[](SearchRequest& r) {
         r.facets = {"org", "org"};
       },
       "facets"},
      {[](SearchRequest& r) { r.facet_size = 0; }, "facet_size"},
      {[](SearchRequest& r) { r.facet_size = 201; }, "facet_size"},
      {[](SearchRequest& r) { r.interval = "week"; }, "interval"},
      {[](SearchRequest& r) { r.from = "2024-13"; }, "from"},
      {[](SearchRequest& r) { r.to = "yesterday"; }, "to"},
      {[](SearchRequest& r) { r.from = "2024-02-30"; }, "from"},
      {[](SearchRequest& r) {
         r.from = "2024-05";
         r.to = "2024-01";
       },
       "from"},
      {[](SearchRequest& r) { r.q = std::string(5000, 'a'); }, "q"},
      {[](SearchRequest& r) { r.q = "\xff\xfe"; }, "q"},
      {[](SearchRequest& r) {
         for (int i = 0; i < 65; ++i) r.q += "a ";
       },
       "q"},
      {[](SearchRequest& r) { r.q = "a* b* c* d* e* f*"; }, "q"},
      {[](SearchRequest& r) { r.filters["colour"].values = {"red"}; },
       "colour"},
      {[](SearchRequest& r) { r.filters["country"].values = {""}; }, "country"},
  };
  for (const Case& c : cases) {
    SearchRequest r;
    c.change(r);
    Status s = Error(r);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << c.param;
    EXPECT_EQ(s.param(), c.param) << s.message();
  }
}

TEST_F(SearcherTest, GetDocument) {
  auto doc = searcher_->GetDocument("a2");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->summary.title,
            "Séjourné à Pékin pour des négociations commerciales");
  EXPECT_NE(doc->body.find("négocier"), std::string::npos);
  ASSERT_EQ(doc->summary.people.size(), 1u);
  EXPECT_EQ(doc->summary.people[0].mentions, 2);
  EXPECT_EQ(searcher_->GetDocument("nope").status().code(),
            StatusCode::kNotFound);
}

// /api/doc shows why a value is there: its types and where the text names it.
TEST_F(SearcherTest, DocumentShowsMentionTypesSpansAndNativeForms) {
  auto doc = searcher_->GetDocument("a1");
  ASSERT_TRUE(doc.ok());
  const std::vector<EntityRef>& countries = doc->summary.countries;
  ASSERT_EQ(countries.size(), 2u);
  EXPECT_EQ(countries[0].id, "FR");
  EXPECT_EQ(countries[0].types, (std::vector<std::string>{"LOC", "rule"}));
  ASSERT_EQ(countries[0].spans.size(), 2u);
  EXPECT_EQ(countries[0].spans[0].field, "title");
  EXPECT_EQ(countries[0].spans[0].text, "France");
  EXPECT_EQ(countries[0].spans[1].field, "body");
  EXPECT_EQ(countries[0].spans[1].text, "Paris");
  EXPECT_EQ(countries[1].types, (std::vector<std::string>{"LOC", "MISC"}));
  ASSERT_EQ(countries[1].spans.size(), 3u);
  EXPECT_EQ(countries[1].spans[2].text, "Chinese");
  const std::vector<EntityRef>& people = doc->summary.people;
  ASSERT_EQ(people.size(), 2u);
  EXPECT_EQ(people[0].types, (std::vector<std::string>{"PER"}));
  ASSERT_EQ(people[0].spans.size(), 1u);
  EXPECT_EQ(people[0].spans[0].text, "Stéphane Séjourné");
  EXPECT_EQ(people[1].id, "xi-jinping");
  EXPECT_EQ(people[1].native_forms, (std::vector<std::string>{"习近平"}));
  ASSERT_EQ(people[1].spans.size(), 1u);
  EXPECT_EQ(people[1].spans[0].field, "publisher");
  EXPECT_EQ(people[1].spans[0].text, "");
}

// A name as written in another script finds the person it was linked to.
TEST_F(SearcherTest, NativeFormSelectsAndSuggestsThePerson) {
  SearchRequest r;
  r.filters["person"].values = {"习近平"};
  EXPECT_EQ(Ids(Search(r)), (std::set<std::string>{"a1", "a5"}));
  auto values = searcher_->FacetValues({"person", "习近平", "", 10});
  ASSERT_TRUE(values.ok());
  ASSERT_EQ(values->values.size(), 1u);
  EXPECT_EQ(values->values[0].value, "xi-jinping");
}

TEST_F(SearcherTest, DocumentHighlightsInUtf16Offsets) {
  // Title: "Séjourné à Pékin pour des négociations commerciales".
  // Body: "Le ministre Stéphane Séjourné doit négocier avec la Chine un
  // accord commercial. Les négociations reprennent mardi."
  auto doc =
      searcher_->GetDocument(DocumentRequest{"a2", "sejourne négociations"});
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  std::vector<std::tuple<std::string, int64_t, int64_t>> got;
  for (const Highlight& h : doc->highlights)
    got.emplace_back(h.field, h.start, h.end);
  std::vector<std::tuple<std::string, int64_t, int64_t>> want = {
      {"title", 0, 8},    // Séjourné
      {"title", 26, 38},  // négociations
      {"body", 21, 29},   // Séjourné
      {"body", 35, 43},   // négocier (French stem négoci)
      {"body", 84, 96},   // négociations
  };
  EXPECT_EQ(got, want);
  // The same words a search snippet marks.
  SearchResponse r = Query("sejourne négociations");
  ASSERT_TRUE(Ids(r).count("a2"));
  // No q, blank q: no highlights. Wildcards and field prefixes work.
  EXPECT_TRUE(searcher_->GetDocument("a2")->highlights.empty());
  EXPECT_TRUE(
      searcher_->GetDocument(DocumentRequest{"a2", " "})->highlights.empty());
  auto wild =
      searcher_->GetDocument(DocumentRequest{"a10", "porcel* country:FR"});
  ASSERT_TRUE(wild.ok());
  ASSERT_EQ(wild->highlights.size(), 1u);
  EXPECT_EQ(wild->highlights[0].field, "body");
  // Bad q is a 400 naming q; unknown ids stay 404.
  EXPECT_EQ(
      searcher_->GetDocument(DocumentRequest{"a2", "\xff"}).status().param(),
      "q");
  EXPECT_EQ(
      searcher_->GetDocument(DocumentRequest{"a2", std::string(5000, 'a')})
          .status()
          .param(),
      "q");
  EXPECT_EQ(
      searcher_->GetDocument(DocumentRequest{"nope", "x"}).status().code(),
      StatusCode::kNotFound);
}

TEST_F(SearcherTest, Similar) {
  auto r = searcher_->Similar({"a5", 5});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_FALSE(r->hits.empty());
  for (const Hit& h : r->hits) EXPECT_NE(h.id, "a5");
  EXPECT_EQ(searcher_->Similar({"nope", 5}).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(searcher_->Similar({"a5", 0}).status().param(), "size");
}

TEST_F(SearcherTest, FacetValuesByPrefix) {
  auto r = searcher_->FacetValues({"person", "sej", "", 10});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->values.size(), 1u);
  EXPECT_EQ(r->values[0].value, "stephane-sejourne");
  EXPECT_EQ(r->values[0].count, 3);
  auto within = searcher_->FacetValues({"person", "", "berlin", 10});
  ASSERT_TRUE(within.ok());
  ASSERT_EQ(within->values.size(), 2u);  // a3: Macron and Scholz in Berlin
  EXPECT_EQ(within->values[0].value, "emmanuel-macron");
  EXPECT_EQ(within->values[1].value, "olaf-scholz");
  auto countries = searcher_->FacetValues({"country", "fr", "", 10});
  ASSERT_TRUE(countries.ok());
  EXPECT_EQ(countries->values[0].label, "France");
  EXPECT_EQ(searcher_->FacetValues({"colour", "", "", 10}).status().param(),
            "name");
  EXPECT_EQ(searcher_->FacetValues({"person", "", "", 0}).status().param(),
            "size");
}

TEST_F(SearcherTest, Stats) {
  auto s = searcher_->Stats();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->articles, 12);
  EXPECT_GT(s->size_bytes, 0);
  EXPECT_FALSE(s->last_update.empty());
  EXPECT_EQ(s->distinct_values.at("country"), 6);
  EXPECT_EQ(s->distinct_values.at("person"), 6);
}

// People are named by PersonKey (common/person_key.h), so a filter written
// with another transliteration finds the same person, whole or by surname.
TEST(SearcherPersonKeyTest, TransliterationVariantsFindThePerson) {
  fixtures::TestArticle t = SmallCorpus()[3];
  t.article.id = "z1";
  Entity zelensky;
  zelensky.id = "volodimir-zelenski";
  zelensky.label = "Volodymyr Zelenskyy";
  zelensky.mentions = 1;
  t.entities.people = {zelensky};
  const std::string dir = fixtures::MakeTempDir("person-key");
  ASSERT_TRUE(fixtures::WriteIndex(dir, {t}).ok());
  SearcherOptions options;
  options.db_paths = {dir};
  auto searcher = Searcher::Open(options);
  ASSERT_TRUE(searcher.ok());
  for (const char* value :
       {"Volodymyr Zelenskyy", "Volodymyr Zelensky", "Zelenskiy", "zelensky"}) {
    SearchRequest r;
    r.filters["person"].values = {value};
    auto s = (*searcher)->Search(r);
    ASSERT_TRUE(s.ok()) << value;
    EXPECT_EQ(s->total, 1) << value;
  }
  SearchRequest other;
  other.filters["person"].values = {"Zelenskaya"};
  EXPECT_EQ((*searcher)->Search(other)->total, 0);
  std::filesystem::remove_all(dir);
}

TEST(SearcherOpenTest, MissingIndexIsAnError) {
  SearcherOptions options;
  options.db_paths = {"/nonexistent/chancery-index"};
  auto s = Searcher::Open(options);
  EXPECT_EQ(s.status().code(), StatusCode::kIoError);
}

// An index chancery-index wrote before stems-only text holds words that
// queries no longer ask for: refused, saying what to do, not searched wrong.
TEST(SearcherOpenTest, IndexOfAnotherTextFormatIsAnError) {
  const std::string dir = fixtures::MakeTempDir("old-text-format");
  ASSERT_TRUE(fixtures::WriteIndex(dir, SmallCorpus()).ok());
  {
    Xapian::WritableDatabase db(dir, Xapian::DB_OPEN);
    db.set_metadata(std::string(schema::kTextFormatKey), "");
    db.commit();
  }
  SearcherOptions options;
  options.db_paths = {dir};
  auto s = Searcher::Open(options);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("index the archive again"),
            std::string::npos)
      << s.status().ToString();
  std::filesystem::remove_all(dir);
}

// The default stopwords file may be absent (a build without the npm data);
// one the user named must exist.
TEST(SearcherOpenTest, MissingStopwordsFileTheUserNamedIsAnError) {
  const std::string dir = fixtures::MakeTempDir("stopwords-file");
  ASSERT_TRUE(fixtures::WriteIndex(dir, SmallCorpus()).ok());
  SearcherOptions options;
  options.db_paths = {dir};
  options.stopwords_file = dir + "/no-such-stopwords.tsv";
  auto s = Searcher::Open(options);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.status().param(), "stopwords_file");
  EXPECT_NE(s.status().message().find(options.stopwords_file),
            std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(SearcherShardsTest, SeveralShardsSearchAsOne) {
  std::vector<fixtures::TestArticle> corpus = SmallCorpus();
  std::string a = fixtures::MakeTempDir("shard-a");
  std::string b = fixtures::MakeTempDir("shard-b");
  ASSERT_TRUE(
      fixtures::WriteIndex(a, {corpus.begin(), corpus.begin() + 5}).ok());
  ASSERT_TRUE(fixtures::WriteIndex(b, {corpus.begin() + 5, corpus.end()}).ok());
  SearcherOptions options;
  options.db_paths = {a, b};
  auto searcher = Searcher::Open(options);
  ASSERT_TRUE(searcher.ok());
  SearchRequest r;
  r.filters["country"].values = {"France"};
  auto s = (*searcher)->Search(r);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->total, 8);
  SearchRequest people;
  people.filters["person"].values = {"olaf-scholz"};
  people.filters["country"].values = {"FR"};
  people.facets = {"person", "country"};
  auto p = (*searcher)->Search(people);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->total, 2);
  EXPECT_TRUE((*searcher)->GetDocument("a9").ok());
  EXPECT_EQ((*searcher)->Stats()->articles, 12);
  std::filesystem::remove_all(a);
  std::filesystem::remove_all(b);
}

// An index of the corpus' first 3 articles that Grow() extends to all 12
// in one commit, as a chancery-index run would.
class SearcherGrowingIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(
        fixtures::WriteIndex(dir_, {corpus_.begin(), corpus_.begin() + 3})
            .ok());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::unique_ptr<Searcher> Open(int reload_interval_ms) {
    SearcherOptions options;
    options.db_paths = {dir_};
    options.reload_interval_ms = reload_interval_ms;
    auto searcher = Searcher::Open(options);
    EXPECT_TRUE(searcher.ok()) << searcher.status().ToString();
    return searcher.ok() ? std::move(*searcher) : nullptr;
  }
  Status Grow() {
    return fixtures::WriteIndex(dir_, {corpus_.begin() + 3, corpus_.end()});
  }

  const std::vector<fixtures::TestArticle> corpus_ = SmallCorpus();
  const std::string dir_ = fixtures::MakeTempDir("growing");
};

TEST_F(SearcherGrowingIndexTest, SeesIndexUpdates) {
  std::unique_ptr<Searcher> searcher = Open(50);
  ASSERT_NE(searcher, nullptr);
  EXPECT_EQ(searcher->Search({})->total, 3);
  ASSERT_TRUE(Grow().ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto after = searcher->Search({});
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->total, 12);
}

// Concurrent requests while chancery-index adds articles: each borrows a
// handle of its own from the pool (more are made as needed), handles
// reopen and share the new revision's snapshot, facets are counted on the
// task pool. Run under TSan by make tsan-test.
TEST_F(SearcherGrowingIndexTest, ThreadsSearchWhileTheIndexGrows) {
  // Every borrow checks for a new revision.
  std::unique_ptr<Searcher> searcher = Open(0);
  ASSERT_NE(searcher, nullptr);
  const Searcher& shared = *searcher;

  std::atomic<int> failures{0};
  std::atomic<int> odd_totals{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&shared, &failures, &odd_totals, t] {
      for (int i = 0; i < 20; ++i) {
        SearchRequest request;
        request.q = t % 2 ? "macron" : "";
        auto response = shared.Search(request);
        if (!response.ok()) {
          ++failures;
          continue;
        }
        // Either revision, never a mix: 3 articles or all 12 when the
        // query matches everything.
        if (t % 2 == 0 && response->total != 3 && response->total != 12)
          ++odd_totals;
        if (!shared.Stats().ok()) ++failures;
      }
    });
  }
  EXPECT_TRUE(Grow().ok());
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(odd_totals, 0);
  auto after = shared.Search({});
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->total, 12);
}

}  // namespace
}  // namespace chancery
