#include "indexer/indexing_pipeline.h"

#include <exception>

#include "common/base/check.h"
#include "common/schema.h"
#include "common/stored_article.h"
#include "indexer/furniture_recleaner.h"
#include "indexer/story_settler.h"

namespace chancery {
namespace {

// Bounds on articles in flight, so memory does not grow with the input.
constexpr size_t kInputCapacity = 512;
constexpr uint64_t kReorderWindow = 1024;
// And on the text waiting for a worker: reading is far faster than
// analysis, so without it 512 articles of megabytes each would queue up
// (20 of 8 MB took 680 MB). One article is always let in.
constexpr size_t kInputTextCapacity = 32 << 20;

size_t TextBytes(const Article& a) { return a.title.size() + a.body.size(); }

using Clock = std::chrono::steady_clock;

int64_t NanosSince(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() -
                                                              start)
      .count();
}

}  // namespace

IndexingPipeline::IndexingPipeline(ShardedWriter& writer,
                                   BoilerplateFilter& boilerplate,
                                   ExtractEntitiesFn extract, int threads,
                                   ProgressReporter& progress,
                                   double story_similarity)
    : writer_(writer),
      boilerplate_(boilerplate),
      extract_(std::move(extract)),
      progress_(progress),
      stories_(story_similarity),
      threads_(threads),
      last_return_(Clock::now()) {
  CHECK(threads >= 1) << "IndexingPipeline needs an analysis thread, got "
                      << threads;
  writer_.SetOutcomeHandler(
      [this](const std::string& origin, const StatusOr<WriteOutcome>& outcome) {
        OnWritten(origin, outcome);
      });
  for (int i = 0; i < threads; ++i)
    workers_.emplace_back([this] { WorkerLoop(); });
  writer_thread_ = std::thread([this] { WriterLoop(); });
}

IndexingPipeline::~IndexingPipeline() {
  if (!finished_) (void)Finish();
}

void IndexingPipeline::OnArticle(Article&& article) {
  DCHECK(!finished_) << "OnArticle after Finish";
  // After a failure nothing more is written; skip the cleaning too.
  if (aborted_.load(std::memory_order_relaxed)) return;
  boilerplate_.Clean(article);
  // The reader's work: since it last returned, up to the wait for space.
  read_nanos_ += NanosSince(last_return_);
  std::unique_lock<std::mutex> lock(mu_);
  const size_t bytes = TextBytes(article);
  input_cv_.wait(lock, [&] {
    return (input_.size() < kInputCapacity &&
            (input_.empty() || input_bytes_ + bytes <= kInputTextCapacity)) ||
           closing_ || aborted_;
  });
  last_return_ = Clock::now();
  if (closing_ || aborted_) return;
  input_bytes_ += bytes;
  input_.push_back(Job{next_seq_++, std::move(article)});
  DCHECK(input_.size() <= kInputCapacity);
  ++stats_.read;
  input_cv_.notify_all();
}

void IndexingPipeline::OnReject(const std::string& origin,
                                const std::string& reason) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++stats_.rejected;
  }
  progress_.Message(origin + ": " + reason);
}

void IndexingPipeline::OnWarning(const std::string& origin,
                                 const std::string& reason) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++stats_.warnings;
  }
  progress_.Message(origin + ": warning: " + reason);
}

void IndexingPipeline::OnProgress(uint64_t bytes_read) {
  bytes_in_file_ = bytes_read;
  bytes_read_total_ = bytes_before_file_ + bytes_in_file_;
}

void IndexingPipeline::Abort(const std::string& thread,
                             const std::string& origin,
                             const std::string& what) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (thread_error_.ok()) {
      thread_error_ = Status::Internal((origin.empty() ? "" : origin + ": ") +
                                       thread + " thread failed: " + what);
    }
    aborted_ = true;
  }
  input_cv_.notify_all();
  output_cv_.notify_all();
}

void IndexingPipeline::WorkerLoop() {
  std::string origin;  // of the article in hand, for a failure's message
  try {
    DocumentBuilder builder;
    for (;;) {
      Job job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        input_cv_.wait(lock,
                       [&] { return !input_.empty() || closing_ || aborted_; });
        if (input_.empty() || aborted_) return;
        job = std::move(input_.front());
        input_.pop_front();
        input_bytes_ -= TextBytes(job.article);
        input_cv_.notify_all();
        // Keep the reorder buffer bounded; the job the writer waits for is
        // always inside the window, so this cannot deadlock.
        DCHECK(job.seq >= next_write_) << "job " << job.seq << " written";
        output_cv_.wait(lock, [&] {
          return job.seq < next_write_ + kReorderWindow || !write_error_.ok() ||
                 aborted_;
        });
        if (aborted_) return;
      }
      origin = job.article.origin;
      const Clock::time_point started = Clock::now();
      ResolveLanguage(job.article);
      // Entities are found in the searchable text, as a reader sees it.
      ArticleEntities entities;
      if (job.article.furniture.empty()) {
        entities = extract_(job.article);
      } else {
        Article searchable = job.article;
        searchable.body = SearchableBody(job.article);
        searchable.furniture.clear();
        entities = extract_(searchable);
      }
      BuiltDocument built = builder.Build(job.article, entities);
      analyse_nanos_ += NanosSince(started);
      std::lock_guard<std::mutex> lock(mu_);
      const bool inserted = output_.emplace(job.seq, std::move(built)).second;
      DCHECK(inserted) << "article " << job.seq << " built twice";
      output_cv_.notify_all();
      origin.clear();
    }
  } catch (const std::exception& e) {
    Abort("analysis", origin, e.what());
  } catch (...) {
    Abort("analysis", origin, "unknown exception");
  }
}

