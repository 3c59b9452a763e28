#include "searchd/http/connection_gate.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>

#include "common/base/check.h"

namespace chancery {
namespace {

// The answer to a connection the gate ends itself, in the API's JSON error
// shape (searchd/http/json_render.h); "" to close without one.
std::string FarewellText(ConnectionGate::Farewell why) {
  const char* status = nullptr;
  const char* code = nullptr;
  const char* message = nullptr;
  switch (why) {
    case ConnectionGate::Farewell::kSilent:
      return "";
    case ConnectionGate::Farewell::kBusy:
      status = "503 Service Unavailable";
      code = "unavailable";
      message = "too many connections; retry shortly";
      break;
    case ConnectionGate::Farewell::kSlowHeader:
      status = "408 Request Timeout";
      code = "timeout";
      message = "the request header came too slowly";
      break;
    case ConnectionGate::Farewell::kHeaderTooLarge:
      status = "431 Request Header Fields Too Large";
      code = "header_too_large";
      message = "the request header is too large";
      break;
  }
  const std::string body = std::string(R"({"error":{"code":")") + code +
                           R"(","message":")" + message + R"(","param":null}})";
  return std::string("HTTP/1.1 ") + status +
         "\r\nContent-Type: application/json\r\n" +
         (why == ConnectionGate::Farewell::kBusy ? "Retry-After: 1\r\n" : "") +
         "Connection: close\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + body;
}

// Sends `why`'s answer, best effort (the socket's buffer takes it whole or
// the client is not reading), and ends the connection.
void SayGoodbyeAndClose(int fd, ConnectionGate::Farewell why) {
  const std::string answer = FarewellText(why);
  if (!answer.empty()) {
    (void)!send(fd, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    shutdown(fd, SHUT_WR);
  }
  close(fd);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool NameIs(std::string_view line, std::string_view lower_name) {
  if (line.size() <= lower_name.size() || line[lower_name.size()] != ':')
    return false;
  for (size_t i = 0; i < lower_name.size(); ++i) {
    const char c = line[i];
    if ((c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c) != lower_name[i])
      return false;
  }
  return true;
}

}  // namespace

int64_t SteadyNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::string SocketAddress(int fd, bool peer, int* port) {
  sockaddr_storage addr{};
  socklen_t len = sizeof addr;
  auto* any = reinterpret_cast<sockaddr*>(&addr);
  if (port) *port = 0;
  if ((peer ? getpeername(fd, any, &len) : getsockname(fd, any, &len)) != 0)
    return "";
  char text[INET6_ADDRSTRLEN] = "";
  if (addr.ss_family == AF_INET) {
    const auto* a = reinterpret_cast<sockaddr_in*>(&addr);
    inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
    if (port) *port = ntohs(a->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
    inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
    if (port) *port = ntohs(a->sin6_port);
  }
  std::string ip = text;
  if (ip.rfind("::ffff:", 0) == 0 && ip.find('.') != std::string::npos)
    ip.erase(0, 7);  // An IPv4 client of an IPv6 socket.
  return ip;
}

bool HasWholeHeader(std::string_view bytes) {
  return bytes.find("\r\n\r\n") != std::string_view::npos ||
         bytes.find("\n\n") != std::string_view::npos;
}

std::string ForwardedClient(std::string_view header, const std::string& peer,
                            const std::vector<std::string>& trusted_proxies) {
  auto trusted = [&](std::string_view ip) {
    return std::find(trusted_proxies.begin(), trusted_proxies.end(), ip) !=
           trusted_proxies.end();
  };
  if (!trusted(peer)) return peer;
  // Every X-Forwarded-For line, in order, as one list.
  std::vector<std::string_view> hops;
  size_t end = header.find("\n\n");
  if (size_t crlf = header.find("\r\n\r\n"); crlf < end) end = crlf;
  header = header.substr(0, end);
  for (size_t pos = 0; pos < header.size();) {
    size_t eol = header.find('\n', pos);
    if (eol == std::string_view::npos) eol = header.size();
    std::string_view line = header.substr(pos, eol - pos);
    pos = eol + 1;
    if (!NameIs(line, "x-forwarded-for")) continue;
    std::string_view list = line.substr(sizeof "x-forwarded-for");
    for (size_t start = 0; start <= list.size();) {
      size_t comma = list.find(',', start);
      if (comma == std::string_view::npos) comma = list.size();
      std::string_view hop = Trim(list.substr(start, comma - start));
      if (!hop.empty()) hops.push_back(hop);
      start = comma + 1;
    }
  }
  for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
    if (!trusted(*it)) return std::string(it->substr(0, 64));
  }
  return peer;
}

ConnectionGate::ConnectionGate(const ConnectionLimits& limits, int workers,
                               ServeFn serve)
    : limits_(limits), serve_(std::move(serve)) {
  CHECK(workers >= 1);
  epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  CHECK(epoll_fd_ >= 0 && wake_fd_ >= 0);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = wake_fd_;
  CHECK(epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &ev) == 0);
  for (int i = 0; i < workers; ++i)
    workers_.emplace_back([this] { WorkerLoop(); });
  poller_ = std::thread([this] { PollLoop(); });
}

