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
  // The story id (indexer/story_grouper.h) WriteIndex gives the article,
  // as chancery-index would have; "" = none (a story of its own).
  std::string story;
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

// SmallCorpus plus six later versions, in three stories of several
// versions whose versions name different entities and sources:
//   a1 (Reuters) + s1 (AFP, adds the EU) + s2 (AP, next day, adds the US
//     and Blinken);
//   a4 (AP) + s3 (Reuters, adds the UN) + s4 (AFP, two days on);
//   a12 (AFP, 2024-06-30) + s5 (Reuters, 2024-07-01: the next month, adds
//     NATO) + s6 (Reuters, adds Scholz).
// Every article of a story has `story` set, the first one's to its own id;
// the other articles of SmallCorpus have none.
std::vector<TestArticle> StoryCorpus();

// Writes `articles` into a new or existing index at `path` and commits.
Status WriteIndex(const std::string& path,
                  const std::vector<TestArticle>& articles);

// A fresh empty directory under the system temp dir, named after `tag`.
std::string MakeTempDir(const std::string& tag);

// Seconds since the epoch of a UTC date.
int64_t EpochSeconds(int year, int month, int day);

}  // namespace chancery::fixtures

#endif  // CHANCERY_SEARCHD_TESTING_TEST_CORPUS_H_
