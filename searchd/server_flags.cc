#include "searchd/server_flags.h"

namespace chancery {

std::string ServerUsage() {
  ServerConfig defaults;
  return "usage: chancery-searchd --db DIR [--db DIR...] [options]\n"
         "options (flags win over --config FILE, which wins over the "
         "defaults):\n" +
         FlagsUsage(ServerSettings(defaults));
}

StatusOr<ServerFlags> ParseServerFlags(int argc, const char* const* argv) {
  ServerFlags flags;
  CHANCERY_ASSIGN_OR_RETURN(
      CommandLine line,
      ParseCommandLine(ServerSettings(flags.config), argc, argv));
  if (!line.positionals.empty()) {
    const std::string& arg = line.positionals.front();
    return Status::InvalidArgument("unexpected argument \"" + arg + "\"", arg);
  }
  flags.help = line.help;
  return flags;
}

}  // namespace chancery
