#include "indexer/sharded_writer.h"

#include <chrono>
#include <exception>
#include <filesystem>

#include "common/base/check.h"
#include "common/index_layout.h"
#include "indexer/index_compactor.h"

namespace chancery {
namespace {

// Documents waiting per shard: enough to ride out one commit of another
// shard, few enough that memory stays bounded.
constexpr size_t kQueueCapacity = 256;

// Whether `path` holds no index yet: it is missing, empty, or holds only
// the empty shard directories of a bulk run killed before it wrote its
// stub (the stub follows their creation at once), which are removed.
// IoError when such a directory is locked (that run is still going) or
// holds documents (a sharded index whose stub was lost: not ours to drop).
StatusOr<bool> IsNewIndexDir(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) return true;
  if (!fs::is_directory(path, ec)) return false;
  std::vector<fs::path> unfinished;
  for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_directory(ec) || !IsLayoutDirName(name) ||
        CompactDirNumber(name)) {
      return false;
    }
    unfinished.push_back(entry.path());
  }
  for (const fs::path& dir : unfinished) {
    try {
      if (fs::exists(dir / "iamglass", ec) &&
          Xapian::WritableDatabase(dir.string(), Xapian::DB_OPEN)
                  .get_doccount() > 0) {
        return Status::IoError(
            path + " holds shard directories with articles but no stub " +
            std::string(kStubFileName) + ": restore it, or remove them");
      }
    } catch (const Xapian::DatabaseLockError& e) {
      return Status::IoError("index " + path + " is locked: " + e.get_msg());
    } catch (const Xapian::Error&) {
      // Half-created by the killed run: nothing to keep.
    }
    fs::remove_all(dir, ec);
    if (ec) {
      return Status::IoError("cannot remove " + dir.string() + ": " +
                             ec.message());
    }
  }
  return true;
}

}  // namespace

StatusOr<std::unique_ptr<ShardedWriter>> ShardedWriter::Open(
    const std::string& path, int new_shards, bool compact_new, int batch_size) {
  CHECK(new_shards >= 1 && batch_size >= 1)
      << "ShardedWriter::Open(" << new_shards << ", " << batch_size << ")";
  std::vector<std::string> paths;
  bool bulk = false;
  bool new_layout = false;
  const bool sharded = IsShardedIndex(path);
  bool fresh = false;
  if (!sharded) {
    CHANCERY_ASSIGN_OR_RETURN(fresh, IsNewIndexDir(path));
  }
  if (sharded) {
    CHANCERY_ASSIGN_OR_RETURN(paths, ShardPaths(path));
  } else if (fresh && (new_shards > 1 || compact_new)) {
    bulk = true;
    new_layout = true;
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec) {
      return Status::IoError("cannot create index " + path + ": " +
                             ec.message());
    }
    for (int i = 0; i < new_shards; ++i) {
      paths.push_back((std::filesystem::path(path) / ShardDirName(i)).string());
    }
  } else {
    bulk = fresh;
    paths = {path};
  }
  auto writer =
      std::unique_ptr<ShardedWriter>(new ShardedWriter(path, bulk, paths));
  const int per_shard =
      std::max(1, batch_size / static_cast<int>(paths.size()));
  for (const std::string& shard_path : paths) {
    auto shard = std::make_unique<Shard>();
    CHANCERY_ASSIGN_OR_RETURN(shard->writer,
                              IndexWriter::Open(shard_path, per_shard));
    writer->shards_.push_back(std::move(shard));
  }
  // The stub last, so that a directory with a stub has its shards.
  if (new_layout) {
    CHANCERY_RETURN_IF_ERROR(WriteShardStub(path, new_shards, compact_new));
  } else if (sharded) {
    // What an interrupted compaction left; the writers now hold the locks
    // of the databases the stub names, so no other run is compacting.
    CHANCERY_RETURN_IF_ERROR(RemoveIndexLeftovers(path).status());
  }
  if (writer->shards_.size() > 1) {
    for (size_t i = 0; i < writer->shards_.size(); ++i) {
      ShardedWriter* self = writer.get();
      writer->shards_[i]->thread =
          std::thread([self, i] { self->ShardLoop(i); });
    }
  }
  return writer;
}

