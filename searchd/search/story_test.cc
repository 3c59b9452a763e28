// Search by story (collapse "story") and GET /api/story's core, over
// fixtures::StoryCorpus. Expected counts are computed here from the corpus
// itself, by a reference filter written for the test, not by the engine.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/stored_article.h"
#include "searchd/search/searcher.h"
#include "searchd/search/story_lines.h"
#include "searchd/testing/test_corpus.h"

namespace chancery {
namespace {

using fixtures::StoryCorpus;
using fixtures::TestArticle;
using Filters = std::map<std::string, std::vector<std::string>>;

const std::vector<std::string> kCounted = {"country", "person", "org", "source",
                                           "lang"};

std::string StoryOf(const TestArticle& t) {
  return t.story.empty() ? t.article.id : t.story;
}

std::vector<std::string> ValuesOf(const TestArticle& t,
                                  const std::string& field) {
  std::vector<std::string> out;
  auto ids = [&](const std::vector<Entity>& list) {
    for (const Entity& e : list) out.push_back(e.id);
  };
  if (field == "country") ids(t.entities.countries);
  if (field == "person") ids(t.entities.people);
  if (field == "org") ids(t.entities.orgs);
  if (field == "lang") out.push_back(t.article.lang);
  if (field == "source") {
    std::string folded = t.article.source;
    for (char& c : folded) c = static_cast<char>(std::tolower(c));
    out.push_back(folded);
  }
  return out;
}

// The reference matcher: every filter value present (all-of), and `word`
// (lower case) starting a word of the title or body when given.
bool Matches(const TestArticle& t, const Filters& filters,
             const std::string& word, const std::string& except = "") {
  for (const auto& [field, values] : filters) {
    if (field == except) continue;
    std::vector<std::string> has = ValuesOf(t, field);
    for (const std::string& v : values) {
      if (std::find(has.begin(), has.end(), v) == has.end()) return false;
    }
  }
  if (word.empty()) return true;
  std::string text = " " + t.article.title + " " + t.article.body;
  for (char& c : text) c = static_cast<char>(std::tolower(c));
  return text.find(" " + word) != std::string::npos;
}

struct Expected {
  int64_t total = 0;
  std::map<std::string, std::map<std::string, int64_t>> counts;
  std::map<std::string, int64_t> months;    // Story's earliest matching one.
  std::map<std::string, int64_t> versions;  // Matching ones per story.
};

// What a by-story search with `filters` and `word` must answer: a story
// has a value when any version matching (all filters but the field's own,
// for a filtered field: multi-select) has it.
Expected ExpectedByStory(const std::vector<TestArticle>& corpus,
                         const Filters& filters, const std::string& word) {
  Expected e;
  std::map<std::string, std::string> first_month;
  for (const TestArticle& t : corpus) {
    if (!Matches(t, filters, word)) continue;
    ++e.versions[StoryOf(t)];
    std::string month = FormatIsoDate(*t.article.date).substr(0, 7);
    auto [it, added] = first_month.emplace(StoryOf(t), month);
    if (!added) it->second = std::min(it->second, month);
  }
  e.total = static_cast<int64_t>(e.versions.size());
  for (const auto& [story, month] : first_month) ++e.months[month];
  for (const std::string& field : kCounted) {
    std::set<std::pair<std::string, std::string>> pairs;
    for (const TestArticle& t : corpus) {
      if (!Matches(t, filters, word, field)) continue;
      for (const std::string& v : ValuesOf(t, field)) {
        pairs.emplace(StoryOf(t), v);
      }
    }
    for (const auto& [story, value] : pairs) ++e.counts[field][value];
  }
  return e;
}

std::map<std::string, int64_t> CountsOf(const SearchResponse& r,
                                        const std::string& facet) {
  std::map<std::string, int64_t> out;
  for (const FacetResult& f : r.facets) {
    if (f.name != facet) continue;
    for (const FacetValue& v : f.values) {
      if (v.count > 0) out[v.value] = v.count;
    }
  }
  return out;
}

SearchRequest ByStory(const Filters& filters, const std::string& q) {
  SearchRequest r;
  r.q = q;
  r.collapse = "story";
  for (const auto& [field, values] : filters) r.filters[field].values = values;
  r.facets = kCounted;
  r.facets.push_back("date");
  r.interval = "month";
  r.facet_size = 100;
  r.size = 100;
  return r;
}

class StoryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(fixtures::MakeTempDir("stories"));
    ASSERT_TRUE(fixtures::WriteIndex(*dir_, StoryCorpus()).ok());
    SearcherOptions options;
    options.db_paths = {*dir_};
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

