// Settings: the one parser of configuration for chancery-index and
// chancery-searchd. Each program declares its settings as a table, one
// Setting per row: the field it sets, the key naming it in the JSON config
// file, its command-line flag, its type (the field's) and, for numbers, its
// range. ParseCommandLine fills the fields in the same order for both
// programs:
//   1. defaults: the values the fields hold before parsing (the config
//      struct's member initialisers);
//   2. the JSON file given by --config FILE, wherever it is on the command
//      line;
//   3. every flag, in command-line order; "--flag value" and "--flag=value"
//      alike.
// So a flag beats the file, which beats the default. Unknown flags and bad
// values are one-line InvalidArgument errors naming the flag, or the FILE
// and key.
//
// Value syntax by field type:
//   int          a whole number within [min, max]
//   bool         JSON true/false; flag "--x" sets true, "--x=true|false";
//                a row with a key also takes "--no-x" (sets false)
//   string       any text
//   string list  JSON array of strings or one comma-separated string; flag
//                repeatable or comma-separated; the first flag replaces
//                what the file or default gave, later ones append
//   SettingParser  text handed to a function (e.g. HOST:PORT into two
//                fields); JSON must be a string
//
// Keys the table does not know are ignored in the file, so one file can
// hold the settings of both programs (config/chancery.json).
//
// Thread-compatible: a table points at one config struct's fields and is
// used by one thread while that struct is filled.
#ifndef CHANCERY_COMMON_SETTINGS_H_
#define CHANCERY_COMMON_SETTINGS_H_

#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "common/status.h"

namespace chancery {

// Sets fields from `text`. An error's message reads after the setting's name
// ("expects HOST:PORT ..."); the caller puts the flag or FILE and key first.
using SettingParser = std::function<Status(const std::string& text)>;

struct Setting {
  // Every member has an initialiser so that tables can name only the ones
  // they need ({.key = ..., .flag = ..., .target = ...}).
  std::string key{};   // JSON key in the config file; empty: flag only.
  std::string flag{};  // "--batch-size"; empty: config file only.
  // The field set; not owned, must outlive the parse.
  std::variant<int*, bool*, std::string*, std::vector<std::string>*,
               SettingParser>
      target{};
  int min = 0;  // For int fields: the accepted range, inclusive.
  int max = 0;
  std::string value_name{};  // For --help: "N", "DIR"; empty for switches.
  std::string help{};        // For --help: what the setting does.
  // String lists only: the flag takes every following argument up to the
  // next option ("--delete a b c"), each one item, commas and all.
  bool greedy = false;
};

using SettingsTable = std::vector<Setting>;

// What a command line held besides settings.
struct CommandLine {
  bool help = false;                     // -h or --help
  std::string config_file;               // --config FILE; empty when absent
  std::vector<std::string> positionals;  // other arguments ("-" is one)
};

// Applies --config FILE and then every flag of argv[1..argc) to the
// table's fields (see the top of this file). With -h/--help nothing is
// applied, but unknown flags are still errors. InvalidArgument for usage
// errors and bad values, IoError when the file cannot be read. After an
// error the fields may be partly set.
[[nodiscard]] StatusOr<CommandLine> ParseCommandLine(
    const SettingsTable& settings, int argc, const char* const* argv);

// Applies the keys of the table found in the JSON file at `path` (comments
// allowed). Errors name the file (and line, for bad JSON) and the key.
[[nodiscard]] Status ApplyConfigFile(const SettingsTable& settings,
                                     const std::string& path);

// Checks that every int field is within its row's range, naming the key
// (or flag) of the first that is not. For fields set by code, not parsed.
[[nodiscard]] Status CheckSettingRanges(const SettingsTable& settings);

// One line per flag ("  --batch-size N      articles per commit (default:
// 10000)"), the defaults read from the fields, so call it on a table over a
// default-constructed config. Ends with --config and --help.
std::string FlagsUsage(const SettingsTable& settings);

}  // namespace chancery

#endif  // CHANCERY_COMMON_SETTINGS_H_
