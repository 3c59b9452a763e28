// TaskPool: a few threads that take work off a request's thread, used to
// count facets while the ranked search runs on the caller's thread.
//
// TryRun hands a task to an idle worker or refuses at once, so a busy
// server degrades to counting inline instead of queueing behind other
// requests' work. Thread-safe. The destructor finishes running tasks and
// joins the workers.
//
// Invariants (CHECKed or DCHECKed): a task is pending only while a worker
// is idle to take it (pending <= idle <= threads), so none ever waits
// behind another; nothing is pending once the pool is destroyed.
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
  // Precondition: threads >= 1.
  explicit TaskPool(int threads);
  ~TaskPool();
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;

  // Starts `task` on an idle worker and returns true, or returns false
  // (without running it) when every worker is busy. Precondition: `task`
  // is not empty and does not throw (like any thread's top, an exception
  // ends the process); not called during destruction.
  bool TryRun(std::function<void()> task);

 private:
  void WorkerLoop();

  const int threads_;
  std::mutex mu_;
  std::condition_variable ready_;
  std::vector<std::function<void()>> pending_;  // Guarded by mu_.
  int idle_ = 0;                                // Guarded by mu_.
  bool stopping_ = false;                       // Guarded by mu_.
  std::vector<std::thread> workers_;
};

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SEARCH_TASK_POOL_H_
