#include "searchd/http/connection_gate.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace chancery {
namespace {

using Clock = std::chrono::steady_clock;

// A loopback listener whose accepted sockets go to a gate, with a ServeFn
// that answers each request with its first line and keeps the connection.
class GateFixture {
 public:
  explicit GateFixture(const ConnectionLimits& limits, int workers = 1) {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    EXPECT_EQ(bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr),
              0);
    EXPECT_EQ(listen(listener_, 512), 0);
    socklen_t len = sizeof addr;
    getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    gate_ = std::make_unique<ConnectionGate>(
        limits, workers, [this](Connection& c) { return Serve(c); });
    acceptor_ = std::thread([this] {
      for (;;) {
        const int fd = accept(listener_, nullptr, nullptr);
        if (fd < 0) return;
        gate_->Admit(fd);
      }
    });
  }
  ~GateFixture() {
    shutdown(listener_, SHUT_RDWR);
    close(listener_);
    acceptor_.join();
    gate_.reset();
  }

  // A client socket from `source` (any 127.x.y.z works on Linux).
  int Connect(const char* source = "127.0.0.1") const {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in from{};
    from.sin_family = AF_INET;
    inet_pton(AF_INET, source, &from.sin_addr);
    EXPECT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from), 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<uint16_t>(port_));
    inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    EXPECT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to), 0);
    return fd;
  }

  ConnectionGate& gate() { return *gate_; }
  std::atomic<int> served{0};
  std::atomic<int> serve_delay_ms{0};

 private:
  bool Serve(Connection& c) {
    const size_t end = c.buffered.find("\r\n\r\n");
    const std::string first_line = c.buffered.substr(0, c.buffered.find('\r'));
    c.buffered.erase(0, end + 4);
    if (serve_delay_ms > 0)
      std::this_thread::sleep_for(std::chrono::milliseconds(serve_delay_ms));
    const std::string body = first_line + " from " + c.client;
    const std::string answer =
        "HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(body.size()) +
        "\r\n\r\n" + body;
    send(c.fd, answer.data(), answer.size(), MSG_NOSIGNAL);
    ++served;
    return true;
  }

  int listener_ = -1;
  int port_ = 0;
  std::unique_ptr<ConnectionGate> gate_;
  std::thread acceptor_;
};

