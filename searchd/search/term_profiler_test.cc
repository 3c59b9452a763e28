#include "searchd/search/term_profiler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
#include <set>

#include "common/data_file.h"
#include "common/text_analyzer.h"
#include "searchd/search/log_likelihood.h"
#include "searchd/search/searcher.h"
#include "searchd/testing/terms_corpus.h"

namespace chancery {
namespace {

using fixtures::TermsCorpus;

// The words of an article, found from its text (not the index): folded,
// split at anything but ASCII letters and digits (the corpus is ASCII).
std::set<std::string> WordsOf(const fixtures::TestArticle& t) {
  std::string text =
      FoldForIndexing(t.article.title) + " " + FoldForIndexing(t.article.body);
  std::set<std::string> words;
  std::string word;
  for (char c : text + " ") {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word += c;
    } else if (!word.empty()) {
      words.insert(word);
      word.clear();
    }
  }
  return words;
}

// Articles of `articles` (among them those whose id is in `ids` when given)
// with a word for which `has` is true.
int64_t CountWith(const std::vector<fixtures::TestArticle>& articles,
                  const std::function<bool(const std::string&)>& has,
                  const std::set<std::string>* ids = nullptr) {
  int64_t n = 0;
  for (const auto& a : articles) {
    if (ids && !ids->count(a.article.id)) continue;
    std::set<std::string> words = WordsOf(a);
    n += std::any_of(words.begin(), words.end(), has);
  }
  return n;
}

const std::set<std::string> kReactorIds = {"t1", "t2", "t3", "t4", "t5", "t6"};

class TermProfilerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(fixtures::MakeTempDir("terms"));
    ASSERT_TRUE(fixtures::WriteIndex(*dir_, TermsCorpus()).ok());
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dir_;
  }
  static std::unique_ptr<Searcher> Open(int exact_limit = 20000,
                                        int candidate_limit = 1000) {
    SearcherOptions options;
    options.db_paths = {*dir_};
    options.exact_terms_limit = exact_limit;
    options.terms_candidate_limit = candidate_limit;
    auto s = Searcher::Open(options);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(*s) : nullptr;
  }
  static TermsResponse Terms(const Searcher& s, const std::string& q,
                             int size = 50) {
    TermsRequest r;
    r.search.q = q;
    r.size = size;
    auto t = s.Terms(r);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? *t : TermsResponse{};
  }
  static const TermStat* Find(const std::vector<TermStat>& list,
                              const std::string& term) {
    for (const TermStat& t : list) {
      if (t.term == term) return &t;
    }
    return nullptr;
  }
  static std::string Listing(const std::vector<TermStat>& list) {
    std::string out;
    for (const TermStat& t : list) {
      out += t.term + "/" + t.stem + " " + std::to_string(t.count) + " " +
             std::to_string(t.index_count) + " " + std::to_string(t.score) +
             "\n";
    }
    return out;
  }
  static std::string* dir_;
};
std::string* TermProfilerTest::dir_ = nullptr;

