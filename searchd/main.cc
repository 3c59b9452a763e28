// chancery-searchd: the search server. Flags -> ServerConfig -> Validate ->
// open the index -> serve until SIGTERM/SIGINT, which finish requests in flight
// and exit 0. Every start-up failure is one line on stderr and a non-zero
// exit status.
#include <malloc.h>
#include <pthread.h>
#include <sys/resource.h>

#include <csignal>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <thread>

#include "searchd/http/http_server.h"
#include "searchd/search/searcher.h"
#include "searchd/server_flags.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

// Each open connection is a file descriptor; the usual soft limit of 1024
// would cap the server below its max_connections. Raised to the hard limit.
void RaiseOpenFileLimit() {
  rlimit files{};
  if (getrlimit(RLIMIT_NOFILE, &files) == 0 &&
      files.rlim_cur < files.rlim_max) {
    files.rlim_cur = files.rlim_max;
    setrlimit(RLIMIT_NOFILE, &files);
  }
}

// glibc gives each of up to 8 x cores threads an arena of its own, and
// each keeps its high-water mark: with 32 workers answering queries in
// turn, searchd's RSS rose 84 -> 118 MB over a 10-minute soak on an index
// that did not change, and 48 -> 58 MB with two arenas (bench/soak.sh).
// Only when MALLOC_ARENA_MAX does not say otherwise.
void BoundMallocArenas() {
  if (std::getenv("MALLOC_ARENA_MAX") != nullptr) return;
  const unsigned cores = std::thread::hardware_concurrency();
  mallopt(M_ARENA_MAX, static_cast<int>(cores < 2 ? 2 : cores));
}

// Even with one arena per core, glibc keeps the pages of freed chunks in
// the middle of an arena (only the top is given back by itself), so the
// resident set rises to each arena's high-water mark and stays: 39 -> 62 MB
// over a 10-minute soak with the heap in use flat (bench/soak.sh, which
// prints both). Every kTrimPeriodSeconds the signal waiter hands those
// pages back (malloc_trim madvises them away; a few milliseconds for the
// whole heap, under each arena's lock in turn).
constexpr int kTrimPeriodSeconds = 10;

void ReturnFreedHeap() { malloc_trim(0); }

int Fail(const chancery::Status& status, int exit_code) {
  std::cerr << "chancery-searchd: " << status.message() << "\n";
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  auto flags = chancery::ParseServerFlags(argc, argv);
  if (!flags.ok()) return Fail(flags.status(), kExitUsage);
  if (flags->help) {
    std::cout << chancery::ServerUsage();
    return kExitOk;
  }
  const chancery::ServerConfig& config = flags->config;
  if (auto s = chancery::Validate(config); !s.ok()) return Fail(s, kExitUsage);

  // Signals are taken by a waiting thread, not a handler, so stopping the
  // server happens in ordinary code. Block them before any thread starts so
  // that every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
  RaiseOpenFileLimit();
  BoundMallocArenas();

  auto searcher = chancery::Searcher::Open(config.search);
  if (!searcher.ok()) return Fail(searcher.status(), kExitFailure);
  chancery::HttpServer server(**searcher, config);
  if (auto s = server.Bind(); !s.ok()) return Fail(s, kExitFailure);

  // Joined before `server` is destroyed: Serve() can return while Stop()
  // is still running on the waiter. When Serve() ends by itself, the
  // waiter is woken with a signal of its own (Stop() then does nothing).
  // Between signals it returns freed heap pages to the system.
  std::thread waiter([&server, signals] {
    const timespec trim_period{.tv_sec = kTrimPeriodSeconds, .tv_nsec = 0};
    while (sigtimedwait(&signals, nullptr, &trim_period) < 0) {
      ReturnFreedHeap();
    }
    server.Stop();
  });

  std::string shards;
  for (const std::string& path : config.search.db_paths) {
    shards += (shards.empty() ? "" : ",") + path;
  }
  std::cerr << "chancery-searchd: serving " << shards << " on http://"
            << config.listen_host << ":" << config.listen_port << "\n";
  const chancery::Status served = server.Serve();
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!served.ok()) return Fail(served, kExitFailure);
  std::cerr << "chancery-searchd: stopped\n";
  return kExitOk;
}
