// Searcher: the search core. Answers searches, document look-ups, "more like
// this", facet autocomplete, term profiles and statistics over one index, or
// several index shards searched as one.
//
// Thread safety: all methods are safe to call from any number of threads at
// once. Each call borrows a database handle of its own from a pool (Xapian
// databases are not thread-safe), so concurrent calls never share one.
// Index updates by chancery-index become visible without a restart: a
// handle checks for a newer revision at most every reload_interval_ms.
//
// Errors: InvalidArgument (with the offending parameter's name in param())
// for bad requests, NotFound for unknown ids, IoError/Corruption when the
// index cannot be read. No exception escapes.
#ifndef CHANCERY_SEARCHD_SEARCH_SEARCHER_H_
#define CHANCERY_SEARCHD_SEARCH_SEARCHER_H_

#include <memory>
#include <string>
#include <vector>

#include "common/data_dirs.h"
#include "common/status.h"
#include "searchd/search/search_types.h"

namespace chancery {

class HandlePool;

// The search limits' one definition. chancery-searchd sets each from its
// config file or flags (searchd/server_config.h, same names).
struct SearcherOptions {
  std::vector<std::string> db_paths;  // One or more index directories.
  int max_page_size = 100;
  int max_facet_size = 200;
  int max_query_bytes = 4096;
  int max_result_window = 10000;  // page * size may not exceed this.
  // A query's cost grows with its words (identical ones too: "a a a ..."
  // ANDs the same long posting list with itself) and most with wildcards,
  // each an OR of up to 200 terms. Beyond these, q is a 400.
  int max_query_words = 64;
  int max_query_wildcards = 5;
  // Facets are counted exactly over up to this many matches.
  int exact_facet_limit = 200000;
  int reload_interval_ms = 1000;
  // Revisions answered from stay readable (?revision=) this long after
  // they were last the newest, at most this many besides the newest; the
  // pins that ask chancery-index to spare them (common/revision_pins.h)
  // are written into the index unless write_revision_pins is off.
  int revision_keep_ms = 60000;
  int revision_keep_count = 4;
  bool write_revision_pins = true;
  // Threads that count facets while the ranked search runs; 0 = none
  // (count on the calling thread).
  int counting_threads = 2;
  // Term profiles (Terms): words are counted over every match up to this
  // many, else over an even sample of this many; phrases over an even
  // sample of at most phrase_sample_limit of those; at most max_terms_size
  // words and phrases listed.
  int exact_terms_limit = 20000;
  int phrase_sample_limit = 500;
  // Matches whose termlists propose the words a term profile counts.
  int terms_candidate_limit = 500;
  int max_terms_size = 100;
  // The stopwords a term profile leaves out (searchd/search/stopwords.h);
  // no stopwords when this default file does not exist (a build without
  // the npm data); another path that does not exist fails Open.
  std::string stopwords_file =
      FindDataDirs().config_dir + "/entities/generated/stopwords.tsv";
};

class Searcher {
 public:
  // Opens every shard once to check it is an index. IoError naming the
  // path when one is missing or not a Xapian database.
  [[nodiscard]] static StatusOr<std::unique_ptr<Searcher>> Open(
      const SearcherOptions& options);
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  [[nodiscard]] StatusOr<SearchResponse> Search(
      const SearchRequest& request) const;
  [[nodiscard]] StatusOr<DocumentView> GetDocument(const std::string& id) const;
  // The article with the words matching `request.q` in `highlights`.
  [[nodiscard]] StatusOr<DocumentView> GetDocument(
      const DocumentRequest& request) const;
  // Every version of a story, oldest first, with what each added
  // (story_view.h). NotFound for an id that names no article.
  [[nodiscard]] StatusOr<StoryView> GetStory(const StoryRequest& request) const;
  // Articles most like `request.id`, best first; same shape as search hits.
  [[nodiscard]] StatusOr<SearchResponse> Similar(
      const SimilarRequest& request) const;
  // Values of one facet matching a prefix, by count, then label.
  [[nodiscard]] StatusOr<FacetResult> FacetValues(
      const FacetValuesRequest& request) const;
  [[nodiscard]] StatusOr<IndexStats> Stats() const;
  // The analyst views (comention_counter.h, timeline.h, burst_counter.h).
  [[nodiscard]] StatusOr<ComentionResponse> Comentions(
      const ComentionRequest& request) const;
  [[nodiscard]] StatusOr<TimelineResponse> Timeline(
      const TimelineRequest& request) const;
  [[nodiscard]] StatusOr<BurstResponse> Bursts(
      const BurstRequest& request) const;
  // The words and phrases over-represented in the matches of
  // `request.search` (searchd/search/term_profiler.h).
  [[nodiscard]] StatusOr<TermsResponse> Terms(
      const TermsRequest& request) const;

  const SearcherOptions& options() const;
  // The handles this searcher reads through, for the search core's other
  // readers (exporter.h); thread-safe like the Searcher.
  HandlePool& handle_pool() const;

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_SEARCHER_H_
