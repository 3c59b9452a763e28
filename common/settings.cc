#include "common/settings.h"

#include <algorithm>
#include <climits>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/base/numbers.h"

namespace chancery {
namespace {

using nlohmann::json;

// One flag of the command line, read but not yet applied.
struct FlagArg {
  const Setting* row = nullptr;
  std::string flag;                 // as written, without "=value"
  std::vector<std::string> values;  // one, or several for a greedy list
};

// The parameter an error names: the setting's key, else its flag.
std::string ParamOf(const Setting& s) { return s.key.empty() ? s.flag : s.key; }

bool IsOption(const std::string& arg) {
  return arg.size() > 1 && arg[0] == '-';
}

Status Expected(const std::string& where, const std::string& what,
                const std::string& got, const Setting& s) {
  return Status::InvalidArgument(where + " expects " + what + ", got " + got,
                                 ParamOf(s));
}

std::string Quoted(const std::string& text) { return "\"" + text + "\""; }

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

Status SetInt(const Setting& s, int* field, int64_t value,
              const std::string& where) {
  CHANCERY_RETURN_IF_ERROR(CheckRange(where, value, s.min, s.max, ParamOf(s)));
  *field = static_cast<int>(value);
  return Status::Ok();
}

// Runs a SettingParser, putting `where` before its complaint.
Status RunParser(const Setting& s, const SettingParser& parse,
                 const std::string& text, const std::string& where) {
  Status st = parse(text);
  if (st.ok()) return st;
  return Status(st.code(), where + " " + st.message(), ParamOf(s));
}

// Sets the row's field from command-line text. `first_of_list` is false
// when an earlier flag of the same list row already replaced its value.
Status ApplyText(const Setting& s, const std::string& text,
                 const std::string& where, bool first_of_list) {
  if (int* const* field = std::get_if<int*>(&s.target)) {
    std::optional<int64_t> n = ParseInt64(text);
    if (!n) return Expected(where, "a whole number", Quoted(text), s);
    return SetInt(s, *field, *n, where);
  }
  if (bool* const* field = std::get_if<bool*>(&s.target)) {
    if (text == "true" || text == "yes" || text == "1") {
      **field = true;
    } else if (text == "false" || text == "no" || text == "0") {
      **field = false;
    } else {
      return Expected(where, "true or false", Quoted(text), s);
    }
    return Status::Ok();
  }
  if (std::string* const* field = std::get_if<std::string*>(&s.target)) {
    **field = text;
    return Status::Ok();
  }
  if (auto* field = std::get_if<std::vector<std::string>*>(&s.target)) {
    if (first_of_list) (*field)->clear();
    if (s.greedy) {
      (*field)->push_back(
          text);  // One argument, one item: ids may hold commas.
    } else {
      for (std::string& item : SplitCommas(text)) {
        (*field)->push_back(std::move(item));
      }
    }
    return Status::Ok();
  }
  return RunParser(s, std::get<SettingParser>(s.target), text, where);
}

// Sets the row's field from its value in a config file.
Status ApplyJson(const Setting& s, const json& v, const std::string& where) {
  if (int* const* field = std::get_if<int*>(&s.target)) {
    if (!v.is_number_integer()) {
      return Expected(where, "a whole number", v.dump(), s);
    }
    long long n = v.is_number_unsigned()
                      ? static_cast<long long>(std::min<unsigned long long>(
                            v.get<unsigned long long>(), LLONG_MAX))
                      : v.get<long long>();
    return SetInt(s, *field, n, where);
  }
  if (bool* const* field = std::get_if<bool*>(&s.target)) {
    if (!v.is_boolean()) return Expected(where, "true or false", v.dump(), s);
    **field = v.get<bool>();
    return Status::Ok();
  }
  if (auto* field = std::get_if<std::vector<std::string>*>(&s.target)) {
    if (v.is_string()) return ApplyText(s, v.get<std::string>(), where, true);
    const char* kWhat = "a string or an array of strings";
    if (!v.is_array()) return Expected(where, kWhat, v.dump(), s);
    std::vector<std::string> items;
    for (const json& item : v) {
      if (!item.is_string() || item.get<std::string>().empty()) {
        return Expected(where, kWhat, v.dump(), s);
      }
      items.push_back(item.get<std::string>());
    }
    **field = std::move(items);
    return Status::Ok();
  }
  if (!v.is_string()) return Expected(where, "a string", v.dump(), s);
  return ApplyText(s, v.get<std::string>(), where, true);
}

// The row whose flag is `name`, or whose bool flag `name` negates
// ("--no-access-log" for "--access-log", rows with a key only).
const Setting* FindFlag(const SettingsTable& settings,
                        const std::string& name) {
  for (const Setting& s : settings) {
    if (!s.flag.empty() && s.flag == name) return &s;
  }
  if (name.rfind("--no-", 0) != 0) return nullptr;
  const std::string positive = "--" + name.substr(5);
  for (const Setting& s : settings) {
    if (s.flag == positive && !s.key.empty() &&
        std::holds_alternative<bool*>(s.target)) {
      return &s;
    }
  }
  return nullptr;
}

// Message of a JSON parse error without nlohmann's "[json.exception...]
// parse error at line L, column C: " prefix; the caller names the line.
std::string ParseErrorDetail(const json::parse_error& e) {
  std::string what = e.what();
  size_t column = what.find("column ");
  size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

// "  FLAG   help" lines, the help in one column and wrapped at 79
// characters (a path longer than that stays whole).
std::string FormatUsageRows(
    const std::vector<std::pair<std::string, std::string>>& rows) {
  constexpr size_t kWidth = 79;
  size_t column = 0;
  for (const auto& row : rows) column = std::max(column, row.first.size());
  column += 4;  // two spaces before the flag, two after
  std::string out;
  for (const auto& [flag, help] : rows) {
    std::string line = "  " + flag;
    line.resize(column, ' ');
    std::stringstream words(help);
    std::string word;
    bool first = true;
    while (words >> word) {
      if (!first && line.size() + 1 + word.size() > kWidth) {
        out += line + "\n";
        line.assign(column, ' ');
        first = true;
      }
      line += (first ? "" : " ") + word;
      first = false;
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace

Status ApplyConfigFile(const SettingsTable& settings, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot read config file " + path);
  std::stringstream text;
  text << in.rdbuf();
  const std::string content = text.str();
  json j;
  try {
    j = json::parse(content, nullptr, /*allow_exceptions=*/true,
                    /*ignore_comments=*/true);
  } catch (const json::parse_error& e) {
    const size_t end = std::min<size_t>(e.byte, content.size());
    const long line =
        1 + std::count(content.begin(), content.begin() + end, '\n');
    return Status::InvalidArgument(
        path + ":" + std::to_string(line) +
            ": not valid JSON: " + ParseErrorDetail(e),
        "config");
  }
  if (!j.is_object()) {
    return Status::InvalidArgument(path + ": not a JSON object", "config");
  }
  for (const Setting& s : settings) {
    if (s.key.empty() || !j.contains(s.key)) continue;
    CHANCERY_RETURN_IF_ERROR(
        ApplyJson(s, j.at(s.key), path + ": " + Quoted(s.key)));
  }
  return Status::Ok();
}

StatusOr<CommandLine> ParseCommandLine(const SettingsTable& settings, int argc,
                                       const char* const* argv) {
  // Read every flag first, so that the file is applied before any flag
  // wherever --config is.
  CommandLine out;
  std::vector<FlagArg> flags;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-h" || arg == "--help") {
      out.help = true;
      continue;
    }
    if (!IsOption(arg)) {
      out.positionals.push_back(arg);
      continue;
    }
    const size_t eq = arg.find('=');
    const bool inline_value = eq != std::string::npos;
    FlagArg f;
    f.flag = arg.substr(0, eq);
    auto take_value = [&]() -> Status {
      if (inline_value) {
        f.values.push_back(arg.substr(eq + 1));
      } else if (i + 1 < argc) {
        f.values.push_back(argv[++i]);
      } else {
        return Status::InvalidArgument(f.flag + " needs a value", f.flag);
      }
      return Status::Ok();
    };
    if (f.flag == "--config") {
      if (!out.config_file.empty()) {
        return Status::InvalidArgument("--config given twice", "config");
      }
      CHANCERY_RETURN_IF_ERROR(take_value());
      out.config_file = f.values[0];
      if (out.config_file.empty()) {
        return Status::InvalidArgument("--config needs a FILE", "config");
      }
      continue;
    }
    f.row = FindFlag(settings, f.flag);
    if (f.row == nullptr) {
      return Status::InvalidArgument("unknown option " + f.flag, f.flag);
    }
    if (std::holds_alternative<bool*>(f.row->target)) {
      const bool negated = f.flag != f.row->flag;
      if (negated && inline_value) {
        return Status::InvalidArgument(f.flag + " takes no value", f.flag);
      }
      f.values.push_back(inline_value ? arg.substr(eq + 1)
                         : negated    ? "false"
                                      : "true");
    } else if (f.row->greedy && !inline_value) {
      while (i + 1 < argc && !IsOption(argv[i + 1])) {
        f.values.push_back(argv[++i]);
      }
      if (f.values.empty()) {
        return Status::InvalidArgument(f.flag + " needs a value", f.flag);
      }
    } else {
      CHANCERY_RETURN_IF_ERROR(take_value());
    }
    flags.push_back(std::move(f));
  }
  if (out.help) return out;
  if (!out.config_file.empty()) {
    CHANCERY_RETURN_IF_ERROR(ApplyConfigFile(settings, out.config_file));
  }
  std::vector<const Setting*> lists_replaced;
  for (const FlagArg& f : flags) {
    for (const std::string& value : f.values) {
      const bool first = std::find(lists_replaced.begin(), lists_replaced.end(),
                                   f.row) == lists_replaced.end();
      if (first) lists_replaced.push_back(f.row);
      CHANCERY_RETURN_IF_ERROR(ApplyText(*f.row, value, f.flag, first));
    }
  }
  return out;
}

Status CheckSettingRanges(const SettingsTable& settings) {
  for (const Setting& s : settings) {
    if (int* const* field = std::get_if<int*>(&s.target)) {
      CHANCERY_RETURN_IF_ERROR(
          CheckRange(ParamOf(s), **field, s.min, s.max, ParamOf(s)));
    }
  }
  return Status::Ok();
}

std::string FlagsUsage(const SettingsTable& settings) {
  std::vector<std::pair<std::string, std::string>> rows;  // flag, help
  for (const Setting& s : settings) {
    if (s.flag.empty()) continue;
    const bool is_bool = std::holds_alternative<bool*>(s.target);
    std::string left =
        is_bool && !s.key.empty() ? "--[no-]" + s.flag.substr(2) : s.flag;
    if (!s.value_name.empty()) left += " " + s.value_name;
    std::string shown;  // the default
    if (int* const* field = std::get_if<int*>(&s.target)) {
      shown = std::to_string(**field);
    } else if (bool* const* field = std::get_if<bool*>(&s.target)) {
      if (!s.key.empty()) shown = **field ? "on" : "off";
    } else if (std::string* const* field =
                   std::get_if<std::string*>(&s.target)) {
      shown = **field;
    } else if (auto* field =
                   std::get_if<std::vector<std::string>*>(&s.target)) {
      for (const std::string& item : **field) {
        shown += (shown.empty() ? "" : ",") + item;
      }
    }
    rows.emplace_back(
        left, s.help + (shown.empty() ? "" : " (default: " + shown + ")"));
  }
  rows.emplace_back("--config FILE",
                    "JSON settings (config/chancery.json); flags win");
  rows.emplace_back("-h, --help", "this text");
  return FormatUsageRows(rows);
}

}  // namespace chancery