TEST_F(TermProfilerTest, CountsMatchTheTextAndScoresAreG2) {
  auto s = Open();
  TermsResponse r = Terms(*s, "reactor");
  const std::vector<fixtures::TestArticle> corpus = TermsCorpus();
  EXPECT_EQ(r.total, 6);
  EXPECT_EQ(r.articles, static_cast<int64_t>(corpus.size()));
  EXPECT_FALSE(r.sampled);
  EXPECT_EQ(r.sample_size, 6);

  auto is = [](const char* w) {
    return [w](const std::string& x) { return x == w; };
  };
  // "uranium": a plain word (its stem is itself).
  const TermStat* uranium = Find(r.words, "uranium");
  ASSERT_NE(uranium, nullptr);
  EXPECT_EQ(uranium->stem, "uranium");
  EXPECT_EQ(uranium->count, CountWith(corpus, is("uranium"), &kReactorIds));
  EXPECT_EQ(uranium->index_count, CountWith(corpus, is("uranium")));
  EXPECT_EQ(uranium->count, 4);
  EXPECT_EQ(uranium->index_count, 6);
  const int64_t a = uranium->count;
  const int64_t c = uranium->index_count - a;
  EXPECT_NEAR(uranium->score,
              LogLikelihoodG2({a, r.total - a, c, r.articles - r.total - c}),
              1e-9);

  // "enriched" and "enrichment" are one stem, shown as the form more of
  // the matches have.
  auto enrich = [](const std::string& x) {
    return x == "enriched" || x == "enrichment";
  };
  const int64_t enriched_docs = CountWith(corpus, is("enriched"), &kReactorIds);
  const int64_t enrichment_docs =
      CountWith(corpus, is("enrichment"), &kReactorIds);
  ASSERT_NE(enriched_docs, enrichment_docs);
  const std::string commonest =
      enriched_docs > enrichment_docs ? "enriched" : "enrichment";
  const TermStat* enrich_stat = Find(r.words, commonest);
  ASSERT_NE(enrich_stat, nullptr) << Listing(r.words);
  EXPECT_EQ(enrich_stat->stem, "enrich");
  EXPECT_EQ(enrich_stat->count, CountWith(corpus, enrich, &kReactorIds));
  EXPECT_EQ(enrich_stat->count, 6);  // More than either form's.
  EXPECT_EQ(enrich_stat->index_count, CountWith(corpus, enrich));
  EXPECT_EQ(Find(r.words,
                 enriched_docs > enrichment_docs ? "enrichment" : "enriched"),
            nullptr);

  // The query's own word is the most over-represented.
  ASSERT_FALSE(r.words.empty());
  EXPECT_EQ(r.words.front().term, "reactor");
  for (size_t i = 1; i < r.words.size(); ++i) {
    EXPECT_GE(r.words[i - 1].score, r.words[i].score);
  }
  // Only over-represented words: "said" is in most articles of both sets.
  for (const TermStat& t : r.words) {
    ContingencyTable table{t.count, r.total - t.count, t.index_count - t.count,
                           r.articles - r.total - (t.index_count - t.count)};
    EXPECT_TRUE(OverRepresented(table)) << t.term;
  }
}

TEST_F(TermProfilerTest, CountsAreExactWhenCandidatesComeFromASample) {
  // Candidates from 3 of the 6 matches (t1, t3, t5); counts over all 6.
  auto s = Open(20000, /*candidate_limit=*/3);
  TermsResponse r = Terms(*s, "reactor");
  EXPECT_FALSE(r.sampled);
  const std::vector<fixtures::TestArticle> corpus = TermsCorpus();
  const TermStat* uranium = Find(r.words, "uranium");
  ASSERT_NE(uranium, nullptr) << Listing(r.words);
  EXPECT_EQ(uranium->count,
            CountWith(
                corpus, [](const std::string& w) { return w == "uranium"; },
                &kReactorIds));
  const TermStat* turbine = Find(r.words, "turbine");
  ASSERT_NE(turbine, nullptr) << Listing(r.words);
  EXPECT_EQ(turbine->count,
            CountWith(
                corpus, [](const std::string& w) { return w == "turbine"; },
                &kReactorIds));
}

TEST_F(TermProfilerTest, PhrasesAreCountedExactly) {
  auto s = Open();
  TermsResponse r = Terms(*s, "reactor");
  EXPECT_EQ(r.phrase_sample_size, 6);
  const TermStat* p = Find(r.phrases, "uranium enrichment");
  ASSERT_NE(p, nullptr);
  // By the text: t1-t4 among the matches, and n1.
  EXPECT_EQ(p->count, 4);
  EXPECT_EQ(p->index_count, 5);
  EXPECT_EQ(p->stem, "");
}

