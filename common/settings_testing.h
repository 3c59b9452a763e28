// Test helpers for code that parses settings (common/settings.h): a config
// file per test and argv from strings. For tests only (needs GoogleTest).
#ifndef CHANCERY_COMMON_SETTINGS_TESTING_H_
#define CHANCERY_COMMON_SETTINGS_TESTING_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace chancery {

// A fixture with one config file per test, removed after it. The name holds
// the test and the process, as CTest runs a binary's tests in parallel.
class ConfigFileTest : public ::testing::Test {
 protected:
  void TearDown() override { std::remove(path_.c_str()); }
  // Writes `json` to the test's config file and returns its path.
  const std::string& File(const std::string& json) {
    std::ofstream(path_) << json;
    return path_;
  }
  std::string path_ =
      ::testing::TempDir() + "/chancery-config-" +
      ::testing::UnitTest::GetInstance()->current_test_info()->name() + "-" +
      std::to_string(getpid()) + ".json";
};

// {"prog", args...} as a parser's argv; points into `args`, which must
// outlive it.
inline std::vector<const char*> Argv(const std::vector<std::string>& args) {
  std::vector<const char*> argv = {"prog"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  return argv;
}

}  // namespace chancery

#endif  // CHANCERY_COMMON_SETTINGS_TESTING_H_
