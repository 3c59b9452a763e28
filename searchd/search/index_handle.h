// IndexHandle and HandlePool: how the search core gives every concurrent
// request a Xapian::Database of its own (Xapian objects are not
// thread-safe) and keeps it current.
//
// A handle is the combined database of all shards (Database::add_database),
// the shard databases themselves (metadata is per shard), their paths, and
// the IndexSnapshot of the revision it sees. A handle reads one revision
// for its whole life. The pool lends handles out one request at a time and
// creates more when all are lent, so there are as many handles as the peak
// number of concurrent users. On lending, a handle not checked for
// reload_interval is compared with what is on disk: when the index
// changed (a new revision, or stubs naming other databases, common/
// index_layout.h), a new handle is opened on it, and the old one, if its
// revision is still kept (KeptRevisions), waits idle for requests that
// name that revision; a database that vanished while being opened (the
// switch happening meanwhile) is retried on the new stub. A handle that
// failed to read is closed, not returned (Lease::Discard), so a repaired or
// replaced index is opened afresh by the next request.
//
// Revisions: Borrow(token) lends a handle at the revision `token` names
// (RevisionToken of its snapshot's revision): an idle one, or a new one
// when that revision is still the newest on disk, or waits for one lent
// out. Expired when the revision is no longer kept. The pool writes pins
// (common/revision_pins.h) for the kept revisions into the databases'
// directories, so that chancery-index leaves them intact; a revision
// destroyed all the same shows as DatabaseModifiedError on a read, and the
// caller then drops it (Lease::Lost).
//
// Invariants (CHECKed or DCHECKed): a handle is either lent to exactly one
// Lease or idle in the pool, never both; every handle has one shard per
// path it opened and a snapshot; every Lease is destroyed before its pool.
#ifndef CHANCERY_SEARCHD_SEARCH_INDEX_HANDLE_H_
#define CHANCERY_SEARCHD_SEARCH_INDEX_HANDLE_H_

#include <xapian.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/base/check.h"
#include "common/status.h"
#include "searchd/search/index_snapshot.h"
#include "searchd/search/kept_revisions.h"

namespace chancery {

struct IndexHandle {
  Xapian::Database db;                   // All shards as one database.
  std::vector<Xapian::Database> shards;  // Share db's sub-databases.
  std::vector<std::string> paths;        // shards[i] was opened at paths[i]
  std::shared_ptr<const IndexSnapshot> snapshot;
  std::string token;  // RevisionToken(snapshot->revision)
  std::chrono::steady_clock::time_point last_check;
};

// How long and how many revisions the pool keeps readable
// (SearcherOptions::revision_keep_ms, revision_keep_count).
struct RevisionKeeping {
  std::chrono::milliseconds keep_for{60000};
  int count = 4;
  // Whether to write pin files (false: the index is read-only to us, or
  // a test wants to see what an unpinned reader gets).
  bool write_pins = true;
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
    // Holds the handle's revision for another keep_for (a long export).
    void Renew() { pool_->Hold(handle_->token); }
    // The handle's revision was overwritten (DatabaseModifiedError on a
    // pinned read): it is no longer kept, and the handle is closed.
    void Lost() {
      pool_->DropRevision(handle_->token);
      discard_ = true;
    }
    // Precondition: the lease was not moved from.
    IndexHandle& operator*() const {
      DCHECK(handle_ != nullptr) << "Lease used after a move";
      return *handle_;
    }
    IndexHandle* operator->() const { return &**this; }
    // Reopens now (after a DatabaseModifiedError) and refreshes the
    // snapshot. Throws Xapian::Error.
    void Reopen() { pool_->Refresh(handle_, /*force=*/true); }
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
      const std::vector<std::string>& paths, std::chrono::milliseconds reload,
      RevisionKeeping keeping = {});

