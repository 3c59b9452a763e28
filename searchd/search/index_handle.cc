#include "searchd/search/index_handle.h"

namespace chancery {
namespace {

std::string RevisionOf(const std::vector<Xapian::Database>& shards) {
  std::string rev;
  for (const Xapian::Database& shard : shards) {
    if (!rev.empty()) rev += ',';
    rev += std::to_string(shard.get_revision());
  }
  return rev;
}

}  // namespace

StatusOr<std::unique_ptr<HandlePool>> HandlePool::Create(
    std::vector<std::string> paths, std::chrono::milliseconds reload) {
  if (paths.empty()) return Status::InvalidArgument("no index given", "db");
  for (const std::string& path : paths) {
    try {
      Xapian::Database probe(path);
    } catch (const Xapian::Error& e) {
      return Status::IoError("cannot open index " + path + ": " +
                             e.get_msg());
    }
  }
  auto pool = std::unique_ptr<HandlePool>(new HandlePool(paths, reload));
  // Open one handle now so that a broken index fails at start-up.
  StatusOr<Lease> first = pool->Borrow();
  if (!first.ok()) return first.status();
  return pool;
}

std::unique_ptr<IndexHandle> HandlePool::OpenHandle() {
  auto handle = std::make_unique<IndexHandle>();
  for (const std::string& path : paths_) {
    handle->shards.emplace_back(path);
    handle->db.add_database(handle->shards.back());
  }
  handle->snapshot = SnapshotFor(*handle);
  handle->last_check = std::chrono::steady_clock::now();
  return handle;
}

void HandlePool::Refresh(IndexHandle& handle, bool force) {
  auto now = std::chrono::steady_clock::now();
  if (!force && now - handle.last_check < reload_) return;
  handle.last_check = now;
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
  try {
    if (handle) {
      Refresh(*handle, /*force=*/false);
    } else {
      handle = OpenHandle();
    }
  } catch (const Xapian::Error& e) {
    return Status::IoError("cannot read the index: " + e.get_description());
  }
  return Lease(this, std::move(handle));
}

void HandlePool::Return(std::unique_ptr<IndexHandle> handle) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(handle));
}

}  // namespace chancery
