#include "searchd/http/http_server.h"

#include <httplib.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

#include "searchd/http/connection_gate.h"
#include "searchd/http/json_render.h"
#include "searchd/http/routes.h"

namespace chancery {
namespace {

// libcpp-httplib 0.11.4 is a compiled library whose listen() backlog is
// CPPHTTPLIB_LISTEN_BACKLOG = 5, fixed when it was built (defining the macro
// here changes nothing). With more clients connecting at once, SYNs beyond
// the queue are dropped and retried by the client 1 s, 3 s later: the 1-2 s
// outliers. Bind() calls listen() again with this backlog (Linux updates a
// listening socket's backlog; the kernel caps it at net.core.somaxconn).
constexpr int kListenBacklog = 1024;
constexpr size_t kMaxPayloadBytes = 64 * 1024;
// How long a worker waits on a client that stops reading its response.
constexpr int kWriteTimeoutMs = 5000;

// One request's view of a gated connection (connection_gate.h) for httplib:
// reads come from the bytes the gate buffered, then from the socket until
// `read_deadline_ms`; what is read past the request stays buffered for the
// next one. Notes whether the connection must end after the response:
// "Connection: close" (which httplib adds for HTTP/1.0 clients and our
// handlers set for bodies they do not read) or a request httplib refused.
class ConnectionStream : public httplib::Stream {
 public:
  ConnectionStream(Connection& conn, int64_t read_deadline_ms)
      : conn_(conn), read_deadline_ms_(read_deadline_ms) {}
  ~ConnectionStream() override { conn_.buffered.erase(0, consumed_); }

  bool is_readable() const override {
    return consumed_ < conn_.buffered.size() || Wait(POLLIN, 0);
  }
  bool is_writable() const override { return Wait(POLLOUT, kWriteTimeoutMs); }

  ssize_t read(char* ptr, size_t size) override {
    if (consumed_ == conn_.buffered.size()) {
      conn_.buffered.clear();
      consumed_ = 0;
      char buf[4096];
      ssize_t n;
      do {
        const int64_t left = read_deadline_ms_ - SteadyNowMs();
        if (left <= 0 || !Wait(POLLIN, static_cast<int>(left))) return -1;
        n = recv(conn_.fd, buf, sizeof buf, 0);
      } while (n < 0 && (errno == EINTR || errno == EAGAIN));
      if (n <= 0) return n;
      conn_.buffered.assign(buf, static_cast<size_t>(n));
    }
    const size_t n = std::min(size, conn_.buffered.size() - consumed_);
    std::memcpy(ptr, conn_.buffered.data() + consumed_, n);
    consumed_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    NoteHeader(ptr, size);
    size_t sent = 0;
    while (sent < size) {
      const ssize_t n = send(conn_.fd, ptr + sent, size - sent, MSG_NOSIGNAL);
      if (n > 0) {
        sent += static_cast<size_t>(n);
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else if (n < 0 && errno == EAGAIN) {
        if (!Wait(POLLOUT, kWriteTimeoutMs)) return -1;
      } else {
        return -1;
      }
    }
    return static_cast<ssize_t>(size);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = conn_.client;  // The forwarded client behind a trusted proxy.
    port = 0;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = SocketAddress(conn_.fd, /*peer=*/false, &port);
  }
  socket_t socket() const override { return conn_.fd; }

  bool response_closes() const { return response_closes_; }

 private:
  bool Wait(short events, int timeout_ms) const {
    pollfd p{conn_.fd, events, 0};
    int r;
    do {
      r = poll(&p, 1, timeout_ms);
    } while (r < 0 && errno == EINTR);
    return r > 0 && (p.revents & (events | POLLHUP | POLLERR)) != 0;
  }

  // Scans the response header (httplib writes it before the body).
  void NoteHeader(const char* ptr, size_t size) {
    if (header_done_) return;
    header_.append(ptr, std::min(size, size_t{16384}));
    std::string lower = header_;
    for (char& c : lower) c = static_cast<char>(std::tolower(c));
    if (lower.find("\r\nconnection: close\r\n") != std::string::npos)
      response_closes_ = true;
    // httplib's own refusals (a request it could not read, a URI or body
    // too long) leave the rest of that request unread: end the connection,
    // as nginx does, rather than read the rest as another request.
    for (const char* refusal :
         {"HTTP/1.1 400 ", "HTTP/1.1 413 ", "HTTP/1.1 414 "}) {
      if (header_.rfind(refusal, 0) == 0) response_closes_ = true;
    }
    header_done_ =
        lower.find("\r\n\r\n") != std::string::npos || header_.size() >= 16384;
  }

  Connection& conn_;
  const int64_t read_deadline_ms_;
  size_t consumed_ = 0;  // Of conn_.buffered.
  std::string header_;
  bool header_done_ = false;
  bool response_closes_ = false;
};

// httplib accepts on its own thread and gives each socket to its task
// queue; this queue runs the task at once, and the task (our override of
// process_and_close_socket) only hands the socket to the gate, so no
// thread waits on a connection. A gate worker then has httplib parse and
// answer one request (process_request, httplib's protected per-request
// step) through a ConnectionStream.
class InlineTaskQueue : public httplib::TaskQueue {
 public:
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override {}
};

}  // namespace

// Named rather than file-local because HttpServer::Impl holds one: GCC's
// -Wsubobject-linkage rejects a field of a file-local type once this file
// is compiled inside a unity batch (CHANCERY_UNITY_BUILD).
namespace http_server_internal {

class GatedServer : public httplib::Server {
 public:
  // `gate` outlives serving; null drops connections (not serving).
  void set_gate(ConnectionGate* gate) { gate_ = gate; }

