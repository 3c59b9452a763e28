// ShardedWriter: the index a chancery-index run writes, as one database or
// as shards written in parallel (common/index_layout.h).
//
// Open decides the layout from what is on disk:
//  - a sharded index (a stub lists its shards, or the one database they
//    were compacted into): every database is opened, and each id is routed
//    to ShardOfId(id, shards), so upserts and deletes of an id find it
//    where an earlier run put it; what an interrupted compaction left
//    beside them is removed (RemoveIndexLeftovers);
//  - an existing single index: that database, written as before;
//  - no index yet (a bulk run; shard directories without a stub, left by a
//    bulk run killed before it wrote one, count as none and are removed):
//    `new_shards` shards, shard-0.. with a stub,
//    when new_shards > 1 or the run will compact (CompactShards merges them
//    into one database afterwards; the stub says compaction is pending
//    until then); else one database at the path.
//
// With several shards, each has a writer thread of its own: Submit hands a
// document to its shard's bounded queue and returns, so the shards' Xapian
// writes run in parallel. Shard 0 is the metadata shard: besides its own
// documents it records every document's facet labels and native forms, in
// input order, so they are exactly those a single index would hold.
//
// Thread safety: Submit and every other method from one thread (the
// pipeline's writer thread, then the main thread after Flush). The outcome
// handler runs on shard threads, concurrently; it must be thread-safe.
#ifndef CHANCERY_INDEXER_SHARDED_WRITER_H_
#define CHANCERY_INDEXER_SHARDED_WRITER_H_

#include <xapian.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "common/status.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"

namespace chancery {

class ShardedWriter {
 public:
  // What became of a submitted document: InvalidArgument when it could not
  // be stored (the run goes on), IoError/Internal when the index could not
  // be written (later documents are dropped), else the outcome.
  using OutcomeFn = std::function<void(const std::string& origin,
                                       const StatusOr<WriteOutcome>& outcome)>;

  // new_shards >= 1; batch_size >= 1 changes per commit, shared out among
  // the shards so memory does not grow with their number.
  [[nodiscard]] static StatusOr<std::unique_ptr<ShardedWriter>> Open(
      const std::string& path, int new_shards, bool compact_new,
      int batch_size);
  ~ShardedWriter();  // Stops the threads, commits what is pending.

  // True when Open found no index: this run builds it.
  bool bulk() const { return bulk_; }
  int shard_count() const { return static_cast<int>(paths_.size()); }
  // The shard databases, in shard order ({path} for a single index).
  const std::vector<std::string>& shard_paths() const { return paths_; }

  // Where outcomes go. Precondition: set before the first Submit.
  void SetOutcomeHandler(OutcomeFn handler) {
    on_outcome_ = std::move(handler);
  }
  // Writes `built` (on a shard thread when sharded) and reports its outcome.
  // Returns the first write error so far (Ok otherwise); after one, later
  // documents are dropped unreported. Blocks while the shard's queue is full.
  [[nodiscard]] Status Submit(BuiltDocument&& built);
  // Waits until every submitted document is written; the first write error.
  [[nodiscard]] Status Flush();

  // Synchronous, after Flush: as IndexWriter's, routed to the id's shard
  // (metadata: the metadata shard; MatchingData: every shard).
  [[nodiscard]] StatusOr<WriteOutcome> Upsert(const BuiltDocument& built);
  [[nodiscard]] StatusOr<bool> Delete(const std::string& id);
  [[nodiscard]] StatusOr<std::vector<std::string>> MatchingData(
      const Xapian::Query& query);
  [[nodiscard]] StatusOr<std::vector<Xapian::Document>> MatchingDocuments(
      const Xapian::Query& query);
  [[nodiscard]] Status Replace(const std::string& id,
                               const Xapian::Document& doc);
  [[nodiscard]] StatusOr<std::string> Metadata(std::string_view key) const;
  [[nodiscard]] Status SetMetadata(std::string_view key,
                                   const std::string& value);
  [[nodiscard]] Status Commit();  // Every shard.
  // Flushes, commits and closes every shard, releasing its lock. Nothing
  // may be called afterwards but DocumentCount (the last count).
  [[nodiscard]] Status Close();

  Xapian::doccount DocumentCount() const;
  // Documents as of each shard's last commit, summed (IndexWriter's).
  Xapian::doccount CommittedDocumentCount() const;

  // Seconds the shard threads (or the caller, unsharded) spent writing,
  // summed over shards: the write phase's busy time.
  double WriteSeconds() const;

 private:
  struct Item {
    BuiltDocument built;
    bool write;  // false: the metadata shard records labels only
  };
  struct Shard {
    std::unique_ptr<IndexWriter> writer;
    std::mutex mu;
    std::condition_variable cv;  // items changed or stopping
    std::deque<Item> items;
    bool busy = false;  // the thread holds an item
    bool stopping = false;
    std::thread thread;
  };

  ShardedWriter(std::string path, bool bulk, std::vector<std::string> paths)
      : path_(std::move(path)), bulk_(bulk), paths_(std::move(paths)) {}
  size_t ShardOf(const std::string& id) const;
  void ShardLoop(size_t index);
  // Writes one item on shard `index`'s writer and reports it.
  void Write(size_t index, const Item& item);
  void Fail(const Status& error);
  void StopThreads();

  const std::string path_;
  const bool bulk_;
  const std::vector<std::string> paths_;
  std::vector<std::unique_ptr<Shard>> shards_;
  OutcomeFn on_outcome_;
  std::atomic<bool> failed_{false};
  mutable std::mutex error_mu_;
  Status error_;  // the first write error; guarded by error_mu_
  std::atomic<int64_t> write_nanos_{0};
  Xapian::doccount closed_count_ = 0;
  Xapian::doccount closed_committed_ = 0;
  bool closed_ = false;
};

}  // namespace chancery

#endif  // CHANCERY_INDEXER_SHARDED_WRITER_H_
