// BoilerplateFilter: finds site furniture ("Follow the channel of", "All
// about the topic:", "Reuter") in article bodies, so that it stays out of
// the searchable text and the snippets. The stored body is never changed:
// the filter only marks line ranges (Article::furniture).
//
// Two sources of knowledge:
//  - curated patterns in config/boilerplate.tsv (folded line prefixes, with
//    how many following short lines belong to them, e.g. the topic link
//    after "All about the topic:");
//  - learned lines: a short line is furniture of its source when it is in
//    at least kMinArticles distinct bodies of that source and in at least
//    kMinShare of them. Copies of one body count once, so a corpus indexed
//    twice, or one story republished, teaches nothing.
//
// A candidate line is a whole line: short (kMaxLineBytes), with a letter,
// after a blank line or one that ends a sentence, and not continued by a
// line starting in lower case (wrapped wire copy). Bodies that separate
// lines by single newlines and by blank lines are treated alike. The
// furniture of a body never covers all its non-blank lines.
//
// Order independence: the learned decision depends on the statistics of
// the whole input, which are known only at the end. The pipeline marks each
// article with the statistics so far; at the end LinesToRecheck() lists the
// lines whose decision may differ between documents, and the re-cleaner
// (furniture_recleaner.h) fixes the few documents concerned. The
// statistics are kept in the index (Serialize/Merge) so that a later run
// into the same index goes on from them.
//
// Memory: per source, one count per distinct candidate line (bounded by
// kMaxTrackedLines; past it lines seen once are forgotten) and 8 bytes per
// distinct body.
// Not thread-safe: the pipeline calls it on the reader thread.
#ifndef CHANCERY_INDEXER_BOILERPLATE_FILTER_H_
#define CHANCERY_INDEXER_BOILERPLATE_FILTER_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "common/article.h"
#include "common/status.h"

namespace chancery {

// The stable 64-bit hash of a line as the filter knows it: its folded text
// with runs of white space as one space (FNV-1a). It names index terms
// (schema::kFurnitureLine), so it must not change between builds.
uint64_t FurnitureLineHash(std::string_view line);

class BoilerplateFilter {
 public:
  // A learned line is furniture of its source when it is in at least this
  // many distinct bodies of the source...
  static constexpr uint32_t kMinArticles = 5;
  // ... and in at least this share of them. (On Reuters-21578 the only
  // line above 1% is "Reuter", 79%; the next is at 0.3%. Repeated interview
  // questions of Wikinews are at 1.7%.)
  static constexpr double kMinShare = 0.05;
  // Furniture lines are short; longer lines are content even when repeated.
  static constexpr size_t kMaxLineBytes = 100;
  // Per-source bound on remembered lines.
  static constexpr size_t kMaxTrackedLines = size_t{1} << 20;

  // Reads curated patterns: one per line, "PATTERN" or "PATTERN<TAB>N"
  // (N following short lines are furniture too); '#' starts a comment. A
  // missing file is an error naming it; a bad line names FILE:LINE.
  [[nodiscard]] static StatusOr<BoilerplateFilter> Load(
      const std::string& path);
  BoilerplateFilter() = default;

  // Learns from the article, then sets article.furniture to its furniture
  // lines under the statistics so far (recording the learned lines used,
  // for LinesToRecheck). What the pipeline calls once per article.
  void Clean(Article& article);

  // The furniture of `article` under the statistics now, without learning.
  // Sorted byte ranges of lines of article.body.
  std::vector<std::pair<size_t, size_t>> Find(const Article& article) const;

  // A learned line whose decision may differ between documents.
  struct LineToRecheck {
    std::string source_key;  // the folded source
    uint64_t hash = 0;       // FurnitureLineHash
    std::string text;        // the line, as first seen
    bool furniture = false;  // its decision under the statistics now
  };
  // Every learned line used as furniture in this run, or furniture in the
  // merged statistics of earlier runs, with its decision now.
  std::vector<LineToRecheck> LinesToRecheck() const;

  // The learned statistics as text, for the index (schema::kBoilerplateKey).
  // Lines seen once are left out.
  std::string Serialize() const;
  // Adds statistics that Serialize wrote (once, before the first Clean).
  // Corruption when `data` is not that (nothing is then added); empty
  // `data` adds nothing.
  [[nodiscard]] Status Merge(std::string_view data);

 private:
  struct Pattern {
    std::string folded_prefix;
    int drop_following = 0;
  };
  struct SourceStats {
    std::unordered_map<uint64_t, uint32_t> lines;  // line hash -> bodies
    std::unordered_set<uint64_t> bodies;           // distinct body hashes
  };
  struct Line;

  std::vector<Line> SplitLines(std::string_view body) const;
  int MatchPattern(const std::string& folded_line) const;  // -1 if none
  void Learn(SourceStats& stats, uint64_t body_hash,
             const std::vector<Line>& lines);
  bool Learned(const SourceStats* stats, uint64_t hash) const;
  // Indexes of the furniture lines of `lines`; `learned` gets those marked
  // by learning alone.
  std::vector<size_t> Decide(const SourceStats* stats,
                             const std::vector<Line>& lines,
                             std::vector<size_t>* learned) const;
  static std::vector<std::pair<size_t, size_t>> Ranges(
      const std::vector<Line>& lines, const std::vector<size_t>& marked);

  std::vector<Pattern> patterns_;
  std::unordered_map<std::string, SourceStats> sources_;  // by folded source
  // (folded source, line hash) -> line text: the learned lines to recheck.
  std::map<std::pair<std::string, uint64_t>, std::string> used_;
};

}  // namespace chancery

#endif  // CHANCERY_INDEXER_BOILERPLATE_FILTER_H_
