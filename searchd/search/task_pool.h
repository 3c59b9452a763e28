// TaskPool: a few threads that take work off a request's thread, used to
// count facets while the ranked search runs on the caller's thread.
//
// TryRun hands a task to an idle worker or refuses at once, so a busy
// server degrades to counting inline instead of queueing behind other
// requests' work. Thread-safe. The destructor finishes running tasks and
// joins the workers.
#ifndef CHANCERY_SEARCHD_SEARCH_TASK_POOL_H_
#define CHANCERY_SEARCHD_SEARCH_TASK_POOL_H_

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace chancery {

class TaskPool {
 public:
  explicit TaskPool(int threads);
  ~TaskPool();
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;

  // Starts `task` on an idle worker and returns true, or returns false
  // (without running it) when every worker is busy.
  bool TryRun(std::function<void()> task);

 private:
  void WorkerLoop();

  std::mutex mu_;
  std::condition_variable ready_;
  std::vector<std::function<void()>> pending_;  // Guarded by mu_.
  int idle_ = 0;                                // Guarded by mu_.
  bool stopping_ = false;                       // Guarded by mu_.
  std::vector<std::thread> workers_;
};

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_TASK_POOL_H_
