// A small hand-made corpus and an in-process index builder for the search
// core's tests, the HTTP tests and the benchmark. Articles are written with
// the real DocumentBuilder and IndexWriter, so the index is what
// chancery-index would produce for the same analysed articles.
#ifndef CHANCERY_SEARCHD_TESTING_TEST_CORPUS_H_
#define CHANCERY_SEARCHD_TESTING_TEST_CORPUS_H_

#include <string>
#include <vector>

#include "common/article.h"
#include "common/entities/entities.h"
#include "common/status.h"

namespace chancery::fixtures {

struct TestArticle {
  Article article;
  ArticleEntities entities;
};

// Twelve articles in English and French, 2023-2024, about France, China,
// Germany, the US and Ukraine, with Séjourné, Macron, Xi Jinping, Scholz and
// Blinken, the EU, NATO and the UN, from three sources. a1's entities
// have mention spans, and Xi Jinping the native form "习近平".
std::vector<TestArticle> SmallCorpus();

// Forty consecutive days from 2024-09-01 (kDailyCorpusFirstDay), ten English
// Reuters articles a day about France, none on day 20: Olaf Scholz in one
// article on even days and five on day 35, Xi Jinping in three on day 36
// (never before), Antony Blinken in two on day 37. For the bursts.
std::vector<TestArticle> DailyCorpus();
inline constexpr int kDailyCorpusDays = 40;

// Writes `articles` into a new or existing index at `path` and commits.
Status WriteIndex(const std::string& path,
                  const std::vector<TestArticle>& articles);

// A fresh empty directory under the system temp dir, named after `tag`.
std::string MakeTempDir(const std::string& tag);

// Seconds since the epoch of a UTC date.
int64_t EpochSeconds(int year, int month, int day);

}  // namespace chancery::fixtures

#endif  // CHANCERY_SEARCHD_TESTING_TEST_CORPUS_H_