  // A handle at the newest revision. Status when the index cannot be
  // opened or read.
  [[nodiscard]] StatusOr<Lease> Borrow();
  // A handle at the revision `token` names; "" = the newest. Expired
  // (param "revision") when that revision is no longer kept, Unavailable
  // when every handle at it stayed lent out for a while.
  [[nodiscard]] StatusOr<Lease> Borrow(const std::string& token);
  // A handle at the newest revision, held (as Hold) from before it was
  // opened: for a reader that must see one revision throughout (an
  // export). A revision pinned only once opened may be lost already, as a
  // writer that committed in between looked for pins before the pin
  // existed. Status as Borrow().
  [[nodiscard]] StatusOr<Lease> BorrowHeld();
  // Holds the revision `token` names (KeptRevisions: pinned, so the writer
  // leaves it intact) until keep_for from now: for a client that names it
  // again. Does nothing when it is no longer kept (Borrow then says so).
  // Thread-safe.
  void Hold(const std::string& token);

  // Precondition: every Lease has been destroyed.
  ~HandlePool();

 private:
  HandlePool(std::vector<std::string> dirs, std::chrono::milliseconds reload,
             RevisionKeeping keeping)
      : dirs_(std::move(dirs)),
        reload_(reload),
        keeping_(keeping),
        kept_(keeping.keep_for, keeping.count) {}
  // What on-disk revision `paths` are at ("uuid:rev,..."). Throws
  // Xapian::Error.
  static std::string DiskRevision(const std::vector<std::string>& paths);
  // The databases the index directories name now. Throws
  // Xapian::DatabaseOpeningError when a stub cannot be read.
  std::vector<std::string> CurrentPaths() const;
  // Opens the databases at `paths`. Throws Xapian::Error.
  std::unique_ptr<IndexHandle> OpenHandle(std::vector<std::string> paths);
  // Replaces `handle` by one at the newest revision when due (or `force`);
  // the old one is kept idle when its revision is kept. Throws
  // Xapian::Error.
  void Refresh(std::unique_ptr<IndexHandle>& handle, bool force);
  // Records that `handle` serves the newest revision; rewrites the pins
  // when they changed or are due for renewal.
  void KeepNewest(const IndexHandle& handle);
  void DropRevision(const std::string& token);
  // Closes idle handles whose revision is neither newest nor kept.
  // Precondition: mu_ held.
  void CloseUnkept(std::chrono::steady_clock::time_point now);
  void WritePins();  // Takes mu_ then pins_mu_.
  std::shared_ptr<const IndexSnapshot> SnapshotFor(const IndexHandle& handle);
  void Return(std::unique_ptr<IndexHandle> handle);
  void Forget();  // A lent handle is gone (failed to refresh or read).

  const std::vector<std::string> dirs_;  // as given to Create
  const std::chrono::milliseconds reload_;
  const RevisionKeeping keeping_;

  std::mutex mu_;  // Guards idle_, handles_, kept_ and last_pins_.
  std::condition_variable returned_;  // A handle went back to idle_.
  std::vector<std::unique_ptr<IndexHandle>> idle_;
  size_t handles_ = 0;  // Handles made so far: idle or lent.
  KeptRevisions kept_;
  std::chrono::steady_clock::time_point last_pins_;

  std::mutex pins_mu_;  // Serialises pin file writes; guards pin_dirs_.
  std::vector<std::string> pin_dirs_;  // Where our pin files are.

  // Serialises snapshot builds so a new revision is read once.
  std::mutex snapshot_mu_;
  std::shared_ptr<const IndexSnapshot> latest_;  // Guarded by snapshot_mu_.
};

// `revision` when given, else the token of the newest revision (borrowing
// a handle to find it). For requests that read several handles at once.
[[nodiscard]] StatusOr<std::string> ResolveRevision(
    HandlePool& pool, const std::string& revision);

// Expired (param "revision"): a writer overwrote the revision `token` names.
Status RevisionLost(const std::string& token);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_INDEX_HANDLE_H_
