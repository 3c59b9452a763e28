// Command line of chancery-searchd: defaults, then the optional config file
// (--config FILE, JSON, see config/chancery.json), then flags, through the
// settings parser both programs use (common/settings.h). Kept out of
// main.cc so tests can check it without a process.
#ifndef CHANCERY_SEARCHD_SERVER_FLAGS_H_
#define CHANCERY_SEARCHD_SERVER_FLAGS_H_

#include <string>

#include "common/status.h"
#include "searchd/server_config.h"

namespace chancery {

struct ServerFlags {
  ServerConfig config;
  bool help = false;
};

// Parses argv: every flag of ServerSettings ("--flag value" or
// "--flag=value"), --config FILE, -h/--help. InvalidArgument names the flag,
// or the file and key; an argument that is not a flag is an error too. Does
// not call Validate().
[[nodiscard]] StatusOr<ServerFlags> ParseServerFlags(int argc,
                                                     const char* const* argv);

std::string ServerUsage();

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SERVER_FLAGS_H_