TEST_F(TermProfilerTest, NumbersOneLetterWordsAndStopwordsAreDropped) {
  auto s = Open();
  TermsResponse r = Terms(*s, "reactor", 100);
  for (const char* w : {"2024", "12", "x"}) {
    EXPECT_EQ(Find(r.words, w), nullptr) << w;
  }
  if (!FileExists(SearcherOptions().stopwords_file)) {
    GTEST_SKIP() << "stopwords not generated (npm ci --prefix "
                    "config/entities)";
  }
  // In every matching article and stopwords of stopwords-iso's English.
  for (const char* w : {"the", "at", "was"}) {
    EXPECT_EQ(Find(r.words, w), nullptr) << w;
  }
  for (const TermStat& p : r.phrases) {
    EXPECT_EQ(p.term.find("the "), std::string::npos) << p.term;
  }
}

TEST_F(TermProfilerTest, SamplesPastTheLimitDeterministically) {
  auto s = Open(/*exact_limit=*/4);
  TermsResponse first = Terms(*s, "reactor");
  EXPECT_EQ(first.total, 6);
  EXPECT_TRUE(first.sampled);
  EXPECT_EQ(first.sample_size, 4);
  for (const TermStat& t : first.words) EXPECT_LE(t.count, 4) << t.term;
  for (int i = 0; i < 3; ++i) {
    TermsResponse again = Terms(*Open(4), "reactor");
    ASSERT_EQ(again.words.size(), first.words.size());
    for (size_t j = 0; j < first.words.size(); ++j) {
      EXPECT_EQ(again.words[j].term, first.words[j].term);
      EXPECT_EQ(again.words[j].count, first.words[j].count);
      EXPECT_DOUBLE_EQ(again.words[j].score, first.words[j].score);
    }
  }
  // Within the limit, nothing is sampled.
  EXPECT_FALSE(Terms(*Open(6), "reactor").sampled);
}

TEST_F(TermProfilerTest, BadRequestsNameTheParameter) {
  auto s = Open();
  TermsRequest r;
  r.search.q = "reactor";
  r.size = 0;
  EXPECT_EQ(s->Terms(r).status().param(), "size");
  r.size = 101;
  EXPECT_EQ(s->Terms(r).status().param(), "size");
  r.size = 10;
  r.search.from = "March";
  EXPECT_EQ(s->Terms(r).status().param(), "from");
}

TEST_F(TermProfilerTest, NoMatchesNoTerms) {
  auto s = Open();
  TermsResponse r = Terms(*s, "zeppelin");
  EXPECT_EQ(r.total, 0);
  EXPECT_TRUE(r.words.empty());
  EXPECT_TRUE(r.phrases.empty());
}

TEST(EvenSampleTest, EveryKthInOrder) {
  std::vector<Xapian::docid> ids = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  EXPECT_EQ(EvenSample(ids, 20), ids);
  EXPECT_EQ(EvenSample(ids, 5), (std::vector<Xapian::docid>{1, 3, 5, 7, 9}));
  EXPECT_EQ(EvenSample(ids, 3), (std::vector<Xapian::docid>{1, 4, 7}));
  EXPECT_EQ(EvenSample(ids, 1), (std::vector<Xapian::docid>{1}));
}

TEST(StopwordsTest, FoldedAndStemmed) {
  Stopwords s =
      Stopwords::FromLists({{"en", {"Which", "having"}}, {"de", {"Über"}}});
  EXPECT_TRUE(s.IsWord("en", "which"));
  EXPECT_FALSE(s.IsWord("fr", "which"));
  EXPECT_TRUE(s.IsWord("de", "uber"));
  EXPECT_TRUE(s.IsStem("en", "have"));  // Snowball: having -> have
  EXPECT_EQ(s.size(), 3u);
}

TEST(StopwordsTest, LoadNamesTheBadLine) {
  const std::string dir = fixtures::MakeTempDir("stopwords");
  const std::string path = dir + "/stopwords.tsv";
  {
    FILE* f = std::fopen(path.c_str(), "w");
    std::fputs("en\tthe\nen\n", f);
    std::fclose(f);
  }
  StatusOr<Stopwords> s = Stopwords::Load(path);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find(path + ":2"), std::string::npos)
      << s.status().message();
  EXPECT_FALSE(Stopwords::Load(dir + "/missing.tsv").ok());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace chancery