  // The search's total, facets, date buckets and hits' versions against
  // the reference.
  static void ExpectMatchesCorpus(const Filters& filters,
                                  const std::string& q) {
    SCOPED_TRACE("q=" + q + " filters=" + std::to_string(filters.size()));
    const Expected want = ExpectedByStory(StoryCorpus(), filters, q);
    SearchResponse got = Search(ByStory(filters, q));
    EXPECT_EQ(got.unit, "story");
    EXPECT_EQ(got.total, want.total);
    for (const std::string& field : kCounted) {
      EXPECT_EQ(CountsOf(got, field), want.counts.at(field)) << field;
    }
    EXPECT_EQ(CountsOf(got, "date"), want.months);
    // One hit per story, with its exact number of matching versions.
    ASSERT_EQ(static_cast<int64_t>(got.hits.size()), want.total);
    std::map<std::string, int64_t> versions;
    for (const Hit& h : got.hits) {
      ASSERT_TRUE(h.has_story);
      EXPECT_TRUE(versions.emplace(h.story.id, h.story.versions).second)
          << h.story.id << " listed twice";
    }
    EXPECT_EQ(versions, want.versions);
  }

  static std::string* dir_;
  static Searcher* searcher_;
};

std::string* StoryTest::dir_ = nullptr;
Searcher* StoryTest::searcher_ = nullptr;

TEST_F(StoryTest, BrowsingCountsEachStoryOnce) {
  ExpectMatchesCorpus({}, "");
  // 18 articles, of which 6 are later versions of 3 stories.
  EXPECT_EQ(Search(ByStory({}, "")).total, 12);
}

TEST_F(StoryTest, ArticlesStillCountedByDefault) {
  SearchRequest r = ByStory({}, "");
  r.collapse = "none";
  SearchResponse s = Search(r);
  EXPECT_EQ(s.unit, "article");
  EXPECT_EQ(s.total, 18);
  EXPECT_EQ(s.hits.size(), 18u);
  EXPECT_FALSE(s.hits[0].has_story);
  EXPECT_EQ(CountsOf(s, "country")["US"], 7);  // 4 + s2 s3 s4
}

TEST_F(StoryTest, FiltersAndMultiSelectCountStories) {
  // A story mentions a value if any of its matching versions does.
  ExpectMatchesCorpus({{"country", {"US"}}}, "");
  ExpectMatchesCorpus({{"country", {"US"}}, {"person", {"antony-blinken"}}},
                      "");
  ExpectMatchesCorpus({{"org", {"eu"}}}, "");
  ExpectMatchesCorpus({{"org", {"un"}}}, "");
  ExpectMatchesCorpus({{"source", {"reuters"}}}, "");
  ExpectMatchesCorpus({{"country", {"DE"}}, {"source", {"reuters"}}}, "");
  ExpectMatchesCorpus({}, "trade");
  ExpectMatchesCorpus({{"source", {"afp"}}}, "blinken");
  ExpectMatchesCorpus({{"org", {"nato"}}}, "kyiv");
}

TEST_F(StoryTest, SpotChecksOfTheReference) {
  // Hand-checked, so that the reference itself is checked once: the US
  // filter keeps story a1 through s2 only, story a4 through all three.
  SearchResponse s = Search(ByStory({{"country", {"US"}}}, ""));
  EXPECT_EQ(s.total, 5);  // a6 a8 a11, story a1 (by s2), story a4
  EXPECT_EQ(CountsOf(s, "org")["nato"], 2);  // a4's story, a11
  EXPECT_EQ(CountsOf(s, "org")["un"], 3);    // a4's story (s3), a6, a8
  EXPECT_EQ(CountsOf(s, "country")["US"], 5);
  EXPECT_EQ(CountsOf(s, "country")["FR"], 8);  // multi-select: unfiltered
  // Story a12 is dated by its earliest matching version: June, unless
  // only its July versions match.
  SearchResponse reuters = Search(ByStory({{"source", {"reuters"}}}, ""));
  EXPECT_EQ(CountsOf(reuters, "date")["2024-07"], 1);
  EXPECT_EQ(CountsOf(Search(ByStory({}, "")), "date")["2024-07"], 0);
}

TEST_F(StoryTest, HitCarriesFirstReportedAndOtherSources) {
  SearchResponse s = Search(ByStory({{"country", {"US"}}}, ""));
  const Hit* a1 = nullptr;
  for (const Hit& h : s.hits) {
    if (h.story.id == "a1") a1 = &h;
  }
  ASSERT_NE(a1, nullptr);
  EXPECT_EQ(a1->id, "s2");  // The only version naming the US.
  EXPECT_EQ(a1->story.versions, 1);
  EXPECT_EQ(a1->story.size, 3);
  EXPECT_EQ(a1->story.first_source, "Reuters");
  EXPECT_EQ(a1->story.first_date,
            FormatIsoDate(fixtures::EpochSeconds(2024, 1, 15)));
  EXPECT_EQ(a1->story.other_sources,
            (std::vector<std::string>{"Reuters", "AFP"}));
  // A story of one article is its own first report.
  for (const Hit& h : s.hits) {
    if (h.id == "a6") {
      EXPECT_EQ(h.story.id, "a6");
      EXPECT_EQ(h.story.size, 1);
      EXPECT_EQ(h.story.first_source, "AP");
      EXPECT_TRUE(h.story.other_sources.empty());
    }
  }
}

TEST_F(StoryTest, BestRankedVersionAndPaging) {
  SearchRequest r = ByStory({}, "blinken");
  r.sort = "date_asc";
  SearchResponse s = Search(r);
  // Story a1 matches "blinken" through s2 only; story a4 is shown by its
  // earliest version under date_asc (a4 and s3 share a date; id breaks it).
  std::vector<std::string> ids;
  for (const Hit& h : s.hits) ids.push_back(h.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"s2", "a4", "a8", "a11"}));
  // Pages of 1 list each story once.
  std::set<std::string> seen;
  for (int page = 1; page <= 5; ++page) {
    r.page = page;
    r.size = 1;
    for (const Hit& h : Search(r).hits) {
      EXPECT_TRUE(seen.insert(h.story.id).second) << h.story.id;
    }
  }
  EXPECT_EQ(seen.size(), 4u);
}

