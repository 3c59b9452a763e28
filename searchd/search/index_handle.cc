#include "searchd/search/index_handle.h"

#include <unistd.h>

#include <algorithm>

#include "common/index_layout.h"
#include "common/xapian_text.h"

namespace chancery {
namespace {

// Times Borrow reads a newer revision after DatabaseModifiedError, or the
// databases a switched stub names after one vanished, before
// answering 503 (a writer committing every few milliseconds).
constexpr int kModifiedRetries = 3;

// Idle handles kept per revision that is not the newest: enough for a
// search and its facet count at once.
constexpr size_t kHandlesPerOldRevision = 2;
// How long Borrow(token) waits for a handle at a revision whose handles
// are all lent out (a long export), before answering Unavailable.
constexpr std::chrono::seconds kBusyRevisionWait(10);
// Pin files are rewritten at most this often to renew their expiry, and
// say a revision expires this much later than the pool thinks.
constexpr std::chrono::milliseconds kPinRenewal(1000);

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
    const std::vector<std::string>& paths, std::chrono::milliseconds reload,
    RevisionKeeping keeping) {
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
  auto pool =
      std::unique_ptr<HandlePool>(new HandlePool(paths, reload, keeping));
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

std::string HandlePool::DiskRevision(const std::vector<std::string>& paths) {
  std::vector<Xapian::Database> probes;
  for (const std::string& path : paths) probes.emplace_back(path);
  return RevisionOf(probes);
}

std::unique_ptr<IndexHandle> HandlePool::OpenHandle(
    std::vector<std::string> paths) {
  auto handle = std::make_unique<IndexHandle>();
  for (const std::string& path : paths) {
    handle->shards.emplace_back(path);
    const std::string problem = TextFormatProblem(handle->shards.back(), path);
    if (!problem.empty()) throw Xapian::InvalidOperationError(problem);
    handle->db.add_database(handle->shards.back());
  }
  handle->paths = std::move(paths);
  handle->snapshot = SnapshotFor(*handle);
  handle->token = RevisionToken(handle->snapshot->revision);
  handle->last_check = std::chrono::steady_clock::now();
  DCHECK(handle->shards.size() == handle->paths.size() && handle->snapshot);
  return handle;
}

void HandlePool::Refresh(std::unique_ptr<IndexHandle>& handle, bool force) {
  DCHECK(handle->shards.size() == handle->paths.size() && handle->snapshot);
  auto now = std::chrono::steady_clock::now();
  if (!force && now - handle->last_check < reload_) return;
  handle->last_check = now;
  std::vector<std::string> paths = CurrentPaths();
  // A handle never moves to another revision in place (Database::reopen):
  // requests naming its revision may still want it.
  if (paths == handle->paths &&
      DiskRevision(paths) == handle->snapshot->revision) {
    return;
  }
  std::unique_ptr<IndexHandle> fresh = OpenHandle(std::move(paths));
  if (fresh->token == handle->token) {
    handle = std::move(fresh);
    return;
  }
  std::unique_ptr<IndexHandle> old = std::move(handle);
  handle = std::move(fresh);
  std::lock_guard<std::mutex> lock(mu_);
  ++handles_;  // `fresh`; `old` is either idle below or forgotten.
  const size_t at_old =
      std::count_if(idle_.begin(), idle_.end(),
                    [&](const auto& h) { return h->token == old->token; });
  if (kept_.Has(old->token, now) && at_old < kHandlesPerOldRevision) {
    idle_.push_back(std::move(old));
    returned_.notify_all();
  } else {
    --handles_;
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

StatusOr<HandlePool::Lease> HandlePool::Borrow() { return Borrow(""); }

StatusOr<HandlePool::Lease> HandlePool::Borrow(const std::string& token) {
  const bool pinned = !token.empty();
  std::unique_ptr<IndexHandle> handle;
  std::string newest;
  {
    std::unique_lock<std::mutex> lock(mu_);
    newest = kept_.newest_token();
    const auto now = std::chrono::steady_clock::now();
    if (kept_.Expire(now)) CloseUnkept(now);
    // The newest revision is readable whatever the keeping (even none).
    if (pinned && !kept_.Has(token, now) && token != kept_.newest_token()) {
      return Status::Expired("revision " + token +
                                 " is no longer kept; search again without "
                                 "revision for the newest",
                             "revision");
    }
    // Pinned: a handle at that revision, as it is. Newest: preferably one
    // at the newest revision, else any (it will be refreshed).
    const std::string& want = pinned ? token : kept_.newest_token();
    auto it = std::find_if(idle_.rbegin(), idle_.rend(),
                           [&](const auto& h) { return h->token == want; });
    if (!pinned && it == idle_.rend() && !idle_.empty()) it = idle_.rbegin();
    if (it != idle_.rend()) {
      handle = std::move(*it);
      idle_.erase(std::next(it).base());
    }
  }
  // An idle handle counts in handles_; one that fails is dropped with its
  // count, one replaced by a new opening keeps it.
  bool counted = handle != nullptr;
  auto fail = [&](const Xapian::Error& e) {
    if (counted) Forget();
    return Status::IoError("cannot read the index: " + e.get_description());
  };
  if (pinned && handle == nullptr) {
    // None idle at that revision: a new one is at it if it is still the
    // newest on disk; else wait for one lent out to come back.
    // A writer committing twice while the snapshot is read discards the
    // revision being opened: open the newest again (it is not the one
    // wanted then, and the wait below finds that one lent out).
    for (int attempt = 0; handle == nullptr; ++attempt) {
      try {
        handle = OpenHandle(CurrentPaths());
      } catch (const Xapian::DatabaseModifiedError& e) {
        if (attempt == kModifiedRetries) return fail(e);
      } catch (const Xapian::Error& e) {
        return fail(e);
      }
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++handles_;
    }
    counted = true;
    if (handle->token != token) {
      Return(std::move(handle));
      std::unique_lock<std::mutex> lock(mu_);
      auto found = idle_.end();
      returned_.wait_for(lock, kBusyRevisionWait, [&] {
        found = std::find_if(idle_.begin(), idle_.end(),
                             [&](const auto& h) { return h->token == token; });
        return found != idle_.end() ||
               (!kept_.Has(token, std::chrono::steady_clock::now()) &&
                token != kept_.newest_token());
      });
      if (found == idle_.end()) {
        return Status::Unavailable("revision " + token +
                                   " is busy; try again shortly");
      }
      handle = std::move(*found);
      idle_.erase(found);
    }
    return Lease(this, std::move(handle));
  }
  if (pinned) return Lease(this, std::move(handle));
  for (int attempt = 0;; ++attempt) {
    try {
      if (handle == nullptr) {
        handle = OpenHandle(CurrentPaths());
      } else {
        // One at an older revision than the newest seen must not pass
        // for the newest.
        Refresh(handle, /*force=*/attempt > 0 || handle->token != newest);
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
      if (counted) Forget();
      counted = false;
      handle.reset();
    } catch (const Xapian::Error& e) {
      return fail(e);
    }
  }
  if (!counted) {
    std::lock_guard<std::mutex> lock(mu_);
    ++handles_;
  }
  KeepNewest(*handle);
  return Lease(this, std::move(handle));
}

StatusOr<HandlePool::Lease> HandlePool::BorrowHeld() {
  if (keeping_.write_pins && keeping_.keep_for.count() != 0) {
    // The revision on disk is pinned first and confirmed still the newest
    // once pinned: the writer then finds the pin after its next commit and
    // changes nothing while it lives, so both that revision and the one
    // it commits stay intact, and the handle opened below is at one of
    // them. Past the retries (a writer committing faster than a pin file
    // is written) it goes on unconfirmed; a lost revision answers 410.
    for (int attempt = 0; attempt <= kModifiedRetries; ++attempt) {
      std::vector<std::string> paths;
      std::string disk;
      try {
        paths = CurrentPaths();
        disk = DiskRevision(paths);
      } catch (const Xapian::Error&) {
        break;  // Borrow below says what is wrong.
      }
      {
        std::lock_guard<std::mutex> lock(mu_);
        const auto now = std::chrono::steady_clock::now();
        if (kept_.Keep(disk, paths, /*newest=*/false, now)) CloseUnkept(now);
      }
      Hold(RevisionToken(disk));
      try {
        if (DiskRevision(paths) == disk) break;
      } catch (const Xapian::Error&) {
        break;
      }
    }
  }
  CHANCERY_ASSIGN_OR_RETURN(Lease lease, Borrow());
  lease.Renew();
  return lease;
}

void HandlePool::KeepNewest(const IndexHandle& handle) {
  bool write = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    const auto now = std::chrono::steady_clock::now();
    const bool changed =
        kept_.Keep(handle.snapshot->revision, handle.paths, true, now);
    if (changed) CloseUnkept(now);
    write = changed || now - last_pins_ >= kPinRenewal;
    if (write) last_pins_ = now;
  }
  if (write) WritePins();
}

void HandlePool::Hold(const std::string& token) {
  bool write = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    const auto now = std::chrono::steady_clock::now();
    // Newly held: pinned at once, before the writer's next commit can
    // destroy it; already held: the pins are renewed at most every second.
    const bool newly_held = !kept_.Held(token);
    write = kept_.Renew(token, now) &&
            (newly_held || now - last_pins_ >= kPinRenewal);
    if (write) last_pins_ = now;
  }
  if (write) WritePins();
}

void HandlePool::DropRevision(const std::string& token) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    kept_.Drop(token);
    CloseUnkept(std::chrono::steady_clock::now());
  }
  WritePins();
}

void HandlePool::CloseUnkept(std::chrono::steady_clock::time_point now) {
  const size_t before = idle_.size();
  std::erase_if(idle_, [&](const auto& h) {
    return h->token != kept_.newest_token() && !kept_.Has(h->token, now);
  });
  handles_ -= before - idle_.size();
  returned_.notify_all();
}

void HandlePool::WritePins() {
  // Keeping nothing (revision_keep_ms 0) asks nothing of the writer.
  if (!keeping_.write_pins || keeping_.keep_for.count() == 0) return;
  std::vector<RevisionPin> pins;
  std::vector<std::string> dirs;
  {
    std::lock_guard<std::mutex> lock(mu_);
    pins = kept_.Pins(std::chrono::steady_clock::now(), kPinRenewal);
    dirs = kept_.PinDirs();
  }
  std::lock_guard<std::mutex> lock(pins_mu_);
  const std::string owner = std::to_string(::getpid());
  for (const std::string& dir : pin_dirs_) {
    if (std::find(dirs.begin(), dirs.end(), dir) == dirs.end()) {
      (void)WriteRevisionPins(dir, owner, {});
    }
  }
  // A read-only index cannot be pinned; its revisions then last until the
  // writer's second commit, and a lost one answers 410 (Lease::Lost).
  for (const std::string& dir : dirs) (void)WriteRevisionPins(dir, owner, pins);
  pin_dirs_ = std::move(dirs);
}

void HandlePool::Forget() {
  std::lock_guard<std::mutex> lock(mu_);
  DCHECK(handles_ > idle_.size());
  --handles_;
}

void HandlePool::Return(std::unique_ptr<IndexHandle> handle) {
  DCHECK(handle != nullptr);
  std::lock_guard<std::mutex> lock(mu_);
  const auto now = std::chrono::steady_clock::now();
  if (handle->token != kept_.newest_token() && !kept_.Has(handle->token, now)) {
    --handles_;  // A revision nobody may ask for any more.
    return;
  }
  idle_.push_back(std::move(handle));
  returned_.notify_all();
  // More idle handles than were made would mean one was returned twice.
  DCHECK(idle_.size() <= handles_) << idle_.size() << " idle of " << handles_;
}

HandlePool::~HandlePool() {
  std::lock_guard<std::mutex> lock(mu_);
  CHECK(idle_.size() == handles_)
      << handles_ - idle_.size() << " handles still lent at destruction";
  if (keeping_.write_pins) {
    std::lock_guard<std::mutex> pins_lock(pins_mu_);
    for (const std::string& dir : pin_dirs_) {
      (void)WriteRevisionPins(dir, std::to_string(::getpid()), {});
    }
  }
}

StatusOr<std::string> ResolveRevision(HandlePool& pool,
                                      const std::string& revision) {
  if (!revision.empty()) return revision;
  CHANCERY_ASSIGN_OR_RETURN(HandlePool::Lease lease, pool.Borrow());
  return lease->token;
}

Status RevisionLost(const std::string& token) {
  return Status::Expired("revision " + token +
                             " was overwritten by the indexer; search again "
                             "without revision for the newest",
                         "revision");
}

}  // namespace chancery