ShardedWriter::~ShardedWriter() { StopThreads(); }

size_t ShardedWriter::ShardOf(const std::string& id) const {
  return ShardOfId(id, static_cast<uint32_t>(shards_.size()));
}

void ShardedWriter::Fail(const Status& error) {
  std::lock_guard<std::mutex> lock(error_mu_);
  if (error_.ok()) error_ = error;
  failed_ = true;
}

void ShardedWriter::Write(size_t index, const Item& item) {
  const auto start = std::chrono::steady_clock::now();
  IndexWriter& writer = *shards_[index]->writer;
  if (!item.write) {
    // The owning shard reports a document that cannot be stored.
    Status recorded = writer.RecordLabels(item.built);
    if (!recorded.ok() && recorded.code() != StatusCode::kInvalidArgument) {
      Fail(recorded);
    }
  } else {
    StatusOr<WriteOutcome> outcome =
        writer.Upsert(item.built, index == 0 ? LabelRecording::kRecord
                                             : LabelRecording::kSkip);
    if (!outcome.ok() &&
        outcome.status().code() != StatusCode::kInvalidArgument) {
      Fail(outcome.status());
    }
    if (on_outcome_) on_outcome_(item.built.origin, outcome);
  }
  write_nanos_ += std::chrono::duration_cast<std::chrono::nanoseconds>(
                      std::chrono::steady_clock::now() - start)
                      .count();
}

void ShardedWriter::ShardLoop(size_t index) {
  Shard& shard = *shards_[index];
  for (;;) {
    Item item;
    {
      std::unique_lock<std::mutex> lock(shard.mu);
      shard.cv.wait(lock,
                    [&] { return !shard.items.empty() || shard.stopping; });
      if (shard.items.empty()) return;
      item = std::move(shard.items.front());
      shard.items.pop_front();
      shard.busy = true;
      shard.cv.notify_all();
    }
    if (!failed_) {
      try {
        Write(index, item);
      } catch (const std::exception& e) {
        Fail(Status::Internal(item.built.origin + ": shard " +
                              std::to_string(index) +
                              " writer thread failed: " + e.what()));
      } catch (...) {
        Fail(Status::Internal(item.built.origin + ": shard " +
                              std::to_string(index) +
                              " writer thread failed: unknown exception"));
      }
    }
    std::lock_guard<std::mutex> lock(shard.mu);
    shard.busy = false;
    shard.cv.notify_all();
  }
}

Status ShardedWriter::Submit(BuiltDocument&& built) {
  DCHECK(!closed_) << "Submit after Close";
  if (failed_) {
    std::lock_guard<std::mutex> lock(error_mu_);
    return error_;
  }
  if (shards_.size() == 1) {
    Write(0, Item{std::move(built), true});
    std::lock_guard<std::mutex> lock(error_mu_);
    return error_;
  }
  auto push = [this](size_t index, Item item) {
    Shard& shard = *shards_[index];
    std::unique_lock<std::mutex> lock(shard.mu);
    shard.cv.wait(
        lock, [&] { return shard.items.size() < kQueueCapacity || failed_; });
    shard.items.push_back(std::move(item));
    shard.cv.notify_all();
  };
  const size_t index = ShardOf(built.id);
  if (index != 0) {
    // The metadata shard's copy: what RecordLabels reads, not the document.
    BuiltDocument labels_only;
    labels_only.id = built.id;
    labels_only.origin = built.origin;
    labels_only.labels = built.labels;
    labels_only.native_forms = built.native_forms;
    push(0, Item{std::move(labels_only), false});
  }
  push(index, Item{std::move(built), true});
  return Status::Ok();
}

