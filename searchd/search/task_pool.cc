#include "searchd/search/task_pool.h"

namespace chancery {

TaskPool::TaskPool(int threads) {
  for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { WorkerLoop(); });
}

TaskPool::~TaskPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& t : workers_) t.join();
}

bool TaskPool::TryRun(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (idle_ <= static_cast<int>(pending_.size())) return false;
    pending_.push_back(std::move(task));
  }
  ready_.notify_one();
  return true;
}

void TaskPool::WorkerLoop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    ++idle_;
    ready_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
    --idle_;
    if (pending_.empty()) return;  // Stopping with nothing left to do.
    std::function<void()> task = std::move(pending_.back());
    pending_.pop_back();
    lock.unlock();
    task();
    lock.lock();
  }
}

}  // namespace chancery
