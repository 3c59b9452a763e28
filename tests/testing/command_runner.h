// Test helper: runs a program to completion and captures what it printed.
// For tests that drive the real chancery-index / chancery-searchd binaries.
#ifndef CHANCERY_TESTS_TESTING_COMMAND_RUNNER_H_
#define CHANCERY_TESTS_TESTING_COMMAND_RUNNER_H_

#include <string>
#include <vector>

namespace chancery::testing {

struct CommandResult {
  int exit_status = -1;  // exit code, or 128+signal when killed
  std::string out;       // standard output
  std::string err;       // standard error
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