Status ShardedWriter::Flush() {
  for (auto& shard : shards_) {
    if (!shard->thread.joinable()) continue;
    std::unique_lock<std::mutex> lock(shard->mu);
    shard->cv.wait(lock, [&] { return shard->items.empty() && !shard->busy; });
  }
  std::lock_guard<std::mutex> lock(error_mu_);
  return error_;
}

void ShardedWriter::StopThreads() {
  for (auto& shard : shards_) {
    {
      std::lock_guard<std::mutex> lock(shard->mu);
      shard->stopping = true;
    }
    shard->cv.notify_all();
  }
  for (auto& shard : shards_) {
    if (shard->thread.joinable()) shard->thread.join();
  }
}

StatusOr<WriteOutcome> ShardedWriter::Upsert(const BuiltDocument& built) {
  DCHECK(!closed_) << "Upsert after Close";
  const size_t index = ShardOf(built.id);
  if (index != 0) {
    Status recorded = shards_[0]->writer->RecordLabels(built);
    if (!recorded.ok() && recorded.code() != StatusCode::kInvalidArgument) {
      return recorded;
    }
  }
  return shards_[index]->writer->Upsert(
      built, index == 0 ? LabelRecording::kRecord : LabelRecording::kSkip);
}

StatusOr<bool> ShardedWriter::Delete(const std::string& id) {
  DCHECK(!closed_) << "Delete after Close";
  return shards_[ShardOf(id)]->writer->Delete(id);
}

namespace {

template <typename T, typename Shards, typename Fn>
StatusOr<std::vector<T>> FromEveryShard(Shards& shards, Fn fn) {
  std::vector<T> all;
  for (auto& shard : shards) {
    CHANCERY_ASSIGN_OR_RETURN(std::vector<T> found, fn(*shard->writer));
    all.insert(all.end(), std::make_move_iterator(found.begin()),
               std::make_move_iterator(found.end()));
  }
  return all;
}

}  // namespace

StatusOr<std::vector<std::string>> ShardedWriter::MatchingData(
    const Xapian::Query& query) {
  return FromEveryShard<std::string>(
      shards_, [&](IndexWriter& w) { return w.MatchingData(query); });
}

StatusOr<std::vector<Xapian::Document>> ShardedWriter::MatchingDocuments(
    const Xapian::Query& query) {
  return FromEveryShard<Xapian::Document>(
      shards_, [&](IndexWriter& w) { return w.MatchingDocuments(query); });
}

Status ShardedWriter::Replace(const std::string& id,
                              const Xapian::Document& doc) {
  DCHECK(!closed_) << "Replace after Close";
  return shards_[ShardOf(id)]->writer->Replace(id, doc);
}

StatusOr<std::string> ShardedWriter::Metadata(std::string_view key) const {
  return shards_[0]->writer->Metadata(key);
}

Status ShardedWriter::SetMetadata(std::string_view key,
                                  const std::string& value) {
  return shards_[0]->writer->SetMetadata(key, value);
}

Status ShardedWriter::Commit() {
  Status first;
  for (auto& shard : shards_) {
    Status s = shard->writer->Commit();
    if (first.ok()) first = s;
  }
  return first;
}

Status ShardedWriter::Close() {
  if (closed_) return Status::Ok();
  Status flushed = Flush();
  StopThreads();
  Status committed = Commit();
  closed_count_ = DocumentCount();
  closed_committed_ = CommittedDocumentCount();
  shards_.clear();  // closes the databases, releasing their locks
  closed_ = true;
  return flushed.ok() ? committed : flushed;
}

Xapian::doccount ShardedWriter::DocumentCount() const {
  if (closed_) return closed_count_;
  Xapian::doccount total = 0;
  for (const auto& shard : shards_) total += shard->writer->DocumentCount();
  return total;
}

Xapian::doccount ShardedWriter::CommittedDocumentCount() const {
  if (closed_) return closed_committed_;
  Xapian::doccount total = 0;
  for (const auto& shard : shards_) {
    total += shard->writer->CommittedDocumentCount();
  }
  return total;
}

double ShardedWriter::WriteSeconds() const { return write_nanos_.load() / 1e9; }

}  // namespace chancery
