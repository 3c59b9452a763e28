// ConnectionGate: holds a server's open connections while they are idle or
// still sending a request's header, on one epoll thread, and hands a
// connection to a worker thread only once a whole header has arrived. An
// idle keep-alive connection or a client trickling its header one byte a
// second costs a file descriptor, not a thread, so it cannot delay anyone
// else's query; it is closed when its deadline passes.
//
// It also caps open connections in total and per client address. Past a
// cap a new connection gets a canned 503 with Retry-After and is closed.
// Behind a reverse proxy whose address is listed in
// ConnectionLimits::trusted_proxies, the client is the X-Forwarded-For
// address the proxy appended, and the per-client cap counts that client's
// requests in flight.
//
// Knows sockets, not HTTP libraries: the ServeFn (http_server.cc) serves one
// request from a Connection with whatever parser it likes.
//
// Thread safety: Admit() may be called from any thread; the ServeFn runs on
// the gate's workers, one call per connection at a time. The destructor
// waits for requests in flight, then closes every connection.
#ifndef CHANCERY_SEARCHD_HTTP_CONNECTION_GATE_H_
#define CHANCERY_SEARCHD_HTTP_CONNECTION_GATE_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace chancery {

struct ConnectionLimits {
  // From accept, or from the first byte of a later request on a kept-alive
  // connection, to the end of the request's header.
  int header_timeout_ms = 5000;
  // From the end of a response to the first byte of the next request.
  int idle_timeout_ms = 30000;
  int max_connections = 4096;  // Open at once, all clients.
  int max_per_client = 64;     // Open at once (requests, behind a proxy).
  // Peers whose X-Forwarded-For is believed (exact IP addresses).
  std::vector<std::string> trusted_proxies;
  // A header longer than this gets 431 and the connection is closed.
  size_t max_header_bytes = 16 * 1024;
};

// One client connection. The gate owns it; a ServeFn borrows it for one
// request.
struct Connection {
  int fd = -1;
  std::string peer;    // The socket's peer address.
  std::string client;  // Whom the caps count: peer, or the forwarded client.
  // Bytes received and not yet consumed by a request: the gate reads a
  // header into it; the ServeFn consumes from its front and may leave the
  // start of a pipelined next request here.
  std::string buffered;
  int requests = 0;  // Served on this connection so far.
};

// Milliseconds on the steady clock: the gate's and its streams' deadlines.
int64_t SteadyNowMs();

// The IP address of socket `fd`'s peer (`peer`) or local end, as text
// ("" when it has none), an IPv4 client of an IPv6 socket as IPv4; its
// port in *port when not null.
std::string SocketAddress(int fd, bool peer, int* port = nullptr);

// Whether `bytes` holds a whole HTTP header (ends with an empty line).
bool HasWholeHeader(std::string_view bytes);

// The client a request came from: `peer`, or when `peer` is a trusted proxy,
// the rightmost untrusted address of the header's X-Forwarded-For (the one
// the nearest trusted proxy saw). `header` is the raw request header.
std::string ForwardedClient(std::string_view header, const std::string& peer,
                            const std::vector<std::string>& trusted_proxies);

class ConnectionGate {
 public:
  // Serves one request from `conn` (its header is whole in conn.buffered)
  // and returns whether to keep the connection open for another.
  using ServeFn = std::function<bool(Connection& conn)>;

  // Precondition: workers >= 1, limits' values positive.
  ConnectionGate(const ConnectionLimits& limits, int workers, ServeFn serve);
  ~ConnectionGate();
  ConnectionGate(const ConnectionGate&) = delete;
  ConnectionGate& operator=(const ConnectionGate&) = delete;

  // Takes ownership of an accepted socket `fd`.
  void Admit(int fd);

  // Connections open now (waiting or being served).
  int open_connections() const;

  // How the gate ends a connection itself: closes it, or answers 503 (with
  // Retry-After), 408 or 431 first.
  enum class Farewell { kSilent, kBusy, kSlowHeader, kHeaderTooLarge };

 private:
  enum class State { kWaiting, kQueued, kServing };
  struct Entry {
    std::unique_ptr<Connection> conn;
    State state = State::kWaiting;
    int64_t deadline_ms = 0;
    bool header_started = false;  // Deadline is the header's, not idle.
    std::string counted_client;   // Whose per-client count it holds.
  };

  void PollLoop();
  void WorkerLoop();
  // All of these hold mu_.
  void ReadAvailable(int fd, Entry& e);
  void Dispatch(int fd, Entry& e);
  void CloseLocked(int fd, Farewell why);
  void ExpireLocked(int64_t now_ms);
  void FinishRequest(int fd, bool keep);
  bool TrustedPeer(const std::string& peer) const;

  const ConnectionLimits limits_;
  const ServeFn serve_;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;  // eventfd: wakes the poll loop to stop.

  mutable std::mutex mu_;
  std::condition_variable work_ready_;
  std::map<int, Entry> entries_;           // Guarded by mu_.
  std::map<std::string, int> per_client_;  // Guarded by mu_.
  std::deque<int> queue_;                  // Guarded by mu_.
  int serving_ = 0;                        // Guarded by mu_.
  bool stopping_ = false;                  // Guarded by mu_.
  std::vector<std::thread> workers_;
  std::thread poller_;
};

}  // namespace chancery

#endif  // CHANCERY_SEARCHD_HTTP_CONNECTION_GATE_H_