ConnectionGate::~ConnectionGate() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  const uint64_t one = 1;
  (void)!write(wake_fd_, &one, sizeof one);
  poller_.join();
  // Workers serve what is queued, then stop.
  for (std::thread& w : workers_) w.join();
  std::lock_guard<std::mutex> lock(mu_);
  while (!entries_.empty())
    CloseLocked(entries_.begin()->first, Farewell::kSilent);
  close(epoll_fd_);
  close(wake_fd_);
}

bool ConnectionGate::TrustedPeer(const std::string& peer) const {
  return std::find(limits_.trusted_proxies.begin(),
                   limits_.trusted_proxies.end(),
                   peer) != limits_.trusted_proxies.end();
}

void ConnectionGate::Admit(int fd) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  // Responses go out as header then body; with Nagle's algorithm the body
  // would wait for the client's delayed ACK (40 ms on Linux).
  int yes = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
  const std::string peer = SocketAddress(fd, /*peer=*/true);
  std::lock_guard<std::mutex> lock(mu_);
  const bool trusted = TrustedPeer(peer);
  auto count = per_client_.find(peer);
  if (stopping_ ||
      static_cast<int>(entries_.size()) >= limits_.max_connections ||
      (!trusted && count != per_client_.end() &&
       count->second >= limits_.max_per_client)) {
    SayGoodbyeAndClose(fd, Farewell::kBusy);
    return;
  }
  Entry& e = entries_[fd];
  e.conn = std::make_unique<Connection>();
  e.conn->fd = fd;
  e.conn->peer = peer;
  e.conn->client = peer;
  if (!trusted) {  // Behind a proxy, requests are counted, not connections.
    ++per_client_[peer];
    e.counted_client = peer;
  }
  e.header_started = true;
  e.deadline_ms = SteadyNowMs() + limits_.header_timeout_ms;
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
  ev.data.fd = fd;
  if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev) != 0)
    CloseLocked(fd, Farewell::kSilent);
}

int ConnectionGate::open_connections() const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<int>(entries_.size());
}

void ConnectionGate::PollLoop() {
  epoll_event events[64];
  int64_t last_scan = 0;  // Deadlines are checked every 50 ms or so.
  for (;;) {
    const int n = epoll_wait(epoll_fd_, events, 64, 100);
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) return;
    for (int i = 0; i < n; ++i) {
      const int fd = events[i].data.fd;
      auto it = entries_.find(fd);
      if (fd == wake_fd_ || it == entries_.end() ||
          it->second.state != State::kWaiting) {
        continue;
      }
      ReadAvailable(fd, it->second);
    }
    const int64_t now = SteadyNowMs();
    if (now - last_scan >= 50) {
      ExpireLocked(now);
      last_scan = now;
    }
  }
}

