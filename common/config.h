// Config: every setting of chancery-index and chancery-searchd, with its
// default. Built once at start-up from an optional JSON config file (see
// config/chancery.json) and then command-line flags, validated once by
// Validate(), then passed by const reference. Never mutated afterwards, so
// any thread may read it.
#ifndef CHANCERY_COMMON_CONFIG_H_
#define CHANCERY_COMMON_CONFIG_H_

#include <string>

#include "common/status.h"

namespace chancery {

struct Config {
  // --- Both programs ---
  std::string db_path;  // Index directory (--db). Required.
  // Directory with gazetteers and lexicons (config/entities/...).
  std::string config_dir = CHANCERY_DEFAULT_CONFIG_DIR;

  // --- chancery-index ---
  int batch_size = 10000;  // Articles per commit (--batch-size).
  int index_threads = 0;   // Analysis threads; 0 = one per core.

  // --- chancery-searchd ---
  std::string listen_host = "127.0.0.1";  // --listen HOST:PORT
  int listen_port = 8080;
  int http_threads = 32;  // Connection threads (one per open connection).
  std::string web_root = CHANCERY_DEFAULT_WEB_ROOT;  // Static UI files.
  int max_page_size = 100;     // Upper bound of the size parameter.
  int max_facet_size = 200;    // Upper bound of facet_size.
  int max_query_bytes = 4096;  // Longer q is a 400.
  // Facet counts are exact up to this many matches, estimated beyond.
  int exact_facet_limit = 200000;
  int reload_interval_ms = 1000;  // How often to look for index updates.
  bool access_log = true;         // One line per request on stderr.
};

// Reads a JSON object of the above field names into `config`, leaving absent
// fields as they are. InvalidArgument names the file and field on error.
Status LoadConfigFile(const std::string& path, Config& config);

// Parses "HOST:PORT" (or ":PORT", or "PORT") into the listen fields.
Status ParseListenAddress(const std::string& text, Config& config);

// Checks ranges and required fields; the message names the setting.
Status Validate(const Config& config);

}  // namespace chancery

#endif  // CHANCERY_COMMON_CONFIG_H_
