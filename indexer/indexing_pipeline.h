// IndexingPipeline: reads articles from a reader (as its ArticleSink),
// analyses them on worker threads (language, entities, Xapian document) and
// hands them, in input order, to a ShardedWriter on a writer thread (which
// writes one database itself, or routes each document to a shard's writer
// thread), so the last version of a repeated id wins. Using both cores this
// way is what lets the indexer do more than a bare single-threaded Xapian
// indexer in the same time.
//
// Thread safety: the ArticleSink methods must be called from one thread
// (the reader's). Finish() once, from that same thread.
//
// An exception on a worker or the writer thread (from `extract`, Xapian,
// ICU, an allocation) does not escape: the thread records it, the pipeline
// stops (the threads end, later articles are dropped, nothing more is
// written) and Finish() returns it as an Internal error naming the article.
//
// Invariants (CHECKed or DCHECKed): every article accepted by OnArticle is
// written, rejected or dropped after a failure, in input order; at most
// kInputCapacity articles, and kInputTextCapacity bytes of their text
// (or one article), wait for a worker, and built documents wait in
// the reorder buffer only within kReorderWindow of the next one to write.
#ifndef CHANCERY_INDEXER_INDEXING_PIPELINE_H_
#define CHANCERY_INDEXER_INDEXING_PIPELINE_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "common/article.h"
#include "common/entities/entities.h"
#include "indexer/boilerplate_filter.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/progress_reporter.h"
#include "indexer/readers/article_reader.h"
#include "indexer/sharded_writer.h"
#include "indexer/story_grouper.h"

namespace chancery {

struct IndexingStats {
  uint64_t read = 0;  // articles delivered by readers
  uint64_t added = 0;
  uint64_t replaced = 0;
  uint64_t unchanged = 0;
  uint64_t deleted = 0;
  uint64_t rejected = 0;
  uint64_t warnings = 0;
  // Documents rewritten at the end because their furniture changed
  // (furniture_recleaner.h); each was counted once as added or replaced.
  uint64_t recleaned = 0;
  // Documents rewritten at the end because their story changed
  // (story_settler.h).
  uint64_t restoried = 0;
};

// Must be thread-safe: called concurrently from worker threads. May throw;
// the pipeline then stops with that error (see above).
using ExtractEntitiesFn = std::function<ArticleEntities(const Article&)>;

class IndexingPipeline : public ArticleSink {
 public:
  // `writer`, `boilerplate` and `progress` are borrowed and must outlive
  // the pipeline. Precondition: threads >= 1 analysis threads, 0 <
  // story_similarity <= 1 (StoryGrouper's threshold).
  IndexingPipeline(ShardedWriter& writer, BoilerplateFilter& boilerplate,
                   ExtractEntitiesFn extract, int threads,
                   ProgressReporter& progress,
                   double story_similarity = kDefaultStorySimilarity);
  ~IndexingPipeline() override;

  void OnArticle(Article&& article) override;
  void OnReject(const std::string& origin, const std::string& reason) override;
  void OnWarning(const std::string& origin, const std::string& reason) override;
  void OnProgress(uint64_t bytes_read) override;
  // Called between input files so progress counts all of them.
  void StartFile() {
    bytes_before_file_ += bytes_in_file_;
    bytes_in_file_ = 0;
  }

  // Drains the queues, stops the threads, re-cleans the documents whose
  // furniture changed (RecleanFurniture), settles the stories
  // (SettleStories), stores the boilerplate
  // statistics in the index and commits. Returns the error of a
  // failed worker or writer thread (as Internal, "ORIGIN: ... thread
  // failed: WHAT"), else the first write error, if any (later articles are
  // then dropped), else Commit's. Precondition: not called before.
  [[nodiscard]] Status Finish();
  IndexingStats stats() const;
  // Busy time of reading, analysis and writing so far (compact stays 0).
  PhaseTimes phase_times() const;

 private:
  struct Job {
    uint64_t seq;
    Article article;
  };
  void WorkerLoop();
  void WriterLoop();
  // The writer's report on one document; from any thread. Takes mu_.
  void OnWritten(const std::string& origin,
                 const StatusOr<WriteOutcome>& outcome);
  // Records the first thread failure and stops the pipeline. Takes mu_.
  void Abort(const std::string& thread, const std::string& origin,
             const std::string& what);

  ShardedWriter& writer_;
  BoilerplateFilter& boilerplate_;
  ExtractEntitiesFn extract_;
  ProgressReporter& progress_;
  StoryGrouper stories_;  // the writer thread's, then Finish's

  mutable std::mutex mu_;
  std::condition_variable input_cv_;   // input_ changed or closing
  std::condition_variable output_cv_;  // output_ changed or closing
  std::deque<Job> input_;
  size_t input_bytes_ = 0;  // title and body bytes of the articles in input_
  std::map<uint64_t, BuiltDocument> output_;  // reorder buffer, by seq
  uint64_t next_seq_ = 0;                     // next seq to hand out
  uint64_t next_write_ = 0;                   // next seq the writer takes
  bool closing_ = false;
  // A worker or the writer thread failed: every thread stops, OnArticle
  // drops. Written under mu_; read without it by OnArticle's fast path.
  std::atomic<bool> aborted_{false};
  Status thread_error_;  // why, the first failure
  Status write_error_;
  Status failed_;  // the writer thread's own copy of write_error_
  IndexingStats stats_;
  uint64_t bytes_before_file_ = 0;
  uint64_t bytes_in_file_ = 0;
  std::atomic<uint64_t> bytes_read_total_{0};  // for the writer's progress
  const int threads_;
  // Phase timing: the reader thread's own work (outside OnArticle's wait
  // for queue space), and the workers' analysis, in nanoseconds.
  std::chrono::steady_clock::time_point last_return_;
  std::atomic<int64_t> read_nanos_{0};
  std::atomic<int64_t> analyse_nanos_{0};
  bool finished_ = false;

  std::vector<std::thread> workers_;
  std::thread writer_thread_;
};

}  // namespace chancery

#endif  // CHANCERY_INDEXER_INDEXING_PIPELINE_H_
