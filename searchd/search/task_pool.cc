#include "searchd/search/task_pool.h"

#include "common/base/check.h"

namespace chancery {

TaskPool::TaskPool(int threads) : threads_(threads) {
  CHECK(threads >= 1) << "TaskPool needs a thread, got " << threads;
  for (int i = 0; i < threads; ++i)
    workers_.emplace_back([this] { WorkerLoop(); });
}

TaskPool::~TaskPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& t : workers_) t.join();
  // Workers leave only when nothing is pending, so no accepted task is lost.
  DCHECK(pending_.empty() && idle_ == 0);
}

bool TaskPool::TryRun(std::function<void()> task) {
  CHECK(task) << "TaskPool::TryRun given an empty task";
  {
    std::lock_guard<std::mutex> lock(mu_);
    DCHECK(!stopping_) << "TaskPool::TryRun during destruction";
    if (idle_ <= static_cast<int>(pending_.size())) return false;
    pending_.push_back(std::move(task));
    DCHECK(static_cast<int>(pending_.size()) <= idle_);
  }
  ready_.notify_one();
  return true;
}

void TaskPool::WorkerLoop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    ++idle_;
    DCHECK(idle_ <= threads_);
    ready_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
    --idle_;
    if (pending_.empty()) return;  // Stopping with nothing left to do.
    std::function<void()> task = std::move(pending_.back());
    pending_.pop_back();
    DCHECK(static_cast<int>(pending_.size()) <= idle_);
    lock.unlock();
    task();
    lock.lock();
  }
}

}  // namespace chancery
