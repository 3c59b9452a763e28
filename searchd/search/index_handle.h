// IndexHandle and HandlePool: how the search core gives every concurrent
// request a Xapian::Database of its own (Xapian objects are not
// thread-safe) and keeps it current.
//
// A handle is the combined database of all shards (Database::add_database),
// the shard databases themselves (metadata is per shard), their paths, and
// the IndexSnapshot of the revision it sees. The pool lends handles out one
// request at a time and creates more when all are lent, so there are as
// many handles as the peak number of concurrent users. On lending, a handle
// not checked for reload_interval has its databases reopened; when the
// revision changed, it takes the new snapshot, which the pool builds once
// and shares between handles. The index directories' stubs are re-read at
// each check: when they name other databases (the indexer compacted the
// shards into one, common/index_layout.h), the handle opens those instead,
// and a database that vanished while being opened (the switch happening
// meanwhile) is retried on the new stub. A handle that failed to read is
// closed, not returned (Lease::Discard), so a repaired or replaced index is
// opened afresh by the next request.
//
// Invariants (CHECKed or DCHECKed): a handle is either lent to exactly one
// Lease or idle in the pool, never both; every handle has one shard per
// path it opened and a snapshot; every Lease is destroyed before its pool.
#ifndef CHANCERY_SEARCHD_SEARCH_INDEX_HANDLE_H_
#define CHANCERY_SEARCHD_SEARCH_INDEX_HANDLE_H_

#include <xapian.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/base/check.h"
#include "common/status.h"
#include "searchd/search/index_snapshot.h"

namespace chancery {

struct IndexHandle {
  Xapian::Database db;                   // All shards as one database.
  std::vector<Xapian::Database> shards;  // Share db's sub-databases.
  std::vector<std::string> paths;        // shards[i] was opened at paths[i]
  std::shared_ptr<const IndexSnapshot> snapshot;
  std::chrono::steady_clock::time_point last_check;
};

class HandlePool {
 public:
  // Lends a handle; returns it to the pool when destroyed.
  class Lease {
   public:
    Lease(HandlePool* pool, std::unique_ptr<IndexHandle> handle)
        : pool_(pool), handle_(std::move(handle)) {
      DCHECK(pool_ != nullptr && handle_ != nullptr);
    }
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (!handle_) return;
      if (discard_) {
        pool_->Forget();
      } else {
        pool_->Return(std::move(handle_));
      }
    }
    // Precondition: the lease was not moved from.
    IndexHandle& operator*() const {
      DCHECK(handle_ != nullptr) << "Lease used after a move";
      return *handle_;
    }
    IndexHandle* operator->() const { return &**this; }
    // Reopens now (after a DatabaseModifiedError) and refreshes the
    // snapshot. Throws Xapian::Error.
    void Reopen() { pool_->Refresh(*handle_, /*force=*/true); }
    // The handle failed to read (a damaged or vanished index): it is
    // closed rather than returned, so the next request opens the index
    // afresh by path and sees a repaired or replaced one, whose revision
    // may well be the same as the damaged one's.
    void Discard() { discard_ = true; }

   private:
    HandlePool* pool_;
    std::unique_ptr<IndexHandle> handle_;
    bool discard_ = false;
  };

  // Checks that every path opens as an index; IoError naming it otherwise.
  // An index directory with a stub (common/index_layout.h) counts as the
  // databases it names, as of each check.
  [[nodiscard]] static StatusOr<std::unique_ptr<HandlePool>> Create(
      const std::vector<std::string>& paths, std::chrono::milliseconds reload);

  // Status when the index cannot be opened or read.
  [[nodiscard]] StatusOr<Lease> Borrow();

  // Precondition: every Lease has been destroyed.
  ~HandlePool();

 private:
  HandlePool(std::vector<std::string> dirs, std::chrono::milliseconds reload)
      : dirs_(std::move(dirs)), reload_(reload) {}
  // The databases the index directories name now. Throws
  // Xapian::DatabaseOpeningError when a stub cannot be read.
  std::vector<std::string> CurrentPaths() const;
  // Opens the databases at `paths`. Throws Xapian::Error.
  std::unique_ptr<IndexHandle> OpenHandle(std::vector<std::string> paths);
  void Refresh(IndexHandle& handle, bool force);  // Throws Xapian::Error.
  std::shared_ptr<const IndexSnapshot> SnapshotFor(const IndexHandle& handle);
  void Return(std::unique_ptr<IndexHandle> handle);
  void Forget();  // A lent handle is gone (failed to refresh or read).

  const std::vector<std::string> dirs_;  // as given to Create
  const std::chrono::milliseconds reload_;

  std::mutex mu_;  // Guards idle_ and handles_.
  std::vector<std::unique_ptr<IndexHandle>> idle_;
  size_t handles_ = 0;  // Handles made so far: idle or lent.

  // Serialises snapshot builds so a new revision is read once.
  std::mutex snapshot_mu_;
  std::shared_ptr<const IndexSnapshot> latest_;  // Guarded by snapshot_mu_.
};

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_INDEX_HANDLE_H_
