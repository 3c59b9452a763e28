#include "searchd/server_config.h"

#include <charconv>

namespace chancery {
namespace {

void AddLimit(SettingsTable& table, const char* key, const char* flag,
              int* field, int min, int max, const char* value_name,
              const char* help) {
  table.push_back({.key = key,
                   .flag = flag,
                   .target = field,
                   .min = min,
                   .max = max,
                   .value_name = value_name,
                   .help = help});
}

// SearcherOptions' limits, each by the name of its field.
void AddSearchLimits(SearcherOptions& o, SettingsTable& table) {
  auto limit = [&table](const char* key, const char* flag, int* field, int min,
                        int max, const char* help) {
    AddLimit(table, key, flag, field, min, max, "N", help);
  };
  limit("max_page_size", "--max-page-size", &o.max_page_size, 1, 10000,
        "most hits per page (size)");
  limit("max_facet_size", "--max-facet-size", &o.max_facet_size, 1, 100000,
        "most values per facet (facet_size)");
  limit("max_query_bytes", "--max-query-bytes", &o.max_query_bytes, 16, 1 << 20,
        "longest q, in bytes");
  limit("max_query_words", "--max-query-words", &o.max_query_words, 1, 10000,
        "most words in q");
  limit("max_query_wildcards", "--max-query-wildcards", &o.max_query_wildcards,
        0, 1000, "most wildcards (word*) in q");
  limit("max_result_window", "--max-result-window", &o.max_result_window, 1,
        1 << 30, "largest page * size");
  limit("exact_facet_limit", "--exact-facet-limit", &o.exact_facet_limit, 1000,
        1 << 30, "facets are counted exactly up to this many matches");
  limit("exact_terms_limit", "--exact-terms-limit", &o.exact_terms_limit, 1,
        1 << 30, "term profiles count words exactly up to this many matches");
  limit("phrase_sample_limit", "--phrase-sample-limit", &o.phrase_sample_limit,
        1, 1 << 30, "term profiles count phrases over this many matches");
  limit("terms_candidate_limit", "--terms-candidate-limit",
        &o.terms_candidate_limit, 1, 1 << 30,
        "term profiles take candidate words from this many matches");
  limit("max_terms_size", "--max-terms-size", &o.max_terms_size, 1, 10000,
        "most words and phrases per term profile (size)");
  limit("reload_interval_ms", "--reload-interval-ms", &o.reload_interval_ms, 50,
        600000, "how often to look for index updates");
  limit("revision_keep_ms", "--revision-keep-ms", &o.revision_keep_ms, 0,
        3600000,
        "how long a revision answered from stays readable (?revision=, "
        "exports) after a newer one appeared");
  limit("revision_keep_count", "--revision-keep-count", &o.revision_keep_count,
        0, 64, "most older revisions kept readable at once");
  limit("counting_threads", "--counting-threads", &o.counting_threads, 0, 256,
        "threads counting facets beside the ranked search, 0 for none");
}

// "HOST:PORT", ":PORT" or "PORT" into the listen fields. The message
// follows the setting's name (a SettingParser).
Status ParseListenAddress(const std::string& text, ServerConfig& config) {
  std::string host = config.listen_host;
  std::string port_text = text;
  const size_t colon = text.rfind(':');
  if (colon != std::string::npos) {
    host = text.substr(0, colon);
    port_text = text.substr(colon + 1);
    if (host.empty()) host = "127.0.0.1";
  }
  int port = -1;
  const char* end = port_text.data() + port_text.size();
  auto [ptr, ec] = std::from_chars(port_text.data(), end, port);
  if (port_text.empty() || ec != std::errc() || ptr != end || port < 0 ||
      port > 65535) {
    return Status::InvalidArgument(
        "expects HOST:PORT with a port from 0 to 65535, got \"" + text + "\"",
        "listen");
  }
  config.listen_host = host;
  config.listen_port = port;
  return Status::Ok();
}

}  // namespace

SettingsTable ServerSettings(ServerConfig& c) {
  SettingsTable table = {
      {.key = "db_path",
       .flag = "--db",
       .target = &c.search.db_paths,
       .value_name = "DIR",
       .help = "index directory; repeat or comma-separate to search several "
               "shards as one"},
      {.key = "listen",
       .flag = "--listen",
       .target =
           [&c](const std::string& text) {
             return ParseListenAddress(text, c);
           },
       .value_name = "HOST:PORT",
       .help = "address to serve on (default: " + c.listen_host + ":" +
               std::to_string(c.listen_port) + ")"},
      {.key = "http_threads",
       .flag = "--threads",
       .target = &c.http_threads,
       .min = 1,
       .max = 1024,
       .value_name = "N",
       .help = "threads serving requests (idle connections take none)"},
      {.key = "web_root",
       .flag = "--web-root",
       .target = &c.web_root,
       .value_name = "DIR",
       .help = "static files of the web UI"},
      {.key = "stopwords_file",
       .flag = "--stopwords-file",
       .target = &c.search.stopwords_file,
       .value_name = "FILE",
       .help = "stopwords of term profiles, lang<TAB>word lines (none when "
               "absent)"},
      {.key = "write_revision_pins",
       .flag = "--write-revision-pins",
       .target = &c.search.write_revision_pins,
       .help = "write pins into the index so that chancery-index spares the "
               "revisions kept (off for a read-only index)"},
      {.key = "access_log",
       .flag = "--access-log",
       .target = &c.access_log,
       .help = "one line per request on stderr"},
  };
  // Connections (searchd/http/connection_gate.h).
  AddLimit(table, "header_timeout_ms", "--header-timeout-ms",
           &c.header_timeout_ms, 100, 600000, "MS",
           "time to send a request's header, then 408 and close");
  AddLimit(table, "idle_timeout_ms", "--idle-timeout-ms", &c.idle_timeout_ms,
           100, 3600000, "MS",
           "keep-alive: an idle connection is closed after this");
  AddLimit(table, "max_connections", "--max-connections", &c.max_connections, 1,
           1000000, "N",
           "open connections at once; past it 503 with Retry-After");
  AddLimit(table, "max_connections_per_client", "--max-connections-per-client",
           &c.max_connections_per_client, 1, 1000000, "N",
           "open connections per client address (requests in flight per "
           "forwarded client behind a trusted proxy)");
  table.push_back(
      {.key = "trusted_proxies",
       .flag = "--trusted-proxy",
       .target = &c.trusted_proxies,
       .value_name = "IP",
       .help = "a reverse proxy whose X-Forwarded-For names the client; "
               "repeat or comma-separate"});
  AddSearchLimits(c.search, table);
  return table;
}

Status Validate(const ServerConfig& config) {
  if (config.search.db_paths.empty()) {
    return Status::InvalidArgument("--db DIR is required", "db");
  }
  ServerConfig copy = config;  // The table points at fields it may set.
  return CheckSettingRanges(ServerSettings(copy));
}

}  // namespace chancery
