// ServerProcess: runs the real chancery-searchd binary on a free loopback
// port for HTTP tests, and stops it with SIGTERM. Not thread-safe.
#ifndef CHANCERY_TESTS_SEARCHD_SERVER_PROCESS_H_
#define CHANCERY_TESTS_SEARCHD_SERVER_PROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace chancery {

// A loopback port nobody listens on right now.
int FreeLoopbackPort();

struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;
  std::string stderr_text;
};

// CHANCERY_BIN_DIR/chancery-searchd, the binary of this build tree.
std::string SearchdBinary();

// Runs CHANCERY_BIN_DIR/chancery-searchd with `args` to completion (for
// start-up errors), killing it after `timeout_ms`.
ProcessResult RunSearchd(const std::vector<std::string>& args,
                         int timeout_ms = 10000);

class ServerProcess {
 public:
  // Starts `binary` with --listen 127.0.0.1:<free port> plus `args`, and
  // waits until /api/health answers. ok() tells whether it did.
  explicit ServerProcess(const std::vector<std::string>& args,
                         const std::string& binary = SearchdBinary());
  ~ServerProcess();  // Stop() if still running.

  bool ok() const { return ok_; }
  int port() const { return port_; }
  // SIGTERM, then waits; the exit status (-1 when killed by a signal).
  int Stop();
  std::string StderrText() const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  bool ok_ = false;
  std::string stderr_path_;
};

}  // namespace chancery

#endif  // CHANCERY_TESTS_SEARCHD_SERVER_PROCESS_H_
