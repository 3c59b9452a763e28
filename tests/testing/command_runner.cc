#include "tests/testing/command_runner.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace chancery::testing {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::string MakeTempDir(const std::string& stem) {
  static std::atomic<int> counter{0};
  const char* base = std::getenv("TEST_TMPDIR");
  std::filesystem::path dir =
      base ? base : std::filesystem::temp_directory_path();
  dir /= "chancery-" + stem + "-" + std::to_string(getpid()) + "-" +
         std::to_string(counter++);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::string BinaryPath(const std::string& name) {
  return std::string(CHANCERY_BIN_DIR) + "/" + name;
}

std::string SourcePath(const std::string& relative) {
  return std::string(CHANCERY_SOURCE_DIR) + "/" + relative;
}

BackgroundCommand::BackgroundCommand(const std::vector<std::string>& argv,
                                     const std::string& stdin_text)
    : dir_(MakeTempDir("cmd")) {
  std::string in_path = dir_ + "/stdin", out_path = dir_ + "/stdout",
              err_path = dir_ + "/stderr";
  std::ofstream(in_path, std::ios::binary) << stdin_text;

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<char*> args;
  for (const std::string& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ) ==
      0) {
    pid_ = pid;
  }
  posix_spawn_file_actions_destroy(&actions);
}

BackgroundCommand::~BackgroundCommand() {
  if (started() && !reaped_) {
    kill(pid_, SIGKILL);
    (void)Wait();
  }
  std::filesystem::remove_all(dir_);
}

bool BackgroundCommand::Running() { return !Reap(/*block=*/false); }

bool BackgroundCommand::Reap(bool block) {
  if (!started() || reaped_) return true;
  int status = 0;
  rusage usage{};
  if (wait4(pid_, &status, block ? 0 : WNOHANG, &usage) != pid_) return false;
  reaped_ = true;
  result_.exit_status =
      WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result_.peak_rss_kb = usage.ru_maxrss;
  return true;
}

void BackgroundCommand::Signal(int sig) {
  if (started() && !reaped_) kill(pid_, sig);
}

CommandResult BackgroundCommand::Wait(int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::milliseconds(std::max(timeout_ms, 0));
  while (!Reap(/*block=*/timeout_ms < 0)) {
    if (timeout_ms >= 0 && std::chrono::steady_clock::now() > deadline) {
      result_.timed_out = true;
      kill(pid_, SIGKILL);
      timeout_ms = -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  result_.out = ReadFile(dir_ + "/stdout");
  result_.err = ReadFile(dir_ + "/stderr");
  return result_;
}

CommandResult RunCommand(const std::vector<std::string>& argv,
                         const std::string& stdin_text) {
  BackgroundCommand command(argv, stdin_text);
  return command.Wait();
}

}  // namespace chancery::testing
