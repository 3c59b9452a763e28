#include "searchd/http/http_server.h"

#include <httplib.h>

#include <chrono>
#include <cstdio>

#include "searchd/http/routes.h"

namespace chancery {
namespace {

// Idle keep-alive connections hold a worker thread; a short timeout keeps
// shutdown and thread starvation bounded.
constexpr int kKeepAliveSeconds = 2;
constexpr int kKeepAliveRequests = 100000;
constexpr size_t kMaxPayloadBytes = 64 * 1024;

}  // namespace

struct HttpServer::Impl {
  Impl(const Searcher& searcher, const Config& config)
      : config(config), context{searcher, config, metrics} {}

  void Handle(const httplib::Request& in, httplib::Response& out) {
    const auto start = std::chrono::steady_clock::now();
    HttpRequest req;
    req.method = in.method;
    req.path = in.path;
    for (const auto& [k, v] : in.params) req.query.emplace_back(k, v);
    Dispatched d = Dispatch(context, std::move(req));
    out.status = d.response.status;
    for (const auto& [k, v] : d.response.headers) out.set_header(k, v);
    out.set_content(std::move(d.response.body), d.response.content_type);
    const double seconds = std::chrono::duration<double>(
                               std::chrono::steady_clock::now() - start)
                               .count();
    metrics.Record(d.route, out.status, seconds);
    if (config.access_log) {
      // One write per line so that lines of concurrent requests never mix.
      std::string line = in.remote_addr + " " + in.method + " " + in.target +
                         " " + std::to_string(out.status) + " " +
                         std::to_string(out.body.size()) + " " +
                         std::to_string(seconds * 1000.0).substr(0, 6) + "ms\n";
      std::fwrite(line.data(), 1, line.size(), stderr);
    }
  }

  const Config& config;
  Metrics metrics;
  ServerContext context;
  httplib::Server server;
};

HttpServer::HttpServer(const Searcher& searcher, const Config& config)
    : impl_(std::make_unique<Impl>(searcher, config)) {
  httplib::Server& s = impl_->server;
  const int threads = config.http_threads;
  s.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  s.set_keep_alive_max_count(kKeepAliveRequests);
  s.set_keep_alive_timeout(kKeepAliveSeconds);
  s.set_payload_max_length(kMaxPayloadBytes);
  // Responses go out as headers then body; with Nagle's algorithm the body
  // waits for the client's delayed ACK (40 ms on Linux).
  s.set_tcp_nodelay(true);
  // httplib's default adds SO_REUSEPORT, which would let a second server
  // share a port in use instead of failing; keep only SO_REUSEADDR.
  s.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  auto handle = [this](const httplib::Request& in, httplib::Response& out) {
    impl_->Handle(in, out);
  };
  s.Get(".*", handle);
  s.Post(".*", handle);
  s.Put(".*", handle);
  s.Delete(".*", handle);
  s.Patch(".*", handle);
  s.Options(".*", handle);
  s.set_exception_handler(
      [](const httplib::Request&, httplib::Response& out, std::exception_ptr) {
        out.status = 500;
        out.set_content(
            R"({"error":{"code":"internal","message":"unexpected error","param":null}})",
            "application/json");
      });
}

HttpServer::~HttpServer() = default;

Status HttpServer::Bind() {
  const Config& c = impl_->config;
  if (!impl_->server.bind_to_port(c.listen_host.c_str(), c.listen_port)) {
    return Status::Unavailable("cannot listen on " + c.listen_host + ":" +
                               std::to_string(c.listen_port) +
                               " (address in use or not available)");
  }
  return Status::Ok();
}

Status HttpServer::Serve() {
  if (!impl_->server.listen_after_bind()) {
    return Status::IoError("the server stopped accepting connections");
  }
  return Status::Ok();
}

void HttpServer::Stop() { impl_->server.stop(); }

}  // namespace chancery