TEST_F(StoryTest, FacetValuesCountStoriesWhenAsked) {
  const Expected want = ExpectedByStory(StoryCorpus(), {}, "blinken");
  FacetValuesRequest r;
  r.name = "org";
  r.q = "blinken";
  r.collapse = "story";
  auto values = searcher_->FacetValues(r);
  ASSERT_TRUE(values.ok()) << values.status().ToString();
  std::map<std::string, int64_t> got;
  for (const FacetValue& v : values->values) got[v.value] = v.count;
  EXPECT_EQ(got, want.counts.at("org"));
  r.collapse = "none";
  values = searcher_->FacetValues(r);
  ASSERT_TRUE(values.ok());
  EXPECT_EQ(values->values[0].value, "nato");
  EXPECT_EQ(values->values[0].count, 4);  // a4 s3 s4 a11; 2 stories
}

TEST_F(StoryTest, BadCollapseNamesTheParameter) {
  SearchRequest r;
  r.collapse = "site";
  Status s = searcher_->Search(r).status();
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.param(), "collapse");
}

TEST_F(StoryTest, StoryListsVersionsOldestFirstWithWhatEachAdded) {
  auto story = searcher_->GetStory({"s2"});  // Any member names its story.
  ASSERT_TRUE(story.ok()) << story.status().ToString();
  EXPECT_EQ(story->id, "a1");
  ASSERT_EQ(story->versions.size(), 3u);
  EXPECT_EQ(story->versions[0].summary.id, "a1");
  EXPECT_EQ(story->versions[0].added.size(), 2u);  // All of a1.
  EXPECT_EQ(story->versions[0].sentences, 2);
  EXPECT_EQ(story->versions[1].summary.id, "s1");
  EXPECT_EQ(
      story->versions[1].added,
      (std::vector<std::string>{"The European Union welcomed the framework."}));
  EXPECT_EQ(story->versions[2].summary.id, "s2");
  EXPECT_EQ(story->versions[2].added,
            (std::vector<std::string>{"Antony Blinken said the United States "
                                      "would watch the talks closely."}));
  auto copy = searcher_->GetStory({"a4"});
  ASSERT_TRUE(copy.ok());
  ASSERT_EQ(copy->versions.size(), 3u);
  EXPECT_EQ(copy->versions[2].summary.id, "s4");
  EXPECT_TRUE(copy->versions[2].added.empty());  // A plain copy.
  auto single = searcher_->GetStory({"a6"});
  ASSERT_TRUE(single.ok());
  EXPECT_EQ(single->versions.size(), 1u);
  EXPECT_EQ(searcher_->GetStory({"nope"}).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(searcher_->GetStory({""}).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(StoryShardsTest, StoriesAcrossShardsCountAsInOneIndex) {
  std::vector<TestArticle> corpus = StoryCorpus();
  std::vector<TestArticle> even, odd;
  for (size_t i = 0; i < corpus.size(); ++i) {
    (i % 2 ? odd : even).push_back(corpus[i]);
  }
  std::string a = fixtures::MakeTempDir("story-shard-a");
  std::string b = fixtures::MakeTempDir("story-shard-b");
  ASSERT_TRUE(fixtures::WriteIndex(a, even).ok());
  ASSERT_TRUE(fixtures::WriteIndex(b, odd).ok());
  SearcherOptions options;
  options.db_paths = {a, b};
  auto searcher = Searcher::Open(options);
  ASSERT_TRUE(searcher.ok());
  const Filters filters = {{"country", {"US"}}};
  const Expected want = ExpectedByStory(corpus, filters, "");
  auto got = (*searcher)->Search(ByStory(filters, ""));
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->total, want.total);
  EXPECT_EQ(CountsOf(*got, "org"), want.counts.at("org"));
  EXPECT_EQ(got->hits.size(), static_cast<size_t>(want.total));
  auto story = (*searcher)->GetStory({"a1"});
  ASSERT_TRUE(story.ok());
  EXPECT_EQ(story->versions.size(), 3u);
  std::filesystem::remove_all(a);
  std::filesystem::remove_all(b);
}

// 100 versions of one story, newer than 3 other articles: browsing newest
// first, the copies fill any small window of the uncollapsed ranking, so
// the page needs the window widened to reach the other stories.
TEST(StoryCollapseTest, CopiesFillingTheWindowDoNotHideLaterStories) {
  std::vector<TestArticle> corpus;
  auto add = [&](std::string id, std::string title, std::string source,
                 int64_t date, std::string story) {
    TestArticle t;
    t.article.id = std::move(id);
    t.article.title = std::move(title);
    t.article.body = "Some wire text.";
    t.article.lang = "en";
    t.article.source = std::move(source);
    t.article.date = date;
    t.story = std::move(story);
    corpus.push_back(std::move(t));
  };
  for (int i = 0; i < 100; ++i) {
    add("big-" + std::to_string(i), "Copy " + std::to_string(i),
        "Outlet " + std::to_string(i % 7),
        fixtures::EpochSeconds(2024, 5, 1) + 60 * i, "big-0");
  }
  for (int i = 0; i < 3; ++i) {
    add("old-" + std::to_string(i), "Older story " + std::to_string(i), "AP",
        fixtures::EpochSeconds(2024, 4, 1 + i), "");
  }
  const std::string dir = fixtures::MakeTempDir("story-window");
  ASSERT_TRUE(fixtures::WriteIndex(dir, corpus).ok());
  SearcherOptions options;
  options.db_paths = {dir};
  auto searcher = Searcher::Open(options);
  ASSERT_TRUE(searcher.ok());
  SearchRequest r;
  r.collapse = "story";
  r.size = 10;
  auto page = (*searcher)->Search(r);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 4);
  std::vector<std::string> ids;
  for (const Hit& h : page->hits) ids.push_back(h.id);
  // Newest first: the story's newest version stands for it.
  EXPECT_EQ(ids,
            (std::vector<std::string>{"big-99", "old-2", "old-1", "old-0"}));
  EXPECT_EQ(page->hits[0].story.versions, 100);
  EXPECT_EQ(page->hits[0].story.other_sources.size(), 6u);
  r.size = 2;
  r.page = 2;
  page = (*searcher)->Search(r);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->hits.size(), 2u);
  EXPECT_EQ(page->hits[0].id, "old-1");
  EXPECT_EQ(page->hits[1].id, "old-0");
  std::filesystem::remove_all(dir);
}

TEST(StoryLinesTest, SplitsSentencesAtStopsAndLines) {
  EXPECT_EQ(SplitSentences("Inflation fell to 2.4 percent. ECB held.\n"
                           "\"We wait,\" she said. done. Next?  Yes"),
            (std::vector<std::string>{
                "Inflation fell to 2.4 percent.", "ECB held.",
                "\"We wait,\" she said. done.", "Next?", "Yes"}));
  EXPECT_TRUE(SplitSentences(" \n ").empty());
}

TEST(StoryLinesTest, AddedIgnoresCaseCommasAndDatelines) {
  AddedSentences added;
  EXPECT_EQ(added.Add({"The ECB held rates.", "Lagarde spoke."}).size(), 2u);
  EXPECT_TRUE(
      added.Add({"FRANKFURT (Wire) - The ECB held rates.", "lagarde, spoke"})
          .empty());
  EXPECT_EQ(added.Add({"Markets rallied.", "Markets rallied."}),
            (std::vector<std::string>{"Markets rallied."}));
}

}  // namespace
}  // namespace chancery
