// Co-mentions, timelines and bursts on real indexes of the test corpora,
// against counts computed here from the corpora's articles themselves.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "common/base/civil_date.h"
#include "searchd/search/log_likelihood.h"
#include "searchd/search/searcher.h"
#include "searchd/testing/test_corpus.h"

namespace chancery {
namespace {

using fixtures::TestArticle;

bool Mentions(const std::vector<Entity>& list, const std::string& id) {
  return std::any_of(list.begin(), list.end(),
                     [&](const Entity& e) { return e.id == id; });
}

std::string Month(const TestArticle& t) {
  CivilDate c = CivilFromDays(DayOfEpochSeconds(*t.article.date));
  char buf[8];
  std::snprintf(buf, sizeof buf, "%04d-%02d", c.year, c.month);
  return buf;
}

class AnalystViewsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    small_dir_ = new std::string(fixtures::MakeTempDir("analyst-small"));
    daily_dir_ = new std::string(fixtures::MakeTempDir("analyst-daily"));
    ASSERT_TRUE(
        fixtures::WriteIndex(*small_dir_, fixtures::SmallCorpus()).ok());
    ASSERT_TRUE(
        fixtures::WriteIndex(*daily_dir_, fixtures::DailyCorpus()).ok());
    small_ = Open(*small_dir_).release();
    daily_ = Open(*daily_dir_).release();
  }
  static void TearDownTestSuite() {
    delete small_;
    delete daily_;
    std::filesystem::remove_all(*small_dir_);
    std::filesystem::remove_all(*daily_dir_);
    delete small_dir_;
    delete daily_dir_;
  }
  static std::unique_ptr<Searcher> Open(const std::string& dir) {
    SearcherOptions options;
    options.db_paths = {dir};
    auto s = Searcher::Open(options);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return std::move(s).value();
  }

  static inline std::string* small_dir_ = nullptr;
  static inline std::string* daily_dir_ = nullptr;
  static inline Searcher* small_ = nullptr;
  static inline Searcher* daily_ = nullptr;
};

TEST_F(AnalystViewsTest, ComentionsCountShareLiftAndSignificance) {
  const std::vector<TestArticle> corpus = fixtures::SmallCorpus();
  const auto n = static_cast<int64_t>(corpus.size());
  // People mentioned with France, from the articles.
  std::map<std::string, int64_t> with_fr;
  std::map<std::string, int64_t> in_index;
  int64_t fr = 0;
  for (const TestArticle& t : corpus) {
    for (const Entity& p : t.entities.people) ++in_index[p.id];
    if (!Mentions(t.entities.countries, "FR")) continue;
    ++fr;
    for (const Entity& p : t.entities.people) ++with_fr[p.id];
  }
  ComentionRequest request;
  request.field = "person";
  request.with = "country:france";  // A label, as filters take it.
  request.size = 100;
  auto r = small_->Comentions(request);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->articles, fr);
  EXPECT_EQ(r->index_articles, n);
  ASSERT_EQ(r->with_matches.size(), 1u);
  EXPECT_EQ(r->with_matches[0].value, "FR");
  ASSERT_EQ(r->values.size(), with_fr.size());
  for (size_t i = 0; i < r->values.size(); ++i) {
    const ComentionValue& v = r->values[i];
    SCOPED_TRACE(v.value);
    const int64_t c = with_fr.at(v.value);
    const int64_t t = in_index.at(v.value);
    EXPECT_EQ(v.count, c);
    EXPECT_EQ(v.index_count, t);
    EXPECT_DOUBLE_EQ(v.share, static_cast<double>(c) / fr);
    EXPECT_DOUBLE_EQ(v.lift, (static_cast<double>(c) / fr) / (double(t) / n));
    EXPECT_DOUBLE_EQ(v.significance,
                     SignedLogLikelihood({c, fr - c, t - c, n - fr - t + c}));
    if (i > 0) {
      EXPECT_GE(r->values[i - 1].count, v.count);  // sort=count
    }
  }

  request.sort = "significance";
  auto by_g2 = small_->Comentions(request);
  ASSERT_TRUE(by_g2.ok());
  ASSERT_EQ(by_g2->values.size(), with_fr.size());
  for (size_t i = 1; i < by_g2->values.size(); ++i) {
    EXPECT_GE(by_g2->values[i - 1].significance, by_g2->values[i].significance);
  }
  // Séjourné: 3 of the 8 French articles, and every mention of him is
  // one of them, so he outranks Macron's frequent company by G².
  EXPECT_EQ(by_g2->values.front().value, "stephane-sejourne");
}

