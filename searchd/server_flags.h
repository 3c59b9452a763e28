// Command line of chancery-searchd: flags override the optional config file
// (--config FILE, JSON, see config/), which overrides Config's defaults.
// Kept out of main.cc so tests can check it without a process.
#ifndef CHANCERY_SEARCHD_SERVER_FLAGS_H_
#define CHANCERY_SEARCHD_SERVER_FLAGS_H_

#include <string>

#include "common/config.h"
#include "common/status.h"

namespace chancery {

struct ServerFlags {
  Config config;
  bool help = false;
};

// Parses argv (--db DIR (repeatable or a comma list), --listen HOST:PORT,
// --threads N, --web-root DIR, --config FILE, --no-access-log, -h/--help;
// "--flag=value" also accepted). InvalidArgument names the flag. Does not
// call Validate().
[[nodiscard]] StatusOr<ServerFlags> ParseServerFlags(int argc,
                                                     const char* const* argv);

std::string ServerUsage();

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SERVER_FLAGS_H_
