#include "bench/search_bench/export_bench.h"

#include <httplib.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace chancery::bench {
namespace {

// "VmRSS" or "VmHWM" of `pid`, in MB.
double MemoryMb(pid_t pid, const std::string& key) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key + ":", 0) == 0) {
      return std::stod(line.substr(key.size() + 1)) / 1024.0;
    }
  }
  return -1;
}

// CPU seconds (user + system) `pid` has used so far.
double CpuSeconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), {});
  // Fields after the command's closing parenthesis; utime, stime are the
  // 12th and 13th of them.
  std::istringstream rest(stat.substr(stat.rfind(')') + 2));
  std::string field;
  double ticks = 0;
  for (int i = 1; i <= 13 && rest >> field; ++i) {
    if (i >= 12) ticks += std::stod(field);
  }
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

struct Exported {
  bool ok = false;
  long rows = 0;  // Lines after the header.
  long long bytes = 0;
  long expected = -1;  // X-Total-Count
  double seconds = 0;
};

Exported Export(int port, const std::string& target) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(600, 0);
  Exported e;
  long lines = 0;
  const auto start = std::chrono::steady_clock::now();
  auto r = client.Get(
      target.c_str(),
      [&](const httplib::Response& response) {
        if (response.has_header("X-Total-Count")) {
          e.expected = std::stol(response.get_header_value("X-Total-Count"));
        }
        return response.status == 200;
      },
      [&](const char* data, size_t n) {
        e.bytes += static_cast<long long>(n);
        for (size_t i = 0; i < n; ++i) lines += data[i] == '\n';
        return true;
      });
  e.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  e.rows = lines - 1;
  e.ok = r && r->status == 200 && e.rows == e.expected;
  return e;
}

}  // namespace

bool RunExportBench(int port, pid_t server_pid, const std::string& country) {
  // Titles may hold line breaks inside quotes; ids, dates and entity ids
  // cannot, so these columns count rows by line.
  const std::string columns =
      "fields=id,date,url,source,lang,country,person,org";
  const double rss_before = MemoryMb(server_pid, "VmRSS");
  const double hwm_before = MemoryMb(server_pid, "VmHWM");
  Exported small =
      Export(port, "/api/export?format=csv&" + columns + "&country=" + country);
  const double hwm_small = MemoryMb(server_pid, "VmHWM");
  const double cpu_before = CpuSeconds(server_pid);
  Exported all = Export(port, "/api/export?format=csv&" + columns);
  const double cpu_all = CpuSeconds(server_pid) - cpu_before;
  const double hwm_all = MemoryMb(server_pid, "VmHWM");
  Exported titled = Export(port, "/api/export?format=csv");
  std::printf(
      "export, country=%s, CSV:           %ld rows, %.1f MB in %.2f s: %.0f "
      "rows/s%s\n",
      country.c_str(), small.rows, small.bytes / 1e6, small.seconds,
      small.rows / small.seconds, small.ok ? "" : "  FAILED");
  std::printf(
      "export, every article, CSV:        %ld rows, %.1f MB in %.2f s: %.0f "
      "rows/s%s; server CPU %.2f s: %.0f rows per CPU-second\n",
      all.rows, all.bytes / 1e6, all.seconds, all.rows / all.seconds,
      all.ok ? "" : "  FAILED", cpu_all, all.rows / cpu_all);
  std::printf(
      "export, every article, default:    %.1f MB (with titles) in %.2f s: "
      "%.0f rows/s\n",
      titled.bytes / 1e6, titled.seconds, all.rows / titled.seconds);
  std::printf(
      "server memory: RSS %.0f MB before; peak %.0f MB before, %.0f MB after "
      "the %ld-row export, %.0f MB after the %ld-row one (%.0f MB of CSV "
      "sent)\n",
      rss_before, hwm_before, hwm_small, small.rows, hwm_all, all.rows,
      all.bytes / 1e6);
  return small.ok && all.ok && titled.bytes > all.bytes;
}

}  // namespace chancery::bench
