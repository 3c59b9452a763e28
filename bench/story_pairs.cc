// story_pairs: the near-copy candidates of a corpus, for choosing the
// story threshold (notes/stories.md). Reads JSON Lines (.gz) with the
// indexer's readers and boilerplate filter, sketches each searchable body
// (indexer/min_hash.h) and prints, for every pair sharing an LSH band key
// whose estimated Jaccard similarity is at least MIN (default 0.2), a TSV
// line: estimated, exact Jaccard of the 4-word shingle sets, both ids, both
// titles.
//   story_pairs CORPUS.jsonl.gz [MIN]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/stored_article.h"
#include "indexer/boilerplate_filter.h"
#include "indexer/min_hash.h"
#include "indexer/readers/article_reader.h"

namespace chancery {
namespace {

struct Sketched {
  std::string id, title;
  MinHash sketch;
  std::vector<uint64_t> shingles;  // sorted, unique
};

class Collector : public ArticleSink {
 public:
  void OnArticle(Article&& a) override {
    filter_.Clean(a);
    const std::string body = SearchableBody(a);
    std::optional<MinHash> sketch = ComputeMinHash(body);
    if (!sketch) return;
    std::vector<uint64_t> shingles = ShingleHashes(body);
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()),
                   shingles.end());
    articles.push_back({a.id, a.title, *sketch, std::move(shingles)});
  }
  void OnReject(const std::string&, const std::string&) override {}
  void OnWarning(const std::string&, const std::string&) override {}
  void OnProgress(uint64_t) override {}
  std::vector<Sketched> articles;

 private:
  BoilerplateFilter filter_;
};

double Exact(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  std::vector<uint64_t> common;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(),
                        std::back_inserter(common));
  return static_cast<double>(common.size()) /
         static_cast<double>(a.size() + b.size() - common.size());
}

int Main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: story_pairs CORPUS.jsonl[.gz] [MIN]\n");
    return 2;
  }
  const double min = argc > 2 ? std::atof(argv[2]) : 0.2;
  Collector sink;
  Status s = ReadArticles(argv[1], sink);
  if (!s.ok()) {
    std::fprintf(stderr, "story_pairs: %s\n", s.ToString().c_str());
    return 1;
  }
  std::unordered_map<uint64_t, std::vector<uint32_t>> bands;
  std::set<std::pair<uint32_t, uint32_t>> pairs;
  for (uint32_t i = 0; i < sink.articles.size(); ++i) {
    for (uint64_t key : BandKeys(sink.articles[i].sketch)) {
      for (uint32_t j : bands[key]) pairs.emplace(j, i);
      bands[key].push_back(i);
    }
  }
  std::fprintf(stderr, "%zu articles with a sketch, %zu candidate pairs\n",
               sink.articles.size(), pairs.size());
  for (const auto& [i, j] : pairs) {
    const Sketched& a = sink.articles[i];
    const Sketched& b = sink.articles[j];
    const double estimate = EstimateJaccard(a.sketch, b.sketch);
    if (estimate < min) continue;
    std::printf("%.3f\t%.3f\t%s\t%s\t%s\t%s\n", estimate,
                Exact(a.shingles, b.shingles), a.id.c_str(), b.id.c_str(),
                a.title.c_str(), b.title.c_str());
  }
  return 0;
}

}  // namespace
}  // namespace chancery

int main(int argc, char** argv) { return chancery::Main(argc, argv); }
