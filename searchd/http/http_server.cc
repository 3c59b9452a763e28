#include "searchd/http/http_server.h"

#include <httplib.h>

#include <chrono>
#include <cstdio>

#include "searchd/http/json_render.h"
#include "searchd/http/routes.h"

namespace chancery {
namespace {

// httplib serves a connection on one pool thread from accept to close, so
// a kept-alive connection holds its thread while idle, and a connection
// accepted while every thread is busy waits in the pool's queue.
// - An idle connection gives its thread back after 1 s (httplib takes whole
//   seconds; 1 is the least that still keeps a client's back-to-back
//   requests on one connection).
// - A busy connection is closed after 100 requests, so that connections
//   queued behind it get a thread (round robin) instead of waiting for it
//   to go idle; the client reconnects, which costs ~0.1 ms on a LAN.
constexpr int kKeepAliveSeconds = 1;
constexpr int kKeepAliveRequests = 100;
// libcpp-httplib 0.11.4 is a compiled library whose listen() backlog is
// CPPHTTPLIB_LISTEN_BACKLOG = 5, fixed when it was built (defining the macro
// here changes nothing). With more clients connecting at once, SYNs beyond
// the queue are dropped and retried by the client 1 s, 3 s later: the 1-2 s
// outliers. Bind() calls listen() again with this backlog (Linux updates a
// listening socket's backlog; the kernel caps it at net.core.somaxconn).
constexpr int kListenBacklog = 1024;
constexpr size_t kMaxPayloadBytes = 64 * 1024;

}  // namespace

struct HttpServer::Impl {
  Impl(const Searcher& searcher, const ServerConfig& config)
      : config(config), context{searcher, config, metrics} {}

  void Handle(const httplib::Request& in, httplib::Response& out) {
    const auto start = std::chrono::steady_clock::now();
    HttpRequest req;
    req.method = in.method;
    req.path = in.path;
    for (const auto& [k, v] : in.params) req.query.emplace_back(k, v);
    Dispatched d = Dispatch(context, std::move(req));
    out.status = d.response.status;
    out.set_header("Accept-Ranges", "none");  // See the pre-routing handler.
    for (const auto& [k, v] : d.response.headers) out.set_header(k, v);
    out.set_content(d.response.body, d.response.content_type);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
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

  const ServerConfig& config;
  Metrics metrics;
  ServerContext context;
  httplib::Server server;
  // The last socket httplib made to bind (set in the socket-options hook).
  socket_t listen_socket = INVALID_SOCKET;
};

HttpServer::HttpServer(const Searcher& searcher, const ServerConfig& config)
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
  s.set_socket_options([this](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    impl_->listen_socket = sock;
  });
  s.set_pre_routing_handler(
      [this](const httplib::Request& in, httplib::Response& out) {
        // Range requests are answered with the whole resource (RFC 9110 lets a
        // server ignore Range). httplib 0.11 would send our 200 with a
        // Content-Range (it only picks 206 when the handler leaves the status
        // unset), and builds multipart answers of any number of ranges: 1000
        // ranges of one file made a response 1000 times its size. The Request
        // is httplib's own non-const object, handed to us as const.
        const_cast<httplib::Request&>(in).ranges.clear();
        if (in.method == "GET" || in.method == "HEAD") {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        // Nothing takes a body: answer other methods (405 or 404) before
        // httplib reads one, which for a POST without Content-Length meant
        // waiting for the 5 s read timeout. The unread body ends the
        // connection.
        impl_->Handle(in, out);
        out.set_header("Connection", "close");
        return httplib::Server::HandlerResponse::Handled;
      });
  s.Get(".*", [this](const httplib::Request& in, httplib::Response& out) {
    impl_->Handle(in, out);
  });
  // Requests httplib refuses itself (malformed or unknown method 400, URI
  // over 8 KB 414, body over the limit 413) get the API's JSON error too.
  s.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request&, httplib::Response& out) {
        if (!out.body.empty())
          return httplib::Server::HandlerResponse::Unhandled;
        const char* code = "bad_request";
        const char* message = "the request could not be read as HTTP/1.1";
        if (out.status == 413) {
          code = "payload_too_large";
          message = "the request body is too large";
        } else if (out.status == 414) {
          code = "uri_too_long";
          message = "the request URI is longer than 8192 bytes";
        } else if (out.status == 416) {
          code = "range_not_satisfiable";
          message = "the Range header cannot be read";
        } else if (out.status != 400) {
          code = "error";
          message = "the request was refused";
        }
        out.set_content(RenderError(code, message, ""), "application/json");
        return httplib::Server::HandlerResponse::Handled;
      }));
  s.set_exception_handler([](const httplib::Request&, httplib::Response& out,
                             const std::exception_ptr&) {
    out.status = 500;
    out.set_content(
        R"({"error":{"code":"internal","message":"unexpected error","param":null}})",
        "application/json");
  });
}

HttpServer::~HttpServer() = default;

Status HttpServer::Bind() {
  const ServerConfig& c = impl_->config;
  if (!impl_->server.bind_to_port(c.listen_host.c_str(), c.listen_port)) {
    return Status::Unavailable("cannot listen on " + c.listen_host + ":" +
                               std::to_string(c.listen_port) +
                               " (address in use or not available)");
  }
  // See kListenBacklog. The socket is the one just bound and listening;
  // should this fail the server still works with httplib's backlog.
  if (impl_->listen_socket != INVALID_SOCKET) {
    ::listen(impl_->listen_socket, kListenBacklog);
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