TEST_F(AnalystViewsTest, ComentionsHonourTheSearchAndExcludeWith) {
  // Countries with Scholz among articles of 2024 only.
  std::map<std::string, int64_t> expected;
  int64_t articles = 0;
  for (const TestArticle& t : fixtures::SmallCorpus()) {
    if (!Mentions(t.entities.people, "olaf-scholz")) continue;
    if (t.article.date < fixtures::EpochSeconds(2024, 1, 1)) continue;
    ++articles;
    for (const Entity& c : t.entities.countries) ++expected[c.id];
  }
  ComentionRequest request;
  request.field = "person";
  request.with = "person:scholz";
  request.search.from = "2024";
  auto people = small_->Comentions(request);
  ASSERT_TRUE(people.ok()) << people.status().ToString();
  EXPECT_EQ(people->articles, articles);
  for (const ComentionValue& v : people->values) {
    EXPECT_NE(v.value, "olaf-scholz");  // Not his own company.
  }
  request.field = "country";
  auto countries = small_->Comentions(request);
  ASSERT_TRUE(countries.ok());
  std::map<std::string, int64_t> got;
  for (const ComentionValue& v : countries->values) got[v.value] = v.count;
  EXPECT_EQ(got, expected);
}

TEST_F(AnalystViewsTest, MatrixCountsArticlesMentioningBoth) {
  const std::vector<TestArticle> corpus = fixtures::SmallCorpus();
  ComentionRequest request;
  request.field = "person";
  request.against = "country";
  request.size = 3;
  auto r = small_->Comentions(request);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->articles, static_cast<int64_t>(corpus.size()));
  ASSERT_EQ(r->rows.size(), 3u);
  ASSERT_EQ(r->columns.size(), 3u);
  // Top countries by articles: FR 8, CN 6, DE 5; top people: Scholz 4,
  // then Blinken and Séjourné 3 (label order breaks the tie).
  EXPECT_EQ(r->columns[0].value, "FR");
  EXPECT_EQ(r->columns[1].value, "CN");
  EXPECT_EQ(r->columns[2].value, "DE");
  EXPECT_EQ(r->rows[0].value, "olaf-scholz");
  for (size_t i = 0; i < 3; ++i) {
    for (size_t j = 0; j < 3; ++j) {
      int64_t both = 0;
      for (const TestArticle& t : corpus) {
        both += Mentions(t.entities.people, r->rows[i].value) &&
                Mentions(t.entities.countries, r->columns[j].value);
      }
      EXPECT_EQ(r->cells[i][j], both)
          << r->rows[i].value << " x " << r->columns[j].value;
    }
  }
}

