// ServerConfig: the settings of chancery-searchd, with their defaults, and
// the table (common/settings.h) that names them in the JSON config file and
// on the command line. The search limits are SearcherOptions' own fields
// (searchd/search/searcher.h, their one definition); every one of them is
// settable from the file and by a flag. Filled once at start-up, then
// passed by const reference; never mutated afterwards, so any thread may
// read it.
#ifndef CHANCERY_SEARCHD_SERVER_CONFIG_H_
#define CHANCERY_SEARCHD_SERVER_CONFIG_H_

#include <string>
#include <vector>

#include "common/data_dirs.h"
#include "common/settings.h"
#include "common/status.h"
#include "searchd/search/searcher.h"

namespace chancery {

struct ServerConfig {
  // The index shards (db_path, --db; required) and the search limits.
  SearcherOptions search;
  std::string listen_host = "127.0.0.1";  // listen, --listen HOST:PORT
  int listen_port = 8080;
  // Threads serving requests. Idle and slow connections wait without one
  // (searchd/http/connection_gate.h), bounded by the limits below.
  int http_threads = 32;
  int header_timeout_ms = 5000;  // To receive a request's whole header.
  int idle_timeout_ms = 30000;   // Keep-alive: idle between requests.
  int max_connections = 4096;    // Open at once (also capped by ulimit -n).
  int max_connections_per_client = 64;  // Per address (requests, via proxy).
  // Reverse proxies whose X-Forwarded-For names the client (exact IPs).
  std::vector<std::string> trusted_proxies;
  // Static files of the web UI; see common/data_dirs.h.
  std::string web_root = FindDataDirs().web_root;
  bool access_log = true;  // One line per request on stderr.
};

// Every setting above by JSON key and flag; "listen" takes "HOST:PORT",
// ":PORT" or "PORT". The rows point into `config`, which must outlive the
// table.
SettingsTable ServerSettings(ServerConfig& config);

// Checks ranges and that an index is given; the message names the setting.
[[nodiscard]] Status Validate(const ServerConfig& config);

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_SERVER_CONFIG_H_