void IndexingPipeline::WriterLoop() {
  std::string origin;  // of the document in hand, for a failure's message
  try {
    // Takes every document that is ready, in order, per lock acquisition:
    // the writer thread bounds throughput, so it should not pay a lock and
    // a wake-up per article.
    std::vector<BuiltDocument> batch;
    for (;;) {
      batch.clear();  // frees the previous batch outside the lock
      {
        std::unique_lock<std::mutex> lock(mu_);
        output_cv_.wait(lock, [&] {
          return (!output_.empty() && output_.begin()->first == next_write_) ||
                 (closing_ && next_write_ == next_seq_) || aborted_;
        });
        if (aborted_) return;
        while (!output_.empty() &&
               output_.begin()->first == next_write_ + batch.size()) {
          batch.push_back(std::move(output_.begin()->second));
          output_.erase(output_.begin());
        }
        if (batch.empty()) return;
        DCHECK(next_write_ + batch.size() <= next_seq_);
      }
      Status error = failed_;  // after a write error, drain without writing
      for (BuiltDocument& built : batch) {
        if (!error.ok()) break;
        origin = built.origin;
        SetStory(stories_.Add(built.id, built.date, built.sketch),
                 built.document);
        // The outcome comes back through OnWritten.
        error = writer_.Submit(std::move(built));
      }
      origin.clear();
      std::lock_guard<std::mutex> lock(mu_);
      next_write_ += batch.size();
      if (!error.ok() && write_error_.ok()) write_error_ = error;
      failed_ = write_error_;
      output_cv_.notify_all();
      // The bar counts articles written, so it moves as the index grows.
      progress_.SetPhases(phase_times());
      progress_.Update(stats_.added + stats_.replaced + stats_.unchanged,
                       bytes_read_total_);
    }
  } catch (const std::exception& e) {
    Abort("index writer", origin, e.what());
  } catch (...) {
    Abort("index writer", origin, "unknown exception");
  }
}

void IndexingPipeline::OnWritten(const std::string& origin,
                                 const StatusOr<WriteOutcome>& outcome) {
  if (outcome.status().code() == StatusCode::kInvalidArgument) {
    // This article only; the rest of the input goes on.
    OnReject(origin, outcome.status().message());
    return;
  }
  std::lock_guard<std::mutex> lock(mu_);
  if (!outcome.ok()) {
    if (write_error_.ok()) write_error_ = outcome.status();
  } else if (*outcome == WriteOutcome::kAdded) {
    ++stats_.added;
  } else if (*outcome == WriteOutcome::kReplaced) {
    ++stats_.replaced;
  } else {
    ++stats_.unchanged;
  }
}

Status IndexingPipeline::Finish() {
  CHECK(!finished_) << "IndexingPipeline::Finish called twice";
  finished_ = true;
  {
    std::lock_guard<std::mutex> lock(mu_);
    closing_ = true;
  }
  input_cv_.notify_all();
  output_cv_.notify_all();
  for (std::thread& t : workers_) t.join();
  writer_thread_.join();
  workers_.clear();
  // The shards' writer threads may still hold documents.
  Status flushed = writer_.Flush();
  CHANCERY_RETURN_IF_ERROR(thread_error_);
  // With every thread ended and none failed, each article read was built
  // and went through the writer.
  CHECK(input_.empty() && output_.empty() && next_write_ == next_seq_)
      << input_.size() << " articles unbuilt, " << output_.size()
      << " unwritten, " << next_seq_ - next_write_ << " missing";
  CHANCERY_RETURN_IF_ERROR(write_error_);
  CHANCERY_RETURN_IF_ERROR(flushed);
  CHANCERY_ASSIGN_OR_RETURN(uint64_t recleaned,
                            RecleanFurniture(boilerplate_, writer_));
  CHANCERY_ASSIGN_OR_RETURN(uint64_t restoried,
                            SettleStories(stories_, writer_, writer_.bulk()));
  {
    std::lock_guard<std::mutex> lock(mu_);
    stats_.recleaned = recleaned;
    stats_.restoried = restoried;
  }
  CHANCERY_RETURN_IF_ERROR(
      writer_.SetMetadata(schema::kBoilerplateKey, boilerplate_.Serialize()));
  return writer_.Commit();
}

PhaseTimes IndexingPipeline::phase_times() const {
  PhaseTimes t;
  t.read = read_nanos_ / 1e9;
  t.analyse = analyse_nanos_ / 1e9;
  t.analyse_threads = threads_;
  t.write = writer_.WriteSeconds();
  t.write_threads = writer_.shard_count();
  return t;
}

IndexingStats IndexingPipeline::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

}  // namespace chancery
