#include "searchd/search/index_handle.h"

#include "common/index_layout.h"

namespace chancery {
namespace {

// Times Borrow reads a newer revision after DatabaseModifiedError, or the
// databases a switched stub names after one vanished, before
// answering 503 (a writer committing every few milliseconds).
constexpr int kModifiedRetries = 3;

// The shards' revisions, each with its database's UUID: an index replaced
// by another (rebuilt elsewhere and renamed into place) may have the same
// revision number, and must not get the other's snapshot.
std::string RevisionOf(const std::vector<Xapian::Database>& shards) {
  std::string rev;
  for (const Xapian::Database& shard : shards) {
    if (!rev.empty()) rev += ',';
    rev += shard.get_uuid() + ':' + std::to_string(shard.get_revision());
  }
  return rev;
}

}  // namespace

StatusOr<std::unique_ptr<HandlePool>> HandlePool::Create(
    const std::vector<std::string>& paths, std::chrono::milliseconds reload) {
  if (paths.empty()) return Status::InvalidArgument("no index given", "db");
  // An index directory with a stub stands for its databases (shards or
  // the compacted one, index_layout.h), each searched as a database.
  for (const std::string& path : paths) {
    CHANCERY_ASSIGN_OR_RETURN(std::vector<std::string> shards,
                              ShardPaths(path));
    for (const std::string& shard : shards) {
      try {
        Xapian::Database probe(shard);
      } catch (const Xapian::Error& e) {
        return Status::IoError("cannot open index " + shard + ": " +
                               e.get_msg());
      }
    }
  }
  auto pool = std::unique_ptr<HandlePool>(new HandlePool(paths, reload));
  // Open one handle now so that a broken index fails at start-up.
  StatusOr<Lease> first = pool->Borrow();
  if (!first.ok()) return first.status();
  return pool;
}

std::vector<std::string> HandlePool::CurrentPaths() const {
  std::vector<std::string> all;
  for (const std::string& dir : dirs_) {
    StatusOr<std::vector<std::string>> paths = ShardPaths(dir);
    if (!paths.ok())
      throw Xapian::DatabaseOpeningError(paths.status().message());
    all.insert(all.end(), paths->begin(), paths->end());
  }
  return all;
}

std::unique_ptr<IndexHandle> HandlePool::OpenHandle(
    std::vector<std::string> paths) {
  auto handle = std::make_unique<IndexHandle>();
  for (const std::string& path : paths) {
    handle->shards.emplace_back(path);
    handle->db.add_database(handle->shards.back());
  }
  handle->paths = std::move(paths);
  handle->snapshot = SnapshotFor(*handle);
  handle->last_check = std::chrono::steady_clock::now();
  DCHECK(handle->shards.size() == handle->paths.size() && handle->snapshot);
  return handle;
}

void HandlePool::Refresh(IndexHandle& handle, bool force) {
  DCHECK(handle.shards.size() == handle.paths.size() && handle.snapshot);
  auto now = std::chrono::steady_clock::now();
  if (!force && now - handle.last_check < reload_) return;
  handle.last_check = now;
  std::vector<std::string> paths = CurrentPaths();
  if (paths != handle.paths) {
    // The stub names other databases now: open them. Handles lent out on
    // the old ones keep reading them through their open files.
    handle = std::move(*OpenHandle(std::move(paths)));
    return;
  }
  // Reopening the combined database reopens the shards it shares.
  handle.db.reopen();
  if (RevisionOf(handle.shards) != handle.snapshot->revision) {
    handle.snapshot = SnapshotFor(handle);
  }
}

std::shared_ptr<const IndexSnapshot> HandlePool::SnapshotFor(
    const IndexHandle& handle) {
  std::string revision = RevisionOf(handle.shards);
  std::lock_guard<std::mutex> lock(snapshot_mu_);
  if (latest_ && latest_->revision == revision) return latest_;
  // Handles move to newer revisions only, so the latest build is the one
  // the others will ask for next.
  latest_ = BuildIndexSnapshot(handle.db, handle.shards, revision);
  DCHECK(latest_ && latest_->revision == revision);
  return latest_;
}

StatusOr<HandlePool::Lease> HandlePool::Borrow() {
  std::unique_ptr<IndexHandle> handle;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      handle = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  // An idle handle counts in handles_; one that fails is dropped with its
  // count, one replaced by a new opening keeps it.
  const bool counted = handle != nullptr;
  auto fail = [&](const Xapian::Error& e) {
    if (counted) Forget();
    return Status::IoError("cannot read the index: " + e.get_description());
  };
  for (int attempt = 0;; ++attempt) {
    try {
      if (handle == nullptr) {
        handle = OpenHandle(CurrentPaths());
      } else {
        Refresh(*handle, /*force=*/attempt > 0);
      }
      break;
    } catch (const Xapian::DatabaseModifiedError& e) {
      // A writer committing twice while the snapshot was being read
      // discards the revision it read: read the newest one again.
      if (attempt == kModifiedRetries) return fail(e);
    } catch (const Xapian::DatabaseOpeningError& e) {
      // A database the stub named vanished (a compaction switched the
      // stub and removed it meanwhile): open what the stub names now.
      if (attempt == kModifiedRetries) return fail(e);
      handle.reset();
    } catch (const Xapian::Error& e) {
      return fail(e);
    }
  }
  if (!counted) {
    std::lock_guard<std::mutex> lock(mu_);
    ++handles_;
  }
  return Lease(this, std::move(handle));
}

void HandlePool::Forget() {
  std::lock_guard<std::mutex> lock(mu_);
  DCHECK(handles_ > idle_.size());
  --handles_;
}

void HandlePool::Return(std::unique_ptr<IndexHandle> handle) {
  DCHECK(handle != nullptr);
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(handle));
  // More idle handles than were made would mean one was returned twice.
  DCHECK(idle_.size() <= handles_) << idle_.size() << " idle of " << handles_;
}

HandlePool::~HandlePool() {
  std::lock_guard<std::mutex> lock(mu_);
  CHECK(idle_.size() == handles_)
      << handles_ - idle_.size() << " handles still lent at destruction";
}

}  // namespace chancery
