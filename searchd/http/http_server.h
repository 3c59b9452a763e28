// HttpServer: binds the route table (routes.h) to a socket with
// cpp-httplib. The only file that knows httplib. Requests run on a pool of
// config.http_threads threads with keep-alive; each gets one access-log
// line on stderr (when config.access_log) and is counted in Metrics.
//
// Thread safety: Stop() may be called from any thread (a signal waiter);
// everything else from the owning thread.
#ifndef CHANCERY_SEARCHD_HTTP_HTTP_SERVER_H_
#define CHANCERY_SEARCHD_HTTP_HTTP_SERVER_H_

#include <memory>

#include "common/status.h"
#include "searchd/http/handlers.h"
#include "searchd/http/metrics.h"
#include "searchd/server_config.h"

namespace chancery {

class HttpServer {
 public:
  // `searcher` and `config` must outlive the server.
  HttpServer(const Searcher& searcher, const ServerConfig& config);
  ~HttpServer();

  // Binds config.listen_host:listen_port. Unavailable when the address is
  // in use or cannot be bound.
  [[nodiscard]] Status Bind();
  // Serves until Stop(); requests in flight are finished before it returns.
  [[nodiscard]] Status Serve();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_HTTP_HTTP_SERVER_H_
