// Test helper: runs a program to completion and captures what it printed.
// For tests that drive the real chancery-index / chancery-searchd binaries.
#ifndef CHANCERY_TESTS_TESTING_COMMAND_RUNNER_H_
#define CHANCERY_TESTS_TESTING_COMMAND_RUNNER_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace chancery::testing {

struct CommandResult {
  int exit_status = -1;  // exit code, or 128+signal when killed
  std::string out;       // standard output
  std::string err;       // standard error
  // The child's peak resident set (wait4's ru_maxrss). Linux counts in it
  // the spawning process's own peak (recorded when the child execs), so it
  // is exact only when the caller is small, as a test process is.
  long peak_rss_kb = 0;
  bool timed_out = false;  // killed by Wait's timeout
};

// A program started in the background (no shell), with `stdin_text` on its
// standard input and its output captured in files of a temp dir. Not
// thread-safe; one test thread owns it.
class BackgroundCommand {
 public:
  explicit BackgroundCommand(const std::vector<std::string>& argv,
                             const std::string& stdin_text = "");
  ~BackgroundCommand();  // SIGKILLs and reaps it if still running.
  BackgroundCommand(const BackgroundCommand&) = delete;
  BackgroundCommand& operator=(const BackgroundCommand&) = delete;

  bool started() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }
  // True while it has not exited (reaps it when it has; Wait still works).
  bool Running();
  void Signal(int sig);
  // Waits for it (SIGKILL after `timeout_ms` when >= 0) and returns what it
  // printed. Once only.
  CommandResult Wait(int timeout_ms = -1);

 private:
  // Collects its exit status once it has exited; true when it has.
  bool Reap(bool block);

  std::string dir_;
  pid_t pid_ = -1;
  bool reaped_ = false;
  CommandResult result_;
};

// Runs argv[0] with the given arguments (no shell), with `stdin_text` on its
// standard input, waits for it, and returns its output. Thread-compatible.
CommandResult RunCommand(const std::vector<std::string>& argv,
                         const std::string& stdin_text = "");

// A fresh empty directory under the test temp dir, unique per call.
std::string MakeTempDir(const std::string& stem);

// Path of one of our binaries in build/bin ("chancery-index").
std::string BinaryPath(const std::string& name);

// Path under the source tree ("data/sample/articles.jsonl").
std::string SourcePath(const std::string& relative);

}  // namespace chancery::testing

#endif  // CHANCERY_TESTS_TESTING_COMMAND_RUNNER_H_