  // Serves one request of `conn`; whether the connection stays open.
  bool ServeOne(Connection& conn, int header_timeout_ms) {
    ConnectionStream stream(conn, SteadyNowMs() + header_timeout_ms);
    bool connection_closed = false;
    const bool ok = process_request(stream, false, connection_closed, nullptr);
    return ok && !connection_closed && !stream.response_closes();
  }

 private:
  bool process_and_close_socket(socket_t sock) override {
    if (gate_ == nullptr) {
      close(sock);
      return false;
    }
    gate_->Admit(sock);
    return true;
  }

  ConnectionGate* gate_ = nullptr;
};

}  // namespace http_server_internal

struct HttpServer::Impl {
  Impl(const Searcher& searcher, const ServerConfig& config)
      : config(config), context{searcher, config, metrics} {}

  void Handle(const httplib::Request& in, httplib::Response& out) {
    const auto start = std::chrono::steady_clock::now();
    HttpRequest req;
    req.method = in.method;
    req.path = in.path;
    for (const auto& [k, v] : in.params) req.query.emplace_back(k, v);
    for (const auto& [k, v] : in.headers) req.headers.emplace_back(k, v);
    Dispatched d = Dispatch(context, std::move(req));
    out.status = d.response.status;
    out.set_header("Accept-Ranges", "none");  // See the pre-routing handler.
    for (const auto& [k, v] : d.response.headers) out.set_header(k, v);
    if (d.response.stream && in.method != "HEAD") {
      out.set_chunked_content_provider(
          d.response.content_type, [stream = std::move(d.response.stream)](
                                       size_t, httplib::DataSink& sink) {
            const bool whole = stream([&sink](std::string_view bytes) {
              return bytes.empty() || sink.write(bytes.data(), bytes.size());
            });
            if (whole) sink.done();
            return whole;
          });
    } else if (d.response.status != 304) {
      // A 304 has no body and no Content-Type of its own (RFC 9110 15.4.5).
      out.set_content(d.response.body, d.response.content_type);
    }
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
  http_server_internal::GatedServer server;
  std::unique_ptr<ConnectionGate> gate;  // While Serve() runs.
  // The last socket httplib made to bind (set in the socket-options hook).
  socket_t listen_socket = INVALID_SOCKET;
};

HttpServer::HttpServer(const Searcher& searcher, const ServerConfig& config)
    : impl_(std::make_unique<Impl>(searcher, config)) {
  httplib::Server& s = impl_->server;
  s.new_task_queue = [] { return new InlineTaskQueue(); };
  s.set_payload_max_length(kMaxPayloadBytes);
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
  const ServerConfig& c = impl_->config;
  ConnectionLimits limits;
  limits.header_timeout_ms = c.header_timeout_ms;
  limits.idle_timeout_ms = c.idle_timeout_ms;
  limits.max_per_client = c.max_connections_per_client;
  limits.trusted_proxies = c.trusted_proxies;
  // Past the open-file limit accept() fails; keep room for the index's
  // files and the listening socket.
  limits.max_connections = c.max_connections;
  if (rlimit files{}; getrlimit(RLIMIT_NOFILE, &files) == 0 &&
                      files.rlim_cur != RLIM_INFINITY) {
    limits.max_connections = static_cast<int>(std::min<rlim_t>(
        limits.max_connections,
        files.rlim_cur > 256 ? files.rlim_cur - 128 : files.rlim_cur / 2));
  }
  http_server_internal::GatedServer& server = impl_->server;
  impl_->gate = std::make_unique<ConnectionGate>(
      limits, c.http_threads, [&server, &c](Connection& conn) {
        return server.ServeOne(conn, c.header_timeout_ms);
      });
  server.set_gate(impl_->gate.get());
  const bool listened = server.listen_after_bind();
  // Requests in flight finish; idle connections close.
  server.set_gate(nullptr);
  impl_->gate.reset();
  if (!listened) {
    return Status::IoError("the server stopped accepting connections");
  }
  return Status::Ok();
}

void HttpServer::Stop() { impl_->server.stop(); }

}  // namespace chancery
