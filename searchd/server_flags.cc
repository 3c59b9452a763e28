#include "searchd/server_flags.h"

#include <optional>
#include <vector>

#include "common/base/numbers.h"

namespace chancery {
namespace {

struct Arg {
  std::string name;
  std::string value;
  bool has_value = false;
};

}  // namespace

std::string ServerUsage() {
  return "usage: chancery-searchd --db DIR [--db DIR...] [options]\n"
         "  --db DIR           index directory; repeat or comma-separate to "
         "search several shards as one\n"
         "  --listen HOST:PORT address to serve on (default 127.0.0.1:8080)\n"
         "  --threads N        HTTP connection threads (default 32)\n"
         "  --web-root DIR     static files of the web UI\n"
         "  --config FILE      JSON settings (see config/); flags win\n"
         "  --no-access-log    no per-request log lines on stderr\n"
         "  -h, --help         this text\n";
}

StatusOr<ServerFlags> ParseServerFlags(int argc, const char* const* argv) {
  // First split into (flag, value) pairs, then apply the config file, then
  // the flags, so flags win whatever their order.
  std::vector<Arg> args;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-h" || a == "--help" || a == "--no-access-log") {
      args.push_back({a, "", false});
      continue;
    }
    if (a.rfind("--", 0) != 0) {
      return Status::InvalidArgument("unexpected argument \"" + a + "\"", a);
    }
    size_t eq = a.find('=');
    Arg arg;
    if (eq != std::string::npos) {
      arg = {a.substr(0, eq), a.substr(eq + 1), true};
    } else {
      arg.name = a;
      if (i + 1 >= argc) {
        return Status::InvalidArgument(a + " needs a value", a);
      }
      arg.value = argv[++i];
      arg.has_value = true;
    }
    static constexpr const char* kKnown[] = {"--db", "--listen", "--threads",
                                             "--web-root", "--config"};
    bool known = false;
    for (const char* k : kKnown) known |= arg.name == k;
    if (!known) {
      return Status::InvalidArgument("unknown option " + arg.name, arg.name);
    }
    args.push_back(std::move(arg));
  }
  ServerFlags flags;
  for (const Arg& a : args) {
    if (a.name == "--config") {
      CHANCERY_RETURN_IF_ERROR(LoadConfigFile(a.value, flags.config));
    }
  }
  std::string dbs;
  for (const Arg& a : args) {
    if (a.name == "-h" || a.name == "--help") {
      flags.help = true;
    } else if (a.name == "--no-access-log") {
      flags.config.access_log = false;
    } else if (a.name == "--db") {
      if (a.value.empty()) return Status::InvalidArgument("--db is empty", "db");
      if (!dbs.empty()) dbs += ',';
      dbs += a.value;
    } else if (a.name == "--listen") {
      CHANCERY_RETURN_IF_ERROR(ParseListenAddress(a.value, flags.config));
    } else if (a.name == "--threads") {
      std::optional<int> n = ParseInt(a.value);
      if (!n) {
        return Status::InvalidArgument("--threads expects a number", "threads");
      }
      flags.config.http_threads = *n;
    } else if (a.name == "--web-root") {
      flags.config.web_root = a.value;
    }
  }
  if (!dbs.empty()) flags.config.db_path = dbs;
  return flags;
}

}  // namespace chancery
