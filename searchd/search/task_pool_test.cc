#include "searchd/search/task_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <future>
#include <thread>
#include <vector>

namespace chancery {
namespace {

// TryRun refuses until a worker is idle, also just after construction.
void RunSoon(TaskPool& pool, const std::function<void()>& task) {
  while (!pool.TryRun(task)) std::this_thread::yield();
}

// Callers on several threads at once (as concurrent requests are): every
// task the pool accepts runs exactly once, before the destructor returns.
TEST(TaskPoolTest, RunsEveryAcceptedTaskOnceFromManyCallers) {
  std::atomic<int> accepted{0};
  std::atomic<int> ran{0};
  {
    TaskPool pool(2);
    std::vector<std::thread> callers;
    for (int c = 0; c < 4; ++c) {
      callers.emplace_back([&] {
        for (int i = 0; i < 200; ++i) {
          if (pool.TryRun([&ran] { ++ran; })) ++accepted;
        }
      });
    }
    for (std::thread& t : callers) t.join();
    RunSoon(pool, [&ran] { ++ran; });
    ++accepted;
  }
  EXPECT_GT(accepted, 0);
  EXPECT_EQ(ran, accepted);
}

// A task's writes are visible to whoever waits for its result: the pool
// hands results over through the caller's own synchronisation.
TEST(TaskPoolTest, ResultReachesTheCallerThroughAFuture) {
  TaskPool pool(1);
  std::vector<int> counts(100, 0);
  std::promise<void> done;
  RunSoon(pool, [&] {
    for (int& c : counts) c = 7;
    done.set_value();
  });
  done.get_future().wait();
  for (int c : counts) EXPECT_EQ(c, 7);
}

TEST(TaskPoolTest, RefusesWhileEveryWorkerIsBusy) {
  std::atomic<bool> ran{false};
  {
    TaskPool pool(1);
    std::promise<void> started, release;
    std::shared_future<void> released = release.get_future().share();
    RunSoon(pool, [&started, released] {
      started.set_value();
      released.wait();
    });
    started.get_future().wait();
    EXPECT_FALSE(pool.TryRun([] {}));
    release.set_value();
    // The worker takes work again once its task is over.
    RunSoon(pool, [&ran] { ran = true; });
  }
  // The destructor waited for the accepted task.
  EXPECT_TRUE(ran);
}

}  // namespace
}  // namespace chancery