// What arrives on `fd` within `timeout_ms` (until a pause or the end).
std::string ReadSome(int fd, int timeout_ms = 2000) {
  std::string out;
  char buf[4096];
  pollfd p{fd, POLLIN, 0};
  while (poll(&p, 1, out.empty() ? timeout_ms : 100) > 0) {
    const ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

bool ClosedByPeer(int fd, int timeout_ms) {
  pollfd p{fd, POLLIN, 0};
  if (poll(&p, 1, timeout_ms) <= 0) return false;
  char c;
  return recv(fd, &c, 1, MSG_PEEK) == 0;
}

void SendAll(int fd, const std::string& text) {
  ASSERT_EQ(send(fd, text.data(), text.size(), MSG_NOSIGNAL),
            static_cast<ssize_t>(text.size()));
}

TEST(ConnectionGateTest, HeaderHelpers) {
  EXPECT_FALSE(HasWholeHeader("GET / HTTP/1.1\r\nHost: x\r\n"));
  EXPECT_TRUE(HasWholeHeader("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_TRUE(HasWholeHeader("GET / HTTP/1.0\n\n"));
  const std::vector<std::string> proxies = {"10.0.0.1", "10.0.0.2"};
  const std::string header =
      "GET / HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 6.6.6.6, 1.2.3.4\r\n"
      "x-forwarded-for: 10.0.0.2\r\n\r\nX-Forwarded-For: 9.9.9.9\r\n";
  // The rightmost address no trusted proxy holds; a spoofed left part and
  // anything after the header do not count.
  EXPECT_EQ(ForwardedClient(header, "10.0.0.1", proxies), "1.2.3.4");
  EXPECT_EQ(ForwardedClient(header, "5.5.5.5", proxies), "5.5.5.5");
  EXPECT_EQ(ForwardedClient("GET / HTTP/1.1\r\n\r\n", "10.0.0.1", proxies),
            "10.0.0.1");
}

// The attack the gate exists for: connections that never finish a header
// or sit idle hold no worker, so the one worker still answers at once.
TEST(ConnectionGateTest, IdleAndTricklingConnectionsHoldNoWorker) {
  ConnectionLimits limits;
  limits.max_per_client = 1000;
  GateFixture f(limits, /*workers=*/1);
  std::vector<int> idle;
  for (int i = 0; i < 200; ++i) idle.push_back(f.Connect("127.0.0.2"));
  std::vector<int> trickling;
  for (int i = 0; i < 50; ++i) {
    trickling.push_back(f.Connect("127.0.0.3"));
    SendAll(trickling.back(), "GET /slow HTTP/1.1\r\nHo");
  }
  const int fd = f.Connect();
  const auto start = Clock::now();
  SendAll(fd, "GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(ReadSome(fd).find("GET /a HTTP/1.1 from 127.0.0.1"),
            std::string::npos);
  EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(500));
  // Kept alive: a second request on the same connection.
  SendAll(fd, "GET /b HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(ReadSome(fd).find("GET /b HTTP/1.1"), std::string::npos);
  EXPECT_EQ(f.served, 2);
  EXPECT_EQ(f.gate().open_connections(), 251);
  for (int s : idle) close(s);
  for (int s : trickling) close(s);
  close(fd);
}

TEST(ConnectionGateTest, SlowHeaderGets408AndIdleConnectionCloses) {
  ConnectionLimits limits;
  limits.header_timeout_ms = 300;
  limits.idle_timeout_ms = 600;
  GateFixture f(limits);
  const int slow = f.Connect();
  SendAll(slow, "GET / HTTP/1.1\r\n");
  const auto start = Clock::now();
  const std::string answer = ReadSome(slow, 3000);
  EXPECT_EQ(answer.rfind("HTTP/1.1 408 ", 0), 0u) << answer;
  EXPECT_NE(answer.find(R"("code":"timeout")"), std::string::npos);
  EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(1500));
  close(slow);
  // Served, then idle past its keep-alive time: closed without a word.
  const int kept = f.Connect();
  SendAll(kept, "GET / HTTP/1.1\r\n\r\n");
  EXPECT_NE(ReadSome(kept).find("200 OK"), std::string::npos);
  EXPECT_TRUE(ClosedByPeer(kept, 3000));
  close(kept);
  EXPECT_EQ(f.gate().open_connections(), 0);
}

TEST(ConnectionGateTest, CapsAnswer503WithRetryAfter) {
  ConnectionLimits limits;
  limits.max_per_client = 3;
  limits.max_connections = 5;
  GateFixture f(limits);
  std::vector<int> open;
  for (int i = 0; i < 3; ++i) open.push_back(f.Connect("127.0.0.4"));
  while (f.gate().open_connections() < 3)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const int fourth = f.Connect("127.0.0.4");
  const std::string refused = ReadSome(fourth);
  EXPECT_EQ(refused.rfind("HTTP/1.1 503 ", 0), 0u) << refused;
  EXPECT_NE(refused.find("Retry-After: 1\r\n"), std::string::npos);
  EXPECT_NE(refused.find(R"("code":"unavailable")"), std::string::npos);
  close(fourth);
  // Another client is still welcome, up to the total.
  for (int i = 0; i < 2; ++i) open.push_back(f.Connect("127.0.0.5"));
  while (f.gate().open_connections() < 5)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const int sixth = f.Connect("127.0.0.6");
  EXPECT_EQ(ReadSome(sixth).rfind("HTTP/1.1 503 ", 0), 0u);
  close(sixth);
  // Closing frees the place.
  close(open[0]);
  while (f.gate().open_connections() > 4)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const int again = f.Connect("127.0.0.4");
  SendAll(again, "GET /again HTTP/1.1\r\n\r\n");
  EXPECT_NE(ReadSome(again).find("GET /again"), std::string::npos);
  close(again);
  for (size_t i = 1; i < open.size(); ++i) close(open[i]);
}

TEST(ConnectionGateTest, HugeHeaderGets431) {
  ConnectionLimits limits;
  limits.max_header_bytes = 1024;
  GateFixture f(limits);
  const int fd = f.Connect();
  SendAll(fd, "GET / HTTP/1.1\r\nX-A: " + std::string(4000, 'a'));
  const std::string answer = ReadSome(fd);
  EXPECT_EQ(answer.rfind("HTTP/1.1 431 ", 0), 0u) << answer.substr(0, 80);
  close(fd);
  EXPECT_EQ(f.served, 0);
}

TEST(ConnectionGateTest, PipelinedRequestsAreServedInOrder) {
  GateFixture f(ConnectionLimits{});
  const int fd = f.Connect();
  SendAll(fd, "GET /1 HTTP/1.1\r\n\r\nGET /2 HTTP/1.1\r\n\r\nGET /3 HT");
  SendAll(fd, "TP/1.1\r\n\r\n");
  std::string all;
  while (f.served < 3 && all.size() < 1000) all += ReadSome(fd);
  const size_t one = all.find("GET /1 "), two = all.find("GET /2 "),
               three = all.find("GET /3 ");
  ASSERT_NE(three, std::string::npos) << all;
  EXPECT_LT(one, two);
  EXPECT_LT(two, three);
  close(fd);
}

// Behind a trusted proxy the cap counts each forwarded client's requests in
// flight, not the proxy's connections.
TEST(ConnectionGateTest, TrustedProxyCountsForwardedClients) {
  ConnectionLimits limits;
  limits.max_per_client = 1;
  limits.trusted_proxies = {"127.0.0.7"};
  GateFixture f(limits, /*workers=*/4);
  f.serve_delay_ms = 300;
  std::vector<int> proxy;
  for (int i = 0; i < 3; ++i) proxy.push_back(f.Connect("127.0.0.7"));
  SendAll(proxy[0], "GET /x HTTP/1.1\r\nX-Forwarded-For: 8.8.8.8\r\n\r\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  SendAll(proxy[1], "GET /y HTTP/1.1\r\nX-Forwarded-For: 8.8.8.8\r\n\r\n");
  SendAll(proxy[2], "GET /z HTTP/1.1\r\nX-Forwarded-For: 9.9.9.9\r\n\r\n");
  EXPECT_NE(ReadSome(proxy[0]).find("GET /x HTTP/1.1 from 8.8.8.8"),
            std::string::npos);
  EXPECT_EQ(ReadSome(proxy[1]).rfind("HTTP/1.1 503 ", 0), 0u);
  EXPECT_NE(ReadSome(proxy[2]).find("from 9.9.9.9"), std::string::npos);
  for (int s : proxy) close(s);
}

}  // namespace
}  // namespace chancery
