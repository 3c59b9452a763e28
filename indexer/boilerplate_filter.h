// BoilerplateFilter: keeps site furniture ("Follow the channel of", "All
// about the topic:", "Reuter") out of the searchable text and snippets.
// Two sources of knowledge:
//  - curated patterns in config/boilerplate.tsv (folded line prefixes, with
//    how many following short lines belong to them, e.g. the topic link
//    after "All about the topic:");
//  - lines learned during the run: a short line seen in kLearnAfter or more
//    articles of the same source is boilerplate for that source's later
//    articles. (Its first few occurrences stay; a second run over the same
//    archive cleans them, since learned lines are kept in memory only for
//    the run and re-learned in input order.)
// Not thread-safe: the pipeline calls it on the reader thread, in input
// order, which also keeps the result deterministic.
#ifndef CHANCERY_INDEXER_BOILERPLATE_FILTER_H_
#define CHANCERY_INDEXER_BOILERPLATE_FILTER_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/article.h"
#include "common/status.h"

namespace chancery {

class BoilerplateFilter {
 public:
  // Occurrences (in distinct articles of one source) that make a line
  // boilerplate.
  static constexpr int kLearnAfter = 3;

  // Reads curated patterns: one per line, "PATTERN" or "PATTERN<TAB>N"
  // (N following short lines dropped too); '#' starts a comment. A missing
  // file is an error naming it.
  [[nodiscard]] static StatusOr<BoilerplateFilter> Load(
      const std::string& path);
  BoilerplateFilter() = default;

  // Removes boilerplate lines from article.body and learns from it.
  void Clean(Article& article);

 private:
  struct Pattern {
    std::string folded_prefix;
    int drop_following = 0;
  };
  // Learning state of one source; bounded so memory does not grow with the
  // archive.
  struct SourceLines {
    std::unordered_map<uint64_t, int> seen;  // line hash -> articles
  };

  int MatchPattern(const std::string& folded_line) const;  // -1 if none
  bool Learn(const std::string& source, uint64_t line_hash);

  std::vector<Pattern> patterns_;
  std::unordered_map<std::string, SourceLines> sources_;
};

}  // namespace chancery

#endif  // CHANCERY_INDEXER_BOILERPLATE_FILTER_H_
