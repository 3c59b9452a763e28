#include "tests/searchd/server_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace chancery {
namespace {

pid_t Spawn(const std::string& bin, const std::vector<std::string>& args,
            const std::string& err_path) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  int fd = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd >= 0) {
    dup2(fd, 2);
    dup2(fd, 1);
  }
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(bin.c_str()));
  std::vector<std::string> copy = args;
  for (std::string& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(bin.c_str(), argv.data());
  _exit(127);
}

std::string TempPath(const char* tag) {
  static int counter = 0;
  return (std::filesystem::temp_directory_path() /
          ("chancery-" + std::string(tag) + "-" + std::to_string(getpid()) +
           "-" + std::to_string(counter++) + ".log"))
      .string();
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Waits for `pid` up to timeout_ms; kills it after that.
int Wait(pid_t pid, int timeout_ms, int& signal_out) {
  auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  int status = 0;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (WIFSIGNALED(status)) {
    signal_out = WTERMSIG(status);
    return -1;
  }
  return WEXITSTATUS(status);
}

}  // namespace

std::string SearchdBinary() {
  return std::string(CHANCERY_BIN_DIR) + "/chancery-searchd";
}

int FreeLoopbackPort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    addr.sin_port = 0;  // none found; the server under test then fails loudly
  }
  close(fd);
  return ntohs(addr.sin_port);
}

ProcessResult RunSearchd(const std::vector<std::string>& args, int timeout_ms) {
  ProcessResult r;
  std::string err = TempPath("searchd-run");
  pid_t pid = Spawn(SearchdBinary(), args, err);
  r.exit_code = Wait(pid, timeout_ms, r.signal);
  r.stderr_text = ReadFile(err);
  std::filesystem::remove(err);
  return r;
}

ServerProcess::ServerProcess(const std::vector<std::string>& args,
                             const std::string& binary) {
  stderr_path_ = TempPath("searchd");
  for (int attempt = 0; attempt < 3 && !ok_; ++attempt) {
    port_ = FreeLoopbackPort();
    std::vector<std::string> all = {"--listen",
                                    "127.0.0.1:" + std::to_string(port_)};
    all.insert(all.end(), args.begin(), args.end());
    pid_ = Spawn(binary, all, stderr_path_);
    httplib::Client client("127.0.0.1", port_);
    for (int i = 0; i < 200 && !ok_; ++i) {
      auto res = client.Get("/api/health");
      if (res && res->status == 200)
        ok_ = true;
      else
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
      int status = 0;
      if (!ok_ && waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;  // Exited (port taken by someone else?): try another.
        break;
      }
    }
  }
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Stop();
  std::filesystem::remove(stderr_path_);
}

int ServerProcess::Stop() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  int sig = 0;
  int code = Wait(pid_, 10000, sig);
  pid_ = -1;
  return code;
}

std::string ServerProcess::StderrText() const { return ReadFile(stderr_path_); }

}  // namespace chancery
