#include "common/config.h"

#include <fstream>
#include <nlohmann/json.hpp>

#include "common/base/numbers.h"

namespace chancery {
namespace {

using nlohmann::json;

template <typename T>
Status ReadField(const json& j, const char* name, const std::string& path,
                 T& out) {
  if (!j.contains(name)) return Status::Ok();
  try {
    out = j.at(name).get<T>();
  } catch (const json::exception&) {
    return Status::InvalidArgument(
        path + ": field \"" + name + "\" has the wrong type", name);
  }
  return Status::Ok();
}

}  // namespace

Status LoadConfigFile(const std::string& path, Config& config) {
  std::ifstream in(path);
  if (!in) return Status::IoError("cannot read config file " + path);
  json j = json::parse(in, nullptr, /*allow_exceptions=*/false,
                       /*ignore_comments=*/true);
  if (!j.is_object()) {
    return Status::InvalidArgument(path + ": not a JSON object", "config");
  }
  std::string listen;
  CHANCERY_RETURN_IF_ERROR(ReadField(j, "db_path", path, config.db_path));
  CHANCERY_RETURN_IF_ERROR(ReadField(j, "config_dir", path, config.config_dir));
  CHANCERY_RETURN_IF_ERROR(ReadField(j, "batch_size", path, config.batch_size));
  CHANCERY_RETURN_IF_ERROR(
      ReadField(j, "index_threads", path, config.index_threads));
  CHANCERY_RETURN_IF_ERROR(ReadField(j, "listen", path, listen));
  CHANCERY_RETURN_IF_ERROR(
      ReadField(j, "http_threads", path, config.http_threads));
  CHANCERY_RETURN_IF_ERROR(ReadField(j, "web_root", path, config.web_root));
  CHANCERY_RETURN_IF_ERROR(
      ReadField(j, "max_page_size", path, config.max_page_size));
  CHANCERY_RETURN_IF_ERROR(
      ReadField(j, "max_facet_size", path, config.max_facet_size));
  CHANCERY_RETURN_IF_ERROR(
      ReadField(j, "max_query_bytes", path, config.max_query_bytes));
  CHANCERY_RETURN_IF_ERROR(
      ReadField(j, "exact_facet_limit", path, config.exact_facet_limit));
  CHANCERY_RETURN_IF_ERROR(
      ReadField(j, "reload_interval_ms", path, config.reload_interval_ms));
  CHANCERY_RETURN_IF_ERROR(ReadField(j, "access_log", path, config.access_log));
  if (!listen.empty())
    CHANCERY_RETURN_IF_ERROR(ParseListenAddress(listen, config));
  return Status::Ok();
}

Status ParseListenAddress(const std::string& text, Config& config) {
  std::string host = config.listen_host;
  std::string port_text = text;
  size_t colon = text.rfind(':');
  if (colon != std::string::npos) {
    host = text.substr(0, colon);
    port_text = text.substr(colon + 1);
    if (host.empty()) host = "127.0.0.1";
  }
  const int port = ParseInt(port_text).value_or(-1);
  if (port < 0 || port > 65535) {
    return Status::InvalidArgument(
        "--listen expects HOST:PORT with a port from 0 to 65535, got \"" +
            text + "\"",
        "listen");
  }
  config.listen_host = host;
  config.listen_port = port;
  return Status::Ok();
}

Status Validate(const Config& config) {
  if (config.db_path.empty()) {
    return Status::InvalidArgument("--db DIR is required", "db");
  }
  CHANCERY_RETURN_IF_ERROR(
      CheckRange("batch_size", config.batch_size, 1, 10000000));
  CHANCERY_RETURN_IF_ERROR(
      CheckRange("index_threads", config.index_threads, 0, 256));
  CHANCERY_RETURN_IF_ERROR(
      CheckRange("http_threads", config.http_threads, 1, 1024));
  CHANCERY_RETURN_IF_ERROR(
      CheckRange("max_page_size", config.max_page_size, 1, 10000));
  CHANCERY_RETURN_IF_ERROR(
      CheckRange("max_facet_size", config.max_facet_size, 1, 100000));
  CHANCERY_RETURN_IF_ERROR(
      CheckRange("max_query_bytes", config.max_query_bytes, 16, 1 << 20));
  CHANCERY_RETURN_IF_ERROR(
      CheckRange("exact_facet_limit", config.exact_facet_limit, 1000, 1 << 30));
  CHANCERY_RETURN_IF_ERROR(
      CheckRange("reload_interval_ms", config.reload_interval_ms, 50, 600000));
  return Status::Ok();
}

}  // namespace chancery