TEST_F(AnalystViewsTest, TimelineSeriesShareBucketsWithAll) {
  const std::vector<TestArticle> corpus = fixtures::SmallCorpus();
  TimelineRequest request;
  request.queries = {"person:olaf-scholz", "country:CN lang:en"};
  request.interval = "month";
  auto r = small_->Timeline(request);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->interval, "month");
  // Gapless months from the first match (2023-12) to the last (2024-06).
  ASSERT_EQ(r->buckets.size(), 7u);
  EXPECT_EQ(r->buckets.front(), "2023-12");
  EXPECT_EQ(r->buckets.back(), "2024-06");
  ASSERT_EQ(r->series.size(), 2u);
  for (size_t b = 0; b < r->buckets.size(); ++b) {
    int64_t all = 0;
    int64_t scholz = 0;
    int64_t china_en = 0;
    for (const TestArticle& t : corpus) {
      if (Month(t) != r->buckets[b]) continue;
      ++all;
      scholz += Mentions(t.entities.people, "olaf-scholz");
      china_en +=
          Mentions(t.entities.countries, "CN") && t.article.lang == "en";
    }
    EXPECT_EQ(r->all[b], all) << r->buckets[b];
    EXPECT_EQ(r->series[0].counts[b], scholz) << r->buckets[b];
    EXPECT_EQ(r->series[1].counts[b], china_en) << r->buckets[b];
  }
  EXPECT_EQ(r->series[0].total, 4);
  EXPECT_EQ(r->series[1].total, 4);  // a1, a5, a8, a10
}

TEST_F(AnalystViewsTest, TimelineWeeksAndBounds) {
  TimelineRequest request;
  request.queries = {"person:olaf-scholz"};
  request.interval = "week";
  request.search.from = "2024-09-02";  // A Monday.
  request.search.to = "2024-09-15";
  auto r = daily_->Timeline(request);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->buckets, (std::vector<std::string>{"2024-09-02", "2024-09-09"}));
  EXPECT_EQ(r->all, (std::vector<int64_t>{70, 70}));
  // Even days 2..14 of the corpus (day 0 is 2024-09-01): 2,4,6 | 8,10,12,14.
  EXPECT_EQ(r->series[0].counts, (std::vector<int64_t>{3, 4}));
  request.queries = {"a", "b", "c", "d", "e", "f"};
  EXPECT_EQ(daily_->Timeline(request).status().param(), "q");
}

TEST_F(AnalystViewsTest, BurstsRankTheDaysThatBroke) {
  BurstRequest request;
  request.field = "person";
  request.search.from = "2024-09-29";  // Day 28 ...
  request.search.to = "2024-10-10";    // ... to day 39.
  auto r = daily_->Bursts(request);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->from, "2024-09-29");
  EXPECT_EQ(r->to, "2024-10-10");
  // Xi (0 before, 3 of 10 on day 36: z = 0.3 / 0.01 = 30) then Scholz
  // (5 of 10 on day 35 over shares 0.1 / 0 with a gap day: z 9.043);
  // Blinken's two articles are below min_count.
  ASSERT_EQ(r->values.size(), 2u);
  EXPECT_EQ(r->values[0].value, "xi-jinping");
  ASSERT_EQ(r->values[0].bursts.size(), 1u);
  EXPECT_EQ(r->values[0].bursts[0].date, "2024-10-07");
  EXPECT_EQ(r->values[0].bursts[0].count, 3);
  EXPECT_EQ(r->values[0].bursts[0].all, 10);
  EXPECT_NEAR(r->values[0].max_z, 30, 1e-6);
  const BurstValue& scholz = r->values[1];
  EXPECT_EQ(scholz.value, "olaf-scholz");
  ASSERT_EQ(scholz.bursts.size(), 1u);
  EXPECT_EQ(scholz.bursts[0].date, "2024-10-06");
  EXPECT_NEAR(scholz.bursts[0].share, 0.5, 1e-12);
  EXPECT_NEAR(scholz.bursts[0].baseline, 0.04814814814814815, 1e-12);
  EXPECT_NEAR(scholz.bursts[0].sd, 0.04996569467863719, 1e-9);
  EXPECT_NEAR(scholz.bursts[0].z, 9.043241663265434, 1e-6);
  // Even days 28..38 once each, plus five on day 35.
  EXPECT_EQ(scholz.count, 6 + 5);

  // One value, every day of the period.
  request.value = "scholz";
  auto one = daily_->Bursts(request);
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->values.size(), 1u);
  EXPECT_EQ(one->values[0].days.size(), 12u);
  EXPECT_EQ(one->values[0].bursts.size(), 1u);
  request.value = "blinken";
  auto quiet = daily_->Bursts(request);
  ASSERT_TRUE(quiet.ok());
  ASSERT_EQ(quiet->values.size(), 1u);
  EXPECT_TRUE(quiet->values[0].bursts.empty());
  EXPECT_EQ(quiet->values[0].count, 2);
}