void ConnectionGate::ReadAvailable(int fd, Entry& e) {
  Connection& c = *e.conn;
  char buf[4096];
  for (;;) {
    const ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n > 0) {
      if (!e.header_started) {
        e.header_started = true;
        e.deadline_ms = SteadyNowMs() + limits_.header_timeout_ms;
      }
      c.buffered.append(buf, static_cast<size_t>(n));
      if (c.buffered.size() > limits_.max_header_bytes) break;
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
    CloseLocked(fd, Farewell::kSilent);  // Closed by the client, or reset.
    return;
  }
  if (HasWholeHeader(c.buffered)) {
    Dispatch(fd, e);
  } else if (c.buffered.size() > limits_.max_header_bytes) {
    CloseLocked(fd, Farewell::kHeaderTooLarge);
  }
}

void ConnectionGate::Dispatch(int fd, Entry& e) {
  Connection& c = *e.conn;
  epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
  if (TrustedPeer(c.peer)) {
    c.client = ForwardedClient(c.buffered, c.peer, limits_.trusted_proxies);
    int& in_flight = per_client_[c.client];
    if (in_flight >= limits_.max_per_client) {
      if (in_flight == 0) per_client_.erase(c.client);
      CloseLocked(fd, Farewell::kBusy);
      return;
    }
    ++in_flight;
    e.counted_client = c.client;
  }
  e.state = State::kQueued;
  queue_.push_back(fd);
  work_ready_.notify_one();
}

void ConnectionGate::WorkerLoop() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    work_ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // Stopping, and nothing left to serve.
    const int fd = queue_.front();
    queue_.pop_front();
    Entry& e = entries_.at(fd);  // Not erased while queued or serving.
    e.state = State::kServing;
    ++serving_;
    Connection* conn = e.conn.get();
    lock.unlock();
    const bool keep = serve_(*conn);
    FinishRequest(fd, keep);
    lock.lock();
  }
}

void ConnectionGate::FinishRequest(int fd, bool keep) {
  std::lock_guard<std::mutex> lock(mu_);
  Entry& e = entries_.at(fd);
  e.state = State::kWaiting;
  --serving_;
  ++e.conn->requests;
  if (TrustedPeer(e.conn->peer) && !e.counted_client.empty()) {
    if (--per_client_[e.counted_client] <= 0)
      per_client_.erase(e.counted_client);
    e.counted_client.clear();
  }
  if (!keep || stopping_) {
    CloseLocked(fd, Farewell::kSilent);
    return;
  }
  e.header_started = !e.conn->buffered.empty();
  e.deadline_ms = SteadyNowMs() + (e.header_started ? limits_.header_timeout_ms
                                                    : limits_.idle_timeout_ms);
  if (HasWholeHeader(e.conn->buffered)) {  // A pipelined request.
    Dispatch(fd, e);
    return;
  }
  // Adding reports data that came while the request was served.
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
  ev.data.fd = fd;
  if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev) != 0)
    CloseLocked(fd, Farewell::kSilent);
}

void ConnectionGate::ExpireLocked(int64_t now_ms) {
  std::vector<std::pair<int, bool>> expired;  // fd, whether a header began
  for (const auto& [fd, e] : entries_) {
    if (e.state == State::kWaiting && e.deadline_ms <= now_ms)
      expired.emplace_back(fd, !e.conn->buffered.empty());
  }
  for (const auto& [fd, started] : expired)
    CloseLocked(fd, started ? Farewell::kSlowHeader : Farewell::kSilent);
}

void ConnectionGate::CloseLocked(int fd, Farewell why) {
  auto it = entries_.find(fd);
  if (it == entries_.end()) return;
  DCHECK(it->second.state != State::kServing);
  if (!it->second.counted_client.empty()) {
    auto count = per_client_.find(it->second.counted_client);
    if (count != per_client_.end() && --count->second <= 0)
      per_client_.erase(count);
  }
  epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
  entries_.erase(it);
  SayGoodbyeAndClose(fd, why);
}

}  // namespace chancery
