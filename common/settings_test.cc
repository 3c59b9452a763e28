#include "common/settings.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "common/settings_testing.h"

namespace chancery {
namespace {

struct Sample {
  int count = 5;
  bool log = true;
  std::string name = "default";
  std::vector<std::string> paths = {"d1"};
  std::string host = "h";
  int port = 1;
  bool dry_run = false;
  std::vector<std::string> ids;
};

SettingsTable Table(Sample& s) {
  return {
      {.key = "count",
       .flag = "--count",
       .target = &s.count,
       .min = 1,
       .max = 100,
       .value_name = "N",
       .help = "how many"},
      {.key = "log", .flag = "--log", .target = &s.log, .help = "log lines"},
      {.key = "name", .flag = "--name", .target = &s.name, .help = "a name"},
      {.key = "paths", .flag = "--path", .target = &s.paths, .help = "paths"},
      {.key = "address",
       .flag = "--address",
       .target =
           [&s](const std::string& text) {
             size_t colon = text.find(':');
             if (colon == std::string::npos) {
               return Status::InvalidArgument("expects HOST:PORT");
             }
             s.host = text.substr(0, colon);
             s.port = std::stoi(text.substr(colon + 1));
             return Status::Ok();
           },
       .help = "where"},
      {.flag = "--dry-run", .target = &s.dry_run, .help = "change nothing"},
      {.flag = "--ids", .target = &s.ids, .help = "ids", .greedy = true},
      {.key = "file_only", .target = &s.port, .min = 0, .max = 9},
  };
}

// Parses `args` (without the program name) into `s`.
StatusOr<CommandLine> Parse(Sample& s, const std::vector<std::string>& args) {
  std::vector<const char*> argv = Argv(args);
  return ParseCommandLine(Table(s), static_cast<int>(argv.size()), argv.data());
}

using SettingsTest = ConfigFileTest;

TEST_F(SettingsTest, DefaultsStayWithoutFileOrFlags) {
  Sample s;
  auto line = Parse(s, {"in1", "-", "in2"});
  ASSERT_TRUE(line.ok()) << line.status().message();
  EXPECT_EQ(line->positionals, (std::vector<std::string>{"in1", "-", "in2"}));
  EXPECT_EQ(s.count, 5);
  EXPECT_TRUE(s.log);
  EXPECT_EQ(s.name, "default");
  EXPECT_EQ(s.paths, std::vector<std::string>{"d1"});
}

TEST_F(SettingsTest, FlagBeatsFileBeatsDefault) {
  const std::string& f = File(R"({
    // comments are allowed
    "count": 7, "log": false, "name": "file", "paths": ["f1", "f2"],
    "address": "fh:2", "file_only": 3, "unknown_key": {"ignored": true}})");
  Sample s;
  // The flags come before and after --config: they win either way.
  auto line = Parse(s, {"--count", "9", "--config", f, "--name=flag"});
  ASSERT_TRUE(line.ok()) << line.status().message();
  EXPECT_EQ(line->config_file, f);
  EXPECT_EQ(s.count, 9);                                       // flag
  EXPECT_EQ(s.name, "flag");                                   // flag, --x=y
  EXPECT_FALSE(s.log);                                         // file
  EXPECT_EQ(s.paths, (std::vector<std::string>{"f1", "f2"}));  // file
  EXPECT_EQ(s.host, "fh");  // file, through the parser function
  EXPECT_EQ(s.port, 3);     // file_only, applied after address
  EXPECT_FALSE(s.dry_run);  // default
}

TEST_F(SettingsTest, BothFlagSpellingsAndSwitches) {
  Sample s;
  ASSERT_TRUE(Parse(s, {"--count=12", "--no-log", "--dry-run", "--address=x:4",
                        "--name", ""})
                  .ok());
  EXPECT_EQ(s.count, 12);
  EXPECT_FALSE(s.log);
  EXPECT_TRUE(s.dry_run);
  EXPECT_EQ(s.host, "x");
  EXPECT_EQ(s.port, 4);
  EXPECT_EQ(s.name, "");
  ASSERT_TRUE(Parse(s, {"--log", "--count", "13"}).ok());
  EXPECT_TRUE(s.log);
  EXPECT_EQ(s.count, 13);
  ASSERT_TRUE(Parse(s, {"--log=false"}).ok());
  EXPECT_FALSE(s.log);
}

TEST_F(SettingsTest, ListFlagsReplaceTheFileThenAppend) {
  const std::string& f = File(R"({"paths": "f1,f2"})");
  Sample s;
  ASSERT_TRUE(Parse(s, {"--config", f}).ok());
  EXPECT_EQ(s.paths, (std::vector<std::string>{"f1", "f2"}));
  ASSERT_TRUE(Parse(s, {"--config", f, "--path", "a,b", "--path=c"}).ok());
  EXPECT_EQ(s.paths, (std::vector<std::string>{"a", "b", "c"}));
}

TEST_F(SettingsTest, GreedyFlagTakesArgumentsUpToTheNextOption) {
  Sample s;
  auto line = Parse(s, {"--ids", "x", "y,z", "-", "--count", "2", "in"});
  ASSERT_TRUE(line.ok()) << line.status().message();
  EXPECT_EQ(s.ids, (std::vector<std::string>{"x", "y,z", "-"}));
  EXPECT_EQ(s.count, 2);
  EXPECT_EQ(line->positionals, std::vector<std::string>{"in"});
}

TEST_F(SettingsTest, HelpReadsNoFile) {
  Sample s;
  auto line = Parse(s, {"--config", "/nonexistent.json", "--count", "3", "-h"});
  ASSERT_TRUE(line.ok());
  EXPECT_TRUE(line->help);
  EXPECT_EQ(s.count, 5);
  EXPECT_FALSE(Parse(s, {"--help", "--bogus"}).ok());
}

// The message of parsing `args`, which must fail with one line.
std::string ErrorOf(const std::vector<std::string>& args) {
  Sample s;
  auto line = Parse(s, args);
  EXPECT_FALSE(line.ok());
  EXPECT_EQ(line.status().message().find('\n'), std::string::npos);
  return line.status().message();
}

TEST_F(SettingsTest, CommandLineErrorsNameTheFlag) {
  EXPECT_EQ(ErrorOf({"--bogus", "1"}), "unknown option --bogus");
  EXPECT_EQ(ErrorOf({"-x"}), "unknown option -x");
  EXPECT_EQ(ErrorOf({"--no-dry-run"}), "unknown option --no-dry-run");
  EXPECT_EQ(ErrorOf({"--count"}), "--count needs a value");
  EXPECT_EQ(ErrorOf({"--ids", "--count", "1"}), "--ids needs a value");
  EXPECT_EQ(ErrorOf({"--count", "many"}),
            "--count expects a whole number, got \"many\"");
  EXPECT_EQ(ErrorOf({"--count=1.5"}),
            "--count expects a whole number, got \"1.5\"");
  EXPECT_EQ(ErrorOf({"--count=0"}), "--count must be between 1 and 100, got 0");
  EXPECT_EQ(ErrorOf({"--count=99999999999999999999"}),
            "--count expects a whole number, got \"99999999999999999999\"");
  EXPECT_EQ(ErrorOf({"--log=maybe"}),
            "--log expects true or false, got \"maybe\"");
  EXPECT_EQ(ErrorOf({"--no-log=1"}), "--no-log takes no value");
  EXPECT_EQ(ErrorOf({"--address", "nowhere"}), "--address expects HOST:PORT");
  EXPECT_EQ(ErrorOf({"--config", "a", "--config=b"}), "--config given twice");
  EXPECT_EQ(ErrorOf({"--config="}), "--config needs a FILE");
  Sample s;
  EXPECT_EQ(Parse(s, {"--count", "x"}).status().param(), "count");
  EXPECT_EQ(Parse(s, {"--ids"}).status().param(), "--ids");
}

TEST_F(SettingsTest, FileErrorsNameTheFileAndKey) {
  const std::string f = path_;
  EXPECT_EQ(ErrorOf({"--config", File(R"({"count": "many"})")}),
            f + ": \"count\" expects a whole number, got \"many\"");
  EXPECT_EQ(ErrorOf({"--config", File(R"({"count": 2.5})")}),
            f + ": \"count\" expects a whole number, got 2.5");
  EXPECT_EQ(ErrorOf({"--config", File(R"({"count": 1000})")}),
            f + ": \"count\" must be between 1 and 100, got 1000");
  EXPECT_EQ(ErrorOf({"--config", File(R"({"log": 1})")}),
            f + ": \"log\" expects true or false, got 1");
  EXPECT_EQ(ErrorOf({"--config", File(R"({"paths": [1]})")}),
            f + ": \"paths\" expects a string or an array of strings, got [1]");
  EXPECT_EQ(ErrorOf({"--config", File(R"({"address": "x"})")}),
            f + ": \"address\" expects HOST:PORT");
  EXPECT_EQ(ErrorOf({"--config", File("[1, 2]")}), f + ": not a JSON object");
  EXPECT_EQ(ErrorOf({"--config", File("{\n\"count\": 3,\n}")})
                .rfind(f + ":3: not valid JSON: ", 0),
            0u);
  Sample s;
  File(R"({"count": true})");
  EXPECT_EQ(ApplyConfigFile(Table(s), path_).param(), "count");
  Status missing = ApplyConfigFile(Table(s), "/nonexistent/c.json");
  EXPECT_EQ(missing.code(), StatusCode::kIoError);
  EXPECT_NE(missing.message().find("/nonexistent/c.json"), std::string::npos);
}

TEST_F(SettingsTest, RangesOfFieldsSetByCode) {
  Sample s;
  EXPECT_TRUE(CheckSettingRanges(Table(s)).ok());
  s.port = 10;
  EXPECT_EQ(CheckSettingRanges(Table(s)).param(), "file_only");
}

TEST_F(SettingsTest, UsageShowsEveryFlagWithItsDefault) {
  Sample s;
  const std::string usage = FlagsUsage(Table(s));
  // The help starts in one column: after the longest flag ("--config FILE").
  EXPECT_EQ(usage.rfind("  --count N      how many (default: 5)\n", 0), 0u)
      << usage;
  EXPECT_NE(usage.find("--[no-]log"), std::string::npos) << usage;
  EXPECT_NE(usage.find("log lines (default: on)"), std::string::npos);
  EXPECT_NE(usage.find("paths (default: d1)"), std::string::npos);
  EXPECT_NE(usage.find("\n  --dry-run      change nothing\n"),
            std::string::npos);
  EXPECT_NE(usage.find("--config FILE"), std::string::npos);
  EXPECT_EQ(usage.find("file_only"), std::string::npos);
}

}  // namespace
}  // namespace chancery