TEST_F(AnalystViewsTest, TwoShardsAnswerAsOne) {
  // The small corpus split over two shards, searched as one index: every
  // view counts the same (the match pass maps shard docids).
  const std::vector<TestArticle> corpus = fixtures::SmallCorpus();
  const std::string a = fixtures::MakeTempDir("analyst-shard-a");
  const std::string b = fixtures::MakeTempDir("analyst-shard-b");
  ASSERT_TRUE(fixtures::WriteIndex(
                  a, {corpus.begin(), corpus.begin() + corpus.size() / 2})
                  .ok());
  ASSERT_TRUE(fixtures::WriteIndex(
                  b, {corpus.begin() + corpus.size() / 2, corpus.end()})
                  .ok());
  SearcherOptions options;
  options.db_paths = {a, b};
  auto sharded = Searcher::Open(options);
  ASSERT_TRUE(sharded.ok()) << sharded.status().ToString();

  ComentionRequest matrix;
  matrix.against = "country";
  auto one = small_->Comentions(matrix);
  auto two = (*sharded)->Comentions(matrix);
  ASSERT_TRUE(one.ok() && two.ok());
  EXPECT_EQ(two->cells, one->cells);
  ASSERT_EQ(two->rows.size(), one->rows.size());
  for (size_t i = 0; i < one->rows.size(); ++i) {
    EXPECT_EQ(two->rows[i].value, one->rows[i].value);
    EXPECT_EQ(two->rows[i].index_count, one->rows[i].index_count);
  }
  TimelineRequest timeline;
  timeline.queries = {"person:scholz", "country:FR"};
  auto t1 = small_->Timeline(timeline);
  auto t2 = (*sharded)->Timeline(timeline);
  ASSERT_TRUE(t1.ok() && t2.ok());
  EXPECT_EQ(t2->buckets, t1->buckets);
  EXPECT_EQ(t2->all, t1->all);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(t2->series[i].counts, t1->series[i].counts);
  }
  BurstRequest bursts;
  bursts.value = "FR";
  bursts.field = "country";
  auto b1 = small_->Bursts(bursts);
  auto b2 = (*sharded)->Bursts(bursts);
  ASSERT_TRUE(b1.ok() && b2.ok());
  ASSERT_EQ(b2->values.size(), 1u);
  EXPECT_EQ(b2->values[0].count, b1->values[0].count);
  sharded->reset();
  std::filesystem::remove_all(a);
  std::filesystem::remove_all(b);
}

TEST_F(AnalystViewsTest, BadParametersNameThemselves) {
  ComentionRequest c;
  c.with = "person";
  EXPECT_EQ(small_->Comentions(c).status().param(), "with");
  c.with = "planet:mars";
  EXPECT_EQ(small_->Comentions(c).status().param(), "with");
  c.with = "";
  c.field = "planet";
  EXPECT_EQ(small_->Comentions(c).status().param(), "field");
  c.field = "person";
  c.against = "country";
  c.size = 51;
  EXPECT_EQ(small_->Comentions(c).status().param(), "size");
  BurstRequest b;
  b.field = "date";
  EXPECT_EQ(daily_->Bursts(b).status().param(), "field");
  TimelineRequest t;
  t.interval = "hour";
  EXPECT_EQ(daily_->Timeline(t).status().param(), "interval");
}

}  // namespace
}  // namespace chancery
